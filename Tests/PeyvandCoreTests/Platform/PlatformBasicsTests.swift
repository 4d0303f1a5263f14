import Foundation
@testable import PeyvandCore
import Testing

@Suite("Platform basics")
struct PlatformBasicsTests {
    @Test func uuidv7_ids_strictly_increase_even_within_one_millisecond() {
        let instant = Date(timeIntervalSince1970: 1_795_000_000)
        let ids = (0..<5000).map { _ in UUIDv7.make(at: instant) }
        let bytes = ids.map { withUnsafeBytes(of: $0.uuid) { Array($0) } }
        #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        #expect(ids.allSatisfy { $0.uuidString.dropFirst(14).first == "7" })
    }

    @Test(arguments: [
        ("en-US,en;q=0.9,fa;q=0.8" as String?, Language.en), ("fa-IR", .fa), (nil, .fa), ("de-DE,de;q=0.9", .fa),
        ("de;q=0.9,en;q=0.5", .en), ("en;q=0.2,fa;q=0.9", .fa), ("EN", .en), ("*", .fa),
    ])
    func accept_language_picks_the_preferred_supported_language(header: String?, expected: Language) {
        #expect(Language.preferred(acceptLanguage: header) == expected)
    }

    @Test func every_message_exists_in_both_languages_and_differs() {
        for code in ProblemCode.allCases {
            let fa = Messages.title(code, in: .fa), en = Messages.title(code, in: .en)
            #expect(!fa.isEmpty && !en.isEmpty && fa != en, "\(code)")
        }
        for code in FieldErrorCode.allCases {
            #expect(Messages.field(code, in: .fa) != Messages.field(code, in: .en), "\(code)")
        }
    }

    @Test func cursors_round_trip_and_garbage_is_a_validation_failure() throws {
        let cursor = Cursor(afterID: UUIDv7.make())
        #expect(try Cursor(encoded: cursor.encoded) == cursor)
        #expect(throws: ValidationFailure.self) { try Cursor(encoded: "not-a-cursor") }
    }

    @Test func permission_sets_survive_storage_and_reject_unknown_names() throws {
        let set = BuiltInRole.salesRep.permissions
        #expect(try PermissionSet.decode(json: set.encodedJSON()) == set)
        #expect(throws: ValidationFailure.self) { try PermissionSet.decode(json: #"{"accounts":{"read":"everyone"}}"#) }
    }

    @Test(arguments: [
        ("short1", false), ("longenough", false), ("1234567890", false), ("long-enough-1", true), ("گذرواژه‌ی‌بلند۱۲", true),
    ])
    func password_policy_needs_ten_characters_with_letters_and_digits(password: String, acceptable: Bool) {
        #expect((PasswordPolicy.check(password, email: "a@b.co") == nil) == acceptable)
    }

    @Test func audit_diff_keeps_only_changed_fields() {
        let changes = AuditTrail.diff(before: ["name": .string("a"), "same": .int(1)], after: ["name": .string("b"), "same": .int(1), "new": .bool(true)])
        #expect(changes == ["name": FieldChange(before: .string("a"), after: .string("b")), "new": FieldChange(before: .null, after: .bool(true))])
    }

    @Test func token_digests_are_keyed_and_comparison_is_exact() {
        #expect(Secrets.digest("pvt_x", key: "k1") != Secrets.digest("pvt_x", key: "k2"))
        #expect(Secrets.make(prefix: "pvt_").hasPrefix("pvt_"))
        #expect(Secrets.constantTimeEquals("abc", "abc") && !Secrets.constantTimeEquals("abc", "abd"))
    }
}
