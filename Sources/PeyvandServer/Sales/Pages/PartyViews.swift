import PeyvandCore
import Plot

/// The phones, emails, address and tags that accounts, contacts and leads share: one form
/// section and one read-only section, so the three record pages look and behave alike.
enum PartyViews {
    /// Rows offered on a form: every stored one plus blanks to add more.
    static let blankRows = 1
    static let minimumPhoneRows = 2

    static let shape = FormData.Shape(rows: ["phones", "emails"], commaSeparated: ["tags"])

    /// The form values of a stored record, named as the form names them.
    static func values(of record: some PartyRecord, display: Display) -> [String: String] {
        var values: [String: String] = [:]
        for (index, phone) in record.phones.enumerated() {
            values["phones.\(index).number"] = phone.number
            values["phones.\(index).label"] = phone.label
        }
        for (index, email) in record.emails.enumerated() {
            values["emails.\(index).address"] = email.address
            values["emails.\(index).label"] = email.label
        }
        values["address.province"] = record.address.province
        values["address.city"] = record.address.city
        values["address.line"] = record.address.line
        values["address.postal_code"] = record.address.postalCode
        values["tags"] = record.tags.joined(separator: display.language == .fa ? "، " : ", ")
        return values
    }

    static func formSection(_ state: FormState, display: Display) -> Node<HTML.FormContext> {
        let language = display.language
        func text(_ key: SalesText) -> String { key.text(in: language) }
        let phoneRows = max(minimumPhoneRows, rowCount("phones", in: state) + blankRows)
        let emailRows = max(1, rowCount("emails", in: state) + blankRows)
        return .group(
            .element(named: "fieldset", nodes: [
                .class("form-section"),
                .element(named: "legend", text: text(.contactDetails)),
                .forEach(0..<phoneRows) { index in
                    .div(.class("field-row"),
                         FormField("phones.\(index).number", "\(text(.phone)) \(display.number(index + 1))", in: state,
                                   control: .input(.tel), isLeftToRight: true).node,
                         FormField("phones.\(index).label", text(.label), in: state,
                                   control: .select(SalesText.options(PhoneNumber.Label.self, in: language))).node)
                },
                .forEach(0..<emailRows) { index in
                    .div(.class("field-row"),
                         FormField("emails.\(index).address", "\(text(.email)) \(display.number(index + 1))", in: state,
                                   control: .input(.email), isLeftToRight: true).node,
                         FormField("emails.\(index).label", text(.label), in: state,
                                   control: .select(SalesText.options(EmailAddress.Label.self, in: language))).node)
                },
            ]),
            .element(named: "fieldset", nodes: [
                .class("form-section"),
                .element(named: "legend", text: text(.address)),
                .div(.class("field-row"),
                     FormField("address.province", text(.province), in: state, control: .select(SalesText.provinces(in: language))).node,
                     FormField("address.city", text(.city), in: state).node),
                FormField("address.line", text(.addressLine), in: state).node,
                FormField("address.postal_code", text(.postalCode), in: state, isLeftToRight: true).node,
            ]),
            FormField("tags", text(.tags), in: state, hint: text(.tagsHint)).node
        )
    }

    /// Phones, emails, address and tags of a record page.
    static func details(of record: some PartyRecord, display: Display) -> [(String, Node<HTML.BodyContext>)] {
        let language = display.language
        let address = [SalesText.provinceName(record.address.province, in: language), record.address.city, record.address.line,
                       record.address.postalCode].compactMap { $0 }.filter { !$0.isEmpty }
        var rows: [(String, Node<HTML.BodyContext>)] = []
        if !record.phones.isEmpty {
            rows.append((SalesText.phones.text(in: language), .forEach(record.phones) { phone in
                .div(.a(.href("tel:\(phone.number)".attributeEscaped), .attribute(named: "dir", value: "ltr"), .text(phone.number)),
                     .text(" · " + SalesText.value(phone.label, in: language)))
            }))
        }
        if !record.emails.isEmpty {
            rows.append((SalesText.emails.text(in: language), .forEach(record.emails) { email in
                .div(.a(.href("mailto:\(email.address)".attributeEscaped), .attribute(named: "dir", value: "ltr"), .text(email.address)))
            }))
        }
        if !address.isEmpty {
            rows.append((SalesText.address.text(in: language), .text(address.joined(separator: language == .fa ? "، " : ", "))))
        }
        if !record.tags.isEmpty {
            rows.append((SalesText.tags.text(in: language), .forEach(record.tags) { .span(.class("tag"), .text($0)) }))
        }
        return rows
    }

    private static func rowCount(_ list: String, in state: FormState) -> Int {
        let indexes = state.values.keys.compactMap { key -> Int? in
            let parts = key.split(separator: ".")
            return parts.count == 3 && parts[0] == Substring(list) ? Int(parts[1]) : nil
        }
        return (indexes.max() ?? -1) + 1
    }
}
