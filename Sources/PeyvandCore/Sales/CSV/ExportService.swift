import FluentKit
import Foundation

/// Writes a filtered list as CSV, page by page, in the same columns an import reads, so an
/// export can be edited and imported back. Needs the module's `export` right; sensitive
/// columns (national ID, economic code, birth date) need it at organisation scope.
public struct ExportService: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    static let pageSize = 500

    /// The header and then each page of rows, handed to `write` as it is read.
    public func export(_ resource: ImportResource, _ request: ListRequest, in context: RequestContext,
                       write: @Sendable (String) async throws -> Void) async throws {
        let scope = try context.require(resource.module, .export)
        try context.require(resource.module, .read)
        let showsSensitive = scope == .organisation
        var request = request
        request.limit = Self.pageSize
        switch resource {
        case .accounts:
            let columns = ["id", "name", "kind", "industry", "website"] + (showsSensitive ? ["national_id", "economic_code"] : [])
                + Self.partyColumns + ["created_at"]
            try await write(CSVWriter.byteOrderMark + CSVWriter.line(columns))
            try await pages(AccountService.list, request, in: context, write: write) { accounts in
                accounts.map { account in
                    [account.id!.uuidString, account.name, account.kind, account.industry ?? "", account.website ?? ""]
                        + (showsSensitive ? [account.nationalID ?? "", account.economicCode ?? ""] : [])
                        + Self.partyFields(account.phones, account.emails, account.address, account.tags, account.details)
                        + [Self.timestamp(account.createdAt)]
                }
            }
        case .contacts:
            let columns = ["id", "first_name", "last_name", "gender"] + (showsSensitive ? ["birth_date"] : [])
                + ["job_title", "account", "lead_source"] + Self.partyColumns + ["created_at"]
            try await write(CSVWriter.byteOrderMark + CSVWriter.line(columns))
            try await pages(ContactService.list, request, in: context, write: write) { contacts in
                let accountIDs = Array(Set(contacts.compactMap(\.accountID)))
                let accounts = accountIDs.isEmpty ? []
                    : try await Account.query(on: store.database).scoped(to: context).filter(\.$id ~~ accountIDs).all()
                let names = Dictionary(accounts.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
                return contacts.map { contact in
                    [contact.id!.uuidString, contact.firstName ?? "", contact.lastName, contact.gender]
                        + (showsSensitive ? [contact.birthDate ?? ""] : [])
                        + [contact.jobTitle ?? "", contact.accountID.flatMap { names[$0] } ?? "", contact.leadSource ?? ""]
                        + Self.partyFields(contact.phones, contact.emails, contact.address, contact.tags, contact.details)
                        + [Self.timestamp(contact.createdAt)]
                }
            }
        case .leads:
            let columns = ["id", "first_name", "last_name", "company", "job_title", "source", "status", "score"] + Self.partyColumns + ["created_at"]
            try await write(CSVWriter.byteOrderMark + CSVWriter.line(columns))
            try await pages(LeadService.list, request, in: context, write: write) { leads in
                leads.map { lead in
                    [lead.id!.uuidString, lead.firstName ?? "", lead.lastName, lead.company ?? "", lead.jobTitle ?? "", lead.source,
                     lead.status, String(lead.score)]
                        + Self.partyFields(lead.phones, lead.emails, lead.address, lead.tags, lead.details)
                        + [Self.timestamp(lead.createdAt)]
                }
            }
        case .products:
            let columns = ["id", "sku", "name_fa", "name_en", "product_line", "unit", "list_price", "currency", "tax_rate", "active",
                           "description", "created_at"]
            try await write(CSVWriter.byteOrderMark + CSVWriter.line(columns))
            try await pages(ProductService.list, request, in: context, write: write) { products in
                products.map { product in
                    [product.id!.uuidString, product.sku, product.nameFa ?? "", product.nameEn ?? "", product.productLine ?? "", product.unit,
                     String(product.listPriceMinor), product.currency, Self.percent(basisPoints: product.taxRateBP),
                     product.isActive ? "yes" : "no", product.details ?? "", Self.timestamp(product.createdAt)]
                }
            }
        }
    }

    private func pages<Record>(_ list: RecordList<Record>, _ request: ListRequest, in context: RequestContext,
                               write: @Sendable (String) async throws -> Void,
                               rows: ([Record]) async throws -> [[String]]) async throws {
        var request = request
        while true {
            let page = try await list.fetch(request, in: context, store: store, for: .export)
            try await write(try await rows(page.items).map(CSVWriter.line).joined())
            guard let next = page.nextCursor else { return }
            request.cursor = next
        }
    }

    static let partyColumns = ["mobile", "phone", "email", "province", "city", "address", "postal_code", "tags", "description"]

    /// The first mobile, the first other phone and the first email, as an import reads them back;
    /// Iranian numbers in their national form (`09121234567`), as people type them.
    static func partyFields(_ phones: [PhoneNumber], _ emails: [EmailAddress], _ address: PostalAddress, _ tags: [String],
                            _ description: String?) -> [String] {
        func national(_ phone: PhoneNumber?) -> String { phone.map { PartyInput.phone($0.number)?.key ?? $0.number } ?? "" }
        let mobile = phones.first { $0.label == PhoneNumber.Label.mobile.rawValue }
        let other = phones.first { $0.label != PhoneNumber.Label.mobile.rawValue }
        return [national(mobile), national(other), emails.first?.address ?? "", address.province ?? "", address.city ?? "",
                address.line ?? "", address.postalCode ?? "", tags.joined(separator: "; "), description ?? ""]
    }

    /// 900 → `9`, 950 → `9.5`, 925 → `9.25`: the percent an import reads back.
    static func percent(basisPoints: Int) -> String {
        let fraction = basisPoints % 100
        guard fraction != 0 else { return String(basisPoints / 100) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : String(format: "%02d", fraction)
        return "\(basisPoints / 100).\(digits)"
    }

    static func timestamp(_ date: Date?) -> String {
        date.map { ISO8601DateFormatter().string(from: $0) } ?? ""
    }
}
