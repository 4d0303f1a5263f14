import FluentKit
import Foundation
import SQLKit

/// The only writer of knowledge-base articles. Every change of the content keeps a revision;
/// status moves follow `KnowledgeArticle.Status.next` (anything else is a 409). Drafts and
/// archived articles are seen only by those who may edit them; everyone who reads the knowledge
/// base sees the published ones.
public struct ArticleService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public static let list = RecordList<KnowledgeArticle>(
        sortable: [
            SortableColumn("created_at", column: "id", kind: .uuid), SortableColumn("updated_at", kind: .timestamp),
            SortableColumn("title", kind: .text), SortableColumn("view_count", kind: .integer),
            SortableColumn("helpful_count", kind: .integer), SortableColumn("case_count", kind: .integer),
        ],
        defaultSort: ListSort("updated_at", descending: true), isSearchable: true)

    public func list(_ request: ListRequest, in context: RequestContext) async throws -> ListPage<KnowledgeArticle> {
        var request = request
        if let visible = Self.visibility(in: context) { request.filters.append(visible) }
        return try await Self.list.fetch(request, in: context, store: store)
    }

    /// The rows a reader may see besides the published ones: those within their `update` scope.
    /// nil when they may see everything.
    static func visibility(in context: RequestContext) -> ListFilter? {
        let published: [ListFilter] = [.equals(column: "status", value: KnowledgeArticle.Status.published.rawValue)]
        switch context.permissions.scope(for: .knowledge, .update) {
        case .organisation?: return nil
        case .team?:
            var groups = [published, [.oneOf(column: "owner_user_id", values: Array(context.teammateIDs))]]
            if !context.teamIDs.isEmpty { groups.append([.oneOf(column: "owner_team_id", values: Array(context.teamIDs))]) }
            return .anyOf(groups)
        case .own?: return .anyOf([published, [.equals(column: "owner_user_id", value: context.userID)]])
        case nil: return .anyOf([published])
        }
    }

    public func find(_ id: UUID, in context: RequestContext) async throws -> KnowledgeArticle {
        try await Self.find(id, for: .read, in: context, on: store.database)
    }

    /// As `SalesRecords.find`, and an unpublished article is "not found" to those who may not edit it.
    static func find(_ id: UUID, for action: PermissionAction, in context: RequestContext,
                     on database: any Database) async throws -> KnowledgeArticle {
        let article = try await SalesRecords.find(KnowledgeArticle.self, id, for: action, in: context, on: database)
        guard article.isPublished || article.permits(.update, by: context) else { throw PlatformError.notFound(recordType: KnowledgeArticle.auditType) }
        return article
    }

    public func create(_ input: ArticleInput, by context: RequestContext, readProblems: FieldValidator = FieldValidator()) async throws -> KnowledgeArticle {
        try context.require(.knowledge, .create)
        var validator = readProblems
        input.validate(creating: true, into: &validator)
        try await validateReferences(input, into: &validator, in: context)
        try validator.check()
        if let owner = input.ownerUserID, owner != context.userID,
           !context.may(.assign, on: .knowledge, ownerUserID: owner, ownerTeamID: nil) {
            throw PlatformError.forbidden(.knowledge, .assign)
        }
        let now = store.now()
        return try await store.write { database in
            let article = KnowledgeArticle(organisationID: context.organisationID, title: "")
            article.ownerUserID = input.ownerUserID ?? context.userID
            Self.apply(input, to: article)
            if let raw = input.status, let status = KnowledgeArticle.Status(rawValue: raw), status != .draft {
                try Self.move(article, to: status, at: now)
            }
            try await article.create(on: database)
            try await ArticleRevision(of: article, by: context.userID, at: now).create(on: database)
            try await SalesRecords.recordChange(article, action: .create, before: nil, by: context, at: now, on: database)
            return article
        }
    }

    public func update(_ id: UUID, _ input: ArticleInput, expectedVersion: Int?, by context: RequestContext,
                       readProblems: FieldValidator = FieldValidator()) async throws -> KnowledgeArticle {
        try context.require(.knowledge, .update)
        var validator = readProblems
        input.validate(creating: false, into: &validator)
        try await validateReferences(input, into: &validator, in: context)
        try validator.check()
        let now = store.now()
        return try await store.write { database in
            let article = try await SalesRecords.lockForUpdate(KnowledgeArticle.self, id, expectedVersion: expectedVersion, in: context, on: database)
            let before = article.auditSnapshot
            let content = Self.content(of: article)
            Self.apply(input, to: article)
            if let owner = input.ownerUserID, owner != article.ownerUserID {
                guard context.may(.assign, on: .knowledge, ownerUserID: owner, ownerTeamID: nil) else { throw PlatformError.forbidden(.knowledge, .assign) }
                article.ownerUserID = owner
            }
            if input.provided.contains("status"), let raw = input.status, let status = KnowledgeArticle.Status(rawValue: raw) {
                try Self.move(article, to: status, at: now)
            }
            if Self.content(of: article) != content {
                article.revision += 1
                try await ArticleRevision(of: article, by: context.userID, at: now).create(on: database)
            }
            try await article.update(on: database)
            try await SalesRecords.recordChange(article, action: .update, before: before, by: context, at: now, on: database)
            return article
        }
    }

    public func delete(_ id: UUID, expectedVersion: Int?, by context: RequestContext) async throws {
        _ = try await Self.find(id, for: .delete, in: context, on: store.database)
        try await SalesRecords.softDelete(KnowledgeArticle.self, id, expectedVersion: expectedVersion, by: context, at: store.now(), store: store)
    }

    public func restore(_ id: UUID, by context: RequestContext) async throws -> KnowledgeArticle {
        try await SalesRecords.restore(KnowledgeArticle.self, id, by: context, at: store.now(), store: store)
    }

    // MARK: revisions, views and votes

    /// Every revision of the article, newest first.
    public func revisions(of id: UUID, in context: RequestContext) async throws -> [ArticleRevision] {
        _ = try await find(id, in: context)
        return try await ArticleRevision.query(on: store.database).scoped(to: context).filter(\.$articleID == id)
            .sort(\.$revision, .descending).all()
    }

    public func revision(_ number: Int, of id: UUID, in context: RequestContext) async throws -> ArticleRevision {
        _ = try await find(id, in: context)
        guard let revision = try await ArticleRevision.query(on: store.database).scoped(to: context).filter(\.$articleID == id)
            .filter(\.$revision == number).first()
        else { throw PlatformError.notFound(recordType: "kb_article_revision") }
        return revision
    }

    /// Counts one reading of a published article (drafts read by their editors are not counted).
    /// A single increment: neither the version nor the audit log moves for a reading.
    @discardableResult
    public func recordView(of id: UUID, in context: RequestContext) async throws -> KnowledgeArticle {
        let article = try await find(id, in: context)
        guard article.isPublished else { return article }
        try await store.sql().raw("""
            UPDATE kb_articles SET view_count = view_count + 1 WHERE id = \(bind: id) AND org_id = \(bind: context.organisationID)
            """).run()
        article.viewCount += 1
        return article
    }

    /// The reader's answer to "was this helpful?", replacing any earlier answer of theirs; the
    /// article's two counters are recounted from the answers in the same transaction.
    public func vote(on id: UUID, helpful: Bool?, by context: RequestContext) async throws -> KnowledgeArticle {
        guard let helpful else { throw ValidationFailure([FieldError(field: "helpful", code: .required)]) }
        let now = store.now()
        return try await store.write { database in
            let article = try await Self.find(id, for: .read, in: context, on: database)
            let vote = ArticleVote(article: article, userID: context.userID, isHelpful: helpful, at: now)
            let sql = try database.sql()
            try await sql.raw("""
                INSERT INTO kb_article_votes (id, org_id, article_id, user_id, helpful, created_at)
                VALUES (\(bind: vote.id!), \(bind: vote.organisationID), \(bind: id), \(bind: context.userID), \(bind: helpful), \(bind: now))
                ON CONFLICT (article_id, user_id) DO UPDATE SET helpful = excluded.helpful, created_at = excluded.created_at
                """).run()
            try await sql.raw("""
                UPDATE kb_articles SET
                  helpful_count = (SELECT COUNT(*) FROM kb_article_votes v WHERE v.article_id = \(bind: id) AND v.helpful = \(bind: true)),
                  not_helpful_count = (SELECT COUNT(*) FROM kb_article_votes v WHERE v.article_id = \(bind: id) AND v.helpful = \(bind: false))
                WHERE id = \(bind: id)
                """).run()
            return try await Self.find(id, for: .read, in: context, on: database)
        }
    }

    /// The reader's own answer, if they gave one.
    public func vote(of id: UUID, in context: RequestContext) async throws -> Bool? {
        try await ArticleVote.query(on: store.database).scoped(to: context).filter(\.$articleID == id)
            .filter(\.$userID == context.userID).first()?.isHelpful
    }

    // MARK: rules

    static func move(_ article: KnowledgeArticle, to target: KnowledgeArticle.Status, at now: Date) throws {
        let current = KnowledgeArticle.Status(rawValue: article.status) ?? .draft
        guard target != current else { return }
        guard current.next.contains(target) else {
            throw SalesError.invalidTransition(field: "status", from: current.rawValue, to: target.rawValue)
        }
        switch target {
        case .published: article.publishedAt = now; article.archivedAt = nil
        case .archived: article.archivedAt = now
        case .draft: article.archivedAt = nil
        }
        article.status = target.rawValue
    }

    static func apply(_ input: ArticleInput, to article: KnowledgeArticle) {
        let provided = input.provided
        if provided.contains("title"), let title = input.title { article.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
        if provided.contains("body"), let body = input.body { article.body = body.trimmingCharacters(in: .whitespacesAndNewlines) }
        if provided.contains("category") { article.category = PartyInput.trimmed(input.category) }
        if provided.contains("product_id") { article.productID = input.productID }
        if provided.contains("keywords") {
            article.keywords = (input.keywords ?? []).compactMap(PartyInput.trimmed).joined(separator: ", ")
        }
        if let language = input.language { article.language = language }
        article.refreshDerivedFields()
    }

    private static func content(of article: KnowledgeArticle) -> [String?] {
        [article.title, article.body, article.category, article.productID?.uuidString, article.keywords, article.language]
    }

    private func validateReferences(_ input: ArticleInput, into validator: inout FieldValidator, in context: RequestContext) async throws {
        if let productID = input.productID,
           try await Product.query(on: store.database).scoped(to: context).filter(\.$id == productID).count() == 0 {
            validator.add("product_id", .referencedRecordMissing)
        }
        if let owner = input.ownerUserID,
           try await User.query(on: store.database).scoped(to: context).filter(\.$id == owner).filter(\.$isActive == true).count() == 0 {
            validator.add("owner_id", .referencedRecordMissing)
        }
    }
}
