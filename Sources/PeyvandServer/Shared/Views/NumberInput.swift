import Foundation
import PeyvandCore

/// Amounts as people type them: in the unit the organisation shows (Toman or Rial for IRR).
extension Display {
    /// Minor units per typed unit: 10 when IRR is shown and typed in Toman.
    func typingScale(for currency: String) -> Int64 { moneyUnit == .toman && currency == "IRR" ? 10 : 1 }

    /// The typed unit's name for a field label: `تومان` / `Rial`.
    var moneyUnitName: String {
        switch (moneyUnit, language) {
        case (.toman, .fa): "تومان"
        case (.toman, .en): "Toman"
        case (.rial, .fa): "ریال"
        case (.rial, .en): "Rial"
        }
    }

    /// A stored amount as an edit form shows it, in the typed unit (no grouping, so it reads back exactly).
    func typedAmount(_ amountMinor: Int64, currency: String) -> String {
        NumberInput.typed(amountMinor, scale: typingScale(for: currency), display: self)
    }
}

/// Decimals as people type them (amounts, quantities, percentages): Persian or ASCII digits, group
/// separators and an optional fraction, stored as whole numbers of a scale (minor units, thousandths,
/// basis points).
enum NumberInput {
    /// Reads `1,250.5` / `۱٬۲۵۰٫۵` as a whole number of `scale`ths (12505 for scale 10); nil when it
    /// is not a non-negative number with at most the scale's decimals.
    static func scaled(_ text: String, scale: Int64) -> Int64? {
        let ascii = PersianText.toASCIIDigits(text).replacingOccurrences(of: "٫", with: ".")
            .filter { ![",", "٬", " "].contains($0) }
        let parts = ascii.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0 else { return nil }
        let decimals = String(scale).count - 1
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = String(parts[1])
            guard digits.count <= decimals, digits.allSatisfy(\.isASCII), let value = Int64(digits.isEmpty ? "0" : digits) else { return nil }
            fraction = value * Int64(pow(10, Double(decimals - digits.count)))
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        return scaled + fraction
    }

    /// What `scaled` reads, written in the reader's digits: 12505 at scale 10 → `۱۲۵۰٫۵`.
    static func typed(_ value: Int64, scale: Int64, display: Display) -> String {
        let whole = value / scale, fraction = value % scale
        var text = String(whole)
        if fraction != 0 {
            let digits = String(scale).count - 1
            var part = String(fraction)
            part = String(repeating: "0", count: digits - part.count) + part
            while part.hasSuffix("0") { part.removeLast() }
            text += (display.language == .fa ? "٫" : ".") + part
        }
        return PersianText.digits(text, display.digits)
    }

    /// Replaces the typed `field` of a form's API object with `{"amount_minor": …}` under `apiField`.
    /// Text that is not an amount is passed on as text, so the API's reader refuses it under its
    /// own field name, as it would refuse a bad JSON value.
    static func minorUnits(_ object: inout [String: JSONValue], field: String, as apiField: String, scale: Int64) {
        guard case .string(let text)? = object.removeValue(forKey: field), !text.isEmpty else { return }
        object[apiField] = .object(["amount_minor": scaled(text, scale: scale).map { .int($0) } ?? .string(text)])
    }
}
