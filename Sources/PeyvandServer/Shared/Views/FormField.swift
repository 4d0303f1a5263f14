import PeyvandCore
import Plot

/// A labelled input with its error message right beside it, in the reader's language.
/// The submitted value is always written back, so nothing a user typed is lost on an error.
struct FormField {
    var name: String
    var label: String
    var type: HTMLInputType = .text
    var value: String?
    var error: String?
    var isRequired = false
    var autocomplete: String?
    /// Emails, phone numbers and codes read left to right even on a Persian page.
    var isLeftToRight = false

    var node: Node<HTML.FormContext> {
        let inputID = "field-\(name)"
        let errorID = "\(inputID)-error"
        return .div(
            .class(error == nil ? "field" : "field has-error"),
            .label(.for(inputID), .text(label)),
            .input(
                .id(inputID), .name(name), .type(type),
                .attribute(named: "value", value: value),
                .required(isRequired),
                .attribute(named: "autocomplete", value: autocomplete),
                .attribute(named: "dir", value: isLeftToRight ? "ltr" : nil),
                .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                .attribute(named: "aria-describedby", value: error == nil ? nil : errorID)
            ),
            .unwrap(error) { .p(.id(errorID), .class("field-error"), .text($0)) }
        )
    }
}
