"""CSV import of accounts, contacts, leads, opportunities, products and activities, CSV export of every list, and background jobs, in the OpenAPI document.

generate.py merges SCHEMAS, PARAMETERS, PATHS and TAGS into the document, like those of sales.py.

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (`import`, `imports`, `export`, `jobs`);
- requests and responses: Sources/PeyvandServer/Sales/API/ImportExportAPI.swift (ImportDTO; the
  20 MB body limit), Sources/PeyvandServer/Platform/API/JobsAPI.swift (JobDTO);
- import fields and header aliases: Sources/PeyvandCore/Sales/CSV/ImportColumns.swift;
- import checks, permissions and the report: Sources/PeyvandCore/Sales/CSV/{ImportService,ImportEngine,ImportTargets,
  ImportRows}.swift,
  Sources/PeyvandCore/Platform/CSV/CSVReader.swift;
- export columns and rights: Sources/PeyvandCore/Platform/CSV/CSVExport.swift, Sources/PeyvandCore/Sales/CSV/SalesExports.swift,
  Sources/PeyvandCore/Activities/CSV/ActivityExports.swift, Sources/PeyvandCore/Service/CSV/ServiceExports.swift; its query parameters are the resource's list parameters
  (ImportExportAPI.exportResponse: SalesRequests.listRequest with `AccountsAPI.filters`, …, `CasesAPI.filters`);
- enums: Sources/PeyvandCore/Platform/Imports/DataImport.swift (Status, DuplicatePolicy),
  Sources/PeyvandCore/Platform/Models/Job.swift (Status).
"""
import json

import activities
import documents
import pipelines
import products
import sales
import service
from common import IDEMPOTENCY_ERRORS, REQ_ID, TIMESTAMP, UUID, P, json_ok, obj, op, problem_response, problems

# ---------------------------------------------------------------- enums and limits
RESOURCES = ["accounts", "contacts", "leads", "opportunities", "products", "activities"]    # ImportResource
EXPORT_RESOURCES = RESOURCES + ["quotes", "orders", "invoices", "cases"]  # ExportResource
IMPORT_STATUSES = ["staged", "queued", "running", "completed", "failed"]  # DataImport.Status
DUPLICATE_POLICIES = ["skip", "update", "create"]            # DataImport.DuplicatePolicy
JOB_STATUSES = ["queued", "running", "succeeded", "dead"]    # Job.Status

MAX_FILE_MB = 20         # ImportExportAPI.maximumFileSize
MAX_ROWS = 200_000       # ImportService.maximumRows
MAX_MAPPING = 4_000      # ImportExportAPI.start: query.string("mapping", max: 4_000); 4,000 4-byte characters percent-encoded stay under the 80 KB request-head limit

