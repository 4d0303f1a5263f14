import PeyvandCore

/// Labels of the activity and timeline parts of pages, in both languages.
enum ActivityText {
    case timeline, quickAdd, kind, subject, body, dueAt, dueHint, add, stageChanged, noEntries, olderEntries
    case created, updated, deleted, restored, merged, changedFields, documentQuote, documentOrder, documentInvoice

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
        }
        return language == .fa ? text.fa : text.en
    }

    static func kind(_ raw: String, in language: Language) -> String {
        let names: [String: (fa: String, en: String)] = [
            "task": ("کار", "Task"), "call": ("تماس", "Call"), "meeting": ("جلسه", "Meeting"), "email": ("ایمیل", "Email"),
            "note": ("یادداشت", "Note"), "sms": ("پیامک", "SMS"),
            "open": ("باز", "Open"), "completed": ("انجام‌شده", "Completed"), "cancelled": ("لغوشده", "Cancelled"),
        ]
        guard let name = names[raw] else { return raw }
        return language == .fa ? name.fa : name.en
    }
}
