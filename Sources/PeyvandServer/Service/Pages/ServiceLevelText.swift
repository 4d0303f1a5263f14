import PeyvandCore

/// Labels of the SLA policy, contract and case service-level screens, in both languages.
enum ServiceLevelText {
    case serviceLevel, slaPolicies, slaPolicy, newPolicy, policyName, isDefault, warning, warningHint, escalationQueue, escalationUser
    case targets, targetsHint, firstResponse, resolution, noTarget, noPolicy, due, left, overdue, used, of
    case state(SLAClock.State)
    case contracts, contract, newContract, contractName, startsOn, endsOn, entitlementUnit, entitlementTotal, entitlementUsed
    case notes, standing(ContractStanding), unit(ServiceContract.EntitlementUnit), automaticContract, timeSpent, timeSpentHint
    case noContracts, openedOutsideContract, allContracts, standingHeader, nextDue, overdueCases

    func text(in language: Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .serviceLevel: ("سطح خدمت", "Service level")
        case .slaPolicies: ("توافق‌های سطح خدمت", "SLA policies")
        case .slaPolicy: ("توافق سطح خدمت", "SLA policy")
        case .newPolicy: ("توافق جدید", "New policy")
        case .policyName: ("نام توافق", "Policy name")
        case .isDefault: ("پیش‌فرض درخواست‌های بدون قرارداد", "Default for cases without a contract")
        case .warning: ("هشدار پیش از سررسید", "Warn before due")
        case .warningHint: ("ساعت کاری؛ مثلاً ۰:۳۰ یا ۱", "Working hours, e.g. 0:30 or 1")
        case .escalationQueue: ("ارجاع به صف هنگام نقض", "On breach, move to queue")
        case .escalationUser: ("آگاه‌سازی مدیر هنگام نقض", "On breach, tell")
        case .targets: ("مهلت‌ها بر پایهٔ اولویت", "Targets by priority")
        case .targetsHint: ("به ساعت کاری (مثلاً ۴ یا ۱:۳۰)؛ اولویتی که خالی بماند مهلت ندارد.",
                            "In working hours (e.g. 4 or 1:30); a priority left blank has no target.")
        case .firstResponse: ("نخستین پاسخ", "First response")
        case .resolution: ("حل", "Resolution")
        case .noTarget: ("بدون مهلت", "No target")
        case .noPolicy: ("این درخواست توافق سطح خدمت ندارد.", "This case has no SLA policy.")
        case .due: ("سررسید", "Due")
        case .left: ("مانده", "left")
        case .overdue: ("گذشته از مهلت", "overdue")
        case .used: ("مصرف‌شده", "used")
        case .of: ("از", "of")
        case .state(let state):
            switch state {
            case .running: ("در جریان", "Running")
            case .atRisk: ("نزدیک سررسید", "At risk")
            case .paused: ("متوقف (در انتظار مشتری)", "Paused (waiting on customer)")
            case .breached: ("نقض‌شده", "Breached")
            case .met: ("انجام‌شده در مهلت", "Met")
            case .metLate: ("انجام‌شده با تأخیر", "Met late")
            }
        case .contracts: ("قراردادهای پشتیبانی", "Service contracts")
        case .contract: ("قرارداد", "Contract")
        case .newContract: ("قرارداد جدید", "New contract")
        case .contractName: ("عنوان قرارداد", "Contract name")
        case .startsOn: ("از تاریخ", "Starts on")
        case .endsOn: ("تا تاریخ", "Ends on")
        case .entitlementUnit: ("سقف خدمت", "Entitlement")
        case .entitlementTotal: ("تعداد خریداری‌شده", "Amount bought")
        case .entitlementUsed: ("مصرف", "Usage")
        case .notes: ("یادداشت", "Notes")
        case .standing(let standing):
            switch standing {
            case .notStarted: ("هنوز آغاز نشده", "Not started")
            case .active: ("فعال", "Active")
            case .expired: ("منقضی", "Expired")
            case .exhausted: ("سقف تمام‌شده", "Exhausted")
            }
        case .unit(let unit):
            switch unit {
            case .none: ("نامحدود", "Unlimited")
            case .cases: ("تعداد درخواست", "Number of cases")
            case .hours: ("ساعت کار", "Hours of work")
            }
        case .automaticContract: ("قرارداد جاری حساب", "The account's current contract")
        case .timeSpent: ("زمان صرف‌شده", "Time spent")
        case .timeSpentHint: ("به دقیقه", "In minutes")
        case .noContracts: ("قراردادی ثبت نشده است.", "No contracts yet.")
        case .openedOutsideContract: ("این درخواست بیرون از قرارداد مشتری ثبت شده است", "This case was opened outside the customer's contract")
        case .allContracts: ("همهٔ قراردادها", "All contracts")
        case .standingHeader: ("وضعیت", "Standing")
        case .nextDue: ("سررسید بعدی", "Next due")
        case .overdueCases: ("گذشته از مهلت", "Overdue")
        }
        return language == .fa ? text.fa : text.en
    }

    static func unitOptions(in language: Language) -> [(value: String, label: String)] {
        ServiceContract.EntitlementUnit.allCases.map { ($0.rawValue, Self.unit($0).text(in: language)) }
    }
}
