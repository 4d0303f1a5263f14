-- The statements behind the benchmarked endpoints, as the server issues them on SQLite
-- (RecordList.fetch for lists and search, Fluent for single records, TimelineService for the
-- timeline; checked against a LOG_LEVEL=trace log). Selected columns are shortened to r.*.
-- Run with: peyvand demo explain plans.sqlite.sql --report <demo load report>

-- name: GET /contacts/{id} (SalesRecords.find)
EXPLAIN QUERY PLAN SELECT "contacts".* FROM "contacts"
WHERE "contacts"."org_id" = {org} AND "contacts"."id" = {contact}
  AND ("contacts"."deleted_at" IS NULL OR "contacts"."deleted_at" > {now}) LIMIT 1;

-- name: GET /contacts (default order: newest first)
EXPLAIN QUERY PLAN SELECT "r".*, "r"."id" AS pv_sort_key FROM "contacts" AS "r"
WHERE "r"."org_id" = {org} AND "r"."deleted_at" IS NULL
ORDER BY "r"."id" DESC, "r"."id" DESC LIMIT 51 OFFSET 0;

-- name: GET /contacts?sort=last_name&province=tehran&limit=50
EXPLAIN QUERY PLAN SELECT "r".*, COALESCE("r"."last_name", '') AS pv_sort_key FROM "contacts" AS "r"
WHERE "r"."org_id" = {org} AND "r"."deleted_at" IS NULL AND "r"."address_province" = 'tehran'
ORDER BY COALESCE("r"."last_name", '') ASC, "r"."id" ASC LIMIT 51 OFFSET 0;

-- name: GET /contacts?sort=last_name&province=tehran&limit=50&cursor=… (second page)
EXPLAIN QUERY PLAN SELECT "r".*, COALESCE("r"."last_name", '') AS pv_sort_key FROM "contacts" AS "r"
WHERE "r"."org_id" = {org} AND "r"."deleted_at" IS NULL AND "r"."address_province" = 'tehran'
  AND COALESCE("r"."last_name", '') >= 'احمدی'
  AND (COALESCE("r"."last_name", '') > 'احمدی' OR (COALESCE("r"."last_name", '') = 'احمدی' AND "r"."id" > {contact}))
ORDER BY COALESCE("r"."last_name", '') ASC, "r"."id" ASC LIMIT 51 OFFSET 0;

-- name: GET /contacts?sort=last_name (no filter)
EXPLAIN QUERY PLAN SELECT "r".*, COALESCE("r"."last_name", '') AS pv_sort_key FROM "contacts" AS "r"
WHERE "r"."org_id" = {org} AND "r"."deleted_at" IS NULL
ORDER BY COALESCE("r"."last_name", '') ASC, "r"."id" ASC LIMIT 51 OFFSET 0;

-- name: GET /contacts?tag=vip
EXPLAIN QUERY PLAN SELECT "r".*, "r"."id" AS pv_sort_key FROM "contacts" AS "r"
WHERE "r"."org_id" = {org} AND "r"."deleted_at" IS NULL
  AND "r"."id" IN (SELECT "record_id" FROM "record_tags" WHERE "org_id" = {org} AND "record_type" = 'contact' AND "tag" = 'vip')
ORDER BY "r"."id" DESC, "r"."id" DESC LIMIT 51 OFFSET 0;

-- name: GET /contacts?q=علی (ranked search)
EXPLAIN QUERY PLAN SELECT "r".*, "r"."id" AS pv_sort_key FROM "contacts" AS "r"
JOIN "contacts_search" ON "contacts_search".rowid = "r".rowid
WHERE "r"."org_id" = {org} AND "r"."deleted_at" IS NULL AND "contacts_search" MATCH '"علی"*'
ORDER BY "contacts_search".rank, "r"."id" ASC LIMIT 51 OFFSET 0;

-- name: GET /accounts/{id}/timeline: the account's contacts (TimelineService.children)
EXPLAIN QUERY PLAN SELECT "contacts".* FROM "contacts"
WHERE "contacts"."org_id" = {org} AND "contacts"."account_id" = {account}
  AND ("contacts"."deleted_at" IS NULL OR "contacts"."deleted_at" > {now})
ORDER BY "contacts"."id" DESC LIMIT 500;

-- name: GET /accounts/{id}/timeline: the account's opportunities
EXPLAIN QUERY PLAN SELECT "opportunities".* FROM "opportunities"
WHERE "opportunities"."org_id" = {org} AND "opportunities"."account_id" = {account}
  AND ("opportunities"."deleted_at" IS NULL OR "opportunities"."deleted_at" > {now})
ORDER BY "opportunities"."id" DESC LIMIT 500;

-- name: GET /accounts/{id}/timeline: activities regarding the account and its children
EXPLAIN QUERY PLAN SELECT "activities".* FROM "activities"
WHERE "activities"."org_id" = {org} AND "activities"."regarding_id" IN ({timeline_ids})
  AND ("activities"."deleted_at" IS NULL OR "activities"."deleted_at" > {now})
ORDER BY "activities"."timeline_at" DESC, "activities"."id" DESC LIMIT 51;

-- name: GET /accounts/{id}/timeline: stage changes of its opportunities
EXPLAIN QUERY PLAN SELECT "opportunity_stage_changes".* FROM "opportunity_stage_changes"
WHERE "opportunity_stage_changes"."org_id" = {org} AND "opportunity_stage_changes"."opportunity_id" IN ({timeline_opportunities})
ORDER BY "opportunity_stage_changes"."changed_at" DESC, "opportunity_stage_changes"."id" DESC LIMIT 51;

