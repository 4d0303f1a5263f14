import Foundation

/// A contact as a client sends it (see `AccountInput` for the create/update rules).
public struct ContactInput: Sendable {
    public struct Preferences: Sendable {
        public var optedOut: [String]?
        public var preferredChannel: String?
        public var preferredTime: String?
        public var language: String?
        public var provided: Set<String>

        public init(provided: Set<String>, optedOut: [String]? = nil, preferredChannel: String? = nil,
                    preferredTime: String? = nil, language: String? = nil) {
            self.provided = provided
            self.optedOut = optedOut
            self.preferredChannel = preferredChannel
            self.preferredTime = preferredTime
            self.language = language
        }
    }

    public var provided: Set<String>
    public var firstName: String?
    public var lastName: String?
    public var gender: String?
    public var birthDate: String?
    public var jobTitle: String?
    public var accountID: UUID?
    public var leadSource: String?
    public var description: String?
    public var ownerUserID: UUID?
    public var ownerTeamID: UUID?
    public var party: PartyInput
    public var preferences: Preferences?

    public init(provided: Set<String>, firstName: String? = nil, lastName: String? = nil, gender: String? = nil,
                birthDate: String? = nil, jobTitle: String? = nil, accountID: UUID? = nil, leadSource: String? = nil,
                description: String? = nil, ownerUserID: UUID? = nil, ownerTeamID: UUID? = nil, party: PartyInput = PartyInput(),
                preferences: Preferences? = nil) {
        self.provided = provided
        self.firstName = firstName
        self.lastName = lastName
        self.gender = gender
        self.birthDate = birthDate
        self.jobTitle = jobTitle
        self.accountID = accountID
        self.leadSource = leadSource
        self.description = description
        self.ownerUserID = ownerUserID
        self.ownerTeamID = ownerTeamID
        self.party = party
        self.preferences = preferences
    }

    func validate(creating: Bool, into validator: inout FieldValidator) {
        validator.text(firstName, "first_name", required: false, max: 100)
        if creating || provided.contains("last_name") { validator.text(lastName, "last_name", required: true, max: 100) }
        validator.oneOf(gender, Contact.Gender.self, "gender")
        if let birthDate, CalendarDay.parse(birthDate) == nil { validator.add("birth_date", .invalidFormat) }
        validator.text(jobTitle, "job_title", required: false, max: 100)
        validator.oneOf(leadSource, Lead.Source.self, "lead_source")
        validator.text(description, "description", required: false, max: 10_000)
        if let preferences {
            for channel in preferences.optedOut ?? [] where ContactPreferences.Channel(rawValue: channel) == nil {
                validator.add("preferences.opted_out", .unknownValue)
            }
            validator.oneOf(preferences.preferredChannel, ContactPreferences.Channel.self, "preferences.preferred_channel")
            validator.oneOf(preferences.preferredTime, ContactPreferences.TimeOfDay.self, "preferences.preferred_time")
            validator.oneOf(preferences.language, Language.self, "preferences.language")
        }
    }
}

extension ContactPreferences {
    /// The stored preferences with the provided parts of `input` applied.
    func applying(_ input: ContactInput.Preferences) -> ContactPreferences {
        var result = self
        if input.provided.contains("opted_out") {
            result.optedOut = (input.optedOut ?? []).compactMap(Channel.init(rawValue:)).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        }
        if input.provided.contains("preferred_channel") { result.preferredChannel = input.preferredChannel.flatMap(Channel.init(rawValue:)) }
        if input.provided.contains("preferred_time") { result.preferredTime = input.preferredTime.flatMap(TimeOfDay.init(rawValue:)) ?? .any }
        if input.provided.contains("language") { result.language = input.language }
        return result
    }
}
