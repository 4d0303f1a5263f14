import PeyvandCore
import Vapor

/// `/kb-articles` (with `/restore`, `/revisions`, `/views`, `/feedback`) and the case's articles:
/// `/cases/{id}/articles` (used on the case) and `/cases/{id}/suggested-articles`.
enum KnowledgeAPI {
    static func service(_ request: Request) -> ArticleService { ArticleService(store: request.store) }

    static let filters = [
        ListParameter("status", .oneOf(KnowledgeArticle.Status.allCases.map(\.rawValue))),
        ListParameter("language", .oneOf(CaseInput.languages)),
        ListParameter("category", column: "category_key", .compacted),
        ListParameter("product_id", .uuid),
    ]

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await service(request).list(try SalesRequests.listRequest(request, ArticleService.list, filters: filters), in: try request.actor)
        return try jsonResponse(ListBody(page) { ArticleDTO($0) })
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let article = try await service(request).find(try idParameter(request), in: try request.actor)
        return try jsonResponse(ArticleDTO(article), version: article.version)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let article = try await service(request).create(input, by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(ArticleDTO(article), status: .created, version: article.version, location: "/api/v1/kb-articles/\(article.id!)")
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let input = read(&reader)
        let article = try await service(request).update(try idParameter(request), input, expectedVersion: Versioning.expectedVersion(request),
                                                        by: try request.actor, readProblems: reader.validator)
        return try jsonResponse(ArticleDTO(article), version: article.version)
    }

    @Sendable static func delete(_ request: Request) async throws -> HTTPStatus {
        try await service(request).delete(try idParameter(request), expectedVersion: Versioning.expectedVersion(request), by: try request.actor)
        return .noContent
    }

    @Sendable static func restore(_ request: Request) async throws -> Response {
        let article = try await service(request).restore(try idParameter(request), by: try request.actor)
        return try jsonResponse(ArticleDTO(article), version: article.version)
    }

    @Sendable static func revisions(_ request: Request) async throws -> Response {
        let revisions = try await service(request).revisions(of: try idParameter(request), in: try request.actor)
        return try jsonResponse(UnpagedBody(data: revisions.map(ArticleRevisionDTO.init)))
    }

    @Sendable static func revision(_ request: Request) async throws -> Response {
        guard let number = request.parameters.get("revision").flatMap(Int.init) else { throw Abort(.notFound) }
        let revision = try await service(request).revision(number, of: try idParameter(request), in: try request.actor)
        return try jsonResponse(ArticleRevisionDTO(revision))
    }

    /// `POST /kb-articles/{id}/views`: a client that shows the article to someone counts the reading.
    @Sendable static func view(_ request: Request) async throws -> Response {
        let article = try await service(request).recordView(of: try idParameter(request), in: try request.actor)
        return try jsonResponse(ArticleDTO(article), version: article.version)
    }

    /// `POST /kb-articles/{id}/feedback` `{ "helpful": true | false }`: the reader's one vote, replaceable.
    @Sendable static func feedback(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let helpful = reader.bool("helpful")
        try reader.finish()
        let article = try await service(request).vote(on: try idParameter(request), helpful: helpful, by: try request.actor)
        return try jsonResponse(ArticleDTO(article), version: article.version)
    }

    // MARK: the case's articles

    @Sendable static func caseArticles(_ request: Request) async throws -> Response {
        let used = try await CaseArticles(store: request.store).articles(of: try idParameter(request), in: try request.actor)
        return try jsonResponse(UnpagedBody(data: used.map(CaseArticleDTO.init)))
    }

    /// `POST /cases/{id}/articles` `{ "article_id" }`: 201 when linked now, 200 when it already was.
    @Sendable static func linkArticle(_ request: Request) async throws -> Response {
        var reader = try FieldReader(request)
        let articleID = reader.uuid("article_id")
        try reader.finish()
        let caseID = try idParameter(request)
        let (used, created) = try await CaseArticles(store: request.store).link(articleID, to: caseID, by: try request.actor)
        return try jsonResponse(CaseArticleDTO(used), status: created ? .created : .ok, location: "/api/v1/cases/\(caseID)/articles")
    }

    @Sendable static func unlinkArticle(_ request: Request) async throws -> HTTPStatus {
        guard let articleID = request.parameters.get("article_id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        try await CaseArticles(store: request.store).unlink(articleID, from: try idParameter(request), by: try request.actor)
        return .noContent
    }

    /// `GET /cases/{id}/suggested-articles`: up to five published articles for the case, best first, each with its score.
    @Sendable static func suggested(_ request: Request) async throws -> Response {
        let actor = try request.actor
        let supportCase = try await CaseService(store: request.store).find(try idParameter(request), in: actor)
        let suggestions = try await ArticleSuggestions(store: request.store).suggest(for: CaseFacts(supportCase), in: actor)
        return try jsonResponse(UnpagedBody(data: suggestions.map(SuggestedArticleDTO.init)))
    }

    static func read(_ reader: inout FieldReader) -> ArticleInput {
        ArticleInput(provided: reader.providedKeys, title: reader.string("title"), body: reader.string("body"), category: reader.string("category"),
                     productID: reader.uuid("product_id"), keywords: reader.strings("keywords"), language: reader.string("language"),
                     status: reader.string("status"), ownerUserID: reader.uuid("owner_id"))
    }
}
