import PeyvandCore
import Plot
import Vapor

/// Administration: service queues, one form per queue (name, order, assignment mode, members as
/// tick boxes, routing rules as rows with blank rows to add more), as the pipelines page.
enum QueueAdminPages {
    static let blankRuleRows = 2
    static let ruleFields = ["type", "channel", "language", "category"]

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await listPage(try UserAdminPages.page(request), refused: nil)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        let (input, origins) = read(form, creating: true)
        do {
            _ = try await QueueService(store: page.store).create(input, by: page.context)
            return page.redirect(to: SiteURL.admin("queues").path)
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            return try await listPage(page, refused: (nil, FormState(refused: error, form: form, rowOrigins: ["rules": origins], language: page.language)))
        }
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        let (input, origins) = read(form, creating: false)
        do {
            _ = try await QueueService(store: page.store).update(id, input, expectedVersion: form.value("version").flatMap(Int.init), by: page.context)
            return page.redirect(to: SiteURL.admin("queues").path)
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            return try await listPage(page, refused: (id, FormState(refused: error, form: form, rowOrigins: ["rules": origins], language: page.language)))
        }
    }

    @Sendable static func delete(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        try await QueueService(store: page.store).delete(try idParameter(request), expectedVersion: form.value("version").flatMap(Int.init),
                                                         by: page.context)
        return page.redirect(to: SiteURL.admin("queues").path)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The form as a queue input; rule rows with every box blank are dropped (their origins kept
    /// for placing errors).
    private static func read(_ form: FormData, creating: Bool) -> (QueueInput, [Int]) {
        let rows = Set(form.pairs.compactMap { pair -> Int? in
            let parts = pair.name.split(separator: ".")
            return parts.count == 3 && parts[0] == "rules" ? Int(parts[1]) : nil
        }).sorted()
        var rules: [QueueInput.Rule] = [], origins: [Int] = []
        for row in rows {
            let values = ruleFields.map { nonEmpty(form.value("rules.\(row).\($0)")) }
            guard values.contains(where: { $0 != nil }) else { continue }
            rules.append(QueueInput.Rule(type: values[0], category: values[3], productID: nil, language: values[2], channel: values[1]))
            origins.append(row)
        }
        let position = form.value("position").flatMap { Int(PersianText.toASCIIDigits($0).trimmingCharacters(in: .whitespaces)) }
        let input = QueueInput(provided: ["name", "position", "assignment_mode", "member_ids", "rules"], name: form.value("name"),
                               position: position ?? 0, assignmentMode: nonEmpty(form.value("assignment_mode")),
                               memberIDs: form.values("member_ids").compactMap(UUID.init(uuidString:)), rules: rules)
        return (input, origins)
    }

    private static func listPage(_ page: WebPage, refused: (id: UUID?, state: FormState)?) async throws -> Response {
        func text(_ key: CaseText) -> String { key.text(in: page.language) }
        let language = page.language
        let queues = try await QueueService(store: page.store).list(in: page.context)
        let users = try await RecordNames.users(in: page).sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        let options: [String: [(value: String, label: String)]] = [
            "type": CaseText.options(SupportCase.CaseType.self, in: language), "channel": CaseText.options(SupportCase.Channel.self, in: language),
            "language": CaseText.languageOptions(in: language),
        ]
        func ruleField(_ row: Int, _ field: String, formID: String, state: FormState) -> Node<HTML.FormContext> {
            let label = text(field == "type" ? .type : field == "channel" ? .channel : field == "language" ? .language : .category)
            let control: FormField.Control = options[field].map { .select($0) } ?? .input(.text)
            return FormField("rules.\(row).\(field)", label, in: state, control: control)
                .identified(as: "queue-\(formID)-rule-\(row)-\(field)").node
        }
        func queueForm(_ queue: ServiceQueue?) -> Node<HTML.BodyContext> {
            var state = FormState(values: ["assignment_mode": ServiceQueue.AssignmentMode.roundRobin.rawValue, "position": "0"])
            var ticked = Set<String>()
            if let queue {
                state.values = ["name": queue.name, "position": PersianText.digits(String(queue.position), page.display.digits),
                                "assignment_mode": queue.assignmentMode]
                ticked = Set(queue.memberIDs.map(\.uuidString))
                for (index, rule) in queue.rules.enumerated() {
                    for (field, value) in [("type", rule.type), ("channel", rule.channel), ("language", rule.language), ("category", rule.category)] {
                        if let value { state.values["rules.\(index).\(field)"] = value }
                    }
                }
            }
            if let refused, refused.id == queue?.id {
                state = refused.state
                ticked = Set(state.values.filter { $0.key.hasPrefix("member_ids") }.map(\.value))
            }
            let rows = (state.values.keys.compactMap { key -> Int? in
                let parts = key.split(separator: ".")
                return parts.count == 3 && parts[0] == "rules" ? Int(parts[1]) : nil
            }.max() ?? -1) + 1 + blankRuleRows
            let formID = queue?.id?.uuidString ?? "new"
            return .group(page.form(
                action: SiteURL.admin(queue.map { "queues/\($0.id!)" } ?? "queues").path,
                FormBanner.node(state, display: page.display),
                .unwrap(queue) { .input(.type(.hidden), .name("version"), .value(String($0.version))) },
                .div(.class("field-row"),
                     FormField("name", text(.queueName), in: state, isRequired: true).identified(as: "queue-\(formID)-name").node,
                     FormField("position", text(.position), in: state, isLeftToRight: true).identified(as: "queue-\(formID)-position").node,
                     FormField("assignment_mode", text(.assignmentMode), in: state,
                               control: .select(CaseText.options(ServiceQueue.AssignmentMode.self, in: language)), isRequired: true)
                         .identified(as: "queue-\(formID)-mode").node),
                FormField(name: "member_ids", label: text(.members), control: .checkboxes(users, ticked: ticked),
                          error: state.errors.first { $0.key.hasPrefix("member_ids") }?.value).identified(as: "queue-\(formID)-members").node,
                .element(named: "fieldset", nodes: [
                    .class("form-section"), .element(named: "legend", text: text(.rules)),
                    .p(.class("hint"), .text(text(.rulesHint))),
                    .forEach(0..<rows) { row in
                        .div(.class("field-row"), .forEach(ruleFields) { field in ruleField(row, field, formID: formID, state: state) })
                    },
                ]),
                .button(.type(.submit), .text(page.text(.save)))),
                .unwrap(queue) { queue in
                    page.button(page.text(.delete), posting: SiteURL.admin("queues/\(queue.id!)/delete").path,
                                hidden: [("version", String(queue.version))], class: "danger", confirm: page.text(.confirmDelete))
                })
        }
        return page.render(AdminText.queues.text(in: language), section: nil, status: refused == nil ? .ok : .unprocessableEntity, .group(
            .h1(.text(AdminText.queues.text(in: language))),
            .forEach(queues) { queue in RecordView.section(queue.name, queueForm(queue)) },
            RecordView.section(text(.newQueue), queueForm(nil))
        ))
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.admin("queues").pathComponents, use: list)
        routes.post(SiteURL.admin("queues").pathComponents, use: create)
        routes.post(SiteURL.admin("queues/:id").pathComponents, use: update)
        routes.post(SiteURL.admin("queues/:id/delete").pathComponents, use: delete)
    }
}
