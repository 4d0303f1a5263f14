"""The sales module's product catalogue and price lists in the OpenAPI document.

generate.py merges SCHEMAS, EXAMPLES, PARAMETERS, PATHS and TAGS into the document, like those of
sales.py, and adds PROBLEM_EXTENSIONS to the Problem schema (SKU conflicts use sales.py's
`duplicate-record` problem code; price-list name conflicts the platform's `name-taken`).

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (salesRoutes);
- bodies and list parameters: Sources/PeyvandServer/Sales/API/{Products,PriceLists}API.swift,
  SalesRequests.swift (listRequest; `ProductsAPI.filters`, `PriceListsAPI.filters`);
- responses: Sources/PeyvandServer/Sales/API/ProductDTOs.swift (nil optionals are left out, so
  only non-optional properties are required); prices use the shared `Money` schema (common.MONEY);
- validation and rules: Sources/PeyvandCore/Sales/Services/{ProductInput,PriceListInput,
  ProductService,PriceListService}.swift;
- sort columns: `ProductService.list`, `PriceListService.list`;
- errors: Sources/PeyvandCore/Sales/Errors/SalesError.swift (`skuTaken`).
"""
from common import (
    BODY_ERRORS, CURRENCY, IDEMPOTENCY_ERRORS, INT64_MAX, TIMESTAMP, UUID, VERSION, P, body, json_ok, list_of,
    name_field, no_content, nullable, obj, op, problems, schema,
)
from sales import OPTIONAL, query, sort_parameter, text, text_query

# ---------------------------------------------------------------- enums and limits
PRODUCT_SORTS = ["created_at", "updated_at", "sku", "name_fa", "name_en", "list_price"]  # ProductService.list
PRICE_LIST_SORTS = ["created_at", "updated_at", "name", "valid_from", "valid_to"]        # PriceListService.list
PRICE_SOURCES = ["price_list", "list_price"]                                              # EffectivePrice.Source

MAX_SKU = 64             # ProductInput.maximumSKULength
MAX_PRODUCT_LINE = 100   # ProductInput.maximumProductLineLength
MAX_UNIT = 30            # ProductInput.maximumUnitLength
MAX_TAX_RATE_BP = 10_000  # ProductInput.maximumTaxRateBP
CURRENCY_INPUT = {"type": "string", "pattern": "^[A-Za-z]{3}$",
                  "description": "Three letters (ISO 4217, e.g. `IRR`, `usd`), stored upper-cased; anything else is "
                                 "422 `invalid_format`."}
DAY = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "Gregorian `YYYY-MM-DD`."}
JALALI_DAY = {"type": "string", "pattern": "^[0-9]{4}/[0-9]{2}/[0-9]{2}$", "description": "The same day, Jalali `YYYY/MM/DD`."}
DAY_INPUT_NOTE = ("A day in either calendar: `2026-03-21`, `2026/3/21`, `1405/01/01`, `۱۴۰۵-۰۱-۰۱` (a year before 1700 is "
                  "Jalali); stored and shown as Gregorian `YYYY-MM-DD`. Not a real day is 422 `invalid_format`.")
TIMESTAMPS = {"version": VERSION, "created_at": TIMESTAMP, "updated_at": TIMESTAMP}

# ---------------------------------------------------------------- problems
PROBLEM_EXTENSIONS = {
    "existing_id": {**UUID, "description": "`duplicate-record` on `sku`: the live product that has the SKU."},
}