-- name: GET /accounts/{id}/timeline: audit entries of the account and its children
EXPLAIN QUERY PLAN SELECT "audit_log".* FROM "audit_log"
WHERE "audit_log"."org_id" = {org}
  AND (("audit_log"."record_type" = 'account' AND "audit_log"."record_id" IN ({account}))
    OR ("audit_log"."record_type" = 'contact' AND "audit_log"."record_id" IN ({timeline_contacts}))
    OR ("audit_log"."record_type" = 'opportunity' AND "audit_log"."record_id" IN ({timeline_opportunities})))
ORDER BY "audit_log"."occurred_at" DESC, "audit_log"."id" DESC LIMIT 51;

-- The web pages' own statements (besides the list statements above), from a LOG_LEVEL=trace log
-- of one request per page (run.sh's statements step). {user} is the demo admin the benchmark
-- signs in as; {pipeline} and {stage} the first active pipeline and its first stage.

-- name: page /opportunities/board: a column's newest 50 cards (RecordList, one per stage)
EXPLAIN QUERY PLAN SELECT "r".*, "r"."updated_at" AS pv_sort_key FROM "opportunities" AS "r"
WHERE "r"."org_id" = {org} AND "r"."deleted_at" IS NULL AND "r"."stage_id" = {stage}
ORDER BY "r"."updated_at" DESC, "r"."id" DESC LIMIT 51 OFFSET 0;

-- name: page /opportunities/board: stage totals of the pipeline (OpportunityService.stageTotals)
EXPLAIN QUERY PLAN SELECT stage_id, currency, COUNT(*) AS records, CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS amount
FROM "opportunities" WHERE org_id = {org} AND pipeline_id = {pipeline} AND deleted_at IS NULL GROUP BY stage_id, currency;

-- name: page /: my pipeline's totals (stageTotals, ownedBy)
EXPLAIN QUERY PLAN SELECT stage_id, currency, COUNT(*) AS records, CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS amount
FROM "opportunities" WHERE org_id = {org} AND pipeline_id = {pipeline} AND deleted_at IS NULL AND owner_user_id = {user}
GROUP BY stage_id, currency;

-- name: page /: my open tasks and calls (RecordList on activities)
EXPLAIN QUERY PLAN SELECT "r".*, "r"."timeline_at" AS pv_sort_key FROM "activities" AS "r"
WHERE "r"."org_id" = {org} AND "r"."deleted_at" IS NULL AND "r"."owner_user_id" = {user} AND "r"."status" = 'open'
  AND "r"."kind" IN ('task', 'call')
ORDER BY "r"."timeline_at" ASC, "r"."id" ASC LIMIT 9 OFFSET 0;

-- name: page /: today's meetings
EXPLAIN QUERY PLAN SELECT "r".*, "r"."timeline_at" AS pv_sort_key FROM "activities" AS "r"
WHERE "r"."org_id" = {org} AND "r"."deleted_at" IS NULL AND "r"."owner_user_id" = {user} AND "r"."status" = 'open'
  AND "r"."kind" = 'meeting' AND "r"."timeline_at" >= {now} AND "r"."timeline_at" <= {now}
ORDER BY "r"."timeline_at" ASC, "r"."id" ASC LIMIT 9 OFFSET 0;

-- name: page /: due reminders (ActivityService.reminders)
EXPLAIN QUERY PLAN SELECT "activities".* FROM "activities"
WHERE "activities"."org_id" = {org} AND "activities"."owner_user_id" = {user} AND "activities"."status" = 'open'
  AND "activities"."remind_at" <= {now} AND ("activities"."deleted_at" IS NULL OR "activities"."deleted_at" > {now})
ORDER BY "activities"."remind_at" ASC, "activities"."id" ASC LIMIT 8;

-- name: page /: records I changed last (audit log by actor)
EXPLAIN QUERY PLAN SELECT "audit_log".* FROM "audit_log"
WHERE "audit_log"."org_id" = {org} AND "audit_log"."actor_user_id" = {user}
  AND "audit_log"."record_type" IN ('contact', 'account', 'lead', 'opportunity')
ORDER BY "audit_log"."occurred_at" DESC LIMIT 40;

-- name: page /activities (default order: timeline_at, newest first)
EXPLAIN QUERY PLAN SELECT "r".*, "r"."timeline_at" AS pv_sort_key FROM "activities" AS "r"
WHERE "r"."org_id" = {org} AND "r"."deleted_at" IS NULL
ORDER BY "r"."timeline_at" DESC, "r"."id" DESC LIMIT 51 OFFSET 0;

-- name: page /contacts/{id}: possible duplicates by name (DuplicateFinder)
EXPLAIN QUERY PLAN SELECT "contacts".* FROM "contacts"
WHERE "contacts"."org_id" = {org} AND "contacts"."name_key" = (SELECT name_key FROM contacts WHERE id = {contact})
  AND "contacts"."account_id" IS NULL AND ("contacts"."deleted_at" IS NULL OR "contacts"."deleted_at" > {now}) LIMIT 10;

-- name: page /contacts/{id}: the contact's opportunities for its timeline
EXPLAIN QUERY PLAN SELECT "opportunities".* FROM "opportunities"
WHERE "opportunities"."org_id" = {org} AND "opportunities"."contact_id" = {contact}
  AND ("opportunities"."deleted_at" IS NULL OR "opportunities"."deleted_at" > {now})
ORDER BY "opportunities"."id" DESC LIMIT 500;

-- name: page /contacts (and every list page): the reader's saved views of the list
EXPLAIN QUERY PLAN SELECT "saved_views".* FROM "saved_views"
WHERE "saved_views"."org_id" = {org} AND "saved_views"."user_id" = {user} AND "saved_views"."resource" = 'contacts'
ORDER BY "saved_views"."name" ASC LIMIT 30;
