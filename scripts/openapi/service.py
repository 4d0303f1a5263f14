"""The service module's part of the OpenAPI document: cases (with their actions and comments) and
the queues that route them.

generate.py merges SCHEMAS, EXAMPLES, PARAMETERS, PATHS and TAGS into the document, like those of
sales.py.

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (serviceRoutes);
- bodies and list filters: Sources/PeyvandServer/Service/API/CasesAPI.swift (`read`, `filters`), plus the
  shared list parameters of Sources/PeyvandServer/Sales/API/SalesRequests.swift (listRequest);
- responses: Sources/PeyvandServer/Service/API/CaseDTOs.swift (nil optionals are left out);
- enums: Sources/PeyvandCore/Service/Models/{SupportCase,ServiceQueue}.swift;
- validation and rules: Sources/PeyvandCore/Service/Services/{CaseInput,CaseService,CaseRouting,QueueService}.swift;
- sort columns: `CaseService.list`.
"""
from common import (
    BODY_ERRORS, IDEMPOTENCY_ERRORS, TIMESTAMP, UUID, VERSION, P, body, json_ok, list_of, name_field, no_content,
    nullable, obj, op, problems, schema,
)
from sales import LIST_PARAMS as SALES_LIST_PARAMS, OPTIONAL, choice, query, reference, sort_parameter, text, text_query

# ---------------------------------------------------------------- enums and limits
TYPES = ["question", "complaint", "request", "incident"]                        # SupportCase.CaseType
CHANNELS = ["email", "phone", "web", "portal", "chat", "social"]                # SupportCase.Channel
PRIORITIES = ["low", "normal", "high", "urgent"]                                # SupportCase.Priority
STATUSES = ["new", "in_progress", "waiting_on_customer", "resolved", "closed"]  # SupportCase.Status
LANGUAGES = ["fa", "en", "ar", "az", "ku", "tr"]                                # CaseInput.languages
VISIBILITIES = ["public", "internal"]                                           # CaseComment.Visibility
MODES = ["round_robin", "least_loaded"]                                         # ServiceQueue.AssignmentMode
CASE_SORTS = ["created_at", "updated_at", "number", "title", "status"]  # CaseService.list
MAX_TITLE = 300
MAX_TEXT = 20_000
MAX_RELATED = 50       # CaseInput.maximumRelatedCases
MAX_MEMBERS = 200      # QueueInput.maximumMembers
MAX_RULES = 50         # QueueInput.maximumRules

TRANSITIONS = ("`new` → `in_progress`, `waiting_on_customer`, `resolved` or `closed`; `in_progress` → "
               "`waiting_on_customer` or `resolved`; `waiting_on_customer` → `in_progress` or `resolved`; "
               "`resolved` → `closed` or `in_progress` (reopen); `closed` → `in_progress` (reopen). Any other move is "
               "409 `invalid-transition` (with `from` and `to`).")
TIMESTAMPS = ("`first_response_at` is set by the first public comment or the first move out of `new` to "
              "`in_progress`, `waiting_on_customer` or `resolved`; `resolved_at` and `closed_at` by those moves, "
              "cleared by a reopen.")

