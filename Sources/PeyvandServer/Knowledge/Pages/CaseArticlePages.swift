import Foundation
import PeyvandCore
import Vapor

/// The knowledge base's routes on the case pages: record that an article was used (or take it
/// back), and the live suggestions of the case form.
enum CaseArticlePages {
    /// What the case page shows of the knowledge base.
    static func knowledge(of supportCase: SupportCase, page: WebPage) async throws -> CaseArticleViews.Knowledge {
        CaseArticleViews.Knowledge(
            used: try await CaseArticles(store: page.store).articles(of: supportCase.id!, in: page.context),
            suggestions: try await ArticleSuggestions(store: page.store).suggest(for: CaseFacts(supportCase), in: page.context))
    }

    /// `POST /cases/{id}/articles` (form field `article_id`).
    @Sendable static func link(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let caseID = try idParameter(request)
        let form = try await FormData(request)
        _ = try await CaseArticles(store: page.store).link(form.value("article_id").flatMap(UUID.init(uuidString:)), to: caseID, by: page.context)
        return page.redirect(to: SiteURL.record(.cases, caseID).path + "#articles")
    }

    /// `POST /cases/{id}/articles/{article_id}/remove`.
    @Sendable static func unlink(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let caseID = try idParameter(request)
        guard let articleID = request.parameters.get("article_id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        try await CaseArticles(store: page.store).unlink(articleID, from: caseID, by: page.context)
        return page.redirect(to: SiteURL.record(.cases, caseID).path)
    }

    /// `GET /cases/suggestions?title=&description=&product_id=&product_model=&category=&language=&case_id=`:
    /// an HTML fragment of similar cases and articles for the form as typed so far.
    @Sendable static func suggestions(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        func field(_ name: String, max: Int) -> String? {
            request.query[String.self, at: name].map { String($0.prefix(max)) }.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        }
        let facts = CaseFacts(caseID: field("case_id", max: 36).flatMap(UUID.init(uuidString:)), organisationID: page.context.organisationID,
                              title: field("title", max: 300) ?? "", description: field("description", max: 20_000),
                              productID: field("product_id", max: 36).flatMap(UUID.init(uuidString:)), productModel: field("product_model", max: 200),
                              category: field("category", max: 100), language: field("language", max: 5))
        let similar = try await CaseSimilarity(store: page.store).similar(to: facts, in: page.context)
        let articles = try await ArticleSuggestions(store: page.store).suggest(for: facts, in: page.context)
        return HTMLFragment.response(CaseArticleViews.fragment(similar: similar, articles: articles, page: page))
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.suggestions(.cases).pathComponents, use: suggestions)
        routes.post(SiteURL.recordAction(.cases, nil, "articles").pathComponents, use: link)
        routes.post(SiteURL.recordAction(.cases, nil, "articles/:article_id/remove").pathComponents, use: unlink)
    }
}
