"""The sales module's part of the OpenAPI document: accounts, contacts and leads.

generate.py merges SCHEMAS, EXAMPLES, PARAMETERS, PATHS and TAGS into the document, adds
PROBLEM_CODES to the problem types and PROBLEM_EXTENSIONS to the Problem schema.

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (salesRoutes);
- bodies and list parameters: Sources/PeyvandServer/Sales/API/{Accounts,Contacts,Leads}API.swift, SalesRequests.swift;
- merges: `AccountsAPI.merge`, `ContactsAPI.merge`, Sources/PeyvandCore/Sales/Services/MergeService.swift;
- responses: Sources/PeyvandServer/Sales/API/SalesDTOs.swift (nil optionals are left out, so only
  non-optional properties are required);
- enums: Sources/PeyvandCore/Sales/Models/*.swift, Platform/Persian/IranianProvince.swift;
- validation: Sources/PeyvandCore/Sales/Services/*Input.swift, PartyInput.swift, RecordTags;
- sort columns: the `RecordList` of Sources/PeyvandCore/Sales/Services/{Account,Contact,Lead}Service.swift;
- errors: Sources/PeyvandCore/Sales/Errors/SalesError.swift.
"""
from common import (
    BODY_ERRORS, IDEMPOTENCY_ERRORS, LANGUAGES, TIMESTAMP, UUID, VERSION, P, body, json_ok, list_of, name_field,
    no_content, nullable, obj, op, problems, schema,
)

# ---------------------------------------------------------------- enums
ACCOUNT_KINDS = ["prospect", "customer", "partner", "competitor"]                           # Account.Kind
GENDERS = ["female", "male", "unspecified"]                                                 # Contact.Gender
LEAD_SOURCES = ["web_form", "campaign", "referral", "import", "phone", "social", "other"]   # Lead.Source
LEAD_STATUSES = ["new", "contacted", "qualified", "disqualified", "converted"]               # Lead.Status
EDITABLE_LEAD_STATUSES = [s for s in LEAD_STATUSES if s != "converted"]  # `converted` only through /convert
PHONE_LABELS = ["mobile", "work", "home", "fax", "other"]                                   # PhoneNumber.Label
EMAIL_LABELS = ["work", "personal", "other"]                                                # EmailAddress.Label
CHANNELS = ["email", "sms", "phone", "post"]                                                # ContactPreferences.Channel
TIMES_OF_DAY = ["morning", "afternoon", "evening", "any"]                                   # ContactPreferences.TimeOfDay
PROVINCES = [                                                                               # IranianProvince raw values
    "east_azerbaijan", "west_azerbaijan", "ardabil", "isfahan", "alborz", "ilam", "bushehr", "tehran",
    "chaharmahal_bakhtiari", "south_khorasan", "razavi_khorasan", "north_khorasan", "khuzestan", "zanjan", "semnan",
    "sistan_baluchestan", "fars", "qazvin", "qom", "kurdistan", "kerman", "kermanshah", "kohgiluyeh_boyer_ahmad",
    "golestan", "gilan", "lorestan", "mazandaran", "markazi", "hormozgan", "hamadan", "yazd",
]
RECORD_TYPES = ["account", "contact", "lead"]   # auditType of each record
MATCH_REASONS = ["phone", "email", "name"]      # DuplicateCandidate.Reason

# Sortable columns of each RecordList, ascending and (with `-`) descending.
ACCOUNT_SORTS = ["created_at", "updated_at", "name", "kind"]
CONTACT_SORTS = ["created_at", "updated_at", "last_name", "first_name"]
LEAD_SORTS = ["created_at", "updated_at", "last_name", "company", "score", "status"]

MAX_PHONES = 10     # PartyInput.maximumPhones
MAX_EMAILS = 10     # PartyInput.maximumEmails
MAX_TAGS = 20       # RecordTags.maximumCount
MAX_TAG_LENGTH = 50  # RecordTags.maximumLength
QUERY_MAX = 200     # QueryReader.string's default limit

# ---------------------------------------------------------------- problems
PROBLEM_CODES = ["duplicate-record", "already-converted", "invalid-transition", "record-in-use"]

