import Foundation

/// RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?windows-1256?Q?…?=`) in header values.
public enum MIMEEncodedWords {
    /// Decodes every encoded word; whitespace between two adjacent encoded words is dropped (§6.2).
    /// `unknownCharsets` names the charsets that were decoded best-effort as UTF-8.
    public static func decode(_ value: String) -> (text: String, unknownCharsets: [String]) {
        guard value.contains("=?") else { return (value, []) }
        var output = ""
        var unknown: [String] = []
        var pendingWhitespace = ""
        var lastWasEncoded = false
        var rest = Substring(value)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (decoded, charset, known, length) = encodedWord(at: rest) {
                if !lastWasEncoded { output += pendingWhitespace }
                pendingWhitespace = ""
                output += decoded
                if !known { unknown.append(charset) }
                lastWasEncoded = true
                rest = rest.dropFirst(length)
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t" || character == "\r" || character == "\n" {
                pendingWhitespace.append(character == "\t" ? " " : character)
                continue
            }
            output += pendingWhitespace
            pendingWhitespace = ""
            output.append(character)
            lastWasEncoded = false
        }
        output += pendingWhitespace
        return (output, unknown)
    }

    /// One encoded word at the start of `text`: its text, charset, whether the charset is known,
    /// and how many characters it spans.
    private static func encodedWord(at text: Substring) -> (String, String, Bool, Int)? {
        // =?charset?X?payload?=
        let body = text.dropFirst(2)
        guard let firstQuestion = body.firstIndex(of: "?") else { return nil }
        let charset = String(body[..<firstQuestion])
        guard !charset.isEmpty, !charset.contains(" ") else { return nil }
        let afterCharset = body[body.index(after: firstQuestion)...]
        guard afterCharset.count >= 2, let encoding = afterCharset.first,
              afterCharset[afterCharset.index(after: afterCharset.startIndex)] == "?" else { return nil }
        let payloadStart = afterCharset.index(afterCharset.startIndex, offsetBy: 2)
        let payloadAndRest = afterCharset[payloadStart...]
        guard let end = payloadAndRest.range(of: "?=") else { return nil }
        let payload = payloadAndRest[..<end.lowerBound]
        guard !payload.contains(" ") else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "B", "b": bytes = MIMEBytes.base64Decoded(Array(payload.utf8)).bytes
        case "Q", "q": bytes = MIMEBytes.quotedPrintableDecoded(Array(payload.utf8), header: true)
        default: return nil
        }
        let (decoded, known) = MailCharset.decode(bytes, charset: charset)
        let length = text.distance(from: text.startIndex, to: end.upperBound)
        return (decoded, charset, known, length)
    }

    /// Encodes `text` for a header when it is not plain ASCII: UTF-8 B-words of at most 75
    /// characters, split on character boundaries, joined by folding white space.
    public static func encode(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }) && !text.contains("=?") {
            return text
        }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }
}
