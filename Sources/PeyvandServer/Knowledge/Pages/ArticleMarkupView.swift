import PeyvandCore
import Plot

/// Renders an article's markup (`ArticleMarkup`) as HTML: every piece of text goes through
/// Plot's escaping, links only to http, https and mailto, opened without the page as referrer.
enum ArticleMarkupView {
    static func node(_ source: String) -> Node<HTML.BodyContext> {
        .div(.class("article-body"), .attribute(named: "dir", value: "auto"), .forEach(ArticleMarkup.blocks(of: source), block))
    }

    static func html(_ source: String) -> String {
        node(source).render()
    }

    private static func block(_ block: ArticleMarkup.Block) -> Node<HTML.BodyContext> {
        switch block {
        case .heading(let level, let inlines):
            level == 1 ? .h2(line(inlines)) : .h3(line(inlines))
        case .paragraph(let lines):
            .p(.forEach(lines.enumerated()) { index, inlines in .group(.if(index > 0, .br()), line(inlines)) })
        case .bulleted(let items):
            .ul(.forEach(items) { .li(line($0)) })
        case .numbered(let items):
            .ol(.forEach(items) { .li(line($0)) })
        }
    }

    private static func line(_ inlines: [ArticleMarkup.Inline]) -> Node<HTML.BodyContext> {
        .forEach(inlines) { inline in
            switch inline {
            case .text(let text): .text(text)
            case .strong(let text): .strong(.text(text))
            case .code(let text): .code(.text(text))
            case .link(let text, let url): .a(.href(url.attributeEscaped), .attribute(named: "rel", value: "noopener noreferrer nofollow"), .text(text))
            }
        }
    }
}