PROBLEM_EXTENSIONS = {
    "duplicates": {"type": "array", "items": schema("DuplicateCandidate"),
                   "description": "`duplicate-record`: the likely duplicates the caller may read (at most 10 per record "
                                  "type; empty when every match is hidden)."},
    "hidden_duplicates": {"type": "integer", "minimum": 0,
                          "description": "`duplicate-record`: further matches outside the caller's read scope, counted "
                                         "but not shown."},
    "lead_id": {**UUID, "description": "`already-converted`: the lead that was converted before."},
    "from": {"type": "string", "description": "`invalid-transition`: the current value."},
    "to": {"type": "string", "description": "`invalid-transition`: the refused new value."},
    "dependents": {"type": "string", "description": "`record-in-use`: what still refers to the record."},
}


# ---------------------------------------------------------------- request field helpers
def text(max_length, description):
    """An optional free-text field: trimmed, blank refused, null clears."""
    return {"type": ["string", "null"], "minLength": 1, "maxLength": max_length, "pattern": "\\S",
            "description": description + f" Trimmed; at most {max_length} characters; blank is 422 `too_short` "
                                         "(send null to clear)."}


def choice(values, description):
    return nullable({"type": "string", "enum": values, "description": description})


def reference(description):
    return nullable({**UUID, "description": description})


OWNER_INPUT = {
    "owner_id": reference("The owning user (a user of the organisation). New records belong to their creator unless "
                          "`owner_id` or `owner_team_id` is sent; giving a record to anyone else needs the module's "
                          "`assign` right (else 403). Clearing both owners is 422."),
    "owner_team_id": reference("The owning team (a team of the organisation); see `owner_id`."),
}

PARTY_INPUT = {
    "phones": {"type": ["array", "null"], "maxItems": MAX_PHONES, "items": schema("PhoneInput"),
               "description": f"At most {MAX_PHONES}. Replaces the record's phones; `[]` removes them; null or absent "
                              "leaves them unchanged. The same number in two spellings is kept once."},
    "emails": {"type": ["array", "null"], "maxItems": MAX_EMAILS, "items": schema("EmailInput"),
               "description": f"At most {MAX_EMAILS}. Replaces the record's e-mail addresses; `[]` removes them; null "
                              "or absent leaves them unchanged. Addresses equal but for letter case are kept once."},
    "address": {**nullable(schema("AddressInput")),
                "description": "Replaces the whole address (parts left out are emptied); null or absent leaves it "
                               "unchanged."},
    "tags": {"type": ["array", "null"], "maxItems": MAX_TAGS,
             "items": {"type": "string", "minLength": 1, "maxLength": MAX_TAG_LENGTH, "pattern": "\\S"},
             "description": f"Free-text tags, trimmed, at most {MAX_TAG_LENGTH} characters each and {MAX_TAGS} per "
                            "record; spellings that normalise alike (`VIP`, `vip`) are one tag. Replaces the record's "
                            "tags; `[]` removes them; null or absent leaves them unchanged. A blank or too long tag is "
                            "422 `invalid_format` on `tags`."},
}

CREATE_NOTE = "Fields left out (or null) take their defaults."
UPDATE_NOTE = ("Only the fields sent change; null clears an optional field (for `phones`, `emails`, `address`, `tags` "
               "and `preferences`, null leaves them unchanged).")


def input_pair(name, fields, required_on_create, create_description, update_description):
    """`NewX` (required fields required) and `XChanges` (nothing required) from one field list."""
    return {
        f"New{name}": obj(fields, required=required_on_create, closed=False, description=create_description),
        f"{name}Changes": obj(fields, closed=False, description=update_description),
    }


# ---------------------------------------------------------------- response field helpers
ADDRESS_AND_CONTACT_POINTS = {
    "address": schema("Address"),
    "phones": {"type": "array", "items": schema("Phone")},
    "emails": {"type": "array", "items": schema("Email")},
    "tags": {"type": "array", "items": {"type": "string"}},
}
OWNER = {
    "owner_id": {**UUID, "description": "The owning user; absent when a team alone owns the record."},
    "owner_team_id": {**UUID, "description": "The owning team, if any."},
}
TIMESTAMPS = {"version": VERSION, "created_at": TIMESTAMP, "updated_at": TIMESTAMP}
OPTIONAL = "Left out when not set."

