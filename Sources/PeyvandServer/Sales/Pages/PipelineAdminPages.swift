import PeyvandCore
import Plot
import Vapor

/// Administration: pipelines and their ordered stages (name, probability, open/won/lost), one
/// form per pipeline with a row per stage and blank rows to add more.
enum PipelineAdminPages {
    static let blankStageRows = 2

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await listPage(try UserAdminPages.page(request), refused: nil)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let form = try await FormData(request)
        let (stages, origins, problems) = readStages(form)
        do {
            _ = try await PipelineService(store: page.store).create(name: form.value("name"), productLine: nonEmpty(form.value("product_line")),
                                                                    stages: stages, by: page.context, readProblems: problems)
            return page.redirect(to: SiteURL.admin("pipelines").path)
        } catch let error as any DomainError where error.kind == .validation || error.kind == .conflict {
            return try await listPage(page, refused: (nil, FormState(refused: error, form: form, rowOrigins: ["stages": origins], language: page.language)))
        }
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let page = try UserAdminPages.page(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        let (stages, origins, problems) = readStages(form)
        do {
            _ = try await PipelineService(store: page.store).update(
                id, name: form.value("name"), productLine: .some(nonEmpty(form.value("product_line"))), isActive: form.value("is_active") == "1",
                stages: stages, expectedVersion: form.value("version").flatMap(Int.init), by: page.context, readProblems: problems)
            return page.redirect(to: SiteURL.admin("pipelines").path)
        } catch let error as any DomainError where FormSubmission.userCanFix(error.kind) {
            return try await listPage(page, refused: (id, FormState(refused: error, form: form, rowOrigins: ["stages": origins], language: page.language)))
        }
    }

    private static func nonEmpty(_ text: String?) -> String? {
        text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The typed stage rows in order (blank rows dropped), with their origins for error placement.
    private static func readStages(_ form: FormData) -> ([StageInput], [Int], FieldValidator) {
        var problems = FieldValidator()
        let rows = Set(form.pairs.compactMap { pair -> Int? in
            let parts = pair.name.split(separator: ".")
            return parts.count == 3 && parts[0] == "stages" ? Int(parts[1]) : nil
        }).sorted()
        var stages: [StageInput] = [], origins: [Int] = []
        for row in rows {
            let name = nonEmpty(form.value("stages.\(row).name"))
            guard name != nil else { continue }
            let probabilityText = PersianText.toASCIIDigits(form.value("stages.\(row).probability") ?? "").trimmingCharacters(in: .whitespaces)
            let probability = Int(probabilityText)
            if probability == nil { problems.add("stages.\(stages.count).probability", .mustBeInteger) }
            stages.append(StageInput(id: form.value("stages.\(row).id").flatMap(UUID.init(uuidString:)), name: name,
                                     probability: probability, outcome: form.value("stages.\(row).outcome")))
            origins.append(row)
        }
        return (stages, origins, problems)
    }

    /// Every pipeline's form; the one just refused (or the new-pipeline form) shows what was typed.
    private static func listPage(_ page: WebPage, refused: (id: UUID?, state: FormState)?) async throws -> Response {
        let text = { (key: AdminText) in key.text(in: page.language) }
        let pipelines = try await PipelineService(store: page.store).listEnsuringDefault(in: page.context)
        let outcomes = PipelineStage.Outcome.allCases.map { ($0.rawValue, SalesText.value($0.rawValue, in: page.language)) }
        func pipelineForm(_ pipeline: Pipeline?, _ stages: [PipelineStage]) -> Node<HTML.BodyContext> {
            var state = FormState()
            if let pipeline {
                state.values = ["name": pipeline.name, "product_line": pipeline.productLine ?? "", "is_active": pipeline.isActive ? "1" : ""]
                for (index, stage) in stages.enumerated() {
                    state.values["stages.\(index).id"] = stage.id!.uuidString
                    state.values["stages.\(index).name"] = stage.name
                    state.values["stages.\(index).probability"] = PersianText.digits(String(stage.probability), page.display.digits)
                    state.values["stages.\(index).outcome"] = stage.outcome
                }
            }
            if let refused, refused.id == pipeline?.id { state = refused.state }
            let rows = (state.values.keys.compactMap { key -> Int? in
                let parts = key.split(separator: ".")
                return parts.count == 3 && parts[0] == "stages" ? Int(parts[1]) : nil
            }.max() ?? -1) + 1 + blankStageRows
            let formID = pipeline?.id?.uuidString ?? "new"
            return page.form(
                action: SiteURL.admin(pipeline.map { "pipelines/\($0.id!)" } ?? "pipelines").path,
                FormBanner.node(state, display: page.display),
                .unwrap(pipeline) { .input(.type(.hidden), .name("version"), .value(String($0.version))) },
                .div(.class("field-row"),
                     FormField("name", text(.name), in: state, isRequired: true).identified(as: "pipeline-\(formID)-name").node,
                     FormField("product_line", text(.productLine), in: state).identified(as: "pipeline-\(formID)-line").node),
                .if(pipeline != nil, FormField(name: "is_active", label: text(.active),
                                               control: .checkboxes([("1", text(.active))], ticked: state.values["is_active"] == "1" ? ["1"] : [])).node),
                .element(named: "fieldset", nodes: [
                    .class("form-section"), .element(named: "legend", text: text(.stages)),
                    .forEach(0..<rows) { row in
                        .div(.class("field-row"),
                             .unwrap(state.values["stages.\(row).id"]) { .input(.type(.hidden), .name("stages.\(row).id"), .value($0.attributeEscaped)) },
                             FormField("stages.\(row).name", text(.stageName), in: state).identified(as: "pipeline-\(formID)-stage-\(row)-name").node,
                             FormField("stages.\(row).probability", text(.probability), in: state, isLeftToRight: true)
                                 .identified(as: "pipeline-\(formID)-stage-\(row)-probability").node,
                             FormField("stages.\(row).outcome", text(.outcome), in: state, control: .select(outcomes), isRequired: true)
                                 .identified(as: "pipeline-\(formID)-stage-\(row)-outcome").node)
                    },
                ]),
                .button(.type(.submit), .text(page.text(.save))))
        }
        return page.render(text(.pipelines), section: nil, status: refused == nil ? .ok : .unprocessableEntity, .group(
            .h1(.text(text(.pipelines))),
            .forEach(pipelines) { pipeline, stages in RecordView.section(pipeline.name, pipelineForm(pipeline, stages)) },
            RecordView.section(text(.newPipeline), pipelineForm(nil, []))
        ))
    }

    static func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.admin("pipelines").pathComponents, use: list)
        routes.post(SiteURL.admin("pipelines").pathComponents, use: create)
        routes.post(SiteURL.admin("pipelines/:id").pathComponents, use: update)
    }
}
