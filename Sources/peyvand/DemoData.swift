import Foundation
import PeyvandCore
import PeyvandServer
import Vapor

/// A small demo organisation for trying Peyvand out: an admin, a sales team with a manager and
/// two reps, two support agents with their queues, a set of cases in every status and a knowledge base.
/// Loaded only into an empty database.
enum DemoData {
    struct Login {
        var email: String
        var password: String
    }

    static let password = "peyvand-demo-1405"
    static let organisationName = "بازرگانی نمونهٔ پیوند"
    static let adminEmail = "admin@demo.peyvand.ir"

    static func loadIfEmpty(_ app: Application, organisationName: String = DemoData.organisationName) async throws -> Login? {
        let organisations = OrganisationService(store: app.store, hasher: app.peyvand.hasher)
        guard try await organisations.isEmpty() else {
            app.logger.info("database is not empty; demo data not loaded")
            return nil
        }
        let (_, admin) = try await organisations.createUser(
            .init(email: adminEmail, name: "مریم احمدی", password: password, roleKey: BuiltInRole.admin.rawValue),
            organisationName: organisationName)
        let people: [(String, String, BuiltInRole)] = [
            ("sales.manager@demo.peyvand.ir", "علی رضایی", .salesManager),
            ("reza@demo.peyvand.ir", "رضا کریمی", .salesRep),
            ("sara@demo.peyvand.ir", "سارا محمدی", .salesRep),
            ("support@demo.peyvand.ir", "نرگس حسینی", .supportAgent),
            ("amir@demo.peyvand.ir", "امیر نوری", .supportAgent),
        ]
        var salesTeam: [UUID] = [], agents: [UUID] = []
        for (email, name, role) in people {
            let (_, user) = try await organisations.createUser(.init(email: email, name: name, password: password, roleKey: role.rawValue),
                                                               organisationName: "")
            if role == .supportAgent { agents.append(user.id!) } else { salesTeam.append(user.id!) }
        }
        let context = try await AuthService(store: app.store, hasher: app.peyvand.hasher, pepper: app.peyvand.settings.secret)
            .context(forUser: admin.id!, language: .fa, requestID: nil)
        _ = try await TeamService(store: app.store).create(name: "فروش تهران", memberIDs: salesTeam, by: context)
        _ = try await TeamService(store: app.store).create(name: "پشتیبانی", memberIDs: agents, by: context)
        _ = try await DemoCases(store: app.store).load(agents: agents, by: context)
        try await DemoArticles(store: app.store).load(by: context)
        return Login(email: admin.email, password: password)
    }
}
