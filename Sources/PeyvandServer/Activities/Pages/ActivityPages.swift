import Foundation
import PeyvandCore
import Vapor

/// Activity actions taken from other pages: the timeline's quick add on a record page.
enum ActivityPages {
    /// Shows a record page again with the quick-add form's state (after a refused add).
    typealias RecordPage = @Sendable (WebPage, UUID, FormState) async throws -> Response

    /// `POST /<resource>/{id}/activities`: adds a note, call, task or meeting about the record and
    /// returns to its timeline; a refused one shows the record page with the form as typed.
    static func quickAdd(_ resource: WebResource, regarding: RegardingType,
                         recordPage: @escaping RecordPage) -> @Sendable (Request) async throws -> Response {
        { request in
            let page = try WebPage(request)
            let id = try idParameter(request)
            let form = try await FormData(request)
            func filled(_ name: String) -> String? {
                form.value(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            var problems = FieldValidator()
            var when: Date?
            if let raw = filled("due_at") {
                when = page.display.parseMoment(raw)
                if when == nil { problems.add("due_at", .invalidFormat) }
            }
            let kind = filled("kind")
            // A meeting has a start; the other kinds have a due time.
            let isMeeting = kind == Activity.Kind.meeting.rawValue
            let input = ActivityInput(
                provided: ["kind", "subject", "body", isMeeting ? "start_at" : "due_at", "regarding"], kind: kind,
                subject: filled("subject"), body: filled("body"), dueAt: isMeeting ? nil : when, startAt: isMeeting ? when : nil,
                regarding: .init(type: regarding.rawValue, id: id))
            do {
                _ = try await ActivityService(store: page.store).create(input, by: page.context, readProblems: problems)
                return page.redirect(to: SiteURL.record(resource, id).path + "#timeline")
            } catch let error as any DomainError where error.kind == .validation {
                var state = FormState(refused: error, form: form, rowOrigins: [:], language: page.language)
                if isMeeting, let message = state.errors.removeValue(forKey: "start_at") { state.errors["due_at"] = message }
                return try await recordPage(page, id, state)
            }
        }
    }
}
