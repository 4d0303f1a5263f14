"""The business calendar's part of the OpenAPI document: the working week and holidays that
service-level clocks count in.

generate.py merges SCHEMAS, PATHS and TAGS into the document, like those of sales.py.

Sources of truth (keep in step by hand):
- routes: Sources/PeyvandServer/routes.swift (`business-hours`, `holidays`);
- bodies and responses: Sources/PeyvandServer/Platform/API/BusinessCalendarAPI.swift;
- rules: Sources/PeyvandCore/Platform/Calendar/WorkingWeek.swift (Day, Span.minutes, problems),
  Sources/PeyvandCore/Platform/Services/BusinessCalendarService.swift.
"""
from common import BODY_ERRORS, IDEMPOTENCY_ERRORS, UUID, P, body, json_ok, no_content, obj, op, problems

DAYS = ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"]  # WorkingWeek.Day
TIME = {"type": "string", "pattern": "^[0-9۰-۹]{1,2}:[0-9۰-۹]{2}$", "examples": ["08:00", "۱۷:۳۰"],
        "description": "Wall-clock time in the organisation's time zone, `HH:MM` in ASCII or Persian digits; `24:00` "
                       "is midnight at the day's end. Not a real time is 422 `invalid_format`."}

SCHEMAS = {
    "WorkingSpan": obj({
        "day": {"type": "string", "enum": DAYS},
        "start": TIME,
        "end": TIME,
    }, required=["day", "start", "end"], description="Open from `start` to `end` on `day`."),
    "WorkingWeek": obj({
        "hours": {"type": "array", "items": {"$ref": "#/components/schemas/WorkingSpan"},
                  "description": "By day of the week (Saturday first), then by start; times as `HH:MM`."},
        "hours_per_week": {"type": "number", "minimum": 0},
    }, required=["hours", "hours_per_week"],
        description="When the organisation works. Until an administrator sets it: Saturday to Wednesday 08:00–17:00 "
                    "and Thursday 08:00–13:00."),
    "WorkingWeekInput": obj({
        "hours": {"type": "array", "items": {"$ref": "#/components/schemas/WorkingSpan"},
                  "description": "The whole week (it replaces the current one); several spans on a day are allowed "
                                 "(a lunch break). Each span that cannot be read is 422 on `hours.<index>.<field>`; "
                                 "then a span ending before it starts or overlapping an earlier one of its day is "
                                 "422 `out_of_range` on `hours.<index>`, and a week with no span at all is 422 "
                                 "`required` on `hours`."},
    }, required=["hours"]),
    "Holiday": obj({
        "id": UUID,
        "day": {"type": "string", "format": "date", "description": "Gregorian `YYYY-MM-DD`."},
        "name": {"type": "string"},
    }, required=["id", "day", "name"], description="A day the organisation is closed; service clocks skip it."),
    "HolidayList": obj({
        "data": {"type": "array", "items": {"$ref": "#/components/schemas/Holiday"}},
    }, required=["data"]),
    "NewHoliday": obj({
        "day": {"type": "string", "minLength": 1, "examples": ["1405/01/01", "2026-03-21"],
                "description": "Jalali (a year before 1700) or Gregorian, in either digits; not a real day is 422 "
                               "`invalid_format`; a day already declared is 422 `not_unique`."},
        "name": {"type": "string", "minLength": 1, "maxLength": 200, "description": "Not blank."},
    }, required=["day", "name"]),
}

PATHS = {
    "/api/v1/business-hours": {
        "get": op("getBusinessHours", "Business calendar", "The organisation's working week",
                  {"200": json_ok("The working week.", "WorkingWeek"), **problems(401)},
                  description="Readable by every signed-in user."),
        "put": op("setBusinessHours", "Business calendar", "Replace the working week (administrators)",
                  {"200": json_ok("The new week.", "WorkingWeek"), **problems(401, 403, *BODY_ERRORS)},
                  description="Audited as a `working_week` change of the organisation. Sending the same week again "
                              "changes nothing.",
                  request_body=body("WorkingWeekInput")),
    },
    "/api/v1/holidays": {
        "get": op("listHolidays", "Business calendar", "One Jalali year's holidays",
                  {"200": json_ok("The holidays, by day.", "HolidayList"), **problems(401, 422)},
                  parameters_=[{"name": "year", "in": "query", "required": False,
                                "schema": {"type": "integer", "minimum": 1300, "maximum": 1500},
                                "description": "Jalali year (Farvardin 1 to the end of Esfand); default: the current "
                                               "one in Tehran. Out of range is 422."}]),
        "post": op("addHoliday", "Business calendar", "Declare a day closed (administrators)",
                   {"201": json_ok("Declared.", "Holiday", ["Location", "Idempotent-Replayed"]),
                    **problems(401, 403, *IDEMPOTENCY_ERRORS, *BODY_ERRORS)},
                   parameters_=[P("IdempotencyKey")], request_body=body("NewHoliday")),
    },
    "/api/v1/holidays/{id}": {
        "parameters": [P("Id")],
        "delete": op("removeHoliday", "Business calendar", "Open a declared holiday again (administrators)",
                     {"204": no_content("Removed."), **problems(401, 403, 404)},
                     description="Another organisation's holiday is 404."),
    },
}

TAGS = [
    {"name": "Business calendar", "description": "The working week and holidays that service-level clocks count in."},
]
