/// The languages Peyvand speaks. Persian is the default everywhere.
public enum Language: String, Codable, CaseIterable, Sendable {
    case fa, en

    public static let `default`: Language = .fa

    /// Picks the best supported language from an `Accept-Language` value
    /// (`en-US,en;q=0.9,fa;q=0.8`), honouring q-weights; Persian when nothing matches.
    public static func preferred(acceptLanguage header: String?) -> Language {
        guard let header, !header.isEmpty else { return .default }
        var best: (language: Language, weight: Double)?
        for (position, part) in header.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary) else { continue }
            var weight = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            // Earlier entries win ties, as browsers list them by preference.
            let adjusted = weight - Double(position) * 1e-6
            if weight > 0, adjusted > (best?.weight ?? -1) { best = (language, adjusted) }
        }
        return best?.language ?? .default
    }
}

import Foundation
