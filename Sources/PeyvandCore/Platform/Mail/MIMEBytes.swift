import Foundation

/// Byte-level helpers of the MIME parser: lines, transfer encodings, quoting.
enum MIMEBytes {
    /// Splits on LF, dropping a CR before it; the last line may lack a terminator.
    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                var end = index
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                result.append(bytes[start..<end])
                start = index + 1
            }
            index += 1
        }
        if start < bytes.endIndex {
            var end = bytes.endIndex
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            result.append(bytes[start..<end])
        }
        return result
    }

    static func headerText(_ bytes: ArraySlice<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return MailCharset.decode(bytes, charset: "iso-8859-1").text
    }

    /// Where the header ends and the body begins: after the first empty line (CRLF CRLF or LF LF).
    static func splitHeaderAndBody(_ bytes: ArraySlice<UInt8>) -> (header: ArraySlice<UInt8>, body: ArraySlice<UInt8>) {
        var index = bytes.startIndex
        var lineStart = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                let line = bytes[lineStart..<index]
                if line.isEmpty || (line.count == 1 && line.first == 0x0D) {
                    return (bytes[bytes.startIndex..<lineStart], bytes[(index + 1)...])
                }
                lineStart = index + 1
            }
            index += 1
        }
        // No blank line: a message of headers only, unless the first line is not a header at all.
        return (bytes, bytes[bytes.endIndex...])
    }

    static func splitOutsideQuotes(_ text: String, separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        var angle = 0
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\" where inQuotes:
                escaped = true
                current.append(character)
            case "\"":
                inQuotes.toggle()
                current.append(character)
            case "<" where !inQuotes:
                angle += 1
                current.append(character)
            case ">" where !inQuotes:
                angle = max(0, angle - 1)
                current.append(character)
            case separator where !inQuotes && angle == 0:
                parts.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    static func unquote(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text.dropFirst() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                break
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func percentDecoded(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Quoted-printable (RFC 2045 §6.7); `header` also turns `_` into a space (RFC 2047 Q).
    /// Malformed escapes are kept literally.
    static func quotedPrintableDecoded(_ bytes: some Collection<UInt8>, header: Bool = false) -> [UInt8] {
        let input = Array(bytes)
        var result: [UInt8] = []
        result.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x3D {
                // Soft line break: "=" then optional whitespace then (CR)LF.
                var look = index + 1
                while look < input.count && (input[look] == 0x20 || input[look] == 0x09) { look += 1 }
                if look < input.count && input[look] == 0x0D { look += 1 }
                if look < input.count && input[look] == 0x0A {
                    index = look + 1
                    continue
                }
                if look >= input.count {
                    index = look
                    continue
                }
                if index + 2 < input.count, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                    result.append(high << 4 | low)
                    index += 3
                    continue
                }
                result.append(byte)
                index += 1
            } else if header && byte == 0x5F {
                result.append(0x20)
                index += 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    /// Base64 ignoring whitespace and junk; a truncated tail is dropped. `nil` only when nothing decodes.
    static func base64Decoded(_ bytes: some Collection<UInt8>) -> (bytes: [UInt8], clean: Bool) {
        var clean = true
        var sextets: [UInt8] = []
        sextets.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case 0x41...0x5A: sextets.append(byte - 0x41)
            case 0x61...0x7A: sextets.append(byte - 0x61 + 26)
            case 0x30...0x39: sextets.append(byte - 0x30 + 52)
            case 0x2B, 0x2D: sextets.append(62)
            case 0x2F, 0x5F: sextets.append(63)
            case 0x3D, 0x20, 0x09, 0x0D, 0x0A: break
            default: clean = false
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(sextets.count * 3 / 4)
        var index = 0
        while index + 4 <= sextets.count {
            let a = sextets[index], b = sextets[index + 1], c = sextets[index + 2], d = sextets[index + 3]
            result.append(a << 2 | b >> 4)
            result.append((b & 0x0F) << 4 | c >> 2)
            result.append((c & 0x03) << 6 | d)
            index += 4
        }
        let rest = sextets.count - index
        if rest >= 2 {
            let a = sextets[index], b = sextets[index + 1]
            result.append(a << 2 | b >> 4)
            if rest == 3 {
                let c = sextets[index + 2]
                result.append((b & 0x0F) << 4 | c >> 2)
            }
        } else if rest == 1 {
            clean = false
        }
        return (result, clean)
    }
}
