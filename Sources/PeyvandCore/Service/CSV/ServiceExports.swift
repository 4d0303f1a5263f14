import Foundation

/// The CSV export of the cases list: related records by name, the queue by name, times in UTC.
public enum ServiceExports {
    public static let cases = CSVExport(
        list: CaseService.list,
        header: ["id", "number", "title", "type", "channel", "priority", "status", "account", "contact", "product", "product_model",
                 "serial_number", "category", "queue", "first_response_at", "resolved_at", "closed_at", "resolution", "description",
                 "created_at"]
    ) { cases, reader in
        let accounts = try await reader.names(of: Account.self, cases.map(\.accountID)) { $0.name }
        let contacts = try await reader.names(of: Contact.self, cases.map(\.contactID)) { $0.fullName }
        let products = try await reader.names(of: Product.self, cases.map(\.productID)) { $0.sku }
        let queues = try await reader.names(of: ServiceQueue.self, cases.map(\.queueID)) { $0.name }
        return cases.map { supportCase in
            [supportCase.id!.uuidString, supportCase.number, supportCase.title, supportCase.type, supportCase.channel, supportCase.priority,
             supportCase.status, supportCase.accountID.flatMap { accounts[$0] } ?? "", supportCase.contactID.flatMap { contacts[$0] } ?? "",
             supportCase.productID.flatMap { products[$0] } ?? "", supportCase.productModel ?? "", supportCase.serialNumber ?? "",
             supportCase.category ?? "", supportCase.queueID.flatMap { queues[$0] } ?? "", CSVCell.timestamp(supportCase.firstResponseAt),
             CSVCell.timestamp(supportCase.resolvedAt), CSVCell.timestamp(supportCase.closedAt), supportCase.resolution ?? "",
             supportCase.details ?? "", CSVCell.timestamp(supportCase.createdAt)]
        }
    }
}
