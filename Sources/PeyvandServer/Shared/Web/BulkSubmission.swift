import Foundation
import PeyvandCore
import Vapor

/// A list's bulk form as posted: the action and the ticked records. Each record goes through
/// the same service call (and permission checks) as on its own page; the list then says how
/// many were done and how many refused.
struct BulkSubmission {
    let ids: [UUID]
    let action: BulkAction?
    let owner: UUID?
    let tag: String
    private let back: String

    /// `offered`: the actions this list shows; any other is refused for every record.
    init(_ request: Request, offered: [BulkAction], resource: WebResource) async throws {
        let form = try await FormData(request)
        ids = Array(form.values("ids").compactMap(UUID.init(uuidString:)).prefix(PageRequest.maximumLimit))
        action = form.value("bulk_action").flatMap(BulkAction.init(rawValue:)).flatMap { offered.contains($0) ? $0 : nil }
        owner = form.value("owner_id").flatMap(UUID.init(uuidString:))
        tag = form.value("tag")?.trimmingCharacters(in: .whitespaces) ?? ""
        back = LoginPageModel.safeNext(form.value("back")) ?? SiteURL.records(resource).path
    }

    /// Runs `perform` for each ticked record whose action has what it needs (an owner, a tag), then
    /// redirects back to the list with the counts.
    func run(on page: WebPage, _ perform: (BulkAction, UUID) async throws -> Void) async throws -> Response {
        var done = 0, refused = 0
        for id in ids {
            switch action {
            case .assign? where owner != nil, .tag? where !tag.isEmpty, .delete?:
                do {
                    try await perform(action!, id)
                    done += 1
                } catch is any DomainError {
                    refused += 1
                }
            default:
                refused += 1
            }
        }
        var components = URLComponents(string: back) ?? URLComponents()
        components.queryItems = (components.queryItems ?? []).filter { !["done", "refused"].contains($0.name) }
            + [URLQueryItem(name: "done", value: String(done)), URLQueryItem(name: "refused", value: String(refused))]
        return page.redirect(to: components.string ?? back)
    }
}
