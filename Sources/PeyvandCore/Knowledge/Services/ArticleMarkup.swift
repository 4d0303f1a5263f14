import Foundation

/// The formatted text of articles: a small, safe markup rather than HTML, so nothing an author
/// types can run in a reader's browser. Pages render the blocks with escaped text; search and
/// suggestions read the plain text.
///
/// - `# `, `## `, `### ` start a heading line;
/// - `- ` or `* ` start a bulleted item, `1. ` (or `۱. `) a numbered one;
/// - a blank line ends a paragraph; a single line break stays a line break;
/// - inline: `**bold**`, `` `code` ``, and `[text](https://…)` links (http, https and mailto only).
public enum ArticleMarkup {
    public enum Inline: Equatable, Sendable {
        case text(String)
        case strong(String)
        case code(String)
        case link(text: String, url: String)
    }

    public enum Block: Equatable, Sendable {
        case heading(level: Int, [Inline])
        /// Lines of one paragraph.
        case paragraph([[Inline]])
        case bulleted([[Inline]])
        case numbered([[Inline]])
    }

    public static func blocks(of source: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [[Inline]] = []
        var list: (numbered: Bool, items: [[Inline]])?
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)); paragraph = [] }
            if let current = list { blocks.append(current.numbered ? .numbered(current.items) : .bulleted(current.items)); list = nil }
        }
        for rawLine in source.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            if let (level, text) = heading(line) {
                flush()
                blocks.append(.heading(level: level, inlines(text)))
            } else if let (numbered, text) = listItem(line) {
                if !paragraph.isEmpty || list?.numbered != numbered && list != nil { flush() }
                if list == nil { list = (numbered, []) }
                list!.items.append(inlines(text))
            } else {
                if list != nil { flush() }
                paragraph.append(inlines(line))
            }
        }
        flush()
        return blocks
    }

    /// The words of the text without markup: what search indexes and suggestions compare.
    public static func plainText(_ source: String) -> String {
        blocks(of: source).map { block -> String in
            switch block {
            case .heading(_, let inlines): text(of: inlines)
            case .paragraph(let lines), .bulleted(let lines), .numbered(let lines): lines.map(text(of:)).joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }

    /// The first words of the text, for lists and suggestions.
    public static func excerpt(_ source: String, maximumLength: Int = 200) -> String {
        let plain = plainText(source).replacingOccurrences(of: "\n", with: " ")
        guard plain.count > maximumLength else { return plain }
        let cut = plain.prefix(maximumLength)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }

    private static func text(of inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .strong(let text), .code(let text), .link(let text, _): text
            }
        }.joined()
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return (hashes, line.dropFirst(hashes + 1).trimmingCharacters(in: .whitespaces))
    }

    private static func listItem(_ line: String) -> (numbered: Bool, String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, String(line.dropFirst(2))) }
        let digits = line.prefix { $0.isNumber }
        let rest = line.dropFirst(digits.count)
        if !digits.isEmpty, digits.count <= 3, rest.hasPrefix(". ") || rest.hasPrefix(") ") { return (true, String(rest.dropFirst(2))) }
        return nil
    }

    /// Splits a line into plain, bold, code and link runs; unmatched markers stay as typed.
    static func inlines(_ line: String) -> [Inline] {
        var result: [Inline] = []
        var plain = ""
        var rest = Substring(line)
        func emit(_ inline: Inline) {
            if !plain.isEmpty { result.append(.text(plain)); plain = "" }
            result.append(inline)
        }
        while let first = rest.first {
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"), end.lowerBound > rest.index(rest.startIndex, offsetBy: 2) {
                emit(.strong(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])))
                rest = rest[end.upperBound...]
            } else if first == "`", let end = rest.dropFirst().firstIndex(of: "`"), end > rest.index(after: rest.startIndex) {
                emit(.code(String(rest[rest.index(after: rest.startIndex)..<end])))
                rest = rest[rest.index(after: end)...]
            } else if first == "[", let link = link(at: rest) {
                emit(.link(text: link.text, url: link.url))
                rest = link.rest
            } else {
                plain.append(first)
                rest = rest.dropFirst()
            }
        }
        if !plain.isEmpty { result.append(.text(plain)) }
        return result
    }

    private static func link(at text: Substring) -> (text: String, url: String, rest: Substring)? {
        guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix("("),
              let end = text[close...].firstIndex(of: ")")
        else { return nil }
        let label = String(text[text.index(after: text.startIndex)..<close])
        let url = String(text[text.index(close, offsetBy: 2)..<end]).trimmingCharacters(in: .whitespaces)
        let lowered = url.lowercased()
        guard !label.isEmpty, ["https://", "http://", "mailto:"].contains(where: lowered.hasPrefix), !url.contains(" ") else { return nil }
        return (label, url, text[text.index(after: end)...])
    }
}
