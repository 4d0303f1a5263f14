import FluentKit
import Foundation
import PeyvandCore
import Vapor

/// The knowledge-base screens: list with search and filters, the article (counted as a reading
/// when published, with the helpful vote, status moves and revisions) and the forms, through the
/// same reader and service as `KnowledgeAPI`.
enum ArticlePages: RecordPages {
    typealias Record = KnowledgeArticle
    static let resource = WebResource.knowledge
    static let regarding: RegardingType? = nil
    static let shape = FormData.Shape(commaSeparated: ["keywords"])
    /// Articles carry no tags; their author is their owner.
    static let bulkActions: [BulkAction] = [.delete]

    static func service(_ page: WebPage) -> ArticleService { ArticleService(store: page.store) }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = try await webPage(request)
        let query = try await ListQuery.load(request, filterNames: KnowledgeAPI.filters.map(\.name) + ["owner_id"], resource: .knowledge, page: page)
        let result = try await service(page).list(try SalesRequests.listRequest(request, ArticleService.list, filters: KnowledgeAPI.filters),
                                                  in: page.context)
        let names = ArticleViews.Names(users: try await RecordNames.users(in: page))
        return page.render(page.text(.knowledge), section: .knowledge, ArticleViews.list(result, names: names, query: query, page: page))
    }

    static func recordPage(_ page: WebPage, _ id: UUID, _ quickAdd: FormState) async throws -> Response {
        let article = try await service(page).recordView(of: id, in: page.context)
        var names = ArticleViews.Names(users: try await RecordNames.users(in: page))
        names.products = try await RecordNames.products(Set([article.productID].compactMap { $0 }), in: page)
        let revisions = try await service(page).revisions(of: id, in: page.context)
        let vote = try await service(page).vote(of: id, in: page.context)
        return page.render(article.title, section: .knowledge,
                           ArticleViews.record(article, names: names, revisions: revisions, vote: vote, page: page))
    }

    static func blankForm(_ request: Request) -> FormState {
        FormState(values: ["language": "fa", "status": KnowledgeArticle.Status.draft.rawValue])
    }

    static func formPage(_ page: WebPage, state: FormState, record article: KnowledgeArticle?, status: HTTPStatus) async throws -> Response {
        let names = ArticleViews.Names(products: try await RecordNames.products(nil, in: page))
        let title = article.map { "\(page.text(.edit)): \($0.title)" } ?? page.text(.newArticle)
        return page.render(title, section: .knowledge, status: status, ArticleViews.form(state, article: article, names: names, title: title, page: page))
    }

    static func find(_ id: UUID, page: WebPage) async throws -> KnowledgeArticle {
        try await service(page).find(id, in: page.context)
    }

    static func saveNew(_ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> KnowledgeArticle {
        try await service(page).create(KnowledgeAPI.read(&reader), by: page.context, readProblems: reader.validator)
    }

    static func saveChanges(_ id: UUID, _ reader: inout FieldReader, form: FormData, page: WebPage) async throws -> KnowledgeArticle {
        try await service(page).update(id, KnowledgeAPI.read(&reader), expectedVersion: expectedVersion(form), by: page.context,
                                       readProblems: reader.validator)
    }

    static func delete(_ id: UUID, version: Int?, page: WebPage) async throws {
        try await service(page).delete(id, expectedVersion: version, by: page.context)
    }

    static func values(of article: KnowledgeArticle, display: Display) -> [String: String] {
        ArticleViews.values(of: article)
    }

    // MARK: actions and sub-pages

    /// `POST /knowledge/{id}/status` (publish, archive, back to draft) and `/feedback` (helpful or not).
    static func action(_ name: String) -> @Sendable (Request) async throws -> Response {
        { request in
            let page = try WebPage(request)
            let id = try idParameter(request)
            let form = try await FormData(request)
            switch name {
            case "status":
                _ = try await service(page).update(id, ArticleInput(provided: ["status"], status: form.value("status")),
                                                   expectedVersion: expectedVersion(form), by: page.context)
                return page.redirect(to: SiteURL.record(.knowledge, id).path)
            default:
                _ = try await service(page).vote(on: id, helpful: form.value("helpful").map { $0 == "true" }, by: page.context)
                return page.redirect(to: SiteURL.record(.knowledge, id).path + "#feedback")
            }
        }
    }

    /// `GET /knowledge/{id}/revisions/{revision}`: the article as that save left it.
    @Sendable static func revision(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let id = try idParameter(request)
        guard let number = request.parameters.get("revision").flatMap(Int.init) else { throw Abort(.notFound) }
        let article = try await service(page).find(id, in: page.context)
        let revision = try await service(page).revision(number, of: id, in: page.context)
        return page.render(revision.title, section: .knowledge, ArticleViews.revision(revision, of: article, page: page))
    }

    static func registerActions(on routes: any RoutesBuilder) {
        for name in ["status", "feedback"] {
            routes.post(SiteURL.recordAction(.knowledge, nil, name).pathComponents, use: action(name))
        }
        routes.get(SiteURL.recordAction(.knowledge, nil, "revisions/:revision").pathComponents, use: revision)
    }
}