# ---------------------------------------------------------------- schemas
SCHEMAS = {
    "ListPriceInput": obj({
        "amount_minor": {"type": "integer", "minimum": 0, "maximum": INT64_MAX,
                         "description": "In the currency's minor unit (rials for `IRR`). Missing is 422 `required`, "
                                        "below 0 `out_of_range`, not an integer `must_be_integer`, each on "
                                        "`list_price.amount_minor`."},
        "currency": {**nullable(CURRENCY_INPUT),
                     "description": CURRENCY_INPUT["description"] + " On `list_price.currency`. Absent or null keeps the "
                                                                    "current currency (the organisation's on creation)."},
    }, required=["amount_minor"], closed=False, description="A list price; the amount is always restated."),
    "Product": obj({
        "id": UUID,
        "sku": {"type": "string", "description": "As entered (trimmed)."},
        "name_fa": {"type": "string", "description": "Persian name."},
        "name_en": {"type": "string", "description": "English name."},
        "name": {"type": "string", "description": "The name in the caller's language, else the other one."},
        "product_line": {"type": "string"},
        "unit": {"type": "string", "description": "What the product is counted in, e.g. `عدد`, `kg`; `unit` by default."},
        "list_price": schema("Money"),
        "tax_rate_bp": {"type": "integer", "minimum": 0, "maximum": MAX_TAX_RATE_BP,
                        "description": "Tax (VAT) in basis points: `1000` is 10 %."},
        "is_active": {"type": "boolean", "description": "Inactive products stay listed and priced; offering them is up "
                                                        "to the caller."},
        "description": {"type": "string"},
        "owner_id": {**UUID, "description": "The user who created the entry."},
        **TIMESTAMPS,
    }, required=["id", "sku", "name", "unit", "list_price", "tax_rate_bp", "is_active", "version"],
        description="Something the organisation sells. " + OPTIONAL),
    "PriceList": obj({
        "id": UUID,
        "name": {"type": "string"},
        "currency": CURRENCY,
        "valid_from": {**DAY, "description": "First day the list applies (inclusive); absent: no start."},
        "valid_to": {**DAY, "description": "Last day the list applies (inclusive); absent: no end."},
        "valid_from_jalali": JALALI_DAY,
        "valid_to_jalali": JALALI_DAY,
        "is_active": {"type": "boolean", "description": "An inactive list prices nothing."},
        "description": {"type": "string"},
        "owner_id": {**UUID, "description": "The user who created the list."},
        **TIMESTAMPS,
    }, required=["id", "name", "currency", "is_active", "version"],
        description="A named set of per-product prices in one currency, valid between two days. " + OPTIONAL),
    "PriceListItem": obj({
        "price_list_id": UUID,
        "product_id": UUID,
        "sku": {"type": "string", "description": "The product's SKU."},
        "product_name": {"type": "string", "description": "The product's name in the caller's language, else the other one."},
        "unit_price": {**schema("Money"), "description": "In the list's currency."},
        **TIMESTAMPS,
    }, required=["price_list_id", "product_id", "sku", "product_name", "unit_price", "version"],
        description="One product's price in a price list."),
    "PriceListItemInput": obj({
        "unit_price_minor": {"type": "integer", "minimum": 0, "maximum": INT64_MAX,
                             "description": "In the list's currency's minor unit. Missing is 422 `required`, below 0 "
                                            "`out_of_range`, not an integer `must_be_integer`."},
    }, required=["unit_price_minor"], closed=False),
    "EffectivePrice": obj({
        "product_id": UUID,
        "unit_price": schema("Money"),
        "tax_rate_bp": {"type": "integer", "minimum": 0, "maximum": MAX_TAX_RATE_BP,
                        "description": "The product's tax rate in basis points."},
        "source": {"type": "string", "enum": PRICE_SOURCES,
                   "description": "`price_list`: the list's price; `list_price`: the product's own."},
        "price_list_id": {**UUID, "description": "The list whose price applied; absent for `list_price`."},
        "on": {**DAY, "description": "The day the price is for."},
    }, required=["product_id", "unit_price", "tax_rate_bp", "source", "on"],
        description="What one unit of a product costs on a day."),
    "ProductList": list_of("Product", "A page of products."),
    "PriceListList": list_of("PriceList", "A page of price lists."),
    "PriceListItemList": list_of("PriceListItem", "A page of a price list's items, oldest first."),
}


def product_fields(creating):
    names_note = "At least one of `name_fa` and `name_en` must remain (else 422 `required` on both)."
    return {
        "sku": name_field(MAX_SKU, "Stock-keeping unit, unique among the organisation's live products, compared ignoring "
                                   "letter case, surrounding spaces and digit script (409 `duplicate-record` on `sku`, "
                                   "with `existing_id`)." + ("" if creating else " null is 422 `required`.")),
        "name_fa": text(200, "Persian name. " + names_note),
        "name_en": text(200, "English name. " + names_note),
        "product_line": text(MAX_PRODUCT_LINE, "Free-text product line (pipelines are defined per product line)."),
        "unit": nullable({"type": "string", "minLength": 1, "maxLength": MAX_UNIT, "pattern": "\\S",
                          "description": f"What the product is counted in, e.g. `عدد`, `kg`. Trimmed; at most {MAX_UNIT} "
                                         "characters; blank is 422 `too_short`; null sets `unit`."}),
        "list_price": {**schema("ListPriceInput"), "description": "Required (else 422 `required` on `list_price`)."}
        if creating else {**nullable(schema("ListPriceInput")), "description": "null leaves the price unchanged."},
        "tax_rate_bp": nullable({"type": "integer", "minimum": 0, "maximum": MAX_TAX_RATE_BP,
                                 "description": f"Tax (VAT) in basis points, 0…{MAX_TAX_RATE_BP} (else 422 "
                                                "`out_of_range`): `1000` is 10 %. Defaults to 0; null keeps the current "
                                                "rate."}),
        "is_active": nullable({"type": "boolean", "description": "Defaults to true; null keeps the current value."}),
        "description": text(10_000, "Notes."),
    }


