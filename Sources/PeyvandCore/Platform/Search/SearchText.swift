import Foundation

/// The text a record is found by, and the terms a query looks for. Both sides go through the
/// one Persian normaliser and keep only letters and digits, so SQLite's FTS5 tokenizer and
/// PostgreSQL's `simple` parser split them into the same words.
public enum SearchText {
    /// At most this many words of a query are used; more only slow the match down.
    public static let maximumTerms = 8

    /// The searchable document: every part normalised (`علي` → `علی`, `۰۹۱۲` → `0912`), separators
    /// turned into spaces; multi-word names also appear compacted, so `علیرضا` finds `علی رضا`,
    /// and neighbouring digit groups also appear joined as a query joins them, so `Q-1405-000003`
    /// is found by its whole number.
    public static func document(_ parts: [String?]) -> String {
        var document: [String] = []
        for part in parts.compactMap({ $0 }) where !part.isEmpty {
            let cleaned = words(of: part)
            document += cleaned
            if cleaned.count > 1 { document.append(cleaned.joined()) }
            document += joiningDigitRuns(cleaned).filter { !cleaned.contains($0) }
        }
        return document.joined(separator: " ")
    }

    /// The query's words, normalised like documents; empty when nothing searchable remains.
    /// Neighbouring groups of digits are joined, so a phone typed as `0912 111 2233` is one term.
    public static func terms(_ query: String) -> [String] {
        Array(joiningDigitRuns(words(of: query)).prefix(maximumTerms))
    }

    /// The ways a query's words may have been written in the record: as typed, with one pair of
    /// neighbours written as one word, or all as one word. A record is found by any of them, so
    /// `لپ تاپ` typed with a space finds `لپ‌تاپ` written with a half-space (which the normaliser
    /// removes, leaving `لپتاپ`), and `علی رضا` finds `علیرضا`.
    public static func spellings(of terms: [String]) -> [[String]] {
        guard terms.count > 1 else { return [terms] }
        var spellings = [terms]
        if terms.count > 2 {
            for index in terms.indices.dropLast() {
                var joined = terms
                joined.replaceSubrange(index...index + 1, with: [terms[index] + terms[index + 1]])
                spellings.append(joined)
            }
        }
        spellings.append([terms.joined()])
        return spellings
    }

    private static func joiningDigitRuns(_ words: [String]) -> [String] {
        var joined: [String] = []
        for word in words {
            if let last = joined.last, isDigits(last), isDigits(word) { joined[joined.count - 1] = last + word }
            else { joined.append(word) }
        }
        return joined
    }

    private static func isDigits(_ word: String) -> Bool { word.allSatisfy { $0.isASCII && $0.isNumber } }

    static func words(of text: String) -> [String] {
        let normalized = PersianText.normalized(text)
        var scalars = String.UnicodeScalarView()
        for scalar in normalized.unicodeScalars {
            scalars.append(scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? scalar : " ")
        }
        return String(scalars).split(separator: " ").map(String.init)
    }
}
