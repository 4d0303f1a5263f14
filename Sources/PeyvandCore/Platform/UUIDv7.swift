import Foundation

/// Time-ordered UUIDs (RFC 9562 version 7): index-friendly B-tree inserts and ids that sort by
/// creation time, which keyset pagination and the audit log's order rely on.
///
/// Within one process ids are strictly increasing: ids made in the same millisecond take a
/// 12-bit counter in `rand_a` (RFC 9562 §6.2, method 1), so two audit entries of one request
/// never swap places.
public enum UUIDv7 {
    private final class Sequence: @unchecked Sendable {
        let lock = NSLock()
        var lastMillis: UInt64 = 0
        var counter: UInt16 = 0
    }

    private static let sequence = Sequence()

    public static func make(at date: Date = Date()) -> UUID {
        let requested = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        let (millis, counter) = sequence.lock.withLock { () -> (UInt64, UInt16) in
            if requested > sequence.lastMillis {
                sequence.lastMillis = requested
                sequence.counter = UInt16.random(in: 0..<0x400)  // leave room to count upwards
            } else if sequence.counter < 0xFFF {
                sequence.counter += 1
            } else {
                sequence.lastMillis += 1
                sequence.counter = 0
            }
            return (sequence.lastMillis, sequence.counter)
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 {
            bytes[index] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - UInt64(index))))
        }
        bytes[6] = 0x70 | UInt8(counter >> 8)  // version 7 + counter high bits
        bytes[7] = UInt8(truncatingIfNeeded: counter)
        var generator = SystemRandomNumberGenerator()
        for index in 8..<16 {
            bytes[index] = UInt8.random(in: .min ... .max, using: &generator)
        }
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }
}
