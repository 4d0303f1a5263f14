import FluentKit
import Foundation

/// A postal address in Iran: province (one of `IranianProvince`'s slugs), city, street line and
/// the 10-digit postal code.
public final class PostalAddress: Fields, @unchecked Sendable {
    @OptionalField(key: "province") public var province: String?
    @OptionalField(key: "city") public var city: String?
    @OptionalField(key: "line") public var line: String?
    @OptionalField(key: "postal_code") public var postalCode: String?

    public init() {}

    /// Written out, not reflected per instance (see `Contact.properties`); checked by `ModelPropertyListTests`.
    public var properties: [any AnyProperty] { [_province, _city, _line, _postalCode] }

    var snapshot: JSONValue {
        .object(["province": .from(province), "city": .from(city), "line": .from(line), "postal_code": .from(postalCode)])
    }
}

/// A phone number as shown (`number`, E.164 for Iranian numbers) with its label; its matching key
/// lives in `contact_points`.
public struct PhoneNumber: Codable, Sendable, Equatable {
    public enum Label: String, Codable, CaseIterable, Sendable {
        case mobile, work, home, fax, other
    }

    public var number: String
    public var label: String

    public init(number: String, label: String) {
        self.number = number
        self.label = label
    }
}

public struct EmailAddress: Codable, Sendable, Equatable {
    public enum Label: String, Codable, CaseIterable, Sendable {
        case work, personal, other
    }

    public var address: String
    public var label: String

    public init(address: String, label: String) {
        self.address = address
        self.label = label
    }
}
