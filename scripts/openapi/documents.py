"""The sales module's documents in the OpenAPI document: quotes, orders, invoices and payments.

generate.py merges SCHEMAS, EXAMPLES, PARAMETERS, PATHS and TAGS into the document, like those of
sales.py (whose problem codes `invalid-transition` and `record-in-use` these operations use).

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (documentRoutes);
- bodies and list parameters: Sources/PeyvandServer/Sales/API/DocumentsAPI.swift (`readQuote`,
  `readLines`, `invoiceOrder`, `recordPayment`; `quoteFilters`, `orderFilters`, `invoiceFilters`),
  SalesRequests.swift (listRequest);
- responses: Sources/PeyvandServer/Sales/API/DocumentDTOs.swift (nil optionals are left out, so only
  non-optional properties are required; `lines` only on single-document reads, creation and
  changes); amounts use the shared `Money` schema (common.MONEY, OpportunityDTOs.swift's MoneyDTO);
- enums: Sources/PeyvandCore/Sales/Models/{Quote,SalesOrder,Invoice,Payment}.swift;
- validation and rules: Sources/PeyvandCore/Sales/Services/{QuoteService,DocumentLines,OrderService,
  InvoiceService}.swift;
- sort columns: `QuoteService.list`, `OrderService.list`, `InvoiceService.list`;
- numbers: `DocumentNumbers.next` (`Q-1405-000123`: prefix, Jalali year, per-year counter).
"""
from common import (
    BODY_ERRORS, CURRENCY, IDEMPOTENCY_ERRORS, INT64_MAX, TIMESTAMP, UUID, VERSION, P, body, json_ok, list_of, no_content,
    nullable, obj, op, problems, schema,
)
from products import DAY_INPUT_NOTE
from sales import OPTIONAL, choice, query, reference, sort_parameter, text, text_query

# ---------------------------------------------------------------- enums and limits
QUOTE_STATUSES = ["draft", "sent", "accepted", "rejected", "expired"]   # Quote.Status
ORDER_STATUSES = ["open", "fulfilled", "cancelled"]                     # SalesOrder.Status
INVOICE_STATUSES = ["issued", "partially_paid", "paid", "void"]         # Invoice.Status
PAYMENT_METHODS = ["cash", "card", "transfer", "cheque", "other"]       # Payment.Method
QUOTE_SORTS = ["created_at", "updated_at", "number", "total"]           # QuoteService.list
ORDER_SORTS = ["created_at", "updated_at", "number", "total"]           # OrderService.list
INVOICE_SORTS = ["created_at", "updated_at", "number", "total", "due_date"]  # InvoiceService.list

MAX_LINES = 200                    # DocumentLines.maximumLines
MAX_QUANTITY = 1_000_000_000       # DocumentLines.build: at most 1 000 000 000 000 thousandths
MAX_BP = 10_000                    # discount and tax rates, basis points (100 %)
MAX_LINE_DESCRIPTION = 500         # DocumentLines.build
MAX_NOTES = 10_000                 # QuoteService.validate
MAX_REFERENCE = 200                # InvoiceService.recordPayment

GREGORIAN_DAY = {"type": "string", "format": "date", "description": "Gregorian `YYYY-MM-DD`."}
MINOR = {"type": "integer", "minimum": 0, "maximum": INT64_MAX}


def number(prefix):
    return {"type": "string", "pattern": f"^{prefix}-[0-9]{{4}}-[0-9]{{6,}}$",
            "description": f"Given by the server: `{prefix}-`, the Jalali year of creation and a counter that runs "
                           f"without gaps per organisation and year, e.g. `{prefix}-1405-000123`. Searched by `q`.",
            "examples": [f"{prefix}-1405-000123"]}


def day_input(description):
    return nullable({"type": "string", "description": description + " " + DAY_INPUT_NOTE, "examples": ["1405/02/15"]})


TIMESTAMPS = {"version": VERSION, "created_at": TIMESTAMP, "updated_at": TIMESTAMP}
LINES = {"type": "array", "items": schema("DocumentLine"),
         "description": "The lines in order. Present on single-document responses (read, create, change, invoicing); "
                        "left out of lists and of the answers to actions."}
