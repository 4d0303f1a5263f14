import Foundation

/// A readable plain-text rendering of an HTML mail body: scripts and styles dropped, block
/// elements become line breaks, entities decoded, runs of blank lines collapsed.
public enum HTMLText {
    public static func plainText(_ html: String) -> String {
        var output = ""
        var index = html.startIndex
        let blockTags: Set<String> = ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "hr"]
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                guard let close = html[index...].firstIndex(of: ">") else {
                    output += html[index...]
                    break
                }
                let tag = html[html.index(after: index)..<close]
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                if (name == "script" || name == "style") && !tag.hasPrefix("/") {
                    if let end = html[close...].range(of: "</\(name)", options: .caseInsensitive) {
                        index = html[end.upperBound...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
                        continue
                    }
                }
                if tag.hasPrefix("!--"), let end = html[index...].range(of: "-->") {
                    index = end.upperBound
                    continue
                }
                if blockTags.contains(name) { output += "\n" }
                if name == "li" && !tag.hasPrefix("/") { output += "• " }
                index = html.index(after: close)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";") {
                let entity = String(html[html.index(after: index)..<semicolon])
                if let decoded = decodeEntity(entity) {
                    output += decoded
                    index = html.index(after: semicolon)
                    continue
                }
            }
            output.append(character == "\t" || character == "\r\n" || character == "\n" || character == "\r" ? " " : character)
            index = html.index(after: index)
        }
        var lines: [String] = []
        var blank = 0
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            if trimmed.isEmpty {
                blank += 1
                if blank == 1 && !lines.isEmpty { lines.append("") }
            } else {
                blank = 0
                lines.append(trimmed)
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func decodeEntity(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        case "zwnj": return "\u{200C}"
        case "rlm": return "\u{200F}"
        case "lrm": return "\u{200E}"
        default: break
        }
        if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let value = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
            return String(Character(scalar))
        }
        if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
            return String(Character(scalar))
        }
        return nil
    }
}
