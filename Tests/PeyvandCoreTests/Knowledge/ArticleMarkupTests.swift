import Foundation
@testable import PeyvandCore
@testable import PeyvandServer
import Testing

/// Articles are written in a small markup, never HTML: whatever an author types is shown as text,
/// and only http, https and mailto links become links.
@Suite("Article markup")
struct ArticleMarkupTests {
    @Test func headings_lists_paragraphs_and_inline_marks_become_blocks() {
        let blocks = ArticleMarkup.blocks(of: "# نصب\nخط اول\nخط دوم\n\n- یک\n- **دو**\n۱. گام `reset`\n2) گام دوم")
        #expect(blocks == [
            .heading(level: 1, [.text("نصب")]),
            .paragraph([[.text("خط اول")], [.text("خط دوم")]]),
            .bulleted([[.text("یک")], [.strong("دو")]]),
            .numbered([[.text("گام "), .code("reset")], [.text("گام دوم")]]),
        ])
    }

    @Test func html_typed_by_an_author_is_escaped_and_only_safe_links_are_links() {
        let html = ArticleMarkupView.html("<script>alert(1)</script> [این](javascript:alert(1)) [راهنما](https://example.com/a?b=1&c=2)")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">راهنما</a>"))
        // A quote cannot end the attribute and start another.
        let quoted = ArticleMarkupView.html("[x](https://a.ir/\"onmouseover=\"alert(1))")
        #expect(quoted.contains("href=\"https://a.ir/&quot;onmouseover=&quot;alert(1\""))
    }

    @Test func unmatched_marks_stay_as_typed_and_plain_text_drops_the_markup() {
        #expect(ArticleMarkup.inlines("**نیمه و `باز") == [.text("**نیمه و `باز")])
        #expect(ArticleMarkup.plainText("## عنوان\n- **یک** [دو](https://x.ir)") == "عنوان\n\nیک دو")
        #expect(ArticleMarkup.excerpt(String(repeating: "واژه ", count: 100), maximumLength: 20) == "واژه واژه واژه واژه…")
    }
}