# ---------------------------------------------------------------- schemas
SCHEMAS = {
    # --- shared parts
    "DuplicateCandidate": obj({
        "record_type": {"type": "string", "enum": RECORD_TYPES},
        "id": UUID,
        "name": {"type": "string", "description": "The record's display name (a lead's includes its company)."},
        "matched_on": {"type": "array", "minItems": 1, "items": {"type": "string", "enum": MATCH_REASONS},
                       "description": "What matched: the same phone number, e-mail address or normalised name."},
    }, required=["record_type", "id", "name", "matched_on"],
        description="An existing record that the one being saved would likely duplicate."),
    "Phone": obj({
        "number": {"type": "string", "pattern": "^\\+[0-9]{8,15}$", "description": "E.164, e.g. `+989121234567`."},
        "label": {"type": "string", "enum": PHONE_LABELS},
    }, required=["number", "label"]),
    "Email": obj({
        "address": {"type": "string", "format": "email"},
        "label": {"type": "string", "enum": EMAIL_LABELS},
    }, required=["address", "label"]),
    "Address": obj({
        "province": {"type": "string", "enum": PROVINCES, "description": "Province slug."},
        "province_name": {"type": "string", "description": "The province's name in the caller's language."},
        "city": {"type": "string"},
        "line": {"type": "string", "description": "Street address."},
        "postal_code": {"type": "string", "pattern": "^[0-9]{10}$"},
    }, description="A postal address in Iran; parts not set are left out (`{}` when empty)."),
    "PhoneInput": obj({
        "number": {"type": "string", "minLength": 1,
                   "description": "An Iranian number in any common spelling (`09121234567`, `+98 912 123 4567`, "
                                  "`0098-912-1234567`, Persian digits), or a foreign one written with `+` or `00` "
                                  "(8–15 digits). Stored in E.164; anything else is 422 `invalid_format`."},
        "label": choice(PHONE_LABELS, "Defaults to `mobile` for Iranian mobile numbers, otherwise `work`."),
    }, required=["number"], closed=False),
    "EmailInput": obj({
        "address": {"type": "string", "format": "email", "maxLength": 254,
                    "description": "Trimmed; one `@` and a dot in the domain, at most 254 bytes "
                                   "(else 422 `invalid_email`)."},
        "label": choice(EMAIL_LABELS, "Defaults to `work`."),
    }, required=["address"], closed=False),
    "AddressInput": obj({
        "province": {"type": ["string", "null"],
                     "description": "One of Iran's 31 provinces by slug (`razavi_khorasan`), English name (`Razavi "
                                    "Khorasan`) or Persian name (`خراسان رضوی`); letter forms, ZWNJ, spacing and a "
                                    "leading «استان» do not matter. Blank or null leaves it empty; an unknown name is "
                                    "422 `unknown_value`. Responses give the slug and `province_name`.",
                     "examples": ["tehran", "خراسان رضوی"]},
        "city": text(100, "City."),
        "line": text(500, "Street address."),
        "postal_code": {"type": ["string", "null"],
                        "description": "10 digits (ASCII or Persian; spaces and hyphens are ignored). Blank or null "
                                       "leaves it empty; anything else is 422 `invalid_format`."},
    }, closed=False),
    "ContactPreferences": obj({
        "opted_out": {"type": "array", "items": {"type": "string", "enum": CHANNELS},
                      "description": "Channels the person must not be contacted through."},
        "preferred_channel": {"type": "string", "enum": CHANNELS},
        "preferred_time": {"type": "string", "enum": TIMES_OF_DAY},
        "language": {"type": "string", "enum": LANGUAGES},
    }, required=["opted_out", "preferred_time"], description="How the person wants to be reached."),
    "ContactPreferencesInput": obj({
        "opted_out": {"type": ["array", "null"], "items": {"type": "string", "enum": CHANNELS},
                      "description": "Replaces the opted-out channels; null or `[]` opts back in to all."},
        "preferred_channel": choice(CHANNELS, "null: no preference."),
        "preferred_time": choice(TIMES_OF_DAY, "null: `any`."),
        "language": choice(LANGUAGES, "null: no preference."),
    }, closed=False, description="Only the parts sent change."),

    # --- accounts
    "Account": obj({
        "id": UUID,
        "name": {"type": "string"},
        "kind": {"type": "string", "enum": ACCOUNT_KINDS},
        "industry": {"type": "string"},
        "website": {"type": "string"},
        "national_id": {"type": "string", "pattern": "^[0-9]{11}$",
                        "description": "Legal-entity national ID (شناسه ملی), canonical digits."},
        "economic_code": {"type": "string", "pattern": "^[0-9]{10,12}$",
                          "description": "Economic code (کد اقتصادی), canonical digits."},
        "parent_id": {**UUID, "description": "The parent account."},
        "description": {"type": "string"},
        **ADDRESS_AND_CONTACT_POINTS,
        **OWNER,
        "became_customer_at": TIMESTAMP,
        **TIMESTAMPS,
    }, required=["id", "name", "kind", "address", "phones", "emails", "tags", "version"],
        description="An organisation the business deals with. " + OPTIONAL),
    **input_pair("Account", {
        "name": name_field(200, "The organisation's name."),
        "kind": choice(ACCOUNT_KINDS, "Defaults to `prospect`; null keeps the current kind."),
        "industry": text(100, "Industry."),
        "website": text(200, "Website (free text)."),
        "national_id": nullable({"type": "string",
                                 "description": "Legal-entity national ID (شناسه ملی): 11 digits (ASCII or Persian, "
                                                "separators allowed) with a valid check digit, else 422 "
                                                "`invalid_format`. null clears."}),
        "economic_code": nullable({"type": "string",
                                   "description": "Economic code (کد اقتصادی): a valid 10-digit national code, a valid "
                                                  "11-digit legal-entity ID or a legacy 12-digit code, else 422 "
                                                  "`invalid_format`. null clears."}),
        "parent_id": reference("A live account of the organisation, not this account or one below it (a cycle is 422 "
                               "`invalid_format`, an unknown account 422 `referenced_record_missing`)."),
        "description": text(10_000, "Notes."),
        **PARTY_INPUT,
        **OWNER_INPUT,
    }, ["name"], CREATE_NOTE, UPDATE_NOTE),

    # --- contacts
    "Contact": obj({
        "id": UUID,
        "first_name": {"type": "string"},
        "last_name": {"type": "string"},
        "full_name": {"type": "string"},
        "gender": {"type": "string", "enum": GENDERS},
        "birth_date": {"type": "string", "format": "date", "description": "Gregorian `YYYY-MM-DD`."},
        "birth_date_jalali": {"type": "string", "pattern": "^[0-9]{4}/[0-9]{2}/[0-9]{2}$",
                              "description": "The same day in the Jalali calendar, `YYYY/MM/DD`."},
        "job_title": {"type": "string"},
        "account_id": {**UUID, "description": "The account the person works for."},
        "lead_source": {"type": "string", "enum": LEAD_SOURCES},
        "description": {"type": "string"},
        **ADDRESS_AND_CONTACT_POINTS,
        "preferences": schema("ContactPreferences"),
        **OWNER,
        **TIMESTAMPS,
    }, required=["id", "last_name", "full_name", "gender", "address", "phones", "emails", "tags", "preferences", "version"],
        description="A person. " + OPTIONAL),
    **input_pair("Contact", {
        "first_name": text(100, "Given name."),
        "last_name": name_field(100, "Family name."),
        "gender": choice(GENDERS, "Defaults to `unspecified`; null sets `unspecified`."),
        "birth_date": nullable({"type": "string",
                                "description": "A day in either calendar: `1991-08-03`, `1991/8/3`, `1370/05/12`, "
                                               "`۱۳۷۰-۰۵-۱۲` (a year before 1700 is Jalali); not a real day is 422 "
                                               "`invalid_format`. null clears.",
                                "examples": ["1370/05/12"]}),
        "job_title": text(100, "Job title."),
        "account_id": reference("A live account of the organisation (else 422 `referenced_record_missing`)."),
        "lead_source": choice(LEAD_SOURCES, "Where the person came from."),
        "description": text(10_000, "Notes."),
        **PARTY_INPUT,
        "preferences": {**nullable(schema("ContactPreferencesInput")),
                        "description": "null or absent leaves the preferences unchanged."},
        **OWNER_INPUT,
    }, ["last_name"], CREATE_NOTE, UPDATE_NOTE),

    # --- leads
    "Lead": obj({
        "id": UUID,
        "first_name": {"type": "string"},
        "last_name": {"type": "string"},
        "full_name": {"type": "string"},
        "company": {"type": "string"},
        "job_title": {"type": "string"},
        "source": {"type": "string", "enum": LEAD_SOURCES},
        "campaign_id": UUID,
        "status": {"type": "string", "enum": LEAD_STATUSES},
        "disqualified_reason": {"type": "string"},
        "score": {"type": "integer", "minimum": 0, "maximum": 100},
        "description": {"type": "string"},
        **ADDRESS_AND_CONTACT_POINTS,
        **OWNER,
        "converted_at": TIMESTAMP,
        "converted_account_id": {**UUID, "description": "The account the conversion made or linked, if any."},
        "converted_contact_id": {**UUID, "description": "The contact the conversion made or linked."},
        "converted_opportunity_id": UUID,
        **TIMESTAMPS,
    }, required=["id", "last_name", "full_name", "source", "status", "score", "address", "phones", "emails", "tags",
                 "version"],
        description="A possible customer not yet qualified. " + OPTIONAL),
    **input_pair("Lead", {
        "first_name": text(100, "Given name."),
        "last_name": name_field(100, "Family name."),
        "company": text(200, "Company name; conversion makes an account of it."),
        "job_title": text(100, "Job title."),
        "source": choice(LEAD_SOURCES, "Defaults to `other`; null keeps the current source."),
        "campaign_id": reference("The campaign the lead came from."),
        "status": choice(EDITABLE_LEAD_STATUSES,
                         "Defaults to `new`; null keeps the current status. `converted` is set only by "
                         "`POST /api/v1/leads/{id}/convert` (sending it is 422 `unknown_value`). `disqualified` "
                         "needs a `disqualified_reason` (else 422 `required`)."),
        "disqualified_reason": text(500, "Why the lead was disqualified."),
        "score": nullable({"type": "integer", "minimum": 0, "maximum": 100,
                           "description": "0…100 (else 422 `out_of_range`); defaults to 0; null keeps the current score."}),
        "description": text(10_000, "Notes."),
        **PARTY_INPUT,
        **OWNER_INPUT,
    }, ["last_name"], CREATE_NOTE, UPDATE_NOTE),
    "LeadConversion": obj({
        "account_id": reference("Link this existing account instead of making one (else 422 "
                                "`referenced_record_missing`)."),
        "contact_id": reference("Link this existing contact instead of making one (else 422 "
                                "`referenced_record_missing`)."),
        "create_account": nullable({"type": "boolean", "default": True,
                                    "description": "false: no account is made even when the lead names a company. "
                                                   "null or absent: true."}),
        "allow_duplicate": nullable({"type": "boolean", "default": False,
                                     "description": "true: make the account and contact even when likely duplicates "
                                                    "exist. Wins over the `allow_duplicate` query parameter; null or "
                                                    "absent: the query parameter's value, else false."}),
        "opportunity": {**nullable(schema("LeadConversionOpportunity")),
                        "description": "Also open an opportunity for the account and contact, in the same "
                                       "transaction: if any part is refused, nothing is written."},
    }, closed=False, description="How to convert a lead; `{}` makes a new account (from `company`, if any) and a new "
                                 "contact."),
    "LeadConversionResult": obj({
        "lead": schema("Lead"),
        "account": {**schema("Account"), "description": "Absent when the lead was converted without an account."},
        "contact": schema("Contact"),
        "opportunity": {**schema("Opportunity"), "description": "Present when the conversion opened one."},
    }, required=["lead", "contact"]),
    "MergeRequest": obj({
        "source_id": {**UUID, "description": "The duplicate to fold in and delete: another live record of the same "
                                             "type that the caller may read and delete."},
    }, required=["source_id"], closed=False, description="Which duplicate to merge into the record of the path."),
    "AccountList": list_of("Account", "A page of accounts."),
    "ContactList": list_of("Contact", "A page of contacts."),
    "LeadList": list_of("Lead", "A page of leads."),
}

