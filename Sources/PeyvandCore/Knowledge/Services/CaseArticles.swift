import FluentKit
import Foundation
import SQLKit

/// The articles used on a case. Linking needs `update` on the case and a published article the
/// agent may read; it records the revision, and the article's `case_count` is recounted from
/// the links in the same transaction.
public struct CaseArticles: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public struct Used: Sendable {
        public let link: CaseArticle
        public let article: KnowledgeArticle
    }

    /// The articles linked to the case, oldest link first (only those the reader may see).
    public func articles(of caseID: UUID, in context: RequestContext) async throws -> [Used] {
        _ = try await SalesRecords.find(SupportCase.self, caseID, for: .read, in: context, on: store.database)
        guard context.permissions.scope(for: .knowledge, .read) != nil else { return [] }
        let links = try await CaseArticle.query(on: store.database).scoped(to: context).filter(\.$caseID == caseID)
            .sort(\.$createdAt).sort(\.$id).all()
        guard !links.isEmpty else { return [] }
        let articles = try await KnowledgeArticle.query(on: store.database).scoped(to: context, for: .read)
            .filter(\.$id ~~ links.map(\.articleID)).all()
        let byID = Dictionary(uniqueKeysWithValues: articles.map { ($0.id!, $0) })
        return links.compactMap { link in byID[link.articleID].map { Used(link: link, article: $0) } }
    }

    /// Links the article; linking one already linked changes nothing and returns the existing link
    /// (`created` false).
    public func link(_ articleID: UUID?, to caseID: UUID, by context: RequestContext) async throws -> (used: Used, created: Bool) {
        guard let articleID else { throw ValidationFailure([FieldError(field: "article_id", code: .required)]) }
        let now = store.now()
        return try await store.write { database in
            _ = try await SalesRecords.find(SupportCase.self, caseID, for: .update, in: context, on: database)
            guard context.permissions.scope(for: .knowledge, .read) != nil,
                  let article = try await KnowledgeArticle.query(on: database).scoped(to: context, for: .read).filter(\.$id == articleID).first()
            else { throw ValidationFailure([FieldError(field: "article_id", code: .referencedRecordMissing)]) }
            guard article.isPublished else { throw ValidationFailure([FieldError(field: "article_id", code: .outOfRange)]) }
            if let existing = try await CaseArticle.query(on: database).scoped(to: context).filter(\.$caseID == caseID)
                .filter(\.$articleID == articleID).first() {
                return (Used(link: existing, article: article), false)
            }
            let link = CaseArticle(caseID: caseID, article: article, by: context.userID, at: now)
            try await link.create(on: database)
            try await Self.recount(articleID, on: database)
            try await AuditTrail.record(.create, of: link, by: context, at: now, on: database)
            try await Outbox.append("case.article_linked", recordType: SupportCase.auditType, recordID: caseID, payload: link.auditSnapshot,
                                    organisationID: context.organisationID, at: now, on: database)
            article.caseCount += 1
            return (Used(link: link, article: article), true)
        }
    }

    public func unlink(_ articleID: UUID, from caseID: UUID, by context: RequestContext) async throws {
        let now = store.now()
        try await store.write { database in
            _ = try await SalesRecords.find(SupportCase.self, caseID, for: .update, in: context, on: database)
            guard let link = try await CaseArticle.query(on: database).scoped(to: context).filter(\.$caseID == caseID)
                .filter(\.$articleID == articleID).first()
            else { throw PlatformError.notFound(recordType: CaseArticle.auditType) }
            try await link.delete(on: database)
            try await Self.recount(articleID, on: database)
            try await AuditTrail.record(.delete, of: link, before: link.auditSnapshot, by: context, at: now, on: database)
            try await Outbox.append("case.article_unlinked", recordType: SupportCase.auditType, recordID: caseID, payload: link.auditSnapshot,
                                    organisationID: context.organisationID, at: now, on: database)
        }
    }

    private static func recount(_ articleID: UUID, on database: any Database) async throws {
        try await database.sql().raw("""
            UPDATE kb_articles SET case_count = (SELECT COUNT(*) FROM kb_case_articles l WHERE l.article_id = \(bind: articleID))
            WHERE id = \(bind: articleID)
            """).run()
    }
}
