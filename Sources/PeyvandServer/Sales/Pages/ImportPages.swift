import Foundation
import PeyvandCore
import Plot
import Vapor

/// Labels of the import pages, in both languages.
enum ImportText {
    case importCSV, file, fileHint, upload, mapping, mappingIntro, column, sample, field, skipColumn, duplicates, start
    case policy(DataImport.DuplicatePolicy), progress, status(String), rows, created, updated, skipped, failed, report, downloadReport
    case line, result, reason, refreshing, refresh

    func text(in language: PeyvandCore.Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .importCSV: ("ورود از فایل CSV", "Import a CSV file")
        case .file: ("فایل CSV", "CSV file")
        case .fileHint: ("UTF-8، با سطر عنوان؛ حداکثر ۲۰ مگابایت.", "UTF-8 with a header line; at most 20 MB.")
        case .upload: ("بارگذاری و ادامه", "Upload and continue")
        case .mapping: ("تطبیق ستون‌ها", "Match the columns")
        case .mappingIntro: ("برای هر ستون فایل، فیلد مقصد را انتخاب کنید. ستون‌هایی که شناخته شدند از پیش انتخاب شده‌اند.",
                             "Choose the field each column fills. Columns recognised by their title are already chosen.")
        case .column: ("ستون فایل", "Column")
        case .sample: ("نمونه", "Sample")
        case .field: ("فیلد", "Field")
        case .skipColumn: ("— نادیده گرفته شود —", "— skip —")
        case .duplicates: ("اگر ردیفی با رکورد موجود یکی بود", "When a row matches an existing record")
        case .start: ("شروع ورود اطلاعات", "Start the import")
        case .policy(let policy):
            switch policy {
            case .skip: ("رد شود", "Skip the row")
            case .update: ("رکورد موجود به‌روز شود", "Update the record")
            case .create: ("رکورد جدید ساخته شود", "Create a new record")
            }
        case .progress: ("پیشرفت ورود اطلاعات", "Import progress")
        case .status(let raw):
            switch raw {
            case "staged": ("در انتظار تطبیق ستون‌ها", "Waiting for the column mapping")
            case "queued": ("در صف", "Queued")
            case "running": ("در حال انجام", "Running")
            case "completed": ("پایان یافت", "Completed")
            default: ("ناموفق", "Failed")
            }
        case .rows: ("ردیف‌ها", "Rows")
        case .created: ("ساخته شد", "Created")
        case .updated: ("به‌روز شد", "Updated")
        case .skipped: ("رد شد", "Skipped")
        case .failed: ("خطا", "Failed")
        case .report: ("گزارش ردیف‌های ناموفق", "Rows that were not imported")
        case .downloadReport: ("دریافت گزارش کامل (CSV)", "Download the full report (CSV)")
        case .line: ("سطر", "Line")
        case .result: ("نتیجه", "Result")
        case .reason: ("دلیل", "Reason")
        case .refreshing: ("این صفحه تا پایان کار خودکار تازه می‌شود.", "This page refreshes itself until the import ends.")
        case .refresh: ("تازه کردن", "Refresh")
        }
        return language == .fa ? text.fa : text.en
    }
}

/// CSV import in three steps: upload (the file is staged, nothing imported), match each column
/// to a field (titles recognised in English or Persian are pre-chosen), then follow the job's
/// progress and read the rows it refused, line by line.
enum ImportPages {
    struct Upload: Content {
        var file: File?
    }

    static func resource(_ request: Request) throws -> ImportResource {
        guard let raw = request.url.path.split(separator: "/").first, let resource = ImportResource(rawValue: String(raw)) else {
            throw Abort(.notFound)
        }
        return resource
    }

    @Sendable static func uploadForm(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let resource = try resource(request)
        try page.context.require(resource.module, .create)
        return uploadPage(page, resource: resource, state: FormState())
    }

