"""Building blocks shared by the parts of the OpenAPI generator (generate.py and the module files
it imports): references, common field schemas, and the helpers that write responses and operations.
"""

LANGUAGES = ["fa", "en"]


def ref(kind, name):
    return {"$ref": f"#/components/{kind}/{name}"}


def schema(name):
    return ref("schemas", name)


UUID = {"type": "string", "format": "uuid"}
TIMESTAMP = {"type": "string", "format": "date-time", "description": "RFC 3339, UTC."}
VERSION = {"type": "integer", "minimum": 1, "description": "Optimistic-concurrency version; also sent as the `ETag`."}
LANGUAGE = {"type": "string", "enum": LANGUAGES}
TIME_ZONE = {"type": "string", "description": "IANA time zone identifier, e.g. `Asia/Tehran`.", "examples": ["Asia/Tehran"]}
INT64_MAX = 2**63 - 1  # amounts are Int64 minor units
CURRENCY = {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 code, e.g. `IRR`."}


def name_field(max_length, description):
    return {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": "\\S",
            "description": description + f" Trimmed; must not be blank; at most {max_length} characters."}


def nullable(base):
    """`base` or JSON null (request fields where null clears the value or means "the default")."""
    if "$ref" in base:
        return {"anyOf": [base, {"type": "null"}]}
    out = dict(base)
    kind = out["type"]
    out["type"] = [kind, "null"] if isinstance(kind, str) else [*kind, "null"]
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    return out


def obj(properties, required=(), closed=True, description=None):
    out = {"type": "object"}
    if description:
        out["description"] = description
    if required:
        out["required"] = list(required)
    out["properties"] = properties
    if closed:
        out["additionalProperties"] = False
    return out


def list_of(item, description):
    return obj({
        "data": {"type": "array", "items": schema(item)},
        "next_cursor": {"type": ["string", "null"],
                        "description": "Pass as `cursor` to read the next page; null on the last page."},
    }, required=["data", "next_cursor"], description=description)


# `{"amount_minor": 1250000, "currency": "IRR"}` (MoneyDTO in OpportunityDTOs.swift), shared by
# opportunities, products and price lists; generate.py registers it as `#/components/schemas/Money`.
MONEY = obj({
    "amount_minor": {"type": "integer", "minimum": 0, "maximum": INT64_MAX,
                     "description": "In the currency's minor unit (rials for `IRR`)."},
    "currency": CURRENCY,
}, required=["amount_minor", "currency"], description="An amount of money.")


# ---------------------------------------------------------------- responses and operations
REQ_ID = {"X-Request-Id": ref("headers", "X-Request-Id")}


def problem_response(status, description, extra_headers=()):
    hs = dict(REQ_ID)
    for h in extra_headers:
        hs[h] = ref("headers", h)
    return {
        "description": description,
        "headers": hs,
        "content": {"application/problem+json": {"schema": {
            "allOf": [schema("Problem"), {"properties": {"status": {"const": status}}}]}}},
    }


def json_ok(description, schema_name, extra_headers=()):
    hs = dict(REQ_ID)
    for h in extra_headers:
        hs[h] = ref("headers", h)
    return {"description": description, "headers": hs,
            "content": {"application/json": {"schema": schema(schema_name)}}}


def no_content(description, extra_headers=()):
    hs = dict(REQ_ID)
    for h in extra_headers:
        hs[h] = ref("headers", h)
    return {"description": description, "headers": hs}


def problems(*statuses):
    names = {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 409: "Conflict",
             412: "PreconditionFailed", 413: "PayloadTooLarge", 415: "UnsupportedMediaType", 422: "ValidationFailed"}
    return {str(s): ref("responses", names[s]) for s in statuses}


def body(schema_name, description=None):
    out = {"required": True, "content": {"application/json": {"schema": schema(schema_name)}}}
    if description:
        out["description"] = description
    return out


def op(operation_id, tag, summary, responses_, description=None, parameters_=None, request_body=None, security=None):
    out = {"operationId": operation_id, "tags": [tag], "summary": summary}
    if description:
        out["description"] = description
    if parameters_:
        out["parameters"] = parameters_
    if request_body:
        out["requestBody"] = request_body
    out["responses"] = dict(sorted(responses_.items()))
    if security is not None:
        out["security"] = security
    return out


P = lambda name: ref("parameters", name)  # noqa: E731
BODY_ERRORS = (400, 413, 415, 422)  # FieldReader: malformed / too large / not JSON / not an object or bad fields
IDEMPOTENCY_ERRORS = (409, 422)     # in progress / key reused or too long
