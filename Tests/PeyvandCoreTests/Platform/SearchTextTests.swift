@testable import PeyvandCore
import Testing

@Suite("Search terms")
struct SearchTextTests {
    @Test func a_query_is_also_tried_with_neighbouring_words_joined() {
        #expect(SearchText.spellings(of: ["لپ", "تاپ"]) == [["لپ", "تاپ"], ["لپتاپ"]])
        #expect(SearchText.spellings(of: ["a", "b", "c"]) == [["a", "b", "c"], ["ab", "c"], ["a", "bc"], ["abc"]])
        #expect(SearchText.spellings(of: ["علی"]) == [["علی"]])
    }

    @Test func terms_are_normalised_and_digit_groups_joined() {
        #expect(SearchText.terms("علي  ۰۹۱۲ ۱۱۱") == ["علی", "0912111"])
        #expect(SearchText.terms("لپ‌تاپ") == ["لپتاپ"])
    }
}
