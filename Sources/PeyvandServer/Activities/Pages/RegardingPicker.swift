import Foundation
import PeyvandCore
import Plot
import Vapor

/// How the activity form names the record an activity is about: the user types the name of an
/// account, contact, lead or opportunity; the script offers matching records of every type (the
/// global search, products left out) and remembers the one picked as `type:id`. Without the
/// script the server matches the typed name. Emptying the box leaves the activity about nothing.
enum RegardingPicker {
    static let box = "regarding_name"
    static let pickedField = "regarding_ref"
    static let regardingTypes: [WebResource: RegardingType] = [.accounts: .account, .contacts: .contact, .leads: .lead, .opportunities: .opportunity]

    static func node(_ state: FormState, type: String?, id: UUID?, names: ActivityViews.Names, page: WebPage) -> Node<HTML.FormContext> {
        var field = FormField(box, ActivityText.regarding.text(in: page.language), in: state,
                              hint: ActivityText.regardingHint.text(in: page.language))
        let carried = state.values[pickedField] ?? type.flatMap { type in id.map { "\(type):\($0.uuidString.lowercased())" } }
        field.value = state.values[box] ?? (id ?? carried.flatMap(reference)?.id).flatMap { names.records[$0] }
        field.error = state.errors[box] ?? state.errors["regarding.id"] ?? state.errors["regarding.type"]
        return .group(
            field.suggesting(from: SiteURL.regardingSuggestions.path, into: pickedField).node,
            .unwrap(carried) { .input(.type(.hidden), .name(pickedField), .value($0.attributeEscaped)) }
        )
    }

    /// What the submitted box names: nil when the form has no box (the API's `regarding` stands),
    /// `(nil, nil)` when it was emptied, else the record or a problem for the box.
    static func chosen(in form: FormData, page: WebPage) async throws -> (regarding: ActivityInput.Regarding?, problem: FieldErrorCode?)? {
        guard let typed = form.value(box) else { return nil }
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return (nil, nil) }
        let key = SearchText.document([text])
        if let carried = form.value(pickedField).flatMap(reference), let name = try await name(of: carried, page: page),
           [name, label(name, carried, page: page)].contains(where: { SearchText.document([$0]) == key }) {
            return (carried, nil)
        }
        let hits = try await candidates(text, limit: 5, page: page)
        let exact = hits.filter { SearchText.document([$0.title]) == key || SearchText.document([label($0, page: page)]) == key }
        guard let hit = exact.count == 1 ? exact.first : (hits.count == 1 ? hits.first : nil) else {
            return (nil, hits.isEmpty ? .referencedRecordMissing : .notUnique)
        }
        return (ActivityInput.Regarding(type: regardingTypes[hit.resource]!.rawValue, id: hit.id), nil)
    }

    /// `GET /activities/regarding-suggestions?q=`: `<option>`s naming records of every type the
    /// reader may see, each with `type:id`.
    @Sendable static func suggestions(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let text = request.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let hits = text.count >= 2 ? try await candidates(String(text.prefix(200)), limit: 3, page: page) : []
        return HTMLFragment.response(.forEach(hits) { hit in
            .element(named: "option", nodes: [
                .attribute(named: "value", value: label(hit, page: page).attributeEscaped),
                .attribute(named: "data-id", value: "\(regardingTypes[hit.resource]!.rawValue):\(hit.id.uuidString.lowercased())"),
                .text(hit.detail ?? ""),
            ])
        })
    }

    private static func candidates(_ text: String, limit: Int, page: WebPage) async throws -> [SearchPages.Hit] {
        try await SearchPages.search(text, limit: limit, among: Set(regardingTypes.keys), page: page).flatMap(\.hits)
    }

    /// `علی رضایی — مخاطب`: the name and what kind of record it is, as the suggestions show it.
    private static func label(_ hit: SearchPages.Hit, page: WebPage) -> String {
        "\(hit.title) — \(ActivityText.recordType(regardingTypes[hit.resource]!, in: page.language))"
    }

    private static func label(_ name: String, _ regarding: ActivityInput.Regarding, page: WebPage) -> String {
        guard let type = regarding.type.flatMap(RegardingType.init(rawValue:)) else { return name }
        return "\(name) — \(ActivityText.recordType(type, in: page.language))"
    }

    private static func reference(_ raw: String) -> ActivityInput.Regarding? {
        let parts = raw.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, RegardingType(rawValue: parts[0]) != nil, let id = UUID(uuidString: parts[1]) else { return nil }
        return ActivityInput.Regarding(type: parts[0], id: id)
    }

    private static func name(of regarding: ActivityInput.Regarding, page: WebPage) async throws -> String? {
        guard let id = regarding.id else { return nil }
        let ids: Set<UUID> = [id]
        return switch RegardingType(rawValue: regarding.type ?? "") {
        case .account?: try await RecordNames.accounts(ids, in: page)[id]
        case .contact?: try await RecordNames.contacts(ids, in: page)[id]
        case .lead?: try await RecordNames.leads(ids, in: page)[id]
        case .opportunity?: try await RecordNames.opportunities(ids, in: page)[id]
        case nil: nil
        }
    }
}
