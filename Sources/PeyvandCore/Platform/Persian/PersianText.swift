import Foundation

/// Persian text helpers: the single normaliser behind every search column, duplicate check,
/// phone key and e-mail key, plus digit conversion.
///
/// Persian text reaches the CRM from many keyboards and sources. The same word can arrive with
/// Arabic or Persian letter forms (ي/ی, ك/ک), with or without a zero-width non-joiner, with
/// kashida stretching, diacritics, Arabic presentation-form glyphs from PDFs, bidi control marks
/// from copy-paste, and in three digit systems. Anything that compares text must therefore go
/// through ``normalized(_:)`` on *both* sides, and nothing else may invent its own variant.
public enum PersianText {

    /// Which digits a formatter writes.
    public enum DigitStyle: Sendable, Hashable, CaseIterable {
        /// Persian (Extended Arabic-Indic) digits ۰۱۲۳۴۵۶۷۸۹ — U+06F0…U+06F9.
        case persian
        /// ASCII digits 0123456789.
        case ascii
    }

    // MARK: - Normalisation

    /// Folds `s` to a comparison key. Idempotent: `normalized(normalized(s)) == normalized(s)`.
    ///
    /// Steps, in order:
    /// 1. Unicode NFKC. This turns Arabic presentation forms (ﻛ, ﻻ …, common in text copied from
    ///    PDFs) into ordinary letters and full-width Latin/digits into ASCII.
    /// 2. Latin (and any other cased script) is lower-cased.
    /// 3. Letter folding:
    ///    - Arabic yeh ي (U+064A) and alef maksura ى (U+0649) → Persian yeh ی (U+06CC);
    ///      Arabic kaf ك (U+0643) → Persian keheh ک (U+06A9);
    ///    - teh marbuta ة → ه; heh-with-yeh ۀ (U+06C0), heh goal ہ, ae ە and heh doachashmee ھ → ه;
    ///    - **hamza / madda seats are folded to their carrier letter**: أ إ ٱ آ → ا, ؤ → و,
    ///      ئ → ی. A detached hamza ء is kept. Rationale: users type "آدرس" and "ادرس",
    ///      "مسئول" and "مسؤول" interchangeably, and a search must find both. This is a matching
    ///      key only — the display value is never normalised — so losing the madda costs nothing.
    /// 4. Digits: Arabic-Indic (٠–٩) and Persian (۰–۹) → ASCII 0–9.
    /// 5. Removed entirely: tatweel/kashida ـ (U+0640); Arabic diacritics (harakat U+064B…U+065F,
    ///    superscript alef U+0670, Quranic annotation marks U+06D6…U+06ED); zero-width and bidi
    ///    format characters (ZWSP, **ZWNJ**, ZWJ, LRM, RLM, ALM, LRE…RLO, LRI…PDI, word joiner,
    ///    BOM, soft hyphen).
    /// 6. Every run of Unicode whitespace (including NBSP and narrow NBSP) becomes one ASCII
    ///    space; leading and trailing whitespace is trimmed.
    /// 7. Unicode NFC, so byte-wise comparison (as in a database index) agrees with `==`.
    ///
    /// ## The ZWNJ rule
    /// The half-space (ZWNJ, U+200C) is *removed*, not turned into a space, so
    /// `"می‌خواهم"` and `"میخواهم"` get the same key `"میخواهم"`. A real space is kept, so
    /// `"می خواهم"` stays two words — collapsing every space would glue unrelated words together
    /// and make ordinary word search worse. Queries that should ignore the
    /// space/half-space/no-space distinction entirely (name duplicate detection, "contains"
    /// search) compare ``compacted(_:)`` keys instead, which are derived from this one
    /// normaliser by deleting the remaining spaces; all three spellings share one compact key.
    public static func normalized(_ s: String) -> String {
        let source = s.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in source.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty  // leading whitespace is dropped
                continue
            }
            guard let folded = fold(scalar) else { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(folded)
        }
        // Re-compose what removal may have split (e.g. "e", ZWNJ, U+0301 → "é") so the key is
        // stable under a second pass. No Arabic composition can occur: its marks were removed.
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// ``normalized(_:)`` with all spaces removed.
    ///
    /// Use for comparisons that must not care whether words were separated by a space, a
    /// half-space (ZWNJ) or nothing: `"می خواهم"`, `"می‌خواهم"` and `"میخواهم"` all give
    /// `"میخواهم"`; `"علی رضا"` and `"علیرضا"` both give `"علیرضا"`.
    public static func compacted(_ s: String) -> String {
        String(normalized(s).unicodeScalars.filter { $0 != " " })
    }

    /// Maps one scalar to its folded form, or `nil` if it is removed.
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        // Letters.
        case 0x064A, 0x0649, 0x0626: return "\u{06CC}"          // ي ى ئ → ی
        case 0x0643: return "\u{06A9}"                           // ك → ک
        case 0x0629, 0x06C0, 0x06C1, 0x06D5, 0x06BE: return "\u{0647}"  // ة ۀ ہ ە ھ → ه
        case 0x0622, 0x0623, 0x0625, 0x0671: return "\u{0627}"   // آ أ إ ٱ → ا
        case 0x0624: return "\u{0648}"                           // ؤ → و
        // Digits.
        case 0x0660...0x0669: return Unicode.Scalar(v - 0x0660 + 0x30)
        case 0x06F0...0x06F9: return Unicode.Scalar(v - 0x06F0 + 0x30)
        // Kashida, diacritics, Quranic marks (U+06DD is an enclosing mark, U+06DE an ornament,
        // U+06E9 a sign; those three are not in the ranges below but are equally meaningless here).
        case 0x0640, 0x064B...0x065F, 0x0670, 0x06D6...0x06ED: return nil
        // Invisible format characters: ZWSP ZWNJ ZWJ LRM RLM, bidi embeddings/overrides,
        // word joiner & invisible operators, bidi isolates, ALM, soft hyphen, BOM.
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,
             0x061C, 0x00AD, 0xFEFF:
            return nil
        default: return scalar
        }
    }

    // MARK: - Digits

    /// Replaces ASCII and Arabic-Indic digits with Persian digits (۰–۹); everything else is kept.
    public static func toPersianDigits(_ s: String) -> String {
        mapDigits(s) { 0x06F0 + $0 }
    }

    /// Replaces Persian and Arabic-Indic digits with ASCII digits; everything else is kept.
    public static func toASCIIDigits(_ s: String) -> String {
        mapDigits(s) { 0x30 + $0 }
    }

    /// Writes `s` (which may contain digits of any supported system) in the requested style.
    public static func digits(_ s: String, _ style: DigitStyle) -> String {
        switch style {
        case .persian: toPersianDigits(s)
        case .ascii: toASCIIDigits(s)
        }
    }

    /// The value 0…9 of an ASCII, Arabic-Indic or Persian digit; `nil` for anything else.
    static func digitValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x0660...0x0669: scalar.value - 0x0660
        case 0x06F0...0x06F9: scalar.value - 0x06F0
        default: nil
        }
    }

    private static func mapDigits(_ s: String, _ target: (UInt32) -> UInt32) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if let d = digitValue(scalar), let mapped = Unicode.Scalar(target(d)) {
                out.append(mapped)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
