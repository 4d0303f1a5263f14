"""The service levels' part of the OpenAPI document: SLA policies, contracts with their
entitlements, and the clocks a case shows.

generate.py merges SCHEMAS, EXAMPLES, PATHS and TAGS into the document, like those of sales.py.

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (`sla-policies`, `contracts`);
- bodies and responses: Sources/PeyvandServer/Service/API/{ServiceLevelsAPI,ServiceLevelDTOs}.swift;
- rules: Sources/PeyvandCore/Service/Services/{SLAPolicyInput,SLAPolicyService,ContractService}.swift,
  Sources/PeyvandCore/Service/SLA/{SLAClock,CaseSLA,CaseCoverage}.swift.
"""
from common import (
    BODY_ERRORS, IDEMPOTENCY_ERRORS, TIMESTAMP, UUID, VERSION, P, body, json_ok, list_of, name_field, no_content,
    nullable, obj, op, problems, schema,
)
from sales import reference, text

PRIORITIES = ["low", "normal", "high", "urgent"]   # SupportCase.Priority
UNITS = ["none", "cases", "hours"]                 # ServiceContract.EntitlementUnit
STANDINGS = ["not_started", "active", "expired", "exhausted"]  # ContractStanding
CLOCK_STATES = ["running", "at_risk", "paused", "breached", "met", "met_late"]  # SLAClock.State
MAX_MINUTES = 90 * 8 * 60     # SLAPolicyInput.maximumTargetMinutes
MAX_ENTITLEMENT = 1_000_000   # ContractInput.maximumEntitlement
DAY_INPUT = {"type": "string", "minLength": 1, "examples": ["1405/01/01", "2026-03-21"],
             "description": "Jalali (a year before 1700) or Gregorian, in either digits; not a real day is 422 "
                            "`invalid_format`."}
MINUTES = {"type": "integer", "minimum": 1, "maximum": MAX_MINUTES}

SCHEMAS = {
    "SLATarget": obj({
        "priority": {"type": "string", "enum": PRIORITIES},
        "first_response_minutes": {"type": "integer", "description": "Working minutes to the first response."},
        "resolution_minutes": {"type": "integer", "description": "Working minutes to the resolution."},
    }, required=["priority", "first_response_minutes", "resolution_minutes"]),
    "SLATargetInput": obj({
        "priority": {"type": "string", "enum": PRIORITIES,
                     "description": "Each priority at most once (422 `not_unique`); a priority without a target has "
                                    "no clock."},
        "first_response_minutes": {**MINUTES, "description": "Working minutes; not more than `resolution_minutes` "
                                                             "(422 `out_of_range`)."},
        "resolution_minutes": MINUTES,
    }, required=["priority", "first_response_minutes", "resolution_minutes"], closed=False),
    "SLAPolicy": obj({
        "id": UUID,
        "name": {"type": "string"},
        "is_default": {"type": "boolean", "description": "The level of cases with no contract."},
        "targets": {"type": "array", "items": schema("SLATarget"), "description": "By priority, lowest first."},
        "warning_minutes": {"type": "integer", "minimum": 0,
                            "description": "Working minutes before a due time at which the owner is warned."},
        "escalation_queue_id": {**UUID, "description": "On breach the case moves to this queue."},
        "escalation_user_id": {**UUID, "description": "On breach this person is told by e-mail."},
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "name", "is_default", "targets", "warning_minutes", "version"],
        description="A service level: first-response and resolution targets per priority, in working hours of the "
                    "organisation's business calendar. Changes apply to cases opened afterwards. Optional fields are "
                    "left out when not set."),
    "SLAPolicyList": list_of("SLAPolicy", "Every policy, the default first, then by name (one page)."),
    "Contract": obj({
        "id": UUID,
        "name": {"type": "string"},
        "account_id": UUID,
        "starts_on": {"type": "string", "format": "date", "description": "First day covered (Gregorian)."},
        "ends_on": {"type": "string", "format": "date", "description": "Last day covered (Gregorian), inclusive."},
        "sla_policy_id": {**UUID, "description": "The service level bought; without it the default applies."},
        "entitlement_unit": {"type": "string", "enum": UNITS},
        "entitlement_total": {"type": "integer", "description": "Cases or hours bought."},
        "entitlement_used": {"type": "number", "description": "Cases opened under the contract, or hours recorded "
                                                              "on them (`time_spent_minutes`); 0 with unit `none`."},
        "entitlement_remaining": {"type": "number", "description": "Negative when more was used than bought."},
        "standing": {"type": "string", "enum": STANDINGS, "description": "Where the contract stands today."},
        "notes": {"type": "string"},
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "name", "account_id", "starts_on", "ends_on", "entitlement_unit", "entitlement_used",
                 "standing", "version"],
        description="What an account bought in service. Optional fields are left out when not set."),
    "ContractList": list_of("Contract", "The live contracts, latest ending first (at most 500, one page)."),
    "SLAClock": obj({
        "state": {"type": "string", "enum": CLOCK_STATES},
        "target_minutes": {"type": "integer"},
        "used_minutes": {"type": "integer", "description": "Working minutes used, pauses left out."},
        "remaining_minutes": {"type": "integer", "description": "Negative once breached."},
        "due_at": {**TIMESTAMP, "description": "Left out while paused: it moves when the case resumes."},
    }, required=["state", "target_minutes", "used_minutes", "remaining_minutes"]),
    "CaseSLA": obj({
        "policy_id": UUID,
        "policy_name": {"type": "string"},
        "first_response": schema("SLAClock"),
        "resolution": schema("SLAClock"),
        "contract": schema("Contract"),
    }, description="The case's service level as of the request: both clocks (left out when the case's priority has "
                   "no target) and its contract with the usage so far."),
}