# ---------------------------------------------------------------- schemas
SCHEMAS = {
    "Case": obj({
        "id": UUID,
        "number": {"type": "string", "pattern": "^C-[0-9]{4}-[0-9]{6,}$",
                   "description": "`C-`, the Jalali year and a serial per organisation, e.g. `C-1405-000012`."},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "type": {"type": "string", "enum": TYPES},
        "channel": {"type": "string", "enum": CHANNELS},
        "priority": {"type": "string", "enum": PRIORITIES},
        "status": {"type": "string", "enum": STATUSES},
        "account_id": UUID,
        "contact_id": UUID,
        "product_id": UUID,
        "product_model": {"type": "string"},
        "serial_number": {"type": "string"},
        "category": {"type": "string", "description": "Free text (routing rules compare it without case or Persian "
                                                      "spelling differences)."},
        "language": {"type": "string", "enum": LANGUAGES},
        "resolution": {"type": "string"},
        "owner_id": {**UUID, "description": "The agent working the case; absent while a queue alone holds it."},
        "queue_id": {**UUID, "description": "The queue the case was routed or assigned to."},
        "related_case_ids": {"type": "array", "items": UUID,
                             "description": "Linked cases the caller may read (links are symmetric); present on "
                                            "single-case responses, absent from lists."},
        "first_response_at": TIMESTAMP,
        "resolved_at": TIMESTAMP,
        "closed_at": TIMESTAMP,
        "contract_id": {**UUID, "description": "The contract the case came under."},
        "contract_standing": {"type": "string", "enum": ["not_started", "active", "expired", "exhausted"],
                              "description": "How the contract stood when the case came under it; anything but "
                                             "`active` flags a case outside what the customer bought."},
        "time_spent_minutes": {"type": "integer", "description": "Work recorded; hour-based contracts count it."},
        "sla_policy_id": UUID,
        "sla_first_response_due_at": {**TIMESTAMP, "description": "Left out when met, paused or without a target."},
        "sla_resolution_due_at": {**TIMESTAMP, "description": "Left out while paused or without a target."},
        "sla": {**schema("CaseSLA"), "description": "Present on single-case responses, absent from lists."},
        "satisfaction": obj({
            "score": {"type": "integer", "minimum": 1, "maximum": 5},
            "comment": {"type": "string"},
            "responded_at": TIMESTAMP,
        }, required=["score"], description="The customer's latest answer to the survey sent when the case was resolved "
                                            "(single-case responses; left out until answered)."),
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "number", "title", "type", "channel", "priority", "status", "version"],
        description="A customer's question, complaint, request or incident. " + TIMESTAMPS + " " + OPTIONAL),
    "CaseList": list_of("Case", "A page of cases."),
    "CaseComment": obj({
        "id": UUID,
        "case_id": UUID,
        "visibility": {"type": "string", "enum": VISIBILITIES},
        "body": {"type": "string"},
        "author_id": UUID,
        "created_at": TIMESTAMP,
    }, required=["id", "case_id", "visibility", "body", "created_at"], description="A note on a case."),
    "CaseComments": obj({"data": {"type": "array", "items": schema("CaseComment")}}, required=["data"],
                        description="Every comment of the case, oldest first (not paged)."),
    "NewCaseComment": obj({
        "body": name_field(MAX_TEXT, "The comment."),
        "visibility": choice(VISIBILITIES, "`public` (the customer may see it) or `internal` (default)."),
    }, required=["body"], closed=False),
    "CaseResolution": obj({"resolution": name_field(MAX_TEXT, "How the case was resolved; required.")},
                          required=["resolution"], closed=False),
    "QueueRule": obj({
        "type": {"type": "string", "enum": TYPES},
        "category": {"type": "string"},
        "product_id": UUID,
        "language": {"type": "string", "enum": LANGUAGES},
        "channel": {"type": "string", "enum": CHANNELS},
    }, description="Every condition given must match; no conditions match every case. " + OPTIONAL),
    "QueueRuleInput": obj({
        "type": choice(TYPES, "Match cases of this type."),
        "category": text(100, "Match this category."),
        "product_id": reference("Match cases about this product (a live product of the organisation)."),
        "language": choice(LANGUAGES, "Match cases in this language."),
        "channel": choice(CHANNELS, "Match cases from this channel."),
    }, closed=False),
    "Queue": obj({
        "id": UUID,
        "name": {"type": "string"},
        "position": {"type": "integer", "minimum": 0, "description": "Routing order: lower first."},
        "assignment_mode": {"type": "string", "enum": MODES},
        "member_ids": {"type": "array", "items": UUID, "description": "Member users in rotation order."},
        "rules": {"type": "array", "items": schema("QueueRule")},
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "name", "position", "assignment_mode", "member_ids", "rules", "version"],
        description="A pool of agents cases are routed to."),
    "QueueList": list_of("Queue", "Every queue of the organisation in routing order (one page)."),
    "SimilarCase": obj({
        "id": UUID,
        "number": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "string", "enum": STATUSES},
        "resolution": {"type": "string", "description": "How it was resolved, when it was."},
        "same_product": {"type": "boolean"},
        "same_category": {"type": "boolean"},
        "shares_words": {"type": "boolean"},
        "shared_words": {"type": "integer", "minimum": 0, "description": "How many of this case's words it shares."},
        "score": {"type": "number", "minimum": 0, "maximum": 1,
                  "description": "0.45 for the same product (and model), 0.3 for the same category, up to 0.25 for "
                                 "shared words (five or all of this case's words count as all)."},
    }, required=["id", "number", "title", "status", "same_product", "same_category", "shares_words", "shared_words",
                 "score"]),
    "SimilarCaseList": list_of("SimilarCase", "Similar cases, the closest first (one page)."),
}