OWNER = {"owner_id": {**UUID, "description": "The owning user: the quote's creator (orders and invoices take the "
                                             "quote's)."}}

# ---------------------------------------------------------------- schemas
SCHEMAS = {
    "DocumentLine": obj({
        "id": {**UUID, "description": "The line's own id (order lines' ids are what `line_ids` names when invoicing)."},
        "position": {"type": "integer", "minimum": 0, "description": "Place in the document, from 0."},
        "product_id": {**UUID, "description": "The product sold, if the line names one."},
        "description": {"type": "string", "description": "As entered, else the product's name when the line was made."},
        "quantity": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_QUANTITY,
                     "description": "Units, with up to three decimals (`1.5`)."},
        "unit_price_minor": {**MINOR, "description": "Price of one unit in the document currency's minor unit."},
        "discount_bp": {"type": "integer", "minimum": 0, "maximum": MAX_BP,
                        "description": "Discount in basis points: `1000` is 10 %."},
        "tax_rate_bp": {"type": "integer", "minimum": 0, "maximum": MAX_BP,
                        "description": "Tax (VAT) in basis points: `1000` is 10 %."},
        "net_minor": {**MINOR, "description": "price × quantity − discount."},
        "discount_minor": {**MINOR, "description": "price × quantity × discount rate."},
        "tax_minor": {**MINOR, "description": "net × tax rate."},
        "total_minor": {**MINOR, "description": "net + tax."},
    }, required=["id", "position", "description", "quantity", "unit_price_minor", "discount_bp", "tax_rate_bp",
                 "net_minor", "discount_minor", "tax_minor", "total_minor"],
        description="One priced line. Amounts are computed by the server in the document currency's minor unit, each "
                    "step rounded half away from zero once: gross = price × quantity, discount = gross × discount "
                    "rate, net = gross − discount, tax = net × tax rate, total = net + tax."),
    "DocumentTotals": obj({
        "subtotal": {**schema("Money"), "description": "Sum of the lines' price × quantity (before discounts)."},
        "discount": {**schema("Money"), "description": "Sum of the lines' discounts."},
        "tax": {**schema("Money"), "description": "Sum of the lines' tax."},
        "total": {**schema("Money"), "description": "Sum of the lines' totals: subtotal − discount + tax."},
    }, required=["subtotal", "discount", "tax", "total"],
        description="A document's totals, in its currency; all zero without lines."),
    "DocumentLineInput": obj({
        "product_id": reference("A live product the caller may read (else 422 `referenced_record_missing` on "
                                "`lines.<n>.product_id`). It supplies what the line leaves out: the unit price (the "
                                "effective price today, from the quote's price list when that list is active, valid "
                                "today and prices the product, else the list price), the tax rate and the "
                                "description (its name in the caller's language)."),
        "description": text(MAX_LINE_DESCRIPTION, "What is sold; required without `product_id` (else 422 `required`)."),
        "quantity": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_QUANTITY,
                     "description": f"Units, more than 0 and at most {MAX_QUANTITY:,} (else 422 `out_of_range`), with at "
                                    "most three decimals (else 422 `invalid_format`); not a number is 422 "
                                    "`must_be_integer`. Missing or null is 422 `required`.",
                     "examples": [1, 2.5]},
        "unit_price_minor": nullable({**MINOR, "description": "Price of one unit in the quote currency's minor unit; "
                                                              "below 0 is 422 `out_of_range`. Absent or null: the "
                                                              "product's effective price (422 `required` when that is "
                                                              "in another currency), or 0 without a product."}),
        "discount_bp": nullable({"type": "integer", "minimum": 0, "maximum": MAX_BP,
                                 "description": f"Discount in basis points, 0…{MAX_BP} (else 422 `out_of_range`); "
                                                "defaults to 0."}),
        "tax_rate_bp": nullable({"type": "integer", "minimum": 0, "maximum": MAX_BP,
                                 "description": f"Tax (VAT) in basis points, 0…{MAX_BP} (else 422 `out_of_range`). "
                                                "Absent or null: the product's tax rate, or 0 without a product."}),
    }, required=["quantity"], closed=False,
        description="A line as the client sends it; errors are reported on `lines.<index>.<field>`, and amounts too "
                    "large to compute as 422 `out_of_range` on `lines.<index>` (or on `lines` for the totals)."),

    # --- quotes
    "Quote": obj({
        "id": UUID,
        "number": number("Q"),
        "status": {"type": "string", "enum": QUOTE_STATUSES,
                   "description": "`draft` (editable), `sent`, then `accepted`, `rejected` or `expired`."},
        "account_id": {**UUID, "description": "The account the offer is made to."},
        "contact_id": {**UUID, "description": "The person the offer is addressed to."},
        "opportunity_id": {**UUID, "description": "The opportunity the quote is for."},
        "price_list_id": {**UUID, "description": "The price list lines without a price are priced from."},
        "currency": CURRENCY,
        "valid_until": {**GREGORIAN_DAY, "description": "Last day the offer stands (Gregorian `YYYY-MM-DD`). "
                                                        "A `draft` or `sent` quote becomes `expired` within an hour "
                                                        "after this day ends in the organisation's time zone (an "
                                                        "audited change without an acting user)."},
        "notes": {"type": "string"},
        "sent_at": {**TIMESTAMP, "description": "When the quote was sent."},
        "decided_at": {**TIMESTAMP, "description": "When the quote was accepted, rejected or expired."},
        "totals": schema("DocumentTotals"),
        "lines": LINES,
        **OWNER,
        **TIMESTAMPS,
    }, required=["id", "number", "status", "account_id", "currency", "totals", "version"],
        description="A priced offer to an account: draft → sent → accepted, rejected or expired. " + OPTIONAL),
    "Order": obj({
        "id": UUID,
        "number": number("O"),
        "status": {"type": "string", "enum": ORDER_STATUSES,
                   "description": "`open`, then `fulfilled` (delivered) or `cancelled`."},
        "account_id": UUID,
        "contact_id": UUID,
        "quote_id": {**UUID, "description": "The accepted quote the order was made from."},
        "currency": CURRENCY,
        "totals": schema("DocumentTotals"),
        "lines": LINES,
        **OWNER,
        **TIMESTAMPS,
    }, required=["id", "number", "status", "account_id", "currency", "totals", "version"],
        description="What an accepted quote becomes, with copies of its lines; billed by one or more invoices. "
                    + OPTIONAL),
    "Invoice": obj({
        "id": UUID,
        "number": number("I"),
        "status": {"type": "string", "enum": INVOICE_STATUSES,
                   "description": "`issued`, `partially_paid`, `paid` (nothing left to pay), or `void`."},
        "account_id": UUID,
        "contact_id": UUID,
        "order_id": {**UUID, "description": "The order the invoice bills."},
        "currency": CURRENCY,
        "due_date": {**GREGORIAN_DAY, "description": "When payment is due (Gregorian `YYYY-MM-DD`)."},
        "totals": schema("DocumentTotals"),
        "paid": {**schema("Money"), "description": "Sum of the payments recorded."},
        "balance": {**schema("Money"), "description": "What is still owed: `totals.total` − `paid`."},
        "lines": LINES,
        **OWNER,
        **TIMESTAMPS,
    }, required=["id", "number", "status", "account_id", "currency", "totals", "paid", "balance", "version"],
        description="A bill for some or all of an order's lines: issued → partially paid → paid, or void while "
                    "unpaid. " + OPTIONAL),
    "Payment": obj({
        "id": UUID,
        "amount": {**schema("Money"), "description": "In the invoice's currency."},
        "paid_on": {**GREGORIAN_DAY, "description": "The day the money was received (Gregorian `YYYY-MM-DD`)."},
        "method": {"type": "string", "enum": PAYMENT_METHODS},
        "reference": {"type": "string", "description": "Receipt, transfer or cheque number."},
        "created_at": {**TIMESTAMP, "description": "When the payment was recorded."},
    }, required=["id", "amount", "paid_on", "method"], description="Money received against an invoice. " + OPTIONAL),
    "QuoteAcceptance": obj({
        "quote": {**schema("Quote"), "description": "The accepted quote (without `lines`)."},
        "order": {**schema("Order"), "description": "The order made from it, `open`, with copies of the quote's lines "
                                                    "(left out here; read the order for them)."},
    }, required=["quote", "order"]),
    "PaymentRecorded": obj({
        "invoice": {**schema("Invoice"), "description": "The invoice with the payment counted (without `lines`)."},
        "payment": schema("Payment"),
    }, required=["invoice", "payment"]),
    "PaymentList": obj({
        "data": {"type": "array", "items": schema("Payment"), "description": "Every payment, oldest first."},
    }, required=["data"], description="All of an invoice's payments (not paged)."),
    "QuoteList": list_of("Quote", "A page of quotes (without `lines`)."),
    "OrderList": list_of("Order", "A page of orders (without `lines`)."),
    "InvoiceList": list_of("Invoice", "A page of invoices (without `lines`)."),
}

