#!/usr/bin/env python3
"""Generates Sources/PeyvandServer/Resources/openapi.json; scripts/test fails when the two differ.

Run: python3 scripts/openapi/generate.py > Sources/PeyvandServer/Resources/openapi.json
"""
import json
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts

import activities  # noqa: E402  (activities, reminders, timelines)
import business_calendar  # noqa: E402  (working week, holidays)
import documents  # noqa: E402  (quotes, orders, invoices, payments)
import pipelines  # noqa: E402  (pipelines, opportunities)
import products  # noqa: E402  (products, price lists)
import sales  # noqa: E402  (accounts, contacts, leads, merges)
import service  # noqa: E402  (cases, queues)
import service_levels  # noqa: E402  (SLA policies, contracts)
import case_mail  # noqa: E402  (replies by e-mail, sent messages, attachments)
import knowledge  # noqa: E402  (knowledge-base articles, case articles, suggestions)
import transfer  # noqa: E402  (CSV import and export, jobs)
from common import (  # noqa: E402
    BODY_ERRORS, IDEMPOTENCY_ERRORS, LANGUAGE, MONEY, REQ_ID, TIME_ZONE, TIMESTAMP, UUID, VERSION, P, body, json_ok,
    list_of, name_field, no_content, obj, op, problem_response, problems, schema,
)

PROBLEM_CODES = [
    "validation-failed", "malformed-json", "unauthenticated", "invalid-credentials", "forbidden", "not-found",
    "method-not-allowed", "conflict", "email-taken", "name-taken", "built-in-role-immutable", "role-in-use",
    "last-administrator", "organisation-exists", "stale-version", "idempotency-key-reused",
    "idempotent-request-in-progress", "payload-too-large", "unsupported-media-type", "too-many-requests",
    "bad-request", "internal-error", "service-unavailable",
]
FIELD_CODES = [
    "required", "must_be_string", "must_be_integer", "must_be_boolean", "must_be_object", "must_be_array",
    "too_short", "too_long", "out_of_range", "invalid_format", "invalid_email", "invalid_uuid", "unknown_value",
    "not_unique", "weak_password", "referenced_record_missing", "read_only", "invalid_characters",
]
MODULES = ["accounts", "contacts", "leads", "opportunities", "products", "quotes", "orders", "invoices",
           "activities", "cases", "knowledge", "campaigns", "marketing_lists", "reports", "administration"]
ACTIONS = ["read", "create", "update", "delete", "export", "assign"]
SCOPES = ["own", "team", "organisation"]


