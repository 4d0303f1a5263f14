import Foundation
import PeyvandCore
import Vapor

/// The pages every sales record has, with one flow for all of them: list, record page with
/// timeline, new/edit forms saved through the API's reader and services (errors beside their
/// fields, duplicates offered, a stale edit compared side by side), and delete. A record type
/// supplies the service calls and its views.
protocol RecordPages: Sendable {
    associatedtype Record: SalesRecord
    static var resource: WebResource { get }
    /// What activities on these records are regarding; nil for records without a timeline.
    static var regarding: RegardingType? { get }
    static var shape: FormData.Shape { get }
    /// Whether the pages show or take amounts, so need the organisation's money display unit.
    static var showsMoney: Bool { get }
    /// What the list's bulk form offers for ticked records.
    static var bulkActions: [BulkAction] { get }

    static func list(_ request: Request) async throws -> Response
    static func recordPage(_ page: WebPage, _ id: UUID, _ quickAdd: FormState) async throws -> Response
    static func formPage(_ page: WebPage, state: FormState, record: Record?, status: HTTPStatus) async throws -> Response
    /// A new record's form: empty, or pre-filled from the query (e.g. the account of a new contact).
    static func blankForm(_ request: Request) -> FormState

    static func find(_ id: UUID, page: WebPage) async throws -> Record
    static func saveNew(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Record
    static func saveChanges(_ id: UUID, _ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> Record
    static func delete(_ id: UUID, version: Int?, page: WebPage) async throws
    /// Turns page-only fields into the API's before the shared reader sees them.
    static func prepare(_ object: inout [String: JSONValue], page: WebPage)
    /// The list's bulk actions, one record at a time through the same service checks.
    static func assign(_ id: UUID, to owner: UUID, page: WebPage) async throws
    static func addTag(_ tag: String, to id: UUID, page: WebPage) async throws
    /// A stored record as its edit form's values.
    static func values(of record: Record, display: Display) -> [String: String]
}

extension RecordPages {
    static func blankForm(_ request: Request) -> FormState { FormState() }

    static func prepare(_ object: inout [String: JSONValue], page: WebPage) {}

    static var showsMoney: Bool { false }

    static var bulkActions: [BulkAction] { BulkAction.allCases }

    /// Record types whose `bulkActions` leave out assigning or tagging never reach these.
    static func assign(_ id: UUID, to owner: UUID, page: WebPage) async throws {
        throw PlatformError.forbidden(Record.permissionModule, .update)
    }

    static func addTag(_ tag: String, to id: UUID, page: WebPage) async throws {
        throw PlatformError.forbidden(Record.permissionModule, .update)
    }

    @Sendable static func export(_ request: Request) async throws -> Response {
        guard let exported = ExportResource(rawValue: resource.rawValue) else { throw Abort(.notFound) }
        return try await ImportExportAPI.exportResponse(exported, request)
    }

    /// The page of a request, with the money display unit when this record type needs it.
    static func webPage(_ request: Request) async throws -> WebPage {
        var page = try WebPage(request)
        if showsMoney { try await page.loadMoneySettings() }
        return page
    }

    /// `?allow_duplicate` ticked on the form after the duplicate warning.
    static func allowsDuplicate(_ form: FormData) -> Bool { form.value("allow_duplicate") == "1" }

    static func expectedVersion(_ form: FormData) -> Int? { form.value("version").flatMap(Int.init) }

    @Sendable static func show(_ request: Request) async throws -> Response {
        try await recordPage(try await webPage(request), try idParameter(request), FormState())
    }

    @Sendable static func new(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        try page.context.require(Record.permissionModule, .create)
        return try await formPage(page, state: blankForm(request), record: nil, status: .ok)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let form = try await FormData(request)
        switch try await FormSubmission.run(form, shape: shape, language: page.language, prepare: { prepare(&$0, page: page) },
                                            save: { try await saveNew(&$0, form: form, page: page) }) {
        case .saved(let record): return page.redirect(to: SiteURL.record(resource, record.id).path)
        case .refused(let state): return try await formPage(page, state: state, record: nil, status: .unprocessableEntity)
        }
    }

    @Sendable static func edit(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let record = try await find(try idParameter(request), page: page)
        // A form nobody could save is not offered: typing into it would be lost on the 403.
        guard record.permits(.update, by: page.context) else { throw PlatformError.forbidden(Record.permissionModule, .update) }
        return try await formPage(page, state: FormState(values: values(of: record, display: page.display)), record: record, status: .ok)
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        switch try await FormSubmission.run(form, shape: shape, language: page.language, prepare: { prepare(&$0, page: page) },
                                            save: { try await saveChanges(id, &$0, form: form, page: page) }) {
        case .saved: return page.redirect(to: SiteURL.record(resource, id).path)
        case .refused(let state):
            let current = try await find(id, page: page)
            return try await formPage(page, state: state, record: current, status: state.currentVersion == nil ? .unprocessableEntity : .conflict)
        }
    }

    @Sendable static func delete(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let form = try await FormData(request)
        try await delete(try idParameter(request), version: expectedVersion(form), page: page)
        return page.redirect(to: SiteURL.records(resource).path)
    }

    /// `POST /<resource>/bulk`: assign, tag or delete the ticked records. Each record is saved on
    /// its own with the usual permission checks; the list then says how many were done and refused.
    @Sendable static func bulk(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let submission = try await BulkSubmission(request, offered: bulkActions, resource: resource)
        return try await submission.run(on: page) { action, id in
            switch action {
            case .assign: try await assign(id, to: submission.owner!, page: page)
            case .tag: try await addTag(submission.tag, to: id, page: page)
            case .delete: try await delete(id, version: nil, page: page)
            }
        }
    }

    /// Registers the record type's pages on the signed-in web routes.
    static func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.records(resource).pathComponents, use: list)
        routes.get(SiteURL.newRecord(resource).pathComponents, use: new)
        if ExportResource(rawValue: resource.rawValue) != nil { routes.get(SiteURL.export(resource).pathComponents, use: export) }
        routes.post(SiteURL.newRecord(resource).pathComponents, use: create)
        routes.get(SiteURL.record(resource, nil).pathComponents, use: show)
        routes.get(SiteURL.editRecord(resource, nil).pathComponents, use: edit)
        routes.post(SiteURL.editRecord(resource, nil).pathComponents, use: update)
        routes.post(SiteURL.recordAction(resource, nil, "delete").pathComponents, use: delete)
        routes.post(SiteURL.bulk(resource).pathComponents, use: bulk)
        if let regarding {
            routes.post(SiteURL.recordAction(resource, nil, "activities").pathComponents,
                        use: ActivityPages.quickAdd(resource, regarding: regarding, recordPage: recordPage))
        }
    }
}