EXAMPLES = {
    "NewAccount": {"name": "فولاد مبارکه سپاهان", "kind": "customer", "industry": "فولاد", "website": "example.ir",
                   "phones": [{"number": "031 3333 4444", "label": "work"}],
                   "emails": [{"address": "info@example.ir"}],
                   "address": {"province": "اصفهان", "city": "اصفهان", "line": "خیابان چهارباغ", "postal_code": "8173654321"},
                   "tags": ["مشتری کلیدی"]},
    "AccountChanges": {"kind": "partner", "website": None},
    "NewContact": {"first_name": "علی", "last_name": "کاظمی", "gender": "male", "birth_date": "1370/05/12",
                   "job_title": "مدیر خرید", "phones": [{"number": "۰۹۱۲ ۱۲۳ ۴۵۶۷"}],
                   "emails": [{"address": "ali.kazemi@example.ir", "label": "work"}],
                   "address": {"province": "tehran", "city": "تهران"},
                   "preferences": {"opted_out": ["sms"], "preferred_channel": "email", "preferred_time": "morning"}},
    "ContactChanges": {"job_title": "مدیرعامل", "preferences": {"language": "fa"}},
    "NewLead": {"first_name": "مریم", "last_name": "احمدی", "company": "پخش البرز", "source": "web_form", "score": 40,
                "phones": [{"number": "+98 935 111 2233"}], "tags": ["نمایشگاه ۱۴۰۵"]},
    "LeadChanges": {"status": "qualified", "score": 80},
    "LeadConversion": {"create_account": True,
                       "opportunity": {"name": "تجهیز انبار", "amount": {"amount_minor": 1_200_000_000, "currency": "IRR"}}},
    "MergeRequest": {"source_id": "01A207ED-6660-73E2-A5D3-ADA7B68BEA15"},
}