# ImportResource.fields: (field, required, header aliases). Headers are compared ignoring letter
# case, `_`/`-` versus spaces, Persian letter forms and ZWNJ; the field's own name also matches.
_SHARED = [
    ("mobile", False, ["mobile", "cell", "cellphone", "موبایل", "تلفن همراه", "همراه", "شماره همراه"]),
    ("phone", False, ["phone", "telephone", "tel", "تلفن", "تلفن ثابت"]),
    ("email", False, ["email", "e-mail", "ایمیل", "پست الکترونیک", "رایانامه"]),
    ("province", False, ["province", "state", "استان"]),
    ("city", False, ["city", "شهر"]),
    ("address", False, ["address", "street", "نشانی", "آدرس"]),
    ("postal_code", False, ["postal code", "postcode", "zip", "کد پستی"]),
    ("tags", False, ["tags", "tag", "برچسب", "برچسب‌ها"]),
    ("description", False, ["description", "notes", "note", "توضیحات", "یادداشت"]),
]
_PERSON = [
    ("first_name", False, ["first name", "firstname", "given name", "نام"]),
    ("last_name", True, ["last name", "lastname", "surname", "family name", "نام خانوادگی"]),
    ("job_title", False, ["job title", "title", "position", "سمت", "عنوان شغلی"]),
]
IMPORT_FIELDS = {
    "accounts": [
        ("name", True, ["name", "company", "account", "company name", "نام", "نام شرکت", "شرکت"]),
        ("kind", False, ["kind", "type", "نوع"]),
        ("industry", False, ["industry", "صنعت"]),
        ("website", False, ["website", "web", "site", "وب‌سایت", "وبسایت", "سایت"]),
        ("national_id", False, ["national id", "شناسه ملی"]),
        ("economic_code", False, ["economic code", "کد اقتصادی"]),
    ] + _SHARED,
    "contacts": _PERSON + [
        ("gender", False, ["gender", "sex", "جنسیت"]),
        ("birth_date", False, ["birth date", "birthday", "date of birth", "تاریخ تولد"]),
        ("account", False, ["account", "company", "organisation", "organization", "شرکت", "نام شرکت", "سازمان"]),
        ("lead_source", False, ["lead source", "source", "منبع"]),
    ] + _SHARED,
    "leads": _PERSON + [
        ("company", False, ["company", "company name", "organisation", "organization", "شرکت", "نام شرکت", "سازمان"]),
        ("source", False, ["source", "lead source", "منبع"]),
        ("status", False, ["status", "وضعیت"]),
        ("score", False, ["score", "امتیاز"]),
    ] + _SHARED,
    "opportunities": [
        ("name", True, ["name", "opportunity", "deal", "title", "نام", "عنوان", "فرصت", "نام فرصت"]),
        ("account", True, ["account", "company", "customer", "organisation", "organization", "شرکت", "سازمان", "مشتری", "نام شرکت"]),
        ("pipeline", False, ["pipeline", "sales pipeline", "قیف", "قیف فروش"]),
        ("stage", False, ["stage", "sales stage", "مرحله"]),
        ("amount", False, ["amount", "value", "deal value", "مبلغ", "ارزش"]),
        ("currency", False, ["currency", "ارز"]),
        ("expected_close_date", False, ["expected close date", "close date", "expected close", "تاریخ بستن",
                                        "تاریخ پیش‌بینی بستن", "پیش‌بینی بستن"]),
        ("tags", False, ["tags", "tag", "برچسب", "برچسب‌ها"]),
        ("description", False, ["description", "notes", "note", "توضیحات", "یادداشت"]),
    ],
    "activities": [
        ("kind", True, ["kind", "type", "activity type", "نوع", "نوع فعالیت"]),
        ("subject", True, ["subject", "title", "موضوع", "عنوان"]),
        ("body", False, ["body", "description", "notes", "note", "details", "شرح", "توضیحات", "یادداشت"]),
        ("status", False, ["status", "وضعیت"]),
        ("priority", False, ["priority", "اولویت"]),
        ("due_at", False, ["due", "due at", "due date", "deadline", "سررسید", "مهلت"]),
        ("start_at", False, ["start", "start at", "starts", "begins", "شروع", "زمان شروع"]),
        ("end_at", False, ["end", "end at", "ends", "پایان", "زمان پایان"]),
        ("account", False, ["account", "company", "customer", "regarding", "شرکت", "سازمان", "مشتری"]),
    ],
    "products": [
        ("sku", True, ["sku", "code", "product code", "item code", "کد", "کد کالا", "کد محصول"]),
        ("name_fa", False, ["name fa", "persian name", "name", "product", "نام", "نام کالا", "نام محصول", "نام فارسی"]),
        ("name_en", False, ["name en", "english name", "نام انگلیسی"]),
        ("product_line", False, ["product line", "line", "category", "خط محصول", "گروه کالا", "دسته"]),
        ("unit", False, ["unit", "واحد"]),
        ("list_price", False, ["list price", "price", "قیمت", "قیمت فروش", "بها"]),
        ("currency", False, ["currency", "ارز"]),
        ("tax_rate", False, ["tax rate", "tax", "vat", "مالیات", "نرخ مالیات", "مالیات بر ارزش افزوده"]),
        ("active", False, ["active", "is active", "فعال"]),
        ("description", False, ["description", "notes", "note", "توضیحات", "یادداشت"]),
    ],
}
# ImportRows.product: how a product row's values read.
PRODUCT_ROW_NOTE = (
    "A product row is a whole product, as on `POST /api/v1/products` (a `name_fa` or `name_en` and a `list_price` are "
    "needed even to update one): `list_price` in the currency's minor unit (rials) with any digits and grouping "
    "separators, `currency` its ISO 4217 code (default: the organisation's), `tax_rate` in percent with up to two "
    "decimals (`9`, `۹٫۵`), `active` as yes or no in English or Persian (`yes`/`no`, `بله`/`خیر`, `فعال`/`غیرفعال`). "
    "A value that cannot be read is refused on its column (`list_price`, `tax_rate`, `active`). Products are the "
    "same when their SKUs are (letter case and Persian digits aside); since no two live products share a SKU, "
    "`duplicates=create` refuses a row with a taken SKU (`sku`: `not_unique`) instead of making a twin.")
