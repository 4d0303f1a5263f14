"""The sales module's pipelines and opportunities in the OpenAPI document.

generate.py merges SCHEMAS, EXAMPLES, PARAMETERS, PATHS and TAGS into the document, like those of
sales.py (whose problem codes `invalid-transition` and `record-in-use` these operations also use).

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (salesRoutes);
- bodies and list parameters: Sources/PeyvandServer/Sales/API/{Pipelines,Opportunities}API.swift,
  SalesRequests.swift (listRequest; `OpportunitiesAPI.filters`);
- responses: Sources/PeyvandServer/Sales/API/OpportunityDTOs.swift (nil optionals are left out, so
  only non-optional properties are required);
- `amount` is the shared `Money` schema (common.MONEY);
- enums: Sources/PeyvandCore/Sales/Models/{Opportunity,Pipeline}.swift (Opportunity.Status,
  PipelineStage.Outcome);
- validation and rules: Sources/PeyvandCore/Sales/Services/{PipelineService,OpportunityService,
  OpportunityInput}.swift;
- sort columns: `OpportunityService.list`.
"""
from common import (
    BODY_ERRORS, IDEMPOTENCY_ERRORS, INT64_MAX, TIMESTAMP, UUID, VERSION, P, body, json_ok, list_of, name_field,
    no_content, nullable, obj, op, problems, schema,
)
from sales import OPTIONAL, OWNER, OWNER_INPUT, PARTY_INPUT, query, sort_parameter, text, text_query

# ---------------------------------------------------------------- enums and limits
OPPORTUNITY_STATUSES = ["open", "won", "lost"]   # Opportunity.Status
STAGE_OUTCOMES = ["open", "won", "lost"]         # PipelineStage.Outcome
OPPORTUNITY_SORTS = ["created_at", "updated_at", "name", "amount", "expected_close_date"]  # OpportunityService.list

MAX_STAGES = 30           # PipelineService.maximumStages
MAX_COMPETITORS = 20      # OpportunityInput.validate
MAX_COMPETITOR_LENGTH = 200