def case_fields(creating):
    return {
        "title": name_field(MAX_TITLE, "What the case is about." if creating
                            else "What the case is about; null is 422 `required`."),
        "description": text(MAX_TEXT, "The customer's words and details; searched by `q`."),
        "type": choice(TYPES, "Defaults to `question`." if creating else "null keeps the current type."),
        "channel": choice(CHANNELS, "Defaults to `web`." if creating else "null keeps the current channel."),
        "priority": choice(PRIORITIES, "Defaults to `normal`." if creating else "null keeps the current priority."),
        "status": choice(STATUSES, "Only `new` (the default) on create, else 422 `read_only`." if creating else
                         "Moves the case: " + TRANSITIONS + " Moving to `resolved` needs a `resolution` (sent or "
                         "stored), else 422 `required`."),
        "resolution": text(MAX_TEXT, "How the case was resolved."),
        "account_id": reference("A live account the caller may read, else 422 `referenced_record_missing`."),
        "contact_id": reference("A live contact the caller may read; with `account_id` it must belong to that "
                                "account, else 422 `out_of_range`."),
        "product_id": reference("A live product of the organisation."),
        "product_model": text(200, "The product's model."),
        "serial_number": text(200, "The unit's serial number."),
        "category": text(100, "Free-text category."),
        "language": choice(LANGUAGES, "The customer's language (routing rules match on it)."),
        "owner_id": reference("The agent (an active user of the organisation). Naming anyone else needs `cases.assign` "
                              "for them (else 403)."),
        "queue_id": reference("A queue of the organisation. Sent without `owner_id`, the queue picks a member by its "
                              "mode."),
        "related_case_ids": {"type": ["array", "null"], "maxItems": MAX_RELATED, "items": UUID,
                             "description": "Replaces the links (kept symmetric); each must be a readable case other "
                                            "than this one (422 on `related_case_ids.<index>`)."},
        "contract_id": reference("A contract of the case's account (else 422 `out_of_range`). " +
                                 ("Left out: the account's contract covering today, else its latest one."
                                  if creating else "null: no contract; the default service level applies.")),
        "time_spent_minutes": {"type": ["integer", "null"], "minimum": 0, "maximum": 525_600,
                               "description": "Work recorded on the case, in minutes."},
    }


SCHEMAS.update({
    "NewCase": obj(case_fields(True), required=["title"], closed=False,
                   description="Without `owner_id` and `queue_id` the case is routed: the first queue (by "
                               "`position`) with a matching rule takes it and its mode picks a member; when no rule "
                               "matches, the creator owns it."),
    "CaseChanges": obj(case_fields(False), closed=False,
                       description="Only the fields sent change; null clears an optional field."),
})


