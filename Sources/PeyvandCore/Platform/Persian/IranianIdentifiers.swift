import Foundation

/// Validation and canonicalisation of Iranian person and company identifiers.
///
/// Invoices, contracts and tax reports (e.g. to سامانه مودیان) carry the customer's national code,
/// legal-entity national ID or economic code, and a mistyped digit is only discovered when the
/// official system rejects the document. So the CRM checks the check digit at entry time, and
/// stores one canonical spelling (plain ASCII digits, no separators) so that duplicate detection
/// and lookups see `۰۴۹۹-۳۷۰۸۹-۹` and `0499370899` as the same customer.
///
/// Every function accepts ASCII, Persian (۰–۹) and Arabic-Indic (٠–٩) digits, separated by any
/// whitespace, hyphens/dashes, or the invisible bidi marks that copy-paste from RTL text adds.
/// Anything else (letters, dots, slashes) makes the input invalid rather than being silently
/// dropped: "12a34…" is a typo, not an identifier. Each returns the canonical ASCII digits, or
/// `nil` when the input is not a valid identifier of that kind.
///
/// Only structure and check digits are verified. Whether the number was actually issued can
/// only be answered by the issuing registry (ثبت احوال / ثبت شرکت‌ها / سازمان امور مالیاتی), and
/// the first three digits of a national code are deliberately *not* checked against a list of
/// registry-office prefixes: new offices are added over time, and a CRM must never refuse a
/// real customer because a table is stale.
public enum IranianIdentifier {

    /// The personal national code (کد ملی, 10 digits), or `nil` if it is invalid.
    ///
    /// Layout: 3-digit registry-office code, 6-digit serial, 1 check digit. Accepted:
    /// - 8 or 9 digits are left-padded with zeros to 10. Codes issued in offices whose prefix
    ///   starts with `00` are routinely stored as numbers by spreadsheets and older systems,
    ///   which drops the leading zeros, so `68415941` is the real code `0068415941`.
    /// - Rejected: codes made of one repeated digit (`1111111111` and the like pass the checksum
    ///   arithmetic but are the classic placeholder typed to get past a form), and codes whose
    ///   6-digit serial (digits 4–9) is `000000`, which is not issued; the common reference
    ///   validators reject it too. This also catches `0000000000`.
    /// - Check digit: `s = Σ d[i]·(10−i)` for `i` in `0..<9`, `r = s mod 11`; the check digit
    ///   `d[9]` must be `r` when `r < 2`, otherwise `11 − r`.
    public static func nationalCode(_ raw: String) -> String? {
        guard var d = digits(raw), (8...10).contains(d.count) else { return nil }
        d.insert(contentsOf: repeatElement(0, count: 10 - d.count), at: 0)
        guard !isRepeatedDigit(d), hasNonZeroSerial(d) else { return nil }
        let r = (0..<9).reduce(0) { $0 + d[$1] * (10 - $1) } % 11
        guard d[9] == (r < 2 ? r : 11 - r) else { return nil }
        return string(d)
    }

    /// The national ID of a legal entity (شناسه ملی اشخاص حقوقی, 11 digits), or `nil`.
    ///
    /// Issued through the State Registration Organisation (سازمان ثبت اسناد و املاک کشور) to
    /// companies, institutions and government bodies. Exactly 11 digits are required: unlike national codes, legal IDs are
    /// not commonly seen with dropped leading zeros, and padding would make a mistyped 10-digit
    /// national code look like a company.
    ///
    /// Check digit: with `t = d[9] + 2` and weights `w = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17]`,
    /// `s = Σ (d[i] + t)·w[i]` for `i` in `0..<10`, `r = s mod 11` with `10` mapped to `0`; the ID
    /// is valid when `d[10] == r`. IDs whose digits 4–9 are all zero (including the all-zero ID)
    /// are rejected as never issued.
    public static func legalEntityID(_ raw: String) -> String? {
        guard let d = digits(raw), d.count == 11, hasNonZeroSerial(d) else { return nil }
        let t = d[9] + 2
        let s = (0..<10).reduce(0) { $0 + (d[$1] + t) * legalEntityWeights[$1] }
        let r = s % 11 == 10 ? 0 : s % 11
        guard d[10] == r else { return nil }
        return string(d)
    }

    /// The economic code (کد اقتصادی, tax identifier) in canonical digits, or `nil`.
    ///
    /// Since 1395 the tax administration uses the legal entity's 11-digit national ID as its
    /// economic code, and a natural person's 10-digit national code as theirs; codes issued
    /// before that are 12 digits and still appear on older customers' records. So:
    /// - 10 digits: validated as a national code (``nationalCode(_:)``);
    /// - 11 digits: validated as a legal-entity ID (``legalEntityID(_:)``);
    /// - 12 digits: the legacy format, accepted as-is (no public check-digit algorithm is
    ///   known), except that all zeros is rejected.
    ///
    /// No zero-padding is applied here: a short economic code is ambiguous between the formats.
    public static func economicCode(_ raw: String) -> String? {
        guard let d = digits(raw) else { return nil }
        switch d.count {
        case 10: return nationalCode(raw)
        case 11: return legalEntityID(raw)
        case 12: return d.allSatisfy({ $0 == 0 }) ? nil : string(d)
        default: return nil
        }
    }

    // MARK: - Helpers

    private static let legalEntityWeights = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17]

    /// The digit values of `raw`, skipping separators; `nil` on any other character or when no
    /// digit is present.
    private static func digits(_ raw: String) -> [Int]? {
        var out: [Int] = []
        for scalar in PersianText.toASCIIDigits(raw).unicodeScalars {
            switch scalar.value {
            case 0x30...0x39:
                out.append(Int(scalar.value - 0x30))
            case _ where isSeparator(scalar):
                continue
            default:
                return nil
            }
        }
        return out.isEmpty ? nil : out
    }

    /// Whitespace, hyphens and dashes people type between digit groups, and invisible marks
    /// (LRM/RLM, ZWNJ, bidi isolates, BOM …) that RTL copy-paste inserts unseen.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.value {
        case 0x2D, 0x2010...0x2015, 0x2212,                        // - ‐ ‑ ‒ – — ― −
             0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF:
            return true
        default:
            return false
        }
    }

    private static func isRepeatedDigit(_ d: [Int]) -> Bool {
        d.allSatisfy { $0 == d[0] }
    }

    /// Digits 4–9 (the serial part of both national codes and legal IDs) are not all zero.
    private static func hasNonZeroSerial(_ d: [Int]) -> Bool {
        d[3..<9].contains { $0 != 0 }
    }

    private static func string(_ d: [Int]) -> String {
        String(d.map { Character(String($0)) })
    }
}