def price_list_fields(creating):
    return {
        "name": name_field(200, "Unique among the organisation's live price lists, compared as normalised Persian "
                                "text (409 `name-taken`)." + ("" if creating else " null is 422 `required`.")),
        "currency": {**nullable(CURRENCY_INPUT),
                     "description": CURRENCY_INPUT["description"] + (
                         " Defaults to the organisation's currency." if creating else
                         " null keeps the current currency. A list with items keeps its currency (422 `read_only`).")},
        "valid_from": nullable({"type": "string", "description": "First day the list applies. " + DAY_INPUT_NOTE +
                                                                 " null: no start.", "examples": ["1405/01/01"]}),
        "valid_to": nullable({"type": "string", "description": "Last day the list applies; not before `valid_from` "
                                                               "(else 422 `out_of_range` on `valid_to`). " +
                                                               DAY_INPUT_NOTE + " null: no end.",
                              "examples": ["1405/12/29"]}),
        "is_active": nullable({"type": "boolean", "description": "Defaults to true; null keeps the current value."}),
        "description": text(10_000, "Notes."),
    }


SCHEMAS.update({
    "NewProduct": obj({
        **product_fields(True)}, required=["sku", "list_price"], closed=False,
        description="Fields left out (or null) take their defaults; `name_fa` or `name_en` is required."),
    "ProductChanges": obj(product_fields(False), closed=False,
                          description="Only the fields sent change; null clears an optional field (for `list_price`, "
                                      "`tax_rate_bp` and `is_active`, null leaves them unchanged)."),
    "NewPriceList": obj(price_list_fields(True), required=["name"], closed=False,
                        description="Fields left out (or null) take their defaults."),
    "PriceListChanges": obj(price_list_fields(False), closed=False,
                            description="Only the fields sent change; null clears an optional field (for `currency` "
                                        "and `is_active`, null leaves them unchanged)."),
})

EXAMPLES = {
    "NewProduct": {"sku": "CK-100", "name_fa": "کیک شکلاتی", "name_en": "Chocolate cake", "product_line": "شیرینی",
                   "unit": "عدد", "list_price": {"amount_minor": 1_250_000, "currency": "IRR"}, "tax_rate_bp": 1000},
    "ProductChanges": {"list_price": {"amount_minor": 1_350_000}, "is_active": False},
    "NewPriceList": {"name": "عمده‌فروشی ۱۴۰۵", "valid_from": "1405/01/01", "valid_to": "1405/12/29"},
    "PriceListChanges": {"is_active": False},
    "PriceListItemInput": {"unit_price_minor": 1_100_000},
}

# ---------------------------------------------------------------- parameters
PARAMETERS = {
    "ProductSort": sort_parameter(PRODUCT_SORTS),
    "ProductSearch": text_query("q", "Search words, each matched as a word prefix in the SKU and both names; Persian "
                                     "letter forms and digits do not matter. Results are ranked by relevance unless "
                                     "`sort` is given."),
    "PriceListSort": sort_parameter(PRICE_LIST_SORTS),
    "PriceListSearch": text_query("q", "Search words, each matched as a word prefix in the list's name; Persian letter "
                                       "forms and digits do not matter. Results are ranked by relevance unless `sort` "
                                       "is given."),
    "IsActive": query("is_active", {"type": "boolean"},
                      "Only active (`true`, `1`) or inactive (`false`, `0`) records; anything else is 422."),
    "CurrencyFilter": query("currency", {"type": "string", "pattern": "^[A-Za-z]{3}$"},
                            "Only records in this currency (ISO 4217, any letter case); anything else is 422."),
    "ProductId": {"name": "product_id", "in": "path", "required": True, "schema": UUID,
                  "description": "The product's id. Anything that is not a UUID is 404 (422 on `product_id` for PUT)."},
}
COMMON_LIST_PARAMS = [P("Limit"), P("Cursor")]
CREATED_PARAMS = [P("OwnerId"), P("CreatedAfter"), P("CreatedBefore")]