def queue_fields(creating):
    return {
        "name": name_field(100, "Unique in the organisation (409 `name-taken`)."),
        "position": {"type": ["integer", "null"], "minimum": 0, "maximum": 10_000,
                     "description": "Routing order (default 0); lower first, ties by age."},
        "assignment_mode": choice(MODES, "`round_robin` (default) or `least_loaded` (fewest open cases)."),
        "member_ids": {"type": ["array", "null"], "maxItems": MAX_MEMBERS, "items": UUID,
                       "description": "Users of the organisation, in rotation order (422 `referenced_record_missing` "
                                      "on `member_ids.<index>`); replaces the members."},
        "rules": {"type": ["array", "null"], "maxItems": MAX_RULES, "items": schema("QueueRuleInput"),
                  "description": "Routing rules in order; replaces the rules."},
    }


SCHEMAS.update({
    "NewQueue": obj(queue_fields(True), required=["name"], closed=False),
    "QueueChanges": obj(queue_fields(False), closed=False, description="Only the fields sent change."),
})

EXAMPLES = {
    "NewCase": {"title": "دستگاه روشن نمی‌شود", "type": "incident", "channel": "phone", "priority": "high",
                "category": "سخت‌افزار", "language": "fa"},
    "CaseChanges": {"status": "in_progress"},
    "NewQueue": {"name": "پشتیبانی فنی", "assignment_mode": "round_robin", "rules": [{"type": "incident"}]},
}

PARAMETERS = {
    "CaseSort": sort_parameter(CASE_SORTS),
    "CaseSearch": text_query("q", "Search words, each matched as a word prefix in the number, title, description, "
                                  "category, model and serial; Persian letter forms do not matter."),
}
LIST_PARAMS = [
    *SALES_LIST_PARAMS[:2], P("CaseSort"), P("CaseSearch"), P("OwnerId"), P("OwnerTeamId"), P("Tag"),
    P("CreatedAfter"), P("CreatedBefore"),
    query("status", {"type": "string", "enum": STATUSES}, "Only cases in this status; another value is 422."),
    query("priority", {"type": "string", "enum": PRIORITIES}, "Only cases of this priority; another value is 422."),
    query("type", {"type": "string", "enum": TYPES}, "Only cases of this type; another value is 422."),
    query("channel", {"type": "string", "enum": CHANNELS}, "Only cases from this channel; another value is 422."),
    query("queue_id", UUID, "Only cases of this queue; not a UUID is 422."),
    query("account_id", UUID, "Only cases of this account; not a UUID is 422."),
    query("contact_id", UUID, "Only cases of this contact; not a UUID is 422."),
    query("product_id", UUID, "Only cases about this product; not a UUID is 422."),
    text_query("category", "Only cases with exactly this category."),
    query("contract_id", UUID, "Only cases under this contract; not a UUID is 422."),
    query("sla", {"type": "string", "enum": ["overdue"]},
          "`overdue`: cases whose first response is still owed after its due time, or whose resolution is (a paused "
          "clock has no due time). Another value is 422."),
]

T = "Cases"
Q = "Queues"


def case_action(action, summary, description, request=None):
    return {f"/api/v1/cases/{{id}}/{action}": {
        "parameters": [P("Id")],
        "post": op(f"{action}Case", T, summary,
                   {"200": json_ok("The changed case.", "Case", ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, 409, 412, *((400, 413, 415, 422) if request else (422,)))},
                   description=description + " 403 when the role may not update this case. 409 `invalid-transition` "
                                             "when the case's status does not allow it.",
                   parameters_=[P("IfMatch"), P("IdempotencyKey")], request_body=body(request) if request else None)}}


