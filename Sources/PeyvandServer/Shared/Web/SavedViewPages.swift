import PeyvandCore
import Vapor

/// Saving and deleting the reader's own list views (see `ListView.savedViews`).
enum SavedViewPages {
    /// `POST /views`: saves the list's current query under a name and shows that view.
    @Sendable static func save(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let form = try await FormData(request)
        guard let resource = form.value("resource").flatMap(WebResource.init(rawValue:)) else { throw Abort(.badRequest) }
        let query = form.value("query") ?? ""
        let url = SiteURL.records(resource).path
        do {
            _ = try await SavedViewService(store: page.store).save(resource.rawValue, name: form.value("name"), query: query, in: page.context)
        } catch let error as any DomainError where error.kind == .validation {
            // An empty or over-long name saves nothing (the box is `required`); the list shows as it was.
        }
        return page.redirect(to: query.isEmpty ? url : "\(url)?\(query)")
    }

    @Sendable static func delete(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let form = try await FormData(request)
        try await SavedViewService(store: page.store).delete(try idParameter(request), in: page.context)
        return page.redirect(to: LoginPageModel.safeNext(form.value("back")) ?? SiteURL.home.path)
    }

    static func register(on routes: any RoutesBuilder) {
        routes.post(SiteURL.savedView(nil).pathComponents, use: save)
        routes.post(["views", ":id", "delete"], use: delete)
    }
}