# ---------------------------------------------------------------- schemas
SCHEMAS = {
    # --- pipelines
    "PipelineStage": obj({
        "id": UUID,
        "name": {"type": "string"},
        "position": {"type": "integer", "minimum": 0, "description": "Place in the pipeline, from 0."},
        "probability": {"type": "integer", "minimum": 0, "maximum": 100,
                        "description": "Chance of winning at this stage, in percent (won stages 100, lost stages 0)."},
        "outcome": {"type": "string", "enum": STAGE_OUTCOMES,
                    "description": "`open`, or whether reaching the stage closes an opportunity as `won` or `lost`."},
    }, required=["id", "name", "position", "probability", "outcome"]),
    "Pipeline": obj({
        "id": UUID,
        "name": {"type": "string"},
        "product_line": {"type": "string", "description": "The product line the pipeline sells."},
        "is_active": {"type": "boolean",
                      "description": "Inactive pipelines are not chosen for new opportunities that name no pipeline."},
        "stages": {"type": "array", "items": schema("PipelineStage"), "description": "In order (by `position`)."},
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "name", "is_active", "stages", "version"],
        description="A sales cycle: the ordered stages an opportunity moves through. " + OPTIONAL),
    "StageInput": obj({
        "id": nullable({**UUID, "description": "An existing stage of this pipeline to keep (with the opportunities in "
                                               "it), else 422 `referenced_record_missing` (always so when creating a "
                                               "pipeline). Absent or null: a new stage."}),
        "name": name_field(100, "Unique within the pipeline (Persian letter forms, spacing and ZWNJ do not matter), "
                                "else 422 `not_unique`."),
        "probability": nullable({"type": "integer", "minimum": 0, "maximum": 100,
                                 "description": "Chance of winning at this stage, 0…100 (else 422 `out_of_range`). "
                                                "Required for `open` stages (else 422 `required`); a `won` stage must "
                                                "be 100 and a `lost` stage 0 (else 422 `out_of_range`), which is also "
                                                "their default."}),
        "outcome": {"type": "string", "enum": STAGE_OUTCOMES,
                    "description": "`open`, or whether reaching the stage closes an opportunity as `won` or `lost`; "
                                   "anything else is 422 `unknown_value`."},
    }, required=["name", "outcome"], closed=False,
        description="A stage as an administrator defines it; errors are reported on `stages.<index>.<field>`."),
    "NewPipeline": obj({
        "name": name_field(100, "Unique within the organisation (else 409 `name-taken`)."),
        "product_line": text(100, "The product line the pipeline sells."),
        "stages": {"type": "array", "minItems": 3, "maxItems": MAX_STAGES, "items": schema("StageInput"),
                   "description": f"The stages in order (at most {MAX_STAGES}, else 422 `too_long` on `stages`), with "
                                  "at least one `open`, one `won` and one `lost` stage (else 422 `invalid_format` on "
                                  "`stages`)."},
    }, required=["name", "stages"], closed=False, description="A new pipeline; it starts active."),
    "PipelineChanges": obj({
        "name": nullable(name_field(100, "Unique within the organisation (else 409 `name-taken`); null leaves it "
                                         "unchanged.")),
        "product_line": text(100, "The product line the pipeline sells."),
        "is_active": nullable({"type": "boolean",
                               "description": "false: new opportunities that name no pipeline no longer go here (it "
                                              "can still be named explicitly). null leaves it unchanged."}),
        "stages": {"type": ["array", "null"], "minItems": 3, "maxItems": MAX_STAGES, "items": schema("StageInput"),
                   "description": "Replaces the stage list, in order: stages with an `id` are kept and changed, "
                                  "stages without one are added, and existing stages left out are deleted, unless an "
                                  "opportunity (deleted ones included) is in one or its stage history names it (409 "
                                  f"`record-in-use`). At most {MAX_STAGES}, with at least one `open`, one `won` and "
                                  "one `lost` stage (else 422 on `stages`). null or absent leaves the stages "
                                  "unchanged."},
    }, closed=False, description="Fields left out stay as they are."),
    "PipelineList": obj({
        "data": {"type": "array", "items": schema("Pipeline"), "description": "By name."},
        "next_cursor": {"type": "null", "description": "Always null: every pipeline is in `data`."},
    }, required=["data", "next_cursor"], description="All of the organisation's pipelines."),

    # --- opportunities
    "MoneyInput": obj({
        "amount_minor": nullable({"type": "integer", "minimum": 0, "maximum": INT64_MAX,
                                  "description": "In the currency's minor unit (rials for `IRR`); below 0 is 422 "
                                                 "`out_of_range` on `amount`, not an integer 422 `must_be_integer` on "
                                                 "`amount.amount_minor`. Defaults to 0; null or absent keeps the "
                                                 "current amount."}),
        "currency": nullable({"type": "string", "pattern": "^[A-Z]{3}$",
                              "description": "Three capital letters (ISO 4217, e.g. `IRR`, `USD`), else 422 "
                                             "`invalid_format` on `amount`. Defaults to the organisation's currency; "
                                             "null or absent keeps the current currency."}),
    }, closed=False, description="An amount; either part may be left out."),
    "Opportunity": obj({
        "id": UUID,
        "name": {"type": "string"},
        "account_id": {**UUID, "description": "The account the sale is to."},
        "contact_id": {**UUID, "description": "The person the sale is negotiated with."},
        "pipeline_id": UUID,
        "stage_id": {**UUID, "description": "A stage of `pipeline_id`."},
        "status": {"type": "string", "enum": OPPORTUNITY_STATUSES,
                   "description": "Follows the stage's outcome: `open`, or closed as `won` or `lost`."},
        "amount": schema("Money"),
        "expected_close_date": {"type": "string", "format": "date", "description": "Gregorian `YYYY-MM-DD`."},
        "closed_at": {**TIMESTAMP, "description": "When the opportunity was won or lost (RFC 3339, UTC); absent while "
                                                  "open."},
        "lost_reason": {"type": "string"},
        "competitors": {"type": "array", "items": {"type": "string"}},
        "description": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "lines": {"type": "array", "items": schema("DocumentLine"),
                  "description": "On single-opportunity responses (get, create, update) only."},
        **OWNER,
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "name", "account_id", "pipeline_id", "stage_id", "status", "amount", "competitors", "tags",
                 "version"],
        description="A possible sale moving through a pipeline's stages towards won or lost. " + OPTIONAL),
    "StageChange": obj({
        "id": UUID,
        "from_stage_id": {**UUID, "description": "Absent for the stage the opportunity was created in."},
        "to_stage_id": UUID,
        "amount_minor": {"type": "integer", "description": "The opportunity's amount at the move (minor unit)."},
        "changed_by": {**UUID, "description": "The user who moved it."},
        "changed_at": TIMESTAMP,
    }, required=["id", "to_stage_id", "amount_minor", "changed_at"], description="One move between stages."),
    "StageHistory": obj({
        "data": {"type": "array", "items": schema("StageChange"), "description": "Every move, oldest first."},
    }, required=["data"], description="An opportunity's whole stage history."),
    "OpportunityReopen": obj({
        "stage_id": nullable({**UUID, "description": "An open stage of the opportunity's pipeline (else 422 "
                                                     "`unknown_value`). null or absent: its last open stage."}),
    }, closed=False, description="Where to reopen; send `{}` for the default (a JSON body is required)."),
    "OpportunityList": list_of("Opportunity", "A page of opportunities."),
}

