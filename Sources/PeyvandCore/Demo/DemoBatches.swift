import Foundation

/// What every batch is made from: the organisation, its owners and pipeline, the time window,
/// and where the numbering of mobiles and e-mails starts. Batches are pure functions of this,
/// the batch number and the records of tables already written.
struct DemoSetting: Sendable {
    struct Stage: Sendable {
        let id: UUID
        let outcome: PipelineStage.Outcome
    }

    struct Sizes: Sendable {
        let accounts: Int, contacts: Int, leads: Int, opportunities: Int, activities: Int, cases: Int, articles: Int
    }

    let organisationID: UUID
    let seed: UInt64
    let currency: String
    /// Picks an index into `ownerIDs`.
    let owners: WeightedChoice<Int>
    let ownerIDs: [UUID]
    let teamIDs: [UUID]
    let pipelineID: UUID
    let stages: [Stage]
    let asOf: Date
    /// Contact points already in the organisation: generated numbers start past them.
    let numberBase: Int
    /// Cases already in the organisation: generated case numbers continue after them.
    let caseNumberBase: Int
    let sizes: Sizes

    static let history: TimeInterval = 3 * 365 * 86_400
    static let day: TimeInterval = 86_400
    var start: Date { asOf.addingTimeInterval(-Self.history) }

    /// Rows are created in index order across the three years, so ids (UUIDv7) follow creation
    /// time and each table's primary key grows at its end, as in real use.
    func createdAt(_ index: Int, of count: Int, _ random: inout DemoRandom) -> Date {
        let slot = (Double(index) + Double(random.next() >> 11) * 0x1p-53) / Double(max(count, 1))
        return start.addingTimeInterval(Self.history * slot - 3_600)
    }

    func owner(_ random: inout DemoRandom) -> (index: UInt8, user: UUID, team: UUID?) {
        let index = owners.pick(&random)
        let team = !teamIDs.isEmpty && random.chance(0.1) ? random.pick(teamIDs) : nil
        return (UInt8(index), ownerIDs[index], team)
    }

    // MARK: Numbers that never repeat

    /// The `sequence`-th generated mobile: a bijection of the sequence number onto the operator
    /// prefixes × 10⁷ subscriber numbers, so mobiles are unique yet look random.
    func mobile(_ sequence: Int) -> String {
        let prefixes = DemoVocabulary.mobilePrefixes
        let space = UInt64(prefixes.count) * 10_000_000
        let x = (UInt64(sequence) % space &* 2_654_435_761 &+ 40_503) % space
        return "0" + prefixes[Int(x / 10_000_000)] + Self.padded(x % 10_000_000, to: 7)
    }

    /// The `sequence`-th generated landline in `province`: 8-digit subscriber numbers from 2… to 9….
    func landline(_ sequence: Int, in province: IranianProvince) -> String {
        let space: UInt64 = 80_000_000
        let x = (UInt64(sequence) % space &* 2_654_435_761 &+ 7_919) % space + 20_000_000
        return "0" + DemoVocabulary.areaCode(of: province) + String(x)
    }

