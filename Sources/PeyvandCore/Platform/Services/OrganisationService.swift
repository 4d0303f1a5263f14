import FluentKit
import Foundation

/// Sets organisations up: the first one on an empty database (CLI or first-run page), with its
/// built-in roles and first user.
public struct OrganisationService: Sendable {
    public let store: Store
    public let hasher: any PasswordHashing

    public init(store: Store, hasher: any PasswordHashing) {
        self.store = store
        self.hasher = hasher
    }

    public func isEmpty() async throws -> Bool {
        try await Organisation.query(on: store.database).count() == 0
    }

    /// The acting user's own organisation.
    public func current(in context: RequestContext) async throws -> Organisation {
        guard let organisation = try await Organisation.find(context.organisationID, on: store.database)
        else { throw PlatformError.unauthenticated }
        return organisation
    }

    public struct FirstUser: Sendable {
        public var email: String?
        public var name: String?
        public var password: String?
        public var roleKey: String?
        public var language: String?

        public init(email: String?, name: String?, password: String?, roleKey: String?, language: String? = nil) {
            self.email = email
            self.name = name
            self.password = password
            self.roleKey = roleKey
            self.language = language
        }
    }

    /// Creates a user by role key. On an empty database it also creates the organisation (named
    /// `organisationName`) and its built-in roles; otherwise the user joins the only organisation,
    /// or `organisationID` when the deployment hosts several.
    public func createUser(_ input: FirstUser, organisationName: String, organisationID: UUID? = nil) async throws -> (Organisation, User) {
        var validator = FieldValidator()
        validator.email(input.email, required: true)
        validator.text(input.name ?? input.email, "name", required: true)
        if let password = input.password { validator.add(PasswordPolicy.check(password, email: input.email)) }
        else { validator.add("password", .required) }
        let roleKey = input.roleKey ?? BuiltInRole.admin.rawValue
        validator.oneOf(input.language, Language.self, "language")
        try validator.check()
        let passwordHash = try hasher.hash(input.password!)
        let now = store.now()
        return try await store.write { database in
            let organisation: Organisation
            if let organisationID {
                guard let found = try await Organisation.find(organisationID, on: database)
                else { throw PlatformError.notFound(recordType: "organisation") }
                organisation = found
            } else {
                let all = try await Organisation.query(on: database).limit(2).all()
                switch all.count {
                case 0: organisation = try await Self.createOrganisation(named: organisationName, on: database)
                case 1: organisation = all[0]
                default: throw ValidationFailure([FieldError(field: "organisation", code: .required)])
                }
            }
            let orgID = try organisation.requireID()
            guard let role = try await Role.query(on: database).filter(\.$organisationID == orgID)
                .group(.or, { $0.filter(\.$key == roleKey).filter(\.$name == roleKey) }).first()
            else { throw ValidationFailure([FieldError(field: "role", code: .unknownValue)]) }
            let user = User(organisationID: orgID, email: UserService.normalizedEmail(input.email!),
                            name: (input.name ?? input.email!).trimmingCharacters(in: .whitespacesAndNewlines),
                            passwordHash: passwordHash, roleID: try role.requireID(),
                            language: input.language.flatMap(Language.init(rawValue:)) ?? .default)
            try await UserService.insert(user, by: nil, requestID: nil, at: now, on: database)
            return (organisation, user)
        }
    }

    /// A new tenant with its built-in roles (for SaaS sign-up and tests); no users yet.
    public static func createOrganisation(named name: String, on database: any Database) async throws -> Organisation {
        let organisation = Organisation(name: name)
        try await organisation.create(on: database)
        for builtIn in BuiltInRole.allCases {
            try await Role(organisationID: organisation.id!, key: builtIn.rawValue, name: builtIn.rawValue,
                           permissions: builtIn.permissions).create(on: database)
        }
        return organisation
    }
}
