import FluentKit
import Foundation

extension User: Auditable {
    public static var auditType: String { "user" }
    public var auditID: UUID { id! }
    public var auditSnapshot: [String: JSONValue] {
        ["email": .init(email), "name": .init(name), "role_id": .init(roleID), "language": .init(language),
         "time_zone": .init(timeZone), "is_active": .init(isActive)]
    }
}

/// What an administrator fills in to add a user.
public struct NewUser: Sendable {
    public var email: String?
    public var name: String?
    public var password: String?
    public var roleID: UUID?
    public var language: String?

    public init(email: String?, name: String?, password: String?, roleID: UUID?, language: String? = nil) {
        self.email = email
        self.name = name
        self.password = password
        self.roleID = roleID
        self.language = language
    }

    public func validate(into validator: inout FieldValidator) {
        validator.email(email, required: true)
        validator.text(name, "name", required: true)
        if let password { validator.add(PasswordPolicy.check(password, email: email)) } else { validator.add("password", .required) }
        if roleID == nil { validator.add("role_id", .required) }
        validator.oneOf(language, Language.self, "language")
    }
}

/// A partial change to a user; nil fields stay as they are.
public struct UserChanges: Sendable {
    public var name: String?
    public var roleID: UUID?
    public var language: String?
    public var timeZone: String?
    public var isActive: Bool?

    public init(name: String? = nil, roleID: UUID? = nil, language: String? = nil, timeZone: String? = nil, isActive: Bool? = nil) {
        self.name = name
        self.roleID = roleID
        self.language = language
        self.timeZone = timeZone
        self.isActive = isActive
    }

    public func validate(into validator: inout FieldValidator) {
        validator.text(name, "name", required: false)
        validator.oneOf(language, Language.self, "language")
        if let timeZone, TimeZone(identifier: timeZone) == nil { validator.add("time_zone", .unknownValue) }
    }
}

/// The only writer of users. Anyone signed in may read the organisation's directory (owner
/// pickers need it); only administrators change it.
public struct UserService: Sendable {
    public let store: Store
    public let hasher: any PasswordHashing

    public init(store: Store, hasher: any PasswordHashing) {
        self.store = store
        self.hasher = hasher
    }