    private static func uploadPage(_ page: WebPage, resource: ImportResource, state: FormState, status: HTTPStatus = .ok) -> Response {
        let text = { (key: ImportText) in key.text(in: page.language) }
        return page.render(text(.importCSV), section: nil, status: status, .group(
            .h1(.text(text(.importCSV))),
            .form(
                .class("record-form"), .method(.post), .action(SiteURL.importFile(resource).path),
                .attribute(named: "enctype", value: "multipart/form-data"), .attribute(named: "novalidate", value: "novalidate"),
                CSRFField.node(page.csrfToken),
                FormBanner.node(state, display: page.display),
                FormField(name: "file", label: text(.file), type: .file, error: state.errors["file"], isRequired: true, hint: text(.fileHint))
                    .accepting(".csv,text/csv").node,
                .button(.type(.submit), .text(text(.upload)))
            )
        ))
    }

    /// `POST /<resource>/import` (multipart): stages the file and goes on to the mapping step.
    @Sendable static func upload(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let resource = try resource(request)
        let file = (try? request.content.decode(Upload.self))?.file
        do {
            guard let file, file.data.readableBytes > 0 else { throw ValidationFailure([FieldError(field: "file", code: .required)]) }
            let staged = try await ImportService(store: page.store).stage(resource, csv: Data(buffer: file.data),
                                                                          fileName: String(file.filename.prefix(200)), by: page.context)
            return page.redirect(to: SiteURL.importStep(staged.id, "mapping").path)
        } catch let error as any DomainError where error.kind == .validation {
            return uploadPage(page, resource: resource, state: FormState(refused: error, form: FormData(urlEncoded: ""), rowOrigins: [:],
                                                                         language: page.language), status: .unprocessableEntity)
        }
    }

    @Sendable static func mappingForm(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        return try await mappingPage(page, id: try idParameter(request), state: FormState())
    }

    private static func mappingPage(_ page: WebPage, id: UUID, state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let service = ImportService(store: page.store)
        let dataImport = try await service.find(id, in: page.context)
        guard dataImport.status == DataImport.Status.staged.rawValue else { return page.redirect(to: SiteURL.importStep(id, "").path) }
        let resource = ImportResource(rawValue: dataImport.resource) ?? .contacts
        let (header, rows, guessed) = try service.columns(of: dataImport)
        let text = { (key: ImportText) in key.text(in: page.language) }
        let fields = [("", text(.skipColumn))] + resource.fields.map { ($0.name, $0.name + ($0.isRequired ? " *" : "")) }
        let policies = DataImport.DuplicatePolicy.allCases.map { ($0.rawValue, text(.policy($0))) }
        func sample(_ index: Int) -> String {
            rows.compactMap { $0.indices.contains(index) ? $0[index] : nil }.filter { !$0.isEmpty }.prefix(2).joined(separator: " · ")
        }
        // The choices sit in the table, outside the form, and join it through their `form` attribute.
        func row(_ index: Int, _ title: String) -> Node<HTML.TableContext> {
            let chosen = state.values["map.\(index)"] ?? guessed[index] ?? ""
            let choice: Node<HTML.BodyContext> = .element(named: "select", nodes: [
                .attribute(named: "name", value: "map.\(index)"), .attribute(named: "form", value: "mapping-form"),
                .attribute(named: "aria-label", value: title.attributeEscaped),
            ] + fields.map { value, label in
                .element(named: "option", nodes: [.attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                                                  .attribute(named: "selected", value: value == chosen ? "selected" : nil), .text(label)])
            })
            return .tr(.td(.text(title)), .td(.attribute(named: "dir", value: "auto"), .text(sample(index))), .td(choice))
        }
        let table: Node<HTML.BodyContext> = .div(.class("table-scroll"), .table(
            .class("records"),
            .thead(.tr(.th(.text(text(.column))), .th(.text(text(.sample))), .th(.text(text(.field))))),
            .tbody(.forEach(Array(header.enumerated())) { row($0.offset, $0.element) })
        ))
        return page.render(text(.mapping), section: nil, status: status, .group(
            .h1(.text("\(text(.mapping)): \(dataImport.fileName)")),
            .p(.text(text(.mappingIntro))),
            table,
            page.form(
                action: SiteURL.importStep(id, "start").path,
                .attribute(named: "id", value: "mapping-form"),
                FormBanner.node(state, display: page.display),
                .unwrap(state.errors.first { $0.key.hasPrefix("columns.") }) { error in
                    .p(.class("field-error"), .text("\(error.key.dropFirst("columns.".count)): \(error.value)"))
                },
                FormField(name: "policy", label: text(.duplicates), control: .select(policies), value: state.values["policy"] ?? "skip",
                          isRequired: true).node,
                .button(.type(.submit), .text(text(.start)))
            )
        ))
    }

