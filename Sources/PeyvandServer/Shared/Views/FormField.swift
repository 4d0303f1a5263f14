import PeyvandCore
import Plot

/// A labelled control with its error message right beside it, in the reader's language.
/// The submitted value is always written back, so nothing a user typed is lost on an error.
struct FormField {
    enum Control {
        case input(HTMLInputType)
        case textarea
        /// A drop-down of (value, label); the first option is a blank "—" unless `isRequired`.
        case select([(value: String, label: String)])
        /// Tick boxes sharing the field name; `values` holds the ticked ones.
        case checkboxes([(value: String, label: String)], ticked: Set<String>)
    }

    var name: String
    var label: String
    var control: Control = .input(.text)
    var value: String?
    var error: String?
    var isRequired = false
    var autocomplete: String?
    /// Emails, phone numbers and codes read left to right even on a Persian page.
    var isLeftToRight = false
    var hint: String?
    /// The control's id when the same field appears more than once on a page (board cards).
    private var explicitID: String?
    /// A day (or day and time) typed as text; the script adds a calendar in the page's calendar.
    var isDate = false
    /// The file types a file input offers (`.csv,text/csv`).
    var accept: String?
    /// Where the script fetches suggestions while the user types (a text box naming a record),
    /// and the hidden field it stores the picked record's id in.
    var suggestionsURL: String?
    var pickedIDField: String?

    init(name: String, label: String, type: HTMLInputType = .text, value: String? = nil, error: String? = nil,
         isRequired: Bool = false, autocomplete: String? = nil, isLeftToRight: Bool = false, hint: String? = nil) {
        self.init(name: name, label: label, control: .input(type), value: value, error: error, isRequired: isRequired,
                  autocomplete: autocomplete, isLeftToRight: isLeftToRight, hint: hint)
    }

    init(name: String, label: String, control: Control, value: String? = nil, error: String? = nil,
         isRequired: Bool = false, autocomplete: String? = nil, isLeftToRight: Bool = false, hint: String? = nil) {
        self.name = name
        self.label = label
        self.control = control
        self.value = value
        self.error = error
        self.isRequired = isRequired
        self.autocomplete = autocomplete
        self.isLeftToRight = isLeftToRight
        self.hint = hint
    }

    /// A field whose value and error come from the form's state.
    init(_ name: String, _ label: String, in state: FormState, control: Control = .input(.text), isRequired: Bool = false,
         isLeftToRight: Bool = false, hint: String? = nil) {
        self.init(name: name, label: label, control: control, value: state.values[name], error: state.errors[name],
                  isRequired: isRequired, isLeftToRight: isLeftToRight, hint: hint)
    }

    private func option(_ optionValue: String, _ label: String) -> Node<HTML.FormContext> {
        .element(named: "option", nodes: [
            .attribute(named: "value", value: optionValue.attributeEscaped, ignoreIfValueIsEmpty: false),
            .attribute(named: "selected", value: optionValue == (value ?? "") ? "selected" : nil),
            .text(label),
        ])
    }

    var inputID: String { explicitID ?? "field-" + name.replacingOccurrences(of: ".", with: "-") }

    /// The same field marked as a date, for the calendar picker.
    var date: FormField {
        var copy = self
        copy.isDate = true
        return copy
    }

    /// The same field offering suggestions from `url` as the user types; picking one stores its
    /// id in the hidden field `idField`.
    func suggesting(from url: String, into idField: String) -> FormField {
        var copy = self
        copy.suggestionsURL = url
        copy.pickedIDField = idField
        return copy
    }

    func accepting(_ types: String) -> FormField {
        var copy = self
        copy.accept = types
        return copy
    }

    func identified(as id: String) -> FormField {
        var copy = self
        copy.explicitID = id
        return copy
    }

