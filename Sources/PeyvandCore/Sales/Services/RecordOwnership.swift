import FluentKit
import Foundation

/// Who owns a business record: a user or a team of the organisation. New records belong to their
/// creator unless the client names an owner; naming or changing an owner needs `assign`.
enum RecordOwnership {
    static func validate(userID: UUID?, teamID: UUID?, into validator: inout FieldValidator,
                         in context: RequestContext, on database: any Database) async throws {
        if let userID, try await User.query(on: database).scoped(to: context).filter(\.$id == userID).count() == 0 {
            validator.add("owner_id", .referencedRecordMissing)
        }
        if let teamID, try await Team.query(on: database).scoped(to: context).filter(\.$id == teamID).count() == 0 {
            validator.add("owner_team_id", .referencedRecordMissing)
        }
    }

    /// Applies the owner fields a client provided; assigning to someone other than oneself
    /// requires the module's `assign` right for the new owner.
    static func apply<Record: OwnedRecord>(_ provided: Set<String>, userID: UUID?, teamID: UUID?, to record: Record,
                                           creating: Bool, by context: RequestContext) throws {
        let ownerUser = record[keyPath: Record.ownerUserKey]
        let ownerTeam = record[keyPath: Record.ownerTeamKey]
        if creating && !provided.contains("owner_id") && !provided.contains("owner_team_id") {
            ownerUser.value = context.userID
            return
        }
        guard provided.contains("owner_id") || provided.contains("owner_team_id") else { return }
        let newUser = provided.contains("owner_id") ? userID : ownerUser.value ?? nil
        let newTeam = provided.contains("owner_team_id") ? teamID : ownerTeam.value ?? nil
        let changesOwner = newUser != (ownerUser.value ?? nil) || newTeam != (ownerTeam.value ?? nil)
        if changesOwner && !(creating && newUser == context.userID && newTeam == nil) {
            guard context.may(.assign, on: Record.permissionModule, ownerUserID: newUser, ownerTeamID: newTeam)
            else { throw PlatformError.forbidden(Record.permissionModule, .assign) }
        }
        if newUser == nil && newTeam == nil { throw ValidationFailure([FieldError(field: "owner_id", code: .required)]) }
        ownerUser.value = newUser
        ownerTeam.value = newTeam
    }
}
