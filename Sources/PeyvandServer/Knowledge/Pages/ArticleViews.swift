import Foundation
import PeyvandCore
import Plot

/// What the knowledge-base pages show (see `ContactViews` for the shape every record's views share).
/// Form fields are named as the API's JSON fields.
enum ArticleViews {
    struct Names {
        var users: [UUID: String] = [:]
        var products: [UUID: String] = [:]
    }

    static func list(_ result: ListPage<KnowledgeArticle>, names: Names, query: ListQuery, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: ArticleText) -> String { key.text(in: language) }
        let columns: [ListColumn<KnowledgeArticle>] = [
            ListView.selectColumn(\.id, label: \.title),
            ListColumn(text(.title), sort: "title") { article in
                .group(.a(.href(SiteURL.record(.knowledge, article.id).path), .attribute(named: "dir", value: "auto"), .text(article.title)),
                       .p(.class("muted"), .attribute(named: "dir", value: "auto"), .text(ArticleMarkup.excerpt(article.body, maximumLength: 120))))
            },
            ListColumn(text(.status), key: "status") { .span(.class("badge article-\($0.status)"), .text(ArticleText.status($0.status, in: language))) },
            ListColumn(text(.category), key: "category") { .span(.attribute(named: "dir", value: "auto"), .text($0.category ?? "")) },
            ListColumn(text(.language), key: "language", hiddenByDefault: true) { .text(CaseText.value($0.language, in: language)) },
            ListColumn(text(.views), sort: "view_count", key: "views") { .text(display.number($0.viewCount)) },
            ListColumn(text(.helpful), sort: "helpful_count", key: "helpful") { .text(display.number($0.helpfulCount)) },
            ListColumn(text(.usedOnCases), sort: "case_count", key: "cases") { .text(display.number($0.caseCount)) },
            ListColumn(text(.author), key: "owner", hiddenByDefault: true) { .text($0.ownerUserID.flatMap { names.users[$0] } ?? "") },
            ListColumn(SalesText.updatedAt.text(in: language), sort: "updated_at", key: "updated") { .text(display.moment($0.updatedAt)) },
        ]
        let filters = [
            FormField(name: "status", label: text(.status), control: .select(ArticleText.statusOptions(in: language)), value: query.value(of: "status")),
            FormField(name: "language", label: text(.language), control: .select(CaseText.languageOptions(in: language)),
                      value: query.value(of: "language")),
            FormField(name: "category", label: text(.category), value: query.value(of: "category")),
        ]
        return ListView.recordList(result, resource: .knowledge, module: .knowledge, title: .knowledge, newRecord: .newArticle,
                                   columns: columns, filters: filters, bulkActions: ArticlePages.bulkActions, defaultSort: "-updated_at",
                                   users: names.users, query: query, page: page)
    }

    static func record(_ article: KnowledgeArticle, names: Names, revisions: [ArticleRevision], vote: Bool?, page: WebPage) -> Node<HTML.BodyContext> {
        let display = page.display, language = page.language
        func text(_ key: ArticleText) -> String { key.text(in: language) }
        let id = article.id!
        let status = KnowledgeArticle.Status(rawValue: article.status) ?? .draft
        let version = ("version", String(article.version))
        func move(_ label: ArticleText, to target: KnowledgeArticle.Status, primary: Bool = false) -> Node<HTML.BodyContext> {
            .if(status.next.contains(target), page.button(text(label), posting: SiteURL.recordAction(.knowledge, id, "status").path,
                                                         hidden: [("status", target.rawValue), version], class: primary ? "primary" : "quiet"))
        }
        var details: [(String, Node<HTML.BodyContext>)] = [
            (text(.status), .span(.class("badge article-\(article.status)"), .text(ArticleText.status(article.status, in: language)))),
            (text(.revision), .text(display.number(article.revision))),
            (text(.language), .text(CaseText.value(article.language, in: language))),
        ]
        if let category = article.category { details.append((text(.category), .span(.attribute(named: "dir", value: "auto"), .text(category)))) }
        if let productID = article.productID {
            details.append((text(.product), .a(.href(SiteURL.record(.products, productID).path), .text(names.products[productID] ?? ""))))
        }
        if !article.keywordList.isEmpty {
            details.append((text(.keywords), .group(.forEach(article.keywordList) { .span(.class("tag"), .attribute(named: "dir", value: "auto"), .text($0)) })))
        }
        details += [
            (text(.author), .text(article.ownerUserID.flatMap { names.users[$0] } ?? "")),
            (text(.publishedAt), .text(display.moment(article.publishedAt))),
            (text(.views), .text(display.number(article.viewCount))),
            (text(.helpful), .text("\(display.number(article.helpfulCount)) · \(text(.notHelpful)): \(display.number(article.notHelpfulCount))")),
            (text(.usedOnCases), .text(display.number(article.caseCount))),
        ]
        let mayUpdate = article.permits(.update, by: page.context)
        return .group(
            RecordView.header(article.title, subtitle: ArticleText.status(article.status, in: language) + " · "
                              + ArticleText.revisionOf(display.number(article.revision)).text(in: language), actions: [
                .if(mayUpdate, .group(
                    move(.publish, to: .published, primary: true), move(.archive, to: .archived), move(.backToDraft, to: .draft),
                    .a(.class("button"), .href(SiteURL.editRecord(.knowledge, id).path), .text(page.text(.edit))))),
                .if(article.permits(.delete, by: page.context),
                    page.button(page.text(.delete), posting: SiteURL.recordAction(.knowledge, id, "delete").path,
                                hidden: [version], class: "danger", confirm: page.text(.confirmDelete))),
            ]),
            .div(
                .class("record-main"),
                .if(!article.isPublished, .p(.class("notice warning"), .text(text(.draftNote)))),
                RecordView.section(text(.body), ArticleMarkupView.node(article.body)),
                .if(article.isPublished, RecordView.section(text(.wasItHelpful), id: "feedback", .div(
                    .class("form-actions"),
                    page.button(text(.helpful), posting: SiteURL.recordAction(.knowledge, id, "feedback").path, hidden: [("helpful", "true")],
                                class: vote == true ? "primary" : "quiet"),
                    page.button(text(.notHelpful), posting: SiteURL.recordAction(.knowledge, id, "feedback").path, hidden: [("helpful", "false")],
                                class: vote == false ? "primary" : "quiet")))),
                RecordView.section(SalesText.details.text(in: language), RecordView.richDetails(details)),
                RecordView.section(text(.revisions), id: "revisions", .ol(
                    .class("timeline"),
                    .forEach(revisions) { revision in
                        .li(.class("timeline-entry"),
                            .a(.href(SiteURL.recordAction(.knowledge, id, "revisions/\(revision.revision)").path),
                               .text(ArticleText.revisionOf(display.number(revision.revision)).text(in: language))),
                            .text(" · " + (revision.authorUserID.flatMap { names.users[$0] } ?? "") + " · " + display.moment(revision.createdAt)))
                    }))
            )
        )
    }

    static func revision(_ revision: ArticleRevision, of article: KnowledgeArticle, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language, display = page.display
        return .group(
            RecordView.header(revision.title, subtitle: ArticleText.revisionOf(display.number(revision.revision)).text(in: language)
                              + " · " + display.moment(revision.createdAt), actions: [
                .a(.class("button quiet"), .href(SiteURL.record(.knowledge, article.id).path),
                   .text(ArticleText.currentRevision.text(in: language) + ": " + article.title)),
            ]),
            .div(.class("record-main"), RecordView.section(ArticleText.body.text(in: language), ArticleMarkupView.node(revision.body)))
        )
    }

    static func form(_ state: FormState, article: KnowledgeArticle?, names: Names, title: String, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: ArticleText) -> String { key.text(in: language) }
        let action = article.map { SiteURL.editRecord(.knowledge, $0.id).path } ?? SiteURL.newRecord(.knowledge).path
        let cancel = article.map { SiteURL.record(.knowledge, $0.id).path } ?? SiteURL.records(.knowledge).path
        let products = names.products.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        return .group(
            .h1(.text(title)),
            page.form(
                action: action,
                FormBanner.node(state, display: page.display, labels: labels(in: language), stored: article.map(values)),
                .if(state.currentVersion == nil, .unwrap(article) { .input(.type(.hidden), .name("version"), .value(String($0.version))) }),
                FormField("title", text(.title), in: state, isRequired: true).node,
                .div(.class("field-row"),
                     FormField("category", text(.category), in: state).node,
                     FormField("product_id", text(.product), in: state, control: .select(products)).node,
                     FormField("language", text(.language), in: state, control: .select(CaseText.languageOptions(in: language)), isRequired: true).node,
                     .if(article == nil, FormField("status", text(.status), in: state, control: .select(ArticleText.statusOptions(in: language)),
                                                   isRequired: true).node)),
                FormField("keywords", text(.keywords), in: state, hint: text(.keywordsHint)).node,
                FormField("body", text(.body), in: state, control: .textarea, isRequired: true, hint: text(.bodyHint)).node,
                .div(.class("form-actions"),
                     .button(.type(.submit), .text(page.text(.save))),
                     .a(.class("button quiet"), .href(cancel), .text(page.text(.cancel))))
            )
        )
    }

    static func values(of article: KnowledgeArticle) -> [String: String] {
        let values: [String: String?] = [
            "title": article.title, "body": article.body, "category": article.category, "product_id": article.productID?.uuidString,
            "keywords": article.keywordList.joined(separator: "، "), "language": article.language, "status": article.status,
        ]
        return values.compactMapValues { $0 }.filter { !$0.value.isEmpty }
    }

    static func labels(in language: PeyvandCore.Language) -> [String: String] {
        let pairs: [(String, ArticleText)] = [
            ("title", .title), ("body", .body), ("category", .category), ("product_id", .product), ("keywords", .keywords),
            ("language", .language), ("status", .status),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, $0.1.text(in: language)) })
    }
}