    var node: Node<HTML.FormContext> {
        let errorID = "\(inputID)-error"
        let hintID = "\(inputID)-hint"
        let describedBy = [error == nil ? nil : errorID, hint == nil ? nil : hintID].compactMap { $0 }.joined(separator: " ")
        let controlNode: Node<HTML.FormContext>
        switch control {
        case .input(let type):
            controlNode = .input(
                .id(inputID), .name(name), .type(type),
                .attribute(named: "value", value: value?.attributeEscaped),
                .required(isRequired),
                .attribute(named: "autocomplete", value: suggestionsURL == nil ? autocomplete : "off"),
                .attribute(named: "list", value: suggestionsURL == nil ? nil : "\(inputID)-options"),
                .attribute(named: "data-pick", value: suggestionsURL),
                .attribute(named: "data-pick-into", value: pickedIDField),
                .attribute(named: "dir", value: isLeftToRight || isDate ? "ltr" : nil),
                .attribute(named: "data-date", value: isDate ? "true" : nil),
                .attribute(named: "accept", value: accept),
                .attribute(named: "inputmode", value: isDate ? "numeric" : nil),
                .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                .attribute(named: "aria-describedby", value: describedBy.isEmpty ? nil : describedBy))
        case .textarea:
            controlNode = .textarea(
                .id(inputID), .name(name), .attribute(named: "rows", value: "4"),
                .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                .attribute(named: "aria-describedby", value: describedBy.isEmpty ? nil : describedBy),
                .text(value ?? ""))
        case .select(let options):
            // Plot's `select` takes no name and its `option` no text, so these are built as elements.
            let choices: [Node<HTML.FormContext>] = (isRequired ? [] : [("", "—")]) .map { option($0.0, $0.1) }
                + options.map { option($0.value, $0.label) }
            controlNode = .element(named: "select", nodes: [
                .attribute(named: "id", value: inputID), .attribute(named: "name", value: name),
                .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                .attribute(named: "aria-describedby", value: describedBy.isEmpty ? nil : describedBy),
            ] + choices)
        case .checkboxes(let options, let ticked):
            return .element(named: "fieldset", nodes: [
                .class(error == nil ? "field choices" : "field choices has-error"),
                .element(named: "legend", text: label),
                .forEach(options) { option in
                    .label(
                        .class("choice"),
                        .input(.type(.checkbox), .name(name), .value(option.value.attributeEscaped),
                               .attribute(named: "checked", value: ticked.contains(option.value) ? "checked" : nil)),
                        .text(option.label))
                },
                .unwrap(error) { .p(.id(errorID), .class("field-error"), .text($0)) },
            ])
        }
        return .div(
            .class(error == nil ? "field" : "field has-error"),
            .label(.for(inputID), .text(label)),
            controlNode,
            .if(suggestionsURL != nil, .element(named: "datalist", nodes: [.attribute(named: "id", value: "\(inputID)-options")])),
            .unwrap(hint) { .p(.id(hintID), .class("field-hint"), .text($0)) },
            .unwrap(error) { .p(.id(errorID), .class("field-error"), .text($0)) }
        )
    }
}

/// What a form shows: the values as the user typed them (or as stored, on a fresh edit form),
/// the message beside each bad field, and one message for the form as a whole.
struct FormState {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var formError: String?
    /// Likely twins the service found on create; the form offers to save anyway.
    var duplicates: [DuplicateCandidate] = []
    var hiddenDuplicates = 0
    /// Set when someone else saved first: the stored version a second submit overwrites.
    var currentVersion: Int?

    /// The state after the service refused `form`: every field error placed beside the control
    /// the user filled in (row lists re-indexed back to the rows as typed).
    init(refused error: any DomainError, form: FormData, rowOrigins: [String: [Int]], language: PeyvandCore.Language) {
        values = form.typed
        formError = Messages.title(error.code, in: language)
        for fieldError in error.fieldErrors {
            let name = Self.typedName(of: fieldError.field, rowOrigins: rowOrigins)
            if errors[name] == nil { errors[name] = Messages.field(fieldError.code, in: language) }
        }
        switch error {
        case SalesError.duplicates(let candidates, let hidden):
            duplicates = candidates
            hiddenDuplicates = hidden
        case PlatformError.staleVersion(_, let current):
            currentVersion = current
        default:
            break
        }
    }

    init(values: [String: String] = [:]) {
        self.values = values
    }

    private static func typedName(of field: String, rowOrigins: [String: [Int]]) -> String {
        let parts = field.split(separator: ".").map(String.init)
        guard parts.count >= 2, let origins = rowOrigins[parts[0]], let sent = Int(parts[1]), sent < origins.count else { return field }
        return ([parts[0], String(origins[sent])] + parts.dropFirst(2)).joined(separator: ".")
    }
}
