import Foundation
import PeyvandCore
import Vapor

/// The record types that have list, record and form pages.
enum WebResource: String, CaseIterable, Sendable {
    case accounts, contacts, leads, opportunities, quotes, orders, invoices, products, activities, cases, knowledge
    case priceLists = "price-lists"
}

/// Every web page's address, used both to register routes and to build links, so the two
/// cannot drift apart. A record address built with a nil id is the route pattern (`:id`).
enum SiteURL {
    case home
    case login
    case logout
    case language
    case setup
    case password
    case search
    case searchSuggestions
    case board
    case records(WebResource)
    case newRecord(WebResource)
    /// The list as CSV, with the list page's search, filters and sort.
    case export(WebResource)
    /// Assign, tag or delete the records ticked on the list.
    case bulk(WebResource)
    /// Records whose names start like the typed text, for a form's name box (`?q=`).
    case suggestions(WebResource)
    case record(WebResource, UUID?)
    case editRecord(WebResource, UUID?)
    /// A POST target or sub-page of one record: `/leads/{id}/convert`, `/contacts/{id}/activities`.
    case recordAction(WebResource, UUID?, String)
    /// An administration page: `admin("users")` is `/admin/users`.
    case admin(String)
    /// The CSV upload page of a resource: `/contacts/import`.
    case importFile(ImportResource)
    /// A staged or running import: `/imports/{id}`, `/imports/{id}/mapping`.
    case importStep(UUID?, String)
    /// The saved views of the lists: `/views` to save, `/views/{id}/delete`.
    case savedView(UUID?)
    case asset(String)
    /// The records an activity can be about, matching what is typed in its form.
    case regardingSuggestions

    var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .language: "/preferences/language"
        case .setup: "/login/setup"
        case .password: "/preferences/password"
        case .search: "/search"
        case .searchSuggestions: "/search/suggestions"
        case .board: "/opportunities/board"
        case .records(let resource): "/\(resource.rawValue)"
        case .newRecord(let resource): "/\(resource.rawValue)/new"
        case .export(let resource): "/\(resource.rawValue)/export"
        case .bulk(let resource): "/\(resource.rawValue)/bulk"
        case .suggestions(let resource): "/\(resource.rawValue)/suggestions"
        case .record(let resource, let id): "/\(resource.rawValue)/\(Self.segment(id))"
        case .editRecord(let resource, let id): "/\(resource.rawValue)/\(Self.segment(id))/edit"
        case .recordAction(let resource, let id, let action): "/\(resource.rawValue)/\(Self.segment(id))/\(action)"
        case .admin(let page): page.isEmpty ? "/admin" : "/admin/\(page)"
        case .importFile(let resource): "/\(resource.rawValue)/import"
        case .importStep(let id, let step): "/imports/\(Self.segment(id))" + (step.isEmpty ? "" : "/\(step)")
        case .savedView(let id): id.map { "/views/\($0.uuidString.lowercased())" } ?? "/views"
        case .asset(let file): "/assets/\(file)"
        case .regardingSuggestions: "/activities/regarding-suggestions"
        }
    }

    /// The path with a query string, e.g. a list page with its search and sort.
    func with(_ query: [(String, String?)]) -> String {
        var components = URLComponents()
        components.path = path
        let items = query.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }

    /// The activities list (kept as its own name: the navigation and "my open tasks" link to it).
    static var activities: SiteURL { .records(.activities) }

    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    private static func segment(_ id: UUID?) -> String {
        id.map { $0.uuidString.lowercased() } ?? ":id"
    }
}
