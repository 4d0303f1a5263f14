/// The roles every organisation starts with. Their grants are fixed in code (so an upgrade can
/// improve them for everyone); admins copy one into a custom role to adjust it.
public enum BuiltInRole: String, CaseIterable, Sendable {
    case admin
    case salesManager = "sales_manager"
    case salesRep = "sales_rep"
    case marketer
    case supportAgent = "support_agent"
    case supportManager = "support_manager"
    case readOnly = "read_only"

    public var displayName: (fa: String, en: String) {
        switch self {
        case .admin: ("مدیر سیستم", "Administrator")
        case .salesManager: ("مدیر فروش", "Sales manager")
        case .salesRep: ("کارشناس فروش", "Sales representative")
        case .marketer: ("کارشناس بازاریابی", "Marketer")
        case .supportAgent: ("کارشناس پشتیبانی", "Support agent")
        case .supportManager: ("مدیر پشتیبانی", "Support manager")
        case .readOnly: ("فقط خواندنی", "Read-only")
        }
    }

    static let salesModules: [PermissionModule] = [.accounts, .contacts, .leads, .opportunities, .quotes, .orders, .invoices, .activities]
    static let serviceModules: [PermissionModule] = [.cases, .knowledge]
    static let marketingModules: [PermissionModule] = [.campaigns, .marketingLists]
    static let businessModules: [PermissionModule] = PermissionModule.allCases.filter { $0 != .administration }

    public var permissions: PermissionSet {
        var set = PermissionSet()
        let all = PermissionAction.allCases
        switch self {
        case .admin:
            for module in PermissionModule.allCases { set.grant(module, all, .organisation) }
        case .salesManager:
            for module in Self.salesModules { set.grant(module, all, .organisation) }
            set.grant(.products, [.read, .create, .update, .export], .organisation)
            for module in Self.serviceModules + Self.marketingModules { set.grant(module, [.read], .organisation) }
            set.grant(.reports, [.read, .export], .organisation)
        case .salesRep:
            // Shared customer data is visible to all; deals belong to their owners and teams.
            set.grant(.accounts, [.read], .organisation)
            set.grant(.contacts, [.read], .organisation)
            for module: PermissionModule in [.accounts, .contacts] {
                set.grant(module, [.create, .update, .assign, .export], .own)
            }
            for module: PermissionModule in [.leads, .opportunities, .quotes, .orders, .activities] {
                set.grant(module, [.read], .team)
                set.grant(module, [.create, .update, .delete, .assign, .export], .own)
            }
            set.grant(.invoices, [.read], .team)
            set.grant(.products, [.read], .organisation)
            set.grant(.knowledge, [.read], .organisation)
            set.grant(.cases, [.read], .team)
            set.grant(.reports, [.read], .own)
        case .marketer:
            for module in Self.marketingModules { set.grant(module, all, .organisation) }
            set.grant(.leads, [.read, .create, .update, .assign, .export], .organisation)
            set.grant(.contacts, [.read, .export], .organisation)
            set.grant(.accounts, [.read, .export], .organisation)
            set.grant(.activities, [.read], .team)
            set.grant(.activities, [.create, .update, .delete], .own)
            set.grant(.products, [.read], .organisation)
            set.grant(.reports, [.read, .export], .organisation)
        case .supportAgent:
            set.grant(.cases, [.read], .team)
            set.grant(.cases, [.create, .update, .assign], .own)
            set.grant(.knowledge, [.read, .create], .organisation)
            set.grant(.knowledge, [.update], .own)
            set.grant(.accounts, [.read], .organisation)
            set.grant(.contacts, [.read], .organisation)
            set.grant(.contacts, [.create, .update], .own)
            set.grant(.activities, [.read], .team)
            set.grant(.activities, [.create, .update, .delete], .own)
            set.grant(.products, [.read], .organisation)
        case .supportManager:
            for module in Self.serviceModules { set.grant(module, all, .organisation) }
            set.grant(.accounts, [.read, .update, .export], .organisation)
            set.grant(.contacts, [.read, .create, .update, .export], .organisation)
            set.grant(.activities, all, .organisation)
            set.grant(.products, [.read], .organisation)
            set.grant(.reports, [.read, .export], .organisation)
        case .readOnly:
            for module in Self.businessModules { set.grant(module, [.read], .organisation) }
        }
        return set
    }
}