# ---------------------------------------------------------------- paths
ADMINS_ONLY = "403 for anyone but administrators (checked first, so also for unknown ids)."
RIGHTS = "Rights are the role's on `products` (price lists are catalogue data too)."

PATHS = {
    "/api/v1/products": {
        "get": op("listProducts", "Products", "The product catalogue",
                  {"200": json_ok("A page of products.", "ProductList"), **problems(401, 403, 422)},
                  description="Deleted products are left out. Filters combine with AND; every bad query parameter is "
                              "reported in one 422. 403 when the role may not read products.",
                  parameters_=[*COMMON_LIST_PARAMS, P("ProductSort"), P("ProductSearch"), *CREATED_PARAMS,
                               text_query("product_line", "Only products of exactly this product line."),
                               P("IsActive"), P("CurrencyFilter")]),
        "post": op("createProduct", "Products", "Add a product to the catalogue",
                   {"201": json_ok("Created.", "Product", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, 409, *BODY_ERRORS)},
                   description="409 `duplicate-record` on `sku` when a live product has the SKU (`existing_id` names "
                               "it). 403 when the role may not create products (sales representatives only read the "
                               "catalogue).",
                   parameters_=[P("IdempotencyKey")], request_body=body("NewProduct")),
    },
    "/api/v1/products/{id}": {
        "parameters": [P("Id")],
        "get": op("getProduct", "Products", "One product",
                  {"200": json_ok("The product.", "Product", ["ETag"]), **problems(401, 403, 404)},
                  description="404 for deleted products; 403 when the role may not read products."),
        "patch": op("updateProduct", "Products", "Change a product",
                    {"200": json_ok("The changed product.", "Product", ["ETag"]),
                     **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    description="409 `duplicate-record` on `sku` when another live product has the new SKU. 403 when "
                                "the role may not update products.",
                    parameters_=[P("IfMatch")], request_body=body("ProductChanges")),
        "delete": op("deleteProduct", "Products", "Delete a product (soft delete)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 412)},
                     description="The product leaves every list, price list and price lookup; an administrator can "
                                 "restore it, and its SKU is free for a new product meanwhile. 403 when the role may "
                                 "not delete products.",
                     parameters_=[P("IfMatch")]),
    },
    "/api/v1/products/{id}/restore": {
        "parameters": [P("Id")],
        "post": op("restoreProduct", "Products", "Bring back a deleted product (administrators)",
                   {"200": json_ok("The restored product.", "Product", ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, *IDEMPOTENCY_ERRORS)},
                   description="Takes no body. " + ADMINS_ONLY + " 404 when no deleted product has this id; 409 "
                               "`duplicate-record` when a live product has taken its SKU meanwhile.",
                   parameters_=[P("IdempotencyKey")]),
    },
    "/api/v1/products/{id}/price": {
        "parameters": [P("Id")],
        "get": op("getProductPrice", "Products", "What one unit of the product costs on a day",
                  {"200": json_ok("The effective price.", "EffectivePrice"), **problems(401, 403, 404, 422)},
                  description="The price list's price when `price_list_id` names a list that is active, valid on the "
                              "day (both ends inclusive) and prices the product; otherwise the product's list price. "
                              "Quotes start from this. 404 for an unknown product; 422 `referenced_record_missing` on "
                              "`price_list_id` for an unknown price list, `invalid_format` on `on` for a day that is "
                              "not real.",
                  parameters_=[
                      query("price_list_id", UUID, "The price list to look in; not a UUID is 422."),
                      text_query("on", "The day: " + DAY_INPUT_NOTE + " Default: today in the organisation's time "
                                                                      "zone."),
                  ]),
    },
    "/api/v1/price-lists": {
        "get": op("listPriceLists", "Price lists", "The organisation's price lists",
                  {"200": json_ok("A page of price lists.", "PriceListList"), **problems(401, 403, 422)},
                  description="Deleted lists are left out. Filters combine with AND; every bad query parameter is "
                              "reported in one 422. " + RIGHTS,
                  parameters_=[*COMMON_LIST_PARAMS, P("PriceListSort"), P("PriceListSearch"), *CREATED_PARAMS,
                               P("IsActive"), P("CurrencyFilter")]),
        "post": op("createPriceList", "Price lists", "Create a price list",
                   {"201": json_ok("Created.", "PriceList", ["ETag", "Location", "Idempotent-Replayed"]),
                    **problems(401, 403, 409, *BODY_ERRORS)},
                   description="409 `name-taken` when a live list has the name. " + RIGHTS,
                   parameters_=[P("IdempotencyKey")], request_body=body("NewPriceList")),
    },
    "/api/v1/price-lists/{id}": {
        "parameters": [P("Id")],
        "get": op("getPriceList", "Price lists", "One price list",
                  {"200": json_ok("The price list.", "PriceList", ["ETag"]), **problems(401, 403, 404)},
                  description="404 for deleted lists. " + RIGHTS),
        "patch": op("updatePriceList", "Price lists", "Change a price list",
                    {"200": json_ok("The changed price list.", "PriceList", ["ETag"]),
                     **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                    description="409 `name-taken` when another live list has the new name; 422 `out_of_range` on "
                                "`valid_to` when the days (sent or stored) would end before they start. " + RIGHTS,
                    parameters_=[P("IfMatch")], request_body=body("PriceListChanges")),
        "delete": op("deletePriceList", "Price lists", "Delete a price list (soft delete)",
                     {"204": no_content("Deleted."), **problems(401, 403, 404, 412)},
                     description="The list stops applying and leaves every list; an administrator can restore it with "
                                 "its items. " + RIGHTS,
                     parameters_=[P("IfMatch")]),
    },
    "/api/v1/price-lists/{id}/restore": {
        "parameters": [P("Id")],
        "post": op("restorePriceList", "Price lists", "Bring back a deleted price list (administrators)",
                   {"200": json_ok("The restored price list.", "PriceList", ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, *IDEMPOTENCY_ERRORS)},
                   description="Takes no body. " + ADMINS_ONLY + " 404 when no deleted list has this id; 409 "
                               "`name-taken` when a live list has taken its name meanwhile.",
                   parameters_=[P("IdempotencyKey")]),
    },
    "/api/v1/price-lists/{id}/items": {
        "parameters": [P("Id")],
        "get": op("listPriceListItems", "Price lists", "A price list's prices",
                  {"200": json_ok("A page of items.", "PriceListItemList"), **problems(401, 403, 404, 422)},
                  description="Items of deleted products are left out. " + RIGHTS,
                  parameters_=[*COMMON_LIST_PARAMS, P("SortOldestFirst")]),
    },
    "/api/v1/price-lists/{id}/items/{product_id}": {
        "parameters": [P("Id"), P("ProductId")],
        "get": op("getPriceListItem", "Price lists", "One product's price in a price list",
                  {"200": json_ok("The item.", "PriceListItem", ["ETag"]), **problems(401, 403, 404)},
                  description="404 when the list does not price the product (or either is unknown)."),
        "put": op("putPriceListItem", "Price lists", "Set one product's price in a price list",
                  {"200": json_ok("The price was replaced.", "PriceListItem", ["ETag"]),
                   "201": json_ok("The product was added to the list.", "PriceListItem", ["ETag", "Location"]),
                   **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                  description="Creates the item or replaces its price. 404 for an unknown price list; 422 "
                              "`referenced_record_missing` on `product_id` for a product that is not a live product of "
                              "the organisation (also when it is not a UUID), reported with every bad body field. With "
                              "`If-Match`, the item must exist at that version (else 412). 409 only when two requests "
                              "create the same item at once. " + RIGHTS + " (`update`).",
                  parameters_=[P("IfMatch")], request_body=body("PriceListItemInput")),
        "delete": op("deletePriceListItem", "Price lists", "Remove a product from a price list",
                     {"204": no_content("Removed (the audit log keeps the price)."), **problems(401, 403, 404, 412)},
                     description="404 when the list does not price the product. " + RIGHTS + " (`update`).",
                     parameters_=[P("IfMatch")]),
    },
}

TAGS = [
    {"name": "Products", "description": "The product catalogue: SKUs, bilingual names, list prices, tax rates, and the "
                                        "effective price on a day."},
    {"name": "Price lists", "description": "Named, dated sets of per-product prices."},
]