# OpportunityImport: how an opportunity row's values read.
OPPORTUNITY_ROW_NOTE = (
    "An opportunity row names an existing account the importer may read (`account`: `referenced_record_missing` "
    "otherwise), and optionally its `pipeline` and `stage` by name (Persian letter forms aside; unknown names are "
    "refused on their column); without them it starts in the default pipeline's first open stage. `amount` is in "
    "the currency's minor unit with any digits and separators, `expected_close_date` a day in either calendar. "
    "Opportunities are the same when they have the same name on the same account; `duplicates=update` changes the "
    "row's fields but never the stage (moving a deal stays an act on its page, with its stage history).")
# ActivityImport: how an activity row's values read.
ACTIVITY_ROW_NOTE = (
    "An activity row needs a `kind` and a `subject`; kinds, statuses and priorities may be written in Persian "
    "(`تماس`, `جلسه`, `وظیفه`; `انجام شد`; `زیاد`). `due_at`, `start_at` and `end_at` are a day, or a day and "
    "`HH:MM`, in either calendar and digits, in the importer's time zone (a day alone means 09:00). An `account` "
    "column makes the activity regard that account. Activities have no natural key: every row is a new activity, "
    "whatever `duplicates` says.")

# SalesExports and ActivityExports: the columns of each resource; sensitive ones need the `export` right at organisation scope.
_PARTY_COLUMNS = ["mobile", "phone", "email", "province", "city", "address", "postal_code", "tags", "description"]
EXPORT_COLUMNS = {
    "accounts": ["id", "name", "kind", "industry", "website", "(national_id", "economic_code)"] + _PARTY_COLUMNS
    + ["created_at"],
    "contacts": ["id", "first_name", "last_name", "gender", "(birth_date)", "job_title", "account", "lead_source"]
    + _PARTY_COLUMNS + ["created_at"],
    "leads": ["id", "first_name", "last_name", "company", "job_title", "source", "status", "score"] + _PARTY_COLUMNS
    + ["created_at"],
    "products": ["id", "sku", "name_fa", "name_en", "product_line", "unit", "list_price", "currency", "tax_rate", "active",
                 "description", "created_at"],
    "opportunities": ["id", "name", "account", "contact", "pipeline", "stage", "status", "amount", "currency",
                      "expected_close_date", "closed_at", "lost_reason", "competitors", "tags", "description", "created_at"],
    "quotes": ["id", "number", "status", "account", "contact", "valid_until", "currency", "subtotal", "discount", "tax",
               "total", "sent_at", "decided_at", "created_at"],
    "orders": ["id", "number", "status", "account", "contact", "currency", "subtotal", "discount", "tax", "total",
               "created_at"],
    "invoices": ["id", "number", "status", "account", "contact", "due_date", "currency", "subtotal", "discount", "tax",
                 "total", "paid", "created_at"],
    "activities": ["id", "kind", "subject", "status", "priority", "direction", "due_at", "start_at", "end_at", "remind_at",
                   "completed_at", "regarding_type", "regarding_id", "participants", "body", "created_at"],
    "cases": ["id", "number", "title", "type", "channel", "priority", "status", "account", "contact", "product",
              "product_model", "serial_number", "category", "queue", "first_response_at", "resolved_at", "closed_at",
              "resolution", "description", "created_at"],
}


