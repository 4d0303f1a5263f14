import PeyvandCore
import Plot
import Vapor

/// The global search: every sales record type at once, Persian-normalised by the same search
/// index the lists use; a results page, and a fragment of suggestions for the header's box.
enum SearchPages {
    struct Hit {
        var resource: WebResource
        var id: UUID
        var title: String
        var detail: String?
    }

    struct Group {
        var resource: WebResource
        var hits: [Hit]
    }

    static let perTypeOnPage = 5
    static let suggestionCount = 8

    /// Up to `limit` hits per record type the reader may see (of `resources` only, when given), in
    /// relevance order.
    static func search(_ text: String, limit: Int, among resources: Set<WebResource>? = nil, page: WebPage) async throws -> [Group] {
        let context = page.context, store = page.store
        let request = ListRequest(limit: limit, search: text)
        func may(_ module: PermissionModule, _ resource: WebResource) -> Bool {
            context.permissions.scope(for: module, .read) != nil && resources?.contains(resource) != false
        }
        var groups: [Group] = []
        if may(.contacts, .contacts) {
            let hits = try await ContactService(store: store).list(request, in: context).items
                .map { Hit(resource: .contacts, id: $0.id!, title: $0.fullName, detail: $0.jobTitle) }
            groups.append(Group(resource: .contacts, hits: hits))
        }
        if may(.accounts, .accounts) {
            let hits = try await AccountService(store: store).list(request, in: context).items
                .map { Hit(resource: .accounts, id: $0.id!, title: $0.name, detail: $0.industry) }
            groups.append(Group(resource: .accounts, hits: hits))
        }
        if may(.leads, .leads) {
            let hits = try await LeadService(store: store).list(request, in: context).items
                .map { Hit(resource: .leads, id: $0.id!, title: $0.fullName, detail: $0.company) }
            groups.append(Group(resource: .leads, hits: hits))
        }
        if may(.opportunities, .opportunities) {
            let hits = try await OpportunityService(store: store).list(request, in: context).items
                .map { Hit(resource: .opportunities, id: $0.id!, title: $0.name, detail: nil) }
            groups.append(Group(resource: .opportunities, hits: hits))
        }
        if may(.products, .products) {
            let hits = try await ProductService(store: store).list(request, in: context).items
                .map { Hit(resource: .products, id: $0.id!, title: $0.displayName(in: context.language), detail: $0.sku) }
            groups.append(Group(resource: .products, hits: hits))
        }
        if may(.cases, .cases) {
            let hits = try await CaseService(store: store).list(request, in: context).items
                .map { Hit(resource: .cases, id: $0.id!, title: $0.title, detail: $0.number) }
            groups.append(Group(resource: .cases, hits: hits))
        }
        return groups
    }

    @Sendable static func results(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let text = query(request)
        var groups: [Group] = []
        if let text { groups = try await search(text, limit: perTypeOnPage, page: page) }
        return page.render(page.text(.search), section: nil, search: text, resultsView(groups, text: text, page: page))
    }

    /// `GET /search/suggestions?q=`: a small HTML list the header's script shows under the box.
    @Sendable static func suggestions(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        guard let text = query(request), text.count >= 2 else { return HTMLFragment.response(.text("")) }
        let hits = try await search(text, limit: 3, page: page).flatMap(\.hits).prefix(suggestionCount)
        return HTMLFragment.response(.ul(
            .class("suggestions"), .attribute(named: "role", value: "listbox"),
            .forEach(Array(hits)) { hit in
                .li(.a(.href(SiteURL.record(hit.resource, hit.id).path), .text(hit.title),
                       .span(.class("muted"), .text(" · " + hit.resource.title.text(in: page.language)))))
            }))
    }

    private static func query(_ request: Request) -> String? {
        request.query[String.self, at: "q"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
    }

    private static func resultsView(_ groups: [Group], text: String?, page: WebPage) -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(page.text(.search) + (text.map { ": " + $0 } ?? ""))),
            .form(.method(.get), .action(SiteURL.search.path), .class("list-filters"), .attribute(named: "role", value: "search"),
                  FormField(name: "q", label: page.text(.searchEverything), type: .search, value: text).node,
                  .button(.type(.submit), .text(page.text(.search)))),
            .if(text != nil && groups.allSatisfy(\.hits.isEmpty), .p(.class("empty"), .text(page.text(.nothingFound)))),
            .forEach(groups.filter { !$0.hits.isEmpty }) { group in
                .section(
                    .class("card record-section search-group"),
                    .h2(.a(.href(SiteURL.records(group.resource).with([("q", text)]).attributeEscaped), .text(group.resource.title.text(in: page.language)))),
                    .ul(.class("related"), .forEach(group.hits) { hit in
                        .li(.a(.href(SiteURL.record(hit.resource, hit.id).path), .text(hit.title)),
                            .unwrap(hit.detail) { .span(.class("muted"), .text(" · " + $0)) })
                    })
                )
            }
        )
    }
}