LINES_INPUT = {
    "type": ["array", "null"], "maxItems": MAX_LINES, "items": schema("DocumentLineInput"),
    "description": f"At most {MAX_LINES} (else 422 `too_long` on `lines`); an item that is not an object is 422 "
                   "`must_be_object` on `lines.<index>`. The totals follow from the lines.",
}
CURRENCY_NOTE = "Three capital letters (ISO 4217, e.g. `IRR`), else 422 `invalid_format`."


def quote_fields(creating):
    return {
        "account_id": {**UUID, "description": "A live account the caller may read (else 422 "
                                              "`referenced_record_missing`)."} if creating
        else reference("A live account the caller may read (else 422 `referenced_record_missing`); null leaves it "
                       "unchanged."),
        "contact_id": reference("A live contact the caller may read (else 422 `referenced_record_missing`). null "
                                "clears."),
        "opportunity_id": reference("A live opportunity the caller may read (else 422 `referenced_record_missing`). "
                                    "null clears." + (" Without `lines` (absent or null), a quote for an opportunity "
                                                      "in the same currency starts with copies of the opportunity's "
                                                      "lines." if creating else "")),
        "price_list_id": reference("A price list of the organisation (else 422 `referenced_record_missing`) to price "
                                   "lines that name a product but no `unit_price_minor` from. " +
                                   ("Applies to the lines sent with it (`lines` sent alone are priced from the quote's "
                                    "list); changing it does not reprice the stored lines. null clears." if not creating
                                    else "null: the products' list prices.")),
        "currency": nullable({"type": "string", "pattern": "^[A-Z]{3}$",
                              "description": (CURRENCY_NOTE + " Defaults to the organisation's currency.") if creating
                              else (CURRENCY_NOTE + " A quote's currency never changes: a valid value is ignored.")}),
        "valid_until": day_input("Last day the offer stands. null clears."),
        "notes": text(MAX_NOTES, "Notes; searched by `q`."),
        "lines": {**LINES_INPUT, "description": LINES_INPUT["description"] + (
            " Absent or null: no lines (unless copied from the opportunity)." if creating else
            " Replaces every line; `[]` removes them; absent or null leaves them unchanged.")},
    }


