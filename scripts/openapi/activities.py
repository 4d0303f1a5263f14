"""The activities module's part of the OpenAPI document: activities, the caller's reminders and the
360° timeline of accounts, contacts, leads and opportunities.

generate.py merges SCHEMAS, EXAMPLES, PARAMETERS, PATHS and TAGS into the document, like those of
sales.py.

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (activityRoutes);
- bodies, list filters and the timeline's query: Sources/PeyvandServer/Activities/API/ActivitiesAPI.swift
  (`read`, `filters`, `timeline`), plus the shared list parameters of
  Sources/PeyvandServer/Sales/API/SalesRequests.swift (listRequest);
- responses: Sources/PeyvandServer/Activities/API/ActivityDTOs.swift (nil optionals are left out, so
  only non-optional properties are required); stage changes are OpportunityDTOs.swift's StageChangeDTO;
- enums: Sources/PeyvandCore/Activities/Models/Activity.swift (Kind, Status, Priority, Direction,
  ActivityParticipant.ParticipantType), ActivityInput.swift (RegardingType);
- validation and rules: Sources/PeyvandCore/Activities/Services/{ActivityInput,ActivityService}.swift;
- sort columns: `ActivityService.list`;
- the timeline: Sources/PeyvandCore/Activities/Queries/Timeline.swift (TimelineService); its
  document entries' statuses: Sources/PeyvandCore/Sales/Models/{Quote,SalesOrder,Invoice}.swift.
"""
from common import (
    BODY_ERRORS, IDEMPOTENCY_ERRORS, TIMESTAMP, UUID, VERSION, P, body, json_ok, list_of, name_field, no_content,
    nullable, obj, op, problems, schema,
)
from sales import MAX_TAG_LENGTH, OPTIONAL, OWNER, OWNER_INPUT, choice, query, text, text_query

# ---------------------------------------------------------------- enums and limits
KINDS = ["task", "call", "meeting", "email", "note", "sms"]        # Activity.Kind
STATUSES = ["open", "completed", "cancelled"]                      # Activity.Status
PRIORITIES = ["low", "normal", "high"]                              # Activity.Priority
DIRECTIONS = ["inbound", "outbound"]                                # Activity.Direction
REGARDING_TYPES = ["account", "contact", "lead", "opportunity"]     # RegardingType
PARTICIPANT_TYPES = ["user", "contact"]                             # ActivityParticipant.ParticipantType
TIMELINE_KINDS = ["activity", "stage_change", "quote", "order", "invoice", "change"]  # TimelineEntry.Kind
DOCUMENT_KINDS = ["quote", "order", "invoice"]                      # DocumentKind (their auditType too)
DOCUMENT_STATUSES = {                                               # Quote/SalesOrder/Invoice.Status
    "quote": ["draft", "sent", "accepted", "rejected", "expired"],
    "order": ["open", "fulfilled", "cancelled"],
    "invoice": ["issued", "partially_paid", "paid", "void"],
}
AUDIT_ACTIONS = ["create", "update", "delete", "restore", "merge"]  # AuditAction
ACTIVITY_SORTS = ["created_at", "updated_at", "timeline_at", "subject"]  # ActivityService.list

MAX_SUBJECT = 300        # ActivityInput.validate
MAX_BODY = 20_000
MAX_PARTICIPANTS = 50    # ActivityInput.maximumParticipants
MAX_REMINDERS = 100      # ActivityService.reminders
MAX_CHILDREN = 500       # TimelineService.maximumChildren


def timestamp_input(description):
    return nullable({"type": "string", "format": "date-time",
                     "description": description + " RFC 3339 with an upper-case `T` and a time zone (`Z` or an offset "
                                                  "such as `+03:30`), fractional seconds allowed (responses give whole "
                                                  "seconds, UTC); anything else is 422 `invalid_format`. null clears.",
                     "examples": ["2026-11-24T09:30:00+03:30"]})