def _field_table():
    lines = []
    for resource, fields in IMPORT_FIELDS.items():
        parts = []
        for name, required, aliases in fields:
            parts.append(f"`{name}`" + (" (required)" if required else "") + " ← " + ", ".join(f"«{a}»" for a in aliases))
        lines.append(f"- `{resource}`: " + "; ".join(parts) + ".")
    return "\n".join(lines)


def _export_columns():
    return "\n".join(f"- `{resource}`: " + ", ".join(columns) for resource, columns in EXPORT_COLUMNS.items())


# ---------------------------------------------------------------- schemas
SCHEMAS = {
    "Import": obj({
        "id": UUID,
        "resource": {"type": "string", "enum": RESOURCES},
        "status": {"type": "string", "enum": IMPORT_STATUSES,
                   "description": "`queued` until the background job picks it up, `running` while rows are imported, "
                                  "`completed` when every row is done. The job's own state (retries, `dead`) is at "
                                  "`GET /api/v1/jobs/{job_id}`."},
        "file_name": {"type": "string", "description": "As sent in `file_name`, else `<resource>.csv`."},
        "duplicate_policy": {"type": "string", "enum": DUPLICATE_POLICIES},
        "total_rows": {"type": "integer", "minimum": 0, "description": "Data rows in the file (blank lines not "
                                                                       "counted)."},
        "processed_rows": {"type": "integer", "minimum": 0, "description": "Rows done so far, batch by batch."},
        "created": {"type": "integer", "minimum": 0, "description": "Records created."},
        "updated": {"type": "integer", "minimum": 0, "description": "Existing records updated (`duplicates=update`)."},
        "skipped": {"type": "integer", "minimum": 0, "description": "Duplicates left out (`duplicates=skip`)."},
        "failed": {"type": "integer", "minimum": 0, "description": "Rows refused; the report says why."},
        "job_id": {**UUID, "description": "The background job that runs the import."},
        "report_url": {"type": "string", "format": "uri-reference",
                       "description": "`/api/v1/imports/{id}/report`: the skipped and refused rows as CSV."},
        "created_at": TIMESTAMP,
        "finished_at": {**TIMESTAMP, "description": "Absent until the import is completed."},
    }, required=["id", "resource", "status", "file_name", "duplicate_policy", "total_rows", "processed_rows",
                 "created", "updated", "skipped", "failed", "report_url", "created_at"],
        description="A CSV import and its progress. Left out when not set."),
    "Job": obj({
        "id": UUID,
        "kind": {"type": "string", "description": "What the job does, e.g. `sales.import`."},
        "status": {"type": "string", "enum": JOB_STATUSES,
                   "description": "`queued` (also between retries), `running`, `succeeded`, or `dead` once "
                                  "`max_attempts` failed attempts are spent."},
        "attempts": {"type": "integer", "minimum": 0},
        "max_attempts": {"type": "integer", "minimum": 1},
        "last_error": {"type": "string", "description": "The last failure's message; administrators only."},
        "import_id": {**UUID, "description": "The import the job runs, if any."},
        "created_at": TIMESTAMP,
        "finished_at": {**TIMESTAMP, "description": "Absent until the job succeeded or died."},
    }, required=["id", "kind", "status", "attempts", "max_attempts", "created_at"],
        description="A background job's state. Left out when not set."),
}

# ---------------------------------------------------------------- parameters
PARAMETERS = {
    "ImportResource": {"name": "resource", "in": "path", "required": True,
                       "schema": {"type": "string", "enum": RESOURCES},
                       "description": "`accounts`, `contacts`, `leads`, `opportunities`, `products` or `activities`; anything else is 404."},
    "ExportResource": {"name": "resource", "in": "path", "required": True,
                       "schema": {"type": "string", "enum": EXPORT_RESOURCES},
                       "description": "Any list: " + ", ".join(f"`{r}`" for r in EXPORT_RESOURCES)
                                      + "; anything else is 404."},
}

