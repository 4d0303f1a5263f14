import Foundation
import PeyvandCore

/// API shapes of sales records (the API is not the table).
struct AddressDTO: Encodable {
    var province: String?
    var provinceName: String?
    var city: String?
    var line: String?
    var postalCode: String?

    init(_ address: PostalAddress, language: Language) {
        province = address.province
        provinceName = address.province.flatMap(IranianProvince.init(rawValue:)).map { language == .fa ? $0.persianName : $0.englishName }
        (city, line, postalCode) = (address.city, address.line, address.postalCode)
    }
}

struct PhoneDTO: Encodable {
    var number: String
    var label: String
}

struct EmailDTO: Encodable {
    var address: String
    var label: String
}

struct AccountDTO: Encodable {
    var id: UUID
    var name: String
    var kind: String
    var industry: String?
    var website: String?
    var nationalId: String?
    var economicCode: String?
    var parentId: UUID?
    var description: String?
    var address: AddressDTO
    var phones: [PhoneDTO]
    var emails: [EmailDTO]
    var tags: [String]
    var ownerId: UUID?
    var ownerTeamId: UUID?
    var becameCustomerAt: Date?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ account: Account, language: Language) {
        (id, name, kind, industry, website) = (account.id!, account.name, account.kind, account.industry, account.website)
        (nationalId, economicCode, parentId, description) = (account.nationalID, account.economicCode, account.parentID, account.details)
        address = AddressDTO(account.address, language: language)
        phones = account.phones.map { PhoneDTO(number: $0.number, label: $0.label) }
        emails = account.emails.map { EmailDTO(address: $0.address, label: $0.label) }
        (tags, ownerId, ownerTeamId, becameCustomerAt) = (account.tags, account.ownerUserID, account.ownerTeamID, account.becameCustomerAt)
        (version, createdAt, updatedAt) = (account.version, account.createdAt, account.updatedAt)
    }
}

struct ContactPreferencesDTO: Encodable {
    var optedOut: [String]
    var preferredChannel: String?
    var preferredTime: String
    var language: String?

    init(_ preferences: ContactPreferences) {
        optedOut = preferences.optedOut.map(\.rawValue)
        (preferredChannel, preferredTime, language) = (preferences.preferredChannel?.rawValue, preferences.preferredTime.rawValue, preferences.language)
    }
}

struct ContactDTO: Encodable {
    var id: UUID
    var firstName: String?
    var lastName: String
    var fullName: String
    var gender: String
    var birthDate: String?
    var birthDateJalali: String?
    var jobTitle: String?
    var accountId: UUID?
    var leadSource: String?
    var description: String?
    var address: AddressDTO
    var phones: [PhoneDTO]
    var emails: [EmailDTO]
    var tags: [String]
    var preferences: ContactPreferencesDTO
    var ownerId: UUID?
    var ownerTeamId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ contact: Contact, language: Language) {
        (id, firstName, lastName, fullName, gender) = (contact.id!, contact.firstName, contact.lastName, contact.fullName, contact.gender)
        birthDate = contact.birthDate
        birthDateJalali = contact.birthDate.flatMap(Self.jalali)
        (jobTitle, accountId, leadSource, description) = (contact.jobTitle, contact.accountID, contact.leadSource, contact.details)
        address = AddressDTO(contact.address, language: language)
        phones = contact.phones.map { PhoneDTO(number: $0.number, label: $0.label) }
        emails = contact.emails.map { EmailDTO(address: $0.address, label: $0.label) }
        (tags, preferences) = (contact.tags, ContactPreferencesDTO(contact.preferences))
        (ownerId, ownerTeamId) = (contact.ownerUserID, contact.ownerTeamID)
        (version, createdAt, updatedAt) = (contact.version, contact.createdAt, contact.updatedAt)
    }

    /// `1991-08-03` → `1370/05/12`.
    static func jalali(_ day: String) -> String? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = JalaliDate(gregorianYear: parts[0], month: parts[1], day: parts[2]) else { return nil }
        return date.formatted(digits: .ascii, style: .numeric)
    }
}

struct LeadDTO: Encodable {
    var id: UUID
    var firstName: String?
    var lastName: String
    var fullName: String
    var company: String?
    var jobTitle: String?
    var source: String
    var campaignId: UUID?
    var status: String
    var disqualifiedReason: String?
    var score: Int
    var description: String?
    var address: AddressDTO
    var phones: [PhoneDTO]
    var emails: [EmailDTO]
    var tags: [String]
    var ownerId: UUID?
    var ownerTeamId: UUID?
    var convertedAt: Date?
    var convertedAccountId: UUID?
    var convertedContactId: UUID?
    var convertedOpportunityId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ lead: Lead, language: Language) {
        (id, firstName, lastName, fullName, company) = (lead.id!, lead.firstName, lead.lastName, lead.fullName, lead.company)
        (jobTitle, source, campaignId, status) = (lead.jobTitle, lead.source, lead.campaignID, lead.status)
        (disqualifiedReason, score, description) = (lead.disqualifiedReason, lead.score, lead.details)
        address = AddressDTO(lead.address, language: language)
        phones = lead.phones.map { PhoneDTO(number: $0.number, label: $0.label) }
        emails = lead.emails.map { EmailDTO(address: $0.address, label: $0.label) }
        (tags, ownerId, ownerTeamId) = (lead.tags, lead.ownerUserID, lead.ownerTeamID)
        (convertedAt, convertedAccountId, convertedContactId, convertedOpportunityId) =
            (lead.convertedAt, lead.convertedAccountID, lead.convertedContactID, lead.convertedOpportunityID)
        (version, createdAt, updatedAt) = (lead.version, lead.createdAt, lead.updatedAt)
    }
}

struct LeadConversionDTO: Encodable {
    var lead: LeadDTO
    var account: AccountDTO?
    var contact: ContactDTO
    var opportunity: OpportunityDTO?

    init(_ result: LeadConversionResult, language: Language) {
        lead = LeadDTO(result.lead, language: language)
        account = result.account.map { AccountDTO($0, language: language) }
        contact = ContactDTO(result.contact, language: language)
        opportunity = result.opportunity.map { OpportunityDTO($0) }
    }
}