    static func padded(_ value: UInt64, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A phone as `PartyInput` stores it (E.164, labelled), from a national-form number.
    static func phone(_ national: String, label: PhoneNumber.Label) -> PhoneNumber {
        PhoneNumber(number: PartyInput.phone(national)!.display, label: label.rawValue)
    }

    // MARK: Shared pieces

    struct Address {
        var province: IranianProvince
        var city: String
        var line: String?
        var postalCode: String?
    }

    func address(_ random: inout DemoRandom) -> Address {
        let province = DemoVocabulary.provinces.pick(&random)
        var address = Address(province: province, city: random.pick(DemoVocabulary.cities(of: province)))
        if random.chance(0.7) {
            address.line = PersianText.toPersianDigits(
                "\(random.pick(DemoVocabulary.streets))، کوچهٔ \(random.below(40) + 1)، پلاک \(random.below(200) + 1)")
        }
        if random.chance(0.5) {
            var code = ""
            for position in 0..<10 { code.append(String(position < 5 ? random.below(9) + 1 : random.below(10))) }
            address.postalCode = code
        }
        return address
    }

    func tags(_ random: inout DemoRandom, share: Double) -> [String] {
        guard random.chance(share) else { return [] }
        let first = random.pick(DemoVocabulary.tags)
        guard random.chance(0.3) else { return [first] }
        let second = random.pick(DemoVocabulary.tags)
        return second == first ? [first] : [first, second]
    }

    /// A person's name; a few are spelt with Arabic letter forms.
    func person(_ random: inout DemoRandom, gender: Contact.Gender) -> (first: DemoVocabulary.Name, last: DemoVocabulary.Name, display: (String, String)) {
        let list = switch gender {
        case .female: DemoVocabulary.femaleFirstNames
        case .male: DemoVocabulary.maleFirstNames
        case .unspecified: random.chance(0.5) ? DemoVocabulary.femaleFirstNames : DemoVocabulary.maleFirstNames
        }
        let first = random.pick(list), last = random.pick(DemoVocabulary.lastNames)
        if random.chance(0.03) {
            return (first, last, (DemoVocabulary.arabicLetterForms(first.persian), DemoVocabulary.arabicLetterForms(last.persian)))
        }
        return (first, last, (first.persian, last.persian))
    }

    func gender(_ random: inout DemoRandom) -> Contact.Gender {
        let roll = random.below(100)
        return roll < 47 ? .male : roll < 95 ? .female : .unspecified
    }

    /// The company name and web domain of the `sequence`-th generated company: every
    /// prefix × core × suffix once, then again with a number (`… ۲`), so names never repeat.
    func company(_ sequence: Int) -> (name: String, short: String, domain: String) {
        let prefixes = DemoVocabulary.companyPrefixes, cores = DemoVocabulary.companyCores, suffixes = DemoVocabulary.companySuffixes
        let combinations = prefixes.count * cores.count * suffixes.count
        let round = sequence / combinations
        var x = (sequence % combinations * Self.coprimeStep(combinations) + 101) % combinations
        let prefix = prefixes[x % prefixes.count]; x /= prefixes.count
        let core = cores[x % cores.count]; x /= cores.count
        let suffix = suffixes[x]
        let number = round > 0 ? " " + PersianText.toPersianDigits(String(round + 1)) : ""
        let short = "\(core.persian) \(suffix.persian)\(number)"
        return ("\(prefix) \(short)", short, "\(core.latin)\(suffix.latin)\(round > 0 ? String(round + 1) : "").ir")
    }

    private static func coprimeStep(_ modulus: Int) -> Int {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        return [7919, 7927, 7933, 7937, 7949].first { gcd($0, modulus) == 1 }!
    }

    static func createdAt(of id: UUID) -> Date {
        let bytes = id.uuid
        let millis = [bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    private static let gregorianUTC: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `YYYY-MM-DD` (UTC), as dates without a time are stored.
    static func day(_ date: Date) -> String {
        let parts = gregorianUTC.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

// MARK: - What later tables need from earlier ones

struct AccountSummary: Sendable {
    var ids: [UUID] = [], shortNames: [String] = [], domains: [String] = [], owners: [UInt8] = []
}

struct AccountSet: Sendable {
    let ids: [UUID], shortNames: [String], domains: [String], owners: [UInt8]
    var count: Int { ids.count }

    init(_ parts: [AccountSummary]) {
        ids = parts.flatMap(\.ids)
        shortNames = parts.flatMap(\.shortNames)
        domains = parts.flatMap(\.domains)
        owners = parts.flatMap(\.owners)
    }
}

struct ContactSummary: Sendable {
    var ids: [UUID] = [], names: [String] = [], owners: [UInt8] = [], accounts: [Int32] = [], deleted: [Bool] = []
}

struct ContactSet: Sendable {
    let ids: [UUID], names: [String], owners: [UInt8], accounts: [Int32]
    /// Indexes of contacts not soft-deleted.
    let liveIndexes: [Int32]
    /// Up to eight contacts of each account (by account index), for opportunities' contact.
    let ofAccount: [[Int32]]
    let busiestAccount: (index: Int, contacts: Int)
    var count: Int { ids.count }

    init(_ parts: [ContactSummary], accounts accountCount: Int) {
        ids = parts.flatMap(\.ids)
        names = parts.flatMap(\.names)
        owners = parts.flatMap(\.owners)
        accounts = parts.flatMap(\.accounts)
        let deleted = parts.flatMap(\.deleted)
        liveIndexes = deleted.indices.filter { !deleted[$0] }.map(Int32.init)
        var ofAccount = [[Int32]](repeating: [], count: accountCount)
        var perAccount = [Int](repeating: 0, count: accountCount)
        for (contact, account) in accounts.enumerated() where account >= 0 {
            perAccount[Int(account)] += 1
            if ofAccount[Int(account)].count < 8 { ofAccount[Int(account)].append(Int32(contact)) }
        }
        self.ofAccount = ofAccount
        let top = perAccount.indices.max { perAccount[$0] < perAccount[$1] } ?? 0
        busiestAccount = (top, perAccount.isEmpty ? 0 : perAccount[top])
    }
}

struct NamedSummary: Sendable {
    var ids: [UUID] = [], names: [String] = [], owners: [UInt8] = []
}

struct NamedSet: Sendable {
    let ids: [UUID], names: [String], owners: [UInt8]
    var count: Int { ids.count }

    init(_ parts: [NamedSummary]) {
        ids = parts.flatMap(\.ids)
        names = parts.flatMap(\.names)
        owners = parts.flatMap(\.owners)
    }
}

typealias LeadSet = NamedSet
typealias OpportunitySet = NamedSet

struct NoSummary: Sendable {}

// MARK: - Batches

extension DemoSetting {
    static let partyColumns = [
        "id", "org_id", "created_at", "updated_at", "deleted_at", "version", "owner_user_id", "owner_team_id", "description",
        "address_province", "address_city", "address_line", "address_postal_code", "phones", "emails", "tags", "name_key", "search_text",
    ]
    static let contactPointColumns = ["id", "org_id", "record_type", "record_id", "kind", "key"]
    static let recordTagColumns = ["id", "org_id", "record_type", "record_id", "tag"]

    /// The lookup rows of a record's phones, e-mails and tags, keyed as the services key them.
    private func lookups(of recordType: String, _ id: UUID, at created: Date, phones: [PhoneNumber], emails: [EmailAddress],
                         tags: [String], points: inout DemoRows, tagRows: inout DemoRows, _ random: inout DemoRandom) {
        for (kind, keys) in [(ContactPoint.Kind.phone, ContactPoints.keys(of: phones)), (.email, ContactPoints.keys(of: emails))] {
            for key in keys {
                points.append([random.uuidV7(at: created), organisationID, recordType, id, kind.rawValue, key])
            }
        }
        for tag in Set(tags.map(RecordTags.key)).sorted() {
            tagRows.append([random.uuidV7(at: created), organisationID, recordType, id, tag])
        }
    }

    private func partyValues(id: UUID, created: Date, deleted: Date?, owner: (index: UInt8, user: UUID, team: UUID?),
                             description: String?, address: Address, phones: [PhoneNumber], emails: [EmailAddress], tags: [String],
                             nameKey: String, searchText: String) -> [any Encodable & Sendable] {
        [id, organisationID, created, created, deleted, 1, owner.user, owner.team, description,
         address.province.rawValue, address.city, address.line, address.postalCode, phones, emails, tags, nameKey, searchText]
    }

    func accounts(_ range: Range<Int>, batch: Int) -> DemoChunk<AccountSummary> {
        var random = DemoRandom(seed: seed, stream: Account.schema, batch: batch)
        var rows = DemoRows(Account.schema, Self.partyColumns + [
            "name", "kind", "industry", "website", "national_id", "economic_code", "parent_id", "became_customer_at",
        ], capacity: range.count)
        var points = DemoRows(ContactPoint.schema, Self.contactPointColumns, capacity: range.count * 2)
        var tagRows = DemoRows(RecordTag.schema, Self.recordTagColumns, capacity: range.count)
        var summary = AccountSummary()
        let model = Account(organisationID: organisationID, name: "")
        let kinds = WeightedChoice<Account.Kind>([(.customer, 45), (.prospect, 40), (.partner, 10), (.competitor, 5)])

        for index in range {
            let created = createdAt(index, of: sizes.accounts, &random)
            let id = random.uuidV7(at: created)
            let owner = self.owner(&random)
            let company = self.company(numberBase + index)
            let address = self.address(&random)
            var phones = [Self.phone(landline(numberBase + index, in: address.province), label: .work)]
            if random.chance(0.2) { phones.append(Self.phone(mobile(numberBase + sizes.contacts + sizes.leads + index), label: .mobile)) }
            let emails = random.chance(0.8) ? [EmailAddress(address: "info@\(company.domain)", label: EmailAddress.Label.work.rawValue)] : []
            let tags = self.tags(&random, share: 0.4)
            let kind = kinds.pick(&random)
            let nationalID = random.chance(0.4) ? Self.legalEntityID(&random) : nil
            let website: String? = random.chance(0.7) ? "https://www.\(company.domain)" : nil

            model.name = company.name
            model.nationalID = nationalID
            model.economicCode = nationalID.flatMap { random.chance(0.6) ? $0 : nil }
            model.website = website
            model.address.city = address.city
            model.phones = phones
            model.emails = emails
            model.refreshMatchingKeys()

            let became: Date? = kind == .customer ? created.addingTimeInterval(Double(random.below(180)) * Self.day) : nil
            rows.append(partyValues(id: id, created: created, deleted: random.chance(0.003) ? created.addingTimeInterval(Self.day) : nil,
                                    owner: owner, description: nil, address: address, phones: phones, emails: emails, tags: tags,
                                    nameKey: model.nameKey, searchText: model.searchText)
                        + [company.name, kind.rawValue, random.pick(DemoVocabulary.industries), website, nationalID, model.economicCode,
                           UUID?.none, became.map { min($0, asOf) }])
            lookups(of: Account.auditType, id, at: created, phones: phones, emails: emails, tags: tags,
                    points: &points, tagRows: &tagRows, &random)
            summary.ids.append(id)
            summary.shortNames.append(company.short)
            summary.domains.append(company.domain)
            summary.owners.append(owner.index)
        }
        return DemoChunk(tables: [rows, points, tagRows], summary: summary)
    }

    /// A valid legal-entity national ID (شناسه ملی), check digit included.
    static func legalEntityID(_ random: inout DemoRandom) -> String {
        let weights = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17]
        while true {
            let digits = (0..<10).map { $0 == 0 ? random.below(9) + 1 : random.below(10) }
            let t = digits[9] + 2
            let s = (0..<10).reduce(0) { $0 + (digits[$1] + t) * weights[$1] } % 11
            let id = digits.map(String.init).joined() + String(s == 10 ? 0 : s)
            if let valid = IranianIdentifier.legalEntityID(id) { return valid }
        }
    }

    func contacts(_ range: Range<Int>, batch: Int, accounts: AccountSet) -> DemoChunk<ContactSummary> {
        var random = DemoRandom(seed: seed, stream: Contact.schema, batch: batch)
        var rows = DemoRows(Contact.schema, Self.partyColumns + [
            "first_name", "last_name", "gender", "birth_date", "job_title", "account_id", "lead_source", "preferences",
        ], capacity: range.count)
        var points = DemoRows(ContactPoint.schema, Self.contactPointColumns, capacity: range.count * 2)
        var tagRows = DemoRows(RecordTag.schema, Self.recordTagColumns, capacity: range.count / 2)
        var summary = ContactSummary()
        let model = Contact(organisationID: organisationID, lastName: "")
        let sources = Lead.Source.allCases

        for index in range {
            let created = createdAt(index, of: sizes.contacts, &random)
            let id = random.uuidV7(at: created)
            let gender = self.gender(&random)
            let person = self.person(&random, gender: gender)
            let firstName: String? = random.chance(0.02) ? nil : person.display.0
            let accountIndex = random.chance(0.7) ? random.skewed(accounts.count, exponent: 2.0) : -1
            let owner: (index: UInt8, user: UUID, team: UUID?) = accountIndex >= 0 && random.chance(0.7)
                ? (accounts.owners[accountIndex], ownerIDs[Int(accounts.owners[accountIndex])], nil) : self.owner(&random)
            let address = self.address(&random)
            var phones = [Self.phone(mobile(numberBase + index), label: .mobile)]
            if random.chance(0.15) { phones.append(Self.phone(landline(numberBase + sizes.accounts + index, in: address.province), label: .work)) }
            var emails: [EmailAddress] = []
            if random.chance(0.6) {
                let domain = accountIndex >= 0 && random.chance(0.6) ? accounts.domains[accountIndex] : random.pick(DemoVocabulary.mailDomains)
                let local = "\(firstName == nil ? "" : person.first.latin + ".")\(person.last.latin)\(numberBase + index)"
                emails.append(EmailAddress(address: "\(local)@\(domain)", label: (domain.hasSuffix(".ir") && accountIndex >= 0
                    ? EmailAddress.Label.work : .personal).rawValue))
            }
            let tags = self.tags(&random, share: 0.35)
            let jobTitle: String? = random.chance(0.6) ? random.pick(DemoVocabulary.jobTitles) : nil
            let birthDate: String? = random.chance(0.3)
                ? "\(1950 + random.below(55))-\(Self.padded(UInt64(random.below(12) + 1), to: 2))-\(Self.padded(UInt64(random.below(28) + 1), to: 2))"
                : nil
            var preferences = ContactPreferences()
            if random.chance(0.1) { preferences.optedOut = [.sms] }
            if random.chance(0.3) { preferences.preferredChannel = random.pick(ContactPreferences.Channel.allCases) }
            if random.chance(0.2) { preferences.preferredTime = random.pick(ContactPreferences.TimeOfDay.allCases) }
            let deleted = random.chance(0.005)

            model.firstName = firstName
            model.lastName = person.display.1
            model.jobTitle = jobTitle
            model.address.city = address.city
            model.phones = phones
            model.emails = emails
            model.refreshMatchingKeys()

            rows.append(partyValues(id: id, created: created, deleted: deleted ? created.addingTimeInterval(Self.day) : nil, owner: owner,
                                    description: random.chance(0.05) ? random.pick(DemoVocabulary.bodies) : nil, address: address,
                                    phones: phones, emails: emails, tags: tags, nameKey: model.nameKey, searchText: model.searchText)
                        + [firstName, person.display.1, gender.rawValue, birthDate, jobTitle,
                           accountIndex >= 0 ? accounts.ids[accountIndex] : nil,
                           random.chance(0.5) ? random.pick(sources).rawValue : nil, preferences])
            lookups(of: Contact.auditType, id, at: created, phones: phones, emails: emails, tags: tags,
                    points: &points, tagRows: &tagRows, &random)
            summary.ids.append(id)
            summary.names.append(model.fullName)
            summary.owners.append(owner.index)
            summary.accounts.append(Int32(accountIndex))
            summary.deleted.append(deleted)
        }
        return DemoChunk(tables: [rows, points, tagRows], summary: summary)
    }

    func leads(_ range: Range<Int>, batch: Int, accounts: AccountSet, contacts: ContactSet) -> DemoChunk<NamedSummary> {
        var random = DemoRandom(seed: seed, stream: Lead.schema, batch: batch)
        var rows = DemoRows(Lead.schema, Self.partyColumns + [
            "first_name", "last_name", "company", "job_title", "source", "campaign_id", "status", "disqualified_reason", "score",
            "converted_at", "converted_account_id", "converted_contact_id", "converted_opportunity_id",
        ], capacity: range.count)
        var points = DemoRows(ContactPoint.schema, Self.contactPointColumns, capacity: range.count * 2)
        var tagRows = DemoRows(RecordTag.schema, Self.recordTagColumns, capacity: range.count / 4)
        var summary = NamedSummary()
        let model = Lead(organisationID: organisationID, lastName: "")
        let statuses = WeightedChoice<Lead.Status>([(.new, 40), (.contacted, 25), (.qualified, 15), (.disqualified, 15), (.converted, 5)])
        let sources = WeightedChoice<Lead.Source>([(.webForm, 30), (.campaign, 20), (.referral, 15), (.import, 10), (.phone, 15),
                                                   (.social, 8), (.other, 2)])

        for index in range {
            let created = createdAt(index, of: sizes.leads, &random)
            let id = random.uuidV7(at: created)
            let person = self.person(&random, gender: self.gender(&random))
            let owner = self.owner(&random)
            let address = self.address(&random)
            let phones = [Self.phone(mobile(numberBase + sizes.contacts + index), label: .mobile)]
            let emails = random.chance(0.5)
                ? [EmailAddress(address: "\(person.first.latin).\(person.last.latin)\(numberBase + sizes.contacts + index)@\(random.pick(DemoVocabulary.mailDomains))",
                                label: EmailAddress.Label.personal.rawValue)] : []
            let company: String? = random.chance(0.7) ? self.company(random.below(50_000)).name : nil
            let jobTitle: String? = random.chance(0.5) ? random.pick(DemoVocabulary.jobTitles) : nil
            let tags = self.tags(&random, share: 0.25)
            let status = statuses.pick(&random)
            var converted: (at: Date, account: UUID?, contact: UUID)?
            if status == .converted, contacts.count > 0 {
                let contact = Int(contacts.liveIndexes[random.below(contacts.liveIndexes.count)])
                let account = contacts.accounts[contact]
                converted = (min(asOf, created.addingTimeInterval(Double(random.below(60) + 1) * Self.day)),
                             account >= 0 ? accounts.ids[Int(account)] : nil, contacts.ids[contact])
            }

            model.firstName = person.display.0
            model.lastName = person.display.1
            model.company = company
            model.jobTitle = jobTitle
            model.address.city = address.city
            model.phones = phones
            model.emails = emails
            model.refreshMatchingKeys()

            rows.append(partyValues(id: id, created: created, deleted: random.chance(0.003) ? created.addingTimeInterval(Self.day) : nil,
                                    owner: owner, description: random.chance(0.1) ? random.pick(DemoVocabulary.bodies) : nil,
                                    address: address, phones: phones, emails: emails, tags: tags,
                                    nameKey: model.nameKey, searchText: model.searchText)
                        + [person.display.0, person.display.1, company, jobTitle, sources.pick(&random).rawValue, UUID?.none,
                           status.rawValue, status == .disqualified ? random.pick(DemoVocabulary.disqualifiedReasons) : nil,
                           random.below(101), converted?.at, converted?.account, converted?.contact, UUID?.none])
            lookups(of: Lead.auditType, id, at: created, phones: phones, emails: emails, tags: tags,
                    points: &points, tagRows: &tagRows, &random)
            summary.ids.append(id)
            summary.names.append(model.fullName)
            summary.owners.append(owner.index)
        }
        return DemoChunk(tables: [rows, points, tagRows], summary: summary)
    }

    func opportunities(_ range: Range<Int>, batch: Int, accounts: AccountSet, contacts: ContactSet) -> DemoChunk<NamedSummary> {
        var random = DemoRandom(seed: seed, stream: Opportunity.schema, batch: batch)
        var rows = DemoRows(Opportunity.schema, [
            "id", "org_id", "created_at", "updated_at", "deleted_at", "version", "owner_user_id", "owner_team_id", "name", "account_id",
            "contact_id", "pipeline_id", "stage_id", "status", "amount_minor", "currency", "expected_close_date", "closed_at",
            "lost_reason", "competitors", "description", "tags", "search_text",
        ], capacity: range.count)
        var changes = DemoRows(OpportunityStageChange.schema, [
            "id", "org_id", "opportunity_id", "from_stage_id", "to_stage_id", "amount_minor", "changed_by", "changed_at",
        ], capacity: range.count * 3)
        var points = DemoRows(ContactPoint.schema, Self.contactPointColumns, capacity: 0)
        var tagRows = DemoRows(RecordTag.schema, Self.recordTagColumns, capacity: range.count / 4)
        var summary = NamedSummary()
        let open = stages.filter { $0.outcome == .open }
        let won = stages.first { $0.outcome == .won }, lost = stages.first { $0.outcome == .lost }
        // Where opportunities stand: most still open (fewer the further the stage), the rest won or lost.
        var targets: [(Int, Double)] = open.indices.map { ($0, 60.0 / Double(open.count) * (1.4 - 0.8 * Double($0) / Double(max(1, open.count - 1)))) }
        if won != nil { targets.append((-1, 22)) }
        if lost != nil { targets.append((-2, 18)) }
        let target = WeightedChoice(targets)

        for index in range {
            let created = createdAt(index, of: sizes.opportunities, &random)
            let id = random.uuidV7(at: created)
            let accountIndex = random.skewed(accounts.count, exponent: 2.0)
            let ofAccount = contacts.ofAccount[accountIndex]
            let contactID = !ofAccount.isEmpty && random.chance(0.8) ? contacts.ids[Int(random.pick(ofAccount))] : nil
            let ownerIndex = random.chance(0.7) ? Int(accounts.owners[accountIndex]) : owners.pick(&random)
            let team = !teamIDs.isEmpty && random.chance(0.1) ? random.pick(teamIDs) : nil
            let name = random.pick(DemoVocabulary.opportunityPatterns).replacingOccurrences(of: "%@", with: random.pick(DemoVocabulary.products))
                + " — " + accounts.shortNames[accountIndex]
            let amount = Int64(random.below(2_000) + 5) * 10_000_000
            let competitors = random.chance(0.3) ? Array(Set([random.pick(DemoVocabulary.competitors), random.pick(DemoVocabulary.competitors)])).sorted() : []
            let tags = self.tags(&random, share: 0.2)

            // The stages it went through, oldest first, each some days after the previous one.
            let goal = target.pick(&random)
            var path: [Stage] = []
            switch goal {
            case -1: path = Array(open.prefix(max(1, open.count - random.below(2)))) + [won!]
            case -2: path = Array(open.prefix(random.below(max(1, open.count)) + 1)) + [lost!]
            default: path = Array(open.prefix(goal + 1))
            }
            var lastChange = created
            var from: UUID?
            for (step, stage) in path.enumerated() {
                if step > 0 {
                    lastChange = min(asOf, lastChange.addingTimeInterval(Double(random.below(25) + 3) * Self.day + Double(random.below(36_000))))
                }
                changes.append([random.uuidV7(at: lastChange), organisationID, id, from, stage.id, amount, ownerIDs[ownerIndex], lastChange])
                from = stage.id
            }
            let final = path.last!
            let status = Opportunity.Status(rawValue: final.outcome.rawValue)!
            let closedAt: Date? = status == .open ? nil : lastChange
            let expected = status == .open ? asOf.addingTimeInterval(Double(random.below(120) + 7) * Self.day) : lastChange
            rows.append([id, organisationID, created, lastChange, random.chance(0.003) ? lastChange : nil, 1, ownerIDs[ownerIndex], team,
                         name, accounts.ids[accountIndex], contactID, pipelineID, final.id, status.rawValue, amount, currency,
                         Self.day(expected), closedAt, status == .lost ? random.pick(DemoVocabulary.lostReasons) : nil, competitors,
                         random.chance(0.1) ? random.pick(DemoVocabulary.bodies) : nil, tags,
                         // As OpportunityService derives it.
                         SearchText.document([name] + competitors)])
            lookups(of: Opportunity.auditType, id, at: created, phones: [], emails: [], tags: tags,
                    points: &points, tagRows: &tagRows, &random)
            summary.ids.append(id)
            summary.names.append(name)
            summary.owners.append(UInt8(ownerIndex))
        }
        return DemoChunk(tables: [rows, changes, tagRows], summary: summary)
    }

    func activities(_ range: Range<Int>, batch: Int, accounts: AccountSet, contacts: ContactSet, leads: LeadSet,
                    opportunities: OpportunitySet) -> DemoChunk<NoSummary> {
        var random = DemoRandom(seed: seed, stream: Activity.schema, batch: batch)
        var rows = DemoRows(Activity.schema, [
            "id", "org_id", "created_at", "updated_at", "deleted_at", "version", "owner_user_id", "owner_team_id", "kind", "subject",
            "body", "status", "priority", "direction", "due_at", "start_at", "end_at", "remind_at", "completed_at", "regarding_type",
            "regarding_id", "participants", "timeline_at", "search_text",
        ], capacity: range.count)
        let kinds = WeightedChoice<Activity.Kind>([(.note, 25), (.call, 30), (.task, 30), (.meeting, 7), (.email, 5), (.sms, 3)])
        let priorities = WeightedChoice<Activity.Priority>([(.normal, 70), (.high, 20), (.low, 10)])
        let horizon = asOf.addingTimeInterval(30 * Self.day)

        for _ in range {
            let (type, regarding, name, ownerIndex) = self.regarding(&random, accounts: accounts, contacts: contacts, leads: leads,
                                                                opportunities: opportunities)
            let kind = kinds.pick(&random)
            let subjects = switch kind {
            case .call: DemoVocabulary.callSubjects
            case .task: DemoVocabulary.taskSubjects
            case .note: DemoVocabulary.noteSubjects
            case .meeting: DemoVocabulary.meetingSubjects
            case .email: DemoVocabulary.emailSubjects
            case .sms: DemoVocabulary.smsSubjects
            }
            let subject = random.pick(subjects).replacingOccurrences(of: "%@", with: name)
            let body: String? = kind == .note || random.chance(0.3) ? random.pick(DemoVocabulary.bodies) : nil

            // When: after the record was created, up to a month ahead for tasks and meetings.
            let earliest = max(start, DemoSetting.createdAt(of: regarding))
            let plansAhead = kind == .task || kind == .meeting
            let latest = plansAhead ? horizon : asOf
            let when = earliest.addingTimeInterval(max(0, latest.timeIntervalSince(earliest)) * Double(random.next() >> 11) * 0x1p-53)
            let isFuture = when > asOf
            let created = isFuture ? asOf.addingTimeInterval(-Double(random.below(14 * 86_400))) : (plansAhead ? when.addingTimeInterval(-Double(random.below(7 * 86_400))) : when)
            let id = random.uuidV7(at: max(start, created))

            var status = Activity.Status.completed
            var due: Date?, startAt: Date?, end: Date?, remind: Date?, direction: Activity.Direction?
            var participants: [ActivityParticipant] = []
            switch kind {
            case .task:
                due = when
                status = isFuture || random.chance(0.2) ? .open : .completed
                if status == .open && random.chance(0.5) { remind = when.addingTimeInterval(-3_600) }
            case .meeting:
                startAt = when
                end = when.addingTimeInterval(3_600)
                status = isFuture ? .open : .completed
                if type == .contact { participants = [ActivityParticipant(type: .contact, id: regarding)] }
            case .call:
                startAt = when
                end = when.addingTimeInterval(Double(random.below(1_200) + 60))
                direction = random.chance(0.6) ? .outbound : .inbound
            case .email, .sms:
                direction = .outbound
            case .note:
                break
            }
            if random.chance(0.02) { status = .cancelled }
            let timelineAt = startAt ?? due ?? created
            let completedAt: Date? = status == .completed ? min(asOf, end ?? due ?? created) : nil
            rows.append([id, organisationID, created, completedAt ?? created, Date?.none, 1, ownerIDs[ownerIndex], UUID?.none,
                         kind.rawValue, subject, body, status.rawValue, priorities.pick(&random).rawValue, direction?.rawValue, due,
                         startAt, end, remind, completedAt, type.rawValue, regarding, participants, timelineAt,
                         // As ActivityService derives it.
                         SearchText.document([subject, body])])
        }
        return DemoChunk(tables: [rows], summary: NoSummary())
    }

    /// What an activity is about: mostly contacts and opportunities, some accounts (big ones
    /// more often) and leads; with the record's name and owner.
    private func regarding(_ random: inout DemoRandom, accounts: AccountSet, contacts: ContactSet, leads: LeadSet,
                           opportunities: OpportunitySet) -> (RegardingType, UUID, String, Int) {
        let roll = random.below(100)
        if roll < 55 || (opportunities.count == 0 && roll < 80) {
            let contact = random.below(contacts.count)
            return (.contact, contacts.ids[contact], contacts.names[contact], Int(contacts.owners[contact]))
        } else if roll < 80 {
            let opportunity = random.below(opportunities.count)
            return (.opportunity, opportunities.ids[opportunity], opportunities.names[opportunity], Int(opportunities.owners[opportunity]))
        } else if roll < 95 || leads.count == 0 {
            let account = random.skewed(accounts.count, exponent: 2.0)
            return (.account, accounts.ids[account], accounts.shortNames[account], Int(accounts.owners[account]))
        } else {
            let lead = random.below(leads.count)
            return (.lead, leads.ids[lead], leads.names[lead], Int(leads.owners[lead]))
        }
    }
}