def _timeline_variant(kinds, carried):
    """A TimelineEntry whose `kind` is one of `kinds` carries `carried` and none of the other objects."""
    others = [o for o in ("activity", "stage_change", "document", "change") if o != carried]
    return {"properties": {"kind": {"enum": kinds} if len(kinds) > 1 else {"const": kinds[0]}},
            "required": [carried], "not": {"anyOf": [{"required": [o]} for o in others]}}


# ---------------------------------------------------------------- schemas
SCHEMAS = {
    "ActivityRegarding": obj({
        "type": {"type": "string", "enum": REGARDING_TYPES},
        "id": UUID,
    }, required=["type", "id"], description="The record an activity is about."),
    "ActivityParticipant": obj({
        "type": {"type": "string", "enum": PARTICIPANT_TYPES},
        "id": {**UUID, "description": "The user's or contact's id."},
    }, required=["type", "id"], description="A user or contact taking part (a meeting's attendees, a call's other "
                                            "party)."),
    "Activity": obj({
        "id": UUID,
        "kind": {"type": "string", "enum": KINDS},
        "subject": {"type": "string"},
        "body": {"type": "string"},
        "status": {"type": "string", "enum": STATUSES},
        "priority": {"type": "string", "enum": PRIORITIES},
        "direction": {"type": "string", "enum": DIRECTIONS, "description": "Of a call, e-mail or SMS."},
        "due_at": TIMESTAMP,
        "start_at": TIMESTAMP,
        "end_at": {**TIMESTAMP, "description": "RFC 3339, UTC; not before `start_at`."},
        "remind_at": {**TIMESTAMP, "description": "When the owner is reminded (`GET /api/v1/me/reminders`)."},
        "completed_at": {**TIMESTAMP, "description": "When `status` became `completed`; absent otherwise."},
        "regarding": schema("ActivityRegarding"),
        "participants": {"type": "array", "items": schema("ActivityParticipant")},
        **OWNER,
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "kind", "subject", "status", "priority", "participants", "version"],
        description="Something done or to do with a customer: a task, call, meeting, e-mail, note or SMS, usually "
                    "regarding one record. " + OPTIONAL),
    "RegardingInput": obj({
        "type": {"type": "string", "enum": REGARDING_TYPES,
                 "description": "Missing is 422 `required`, another value `unknown_value` (on `regarding.type`)."},
        "id": {**UUID, "description": "A live record of that type the caller may read, else 422 "
                                      "`referenced_record_missing` on `regarding.id` (`required` when missing, "
                                      "`invalid_uuid` when not a UUID)."},
    }, required=["type", "id"], closed=False),
    "ParticipantInput": obj({
        "type": {"type": "string", "enum": PARTICIPANT_TYPES,
                 "description": "Missing is 422 `required`, another value `unknown_value` (on "
                                "`participants.<index>.type`)."},
        "id": {**UUID, "description": "A user of the organisation or a live contact the caller may read, else 422 "
                                      "`referenced_record_missing` on `participants.<index>.id`."},
    }, required=["type", "id"], closed=False),
    "ActivityList": list_of("Activity", "A page of activities."),
    "Reminders": obj({
        "data": {"type": "array", "maxItems": MAX_REMINDERS, "items": schema("Activity"),
                 "description": f"Soonest reminder first; at most {MAX_REMINDERS}."},
    }, required=["data"], description="The caller's due reminders (not paged: there is no `next_cursor`)."),
    "TimelineChange": obj({
        "action": {"type": "string", "enum": AUDIT_ACTIONS},
        "actor_user_id": {**UUID, "description": "Absent when no user acted."},
        "changes": {"type": "object", "additionalProperties": schema("FieldChange"),
                    "description": "Changed fields only, as in the audit log; a merge adds `merged_record` and "
                                   "`values_not_kept`."},
    }, required=["action", "changes"], description="An audited change of the record or of one of its children."),
    "TimelineDocument": obj({
        "number": {"type": "string", "pattern": "^[QOI]-[0-9]{4}-[0-9]{6,}$",
                   "description": "`Q-`, `O-` or `I-`, the Jalali year and a serial, e.g. `Q-1405-000123`."},
        "status": {"type": "string", "enum": list(dict.fromkeys(x for v in DOCUMENT_STATUSES.values() for x in v)),
                   "description": "Quotes: " + ", ".join(f"`{x}`" for x in DOCUMENT_STATUSES["quote"]) + "; orders: "
                                  + ", ".join(f"`{x}`" for x in DOCUMENT_STATUSES["order"]) + "; invoices: "
                                  + ", ".join(f"`{x}`" for x in DOCUMENT_STATUSES["invoice"]) + "."},
        "total": {**schema("Money"), "description": "The document's total, in its currency."},
    }, required=["number", "status", "total"], description="A quote, order or invoice, in short."),
    "TimelineEntry": {
        **obj({
            "kind": {"type": "string", "enum": TIMELINE_KINDS,
                     "description": "What the entry is: `activity`, `stage_change` and `change` carry the object of "
                                    "that name; `quote`, `order` and `invoice` carry `document`."},
            "id": {**UUID, "description": "The activity's, stage change's, document's or audit entry's id."},
            "at": {**TIMESTAMP, "description": "When it happened (an activity: its start, else its due time, else its "
                                               "creation; a document: its creation); the timeline is ordered by it, "
                                               "newest first."},
            "record_type": {"type": "string", "enum": REGARDING_TYPES + DOCUMENT_KINDS + ["case"],
                            "description": "The record it belongs to: the timeline's own record or one of its "
                                           "children (an account's or contact's service cases are `case`); for a "
                                           "document entry, the document itself (`quote`, `order`, `invoice`)."},
            "record_id": {**UUID, "description": "That record's id (a document entry's is the document's own)."},
            "activity": schema("Activity"),
            "stage_change": schema("StageChange"),
            "document": schema("TimelineDocument"),
            "change": schema("TimelineChange"),
        }, required=["kind", "id", "at", "record_type", "record_id"],
            description="One thing that happened to a record or its children; exactly one of `activity`, "
                        "`stage_change`, `document` and `change` is present, as `kind` says."),
        "oneOf": [_timeline_variant(kinds, carried) for kinds, carried in [
            (["activity"], "activity"), (["stage_change"], "stage_change"), (DOCUMENT_KINDS, "document"),
            (["change"], "change"),
        ]],
    },
    "Timeline": list_of("TimelineEntry", "A page of a record's timeline, newest first."),
}


