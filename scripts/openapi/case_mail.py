"""Case mail's part of the OpenAPI document: agents' replies by e-mail, what a case has sent, and
the files received with its mail (e-mail to case itself needs no endpoint: the SMTP/LMTP listener).

generate.py merges SCHEMAS, PATHS and TAGS into the document, like those of sales.py.

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (`cases/:id/replies|emails|attachments`);
- bodies and responses: Sources/PeyvandServer/Service/API/CaseMailAPI.swift;
- rules: Sources/PeyvandCore/Service/Mail/{CaseMailReplies,CaseMailHandler}.swift.
"""
from common import BODY_ERRORS, IDEMPOTENCY_ERRORS, TIMESTAMP, UUID, P, body, json_ok, list_of, name_field, obj, op, problems, schema

STATUSES = ["queued", "sending", "sent", "failed"]  # OutboundEmail.Status
T = "Cases"

SCHEMAS = {
    "CaseEmail": obj({
        "id": UUID,
        "status": {"type": "string", "description": "`queued` (waiting or retrying), `sent`, or `failed` after the "
                                                    "last attempt; `last_error` says why."},
        "to": {"type": "string"},
        "subject": {"type": "string"},
        "attempts": {"type": "integer", "minimum": 0},
        "last_error": {"type": "string"},
        "sent_at": TIMESTAMP,
        "created_at": TIMESTAMP,
    }, required=["id", "status", "to", "subject", "attempts", "created_at"],
        description="A message the case sent (acknowledgement, reply, SLA notice). Optional fields are left out when "
                    "not set."),
    "CaseEmailList": list_of("CaseEmail", "The case's sent messages, newest first (one page)."),
    "CaseReply": obj({"comment": schema("CaseComment"), "email": schema("CaseEmail")}, required=["comment", "email"]),
    "NewCaseReply": obj({"body": name_field(20_000, "The answer, sent as the message's text.")}, required=["body"], closed=False),
    "CaseAttachment": obj({
        "id": UUID,
        "file_name": {"type": "string"},
        "content_type": {"type": "string"},
        "size": {"type": "integer", "minimum": 0},
        "created_at": TIMESTAMP,
    }, required=["id", "file_name", "content_type", "size", "created_at"]),
    "CaseAttachmentList": list_of("CaseAttachment", "The files received with the case's mail, oldest first (one page)."),
}

PATHS = {
    "/api/v1/cases/{id}/replies": {
        "parameters": [P("Id")],
        "post": op("replyToCase", T, "Answer the customer by e-mail",
                   {"201": json_ok("The public comment and the queued message.", "CaseReply", ["Location", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                   description="Adds a public comment (the first one sets `first_response_at`) and queues it as an e-mail "
                               "to the case's contact, else to the last address that wrote to the case, threaded to the "
                               "case's messages with the case number in the subject. 422 on `to` when there is no address. "
                               "Needs the right to update the case.",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewCaseReply")),
    },
    "/api/v1/cases/{id}/emails": {
        "parameters": [P("Id")],
        "get": op("listCaseEmails", T, "What the case has sent and how delivery went",
                  {"200": json_ok("The messages, newest first.", "CaseEmailList"), **problems(401, 403, 404)}),
    },
    "/api/v1/cases/{id}/attachments": {
        "parameters": [P("Id")],
        "get": op("listCaseAttachments", T, "Files received with the case's mail",
                  {"200": json_ok("The files, oldest first.", "CaseAttachmentList"), **problems(401, 403, 404)}),
    },
    "/api/v1/cases/{id}/attachments/{attachment_id}": {
        "parameters": [P("Id"), {"name": "attachment_id", "in": "path", "required": True, "schema": UUID}],
        "get": op("getCaseAttachment", T, "One received file, as a download",
                  {"200": {"description": "The file's bytes, with `Content-Disposition: attachment` and "
                                          "`X-Content-Type-Options: nosniff`.",
                           "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
                   **problems(401, 403, 404)},
                  description="404 for another organisation's file or a case the caller may not read."),
    },
}

TAGS = []
