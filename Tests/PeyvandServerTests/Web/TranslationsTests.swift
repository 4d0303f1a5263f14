import PeyvandCore
@testable import PeyvandServer
import Testing

/// Every stored value a page names (kinds, statuses, channels, sources) reads in both languages.
/// Labels are `switch`es checked by the compiler; these names are looked up by their stored
/// value, so this test is what fails when a new value arrives without its translations.
@Suite("Web translations")
struct TranslationsTests {
    static func names<Values: CaseIterable & RawRepresentable>(_ type: Values.Type) -> [String] where Values.RawValue == String {
        type.allCases.map(\.rawValue)
    }

    @Test func every_sales_value_has_a_persian_and_an_english_name() {
        let values = Self.names(Contact.Gender.self) + Self.names(Lead.Source.self) + Self.names(Lead.Status.self)
            + Self.names(ContactPreferences.Channel.self) + Self.names(ContactPreferences.TimeOfDay.self)
            + Self.names(PhoneNumber.Label.self) + Self.names(EmailAddress.Label.self) + Self.names(Account.Kind.self)
            + Self.names(Opportunity.Status.self) + Self.names(PipelineStage.Outcome.self) + Self.names(DuplicateCandidate.Reason.self)
            + Self.names(PeyvandCore.Language.self)
        for value in values {
            let persian = SalesText.value(value, in: .fa), english = SalesText.value(value, in: .en)
            #expect(persian != value && english != value, "\(value) lacks a name")
            #expect(persian.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(value) has no Persian name")
        }
    }

    @Test func every_case_and_queue_value_has_both_names() {
        let values = Self.names(SupportCase.CaseType.self) + Self.names(SupportCase.Channel.self) + Self.names(SupportCase.Priority.self)
            + Self.names(SupportCase.Status.self) + Self.names(CaseComment.Visibility.self) + Self.names(ServiceQueue.AssignmentMode.self)
            + CaseInput.languages
        for value in values {
            let persian = CaseText.value(value, in: .fa), english = CaseText.value(value, in: .en)
            #expect(persian != value && english != value, "\(value) lacks a name")
            #expect(persian.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(value) has no Persian name")
        }
    }

    @Test func every_document_and_activity_status_has_both_names() {
        for value in Self.names(SalesOrder.Status.self) + Self.names(Invoice.Status.self) + Self.names(Payment.Method.self) {
            #expect(DocumentText.status(value, in: .fa) != value && DocumentText.status(value, in: .en) != value, "\(value)")
        }
        for value in Self.names(Quote.Status.self) {
            #expect(QuoteText.status(value, in: .fa) != value && QuoteText.status(value, in: .en) != value, "\(value)")
        }
        for value in Self.names(Activity.Kind.self) + Self.names(Activity.Status.self) + Self.names(Activity.Priority.self)
            + Self.names(Activity.Direction.self) {
            #expect(ActivityText.kind(value, in: .fa) != value && ActivityText.kind(value, in: .en) != value, "\(value)")
        }
        for status in Self.names(DataImport.Status.self) {
            #expect(ImportText.status(status).text(in: .fa) != ImportText.status("failed").text(in: .fa) || status == "failed", "\(status)")
        }
    }
}
