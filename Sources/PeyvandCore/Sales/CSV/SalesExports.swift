import FluentKit
import Foundation

/// The CSV exports of the sales lists. Accounts, contacts, leads and products use the columns
/// their import reads; sensitive columns (national ID, economic code, birth date) only when the
/// `export` right reaches the whole organisation. Money is in minor units (rials), as imports read it.
public enum SalesExports {
    public static let accounts = CSVExport(list: AccountService.list, header: { showsSensitive in
        ["id", "name", "kind", "industry", "website"] + (showsSensitive ? ["national_id", "economic_code"] : []) + partyColumns + ["created_at"]
    }, rows: { accounts, reader in
        accounts.map { account in
            [account.id!.uuidString, account.name, account.kind, account.industry ?? "", account.website ?? ""]
                + (reader.showsSensitive ? [account.nationalID ?? "", account.economicCode ?? ""] : [])
                + partyFields(account.phones, account.emails, account.address, account.tags, account.details)
                + [CSVCell.timestamp(account.createdAt)]
        }
    })

    public static let contacts = CSVExport(list: ContactService.list, header: { showsSensitive in
        ["id", "first_name", "last_name", "gender"] + (showsSensitive ? ["birth_date"] : [])
            + ["job_title", "account", "lead_source"] + partyColumns + ["created_at"]
    }, rows: { contacts, reader in
        let accounts = try await reader.names(of: Account.self, contacts.map(\.accountID)) { $0.name }
        return contacts.map { contact in
            [contact.id!.uuidString, contact.firstName ?? "", contact.lastName, contact.gender]
                + (reader.showsSensitive ? [contact.birthDate ?? ""] : [])
                + [contact.jobTitle ?? "", contact.accountID.flatMap { accounts[$0] } ?? "", contact.leadSource ?? ""]
                + partyFields(contact.phones, contact.emails, contact.address, contact.tags, contact.details)
                + [CSVCell.timestamp(contact.createdAt)]
        }
    })

    public static let leads = CSVExport(
        list: LeadService.list,
        header: ["id", "first_name", "last_name", "company", "job_title", "source", "status", "score"] + partyColumns + ["created_at"]
    ) { leads, _ in
        leads.map { lead in
            [lead.id!.uuidString, lead.firstName ?? "", lead.lastName, lead.company ?? "", lead.jobTitle ?? "", lead.source,
             lead.status, String(lead.score)]
                + partyFields(lead.phones, lead.emails, lead.address, lead.tags, lead.details)
                + [CSVCell.timestamp(lead.createdAt)]
        }
    }

    public static let products = CSVExport(
        list: ProductService.list,
        header: ["id", "sku", "name_fa", "name_en", "product_line", "unit", "list_price", "currency", "tax_rate", "active",
                 "description", "created_at"]
    ) { products, _ in
        products.map { product in
            [product.id!.uuidString, product.sku, product.nameFa ?? "", product.nameEn ?? "", product.productLine ?? "", product.unit,
             String(product.listPriceMinor), product.currency, CSVCell.percent(basisPoints: product.taxRateBP),
             product.isActive ? "yes" : "no", product.details ?? "", CSVCell.timestamp(product.createdAt)]
        }
    }

    public static let opportunities = CSVExport(
        list: OpportunityService.list,
        header: ["id", "name", "account", "contact", "pipeline", "stage", "status", "amount", "currency", "expected_close_date",
                 "closed_at", "lost_reason", "competitors", "tags", "description", "created_at"]
    ) { opportunities, reader in
        let accounts = try await reader.names(of: Account.self, opportunities.map(\.accountID)) { $0.name }
        let contacts = try await reader.names(of: Contact.self, opportunities.map(\.contactID)) { $0.fullName }
        let pipelines = try await reader.names(of: Pipeline.self, opportunities.map(\.pipelineID)) { $0.name }
        let stages = try await reader.names(of: PipelineStage.self, opportunities.map(\.stageID)) { $0.name }
        return opportunities.map { opportunity in
            [opportunity.id!.uuidString, opportunity.name, accounts[opportunity.accountID] ?? "",
             opportunity.contactID.flatMap { contacts[$0] } ?? "", pipelines[opportunity.pipelineID] ?? "",
             stages[opportunity.stageID] ?? "", opportunity.status, String(opportunity.amountMinor), opportunity.currency,
             opportunity.expectedCloseDate ?? "", CSVCell.timestamp(opportunity.closedAt), opportunity.lostReason ?? "",
             CSVCell.list(opportunity.competitors), CSVCell.list(opportunity.tags), opportunity.details ?? "",
             CSVCell.timestamp(opportunity.createdAt)]
        }
    }

    public static let quotes = CSVExport(
        list: QuoteService.list,
        header: ["id", "number", "status", "account", "contact", "valid_until", "currency"] + totalColumns + ["sent_at", "decided_at", "created_at"]
    ) { quotes, reader in
        let (accounts, contacts) = try await parties(of: quotes, reader)
        return quotes.map { quote in
            [quote.id!.uuidString, quote.number, quote.status, accounts[quote.accountID] ?? "", quote.contactID.flatMap { contacts[$0] } ?? "",
             quote.validUntil ?? "", quote.currency] + totals(quote)
                + [CSVCell.timestamp(quote.sentAt), CSVCell.timestamp(quote.decidedAt), CSVCell.timestamp(quote.createdAt)]
        }
    }

    public static let orders = CSVExport(
        list: OrderService.list,
        header: ["id", "number", "status", "account", "contact", "currency"] + totalColumns + ["created_at"]
    ) { orders, reader in
        let (accounts, contacts) = try await parties(of: orders, reader)
        return orders.map { order in
            [order.id!.uuidString, order.number, order.status, accounts[order.accountID] ?? "", order.contactID.flatMap { contacts[$0] } ?? "",
             order.currency] + totals(order) + [CSVCell.timestamp(order.createdAt)]
        }
    }

    public static let invoices = CSVExport(
        list: InvoiceService.list,
        header: ["id", "number", "status", "account", "contact", "due_date", "currency"] + totalColumns + ["paid", "created_at"]
    ) { invoices, reader in
        let (accounts, contacts) = try await parties(of: invoices, reader)
        return invoices.map { invoice in
            [invoice.id!.uuidString, invoice.number, invoice.status, accounts[invoice.accountID] ?? "",
             invoice.contactID.flatMap { contacts[$0] } ?? "", invoice.dueDate ?? "", invoice.currency] + totals(invoice)
                + [String(invoice.paidMinor), CSVCell.timestamp(invoice.createdAt)]
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
                address.line ?? "", address.postalCode ?? "", CSVCell.list(tags), description ?? ""]
    }

    static let totalColumns = ["subtotal", "discount", "tax", "total"]

    static func totals<Document: SalesDocument>(_ document: Document) -> [String] {
        [document.subtotalMinor, document.discountMinor, document.taxMinor, document.totalMinor].map { String($0) }
    }

    static func parties<Document: SalesDocument>(of documents: [Document], _ reader: CSVExportReader)
        async throws -> (accounts: [UUID: String], contacts: [UUID: String]) {
        (try await reader.names(of: Account.self, documents.map(\.accountID)) { $0.name },
         try await reader.names(of: Contact.self, documents.map(\.contactID)) { $0.fullName })
    }
}
