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

    /// `list_price` in minor units (rials; any digits and grouping), `currency` with it, `tax_rate` in
    /// percent (`9`, `۹٫۵`) and `active` as yes or no in either language. A value that cannot be read
    /// is refused on its own column. An update row without a price keeps the product's price.
    static func product(_ values: [String: String], existing: Product? = nil, into validator: inout FieldValidator) -> ProductInput {
        var listPrice: ProductInput.ListPrice?
        if let price = values["list_price"] {
            if let amount = wholeNumber(price) { listPrice = ProductInput.ListPrice(amountMinor: amount, currency: values["currency"]) }
            else { validator.add("list_price", .invalidFormat) }
        } else if let currency = values["currency"] {
            listPrice = ProductInput.ListPrice(amountMinor: existing?.listPriceMinor, currency: currency)
        }
        var taxRateBP: Int?
        if let rate = values["tax_rate"] {
            taxRateBP = percentInBasisPoints(rate)
            if taxRateBP == nil { validator.add("tax_rate", .invalidFormat) }
        }
        var isActive: Bool?
        if let active = values["active"] {
            isActive = yesOrNo(active)
            if isActive == nil { validator.add("active", .unknownValue) }
        }
        return ProductInput(provided: Set(values.keys), sku: values["sku"], nameFa: values["name_fa"], nameEn: values["name_en"],
                            productLine: values["product_line"], unit: values["unit"], listPrice: listPrice, taxRateBP: taxRateBP,
                            isActive: isActive, description: values["description"])
    }

    static func wholeNumber(_ text: String) -> Int64? {
        Int64(PersianText.toASCIIDigits(text).filter { !",٬ \u{200C}".contains($0) })
    }

    /// `9` → 900, `9.5` / `۹٫۵` / `9.5%` → 950; nil beyond two decimals or outside 0…100 %.
    static func percentInBasisPoints(_ text: String) -> Int? {
        let plain = PersianText.toASCIIDigits(text).replacingOccurrences(of: "٫", with: ".").filter { !"% ٪".contains($0) }
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0 else { return nil }
        var hundredths = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isASCII), let fraction = Int(parts[1]) else { return nil }
            hundredths = parts[1].count == 1 ? fraction * 10 : fraction
        }
        let basisPoints = whole * 100 + hundredths
        return basisPoints <= ProductInput.maximumTaxRateBP ? basisPoints : nil
    }

    static func yesOrNo(_ text: String) -> Bool? {
        switch PersianText.normalized(text) {
        case "yes", "y", "true", "1", "active", "بله", "بلی", "آری", "اری", "فعال": true
        case "no", "n", "false", "0", "inactive", "خیر", "نه", "غیرفعال", "غیر فعال": false
        default: nil
        }
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
