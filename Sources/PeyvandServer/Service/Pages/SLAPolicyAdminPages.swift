import PeyvandCore
import Plot
import Vapor

/// Administration: SLA policies, one form per policy (as the queues page): name, default, warning
/// margin, escalation, and a row per priority with its two targets typed in working hours.
enum SLAPolicyAdminPages {
    static let path = SiteURL.admin("sla-policies")
    static let priorities = SupportCase.Priority.allCases

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await listPage(try UserAdminPages.page(request), refused: nil)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        let (input, origins, problems) = read(form)
        do {
            _ = try await SLAPolicyService(store: page.store).create(input, by: page.context, readProblems: problems)
            return page.redirect(to: path.path)
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            return try await listPage(page, refused: (nil, FormState(refused: error, form: form, rowOrigins: ["targets": origins], language: page.language)))
        }
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        let (input, origins, problems) = read(form)
        do {
            _ = try await SLAPolicyService(store: page.store).update(id, input, expectedVersion: form.value("version").flatMap(Int.init),
                                                                    by: page.context, readProblems: problems)
            return page.redirect(to: path.path)
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            return try await listPage(page, refused: (id, FormState(refused: error, form: form, rowOrigins: ["targets": origins], language: page.language)))
        }
    }

    @Sendable static func delete(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        try await SLAPolicyService(store: page.store).delete(try idParameter(request), expectedVersion: form.value("version").flatMap(Int.init),
                                                             by: page.context)
        return page.redirect(to: path.path)
    }

    /// The form as a policy input. A priority row with both boxes blank has no target; a box that
    /// is not a duration is reported beside itself (and the row still sent, so other errors show too).
    private static func read(_ form: FormData) -> (SLAPolicyInput, [Int], FieldValidator) {
        var targets: [SLAPolicyInput.Target] = [], origins: [Int] = [], problems = FieldValidator()
        for (row, priority) in priorities.enumerated() {
            let typed = ["first_response_minutes", "resolution_minutes"].map { form.value("targets.\(row).\($0)")?.trimmingCharacters(in: .whitespaces) ?? "" }
            guard typed.contains(where: { !$0.isEmpty }) else { continue }
            var minutes: [Int?] = []
            for (field, text) in zip(["first_response_minutes", "resolution_minutes"], typed) {
                if text.isEmpty { minutes.append(nil); continue }
                if let value = ServiceLevelViews.minutes(from: text) {
                    minutes.append(value)
                } else {
                    problems.add("targets.\(targets.count).\(field)", .invalidFormat)
                    minutes.append(1)
                }
            }
            targets.append(SLAPolicyInput.Target(priority: priority.rawValue, firstResponseMinutes: minutes[0], resolutionMinutes: minutes[1]))
            origins.append(row)
        }
        var warning: Int?
        if let typed = form.value("warning_minutes"), !typed.trimmingCharacters(in: .whitespaces).isEmpty {
            warning = ServiceLevelViews.minutes(from: typed)
            if warning == nil { problems.add("warning_minutes", .invalidFormat) }
        }
        let input = SLAPolicyInput(
            provided: ["name", "is_default", "targets", "warning_minutes", "escalation_queue_id", "escalation_user_id"],
            name: form.value("name"), isDefault: form.values("is_default").contains("true"), targets: targets, warningMinutes: warning,
            escalationQueueID: form.value("escalation_queue_id").flatMap(UUID.init(uuidString:)),
            escalationUserID: form.value("escalation_user_id").flatMap(UUID.init(uuidString:)))
        return (input, origins, problems)
    }

    private static func listPage(_ page: WebPage, refused: (id: UUID?, state: FormState)?) async throws -> Response {
        let language = page.language
        func text(_ key: ServiceLevelText) -> String { key.text(in: language) }
        let policies = try await SLAPolicyService(store: page.store).list(in: page.context)
        let users = try await RecordNames.users(in: page).sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) }
        let queues = try await QueueService(store: page.store).list(in: page.context).map { ($0.id!.uuidString, $0.name) }
        func hours(_ minutes: Int) -> String { ServiceLevelViews.duration(minutes: minutes, page: page) }
        func policyForm(_ policy: SLAPolicy?) -> Node<HTML.BodyContext> {
            var state = FormState(values: ["warning_minutes": hours(60)])
            var ticked = Set<String>()
            if let policy {
                state.values = ["name": policy.name, "warning_minutes": hours(policy.warningMinutes),
                                "escalation_queue_id": policy.escalationQueueID?.uuidString ?? "",
                                "escalation_user_id": policy.escalationUserID?.uuidString ?? ""]
                if policy.isDefault { ticked = ["true"] }
                for (row, priority) in priorities.enumerated() {
                    guard let target = policy.target(for: priority.rawValue) else { continue }
                    state.values["targets.\(row).first_response_minutes"] = hours(target.firstResponseMinutes)
                    state.values["targets.\(row).resolution_minutes"] = hours(target.resolutionMinutes)
                }
            }
            if let refused, refused.id == policy?.id {
                state = refused.state
                ticked = state.values["is_default"] == "true" ? ["true"] : []
            }
            let formID = policy?.id?.uuidString ?? "new"
            return .group(page.form(
                action: policy.map { SiteURL.admin("sla-policies/\($0.id!)").path } ?? path.path,
                FormBanner.node(state, display: page.display),
                .unwrap(policy) { .input(.type(.hidden), .name("version"), .value(String($0.version))) },
                .div(.class("field-row"),
                     FormField("name", text(.policyName), in: state, isRequired: true).identified(as: "sla-\(formID)-name").node,
                     FormField("warning_minutes", text(.warning), in: state, isLeftToRight: true, hint: text(.warningHint))
                         .identified(as: "sla-\(formID)-warning").node),
                FormField(name: "is_default", label: text(.isDefault), control: .checkboxes([("true", text(.isDefault))], ticked: ticked))
                    .identified(as: "sla-\(formID)-default").node,
                .div(.class("field-row"),
                     FormField("escalation_queue_id", text(.escalationQueue), in: state, control: .select(queues))
                         .identified(as: "sla-\(formID)-queue").node,
                     FormField("escalation_user_id", text(.escalationUser), in: state, control: .select(users))
                         .identified(as: "sla-\(formID)-user").node),
                .element(named: "fieldset", nodes: [
                    .class("form-section"), .element(named: "legend", text: text(.targets)),
                    .p(.class("hint"), .text(text(.targetsHint))),
                    .forEach(Array(priorities.enumerated())) { row, priority in
                        .div(.class("field-row"),
                             .p(.class("row-label"), .text(CaseText.value(priority.rawValue, in: language))),
                             FormField("targets.\(row).first_response_minutes", text(.firstResponse), in: state, isLeftToRight: true)
                                 .identified(as: "sla-\(formID)-\(priority.rawValue)-first").node,
                             FormField("targets.\(row).resolution_minutes", text(.resolution), in: state, isLeftToRight: true)
                                 .identified(as: "sla-\(formID)-\(priority.rawValue)-resolution").node)
                    },
                ]),
                .button(.type(.submit), .text(page.text(.save)))),
                .unwrap(policy) { policy in
                    page.button(page.text(.delete), posting: SiteURL.admin("sla-policies/\(policy.id!)/delete").path,
                                hidden: [("version", String(policy.version))], class: "danger", confirm: page.text(.confirmDelete))
                })
        }
        return page.render(text(.slaPolicies), section: nil, status: refused == nil ? .ok : .unprocessableEntity, .group(
            .h1(.text(text(.slaPolicies))),
            .forEach(policies) { policy in RecordView.section(policy.name + (policy.isDefault ? " ★" : ""), policyForm(policy)) },
            RecordView.section(text(.newPolicy), policyForm(nil))
        ))
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(path.pathComponents, use: list)
        routes.post(path.pathComponents, use: create)
        routes.post(SiteURL.admin("sla-policies/:id").pathComponents, use: update)
        routes.post(SiteURL.admin("sla-policies/:id/delete").pathComponents, use: delete)
    }
}
