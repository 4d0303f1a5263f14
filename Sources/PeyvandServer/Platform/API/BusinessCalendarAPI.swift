import Foundation
import PeyvandCore
import Vapor

/// `/business-hours` (the working week) and `/holidays`: the time service-level clocks count in.
enum BusinessCalendarAPI {
    static func service(_ request: Request) -> BusinessCalendarService { BusinessCalendarService(store: request.store) }

    struct SpanDTO: Encodable {
        var day: String
        var start: String
        var end: String
    }

    struct WeekDTO: Encodable {
        var hours: [SpanDTO]
        var hoursPerWeek: Double

        init(_ week: WorkingWeek) {
            hours = week.sorted.map { SpanDTO(day: $0.day.rawValue, start: WorkingWeek.Span.text($0.start), end: WorkingWeek.Span.text($0.end)) }
            hoursPerWeek = week.hoursPerWeek
        }
    }

    struct HolidayDTO: Encodable {
        var id: UUID
        var day: String
        var name: String

        init(_ holiday: Holiday) {
            (id, day, name) = (holiday.id!, holiday.day, holiday.name)
        }
    }

    struct HolidaysBody: Encodable {
        var data: [HolidayDTO]
    }

    @Sendable static func week(_ request: Request) async throws -> Response {
        try jsonResponse(WeekDTO(try await service(request).week(in: try request.actor)))
    }

    /// `PUT /business-hours` `{ hours: [{ day, start: "08:00", end: "17:00" }, …] }`: the whole week.
    @Sendable static func setWeek(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let spans = reader.nestedList("hours") { span -> WorkingWeek.Span? in
            let day = span.choice("day", WorkingWeek.Day.self)
            let start = span.timeOfDay("start"), end = span.timeOfDay("end")
            guard let day, let start, let end else { return nil }
            return WorkingWeek.Span(day, start, end)
        }
        // A span that cannot be read is reported on its own; the week's rules (overlaps, a week
        // with no hours) are checked once every span reads, so their indexes match the body's.
        try reader.validator.check()
        let week = WorkingWeek((spans ?? []).compactMap { $0 })
        return try jsonResponse(WeekDTO(try await service(request).setWeek(week, by: try request.actor)))
    }

    /// `GET /holidays?year=1405`: one Jalali year's holidays (default: the current year in Tehran).
    @Sendable static func holidays(_ request: Request) async throws -> Response {
        var query = QueryReader(request)
        let year = query.int("year", in: 1300...1500) ?? JalaliDate.year(of: request.store.now())
        try query.finish()
        let holidays = try await service(request).holidays(jalaliYear: year, in: try request.actor)
        return try jsonResponse(HolidaysBody(data: holidays.map(HolidayDTO.init)))
    }

    /// `POST /holidays` `{ day: "1405/01/01", name }`.
    @Sendable static func addHoliday(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let day = reader.string("day"), name = reader.string("name")
        let holiday = try await service(request).addHoliday(day: day, name: name, by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(HolidayDTO(holiday), status: .created, location: "/api/v1/holidays/\(holiday.id!)")
    }

    @Sendable static func removeHoliday(_ request: Request) async throws -> HTTPStatus {
        try await service(request).removeHoliday(try idParameter(request), by: try request.actor)
        return .noContent
    }
}
