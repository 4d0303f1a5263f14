import Foundation
import PeyvandCore
import Plot

/// The knowledge base on a case's page and form: the articles used on it, those suggested for it,
/// and the live suggestions (similar cases and articles) the form refreshes as the agent types.
enum CaseArticleViews {
    struct Knowledge {
        var used: [CaseArticles.Used]
        var suggestions: [ArticleSuggestions.Suggestion]
    }

    static func sections(_ supportCase: SupportCase, knowledge: Knowledge, mayUpdate: Bool, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        func text(_ key: ArticleText) -> String { key.text(in: language) }
        let id = supportCase.id!
        return .group(
            .if(!knowledge.used.isEmpty, RecordView.section(text(.articlesUsed), id: "articles", .ul(
                .class("related"),
                .forEach(knowledge.used) { used in
                    .li(.a(.href(SiteURL.record(.knowledge, used.article.id).path), .attribute(named: "dir", value: "auto"), .text(used.article.title)),
                        .text(" · " + ArticleText.revisionOf(page.display.number(used.link.revision)).text(in: language)),
                        .if(mayUpdate, page.button(text(.removeFromCase),
                                                   posting: SiteURL.recordAction(.cases, id, "articles/\(used.article.id!)/remove").path)))
                }))),
            .if(!knowledge.suggestions.isEmpty, RecordView.section(text(.suggestedArticles), id: "suggested-articles",
                articleList(knowledge.suggestions, usingOn: mayUpdate ? id : nil, page: page)))
        )
    }

    /// What the case form shows under the description, replaced by the script as the agent types.
    static func liveSuggestions(caseID: UUID?, page: WebPage) -> Node<HTML.FormContext> {
        .element(named: "section", nodes: [
            .class("live-suggestions"), .attribute(named: "aria-live", value: "polite"),
            .attribute(named: "data-case-suggestions", value: SiteURL.suggestions(.cases).path),
            .attribute(named: "data-case-id", value: caseID?.uuidString ?? ""),
            .element(named: "p", nodes: [.class("muted"), .text(ArticleText.suggestionsHint.text(in: page.language))]),
        ])
    }

    /// `GET /cases/suggestions`: similar cases and articles for what the form holds so far.
    static func fragment(similar: [CaseSimilarity.Match], articles: [ArticleSuggestions.Suggestion], page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        guard !similar.isEmpty || !articles.isEmpty else { return .p(.class("muted"), .text(ArticleText.noSuggestions.text(in: language))) }
        return .group(
            .if(!similar.isEmpty, .group(
                .h3(.text(CaseText.similarCases.text(in: language))),
                .ul(.class("related"), .forEach(similar) { match in
                    .li(.a(.href(SiteURL.record(.cases, match.supportCase.id).path), .attribute(named: "target", value: "_blank"),
                           .text("\(match.supportCase.number) · \(match.supportCase.title)")),
                        .text(" (" + CaseText.value(match.supportCase.status, in: language) + ")"),
                        .span(.class("tag"), .text(ArticleText.percent(match.score, display: page.display))))
                }))),
            .if(!articles.isEmpty, .group(
                .h3(.text(ArticleText.suggestedArticles.text(in: language))),
                articleList(articles, usingOn: nil, page: page)))
        )
    }

    private static func articleList(_ suggestions: [ArticleSuggestions.Suggestion], usingOn caseID: UUID?, page: WebPage) -> Node<HTML.BodyContext> {
        let language = page.language
        return .ul(.class("related suggestions-list"), .forEach(suggestions) { suggestion in
            let article = suggestion.article
            return .li(
                .a(.href(SiteURL.record(.knowledge, article.id).path), .attribute(named: "dir", value: "auto"), .text(article.title)),
                .span(.class("tag"), .attribute(named: "title", value: ArticleText.score.text(in: language)),
                      .text(ArticleText.percent(suggestion.score, display: page.display))),
                .if(suggestion.sameProduct, .span(.class("tag"), .text(CaseText.sameProduct.text(in: language)))),
                .if(suggestion.sameCategory, .span(.class("tag"), .text(CaseText.sameCategory.text(in: language)))),
                .p(.class("muted"), .attribute(named: "dir", value: "auto"), .text(ArticleMarkup.excerpt(article.body, maximumLength: 160))),
                .unwrap(caseID) { caseID in
                    page.button(ArticleText.useOnCase.text(in: language), posting: SiteURL.recordAction(.cases, caseID, "articles").path,
                                hidden: [("article_id", article.id!.uuidString)])
                })
        })
    }
}