COMPETITORS_INPUT = {
    "type": ["array", "null"], "maxItems": MAX_COMPETITORS,
    "items": {"type": "string", "minLength": 1, "maxLength": MAX_COMPETITOR_LENGTH, "pattern": "\\S"},
    "description": f"Competing vendors, at most {MAX_COMPETITORS} (else 422 `too_long`), each non-blank and at most "
                   f"{MAX_COMPETITOR_LENGTH} characters (else 422 `invalid_format`); trimmed. Replaces the list; `[]` "
                   "empties it; null or absent leaves it unchanged. Searched by `q`.",
}
CLOSE_DATE_INPUT = nullable({"type": "string",
                             "description": "A day in either calendar: `2026-12-22`, `2026/12/22`, `1405/10/01`, "
                                            "`۱۴۰۵-۱۰-۰۱` (a year before 1700 is Jalali); stored and shown as Gregorian "
                                            "`YYYY-MM-DD`. Not a real day is 422 `invalid_format`. null clears.",
                             "examples": ["1405/10/01"]})
LOST_REASON_INPUT = text(500, "Why the opportunity was lost; required (422 `required`) when it is or becomes lost, so "
                              "it cannot be cleared then.")
STAGE_NOTE = ("A `won` or `lost` stage closes the opportunity (`status` follows the stage's outcome and `closed_at` is "
              "set; a lost stage needs `lost_reason`).")