SCHEMAS.update({
    "OwnerChange": obj({
        "owner_id": reference("The new owning user (a user of the organisation)."),
        "owner_team_id": reference("The new owning team (a team of the organisation)."),
    }, description="The document's new owner: a user, a team or both; sending neither (or both null) is 422 "
                   "`required` on `owner_id`; a user or team the organisation does not have is 422 "
                   "`referenced_record_missing`."),
    "NewQuote": obj(quote_fields(True), required=["account_id"], closed=False,
                    description="A new draft quote; fields left out (or null) take their defaults. The owner is the "
                                "caller."),
    "QuoteChanges": obj(quote_fields(False), closed=False,
                        description="Only the fields sent change; null clears an optional field (for `account_id` and "
                                    "`lines`, null leaves them unchanged)."),
    "OrderInvoicing": obj({
        "line_ids": {"type": ["array", "null"], "items": UUID,
                     "description": "Order lines to bill; lines already billed by a live (not void) invoice are "
                                    "skipped. An id that is not a line of this order is 422 "
                                    "`referenced_record_missing`, one that is not a UUID 422 `invalid_uuid`, each on "
                                    "`line_ids`. Absent or null: every line not yet billed."},
        "due_date": day_input("When payment is due. null: none."),
    }, closed=False, description="What to bill; the body may be left out altogether (bill everything not yet billed)."),
    "PaymentAmountInput": obj({
        "amount_minor": {"type": "integer", "minimum": 1, "maximum": INT64_MAX,
                         "description": "In the invoice currency's minor unit: more than 0 (else 422 `out_of_range` on "
                                        "`amount`) and at most the invoice's balance (else 422 `out_of_range` on "
                                        "`amount`). Missing is 422 `required` on `amount`; not an integer 422 "
                                        "`must_be_integer` on `amount.amount_minor`."},
        "currency": nullable({"type": "string", "pattern": "^[A-Z]{3}$",
                              "description": "The invoice's currency, exactly (else 422 `invalid_format` on `amount`). "
                                             "Absent or null: the invoice's."}),
    }, required=["amount_minor"], closed=False),
    "PaymentInput": obj({
        "amount": {**schema("PaymentAmountInput"), "description": "How much was paid; required (else 422 `required` on "
                                                                  "`amount`)."},
        "paid_on": day_input("The day the money was received. Absent or null: today (Tehran time)."),
        "method": choice(PAYMENT_METHODS, "How it was paid (else 422 `unknown_value`); absent or null: `other`."),
        "reference": text(MAX_REFERENCE, "Receipt, transfer or cheque number."),
    }, required=["amount"], closed=False, description="A payment received against the invoice."),
})