# ---------------------------------------------------------------- schemas
schemas = {
    "Problem": obj({
        "type": {"type": "string", "enum": [f"urn:peyvand:problem:{c}" for c in PROBLEM_CODES + sales.PROBLEM_CODES],
                 "description": "Stable problem identifier."},
        "title": {"type": "string", "description": "Human-readable summary in the `Accept-Language` language (fa by default, en)."},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "errors": {"type": "array", "minItems": 1, "items": schema("FieldProblem"),
                   "description": "Every bad field (present on validation failures and conflicts on a field)."},
        "request_id": {"type": "string", "description": "Same as the `X-Request-Id` response header."},
        **sales.PROBLEM_EXTENSIONS,
        **products.PROBLEM_EXTENSIONS,
    }, required=["type", "title", "status"],
        description="RFC 9457 problem details; some problems add extension members (e.g. `duplicates`)."),
    "FieldProblem": obj({
        "field": {"type": "string", "description": "The field (dotted path for nested fields, e.g. `permissions.accounts.read`; "
                                                   "`body` for the body itself; a header or query parameter name)."},
        "code": {"type": "string", "enum": FIELD_CODES},
        "message": {"type": "string"},
    }, required=["field", "code", "message"]),
    "Status": obj({
        "status": {"type": "string", "description": "`ok` (healthz); `ready`, `migrations pending` or `database unreachable` (readyz)."},
        "pending_migrations": {"type": "integer", "minimum": 0,
                               "description": "Migrations not yet applied (readyz, when the database answered)."},
    }, required=["status"]),
    "Permissions": {
        "type": "object",
        "description": "Grants by module and action: the widest scope granted (absent = denied), "
                       "e.g. `{\"accounts\": {\"read\": \"organisation\", \"update\": \"own\"}}`.",
        "propertyNames": {"enum": MODULES},
        "additionalProperties": {
            "type": "object",
            "propertyNames": {"enum": ACTIONS},
            "additionalProperties": {"type": "string", "enum": SCOPES},
        },
    },
    "User": obj({
        "id": UUID,
        "email": {"type": "string", "format": "email", "description": "Lower-cased; the sign-in key, unique across the deployment."},
        "name": {"type": "string"},
        "role_id": UUID,
        "language": LANGUAGE,
        "time_zone": TIME_ZONE,
        "is_active": {"type": "boolean"},
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "email", "name", "role_id", "language", "time_zone", "is_active", "version"]),
    "NewUser": obj({
        "email": {"type": "string", "format": "email", "maxLength": 254},
        "name": name_field(200, "Full name."),
        "password": {"type": "string", "minLength": 10, "maxLength": 200,
                     "description": "At least 10 characters and at most 200 UTF-8 bytes, with a letter and a digit, "
                                    "and not the e-mail address."},
        "role_id": {**UUID, "description": "A role of the organisation."},
        "language": {**LANGUAGE, "description": "Defaults to the creating administrator's language."},
    }, required=["email", "name", "password", "role_id"], closed=False),
    "UserChanges": obj({
        "name": name_field(200, "Full name."),
        "role_id": {**UUID, "description": "A role of the organisation (administrators only)."},
        "language": LANGUAGE,
        "time_zone": TIME_ZONE,
        "is_active": {"type": "boolean", "description": "false deactivates the user and revokes their tokens and sessions "
                                                        "(administrators only)."},
    }, closed=False, description="Fields left out stay as they are."),
    "ProfileChanges": obj({
        "name": name_field(200, "Full name."),
        "language": LANGUAGE,
        "time_zone": TIME_ZONE,
    }, closed=False, description="Fields left out stay as they are."),
    "PasswordChange": obj({
        "current_password": {"type": "string"},
        "new_password": {"type": "string", "minLength": 10, "maxLength": 200,
                         "description": "At least 10 characters and at most 200 UTF-8 bytes, with a letter and a digit, "
                                        "and not the e-mail address."},
    }, required=["current_password", "new_password"], closed=False),
    "Login": obj({
        "email": {"type": "string", "format": "email"},
        "password": {"type": "string"},
    }, required=["email", "password"], closed=False),
    "LoginResult": obj({
        "token": {"type": "string", "description": "Bearer token for `Authorization: Bearer <token>`; shown once."},
        "expires_at": TIMESTAMP,
        "user": schema("User"),
    }, required=["token", "expires_at", "user"]),
    "Me": obj({
        "user": schema("User"),
        "organisation": obj({
            "id": UUID,
            "name": {"type": "string"},
            "default_language": LANGUAGE,
            "time_zone": TIME_ZONE,
            "currency": {"type": "string", "description": "ISO 4217 code, e.g. `IRR`."},
            "money_unit": {"type": "string", "enum": ["rial", "toman"], "description": "How IRR amounts are shown."},
            "fiscal_year_start_month": {"type": "integer", "minimum": 1, "maximum": 12,
                                        "description": "The Jalali month the fiscal year begins with (1 = Farvardin)."},
        }, required=["id", "name", "default_language", "time_zone", "currency", "money_unit", "fiscal_year_start_month"]),
        "role": obj({
            "id": UUID,
            "key": {"type": "string", "description": "Built-in roles only."},
            "name": {"type": "string"},
        }, required=["id", "name"]),
        "permissions": schema("Permissions"),
        "team_ids": {"type": "array", "items": UUID},
    }, required=["user", "organisation", "role", "permissions", "team_ids"]),
    "Team": obj({
        "id": UUID,
        "name": {"type": "string"},
        "member_ids": {"type": "array", "items": UUID, "description": "User ids of the members."},
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "name", "member_ids", "version"]),
    "NewTeam": obj({
        "name": name_field(200, "Unique within the organisation."),
        "member_ids": {"type": "array", "items": UUID, "description": "Users of the organisation; duplicates are ignored."},
    }, required=["name"], closed=False),
    "TeamChanges": obj({
        "name": name_field(200, "Unique within the organisation."),
        "member_ids": {"type": "array", "items": UUID, "description": "Replaces the member list when present."},
    }, closed=False, description="Fields left out stay as they are."),
    "Role": obj({
        "id": UUID,
        "key": {"type": "string", "description": "Built-in roles only (e.g. `admin`, `sales_rep`)."},
        "name": {"type": "string"},
        "built_in": {"type": "boolean", "description": "Built-in roles cannot be changed or deleted."},
        "permissions": schema("Permissions"),
        "version": VERSION,
        "created_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }, required=["id", "name", "built_in", "permissions", "version"]),
    "NewRole": obj({
        "name": name_field(100, "Unique within the organisation."),
        "permissions": schema("Permissions"),
    }, required=["name", "permissions"], closed=False),
    "RoleChanges": obj({
        "name": name_field(100, "Unique within the organisation."),
        "permissions": {**schema("Permissions"), "description": "Replaces the grants when present."},
    }, closed=False, description="Fields left out stay as they are."),
    "FieldChange": obj({
        "before": {"description": "Any JSON value; null when the field did not exist (creation)."},
        "after": {"description": "Any JSON value; null when the field no longer exists (deletion)."},
    }, required=["before", "after"]),
    "AuditEntry": obj({
        "id": UUID,
        "actor_user_id": {**UUID, "description": "Absent when no user acted."},
        "action": {"type": "string", "enum": ["create", "update", "delete", "restore", "merge"]},
        "record_type": {"type": "string", "description": "e.g. `user`, `team`, `role`, `account`, `contact`, `lead`, "
                                                        "`pipeline`, `opportunity`."},
        "record_id": UUID,
        "changes": {"type": "object", "additionalProperties": schema("FieldChange"),
                    "description": "Changed fields only; secrets are never shown."},
        "request_id": {"type": "string"},
        "occurred_at": TIMESTAMP,
    }, required=["id", "action", "record_type", "record_id", "changes", "occurred_at"]),
    "UserList": list_of("User", "A page of users."),
    "TeamList": list_of("Team", "A page of teams."),
    "RoleList": list_of("Role", "A page of roles."),
    "AuditEntryList": list_of("AuditEntry", "A page of audit entries."),
    "Money": MONEY,
    **sales.SCHEMAS,
    **pipelines.SCHEMAS,
    **products.SCHEMAS,
    **documents.SCHEMAS,
    **activities.SCHEMAS,
    **service.SCHEMAS,
    **service_levels.SCHEMAS,
    **case_mail.SCHEMAS,
    **knowledge.SCHEMAS,
    **transfer.SCHEMAS,
    **business_calendar.SCHEMAS,
}

EXAMPLES = {
    "Login": {"email": "admin@example.com", "password": "correct-horse-42"},
    "NewUser": {"email": "sara@example.com", "name": "سارا محمدی", "password": "sara-pass-1405",
                "role_id": "01A207ED-6660-73E2-A5D3-ADA7B68BEA15", "language": "fa"},
    "UserChanges": {"name": "سارا محمدی", "time_zone": "Asia/Tehran"},
    "ProfileChanges": {"language": "en", "time_zone": "Europe/Berlin"},
    "PasswordChange": {"current_password": "old-pass-1404", "new_password": "new-pass-1405"},
    "NewTeam": {"name": "فروش تهران", "member_ids": []},
    "TeamChanges": {"name": "فروش شیراز"},
    "NewRole": {"name": "کارشناس ارشد فروش",
                "permissions": {"accounts": {"read": "organisation", "update": "team"}, "leads": {"read": "own"}}},
    "RoleChanges": {"permissions": {"accounts": {"read": "organisation"}}},
}
for _name, _example in {**EXAMPLES, **sales.EXAMPLES, **pipelines.EXAMPLES, **products.EXAMPLES,
                           **documents.EXAMPLES, **activities.EXAMPLES, **service.EXAMPLES,
                           **service_levels.EXAMPLES, **knowledge.EXAMPLES}.items():
    schemas[_name]["examples"] = [_example]

# ---------------------------------------------------------------- headers
headers = {
    "X-Request-Id": {"description": "Identifies the request in the server's logs.", "required": True,
                     "schema": {"type": "string", "minLength": 1}},
    "ETag": {"description": "The record's `version`, quoted; send it back as `If-Match`.", "required": True,
             "schema": {"type": "string", "pattern": "^\"[0-9]+\"$"}},
    "Location": {"description": "Path of the created record.", "required": True,
                 "schema": {"type": "string", "format": "uri-reference"}},
    "Retry-After": {"description": "Seconds until sign-in is allowed again.", "required": True,
                    "schema": {"type": "integer", "minimum": 1}},
    "WWW-Authenticate": {"description": "Always `Bearer`.", "required": True, "schema": {"type": "string"}},
    "Idempotent-Replayed": {"description": "Present (`true`) when this is the stored response of an earlier request "
                                           "with the same `Idempotency-Key`.",
                            "required": False, "schema": {"type": "string", "enum": ["true"]}},
}

responses = {
    "BadRequest": problem_response(400, "Malformed request: the body is missing or is not valid JSON (`malformed-json`)."),
    "Unauthorized": problem_response(401, "Missing, invalid, expired or revoked bearer token (`unauthenticated`).",
                                     ["WWW-Authenticate"]),
    "Forbidden": problem_response(403, "Signed in, but the role does not allow this (`forbidden`)."),
    "NotFound": problem_response(404, "No such record in the caller's organisation (also for ids that are not UUIDs)."),
    "Conflict": problem_response(409, "Conflicts with the current state."),
    "PreconditionFailed": problem_response(412, "`If-Match` does not name the current version (`stale-version`)."),
    "PayloadTooLarge": problem_response(413, "The body is larger than 1 MB (`payload-too-large`)."),
    "UnsupportedMediaType": problem_response(415, "The body is not `application/json` (`unsupported-media-type`)."),
    "ValidationFailed": problem_response(422, "Validation failed; `errors` lists every bad field (`validation-failed`)."),
}

# ---------------------------------------------------------------- parameters
parameters = {
    "Id": {"name": "id", "in": "path", "required": True, "schema": UUID,
           "description": "Record id. Anything that is not a UUID is answered with 404."},
    "Limit": {"name": "limit", "in": "query", "required": False,
              "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
              "description": "Page size (1…200, default 50); anything else is 422."},
    "Cursor": {"name": "cursor", "in": "query", "required": False, "schema": {"type": "string"},
               "description": "Opaque position from a previous page's `next_cursor`; an invalid cursor is 422."},
    "SortNewestFirst": {"name": "sort", "in": "query", "required": False,
                        "schema": {"type": "string", "enum": ["created_at", "-created_at"], "default": "-created_at"},
                        "description": "Creation order; newest first by default. Any other value is 422."},
    "SortOldestFirst": {"name": "sort", "in": "query", "required": False,
                        "schema": {"type": "string", "enum": ["created_at", "-created_at"], "default": "created_at"},
                        "description": "Creation order; oldest first by default. Any other value is 422."},
    "IfMatch": {"name": "If-Match", "in": "header", "required": False, "schema": {"type": "string"},
                "description": "The `ETag` last read (`\"3\"`; `W/` prefix tolerated). A stale or unparseable value "
                               "is 412; without it, or with `*`, the last write wins."},
    "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": False,
                       "schema": {"type": "string", "minLength": 1, "maxLength": 255},
                       "description": "1…255 bytes, per user. The same key with the same method, path and body within "
                                      "24 h replays the first successful response (with `Idempotent-Replayed: true`) "
                                      "and creates nothing new; the same key with a different request is 422; while "
                                      "the first request is still running, 409."},
    **sales.PARAMETERS,
    **pipelines.PARAMETERS,
    **products.PARAMETERS,
    **documents.PARAMETERS,
    **activities.PARAMETERS,
    **service.PARAMETERS,
    **knowledge.PARAMETERS,
    **transfer.PARAMETERS,
}


LIST_PARAMS = [P("Limit"), P("Cursor"), P("SortNewestFirst")]

paths = {
    "/healthz": {"get": op(
        "getHealth", "Operations", "Process is up",
        {"200": json_ok("The process answers (`{\"status\": \"ok\"}`).", "Status")}, security=[])},
    "/readyz": {"get": op(
        "getReadiness", "Operations", "Database reachable and migrations current",
        {"200": json_ok("Ready (`status` is `ready`, `pending_migrations` is 0).", "Status"),
         "503": json_ok("Not ready: the database is unreachable or migrations are pending.", "Status")},
        security=[])},
    "/metrics": {"get": op(
        "getMetrics", "Operations", "Prometheus metrics",
        {"200": {"description": "Prometheus text exposition format (0.0.4).", "headers": dict(REQ_ID),
                 "content": {"text/plain": {"schema": {"type": "string"}}}}},
        security=[])},
    "/api/v1/openapi.json": {"get": op(
        "getOpenAPIDocument", "Operations", "This OpenAPI document",
        {"200": {"description": "The contract.", "headers": dict(REQ_ID),
                 "content": {"application/json": {"schema": {"type": "object", "required": ["openapi", "info", "paths"]}}}}},
        security=[])},
    "/api/v1/auth/login": {"post": op(
        "login", "Auth", "Sign in and receive a bearer token",
        {"200": json_ok("Signed in.", "LoginResult"),
         "401": {**problem_response(401, "Wrong e-mail or password, or the user is deactivated (`invalid-credentials`).",
                                    ["WWW-Authenticate"])},
         "429": problem_response(429, "Too many failed sign-ins for this account or from this address (`too-many-requests`).",
                                 ["Retry-After"]),
         **problems(*BODY_ERRORS)},
        description="Issues an API token valid for 30 days. Failed attempts are throttled per account (5 in 15 min) "
                    "and per client address (30 in 15 min).",
        request_body=body("Login"), security=[])},
    "/api/v1/auth/logout": {"post": op(
        "logout", "Auth", "Revoke the presented token",
        {"204": no_content("The bearer token in `Authorization`, if any, is revoked; answered the same when none "
                           "or an unknown one was sent.")},
        description="Takes no body. Needs no valid credentials: it revokes whatever bearer token is presented.",
        security=[])},
    "/api/v1/me": {
        "get": op("getMe", "Me", "The acting user, organisation, role and permissions",
                  {"200": json_ok("The acting user and what they may do.", "Me", ["ETag"]), **problems(401)}),
        "patch": op("updateMe", "Me", "Change one's own name, language or time zone",
                    {"200": json_ok("The changed user.", "User", ["ETag"]), **problems(401, 412, *BODY_ERRORS)},
                    parameters_=[P("IfMatch")], request_body=body("ProfileChanges")),
    },
    "/api/v1/me/password": {"post": op(
        "changeMyPassword", "Me", "Change one's own password",
        {"204": no_content("Changed.", ["Idempotent-Replayed"]), **problems(401, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
        description="422 when `current_password` is wrong (`invalid_format`) or `new_password` is weak.",
        parameters_=[P("IdempotencyKey")], request_body=body("PasswordChange"))},
    "/api/v1/users": {
        "get": op("listUsers", "Users", "The organisation's users",
                  {"200": json_ok("A page of users.", "UserList"), **problems(401, 422)},
                  description="Readable by every signed-in user (owner pickers need it).",
                  parameters_=LIST_PARAMS),
        "post": op("createUser", "Users", "Add a user (administrators)",
                   {"201": json_ok("Created.", "User", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, 409, *BODY_ERRORS)},
                   description="409 `email-taken` when the e-mail is registered (in any organisation); 422 "
                               "`referenced_record_missing` on `role_id` when the role is not the organisation's.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewUser")),
    },
    "/api/v1/users/{id}": {
        "parameters": [P("Id")],
        "get": op("getUser", "Users", "One user",
                  {"200": json_ok("The user.", "User", ["ETag"]), **problems(401, 404)}),
        "patch": op("updateUser", "Users", "Change a user (administrators; anyone their own name, language and time zone)",
                    {"200": json_ok("The changed user.", "User", ["ETag"]),
                     **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    description="409 `last-administrator` when the change would leave the organisation without an "
                                "active administrator.",
                    parameters_=[P("IfMatch")], request_body=body("UserChanges")),
    },
    "/api/v1/teams": {
        "get": op("listTeams", "Teams", "The organisation's teams",
                  {"200": json_ok("A page of teams.", "TeamList"), **problems(401, 422)},
                  description="Readable by every signed-in user.", parameters_=LIST_PARAMS),
        "post": op("createTeam", "Teams", "Create a team (administrators)",
                   {"201": json_ok("Created.", "Team", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, 409, *BODY_ERRORS)},
                   description="409 `name-taken` when the name is in use; 422 `referenced_record_missing` on "
                               "`member_ids` when a member is not a user of the organisation.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewTeam")),
    },
    "/api/v1/teams/{id}": {
        "parameters": [P("Id")],
        "get": op("getTeam", "Teams", "One team",
                  {"200": json_ok("The team.", "Team", ["ETag"]), **problems(401, 404)}),
        "patch": op("updateTeam", "Teams", "Rename a team and/or replace its members (administrators)",
                    {"200": json_ok("The changed team.", "Team", ["ETag"]),
                     **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    parameters_=[P("IfMatch")], request_body=body("TeamChanges")),
        "delete": op("deleteTeam", "Teams", "Delete a team and its memberships (administrators)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 409, 412)},
                     description="409 `conflict` while accounts, contacts or leads (deleted ones included) name the "
                                 "team as their owner.",
                     parameters_=[P("IfMatch")]),
    },
    "/api/v1/roles": {
        "get": op("listRoles", "Roles", "Built-in and custom roles (administrators)",
                  {"200": json_ok("A page of roles.", "RoleList"), **problems(401, 403, 422)},
                  parameters_=[P("Limit"), P("Cursor"), P("SortOldestFirst")]),
        "post": op("createRole", "Roles", "Create a custom role (administrators)",
                   {"201": json_ok("Created.", "Role", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, 409, *BODY_ERRORS)},
                   description="409 `name-taken` when the name is in use; unknown modules, actions or scopes in "
                               "`permissions` are 422 `unknown_value`.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewRole")),
    },
    "/api/v1/roles/{id}": {
        "parameters": [P("Id")],
        "get": op("getRole", "Roles", "One role (administrators)",
                  {"200": json_ok("The role.", "Role", ["ETag"]), **problems(401, 403, 404)}),
        "patch": op("updateRole", "Roles", "Change a custom role (administrators)",
                    {"200": json_ok("The changed role.", "Role", ["ETag"]),
                     **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    description="409 `built-in-role-immutable` for built-in roles, `name-taken`, or "
                                "`last-administrator` when no active administrator would remain.",
                    parameters_=[P("IfMatch")], request_body=body("RoleChanges")),
        "delete": op("deleteRole", "Roles", "Delete an unused custom role (administrators)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 409)},
                     description="409 `built-in-role-immutable` for built-in roles, `role-in-use` while users have it."),
    },
    "/api/v1/audit-log": {"get": op(
        "listAuditLog", "Audit", "Who changed what, field by field (administrators)",
        {"200": json_ok("A page of audit entries.", "AuditEntryList"), **problems(401, 403, 422)},
        parameters_=LIST_PARAMS + [
            {"name": "record_type", "in": "query", "required": False, "schema": {"type": "string"},
             "description": "Only entries of this record type (`user`, `team`, `role`, …)."},
            {"name": "record_id", "in": "query", "required": False, "schema": UUID,
             "description": "Only entries of this record; not a UUID is 422."},
            {"name": "user_id", "in": "query", "required": False, "schema": UUID,
             "description": "Only entries made by this user; not a UUID is 422."},
            {"name": "from", "in": "query", "required": False, "schema": {"type": "string", "examples": ["1405/09/01", "2026-11-22"]},
             "description": "Only entries made on or after this day (Gregorian or Jalali, in the organisation's time zone); "
                            "not a real day is 422."},
            {"name": "to", "in": "query", "required": False, "schema": {"type": "string", "examples": ["1405/09/02"]},
             "description": "Only entries made on or before this day (inclusive, in the organisation's time zone); "
                            "before `from` is 422."},
        ])},
    **sales.PATHS,
    **pipelines.PATHS,
    **products.PATHS,
    **documents.PATHS,
    **activities.PATHS,
    **service.PATHS,
    **service_levels.PATHS,
    **case_mail.PATHS,
    **knowledge.PATHS,
    **transfer.PATHS,
    **business_calendar.PATHS,
}

document = {
    "openapi": "3.1.0",
    "info": {
        "title": "Peyvand CRM API",
        "version": "1.0.0",
        "description": "The HTTP API of Peyvand (conventions: `shared/API.md`). JSON bodies with snake_case keys, "
                       "RFC 3339 UTC timestamps, UUID ids. Errors are RFC 9457 problem details "
                       "(`application/problem+json`, titles in Persian by default, English with "
                       "`Accept-Language: en`). Lists use cursor pagination; records carry a `version` sent as "
                       "`ETag` and checked through `If-Match`; POSTs accept an `Idempotency-Key`. Every response "
                       "carries `X-Request-Id`. An unknown path is 404 and a known path with another method is 405 "
                       "with `Allow`; request bodies over 1 MB (CSV imports: 20 MB) are 413.",
    },
    "servers": [{"url": "/"}],
    "security": [{"bearer": []}],
    "tags": [
        {"name": "Operations", "description": "Health, readiness, metrics and this document."},
        {"name": "Auth", "description": "API tokens."},
        {"name": "Me", "description": "The acting user."},
        {"name": "Users", "description": "The organisation's staff."},
        {"name": "Teams", "description": "Groups of users that own records together."},
        {"name": "Roles", "description": "Permission sets."},
        {"name": "Audit", "description": "The audit log."},
        *sales.TAGS,
        *pipelines.TAGS,
        *products.TAGS,
        *documents.TAGS,
        *activities.TAGS,
        *service.TAGS,
        *service_levels.TAGS,
        *knowledge.TAGS,
        *transfer.TAGS,
        *business_calendar.TAGS,
    ],
    "paths": paths,
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                       "description": "An API token from `POST /api/v1/auth/login`."}},
        "schemas": schemas,
        "parameters": parameters,
        "headers": headers,
        "responses": responses,
    },
}

json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
sys.stdout.write("\n")