def policy_fields():
    return {
        "name": name_field(100, "Unique in the organisation (409 `name-taken`)."),
        "is_default": {"type": ["boolean", "null"], "description": "Makes this the default level; the previous "
                                                                    "default stops being one."},
        "targets": {"type": "array", "minItems": 1, "maxItems": len(PRIORITIES), "items": schema("SLATargetInput"),
                    "description": "Replaces the targets; bad ones are 422 on `targets.<index>.<field>`."},
        "warning_minutes": {"type": ["integer", "null"], "minimum": 0, "maximum": MAX_MINUTES,
                            "description": "Default 60."},
        "escalation_queue_id": reference("A queue of the organisation (422 `referenced_record_missing`)."),
        "escalation_user_id": reference("An active user of the organisation."),
    }


def contract_fields(creating):
    return {
        "name": name_field(200, "What the contract is called."),
        "account_id": {**UUID, "description": "A live account of the organisation."} if creating
        else reference("Moves the contract to another account; null is 422 `required`."),
        "starts_on": DAY_INPUT,
        "ends_on": {**DAY_INPUT, "description": DAY_INPUT["description"] + " Before `starts_on` is 422 `out_of_range`."},
        "sla_policy_id": reference("The service level bought (a live SLA policy)."),
        "entitlement_unit": nullable({"type": "string", "enum": UNITS,
                                      "description": "`none` (default): no limit; `cases`: each case uses one; "
                                                     "`hours`: cases use the minutes recorded on them."}),
        "entitlement_total": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_ENTITLEMENT,
                              "description": "Required with unit `cases` or `hours` (422 `required`)."},
        "notes": text(5_000, "Free text."),
    }


SCHEMAS.update({
    "NewSLAPolicy": obj(policy_fields(), required=["name", "targets"], closed=False),
    "SLAPolicyChanges": obj(policy_fields(), closed=False, description="Only the fields sent change."),
    "NewContract": obj(contract_fields(True), required=["name", "account_id", "starts_on", "ends_on"], closed=False),
    "ContractChanges": obj(contract_fields(False), closed=False, description="Only the fields sent change."),
})

EXAMPLES = {
    "NewSLAPolicy": {"name": "طلایی", "targets": [{"priority": "urgent", "first_response_minutes": 15,
                                                 "resolution_minutes": 240}], "warning_minutes": 30},
    "NewContract": {"name": "پشتیبانی ۱۴۰۵", "account_id": "01935f3e-8a7b-7c4d-9e2f-3a4b5c6d7e8f",
                    "starts_on": "1405/01/01", "ends_on": "1405/12/29", "entitlement_unit": "cases",
                    "entitlement_total": 20},
}

S = "Service levels"
ADMIN = " Administrators only (403 for others)."


def collection(base, name, plural, list_schema, new_schema, item, list_description, create_description, list_params=()):
    return {
        base: {
            "get": op(f"list{plural}", S, f"Every {list_description}",
                      {"200": json_ok(f"All {list_description}.", list_schema), **problems(401, 403, 422)},
                      description="Readable by everyone who may read cases.", parameters_=list(list_params) or None),
            "post": op(f"create{name}", S, f"Create a {item}",
                       {"201": json_ok("Created.", name, ["ETag", "Location", "Idempotent-Replayed"]),
                        **problems(401, 403, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                       description=create_description + ADMIN + " 422 lists every bad field.",
                       parameters_=[P("IdempotencyKey")], request_body=body(new_schema)),
        },
        base + "/{id}": {
            "parameters": [P("Id")],
            "get": op(f"get{name}", S, f"One {item}", {"200": json_ok(f"The {item}.", name, ["ETag"]),
                                                       **problems(401, 403, 404)},
                      description="Another organisation's is 404."),
            "patch": op(f"update{name}", S, f"Change a {item}",
                        {"200": json_ok(f"The changed {item}.", name, ["ETag"]),
                         **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                        description=ADMIN.strip(), parameters_=[P("IfMatch")], request_body=body(f"{name}Changes")),
            "delete": op(f"delete{name}", S, f"Delete a {item} (soft delete)",
                         {"204": no_content("Deleted."), **problems(401, 403, 404, 412)},
                         description="Cases keep pointing at it." + ADMIN, parameters_=[P("IfMatch")]),
        },
    }


PATHS = {
    **collection("/api/v1/sla-policies", "SLAPolicy", "SLAPolicies", "SLAPolicyList", "NewSLAPolicy", "SLA policy",
                 "SLA policy", "409 `name-taken` when another policy has the name."),
    **collection("/api/v1/contracts", "Contract", "Contracts", "ContractList", "NewContract", "contract", "contract",
                 "Cases of the account come under the contract covering the day they are opened.",
                 [{"name": "account_id", "in": "query", "required": False, "schema": UUID,
                   "description": "Only this account's contracts; not a UUID is 422."}]),
}

TAGS = [
    {"name": S, "description": "SLA policies and contracts: the targets cases are measured against and what each "
                               "account bought."},
]