_LINES = [{"product_id": "01A207ED-6660-73E2-A5D3-ADA7B68BEA17", "quantity": 10, "discount_bp": 500},
          {"description": "نصب و راه‌اندازی", "quantity": 1, "unit_price_minor": 25_000_000, "tax_rate_bp": 1000}]
EXAMPLES = {
    "NewQuote": {"account_id": "01A207ED-6660-73E2-A5D3-ADA7B68BEA15", "valid_until": "1405/02/15",
                 "notes": "اعتبار پیشنهاد دو هفته", "lines": _LINES},
    "QuoteChanges": {"lines": [{"description": "پشتیبانی یک‌ساله", "quantity": 1, "unit_price_minor": 120_000_000}]},
    "DocumentLineInput": _LINES[0],
    "OrderInvoicing": {"due_date": "1405/03/01"},
    "PaymentInput": {"amount": {"amount_minor": 50_000_000, "currency": "IRR"}, "paid_on": "1405/02/20",
                     "method": "transfer", "reference": "۱۲۳۴۵۶"},
}

# ---------------------------------------------------------------- parameters
PARAMETERS = {
    "QuoteSort": sort_parameter(QUOTE_SORTS),
    "OrderSort": sort_parameter(ORDER_SORTS),
    "InvoiceSort": sort_parameter(INVOICE_SORTS),
    "QuoteSearch": text_query("q", "Search words, each matched as a word prefix in the quote's number and notes. "
                                   "Results are ranked by relevance unless `sort` is given."),
    "OrderSearch": text_query("q", "Search words, each matched as a word prefix in the order's number and its quote's "
                                   "number. Results are ranked by relevance unless `sort` is given."),
    "InvoiceSearch": text_query("q", "Search words, each matched as a word prefix in the invoice's number and its "
                                     "order's number. Results are ranked by relevance unless `sort` is given."),
}


def status_filter(values, plural):
    return query("status", {"type": "string", "enum": values}, f"Only {plural} in this status; another value is 422.")


def account_filter(plural):
    return query("account_id", UUID, f"Only the {plural} of this account; not a UUID is 422.")


COMMON = [P("OwnerId"), P("CreatedAfter"), P("CreatedBefore")]
QUOTE_LIST_PARAMS = [P("Limit"), P("Cursor"), P("QuoteSort"), P("QuoteSearch"), *COMMON,
                     status_filter(QUOTE_STATUSES, "quotes"), account_filter("quotes"),
                     query("opportunity_id", UUID, "Only the quotes for this opportunity; not a UUID is 422.")]
ORDER_LIST_PARAMS = [P("Limit"), P("Cursor"), P("OrderSort"), P("OrderSearch"), *COMMON,
                     status_filter(ORDER_STATUSES, "orders"), account_filter("orders")]
INVOICE_LIST_PARAMS = [P("Limit"), P("Cursor"), P("InvoiceSort"), P("InvoiceSearch"), *COMMON,
                       status_filter(INVOICE_STATUSES, "invoices"), account_filter("invoices"),
                       query("order_id", UUID, "Only the invoices of this order; not a UUID is 422.")]