CSV_TEXT = {"type": "string", "description": "UTF-8 CSV, starting with a byte-order mark (for Excel)."}
CONTENT_DISPOSITION = {"description": "`attachment` with a file name.", "required": True,
                       "schema": {"type": "string", "pattern": "^attachment"}}


def csv_ok(description):
    return {"description": description,
            "headers": {**REQ_ID, "Content-Disposition": CONTENT_DISPOSITION},
            "content": {"text/csv": {"schema": CSV_TEXT}}}


def _union(*lists):
    out = []
    for item in (x for lst in lists for x in lst):
        if item not in out:
            out.append(item)
    return out


def _resolved(parameter):
    """The parameter itself, for a `$ref` to one of the modules' shared parameters."""
    ref = parameter.get("$ref")
    if ref is None:
        return parameter
    name = ref.rsplit("/", 1)[-1]
    for module in (sales, products, pipelines, documents, activities, service):
        if name in module.PARAMETERS:
            return module.PARAMETERS[name]
    raise KeyError(name)


# Parameters every list takes, documented once on the export; the rest are the resource's own filters.
_SHARED_NAMES = {"limit", "cursor", "sort", "q", "owner_id", "owner_team_id", "tag", "created_after", "created_before"}
_LIST_PARAMS = {
    "accounts": sales.ACCOUNT_FILTERS, "contacts": sales.CONTACT_FILTERS, "leads": sales.LEAD_FILTERS,
    "products": [sales.text_query("product_line", "Only products of exactly this product line."),
                 products.PARAMETERS["IsActive"], products.PARAMETERS["CurrencyFilter"]],
    "opportunities": pipelines.LIST_PARAMS, "quotes": documents.QUOTE_LIST_PARAMS, "orders": documents.ORDER_LIST_PARAMS,
    "invoices": documents.INVOICE_LIST_PARAMS, "activities": activities.LIST_PARAMS, "cases": service.LIST_PARAMS,
}


def _resource_filters():
    """Each filter once: a name several resources filter on gets the union of their values and says what it
    means for each; resources without it ignore it."""
    by_name = {}
    for resource, parameters in _LIST_PARAMS.items():
        for parameter in parameters:
            if parameter in (P("Limit"), P("Cursor")):  # defined by generate.py, shared by every list
                continue
            parameter = _resolved(parameter)
            if parameter["name"] not in _SHARED_NAMES:
                by_name.setdefault(parameter["name"], []).append((resource, parameter))
    merged = []
    for name, uses in by_name.items():
        first = uses[0][1]
        schema_ = dict(first["schema"])
        enums = [p["schema"].get("enum") for _, p in uses]
        if all(enums):
            schema_["enum"] = _union(*enums)
        elif any(enums) or len({json.dumps(p["schema"], sort_keys=True) for _, p in uses}) > 1:
            raise ValueError(f"export filter {name} has different types per resource")
        description = "; ".join(f"`{r}`: {p['description'].rstrip('.')}" for r, p in uses) + "."
        others = [r for r in EXPORT_RESOURCES if r not in {r for r, _ in uses}]
        merged.append({**first, "schema": schema_, "description": description
                       + (f" Ignored for {', '.join(f'`{r}`' for r in others)}." if others else "")})
    return merged


EXPORT_SORTS = _union(sales.ACCOUNT_SORTS, sales.CONTACT_SORTS, sales.LEAD_SORTS, products.PRODUCT_SORTS,
                      pipelines.OPPORTUNITY_SORTS, documents.QUOTE_SORTS, documents.ORDER_SORTS, documents.INVOICE_SORTS,
                      activities.ACTIVITY_SORTS, service.CASE_SORTS)
