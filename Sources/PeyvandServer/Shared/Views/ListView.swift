import PeyvandCore
import Plot
import Vapor

/// One column of a list page: its heading, the sort key its heading toggles (if sortable), and
/// how a row's cell reads.
struct ListColumn<Item> {
    var title: String
    var sortKey: String?
    var cell: (Item) -> Node<HTML.BodyContext>

    init(_ title: String, sort sortKey: String? = nil, _ cell: @escaping (Item) -> Node<HTML.BodyContext>) {
        self.title = title
        self.sortKey = sortKey
        self.cell = cell
    }
}

/// The query a list page was asked with (search, sort, filters), carried into its links so
/// sorting, paging and exporting keep what the user chose. Parameters are the API's.
struct ListQuery {
    var search: String?
    var sort: String?
    var filters: [(name: String, value: String)]

    init(_ request: Request, filterNames: [String]) {
        func nonEmpty(_ name: String) -> String? {
            (request.query[String.self, at: name]).flatMap { $0.isEmpty ? nil : $0 }
        }
        search = nonEmpty("q")
        sort = nonEmpty("sort")
        filters = filterNames.compactMap { name in nonEmpty(name).map { (name, $0) } }
    }

    func value(of filter: String) -> String? {
        filters.first { $0.name == filter }?.value
    }

    func link(_ url: SiteURL, sort: String? = nil, cursor: String? = nil) -> String {
        url.with([("q", search), ("sort", sort ?? self.sort)] + filters.map { ($0.name, $0.value) } + [("cursor", cursor)])
    }
}

enum ListView {
    /// The search box, the filters and the buttons above a list; a plain GET form.
    static func toolbar(_ url: SiteURL, query: ListQuery, filters: [FormField], display: Display,
                        actions: [Node<HTML.BodyContext>] = []) -> Node<HTML.BodyContext> {
        .div(
            .class("list-toolbar"),
            .form(
                .class("list-filters"), .method(.get), .action(url.path), .attribute(named: "role", value: "search"),
                FormField(name: "q", label: display.text(.search), type: .search, value: query.search).node,
                .forEach(filters) { $0.node },
                .unwrap(query.sort) { .input(.type(.hidden), .name("sort"), .value($0.attributeEscaped)) },
                .button(.type(.submit), .text(display.text(.apply)))
            ),
            .div(.class("list-actions"), .group(actions))
        )
    }

    static func table<Item>(_ items: [Item], columns: [ListColumn<Item>], query: ListQuery, url: SiteURL,
                            display: Display, defaultSort: String) -> Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .p(.class("empty"), .text(display.text(.nothingFound))) }
        let current = query.sort ?? defaultSort
        return .div(
            .class("table-scroll"),
            .table(
                .class("records"),
                .thead(.tr(.forEach(columns) { column in
                    .th(.attribute(named: "scope", value: "col"),
                        .attribute(named: "aria-sort", value: ariaSort(column.sortKey, current: current)),
                        .unwrap(column.sortKey, { key in
                            .a(.href(query.link(url, sort: current == key ? "-\(key)" : key).attributeEscaped), .text(column.title))
                        }, else: .text(column.title)))
                })),
                .tbody(.forEach(items) { item in
                    .tr(.forEach(columns) { column in .td(column.cell(item)) })
                })
            )
        )
    }

    /// A link that downloads the list as CSV, as filtered and sorted on the page; only for readers
    /// who may export it.
    static func exportLink(_ resource: WebResource, module: PermissionModule, query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        .if(page.context.permissions.scope(for: module, .export) != nil,
            .a(.class("button quiet"), .href(query.link(.export(resource)).attributeEscaped), .attribute(named: "download", value: "\(resource.rawValue).csv"),
               .text(page.text(.exportCSV))))
    }

    /// "Next page" when there is one; cursors only go forward, as the API's do.
    static func pager(_ url: SiteURL, query: ListQuery, nextCursor: String?, display: Display) -> Node<HTML.BodyContext> {
        .nav(
            .class("pager"), .attribute(named: "aria-label", value: display.text(.pages)),
            .if(query.filters.isEmpty == false || query.search != nil || query.sort != nil,
                .a(.href(url.path), .text(display.text(.clearFilters)))),
            .unwrap(nextCursor) { .a(.class("button"), .attribute(named: "rel", value: "next"),
                                     .href(query.link(url, cursor: $0).attributeEscaped), .text(display.text(.nextPage))) }
        )
    }

    private static func ariaSort(_ key: String?, current: String) -> String? {
        guard let key else { return nil }
        if current == key { return "ascending" }
        if current == "-\(key)" { return "descending" }
        return nil
    }
}
