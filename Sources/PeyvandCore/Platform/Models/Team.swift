import FluentKit
import Foundation

/// A group of users (a sales branch, a support line) that can own records together.
public final class Team: OrganisationScoped, @unchecked Sendable {
    public static let schema = "teams"
    public static var organisationKey: KeyPath<Team, FieldProperty<Team, UUID>> { \.$organisationID }

    // managed fields
    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Field(key: "version") public var version: Int

    // data fields
    @Field(key: "name") public var name: String

    public init() {}

    public init(organisationID: UUID, name: String) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.version = 1
        self.name = name
    }
}

/// One user's membership of one team.
public final class TeamMembership: OrganisationScoped, @unchecked Sendable {
    public static let schema = "team_memberships"
    public static var organisationKey: KeyPath<TeamMembership, FieldProperty<TeamMembership, UUID>> { \.$organisationID }

    @ID(custom: .id, generatedBy: .user) public var id: UUID?
    @Field(key: "org_id") public var organisationID: UUID
    @Field(key: "team_id") public var teamID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(organisationID: UUID, teamID: UUID, userID: UUID) {
        self.id = UUIDv7.make()
        self.organisationID = organisationID
        self.teamID = teamID
        self.userID = userID
    }
}
