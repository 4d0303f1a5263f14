import PeyvandCore

/// Labels of the case and queue screens, in both languages.
enum CaseText {
    case number, title, description, type, channel, priority, status, account, contact, product, productModel, serialNumber
    case category, categoryHint, language, owner, queue, relatedCases, resolution, resolutionHint, firstResponseAt, resolvedAt, closedAt
    case comments, addComment, commentBody, visibility, noComments, startWork, waitOnCustomer, resolve, close, reopen
    case accountTimeline, contactTimeline, openCases, myCases, unassigned, routedBy, queueName, position, assignmentMode, members
    case rules, rulesHint, newQueue, anyValue, similarCases, sameProduct, sameCategory
    case customerHistory, otherCases, latestActivities, latestOrders, wholeTimeline

    func text(in language: Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .number: ("شماره", "Number")
        case .title: ("عنوان", "Title")
        case .description: ("شرح", "Description")
        case .type: ("نوع", "Type")
        case .channel: ("کانال", "Channel")
        case .priority: ("اولویت", "Priority")
        case .status: ("وضعیت", "Status")
        case .account: ("حساب", "Account")
        case .contact: ("مخاطب", "Contact")
        case .product: ("محصول", "Product")
        case .productModel: ("مدل", "Model")
        case .serialNumber: ("شمارهٔ سریال", "Serial number")
        case .category: ("دسته", "Category")
        case .categoryHint: ("متن آزاد، مثلاً «صورتحساب»", "Free text, e.g. “Billing”")
        case .language: ("زبان", "Language")
        case .owner: ("کارشناس", "Agent")
        case .queue: ("صف", "Queue")
        case .relatedCases: ("درخواست‌های مرتبط", "Related cases")
        case .resolution: ("راه‌حل", "Resolution")
        case .resolutionHint: ("برای حل‌شده لازم است", "Required to resolve")
        case .firstResponseAt: ("نخستین پاسخ", "First response")
        case .resolvedAt: ("حل شد در", "Resolved at")
        case .closedAt: ("بسته شد در", "Closed at")
        case .comments: ("گفتگو", "Comments")
        case .addComment: ("افزودن یادداشت", "Add comment")
        case .commentBody: ("متن", "Text")
        case .visibility: ("نمایش", "Visibility")
        case .noComments: ("هنوز یادداشتی ثبت نشده است.", "No comments yet.")
        case .startWork: ("شروع رسیدگی", "Start work")
        case .waitOnCustomer: ("در انتظار مشتری", "Wait on customer")
        case .resolve: ("حل شد", "Resolve")
        case .close: ("بستن", "Close")
        case .reopen: ("بازگشایی", "Reopen")
        case .accountTimeline: ("سوابق حساب", "Account timeline")
        case .contactTimeline: ("سوابق مخاطب", "Contact timeline")
        case .openCases: ("درخواست‌های باز", "Open cases")
        case .myCases: ("درخواست‌های من", "My cases")
        case .unassigned: ("بدون کارشناس", "Unassigned")
        case .routedBy: ("مسیریابی‌شده به صف", "Routed to queue")
        case .queueName: ("نام صف", "Queue name")
        case .position: ("ترتیب", "Order")
        case .assignmentMode: ("شیوهٔ واگذاری", "Assignment")
        case .members: ("اعضا", "Members")
        case .rules: ("قواعد مسیریابی", "Routing rules")
        case .rulesHint: ("به ترتیب بررسی می‌شوند؛ نخستین قاعدهٔ منطبق برنده است. خانهٔ خالی یعنی «هر مقدار».",
                          "Checked in order; the first matching rule wins. A blank box means “any”.")
        case .newQueue: ("صف جدید", "New queue")
        case .anyValue: ("هر", "Any")
        case .similarCases: ("درخواست‌های مشابه", "Similar cases")
        case .customerHistory: ("سوابق مشتری", "Customer history")
        case .otherCases: ("درخواست‌های دیگر", "Other cases")
        case .latestActivities: ("آخرین فعالیت‌ها", "Latest activities")
        case .latestOrders: ("آخرین سفارش‌ها", "Latest orders")
        case .wholeTimeline: ("همهٔ سوابق", "Whole timeline")
        case .sameProduct: ("همان محصول", "same product")
        case .sameCategory: ("همان دسته", "same category")
        }
        return language == .fa ? text.fa : text.en
    }

    /// The name of a stored type, channel, priority, status, visibility, mode or language.
    static func value(_ raw: String, in language: Language) -> String {
        let names: [String: (fa: String, en: String)] = [
            "question": ("پرسش", "Question"), "complaint": ("شکایت", "Complaint"), "request": ("درخواست خدمت", "Request"),
            "incident": ("رخداد", "Incident"),
            "email": ("ایمیل", "Email"), "phone": ("تلفن", "Phone"), "web": ("وب", "Web"), "portal": ("پورتال", "Portal"),
            "chat": ("گفتگوی آنلاین", "Chat"), "social": ("شبکهٔ اجتماعی", "Social"),
            "low": ("کم", "Low"), "normal": ("عادی", "Normal"), "high": ("زیاد", "High"), "urgent": ("فوری", "Urgent"),
            "new": ("جدید", "New"), "in_progress": ("در حال رسیدگی", "In progress"),
            "waiting_on_customer": ("در انتظار مشتری", "Waiting on customer"), "resolved": ("حل‌شده", "Resolved"),
            "closed": ("بسته", "Closed"),
            "public": ("عمومی (به مشتری)", "Public (customer)"), "internal": ("داخلی", "Internal"),
            "round_robin": ("نوبتی", "Round robin"), "least_loaded": ("کم‌کارترین", "Least loaded"),
            "fa": ("فارسی", "Persian"), "en": ("انگلیسی", "English"), "ar": ("عربی", "Arabic"), "az": ("ترکی آذربایجانی", "Azerbaijani"),
            "ku": ("کردی", "Kurdish"), "tr": ("ترکی", "Turkish"),
        ]
        guard let name = names[raw] else { return raw }
        return language == .fa ? name.fa : name.en
    }

    static func options<Values: CaseIterable & RawRepresentable>(_ type: Values.Type, in language: Language)
        -> [(value: String, label: String)] where Values.RawValue == String {
        type.allCases.map { ($0.rawValue, value($0.rawValue, in: language)) }
    }

    static func languageOptions(in language: Language) -> [(value: String, label: String)] {
        CaseInput.languages.map { ($0, value($0, in: language)) }
    }
}