    /// `POST /imports/{id}/start`: the chosen field per column (`map.<index>`) and the duplicate policy.
    @Sendable static func start(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let id = try idParameter(request)
        let form = try await FormData(request)
        let service = ImportService(store: page.store)
        let dataImport = try await service.find(id, in: page.context)
        let header = try service.columns(of: dataImport).header
        var mapping: [String: String] = [:]
        for (index, title) in header.enumerated() { mapping[title] = form.value("map.\(index)") ?? "" }
        do {
            _ = try await service.startStaged(id, policy: form.value("policy").flatMap(DataImport.DuplicatePolicy.init(rawValue:)) ?? .skip,
                                              mapping: mapping, by: page.context)
            return page.redirect(to: SiteURL.importStep(id, "").path)
        } catch let error as any DomainError where error.kind == .validation {
            return try await mappingPage(page, id: id, state: FormState(refused: error, form: form, rowOrigins: [:], language: page.language),
                                         status: .unprocessableEntity)
        }
    }

    /// `GET /imports/{id}`: progress and, once done, the refused rows with their reasons.
    @Sendable static func progress(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let dataImport = try await ImportService(store: page.store).find(try idParameter(request), in: page.context)
        let text = { (key: ImportText) in key.text(in: page.language) }
        let display = page.display
        let finished = [DataImport.Status.completed.rawValue, DataImport.Status.failed.rawValue].contains(dataImport.status)
        let report = (try? CSVReader(Data(dataImport.report.utf8)))?.rows ?? []
        return page.render(text(.progress), section: nil, .group(
            .h1(.text("\(text(.progress)): \(dataImport.fileName)")),
            .p(.class("notice"), .attribute(named: "role", value: "status"), .text(text(.status(dataImport.status)))),
            .if(!finished, .group(.p(.class("muted"), .attribute(named: "data-refresh", value: "2000"), .text(text(.refreshing))),
                                  .a(.class("button quiet"), .href(SiteURL.importStep(dataImport.id, "").path), .text(text(.refresh))))),
            RecordView.details([
                (text(.rows), "\(display.number(dataImport.processedRows)) / \(display.number(dataImport.totalRows))"),
                (text(.created), display.number(dataImport.createdCount)),
                (text(.updated), display.number(dataImport.updatedCount)),
                (text(.skipped), display.number(dataImport.skippedCount)),
                (text(.failed), display.number(dataImport.failedCount)),
            ]),
            .if(!report.isEmpty, RecordView.section(text(.report),
                .a(.href(SiteURL.importStep(dataImport.id, "report").path), .text(text(.downloadReport))),
                .div(.class("table-scroll"), .table(
                    .class("records"),
                    .thead(.tr(.th(.text(text(.line))), .th(.text(text(.result))), .th(.text(text(.reason))))),
                    .tbody(.forEach(report.prefix(100)) { row in
                        .tr(.td(.text(row.fields.first.map { PersianText.digits($0, display.digits) } ?? "")),
                            .td(.text(row.fields.count > 1 ? row.fields[1] : "")),
                            .td(.attribute(named: "dir", value: "auto"), .text(row.fields.count > 2 ? row.fields[2] : "")))
                    })))))
        ))
    }

    @Sendable static func report(_ request: Request) async throws -> Response {
        try await ImportExportAPI.report(request)
    }

    static func register(on routes: any RoutesBuilder) {
        for resource in ImportResource.allCases {
            routes.get(SiteURL.importFile(resource).pathComponents, use: uploadForm)
            routes.on(.POST, SiteURL.importFile(resource).pathComponents, body: .collect(maxSize: ImportExportAPI.maximumFileSize), use: upload)
        }
        routes.get(SiteURL.importStep(nil, "").pathComponents, use: progress)
        routes.get(SiteURL.importStep(nil, "mapping").pathComponents, use: mappingForm)
        routes.post(SiteURL.importStep(nil, "start").pathComponents, use: start)
        routes.get(SiteURL.importStep(nil, "report").pathComponents, use: report)
    }
}
