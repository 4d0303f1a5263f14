import Foundation

/// The text a record is found by, and the terms a query looks for. Both sides go through the
/// one Persian normaliser and keep only letters and digits, so SQLite's FTS5 tokenizer and
/// PostgreSQL's `simple` parser split them into the same words.
public enum SearchText {
    /// At most this many words of a query are used; more only slow the match down.
    public static let maximumTerms = 8

    /// The searchable document: every part normalised (`علي` → `علی`, `۰۹۱۲` → `0912`), separators
    /// turned into spaces; multi-word names also appear compacted, so `علیرضا` finds `علی رضا`.
    public static func document(_ parts: [String?]) -> String {
        var document: [String] = []
        for part in parts.compactMap({ $0 }) where !part.isEmpty {
            let cleaned = words(of: part)
            document += cleaned
            if cleaned.count > 1 { document.append(cleaned.joined()) }
        }
        return document.joined(separator: " ")
    }

    /// The query's words, normalised like documents; empty when nothing searchable remains.
    public static func terms(_ query: String) -> [String] {
        Array(words(of: query).prefix(maximumTerms))
    }

    private static func words(of text: String) -> [String] {
        let normalized = PersianText.normalized(text)
        var scalars = String.UnicodeScalarView()
        for scalar in normalized.unicodeScalars {
            scalars.append(scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? scalar : " ")
        }
        return String(scalars).split(separator: " ").map(String.init)
    }
}