def opportunity_fields(creating):
    return {
        "name": name_field(200, "What is being sold.") if creating
        else name_field(200, "What is being sold; null is 422 `required`."),
        "account_id": {**UUID, "description": "A live account the caller may read (else 422 "
                                              "`referenced_record_missing`)."} if creating
        else nullable({**UUID, "description": "A live account the caller may read (else 422 "
                                              "`referenced_record_missing`); null leaves it unchanged."}),
        "contact_id": nullable({**UUID, "description": "A live contact the caller may read (else 422 "
                                                       "`referenced_record_missing`). null clears."}),
        "pipeline_id": nullable({**UUID, "description": (
            "A pipeline of the organisation (else 422 `referenced_record_missing`). Absent or null: the oldest active "
            "pipeline; when none is active, a standard pipeline («فروش», six stages) is made."
        ) if creating else (
            "Moves the opportunity to another pipeline of the organisation (else 422 `referenced_record_missing`); "
            "needs a `stage_id` of that pipeline (else 422 `required` on `stage_id`). null keeps the current pipeline."
        )}),
        "stage_id": nullable({**UUID, "description": (
            "A stage of the pipeline (else 422 `unknown_value`). Absent or null: the pipeline's first open stage. "
            + STAGE_NOTE
        ) if creating else (
            "A stage of the (new) pipeline (else 422 `unknown_value`); each move is kept in the stage history. "
            + STAGE_NOTE + " A won or lost opportunity cannot change stage (409 `invalid-transition`): reopen it "
            "first. null keeps the current stage."
        )}),
        "amount": {**nullable(schema("MoneyInput")),
                   "description": "The expected value; null or absent leaves it unchanged (0 in the organisation's "
                                  "currency on creation)."},
        "expected_close_date": CLOSE_DATE_INPUT,
        "lost_reason": LOST_REASON_INPUT,
        "competitors": COMPETITORS_INPUT,
        "description": text(10_000, "Notes."),
        "tags": PARTY_INPUT["tags"],
        "lines": {"type": ["array", "null"], "maxItems": 200, "items": schema("DocumentLineInput"),
                  "description": "The products the opportunity expects to sell; replaces every line when given. Without "
                                 "an amount, the amount becomes the lines' total. Errors are named `lines.<index>.<field>`."},
        **OWNER_INPUT,
    }


SCHEMAS.update({
    "NewOpportunity": obj(opportunity_fields(True), required=["name", "account_id"], closed=False,
                          description="Fields left out (or null) take their defaults."),
    "OpportunityChanges": obj(opportunity_fields(False), closed=False,
                              description="Only the fields sent change; null clears an optional field (for "
                                          "`account_id`, `pipeline_id`, `stage_id`, `amount`, `competitors` and "
                                          "`tags`, null leaves them unchanged)."),
    "LeadConversionOpportunity": obj(
        {name: field for name, field in opportunity_fields(True).items()
         if name in ["name", "pipeline_id", "stage_id", "amount", "expected_close_date", "description", "tags"]},
        required=["name"], closed=False,
        description="An opportunity to open with the conversion, as `NewOpportunity` without `account_id` and "
                    "`contact_id` (the conversion's account and contact) or owner (the lead's). Errors are named "
                    "`opportunity.<field>`; without any account (no `account_id`, no company or `create_account` "
                    "false) it is 422 `required` on `opportunity.account_id`."),
})

_STAGES = [{"name": "شناسایی", "probability": 10, "outcome": "open"},
           {"name": "ارائهٔ پیشنهاد", "probability": 50, "outcome": "open"},
           {"name": "برنده", "outcome": "won"}, {"name": "بازنده", "outcome": "lost"}]
EXAMPLES = {
    "NewPipeline": {"name": "فروش نرم‌افزار", "product_line": "ERP", "stages": _STAGES},
    "PipelineChanges": {"is_active": False},
    "NewOpportunity": {"name": "استقرار ERP برای فولاد مبارکه", "account_id": "01A207ED-6660-73E2-A5D3-ADA7B68BEA15",
                       "amount": {"amount_minor": 5_000_000_000, "currency": "IRR"},
                       "expected_close_date": "1405/10/01", "competitors": ["همکاران سیستم"]},
    "OpportunityChanges": {"stage_id": "01A207ED-6660-73E2-A5D3-ADA7B68BEA16", "lost_reason": "قیمت"},
    "OpportunityReopen": {},
}

