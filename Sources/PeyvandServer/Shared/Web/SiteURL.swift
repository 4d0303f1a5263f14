import Vapor

/// Every web page's address, used both to register routes and to build links, so the two
/// cannot drift apart.
enum SiteURL {
    case home
    case login
    case logout
    case asset(String)

    var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .asset(let file): "/assets/\(file)"
        }
    }

    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }
}
