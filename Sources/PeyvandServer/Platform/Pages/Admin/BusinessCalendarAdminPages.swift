import Foundation
import PeyvandCore
import Plot
import Vapor

/// Administration: the working week (up to two shifts a day) and the holidays of a Jalali year,
/// through `BusinessCalendarService` like `/api/v1/business-hours` and `/api/v1/holidays`.
enum BusinessCalendarAdminPages {
    static let path = SiteURL.admin("business-hours")
    static let shiftsPerDay = 2

    /// `hours.saturday.0.start`: the box of one shift's opening or closing time.
    static func field(_ day: WorkingWeek.Day, _ shift: Int, _ end: String) -> String { "hours.\(day.rawValue).\(shift).\(end)" }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let week = try await BusinessCalendarService(store: page.store).week(in: page.context)
        var values: [String: String] = [:]
        for day in WorkingWeek.Day.allCases {
            for (shift, span) in week.spans(on: day).prefix(shiftsPerDay).enumerated() {
                values[field(day, shift, "start")] = PersianText.digits(WorkingWeek.Span.text(span.start), page.display.digits)
                values[field(day, shift, "end")] = PersianText.digits(WorkingWeek.Span.text(span.end), page.display.digits)
            }
        }
        return try await render(page, week: week, weekState: FormState(values: values), holidayState: FormState(), request: request)
    }

    /// `POST /admin/business-hours`: the whole week from the form; empty shifts are closed.
    @Sendable static func saveWeek(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        var spans: [WorkingWeek.Span] = [], origins: [String] = [], problems: [FieldError] = []
        for day in WorkingWeek.Day.allCases {
            for shift in 0..<shiftsPerDay {
                let start = form.value(field(day, shift, "start"))?.trimmingCharacters(in: .whitespaces) ?? ""
                let end = form.value(field(day, shift, "end"))?.trimmingCharacters(in: .whitespaces) ?? ""
                if start.isEmpty && end.isEmpty { continue }
                let opens = WorkingWeek.Span.minutes(start), closes = WorkingWeek.Span.minutes(end)
                if opens == nil { problems.append(FieldError(field: field(day, shift, "start"), code: start.isEmpty ? .required : .invalidFormat)) }
                if closes == nil { problems.append(FieldError(field: field(day, shift, "end"), code: end.isEmpty ? .required : .invalidFormat)) }
                if let opens, let closes {
                    spans.append(WorkingWeek.Span(day, opens, closes))
                    origins.append(field(day, shift, "end"))
                }
            }
        }
        do {
            guard problems.isEmpty else { throw ValidationFailure(problems) }
            do {
                _ = try await BusinessCalendarService(store: page.store).setWeek(WorkingWeek(spans), by: page.context)
            } catch let failure as ValidationFailure {
                // The week's rules name spans by position; the form shows each beside its closing time.
                throw ValidationFailure(failure.fieldErrors.map { error in
                    let index = error.field.split(separator: ".").last.flatMap { Int($0) }
                    return FieldError(field: index.map { origins[$0] } ?? field(.saturday, 0, "start"), code: error.code)
                })
            }
            return page.redirect(to: path.with([("saved", "1")]))
        } catch let error as any DomainError where error.kind == .validation {
            let week = try await BusinessCalendarService(store: page.store).week(in: page.context)
            return try await render(page, week: week, weekState: FormState(refused: error, form: form, rowOrigins: [:], language: page.language),
                                    holidayState: FormState(), request: request, status: .unprocessableEntity)
        }
    }

    /// `POST /admin/business-hours/holidays`: a closed day typed in the reader's calendar.
    @Sendable static func addHoliday(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        do {
            let holiday = try await BusinessCalendarService(store: page.store).addHoliday(day: form.value("day"), name: form.value("name"), by: page.context)
            return page.redirect(to: path.with([("year", String(JalaliDate.year(of: CalendarDay.start(of: holiday.day, in: JalaliDate.tehranTimeZone)!)))]))
        } catch let error as any DomainError where error.kind == .validation {
            let week = try await BusinessCalendarService(store: page.store).week(in: page.context)
            return try await render(page, week: week, weekState: FormState(), holidayState: FormState(refused: error, form: form, rowOrigins: [:],
                                                                                                        language: page.language),
                                    request: request, status: .unprocessableEntity)
        }
    }

    @Sendable static func removeHoliday(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        try await BusinessCalendarService(store: page.store).removeHoliday(try idParameter(request), by: page.context)
        let form = try await FormData(request)
        return page.redirect(to: path.with([("year", form.value("year"))]))
    }

    private static func render(_ page: WebPage, week: WorkingWeek, weekState: FormState, holidayState: FormState, request: Request,
                               status: HTTPStatus = .ok) async throws -> Response {
        let text = { (key: AdminText) in key.text(in: page.language) }
        let year = request.query[Int.self, at: "year"].flatMap { (1300...1500).contains($0) ? $0 : nil } ?? JalaliDate.year(of: page.store.now())
        let holidays = try await BusinessCalendarService(store: page.store).holidays(jalaliYear: year, in: page.context)
        let saved = request.query[String.self, at: "saved"] != nil
        return page.render(text(.businessCalendar), section: nil, status: status, .group(
            .h1(.text(text(.businessCalendar))),
            .if(saved, .p(.class("notice"), .attribute(named: "role", value: "status"), .text(text(.saved)))),
            .section(
                .class("card record-section"),
                .h2(.text(text(.workingWeek))),
                .p(.class("muted"), .text(text(.hoursPerWeek(hours(week.hoursPerWeek, page.display))) + " · " + text(.closedWhenEmpty))),
                page.form(
                    action: path.path,
                    FormBanner.node(weekState, display: page.display),
                    .forEach(WorkingWeek.Day.allCases) { day in
                        .element(named: "fieldset", nodes: [
                            .class("form-section working-day"),
                            .element(named: "legend", text: text(.day(day))),
                            .div(.class("field-row"), .forEach(0..<shiftsPerDay) { shift in
                                .group(
                                    timeField(field(day, shift, "start"), shift == 0 ? text(.opens) : text(.secondShift) + ": " + text(.opens), weekState),
                                    timeField(field(day, shift, "end"), text(.closes), weekState)
                                )
                            }),
                        ])
                    },
                    .div(.class("form-actions"), .button(.type(.submit), .text(page.text(.save))))
                )
            ),
            .section(
                .class("card record-section"),
                .h2(.text("\(text(.holidays)) \(PersianText.digits(String(year), page.display.digits))")),
                .nav(.class("pager"),
                     .a(.href(path.with([("year", String(year - 1))])), .text(text(.previousYear))),
                     .a(.href(path.with([("year", String(year + 1))])), .text(text(.nextYear)))),
                holidays.isEmpty ? .p(.class("empty"), .text(text(.noHolidays))) : .ul(.class("related"), .forEach(holidays) { holiday in
                    .li(.text("\(page.display.day(holiday.day)) · \(holiday.name) "),
                        page.button(text(.removeHoliday), posting: path.path + "/holidays/\(holiday.id!.uuidString.lowercased())/delete",
                                    hidden: [("year", String(year))]))
                }),
                page.form(
                    action: path.path + "/holidays",
                    FormBanner.node(holidayState, display: page.display),
                    .div(.class("field-row"),
                         FormField("day", text(.holidayDay), in: holidayState, isRequired: true).date.node,
                         FormField("name", text(.holidayName), in: holidayState, isRequired: true).node),
                    .div(.class("form-actions"), .button(.type(.submit), .text(text(.addHoliday))))
                )
            )
        ))
    }

    private static func timeField(_ name: String, _ label: String, _ state: FormState) -> Node<HTML.FormContext> {
        var field = FormField(name, label, in: state)
        field.isLeftToRight = true
        return field.node
    }

    /// `۵۰` or `۴۷٫۵` hours.
    private static func hours(_ value: Double, _ display: Display) -> String {
        let whole = Int(value)
        guard Double(whole) != value else { return display.number(whole) }
        return display.number(whole) + (display.language == .fa ? "٫" : ".") + PersianText.digits(String(Int((value - Double(whole)) * 10)), display.digits)
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(path.pathComponents, use: show)
        routes.post(path.pathComponents, use: saveWeek)
        routes.post((path.path + "/holidays").pathComponents, use: addHoliday)
        routes.post((path.path + "/holidays/:id/delete").pathComponents, use: removeHoliday)
    }
}