# ---------------------------------------------------------------- parameters
def query(name, schema_, description):
    return {"name": name, "in": "query", "required": False, "schema": schema_, "description": description}


def text_query(name, description):
    return query(name, {"type": "string", "maxLength": QUERY_MAX},
                 description + f" At most {QUERY_MAX} characters, else 422.")


def sort_parameter(columns):
    names = ", ".join(f"`{c}`" for c in columns)
    return query("sort", {"type": "string", "enum": [v for c in columns for v in (c, "-" + c)]},
                 f"Order by {names}; a leading `-` sorts descending. Default: newest first (`-created_at`), or by "
                 "relevance when `q` is given. Any other value is 422 `unknown_value`.")


PARAMETERS = {
    "AccountSort": sort_parameter(ACCOUNT_SORTS),
    "ContactSort": sort_parameter(CONTACT_SORTS),
    "LeadSort": sort_parameter(LEAD_SORTS),
    "Search": text_query("q", "Search words, each matched as a word prefix (names, company, job title, city, phone "
                              "numbers in either form, e-mail addresses; accounts also national ID, economic code and "
                              "website); Persian letter forms do not matter. Results are ranked by relevance unless "
                              "`sort` is given."),
    "OwnerId": query("owner_id", UUID, "Only records owned by this user; not a UUID is 422."),
    "OwnerTeamId": query("owner_team_id", UUID, "Only records owned by this team; not a UUID is 422."),
    "Tag": query("tag", {"type": "string", "maxLength": MAX_TAG_LENGTH},
                 f"Only records carrying this tag (compared as normalised); longer than {MAX_TAG_LENGTH} characters "
                 "is 422."),
    "CreatedAfter": text_query("created_after", "Only records created at or after this instant: RFC 3339, with or "
                                                "without fractional seconds (`2026-01-02T03:04:05Z`, "
                                                "`2026-01-02T03:04:05.123Z`, `2026-01-02T06:34:05+03:30`), or a day in "
                                                "either calendar (`2026-01-02`, `1404/10/12`, meaning its start in "
                                                "UTC); anything else is 422 `invalid_format`."),
    "CreatedBefore": text_query("created_before", "Only records created at or before this instant; same forms as "
                                                  "`created_after`."),
    "Province": {**text_query("province", "Only records whose address is in this province, named by slug "
                                          "(`razavi_khorasan`), English name (`Razavi Khorasan`) or Persian name "
                                          "(`خراسان رضوی`), matched as `address.province` is: letter case, Arabic "
                                          "letter forms, ZWNJ, spacing and a leading «استان» or trailing `Province` do "
                                          "not matter. An unknown or ambiguous name (`خراسان`) is 422 `unknown_value`."),
                 "examples": {"slug": {"value": "razavi_khorasan"}, "english": {"value": "Razavi Khorasan"},
                              "persian": {"value": "خراسان رضوی"}}},
    "AllowDuplicate": query("allow_duplicate", {"type": "boolean", "default": False},
                            "`true` (or `1`) saves even when likely duplicates exist; otherwise they are refused "
                            "with 409 `duplicate-record`. Not a boolean (`true`, `false`, `1`, `0`) is 422."),
}
LIST_PARAMS = [P("Limit"), P("Cursor"), P("Search"), P("OwnerId"), P("OwnerTeamId"), P("Tag"), P("CreatedAfter"),
               P("CreatedBefore")]