# ---------------------------------------------------------------- paths
def assign_path(resource, kind):
    """`POST /<documents>/{id}/assign` (DocumentsAPI.assignQuote, assignOrder, assignInvoice)."""
    return {
        "parameters": [P("Id")],
        "post": op(f"assign{kind}", f"{kind}s", f"Hand the {kind.lower()} to another owner",
                   {"200": json_ok(f"The {kind.lower()} with its new owner (without `lines`).", kind,
                                   ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                   description="Whatever the status: a sent quote or a paid invoice changes hands when its owner "
                               "leaves. The body is checked first (422, with every bad field). 403 unless the role "
                               f"has `assign` on `{resource}` for this {kind.lower()} and for the new owner. A stale "
                               "`If-Match` is 412; 409 while an earlier request with the same `Idempotency-Key` runs.",
                   parameters_=[P("IfMatch"), P("IdempotencyKey")],
                   request_body=body("OwnerChange")),
    }



def detail_ok(description, schema_name, extra_headers=()):
    """A single document with its `lines` (which lists and action answers leave out)."""
    out = json_ok(description, schema_name, extra_headers)
    out["content"]["application/json"]["schema"] = {"allOf": [schema(schema_name), {"required": ["lines"]}]}
    return out


def list_description(plural):
    return (f"Only {plural} within the role's read scope (own, team or organisation); deleted ones are left out. "
            "Filters combine with AND; every bad query parameter is reported in one 422. 403 when the role may not "
            f"read {plural} at all.")


READ_NOTE = "404 for unknown (or deleted) records and for records outside the role's read scope; 403 when the role may not read {} at all."
NO_BODY = "Takes no body (one sent is ignored). "
ACTION_ERRORS = (401, 403, 404, 409, 412, 422)  # 409/422 also from Idempotency-Key


def quote_action(verb, summary, rule, extra_description="", response=None):
    return {
        "parameters": [P("Id")],
        "post": op(f"{verb}Quote", "Quotes", summary,
                   response or {"200": json_ok("The quote (without `lines`).", "Quote", ["ETag", "Idempotent-Replayed"]),
                                **problems(*ACTION_ERRORS)},
                   description=NO_BODY + rule + " 409 `invalid-transition` (on `status`, with `from` the current "
                               "status and `to` the refused one) from any other status; 412 when `If-Match` is "
                               "stale; 409 also while an earlier request with the same `Idempotency-Key` runs. 403 "
                               "when the role may not update quotes (or this one)." + extra_description,
                   parameters_=[P("IfMatch"), P("IdempotencyKey")]),
    }


PATHS = {
    # --- quotes
    "/api/v1/quotes": {
        "get": op("listQuotes", "Quotes", "The quotes the caller may read",
                  {"200": json_ok("A page of quotes (without `lines`).", "QuoteList"), **problems(401, 403, 422)},
                  description=list_description("quotes"), parameters_=QUOTE_LIST_PARAMS),
        "post": op("createQuote", "Quotes", "Create a draft quote",
                   {"201": detail_ok("Created, with its lines and a new number.", "Quote",
                                     ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                   description="The quote starts as a `draft` owned by the caller, numbered `Q-<Jalali year>-<n>`; "
                               "the lines are priced and totalled by the server. Every bad field (the lines' as "
                               "`lines.<index>.<field>`) is reported in one 422. 403 when the role may not create "
                               "quotes.",
                   parameters_=[P("IdempotencyKey")],
                   request_body=body("NewQuote")),
    },
    "/api/v1/quotes/{id}": {
        "parameters": [P("Id")],
        "get": op("getQuote", "Quotes", "One quote with its lines",
                  {"200": detail_ok("The quote.", "Quote", ["ETag"]), **problems(401, 403, 404)},
                  description=READ_NOTE.format("quotes")),
        "patch": op("updateQuote", "Quotes", "Change a draft quote",
                    {"200": detail_ok("The changed quote.", "Quote", ["ETag"]),
                     **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    description="Only drafts change: 409 `invalid-transition` (on `status`, `from` the current status, "
                                "`to` `draft`) once the quote is sent or decided. Sending `lines` replaces them all and "
                                "recomputes the totals. 403 when the role may not update quotes, or the quote is "
                                "readable but outside its update scope.",
                    parameters_=[P("IfMatch")],
                    request_body=body("QuoteChanges")),
        "delete": op("deleteQuote", "Quotes", "Delete a draft quote (soft delete)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 409, 412)},
                     description="Only drafts are deleted: 409 `invalid-transition` (on `status`, `to` `deleted`) once "
                                 "the quote is sent; a sent quote is part of the record and is expired or rejected "
                                 "instead. There is no restore. 403 when the role may not delete quotes, or the quote "
                                 "is outside its delete scope.",
                     parameters_=[P("IfMatch")]),
    },
    "/api/v1/quotes/{id}/send": quote_action(
        "send", "Send a draft quote", "From `draft` to `sent` (sets `sent_at`); the quote needs at least one "
        "line (else 422 `required` on `lines`)."),
    "/api/v1/quotes/{id}/accept": quote_action(
        "accept", "Accept a sent quote, making its order",
        "From `sent` to `accepted` (sets `decided_at`). In the same transaction an `open` order is made from the quote "
        "(copies of its lines, its account, contact, currency and owner) and the account becomes a `customer`.",
        " Also 403 when the role may not create orders.",
        {"200": json_ok("The accepted quote and its new order (both without `lines`); the `ETag` is the quote's.",
                        "QuoteAcceptance", ["ETag", "Idempotent-Replayed"]),
         **problems(*ACTION_ERRORS)}),
    "/api/v1/quotes/{id}/reject": quote_action(
        "reject", "Record that a sent quote was turned down",
        "From `sent` to `rejected` (sets `decided_at`)."),
    "/api/v1/quotes/{id}/expire": quote_action(
        "expire", "Withdraw a draft or sent quote",
        "From `draft` or `sent` to `expired` (sets `decided_at`); nothing expires quotes automatically."),

    # --- orders
    "/api/v1/orders": {
        "get": op("listOrders", "Orders", "The orders the caller may read",
                  {"200": json_ok("A page of orders (without `lines`).", "OrderList"), **problems(401, 403, 422)},
                  description=list_description("orders") + " Orders are made by accepting quotes.",
                  parameters_=ORDER_LIST_PARAMS),
    },
    "/api/v1/orders/{id}": {
        "parameters": [P("Id")],
        "get": op("getOrder", "Orders", "One order with its lines",
                  {"200": detail_ok("The order.", "Order", ["ETag"]), **problems(401, 403, 404)},
                  description=READ_NOTE.format("orders")),
    },
    "/api/v1/orders/{id}/invoices": {
        "parameters": [P("Id")],
        "post": op("invoiceOrder", "Orders", "Bill an order's lines with a new invoice",
                   {"201": detail_ok("The new `issued` invoice, with copies of the billed lines.", "Invoice",
                                     ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, 409, *BODY_ERRORS)},
                   description="Bills `line_ids` (or every line not yet billed) of an `open` or `fulfilled` order; no "
                               "order line is billed by two live invoices, and voiding an invoice frees its lines. "
                               "The body is optional: none (or `{}`) bills everything left. 409 `invalid-transition` "
                               "on `status` for a cancelled order, and on `line_ids` when nothing is left to bill; 409 "
                               "also while an earlier request with the same `Idempotency-Key` runs. 422 on `due_date` "
                               "(`invalid_format`) or `line_ids`. 403 when the role may not create invoices or update "
                               "the order.",
                   parameters_=[P("IdempotencyKey")],
                   request_body={"required": False,
                                 "content": {"application/json": {"schema": schema("OrderInvoicing")}}}),
    },
    "/api/v1/orders/{id}/fulfil": {
        "parameters": [P("Id")],
        "post": op("fulfilOrder", "Orders", "Mark an open order delivered",
                   {"200": json_ok("The order, now `fulfilled` (without `lines`).", "Order", ["ETag", "Idempotent-Replayed"]),
                    **problems(*ACTION_ERRORS)},
                   description=NO_BODY + "From `open` only: 409 `invalid-transition` (on `status`) otherwise; 409 also "
                               "while an earlier request with the same `Idempotency-Key` runs. A fulfilled order can "
                               "still be invoiced. 403 when the role may not update orders (or this one).",
                   parameters_=[P("IfMatch"), P("IdempotencyKey")]),
    },
    "/api/v1/orders/{id}/cancel": {
        "parameters": [P("Id")],
        "post": op("cancelOrder", "Orders", "Cancel an open order nothing bills",
                   {"200": json_ok("The order, now `cancelled` (without `lines`).", "Order",
                                   ["ETag", "Idempotent-Replayed"]),
                    **problems(*ACTION_ERRORS)},
                   description=NO_BODY + "From `open` only: 409 `invalid-transition` (on `status`) otherwise; 409 "
                               "`record-in-use` (`dependents`: `invoices`) while a live (not void) invoice bills it — "
                               "void those first; 409 also while an earlier request with the same `Idempotency-Key` "
                               "runs. 403 when the role may not update orders (or this one).",
                   parameters_=[P("IfMatch"), P("IdempotencyKey")]),
    },

    # --- invoices
    "/api/v1/invoices": {
        "get": op("listInvoices", "Invoices", "The invoices the caller may read",
                  {"200": json_ok("A page of invoices (without `lines`).", "InvoiceList"), **problems(401, 403, 422)},
                  description=list_description("invoices") + " Invoices are made by billing orders.",
                  parameters_=INVOICE_LIST_PARAMS),
    },
    "/api/v1/invoices/{id}": {
        "parameters": [P("Id")],
        "get": op("getInvoice", "Invoices", "One invoice with its lines",
                  {"200": detail_ok("The invoice.", "Invoice", ["ETag"]), **problems(401, 403, 404)},
                  description=READ_NOTE.format("invoices")),
    },
    **{f"/api/v1/{resource}/{{id}}/assign": assign_path(resource, kind) for resource, kind in
       [("quotes", "Quote"), ("orders", "Order"), ("invoices", "Invoice")]},
    "/api/v1/invoices/{id}/void": {
        "parameters": [P("Id")],
        "post": op("voidInvoice", "Invoices", "Cancel an unpaid invoice",
                   {"200": json_ok("The invoice, now `void` (without `lines`).", "Invoice",
                                   ["ETag", "Idempotent-Replayed"]),
                    **problems(*ACTION_ERRORS)},
                   description=NO_BODY + "Only an `issued` invoice nothing has been paid on: 409 `invalid-transition` "
                               "(on `status`) otherwise; 409 also while an earlier request with the same "
                               "`Idempotency-Key` runs. Its order lines can be billed again. 403 when the role may "
                               "not update invoices (or this one).",
                   parameters_=[P("IfMatch"), P("IdempotencyKey")]),
    },
    "/api/v1/invoices/{id}/payments": {
        "parameters": [P("Id")],
        "get": op("listInvoicePayments", "Invoices", "An invoice's payments",
                  {"200": json_ok("Every payment, oldest first (not paged).", "PaymentList"), **problems(401, 403, 404)},
                  description=READ_NOTE.format("invoices")),
        "post": op("recordInvoicePayment", "Invoices", "Record a payment against an invoice",
                   {"201": json_ok("Recorded: the invoice with the payment counted (`partially_paid`, or `paid` when "
                                   "the balance reaches 0) and the payment. The `ETag` is the invoice's.",
                                   "PaymentRecorded", ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, 409, *BODY_ERRORS)},
                   description="The body is checked first (422, with every bad field). Then 404 for an unknown "
                               "invoice; 409 `invalid-transition` (on `status`, `to` `paid`) unless the invoice is "
                               "`issued` or `partially_paid`; 422 on `amount` when the currency is not the invoice's "
                               "(`invalid_format`) or the amount is more than the balance (`out_of_range`). 409 also "
                               "while an earlier request with the same `Idempotency-Key` runs. 403 when the role may "
                               "not update invoices (or this one).",
                   parameters_=[P("IdempotencyKey")],
                   request_body=body("PaymentInput")),
    },
}

TAGS = [
    {"name": "Quotes", "description": "Priced offers to accounts: drafted, sent, then accepted (making an order), "
                                      "rejected or expired."},
    {"name": "Orders", "description": "Accepted quotes to deliver and bill."},
    {"name": "Invoices", "description": "Bills for orders' lines, and the payments received against them."},
]
