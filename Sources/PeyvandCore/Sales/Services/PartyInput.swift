import FluentKit
import Foundation

/// The reachable-at details accounts, contacts and leads share (phones, emails, address, tags) as
/// a client sends them. `nil` leaves a part unchanged on update; an empty list clears it.
public struct PartyInput: Sendable {
    public struct Phone: Sendable {
        public var number: String?
        public var label: String?
        public init(number: String?, label: String?) { self.number = number; self.label = label }
    }

    public struct Email: Sendable {
        public var address: String?
        public var label: String?
        public init(address: String?, label: String?) { self.address = address; self.label = label }
    }

    public struct Address: Sendable {
        public var province: String?
        public var city: String?
        public var line: String?
        public var postalCode: String?
        public init(province: String?, city: String?, line: String?, postalCode: String?) {
            self.province = province; self.city = city; self.line = line; self.postalCode = postalCode
        }
    }

    public var phones: [Phone]?
    public var emails: [Email]?
    public var address: Address?
    public var tags: [String]?

    public init(phones: [Phone]? = nil, emails: [Email]? = nil, address: Address? = nil, tags: [String]? = nil) {
        self.phones = phones
        self.emails = emails
        self.address = address
        self.tags = tags
    }

    public static let maximumPhones = 10
    public static let maximumEmails = 10

    /// The details checked and normalised, ready to store, with their matching keys.
    struct Clean {
        var phones: [PhoneNumber]?
        var phoneKeys: [String]?
        var emails: [EmailAddress]?
        var emailKeys: [String]?
        var address: Address?
        var tags: [String]?
    }

    func cleaned(into validator: inout FieldValidator) -> Clean {
        var clean = Clean()
        if let phones {
            if phones.count > Self.maximumPhones { validator.add("phones", .tooLong) }
            var numbers: [PhoneNumber] = [], keys: [String] = []
            for (index, phone) in phones.enumerated() {
                guard let raw = phone.number, let parsed = Self.phone(raw) else {
                    validator.add("phones.\(index).number", phone.number == nil ? .required : .invalidFormat)
                    continue
                }
                let label = phone.label ?? (parsed.isMobile ? PhoneNumber.Label.mobile.rawValue : PhoneNumber.Label.work.rawValue)
                if PhoneNumber.Label(rawValue: label) == nil { validator.add("phones.\(index).label", .unknownValue) }
                if !keys.contains(parsed.key) {
                    numbers.append(PhoneNumber(number: parsed.display, label: label))
                    keys.append(parsed.key)
                }
            }
            (clean.phones, clean.phoneKeys) = (numbers, keys)
        }
        if let emails {
            if emails.count > Self.maximumEmails { validator.add("emails", .tooLong) }
            var addresses: [EmailAddress] = [], keys: [String] = []
            for (index, email) in emails.enumerated() {
                guard let raw = email.address?.trimmingCharacters(in: .whitespacesAndNewlines), FieldValidator.isEmail(raw) else {
                    validator.add("emails.\(index).address", email.address == nil ? .required : .invalidEmail)
                    continue
                }
                let label = email.label ?? EmailAddress.Label.work.rawValue
                if EmailAddress.Label(rawValue: label) == nil { validator.add("emails.\(index).label", .unknownValue) }
                let key = Self.emailKey(raw)
                if !keys.contains(key) {
                    addresses.append(EmailAddress(address: raw, label: label))
                    keys.append(key)
                }
            }
            (clean.emails, clean.emailKeys) = (addresses, keys)
        }
        if let address {
            var result = Address(province: nil, city: nil, line: nil, postalCode: nil)
            if let province = address.province?.trimmingCharacters(in: .whitespaces), !province.isEmpty {
                if let match = IranianProvince.matching(province) { result.province = match.rawValue }
                else { validator.add("address.province", .unknownValue) }
            }
            validator.text(address.city, "address.city", required: false, max: 100)
            validator.text(address.line, "address.line", required: false, max: 500)
            result.city = Self.trimmed(address.city)
            result.line = Self.trimmed(address.line)
            if let code = Self.trimmed(address.postalCode) {
                let digits = PersianText.toASCIIDigits(code).filter { $0 != "-" && $0 != " " }
                if digits.count == 10, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) { result.postalCode = digits }
                else { validator.add("address.postal_code", .invalidFormat) }
            }
            clean.address = result
        }
        if let tags { clean.tags = RecordTags.clean(tags, into: &validator) }
        return clean
    }

    /// An Iranian number in any common spelling (key: `09121234567`, shown as E.164), or an
    /// international one written with `+` or `00` (key and display: `+` and its digits).
    static func phone(_ raw: String) -> (key: String, display: String, isMobile: Bool)? {
        if let iranian = IranianPhone(raw) { return (iranian.national, iranian.e164, iranian.isMobile) }
        let ascii = PersianText.toASCIIDigits(raw.trimmingCharacters(in: .whitespaces))
        guard ascii.hasPrefix("+") || ascii.hasPrefix("00"),
              ascii.allSatisfy({ $0.isASCII && ($0.isNumber || " -()+".contains($0)) })
        else { return nil }
        var digits = String(ascii.filter(\.isNumber))
        if ascii.hasPrefix("00") { digits = String(digits.dropFirst(2)) }
        guard (8...15).contains(digits.count) else { return nil }
        return ("+" + digits, "+" + digits, false)
    }

    static func emailKey(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func trimmed(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}

extension PostalAddress {
    func apply(_ address: PartyInput.Address) {
        province = address.province
        city = address.city
        line = address.line
        postalCode = address.postalCode
    }
}

/// Keeps `contact_points` in step with a record's phones and emails; call in its write transaction.
enum ContactPoints {
    static func replace(phoneKeys: [String]?, emailKeys: [String]?, of recordType: String, _ recordID: UUID,
                        organisationID: UUID, on database: any Database) async throws {
        for (kind, keys) in [(ContactPoint.Kind.phone, phoneKeys), (.email, emailKeys)] {
            guard let keys else { continue }
            try await ContactPoint.query(on: database).filter(\.$recordID == recordID).filter(\.$kind == kind.rawValue).delete()
            for key in keys {
                try await ContactPoint(organisationID: organisationID, recordType: recordType, recordID: recordID, kind: kind, key: key)
                    .create(on: database)
            }
        }
    }

    static func keys(of phones: [PhoneNumber]) -> [String] {
        phones.compactMap { PartyInput.phone($0.number)?.key }
    }

    static func keys(of emails: [EmailAddress]) -> [String] {
        emails.map { PartyInput.emailKey($0.address) }
    }
}
