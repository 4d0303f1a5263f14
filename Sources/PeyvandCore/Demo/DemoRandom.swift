import Foundation

/// The seeded randomness behind generated demo data: the same seed gives the same rows.
///
/// SplitMix64 (Steele, Lea & Flood 2014): one 64-bit state, passes BigCrush, and any seed —
/// including 0 — is a good one. Each batch of rows gets its own generator derived from the seed,
/// the table and the batch number, so batches can be made in any order (or in parallel) and
/// still come out the same.
struct DemoRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The generator for one batch of one table.
    init(seed: UInt64, stream: String, batch: Int) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a of the stream name
        for byte in stream.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        state = seed ^ hash ^ (UInt64(truncatingIfNeeded: batch) &* 0x9E37_79B9_7F4A_7C15)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// `true` with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 < probability
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index in `0..<count` where low indexes are far more likely (a Zipf-like skew):
    /// a few accounts get hundreds of contacts, most get a handful.
    mutating func skewed(_ count: Int, exponent: Double = 2.2) -> Int {
        let u = Double(next() >> 11) * 0x1p-53
        return min(count - 1, Int(Double(count) * pow(u, exponent)))
    }

    /// A time-ordered id (RFC 9562 version 7) for a row created at `date`, with the random bits
    /// from this generator, so ids are reproducible and sort by creation time like `UUIDv7.make`.
    mutating func uuidV7(at date: Date) -> UUID {
        let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        let a = next(), b = next()
        return UUID(uuid: (
            UInt8(truncatingIfNeeded: millis >> 40), UInt8(truncatingIfNeeded: millis >> 32),
            UInt8(truncatingIfNeeded: millis >> 24), UInt8(truncatingIfNeeded: millis >> 16),
            UInt8(truncatingIfNeeded: millis >> 8), UInt8(truncatingIfNeeded: millis),
            0x70 | UInt8(truncatingIfNeeded: a >> 60), UInt8(truncatingIfNeeded: a >> 52),
            0x80 | (UInt8(truncatingIfNeeded: b >> 58) & 0x3F), UInt8(truncatingIfNeeded: b >> 48),
            UInt8(truncatingIfNeeded: b >> 40), UInt8(truncatingIfNeeded: b >> 32),
            UInt8(truncatingIfNeeded: b >> 24), UInt8(truncatingIfNeeded: b >> 16),
            UInt8(truncatingIfNeeded: b >> 8), UInt8(truncatingIfNeeded: b)
        ))
    }
}

/// Choices with weights, e.g. provinces by population; picking is a binary search.
struct WeightedChoice<T> {
    let items: [T]
    private let cumulative: [Double]

    init(_ pairs: [(T, Double)]) {
        items = pairs.map(\.0)
        var total = 0.0
        cumulative = pairs.map { total += $0.1; return total }
    }

    func pick(_ random: inout DemoRandom) -> T {
        let target = Double(random.next() >> 11) * 0x1p-53 * cumulative.last!
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return items[low]
    }
}

extension WeightedChoice: Sendable where T: Sendable {}
