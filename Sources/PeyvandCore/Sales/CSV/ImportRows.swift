import Foundation

/// Turns one CSV row (field → text, blanks left out) into the same inputs the API builds, so an
/// imported record passes exactly the rules of a record made by hand. Persian digits, Jalali
/// dates and Persian enum words are understood by the inputs' own parsers or mapped here.
enum ImportRows {
    static func party(_ values: [String: String], existing: (any PartyRecord)? = nil) -> PartyInput {
        var phones: [PartyInput.Phone] = existing?.phones.map { PartyInput.Phone(number: $0.number, label: $0.label) } ?? []
        if let mobile = values["mobile"] { phones.append(PartyInput.Phone(number: mobile, label: PhoneNumber.Label.mobile.rawValue)) }
        if let phone = values["phone"] { phones.append(PartyInput.Phone(number: phone, label: nil)) }
        var emails: [PartyInput.Email] = existing?.emails.map { PartyInput.Email(address: $0.address, label: $0.label) } ?? []
        if let email = values["email"] { emails.append(PartyInput.Email(address: email, label: nil)) }
        let addressFields = ["province", "city", "address", "postal_code"]
        var address: PartyInput.Address?
        if addressFields.contains(where: { values[$0] != nil }) {
            let current = existing?.address
            address = PartyInput.Address(province: values["province"] ?? current?.province, city: values["city"] ?? current?.city,
                                         line: values["address"] ?? current?.line, postalCode: values["postal_code"] ?? current?.postalCode)
        }
        var tags = values["tags"].map(splitTags)
        if let tags0 = tags, let current = existing?.tags {
            tags = current + tags0
        }
        let addsPhones = values["mobile"] != nil || values["phone"] != nil
        return PartyInput(phones: addsPhones || existing == nil ? phones : nil, emails: values["email"] != nil || existing == nil ? emails : nil,
                          address: address, tags: tags)
    }

    static func splitTags(_ text: String) -> [String] {
        text.split(whereSeparator: { ",;،؛|".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Field names the inputs use for the columns present (`address` stands for the whole address).
    static func provided(_ values: [String: String]) -> Set<String> {
        Set(values.keys.map { ["province", "city", "postal_code"].contains($0) ? "address" : $0 })
    }

    static func account(_ values: [String: String], existing: Account? = nil) -> AccountInput {
        AccountInput(provided: provided(values), name: values["name"], kind: values["kind"].map(kind), industry: values["industry"],
                     website: values["website"], nationalID: values["national_id"], economicCode: values["economic_code"],
                     description: values["description"], party: party(values, existing: existing))
    }

    static func contact(_ values: [String: String], accountID: UUID?, existing: Contact? = nil) -> ContactInput {
        var provided = provided(values)
        if accountID != nil { provided.insert("account_id") }
        return ContactInput(provided: provided, firstName: values["first_name"], lastName: values["last_name"],
                            gender: values["gender"].map(gender), birthDate: values["birth_date"], jobTitle: values["job_title"],
                            accountID: accountID, leadSource: values["lead_source"], description: values["description"],
                            party: party(values, existing: existing))
    }

    static func lead(_ values: [String: String], existing: Lead? = nil) -> LeadInput {
        let score = values["score"].map { PersianText.toASCIIDigits($0).trimmingCharacters(in: .whitespaces) }
        return LeadInput(provided: provided(values), firstName: values["first_name"], lastName: values["last_name"],
                         company: values["company"], jobTitle: values["job_title"], source: values["source"],
                         status: values["status"], score: score.flatMap { Int($0) ?? -1 }, description: values["description"],
                         party: party(values, existing: existing))
    }

    static func gender(_ text: String) -> String {
        switch PersianText.normalized(text) {
        case "زن", "خانم", "f", "female", "woman": Contact.Gender.female.rawValue
        case "مرد", "اقا", "آقا", "m", "male", "man": Contact.Gender.male.rawValue
        default: PersianText.normalized(text)
        }
    }

    static func kind(_ text: String) -> String {
        switch PersianText.normalized(text) {
        case "مشتری": Account.Kind.customer.rawValue
        case "مشتری بالقوه", "سرنخ": Account.Kind.prospect.rawValue
        case "شریک", "همکار": Account.Kind.partner.rawValue
        case "رقیب": Account.Kind.competitor.rawValue
        default: PersianText.normalized(text)
        }
    }
}