def activity_fields(creating):
    return {
        "kind": {"type": "string", "enum": KINDS, "description": "Missing or null is 422 `required`, another value "
                                                                 "`unknown_value`."} if creating
        else choice(KINDS, "Another value is 422 `unknown_value`; null keeps the current kind."),
        "subject": name_field(MAX_SUBJECT, "What it is about.") if creating
        else name_field(MAX_SUBJECT, "What it is about; null is 422 `required`."),
        "body": text(MAX_BODY, "Details, notes, the text of an e-mail or SMS; searched by `q`."),
        "status": choice(STATUSES, (
            "Defaults to `open` (`completed` for a `note`)" if creating else "null keeps the current status"
        ) + ". Becoming `completed` sets `completed_at`; leaving it clears it."),
        "priority": choice(PRIORITIES, "Defaults to `normal`; null keeps the current priority." if creating
                           else "null keeps the current priority."),
        "direction": choice(DIRECTIONS, "Of a call, e-mail or SMS. null clears."),
        "due_at": timestamp_input("When a task is due."),
        "start_at": timestamp_input("When it starts."),
        "end_at": timestamp_input("When it ends; not before `start_at` (sent or stored), else 422 `out_of_range` on "
                                  "`end_at`."),
        "remind_at": timestamp_input("When the owner is to be reminded: from then on the open activity is listed by "
                                     "`GET /api/v1/me/reminders`."),
        "regarding": {**nullable(schema("RegardingInput")),
                      "description": "The record the activity is about; it then shows on that record's timeline (and "
                                     "its parents'). " + ("Absent or null: none." if creating
                                                          else "null clears; absent leaves it unchanged.")},
        "participants": {"type": ["array", "null"], "maxItems": MAX_PARTICIPANTS, "items": schema("ParticipantInput"),
                         "description": f"At most {MAX_PARTICIPANTS} (else 422 `too_long`). Replaces the "
                                        "participants; `[]` removes them; null or absent leaves them unchanged."},
        **OWNER_INPUT,
    }


