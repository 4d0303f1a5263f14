import PeyvandCore

/// Labels of the activity and timeline parts of pages, in both languages.
enum ActivityText {
    case timeline, quickAdd, kind, subject, body, dueAt, dueHint, add, stageChanged, noEntries, olderEntries
    case created, updated, deleted, restored, merged, changedFields, documentQuote, documentOrder, documentInvoice
    case priority, direction, startAt, endAt, remindAt, completedAt, regarding, regardingHint, participants, markDone, reopen, schedule

    func text(in language: Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .timeline: ("سوابق", "Timeline")
        case .quickAdd: ("ثبت سریع", "Quick add")
        case .kind: ("نوع", "Kind")
        case .subject: ("موضوع", "Subject")
        case .body: ("شرح", "Details")
        case .dueAt: ("موعد", "Due")
        case .dueHint: ("مثلاً ۱۴۰۵/۰۹/۰۳ ۱۰:۳۰", "e.g. 2026-11-24 10:30")
        case .add: ("افزودن", "Add")
        case .stageChanged: ("تغییر مرحله", "Stage changed")
        case .noEntries: ("هنوز سابقه‌ای ثبت نشده است.", "Nothing has happened yet.")
        case .olderEntries: ("سوابق قدیمی‌تر", "Older entries")
        case .created: ("ایجاد شد", "Created")
        case .updated: ("ویرایش شد", "Edited")
        case .deleted: ("حذف شد", "Deleted")
        case .restored: ("بازیابی شد", "Restored")
        case .merged: ("ادغام شد", "Merged")
        case .changedFields: ("تغییرات", "Changed")
        case .documentQuote: ("پیش‌فاکتور", "Quote")
        case .documentOrder: ("سفارش", "Order")
        case .documentInvoice: ("فاکتور", "Invoice")
        case .priority: ("اولویت", "Priority")
        case .direction: ("جهت", "Direction")
        case .startAt: ("شروع", "Starts")
        case .endAt: ("پایان", "Ends")
        case .remindAt: ("یادآوری", "Reminder")
        case .completedAt: ("انجام شد در", "Completed at")
        case .regarding: ("درباره", "Regarding")
        case .regardingHint: ("نام سازمان، مخاطب، سرنخ یا فرصت را بنویسید.", "Type the name of an account, contact, lead or opportunity.")
        case .participants: ("شرکت‌کنندگان", "Participants")
        case .markDone: ("انجام شد", "Mark done")
        case .reopen: ("بازگشایی", "Reopen")
        case .schedule: ("زمان‌بندی", "Schedule")
        }
        return language == .fa ? text.fa : text.en
    }

    /// The name of a stored kind, status, priority or direction.
    static func kind(_ raw: String, in language: Language) -> String {
        let names: [String: (fa: String, en: String)] = [
            "task": ("کار", "Task"), "call": ("تماس", "Call"), "meeting": ("جلسه", "Meeting"), "email": ("ایمیل", "Email"),
            "note": ("یادداشت", "Note"), "sms": ("پیامک", "SMS"),
            "open": ("باز", "Open"), "completed": ("انجام‌شده", "Completed"), "cancelled": ("لغوشده", "Cancelled"),
            "low": ("کم", "Low"), "normal": ("عادی", "Normal"), "high": ("زیاد", "High"),
            "inbound": ("ورودی", "Inbound"), "outbound": ("خروجی", "Outbound"),
        ]
        guard let name = names[raw] else { return raw }
        return language == .fa ? name.fa : name.en
    }

    /// One record of the type, as the "regarding" box names it (`Bahar Co — سازمان`).
    static func recordType(_ type: RegardingType, in language: Language) -> String {
        let name: (fa: String, en: String) = switch type {
        case .account: ("سازمان", "Account")
        case .contact: ("مخاطب", "Contact")
        case .lead: ("سرنخ", "Lead")
        case .opportunity: ("فرصت فروش", "Opportunity")
        }
        return language == .fa ? name.fa : name.en
    }
}
