import PeyvandCore
import Plot
import Vapor

/// One column of a list page: its heading, the sort key its heading toggles (if sortable), and
/// how a row's cell reads. A column with a `key` is the reader's to show or hide (`columns=` in
/// the list's address, so saved views keep the choice); one without is always shown.
struct ListColumn<Item> {
    var title: String
    var sortKey: String?
    var key: String?
    var isShownByDefault: Bool
    var cell: (Item) -> Node<HTML.BodyContext>

    init(_ title: String, sort sortKey: String? = nil, key: String? = nil, hiddenByDefault: Bool = false,
         _ cell: @escaping (Item) -> Node<HTML.BodyContext>) {
        self.title = title
        self.sortKey = sortKey
        self.key = key
        self.isShownByDefault = !hiddenByDefault
        self.cell = cell
    }
}

/// The query a list page was asked with (search, sort, filters), carried into its links so
/// sorting, paging and exporting keep what the user chose. Parameters are the API's.
struct ListQuery {
    var search: String?
    var sort: String?
    var filters: [(name: String, value: String)]
    /// The outcome of the bulk action that led here: records done and refused.
    var bulkOutcome: (done: Int, refused: Int)?
    /// The reader's saved views of this list.
    var savedViews: [SavedView] = []
    /// The optional columns the reader chose to see; nil for the list's default ones.
    var columns: [String]?

    /// The query with the reader's saved views of `resource`'s list.
    static func load(_ request: Request, filterNames: [String], resource: WebResource, page: WebPage) async throws -> ListQuery {
        var query = ListQuery(request, filterNames: filterNames)
        query.savedViews = try await SavedViewService(store: page.store).list(resource.rawValue, in: page.context)
        return query
    }

    /// The search, filters and sort as a query string (no cursor): what a saved view keeps.
    var queryString: String {
        URLComponents(string: link(.home))?.percentEncodedQuery ?? ""
    }

    /// Whether a saved view's query asks for this list (parameters in any order).
    func shows(_ savedQuery: String) -> Bool {
        func items(_ query: String) -> Set<String> { Set(query.split(separator: "&").map(String.init)) }
        return items(savedQuery) == items(queryString)
    }

    init(_ request: Request, filterNames: [String]) {
        func nonEmpty(_ name: String) -> String? {
            (request.query[String.self, at: name]).flatMap { $0.isEmpty ? nil : $0 }
        }
        search = nonEmpty("q")
        sort = nonEmpty("sort")
        filters = filterNames.compactMap { name in nonEmpty(name).map { (name, $0) } }
        if let done = nonEmpty("done").flatMap(Int.init), let refused = nonEmpty("refused").flatMap(Int.init) {
            bulkOutcome = (done, refused)
        }
        // `columns=phone,province` from a link, or one `columns=` per ticked box from the chooser
        // (which also sends an empty one, so "none ticked" is a choice too).
        let chosen = URLComponents(string: request.url.string)?.queryItems?.filter { $0.name == "columns" }.map { $0.value ?? "" }
        if let chosen, !chosen.isEmpty {
            columns = chosen.flatMap { $0.split(separator: ",").map(String.init) }
        }
    }

    /// Whether the table shows `column`: always for a fixed column, else as chosen or by default.
    func displays<Item>(_ column: ListColumn<Item>) -> Bool {
        guard let key = column.key else { return true }
        return columns.map { $0.contains(key) } ?? column.isShownByDefault
    }

    func value(of filter: String) -> String? {
        filters.first { $0.name == filter }?.value
    }

    func link(_ url: SiteURL, sort: String? = nil, cursor: String? = nil) -> String {
        url.with([("q", search), ("sort", sort ?? self.sort)] + filters.map { ($0.name, $0.value) }
                 + [("columns", columns?.joined(separator: ",")), ("cursor", cursor)])
    }
}

/// What a list's bulk form can do to the ticked records.
enum BulkAction: String, CaseIterable, Sendable {
    case assign, tag, delete