_SORTS_BY_RESOURCE = {"accounts": sales.ACCOUNT_SORTS, "contacts": sales.CONTACT_SORTS, "leads": sales.LEAD_SORTS,
                      "products": products.PRODUCT_SORTS, "opportunities": pipelines.OPPORTUNITY_SORTS,
                      "quotes": documents.QUOTE_SORTS, "orders": documents.ORDER_SORTS,
                      "invoices": documents.INVOICE_SORTS, "activities": activities.ACTIVITY_SORTS,
                      "cases": service.CASE_SORTS}
EXPORT_PARAMS = [
    sales.query("limit", {"type": "integer", "minimum": 1, "maximum": 200},
                "Checked as on the list (1…200, else 422) but ignored: the export has every matching record."),
    sales.query("cursor", {"type": "string"}, "A `next_cursor` of the resource's list: the export starts after that "
                                              "position. An invalid cursor is 422."),
    sales.query("sort", {"type": "string", "enum": [v for c in EXPORT_SORTS for v in (c, "-" + c)]},
                "Row order, as on the resource's list: "
                + "; ".join(f"{r} by " + ", ".join(f"`{c}`" for c in sorts) for r, sorts in _SORTS_BY_RESOURCE.items())
                + ". A leading `-` sorts descending. Default: newest first (activities: `-timeline_at`), or by "
                "relevance when `q` is given. A column the resource cannot sort by is 422 `unknown_value`."),
    P("Search"), P("OwnerId"), P("OwnerTeamId"), P("Tag"), P("CreatedAfter"), P("CreatedBefore"),
    *_resource_filters(),
]