PATHS = {
    "/api/v1/cases": {
        "get": op("listCases", T, "The cases the caller may read",
                  {"200": json_ok("A page of cases.", "CaseList"), **problems(401, 403, 422)},
                  description="Only cases within the role's read scope; deleted ones are left out. Filters combine "
                              "with AND; every bad query parameter is reported in one 422.",
                  parameters_=LIST_PARAMS),
        "post": op("createCase", T, "Open a case",
                   {"201": json_ok("Created.", "Case", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                   description="Numbered `C-<Jalali year>-<serial>`. 403 when the role may not create cases or may "
                               "not assign the named owner. 422 lists every bad field.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewCase")),
    },
    "/api/v1/cases/{id}": {
        "parameters": [P("Id")],
        "get": op("getCase", T, "One case",
                  {"200": json_ok("The case.", "Case", ["ETag"]), **problems(401, 403, 404)},
                  description="404 for deleted cases, other organisations' and those outside the role's read scope."),
        "patch": op("updateCase", T, "Change a case, move its status or reassign it",
                    {"200": json_ok("The changed case.", "Case", ["ETag"]), **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    description="Status moves: " + TRANSITIONS + " Every move is audited. 403 when the role may not "
                                "update this case or assign the new owner.",
                    parameters_=[P("IfMatch")], request_body=body("CaseChanges")),
        "delete": op("deleteCase", T, "Delete a case (soft delete)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 412)},
                     description="An administrator can restore it.", parameters_=[P("IfMatch")]),
    },
    "/api/v1/cases/{id}/restore": {
        "parameters": [P("Id")],
        "post": op("restoreCase", T, "Bring back a deleted case (administrators)",
                   {"200": json_ok("The restored case.", "Case", ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, *IDEMPOTENCY_ERRORS)},
                   description="Takes no body. 403 for anyone but administrators.", parameters_=[P("IdempotencyKey")]),
    },
    **case_action("resolve", "Resolve a case", "Moves the case to `resolved` with its resolution text (required, "
                                               "422 otherwise) and sets `resolved_at`.", "CaseResolution"),
    **case_action("close", "Close a case", "Moves the case to `closed` and sets `closed_at`. Takes no body."),
    **case_action("reopen", "Reopen a case", "Moves a `resolved` or `closed` case back to `in_progress` and clears "
                                             "`resolved_at` and `closed_at`. Takes no body."),
    "/api/v1/cases/{id}/comments": {
        "parameters": [P("Id")],
        "get": op("listCaseComments", T, "The case's comments",
                  {"200": json_ok("Every comment, oldest first.", "CaseComments"), **problems(401, 403, 404)}),
        "post": op("addCaseComment", T, "Comment on a case",
                   {"201": json_ok("Created.", "CaseComment", ["Location", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                   description="Needs the right to update the case. A first public comment sets `first_response_at`.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewCaseComment")),
    },
    "/api/v1/cases/{id}/similar": {
        "parameters": [P("Id")],
        "get": op("listSimilarCases", T, "Earlier cases like this one",
                  {"200": json_ok("Up to five cases, the closest first.", "SimilarCaseList"), **problems(401, 403, 404)},
                  description="Cases about the same product (and model) or in the same category first (categories compared "
                              "without case, spacing or Persian spelling differences), then those whose title and "
                              "description share the most words with this one. Only cases the caller may read."),
    },
    "/api/v1/queues": {
        "get": op("listQueues", Q, "Every queue, in routing order",
                  {"200": json_ok("All queues (one page).", "QueueList"), **problems(401, 403)},
                  description="Readable by everyone who may read cases."),
        "post": op("createQueue", Q, "Create a queue (administrators)",
                   {"201": json_ok("Created.", "Queue", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                   description="409 `name-taken` when another queue has the name.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewQueue")),
    },
    "/api/v1/queues/{id}": {
        "parameters": [P("Id")],
        "get": op("getQueue", Q, "One queue", {"200": json_ok("The queue.", "Queue", ["ETag"]), **problems(401, 403, 404)}),
        "patch": op("updateQueue", Q, "Change a queue (administrators)",
                    {"200": json_ok("The changed queue.", "Queue", ["ETag"]), **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    parameters_=[P("IfMatch")], request_body=body("QueueChanges")),
        "delete": op("deleteQueue", Q, "Delete a queue (administrators)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 412)},
                     description="The queue routes nothing more; its cases keep their owner and queue.",
                     parameters_=[P("IfMatch")]),
    },
}

TAGS = [
    {"name": T, "description": "Customer service cases, their status moves and comments."},
    {"name": Q, "description": "Queues that route new cases to agents."},
]
