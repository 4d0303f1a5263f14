import PeyvandCore
import Vapor

/// Saves a submitted form through the same reader and services as the API, so a page and the
/// API accept and refuse exactly the same input. A refusal the user can fix (bad values, a
/// duplicate, a stale version) comes back as the form's state; anything else is thrown.
enum FormSubmission {
    enum Outcome<Record> {
        case saved(Record)
        case refused(FormState)
    }

    /// `prepare` turns page-only fields into the API's (e.g. an amount typed in Tomans into minor units).
    static func run<Record>(_ form: FormData, shape: FormData.Shape, language: PeyvandCore.Language,
                            prepare: (inout [String: JSONValue]) -> Void = { _ in },
                            save: (inout FieldReader) async throws -> Record) async throws -> Outcome<Record> {
        var (object, rowOrigins) = form.json(shape)
        prepare(&object)
        var reader = FieldReader(form: object)
        do {
            return .saved(try await save(&reader))
        } catch let error as any DomainError where Self.userCanFix(error.kind) {
            return .refused(FormState(refused: error, form: form, rowOrigins: rowOrigins, language: language))
        }
    }

    /// Refusals a form shows beside its fields (bad values, a duplicate, a stale version); anything
    /// else (forbidden, not found) is the page's own error.
    static func userCanFix(_ kind: DomainErrorKind) -> Bool {
        switch kind {
        case .validation, .conflict, .preconditionFailed: true
        default: false
        }
    }
}
