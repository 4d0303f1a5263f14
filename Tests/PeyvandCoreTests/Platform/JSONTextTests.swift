import Foundation
@testable import PeyvandCore
import Testing

/// The hand-written JSON of audit diffs and payloads is byte for byte what JSONEncoder writes.
@Suite("JSON text")
struct JSONTextTests {
    let samples: [JSONValue] = [
        .null, .bool(true), .bool(false), .int(0), .int(-42), .int(Int64.max), .double(1.5), .double(3), .double(-0.000_01),
        .string(""), .string("علی \"کاظمی\" / C:\\path\n\t\r\u{08}\u{0C}\u{01}\u{1F} 😀 ي ك"),
        .array([]), .array([.int(1), .string("a"), .null, .array([.bool(true)])]),
        .object([:]),
        .object(["b10": .int(1), "b2": .int(2), "a_b": .string("x"), "ab": .null, "A": .bool(true), "z": .object(["y": .array([.double(2.25)])]),
                 "نام": .string("مریم"), "owner_user_id": .string("01935f3e-8a7b-7c4d-9e2f-3a4b5c6d7e8f")]),
    ]

    @Test func values_and_objects_match_json_encoder() throws {
        for value in samples {
            #expect(try JSONValue.encodeToString(value) == JSONValue.encodeWithFoundation(value))
        }
        let object: [String: JSONValue] = ["last_name": .string("رضایی"), "phones": .array([.object(["number": .string("0912"), "label": .null])])]
        #expect(try JSONValue.encodeToString(object) == JSONValue.encodeWithFoundation(object))
    }

    @Test func audit_diffs_match_json_encoder() throws {
        let changes = AuditTrail.diff(before: ["name": .string("قدیم"), "kind": .string("prospect"), "score": .int(3)],
                                      after: ["name": .string("جدید"), "kind": .string("customer"), "tags": .array([.string("vip")])])
        #expect(try JSONValue.encodeToString(changes) == JSONValue.encodeWithFoundation(changes))
    }
}
