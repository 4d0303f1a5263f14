import Foundation

/// One row of a CSV file with the line it starts on (1-based, the header is line 1), so an
/// import report can point a user at the exact line even when quoted fields span lines.
public struct CSVRow: Sendable, Equatable {
    public let line: Int
    public let fields: [String]
}

public enum CSVError: Error, Sendable, Equatable {
    case notUTF8
    case empty
    case unterminatedQuote(line: Int)
}

/// RFC 4180 reading over UTF-8 bytes: quoted fields with `""` escapes and line breaks, CRLF or
/// LF, Excel's UTF-8 BOM, and `,`, `;` or tab as delimiter (whichever the header uses).
/// Written by hand because the CSV packages available here do not report line numbers.
public struct CSVReader: Sendable {
    public let header: [String]
    public let rows: [CSVRow]
    public let delimiter: UInt8

    public init(_ data: Data) throws(CSVError) {
        guard String(data: data, encoding: .utf8) != nil else { throw .notUTF8 }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let delimiter = Self.detectDelimiter(bytes)
        var all = try Self.parse(bytes, delimiter: delimiter)
        all.removeAll { $0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let first = all.first else { throw .empty }
        self.header = first.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        self.rows = Array(all.dropFirst())
        self.delimiter = delimiter
    }

    /// The delimiter that appears most in the first line (outside quotes), comma by default.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key != UInt8(ascii: ",")) }
        return (best?.value ?? 0) > 0 ? best!.key : UInt8(ascii: ",")
    }

    private static func parse(_ bytes: [UInt8], delimiter: UInt8) throws(CSVError) -> [CSVRow] {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var rows: [CSVRow] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, rowLine = 1
        var index = 0
        var inQuotes = false
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count && bytes[index + 1] == quote { field.append(quote); index += 1 }
                    else { inQuotes = false }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
            } else if byte == quote && field.isEmpty {
                inQuotes = true
            } else if byte == delimiter {
                endField()
            } else if byte == newline || byte == carriageReturn {
                endField()
                rows.append(CSVRow(line: rowLine, fields: fields))
                fields.removeAll(keepingCapacity: true)
                if byte == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == newline { index += 1 }
                line += 1
                rowLine = line
            } else {
                field.append(byte)
            }
            index += 1
        }
        if inQuotes { throw .unterminatedQuote(line: rowLine) }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            rows.append(CSVRow(line: rowLine, fields: fields))
        }
        return rows
    }
}

/// Writes CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Persian correctly), CRLF line
/// ends, and quotes where a field needs them. Fields starting with `=`, `+`, `-` or `@` get a
/// leading apostrophe so a spreadsheet never runs them as formulas.
public enum CSVWriter {
    public static let byteOrderMark = "\u{FEFF}"

    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }

    static func escape(_ raw: String) -> String {
        var value = raw
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.unicodeScalars.contains(where: { ",\"\n\r;".unicodeScalars.contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