SCHEMAS.update({
    "NewActivity": obj(activity_fields(True), required=["kind", "subject"], closed=False,
                       description="Fields left out (or null) take their defaults."),
    "ActivityChanges": obj(activity_fields(False), closed=False,
                           description="Only the fields sent change; null clears an optional field (for `kind`, "
                                       "`status`, `priority` and `participants`, null leaves them unchanged)."),
})

EXAMPLES = {
    "NewActivity": {"kind": "meeting", "subject": "جلسهٔ معرفی محصول", "start_at": "2026-11-24T09:30:00+03:30",
                    "end_at": "2026-11-24T10:30:00+03:30", "remind_at": "2026-11-24T09:00:00+03:30",
                    "regarding": {"type": "account", "id": "01A207ED-6660-73E2-A5D3-ADA7B68BEA15"},
                    "participants": [{"type": "contact", "id": "01A207ED-6660-73E2-A5D3-ADA7B68BEA16"}]},
    "ActivityChanges": {"status": "completed", "body": "قرار شد پیش‌فاکتور ارسال شود."},
}

# ---------------------------------------------------------------- parameters
PARAMETERS = {
    "ActivitySort": query("sort", {"type": "string", "enum": [v for c in ACTIVITY_SORTS for v in (c, "-" + c)]},
                          "Order by " + ", ".join(f"`{c}`" for c in ACTIVITY_SORTS) + " (`timeline_at`: the start, "
                          "else the due time, else the creation); a leading `-` sorts descending. Default: "
                          "`-timeline_at`, or by relevance when `q` is given. Any other value is 422 `unknown_value`."),
    "ActivitySearch": text_query("q", "Search words, each matched as a word prefix in the subject and body; Persian "
                                      "letter forms do not matter. Results are ranked by relevance unless `sort` is "
                                      "given."),
}
LIST_PARAMS = [
    P("Limit"), P("Cursor"), P("ActivitySort"), P("ActivitySearch"), P("OwnerId"), P("OwnerTeamId"),
    query("tag", {"type": "string", "maxLength": MAX_TAG_LENGTH},
          f"Accepted as on every list, but activities carry no tags, so any tag gives an empty page; longer than "
          f"{MAX_TAG_LENGTH} characters is 422."),
    P("CreatedAfter"), P("CreatedBefore"),
    query("kind", {"type": "string", "enum": KINDS}, "Only activities of this kind; another value is 422."),
    query("status", {"type": "string", "enum": STATUSES}, "Only activities in this status; another value is 422."),
    query("regarding_id", UUID, "Only the activities regarding this record (of any type); not a UUID is 422."),
]

# ---------------------------------------------------------------- paths
RIGHTS = "Rights are the role's on `activities`."


def timeline_path(resource, name, tag, children):
    return {f"/api/v1/{resource}/{{id}}/timeline": {
        "parameters": [P("Id")],
        "get": op(f"get{name}Timeline", tag, f"The {name.lower()}'s 360° timeline",
                  {"200": json_ok("A page of the timeline, newest first.", "Timeline"), **problems(401, 403, 404, 422)},
                  description=f"Everything that happened to the {name.lower()}{children}, newest first: the "
                              "activities regarding it (when the role may read activities, within its read scope), "
                              "opportunity stage changes, the quotes, orders and invoices made out to it or its "
                              "contacts (an opportunity: its quotes; a lead: none), each kind when the role may read "
                              "it and within its read scope, and every audited change of the record and its "
                              "children (`create`, `update`, `delete`, `restore`, `merge`). 404 for a deleted {name.lower()} or one outside the role's read "
                              f"scope; 403 when the role may not read {resource} at all. 422 for a bad `limit` or "
                              "`cursor` (checked first). No other query parameters are read.",
                  parameters_=[P("Limit"), P("Cursor")])}}