# ---------------------------------------------------------------- paths
PATHS = {
    "/api/v1/import/{resource}": {
        "parameters": [P("ImportResource")],
        "post": op(
            "startImport", "Import and export", "Import a CSV file of accounts, contacts, leads or products",
            {"202": json_ok("Accepted: the file is stored and queued; nothing is imported yet. Follow `Location`.",
                            "Import", ["Location", "Idempotent-Replayed"]),
             **problems(401, 403, 404, *IDEMPOTENCY_ERRORS),
             "413": problem_response(413, f"The file is larger than {MAX_FILE_MB} MB (`payload-too-large`); with an "
                                          "`Idempotency-Key`, larger than 1 MB."),
             "415": problem_response(415, "The body is neither `text/csv` nor `application/octet-stream` "
                                          "(`unsupported-media-type`)."),
             "422": problem_response(422, "Validation failed; `errors` lists every bad field (`validation-failed`).")},
            description=(
                "The body is the file itself: UTF-8 (an Excel byte-order mark is fine), RFC 4180 quoting, `,`, `;` "
                "or tab as delimiter (whichever the header line uses most), a header line first. Each column maps "
                "to a field by `mapping`, else by its header, in English or Persian (letter case, `_`, `-`, spacing, "
                "Persian letter forms and ZWNJ do not matter); columns that map to nothing are ignored:\n\n"
                + _field_table() + "\n\n" + PRODUCT_ROW_NOTE + "\n\n" + OPPORTUNITY_ROW_NOTE + "\n\n" + ACTIVITY_ROW_NOTE + "\n\n"
                "Rows are then imported in the background, in batches of 500, each through the resource's own "
                "validation and duplicate matching (phone, e-mail, name; a product's SKU), against the database and the rows before "
                "it; a refused row does not stop the others. Checked in this order: 404 for an unknown resource, "
                "415, 422 for the query parameters, 422 `required` on `file` for an empty body, 403 when the role "
                "may not create the resource's records (nor update them, with `duplicates=update`), then 422 on the "
                "file: on `file` (`invalid_characters` when not UTF-8, `invalid_format` for an unterminated quote, "
                "`required` with no header line, `too_long` over " + f"{MAX_ROWS:,}" + " rows), `mapping` "
                "(`unknown_value` when it names an unknown field) and `columns.<field>` (`required` when no column "
                "maps to a required field). Rows an existing record could not be updated by for lack of rights are "
                "refused in the report. 409 only while an earlier request with the same `Idempotency-Key` runs."),
            parameters_=[
                P("IdempotencyKey"),
                sales.query("duplicates", {"type": "string", "enum": DUPLICATE_POLICIES, "default": "skip"},
                            "What to do with a row that matches an existing record or an earlier row: `skip` it "
                            "(default), `update` that record with the row's non-empty values, or `create` it anyway (a "
                            "product whose SKU is taken is refused instead). "
                            "Another value is 422 `unknown_value`."),
                sales.query("mapping", {"type": "string", "maxLength": MAX_MAPPING,
                                        "examples": ['{"نام مشتری": "last_name", "ستون اضافه": ""}']},
                            "A JSON object from CSV header to field (see above), e.g. `{\"Customer\": \"name\"}`; "
                            "it wins over the header aliases, and `\"\"` makes a column ignored. Headers are matched "
                            "as described above; headers not in the file are ignored. Not a JSON object of strings is "
                            f"422 `invalid_format`, more than {MAX_MAPPING:,} characters `too_long`, a field the "
                            "resource does not have `unknown_value`."),
                sales.text_query("file_name", "The name to show for the import. Default: `<resource>.csv`."),
            ],
            request_body={
                "required": True,
                "description": f"The CSV file, at most {MAX_FILE_MB} MB. An empty body is 422 `required` on `file`.",
                "content": {"text/csv": {"schema": {"type": "string"}},
                            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            }),
    },
    "/api/v1/imports/{id}": {
        "parameters": [P("Id")],
        "get": op("getImport", "Import and export", "An import's progress and counts",
                  {"200": json_ok("The import.", "Import"), **problems(401, 404)},
                  description="Seen by the user who started it and by administrators; 404 for anyone else."),
    },
    "/api/v1/imports/{id}/report": {
        "parameters": [P("Id")],
        "get": op("getImportReport", "Import and export", "The rows an import skipped or refused, as CSV",
                  {"200": csv_ok("Header `line,result,reason` followed by the file's own header; then one line per "
                                 "skipped or refused row, in file order: its line number in the file (the header is "
                                 "line 1), `skipped` or `error`, the reason in the importer's language, and the row's "
                                 "own fields. Rows are added as batches finish, so a running import gives a partial "
                                 "report."),
                   **problems(401, 404)},
                  description="Seen by the user who started the import and by administrators; 404 for anyone else."),
    },
    "/api/v1/export/{resource}": {
        "parameters": [P("ExportResource")],
        "get": op(
            "exportRecords", "Import and export", "Export the records a list would show, as CSV",
            {"200": csv_ok("The records, streamed page by page; accounts, contacts, leads and products in the columns an "
                           "import reads back (sensitive columns, in parentheses, only when the `export` right reaches "
                           "the whole organisation):\n\n"
                           + _export_columns() + "\n\nPhones in national form (`09121234567`), the first mobile, "
                           "other phone and e-mail only; lists (tags, competitors, participants as `type:id`) joined "
                           "with `; `; related records by name (account, contact, pipeline, stage); money (`list_price`, "
                           "`amount`, totals, `paid`) in minor units, `tax_rate` in percent and `active` as `yes` or "
                           "`no`; days as `YYYY-MM-DD`; times in RFC 3339, UTC. A "
                           "failure after the first bytes ends the stream early (the response is then incomplete)."),
             **problems(401, 403, 404, 422)},
            description="Takes the query parameters of the resource's list (`GET /api/v1/<resource>`), with the "
                        "same rules: the caller's read scope, filters combined with AND, every bad parameter in one "
                        "422 (checked before the rights); parameters of another resource are ignored. 403 when the "
                        "role has no `export` right on the resource. 404 for an unknown resource.",
            parameters_=EXPORT_PARAMS),
    },
    "/api/v1/jobs/{id}": {
        "parameters": [P("Id")],
        "get": op("getJob", "Import and export", "A background job's state",
                  {"200": json_ok("The job.", "Job"), **problems(401, 404)},
                  description="Administrators see every job of their organisation (with `last_error`); other users "
                              "only the jobs of their own imports (404 for the rest)."),
    },
}

TAGS = [
    {"name": "Import and export", "description": "CSV files into accounts, contacts, leads and products, every list out as "
                                                 "CSV, and the background jobs that import."},
]
