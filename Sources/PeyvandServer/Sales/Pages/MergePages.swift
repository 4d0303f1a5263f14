import Foundation
import PeyvandCore
import Plot
import Vapor

/// Labels of the merge screen, in both languages.
enum MergeText {
    case possibleDuplicates, compare, mergeTitle, explanation, keepThis, duplicateRecord, mergeInto(String), swap

    func text(in language: PeyvandCore.Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .possibleDuplicates: ("رکوردهای احتمالاً تکراری", "Possible duplicates")
        case .compare: ("مقایسه و ادغام", "Compare and merge")
        case .mergeTitle: ("ادغام رکوردهای تکراری", "Merge duplicates")
        case .explanation: ("مقادیر رکورد اصلی حفظ می‌شوند؛ جاهای خالی آن از رکورد تکراری پر می‌شود و تلفن‌ها، ایمیل‌ها، برچسب‌ها، فعالیت‌ها و فرصت‌ها به آن منتقل می‌شوند. رکورد تکراری حذف می‌شود.",
                            "The main record's values are kept; its empty fields are filled from the duplicate, and phones, emails, tags, activities and deals move to it. The duplicate is deleted.")
        case .keepThis: ("رکورد اصلی (می‌ماند)", "Main record (kept)")
        case .duplicateRecord: ("رکورد تکراری (ادغام و حذف می‌شود)", "Duplicate (merged, then deleted)")
        case .mergeInto(let name): ("ادغام در «\(name)»", "Merge into “\(name)”")
        case .swap: ("جابه‌جا کردن", "Swap")
        }
        return language == .fa ? text.fa : text.en
    }
}

/// The merge screen of contacts and accounts: both records side by side, field by field, and one
/// button that folds the duplicate into the main record (`MergeService`).
struct MergePages<Record: PartyRecord>: Sendable {
    var resource: WebResource
    var find: @Sendable (UUID, WebPage) async throws -> Record
    var name: @Sendable (Record) -> String
    var values: @Sendable (Record, Display) -> [String: String]
    var labels: @Sendable (PeyvandCore.Language) -> [String: String]
    var merge: @Sendable (_ source: UUID, _ target: UUID, _ version: Int?, WebPage) async throws -> Void

    /// The "possible duplicates" section of a record page, linking each candidate to the merge screen.
    static func section(_ candidates: [DuplicateCandidate], of url: SiteURL, page: WebPage) -> Node<HTML.BodyContext> {
        .if(!candidates.isEmpty, RecordView.section(MergeText.possibleDuplicates.text(in: page.language), .ul(
            .class("related"), .forEach(candidates) { candidate in
                .li(.a(.href(SiteURL.record(url.resource, candidate.id).path), .text(candidate.displayName)),
                    .text(" (" + candidate.matchedOn.map { SalesText.value($0.rawValue, in: page.language) }.joined(separator: "، ") + ") · "),
                    .a(.href(SiteURL.recordAction(url.resource, url.recordID, "merge").with([("with", candidate.id.uuidString)]).attributeEscaped),
                       .text(MergeText.compare.text(in: page.language))))
            })))
    }

    /// `GET /<resource>/{id}/merge?with={other}`: the record `id` is the main one.
    func show(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let target = try await find(try idParameter(request), page)
        guard let otherID = request.query[String.self, at: "with"].flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let source = try await find(otherID, page)
        return page.render(MergeText.mergeTitle.text(in: page.language), section: nil, view(target: target, source: source, page: page))
    }

    /// `POST /<resource>/{id}/merge` with `source_id` and the main record's `version`.
    func perform(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let targetID = try idParameter(request)
        let form = try await FormData(request)
        guard let sourceID = form.value("source_id").flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest) }
        try await merge(sourceID, targetID, form.value("version").flatMap(Int.init), page)
        return page.redirect(to: SiteURL.record(resource, targetID).path)
    }

    private func view(target: Record, source: Record, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: MergeText) -> String { key.text(in: language) }
        let mine = values(target, page.display), theirs = values(source, page.display)
        let fieldLabels = labels(language)
        let keys = fieldLabels.keys.filter { mine[$0] != nil || theirs[$0] != nil }.sorted { fieldLabels[$0]! < fieldLabels[$1]! }
        return .group(
            .h1(.text(text(.mergeTitle))),
            .p(.text(text(.explanation))),
            .div(.class("table-scroll"), .table(
                .class("records merge"),
                .thead(.tr(.th(.text(page.text(.field))), .th(.text(text(.keepThis))), .th(.text(text(.duplicateRecord))))),
                .tbody(
                    .tr(.th(.text(page.text(.field))), .td(.a(.href(SiteURL.record(resource, target.id).path), .text(name(target)))),
                        .td(.a(.href(SiteURL.record(resource, source.id).path), .text(name(source))))),
                    .forEach(keys) { key in
                        .tr(.class(mine[key] != theirs[key] && mine[key] != nil && theirs[key] != nil ? "differs" : ""),
                            .th(.text(fieldLabels[key]!)), .td(.attribute(named: "dir", value: "auto"), .text(mine[key] ?? "")),
                            .td(.attribute(named: "dir", value: "auto"), .text(theirs[key] ?? "")))
                    })
            )),
            .div(.class("form-actions"),
                 page.button(text(.mergeInto(name(target))), posting: SiteURL.recordAction(resource, target.id, "merge").path,
                             hidden: [("source_id", source.id!.uuidString), ("version", String(target.version))], class: ""),
                 .a(.class("button quiet"), .href(SiteURL.recordAction(resource, source.id, "merge").with([("with", target.id!.uuidString)]).attributeEscaped),
                    .text(text(.swap))))
        )
    }

    func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.recordAction(resource, nil, "merge").pathComponents, use: show)
        routes.post(SiteURL.recordAction(resource, nil, "merge").pathComponents, use: perform)
    }
}

extension MergePages where Record == Contact {
    static let contacts = MergePages(
        resource: .contacts, find: { id, page in try await ContactService(store: page.store).find(id, in: page.context) },
        name: \.fullName, values: { ContactViews.values(of: $0, display: $1) }, labels: { ContactViews.labels(in: $0) },
        merge: { source, target, version, page in
            _ = try await MergeService(store: page.store, moreReferences: ServiceModule.allMergeReferences)
                .mergeContact(source, into: target, expectedVersion: version, by: page.context)
        })
}

extension MergePages where Record == Account {
    static let accounts = MergePages(
        resource: .accounts, find: { id, page in try await AccountService(store: page.store).find(id, in: page.context) },
        name: \.name, values: { AccountViews.values(of: $0, display: $1) }, labels: { AccountViews.labels(in: $0) },
        merge: { source, target, version, page in
            _ = try await MergeService(store: page.store, moreReferences: ServiceModule.allMergeReferences)
                .mergeAccount(source, into: target, expectedVersion: version, by: page.context)
        })
}