PATHS = {
    "/api/v1/activities": {
        "get": op("listActivities", "Activities", "The activities the caller may read",
                  {"200": json_ok("A page of activities.", "ActivityList"), **problems(401, 403, 422)},
                  description="Only activities within the role's read scope; deleted ones are left out. Filters "
                              "combine with AND; every bad query parameter is reported in one 422. 403 when the role "
                              "may not read activities.",
                  parameters_=LIST_PARAMS),
        "post": op("createActivity", "Activities", "Log or plan an activity",
                   {"201": json_ok("Created.", "Activity", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                   description="The caller owns it unless `owner_id` or `owner_team_id` is sent. 403 when the role may "
                               "not create activities (checked before the body's fields) or may not assign the named "
                               "owner. 422 lists every bad field, including a `regarding` record or participant the "
                               "caller cannot read.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewActivity")),
    },
    "/api/v1/activities/{id}": {
        "parameters": [P("Id")],
        "get": op("getActivity", "Activities", "One activity",
                  {"200": json_ok("The activity.", "Activity", ["ETag"]), **problems(401, 403, 404)},
                  description="404 for deleted activities and for those outside the role's read scope; 403 when the "
                              "role may not read activities at all."),
        "patch": op("updateActivity", "Activities", "Change an activity, complete or cancel it",
                    {"200": json_ok("The changed activity.", "Activity", ["ETag"]),
                     **problems(401, 403, 404, 412, *BODY_ERRORS)},
                    description="403 when the role may not update activities (checked before the body's fields), the "
                                "activity is readable but outside its update scope, or the new owner may not be "
                                "assigned. 422 `out_of_range` on `end_at` when the activity would end before it "
                                "starts (sent or stored values).",
                    parameters_=[P("IfMatch")], request_body=body("ActivityChanges")),
        "delete": op("deleteActivity", "Activities", "Delete an activity (soft delete)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 412)},
                     description="The activity leaves every list, timeline and reminder; an administrator can restore "
                                 "it. 403 when the role may not delete activities, or the activity is readable but "
                                 "outside its delete scope.",
                     parameters_=[P("IfMatch")]),
    },
    "/api/v1/activities/{id}/restore": {
        "parameters": [P("Id")],
        "post": op("restoreActivity", "Activities", "Bring back a deleted activity (administrators)",
                   {"200": json_ok("The restored activity.", "Activity", ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, *IDEMPOTENCY_ERRORS)},
                   description="Takes no body. 403 for anyone but administrators; 404 when no deleted activity has "
                               "this id (including activities that are not deleted).",
                   parameters_=[P("IdempotencyKey")]),
    },
    "/api/v1/me/reminders": {
        "get": op("listMyReminders", "Activities", "The caller's reminders that are due",
                  {"200": json_ok("The due reminders, soonest first (`{\"data\": […]}`, no cursor).", "Reminders"),
                   **problems(401)},
                  description=f"Open activities owned by the caller themself (`owner_id`; not through a team) whose "
                              f"`remind_at` has come, soonest first, at most {MAX_REMINDERS}. Completed, cancelled "
                              "and deleted activities drop out. Takes no query parameters and needs no particular "
                              "right."),
    },
    **timeline_path("accounts", "Account", "Accounts",
                    f", its contacts, opportunities and cases (the {MAX_CHILDREN} newest of each that the caller may "
                    "read)"),
    **timeline_path("contacts", "Contact", "Contacts",
                    f", its opportunities and cases (the {MAX_CHILDREN} newest of each that the caller may read)"),
    **timeline_path("leads", "Lead", "Leads", ""),
    **timeline_path("opportunities", "Opportunity", "Opportunities", ""),
}

TAGS = [
    {"name": "Activities", "description": "Tasks, calls, meetings, e-mails, notes and SMS regarding sales records; "
                                          "reminders; each record's timeline is under its own tag."},
]