# ---------------------------------------------------------------- paths
def record_paths(base, name, plural, tag, sort, filters, notes):
    """The seven routes every sales record has: list, create, read, change, delete, restore."""
    lower = plural.lower()
    one = ("an " if name[0] in "AEIOU" else "a ") + name.lower()  # "an account", "a contact"
    duplicates = notes["duplicates"]
    return {
        base: {
            "get": op(f"list{name}s", tag, f"The {lower} the caller may read",
                      {"200": json_ok(f"A page of {lower}.", f"{name}List"), **problems(401, 403, 422)},
                      description=f"Only {lower} within the role's read scope (own, team or organisation); deleted "
                                  "ones are left out. Filters combine with AND; every bad query parameter is reported "
                                  "in one 422. 403 when the role may not read " + lower + " at all.",
                      parameters_=[*LIST_PARAMS[:2], P(sort), *LIST_PARAMS[2:], *filters]),
            "post": op(f"create{name}", tag, f"Create {one}",
                       {"201": json_ok("Created.", name, ["ETag", "Location", "Idempotent-Replayed"]),
                        **problems(401, 403, 409, *BODY_ERRORS)},
                       description=f"409 `duplicate-record` when {duplicates} already exists (the problem lists them "
                                   "in `duplicates`); resend with `allow_duplicate=true` to save anyway. 403 when the "
                                   f"role may not create {lower} or may not assign the named owner.",
                       parameters_=[P("IdempotencyKey"), P("AllowDuplicate")], request_body=body(f"New{name}")),
        },
        f"{base}/{{id}}": {
            "parameters": [P("Id")],
            "get": op(f"get{name}", tag, f"One {name.lower()}",
                      {"200": json_ok(f"The {name.lower()}.", name, ["ETag"]), **problems(401, 403, 404)},
                      description="404 for deleted records and for records outside the role's read scope; 403 when "
                                  f"the role may not read {lower} at all."),
            "patch": op(f"update{name}", tag, f"Change {one}",
                        {"200": json_ok(f"The changed {name.lower()}.", name, ["ETag"]),
                         **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                        description=" ".join([
                            f"403 when the role may not update {lower}, the record is readable but outside its update "
                            "scope, or the new owner may not be assigned. When a name, phone or e-mail changes, 409 "
                            f"`duplicate-record` if {duplicates} already exists (resend with `allow_duplicate=true`).",
                            *notes.get("update", [])]),
                        parameters_=[P("IfMatch"), P("AllowDuplicate")], request_body=body(f"{name}Changes")),
            "delete": op(f"delete{name}", tag, f"Delete {one} (soft delete)",
                         {"204": no_content("Deleted."), **problems(401, 403, 404, 412)},
                         description="The record leaves every list and lookup; an administrator can restore it. 403 "
                                     f"when the role may not delete {lower}, or the record is readable but outside its "
                                     "delete scope.",
                         parameters_=[P("IfMatch")]),
        },
        f"{base}/{{id}}/restore": {
            "parameters": [P("Id")],
            "post": op(f"restore{name}", tag, f"Bring back a deleted {name.lower()} (administrators)",
                       {"200": json_ok(f"The restored {name.lower()}.", name, ["ETag", "Idempotent-Replayed"]),
                        **problems(401, 403, 404, *IDEMPOTENCY_ERRORS)},
                       description="Takes no body. 403 for anyone but administrators; 404 when no deleted record has "
                                   "this id (including records that are not deleted).",
                       parameters_=[P("IdempotencyKey")]),
        },
    }


# The resource filters of each list (`AccountsAPI.filters`, …), also read by `GET /export/{resource}`.
ACCOUNT_FILTERS = [
    query("kind", {"type": "string", "enum": ACCOUNT_KINDS}, "Only accounts of this kind; another value is 422."),
    query("parent_id", UUID, "Only the direct children of this account; not a UUID is 422."),
    text_query("industry", "Only accounts with exactly this industry."),
    P("Province"),
]
CONTACT_FILTERS = [
    query("account_id", UUID, "Only the contacts of this account; not a UUID is 422."),
    query("gender", {"type": "string", "enum": GENDERS}, "Only contacts of this gender; another value is 422."),
    query("lead_source", {"type": "string", "enum": LEAD_SOURCES}, "Only contacts from this source; another value is 422."),
    P("Province"),
]
LEAD_FILTERS = [
    query("status", {"type": "string", "enum": LEAD_STATUSES}, "Only leads in this status; another value is 422."),
    query("source", {"type": "string", "enum": LEAD_SOURCES}, "Only leads from this source; another value is 422."),
    query("campaign_id", UUID, "Only the leads of this campaign; not a UUID is 422."),
]


def merge_path(base, name, plural, tag, moved):
    """`POST /<records>/{id}/merge` (`AccountsAPI.merge`, `ContactsAPI.merge`, `MergeService`)."""
    lower = name.lower()
    return {f"{base}/{{id}}/merge": {
        "parameters": [P("Id")],
        "post": op(f"merge{name}", tag, f"Fold a duplicate {lower} into this one",
                   {"200": json_ok(f"The kept {lower}, with what it took over from the duplicate.", name,
                                   ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, 409, 412, *BODY_ERRORS)},
                   description=(
                       f"In one transaction: fills the kept {lower}'s empty fields from the duplicate (`source_id`), "
                       "unites their phones, e-mail addresses and tags" + moved + ", then soft-deletes the duplicate "
                       "(an administrator can restore it, though what moved stays moved). The audit entry (action "
                       "`merge`, on the kept record) holds the duplicate as it was (`merged_record`) and every value "
                       "that could not be kept (`values_not_kept`). `If-Match` applies to the kept record. The body "
                       "is read first: 422 on `source_id` when it is missing or not a UUID (`required`, "
                       "`must_be_string`, `invalid_uuid`; also for an unknown `{id}`), the same as `{id}` "
                       "(`invalid_format`), or not a live " + lower + " the caller may read "
                       "(`referenced_record_missing`). 404 when `{id}` is not a live " + lower + " the caller may "
                       f"read. 403 when the role may not update {plural} (or this one), or may not delete {plural} "
                       "(or the duplicate). 409 only while an earlier request with the same `Idempotency-Key` runs."),
                   parameters_=[P("IfMatch"), P("IdempotencyKey")], request_body=body("MergeRequest"))}}


def _paths():
    accounts = record_paths(
        "/api/v1/accounts", "Account", "Accounts", "Accounts", "AccountSort", ACCOUNT_FILTERS,
        {"duplicates": "an account with the same phone, e-mail or name"})
    contacts = record_paths(
        "/api/v1/contacts", "Contact", "Contacts", "Contacts", "ContactSort", CONTACT_FILTERS,
        {"duplicates": "a contact with the same phone or e-mail, or the same name at the same account (or both without "
                       "one),"})
    leads = record_paths(
        "/api/v1/leads", "Lead", "Leads", "Leads", "LeadSort", LEAD_FILTERS,
        {"duplicates": "a lead with the same phone or e-mail, or the same name at the same company (or both without one),",
         "update": ["409 `already-converted` for a converted lead (it can no longer be edited). Setting `status` to "
                    "`disqualified` on a lead without a `disqualified_reason` is 422."]})
    convert = {"/api/v1/leads/{id}/convert": {
        "parameters": [P("Id")],
        "post": op("convertLead", "Leads", "Convert a lead into an account, a contact and optionally an opportunity",
                   {"200": json_ok("Converted: the lead (now `converted`), the account and contact made or linked, and "
                                   "the opportunity opened if one was asked for.",
                                   "LeadConversionResult", ["ETag", "Idempotent-Replayed"]),
                    **problems(401, 403, 404, 409, *BODY_ERRORS)},
                   description="In one transaction: makes a new account from the lead's `company` (unless "
                               "`account_id` is given, `create_account` is false or there is no company) and a new "
                               "contact from the lead (unless `contact_id` is given), opens the `opportunity` if one is "
                               "given (its first stage-history row, owned by the lead's owner), then marks the lead "
                               "converted. "
                               "The `ETag` is the lead's. 409 `already-converted` when the lead was converted before; "
                               "409 `duplicate-record` when an account of the same name or a matching contact exists "
                               "(link it with `account_id` / `contact_id`, or send `allow_duplicate: true` in the body "
                               "or `allow_duplicate=true` in the query). 403 when the role may not update leads (or "
                               "this lead), or may not create the accounts, contacts or opportunity the conversion needs.",
                   parameters_=[P("IdempotencyKey"), query(
                       "allow_duplicate", {"type": "boolean", "default": False},
                       "As the body's `allow_duplicate`, which wins when both are given: `true` (or `1`) converts even "
                       "when likely duplicates exist. Not a boolean (`true`, `false`, `1`, `0`) is 422, checked before "
                       "the body is read.")],
                   request_body=body("LeadConversion"))}}
    merge_accounts = merge_path(
        "/api/v1/accounts", "Account", "accounts", "Accounts",
        "; moves its contacts, opportunities, child accounts, the activities regarding it and the leads converted "
        "into it over; takes its parent and customer date where the kept account has none")
    merge_contacts = merge_path(
        "/api/v1/contacts", "Contact", "contacts", "Contacts",
        " (an opt-out on either is kept); moves its opportunities, the activities regarding it and the leads "
        "converted into it over (activities naming it as a participant keep naming it)")
    return {**accounts, **merge_accounts, **contacts, **merge_contacts, **leads, **convert}


PATHS = _paths()

TAGS = [
    {"name": "Accounts", "description": "Organisations the business deals with: prospects, customers, partners, "
                                        "competitors."},
    {"name": "Contacts", "description": "People, usually at an account."},
    {"name": "Leads", "description": "Possible customers not yet qualified, and their conversion."},
]