# ---------------------------------------------------------------- parameters
PARAMETERS = {
    "OpportunitySort": sort_parameter(OPPORTUNITY_SORTS),
    "OpportunitySearch": text_query("q", "Search words, each matched as a word prefix in the opportunity's name and "
                                         "competitors; Persian letter forms do not matter. Results are ranked by "
                                         "relevance unless `sort` is given."),
}
LIST_PARAMS = [P("Limit"), P("Cursor"), P("OpportunitySort"), P("OpportunitySearch"), P("OwnerId"), P("OwnerTeamId"),
               P("Tag"), P("CreatedAfter"), P("CreatedBefore"),
               query("status", {"type": "string", "enum": OPPORTUNITY_STATUSES},
                     "Only opportunities in this status; another value is 422."),
               query("pipeline_id", UUID, "Only the opportunities on this pipeline; not a UUID is 422."),
               query("stage_id", UUID, "Only the opportunities in this stage; not a UUID is 422."),
               query("account_id", UUID, "Only the opportunities of this account; not a UUID is 422."),
               query("contact_id", UUID, "Only the opportunities with this contact; not a UUID is 422.")]

# ---------------------------------------------------------------- paths
ADMINS_ONLY = "403 for anyone but administrators (checked first, so also for unknown ids)."

PATHS = {
    "/api/v1/pipelines": {
        "get": op("listPipelines", "Pipelines", "All pipelines with their stages",
                  {"200": json_ok("Every pipeline, by name, in the list envelope (`next_cursor` is always null).",
                                  "PipelineList"), **problems(401, 403)},
                  description="Readable by whoever may read opportunities (else 403). Takes no query parameters: an "
                              "organisation has a handful of pipelines, returned at once."),
        "post": op("createPipeline", "Pipelines", "Create a pipeline (administrators)",
                   {"201": json_ok("Created.", "Pipeline", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, 409, *BODY_ERRORS)},
                   description="409 `name-taken` when another pipeline has the name. 403 for anyone but "
                               "administrators.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewPipeline")),
    },
    "/api/v1/pipelines/{id}": {
        "parameters": [P("Id")],
        "get": op("getPipeline", "Pipelines", "One pipeline with its stages",
                  {"200": json_ok("The pipeline.", "Pipeline", ["ETag"]), **problems(401, 403, 404)},
                  description="403 when the role may not read opportunities."),
        "patch": op("updatePipeline", "Pipelines", "Rename, (de)activate or restage a pipeline (administrators)",
                    {"200": json_ok("The changed pipeline.", "Pipeline", ["ETag"]),
                     **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    description="409 `name-taken` when another pipeline has the name; 409 `record-in-use` when a "
                                "stage left out of `stages` is still used by an opportunity or its stage history. "
                                + ADMINS_ONLY,
                    parameters_=[P("IfMatch")], request_body=body("PipelineChanges")),
        "delete": op("deletePipeline", "Pipelines", "Delete an unused pipeline and its stages (administrators)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 409)},
                     description="409 `record-in-use` while any opportunity (deleted ones included) is on the "
                                 "pipeline; deactivate it instead (`is_active: false`). Deletion is permanent. "
                                 + ADMINS_ONLY),
    },
    "/api/v1/opportunities": {
        "get": op("listOpportunities", "Opportunities", "The opportunities the caller may read",
                  {"200": json_ok("A page of opportunities.", "OpportunityList"), **problems(401, 403, 422)},
                  description="Only opportunities within the role's read scope (own, team or organisation); deleted "
                              "ones are left out. Filters combine with AND; every bad query parameter is reported in "
                              "one 422. 403 when the role may not read opportunities at all.",
                  parameters_=LIST_PARAMS),
        "post": op("createOpportunity", "Opportunities", "Create an opportunity",
                   {"201": json_ok("Created.", "Opportunity", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                   description="Starts in `stage_id`, or the first open stage of the pipeline; the first entry of the "
                               "stage history is written. 422 `lost_reason` `required` when the starting stage is a "
                               "lost one without a reason. 403 when the role may not create opportunities or may not "
                               "assign the named owner.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewOpportunity")),
    },
    "/api/v1/opportunities/{id}": {
        "parameters": [P("Id")],
        "get": op("getOpportunity", "Opportunities", "One opportunity",
                  {"200": json_ok("The opportunity.", "Opportunity", ["ETag"]), **problems(401, 403, 404)},
                  description="404 for deleted records and for records outside the role's read scope; 403 when the "
                              "role may not read opportunities at all."),
        "patch": op("updateOpportunity", "Opportunities", "Change an opportunity or move it to another stage",
                    {"200": json_ok("The changed opportunity.", "Opportunity", ["ETag"]),
                     **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    description="A stage move is kept in the stage history; reaching a won or lost stage closes the "
                                "opportunity. 409 `invalid-transition` (on `stage_id`, with `from` the current status "
                                "and `to` the new stage's outcome) when a won or lost opportunity would change stage: "
                                "reopen it first. 422 `lost_reason` `required` when the opportunity is or becomes "
                                "lost without a reason. 403 when the role may not update opportunities, the record is "
                                "readable but outside its update scope, or the new owner may not be assigned.",
                    parameters_=[P("IfMatch")], request_body=body("OpportunityChanges")),
        "delete": op("deleteOpportunity", "Opportunities", "Delete an opportunity (soft delete)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 412)},
                     description="The record leaves every list and lookup; an administrator can restore it. 403 when "
                                 "the role may not delete opportunities, or the record is readable but outside its "
                                 "delete scope.",
                     parameters_=[P("IfMatch")]),
    },
    "/api/v1/opportunities/{id}/restore": {
        "parameters": [P("Id")],
        "post": op("restoreOpportunity", "Opportunities", "Bring back a deleted opportunity (administrators)",
                   {"200": json_ok("The restored opportunity.", "Opportunity", ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, *IDEMPOTENCY_ERRORS)},
                   description="Takes no body. 403 for anyone but administrators; 404 when no deleted record has this "
                               "id (including records that are not deleted).",
                   parameters_=[P("IdempotencyKey")]),
    },
    "/api/v1/opportunities/{id}/reopen": {
        "parameters": [P("Id")],
        "post": op("reopenOpportunity", "Opportunities", "Put a won or lost opportunity back into an open stage",
                   {"200": json_ok("The reopened opportunity (`status` `open`, no `closed_at` or `lost_reason`).",
                                   "Opportunity", ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                   description="Moves the opportunity into `stage_id` or its pipeline's last open stage, clears "
                               "`closed_at` and `lost_reason`, and writes a stage-history entry. Needs a JSON body "
                               "(`{}` will do). 409 `invalid-transition` (on `status`) when the opportunity is open; "
                               "409 also while an earlier request with the same `Idempotency-Key` runs. 403 when the "
                               "role may not update opportunities or this one.",
                   parameters_=[P("IfMatch"), P("IdempotencyKey")], request_body=body("OpportunityReopen")),
    },
    "/api/v1/opportunities/{id}/stage-history": {
        "parameters": [P("Id")],
        "get": op("getOpportunityStageHistory", "Opportunities", "Every stage an opportunity has been in",
                  {"200": json_ok("The whole history, oldest first (not paged).", "StageHistory"),
                   **problems(401, 403, 404)},
                  description="One entry per move, including the stage it was created in, with the amount at the "
                              "time; for time-in-stage and time-to-close analysis. 404 and 403 as for reading the "
                              "opportunity."),
    },
}

TAGS = [
    {"name": "Pipelines", "description": "Sales cycles and their stages; everyone who reads opportunities reads them, "
                                         "administrators change them."},
    {"name": "Opportunities", "description": "Possible sales moving through a pipeline's stages, with their stage "
                                             "history."},
]
