import FluentKit
import Foundation

/// What the agent sees of the customer beside a case (the 360° view, in short): the customer's
/// other cases, their latest activities and the account's latest orders, each only as far as the
/// agent's role reads them. The customer is the case's account, or its contact when it has none.
/// Three statements, whatever the customer's history; the full timeline is on the account's page.
public struct CaseCustomerHistory: Sendable {
    public var cases: [SupportCase] = []
    public var activities: [Activity] = []
    public var orders: [SalesOrder] = []

    public static let entries = 5

    public var isEmpty: Bool { cases.isEmpty && activities.isEmpty && orders.isEmpty }

    public init() {}

    public static func of(_ supportCase: SupportCase, in context: RequestContext, store: Store) async throws -> CaseCustomerHistory {
        var history = CaseCustomerHistory()
        let database = store.database
        guard supportCase.accountID != nil || supportCase.contactID != nil else { return history }
        var cases = try SupportCase.query(on: database).scoped(to: context, for: .read).filter(\.$id != supportCase.id!)
        if let accountID = supportCase.accountID { cases = cases.filter(\.$accountID == accountID) }
        else if let contactID = supportCase.contactID { cases = cases.filter(\.$contactID == contactID) }
        history.cases = try await cases.sort(\.$id, .descending).limit(entries).all()
        if context.permissions.scope(for: .activities, .read) != nil {
            let regarding = [supportCase.accountID, supportCase.contactID].compactMap { $0 }
            history.activities = try await Activity.query(on: database).scoped(to: context, for: .read).filter(\.$regardingID ~~ regarding)
                .sort(\.$timelineAt, .descending).sort(\.$id, .descending).limit(entries).all()
        }
        if let accountID = supportCase.accountID, context.permissions.scope(for: .orders, .read) != nil {
            history.orders = try await SalesOrder.query(on: database).scoped(to: context, for: .read).filter(\.$accountID == accountID)
                .sort(\.$id, .descending).limit(entries).all()
        }
        return history
    }
}