    public static func normalizedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public func list(_ request: PageRequest, in context: RequestContext) async throws -> Page<User> {
        try await User.query(on: store.database).scoped(to: context).page(request)
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> User {
        guard let user = try await User.query(on: store.database).scoped(to: context).filter(\.$id == id).first()
        else { throw PlatformError.notFound(recordType: User.auditType) }
        return user
    }

    /// `readProblems`: what the caller already found wrong while reading the input, so the
    /// answer lists those and the service's own findings together.
    public func create(_ input: NewUser, by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> User {
        try context.require(.administration, .create)
        var validator = readProblems
        input.validate(into: &validator)
        if let roleID = input.roleID, try await Role.query(on: store.database).scoped(to: context).filter(\.$id == roleID).count() == 0 {
            validator.add("role_id", .referencedRecordMissing)
        }
        try validator.check()
        let user = User(
            organisationID: context.organisationID, email: Self.normalizedEmail(input.email!),
            name: input.name!.trimmingCharacters(in: .whitespacesAndNewlines),
            passwordHash: try hasher.hash(input.password!), roleID: input.roleID!,
            language: input.language.flatMap(Language.init(rawValue:)) ?? context.language
        )
        let now = store.now()
        return try await store.write { database in
            try await Self.insert(user, by: context.userID, requestID: context.requestID, at: now, on: database)
            return user
        }
    }

    /// Inserts a user with its audit entry and outbox event; shared with organisation set-up.
    static func insert(_ user: User, by actorID: UUID?, requestID: String?, at now: Date, on database: any Database) async throws {
        if try await User.query(on: database).filter(\.$email == user.email).count() > 0 {
            throw PlatformError.emailTaken
        }
        try await user.create(on: database)
        try await AuditTrail.record(.create, of: user, organisationID: user.organisationID, actorUserID: actorID ?? user.id,
                                    requestID: requestID, at: now, on: database)
        try await Outbox.append("user.created", recordType: User.auditType, recordID: user.id!,
                                payload: user.auditSnapshot, organisationID: user.organisationID, at: now, on: database)
    }

    /// Administrators change anyone; users may change their own name, language and time zone.
    public func update(_ id: UUID, _ changes: UserChanges, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> User {
        let isSelfService = id == context.userID && changes.roleID == nil && changes.isActive == nil
        if !isSelfService { try context.require(.administration, .update) }
        var validator = readProblems
        changes.validate(into: &validator)
        if let roleID = changes.roleID, try await Role.query(on: store.database).scoped(to: context).filter(\.$id == roleID).count() == 0 {
            validator.add("role_id", .referencedRecordMissing)
        }
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let version = try await VersionGuard.bump(User.schema, id: id, organisationID: context.organisationID,
                                                      expected: expectedVersion, recordType: User.auditType, on: database)
            guard let user = try await User.query(on: database).scoped(to: context).filter(\.$id == id).first()
            else { throw PlatformError.notFound(recordType: User.auditType) }
            let before = user.auditSnapshot
            let wasAdministrator = try await Self.isActiveAdministrator(user, on: database)
            if let name = changes.name { user.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let roleID = changes.roleID { user.roleID = roleID }
            if let language = changes.language { user.language = language }
            if let timeZone = changes.timeZone { user.timeZone = timeZone }
            if let isActive = changes.isActive { user.isActive = isActive }
            user.version = version
            if wasAdministrator, try await !Self.isActiveAdministrator(user, on: database),
               try await Self.activeAdministratorCount(in: context.organisationID, on: database) <= 1 {
                throw PlatformError.lastAdministrator
            }
            try await user.update(on: database)
            try await AuditTrail.record(.update, of: user, before: before, by: context, at: now, on: database)
            if changes.isActive == false {
                // A deactivated user's credentials stop working at once.
                try await APIToken.query(on: database).filter(\.$userID == id).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
                try await WebSession.query(on: database).filter(\.$userID == id).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
            }
            return user
        }
    }

    /// Changes one's own password after checking the current one.
    public func changePassword(current: String, new: String, by context: RequestContext) async throws {
        let user = try await find(context.userID, in: context)
        var validator = FieldValidator()
        if try !hasher.verify(current, against: user.passwordHash) { validator.add("current_password", .invalidFormat) }
        validator.add(PasswordPolicy.check(new, email: user.email, field: "new_password"))
        try validator.check()
        let hash = try hasher.hash(new)
        let now = store.now()
        try await store.write { database in
            user.passwordHash = hash
            user.version += 1
            try await user.update(on: database)
            try await AuditEntry(organisationID: user.organisationID, actorUserID: context.userID, action: AuditAction.update.rawValue,
                                 recordType: User.auditType, recordID: user.id!, changesJSON: #"{"password":{"after":"(changed)","before":"(hidden)"}}"#,
                                 requestID: context.requestID, occurredAt: now).create(on: database)
        }
    }

    static func isActiveAdministrator(_ user: User, on database: any Database) async throws -> Bool {
        guard user.isActive, let role = try await Role.find(user.roleID, on: database) else { return false }
        return try role.permissions().scope(for: .administration, .update) == .organisation
    }

    static func activeAdministratorCount(in organisationID: UUID, on database: any Database) async throws -> Int {
        let roles = try await Role.query(on: database).filter(\.$organisationID == organisationID).all()
        let adminRoleIDs = try roles.filter { try $0.permissions().scope(for: .administration, .update) == .organisation }.compactMap(\.id)
        return try await User.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$isActive == true).filter(\.$roleID ~~ adminRoleIDs).count()
    }
}
