import FluentKit
import Foundation

/// A tenant: one company using Peyvand. Every business row carries its id.
public final class Organisation: Model, @unchecked Sendable {
    public static let schema = "organisations"

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "version") public var version: Int

    // data fields
    @Field(key: "name") public var name: String
    /// Language new users start with.
    @Field(key: "default_language") public var defaultLanguage: String
    @Field(key: "time_zone") public var timeZone: String
    /// ISO 4217; amounts are integer minor units of it.
    @Field(key: "currency") public var currency: String
    /// How IRR amounts are shown: `rial` or `toman`.
    @Field(key: "money_unit") public var moneyUnit: String
    /// The Jalali month (1 = Farvardin … 12 = Esfand) the fiscal year begins with.
    @Field(key: "fiscal_year_start_month") public var fiscalYearStartMonth: Int

    public init() {}

    public init(name: String) {
        self.id = UUIDv7.make()
        self.version = 1
        self.name = name
        self.defaultLanguage = Language.default.rawValue
        self.timeZone = "Asia/Tehran"
        self.currency = "IRR"
        self.moneyUnit = "toman"
        self.fiscalYearStartMonth = 1
    }
}