    var label: UIText {
        switch self {
        case .assign: .bulkAssign
        case .tag: .bulkTag
        case .delete: .delete
        }
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
                .unwrap(query.columns) { .input(.type(.hidden), .name("columns"), .value($0.joined(separator: ",").attributeEscaped)) },
                .button(.type(.submit), .text(display.text(.apply)))
            ),
            .div(.class("list-actions"), .group(actions))
        )
    }

    /// A fold-out form of tick boxes, one per optional column; applying it reloads the list with
    /// the same search, filters and sort.
    static func columnChooser<Item>(_ columns: [ListColumn<Item>], url: SiteURL, query: ListQuery, display: Display) -> Node<HTML.BodyContext> {
        let optional = columns.filter { $0.key != nil }
        guard !optional.isEmpty else { return .empty }
        return .element(named: "details", nodes: [
            .class("column-chooser"),
            .element(named: "summary", text: display.text(.columns)),
            .form(
                .method(.get), .action(url.path),
                .unwrap(query.search) { .input(.type(.hidden), .name("q"), .value($0.attributeEscaped)) },
                .unwrap(query.sort) { .input(.type(.hidden), .name("sort"), .value($0.attributeEscaped)) },
                .forEach(query.filters) { .input(.type(.hidden), .name($0.name), .value($0.value.attributeEscaped)) },
                .input(.type(.hidden), .name("columns"), .value("")),
                .forEach(optional) { column in
                    .label(.class("choice"),
                           .input(.type(.checkbox), .name("columns"), .value(column.key!),
                                  .attribute(named: "checked", value: query.displays(column) ? "checked" : nil)),
                           .text(column.title))
                },
                .button(.type(.submit), .text(display.text(.apply)))
            ),
        ])
    }

    static func table<Item>(_ items: [Item], columns: [ListColumn<Item>], query: ListQuery, url: SiteURL,
                            display: Display, defaultSort: String) -> Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .p(.class("empty"), .text(display.text(.nothingFound))) }
        let current = query.sort ?? defaultSort
        let columns = columns.filter { query.displays($0) }
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

    /// The reader's saved views as links, each with a delete button, and a form that saves the
    /// list as it is now under a name.
    static func savedViews(_ resource: WebResource, query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let url = SiteURL.records(resource)
        return .div(
            .class("saved-views"),
            .forEach(query.savedViews) { view in
                .span(.class("saved-view"),
                      .a(.href((view.query.isEmpty ? url.path : "\(url.path)?\(view.query)").attributeEscaped),
                         .attribute(named: "aria-current", value: query.shows(view.query) ? "true" : nil), .text(view.name)),
                      page.button("×", posting: SiteURL.savedView(view.id).path + "/delete", hidden: [("back", url.path)], class: "quiet"))
            },
            .form(
                .class("inline-form save-view"), .method(.post), .action(SiteURL.savedView(nil).path),
                CSRFField.node(page.csrfToken),
                .input(.type(.hidden), .name("resource"), .value(resource.rawValue)),
                .input(.type(.hidden), .name("query"), .value(query.queryString.attributeEscaped)),
                .label(.for("save-view-name"), .class("visually-hidden"), .text(page.text(.viewName))),
                .input(.id("save-view-name"), .type(.text), .name("name"), .placeholder(page.text(.viewName)), .attribute(named: "maxlength", value: "100"),
                       .required(true)),
                .button(.type(.submit), .class("quiet"), .text(page.text(.saveView)))
            )
        )
    }

    static let bulkFormID = "bulk-form"

    /// The tick box of a row, tied to the bulk form below the table by its `form` attribute.
    static func selectColumn<Item>(_ id: @escaping (Item) -> UUID?, label: @escaping (Item) -> String) -> ListColumn<Item> {
        ListColumn("") { item in
            .selfClosedElement(named: "input", attributes: [
                .attribute(named: "type", value: "checkbox"), .attribute(named: "name", value: "ids"),
                .attribute(named: "value", value: id(item)?.uuidString ?? ""), .attribute(named: "form", value: bulkFormID),
                .attribute(named: "aria-label", value: label(item).attributeEscaped),
            ])
        }
    }

    /// Assign, tag or delete the ticked rows; shown to readers who may change or delete records.
    static func bulkForm(_ resource: WebResource, module: PermissionModule, actions: [BulkAction], users: [UUID: String], query: ListQuery,
                         page: WebPage) -> Node<HTML.BodyContext> {
        let permissions = page.context.permissions
        guard permissions.scope(for: module, .update) != nil || permissions.scope(for: module, .delete) != nil else { return .empty }
        let choices = actions.map { ($0.rawValue, page.text($0.label)) }
        return .group(
            .unwrap(query.bulkOutcome) { outcome in
                .p(.class("notice"), .attribute(named: "role", value: "status"),
                   .text(page.text(.bulkOutcome(page.display.number(outcome.done), page.display.number(outcome.refused)))))
            },
            .form(
                .id(bulkFormID), .class("bulk-actions"), .method(.post), .action(SiteURL.bulk(resource).path),
                CSRFField.node(page.csrfToken),
                .input(.type(.hidden), .name("back"), .value(page.currentPath.attributeEscaped)),
                FormField(name: "bulk_action", label: page.text(.withTicked), control: .select(choices), isRequired: true).node,
                .if(actions.contains(.assign), FormField(name: "owner_id", label: page.text(.bulkOwner),
                          control: .select(users.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) })).node),
                .if(actions.contains(.tag), FormField(name: "tag", label: page.text(.bulkTagName)).node),
                .button(.type(.submit), .attribute(named: "data-confirm", value: page.text(.bulkConfirm)), .text(page.text(.apply)))
            )
        )
    }

    /// A record type's whole list page: heading with "new", saved views, search and filters with
    /// export and import, the table with tick boxes, the bulk actions and the pager.
    static func recordList<Item>(_ result: ListPage<Item>, resource: WebResource, module: PermissionModule, title: UIText,
                                 newRecord: UIText, columns: [ListColumn<Item>], filters: [FormField], bulkActions: [BulkAction] = BulkAction.allCases,
                                 headerActions: [Node<HTML.BodyContext>] = [], defaultSort: String = "-created_at", users: [UUID: String],
                                 query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let url = SiteURL.records(resource), display = page.display
        let transfers = [exportLink(resource, module: module, query: query, page: page)]
            + (ImportResource(rawValue: resource.rawValue).map { [importLink($0, page: page)] } ?? [])
        return .group(
            RecordView.header(page.text(title), actions: headerActions + [
                .if(page.context.permissions.scope(for: module, .create) != nil,
                    .a(.class("button"), .href(SiteURL.newRecord(resource).path), .text(page.text(newRecord)))),
            ]),
            savedViews(resource, query: query, page: page),
            toolbar(url, query: query, filters: filters, display: display, actions: transfers),
            columnChooser(columns, url: url, query: query, display: display),
            table(result.items, columns: columns, query: query, url: url, display: display, defaultSort: defaultSort),
            bulkForm(resource, module: module, actions: bulkActions, users: users, query: query, page: page),
            pager(url, query: query, nextCursor: result.nextCursor?.encoded, display: display)
        )
    }

    /// A link that downloads the list as CSV, as filtered and sorted on the page; only for readers
    /// who may export it.
    static func exportLink(_ resource: WebResource, module: PermissionModule, query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        .if(ExportResource(rawValue: resource.rawValue) != nil && page.context.permissions.scope(for: module, .export) != nil,
            .a(.class("button quiet"), .href(query.link(.export(resource)).attributeEscaped), .attribute(named: "download", value: "\(resource.rawValue).csv"),
               .text(page.text(.exportCSV))))
    }

    /// The CSV import of a resource, for readers who may create its records.
    static func importLink(_ resource: ImportResource, page: WebPage) -> Node<HTML.BodyContext> {
        .if(page.context.permissions.scope(for: resource.module, .create) != nil,
            .a(.class("button quiet"), .href(SiteURL.importFile(resource).path), .text(page.text(.importCSV))))
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
