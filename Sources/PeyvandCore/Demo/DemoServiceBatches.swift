import Foundation

/// Service data for the bulk loader: cases of the generated customers about a handful of problems
/// (so similar cases and suggested articles have real neighbours to find), and a knowledge base
/// about the same problems. Derived columns come from the services' own functions.
enum DemoServiceVocabulary {
    /// A problem: its category, the words a customer uses for it, and how it is solved.
    struct Problem {
        let category: String
        let subjects: [String]
        let symptoms: [String]
        let fix: String
    }

    static let problems: [Problem] = [
        Problem(category: "سخت‌افزار", subjects: ["کارت‌خوان", "چاپگر", "مودم", "رایانهٔ صندوق", "ترازوی فروشگاه"],
                symptoms: ["روشن نمی‌شود", "چراغ ندارد", "خاموش می‌شود", "صدای بوق می‌دهد", "کاغذ را گیر می‌اندازد"],
                fix: "آداپتور و کابل برق را بررسی و دستگاه را راه‌اندازی مجدد کنید"),
        Problem(category: "شبکه", subjects: ["اینترنت شعبه", "وای‌فای", "اتصال به سرور", "شبکهٔ داخلی"],
                symptoms: ["قطع است", "کند است", "مدام قطع و وصل می‌شود", "آدرس نمی‌گیرد"],
                fix: "مودم را خاموش و روشن کنید و تنظیمات آدرس را از مدیر شبکه بگیرید"),
        Problem(category: "صورتحساب", subjects: ["فاکتور", "برداشت از حساب", "پیش‌فاکتور", "مالیات بر ارزش افزوده"],
                symptoms: ["دو بار کسر شده", "مبلغ اشتباه دارد", "صادر نشده", "با قرارداد نمی‌خواند"],
                fix: "شمارهٔ پیگیری تراکنش را بگیرید و با واحد مالی تطبیق دهید"),
        Problem(category: "نرم‌افزار", subjects: ["گزارش فروش", "سامانهٔ انبار", "پورتال مشتریان", "نرم‌افزار صندوق"],
                symptoms: ["باز نمی‌شود", "خطای ورود می‌دهد", "بسیار کند است", "داده‌ها را نشان نمی‌دهد"],
                fix: "نشست را ببندید، حافظهٔ موقت را پاک کنید و دوباره وارد شوید"),
        Problem(category: "نصب و راه‌اندازی", subjects: ["مجوز نرم‌افزار", "رایانهٔ جدید", "چاپگر شبکه", "نسخهٔ تازه"],
                symptoms: ["نصب نمی‌شود", "فعال نمی‌شود", "به راه‌اندازی نیاز دارد", "شمارهٔ سریال را نمی‌پذیرد"],
                fix: "شمارهٔ سریال و نسخهٔ سیستم‌عامل را بگیرید و برنامهٔ نصب را با دسترسی مدیر اجرا کنید"),
        Problem(category: "آموزش", subjects: ["پنل گزارش‌ها", "ثبت سفارش", "صدور فاکتور", "تعریف کاربر"],
                symptoms: ["آموزش لازم دارد", "راهنما می‌خواهد", "برای کارمند جدید ناآشناست"],
                fix: "راهنمای گام‌به‌گام را بفرستید و جلسهٔ آموزشی کوتاه بگذارید"),
    ]

    static let context = ["از دیروز", "پس از به‌روزرسانی", "در شعبهٔ مرکزی", "هر روز صبح", "از هفتهٔ گذشته", "پس از جابه‌جایی دفتر",
                          "فقط در یکی از شعبه‌ها", "پس از قطعی برق"]
    static let details = ["مشتری فوری پیگیری می‌خواهد.", "چند بار تماس گرفته‌اند.", "شمارهٔ سریال را فرستاده‌اند.",
                          "کار فروش متوقف شده است.", "پیش‌تر هم همین مشکل را داشته‌اند.", "تصویر خطا را ایمیل کرده‌اند."]
}

extension DemoSetting {
    static let caseColumns = [
        "id", "org_id", "created_at", "updated_at", "deleted_at", "version", "owner_user_id", "owner_team_id", "number", "title",
        "description", "type", "channel", "priority", "status", "account_id", "contact_id", "category", "category_key", "language",
        "resolution", "sla_paused_seconds", "sla_alerts", "first_response_at", "resolved_at", "closed_at", "search_text",
    ]

    /// Cases of the generated customers: most closed or resolved, recent ones still open.
    func cases(_ range: Range<Int>, batch: Int, accounts: AccountSet, contacts: ContactSet) -> DemoChunk<NoSummary> {
        var random = DemoRandom(seed: seed, stream: SupportCase.schema, batch: batch)
        var rows = DemoRows(SupportCase.schema, Self.caseColumns, capacity: range.count)
        let types = WeightedChoice<SupportCase.CaseType>([(.incident, 40), (.question, 25), (.request, 25), (.complaint, 10)])
        let channels = WeightedChoice<SupportCase.Channel>([(.phone, 40), (.email, 30), (.web, 15), (.portal, 10), (.chat, 5)])
        let priorities = WeightedChoice<SupportCase.Priority>([(.normal, 60), (.high, 20), (.low, 15), (.urgent, 5)])
        for index in range {
            let created = createdAt(index, of: sizes.cases, &random)
            let id = random.uuidV7(at: created)
            let owner = self.owner(&random)
            let problem = random.pick(DemoServiceVocabulary.problems)
            let title = "\(random.pick(problem.subjects)) \(random.pick(problem.symptoms))"
            let description = "\(random.pick(DemoServiceVocabulary.context)) \(title). \(random.pick(DemoServiceVocabulary.details))"
            let category: String? = random.chance(0.7) ? problem.category : nil
            let contact = contacts.count > 0 ? random.below(contacts.count) : -1
            let account: UUID? = contact >= 0 && contacts.accounts[contact] >= 0 ? accounts.ids[Int(contacts.accounts[contact])] : nil
            let age = asOf.timeIntervalSince(created)
            let status: SupportCase.Status = age < 3 * Self.day ? random.pick([.new, .inProgress, .waitingOnCustomer])
                : age < 14 * Self.day ? random.pick([.inProgress, .resolved, .closed]) : (random.chance(0.8) ? .closed : .resolved)
            let firstResponse: Date? = status == .new ? nil : created.addingTimeInterval(Double(random.below(8 * 3_600) + 300))
            let resolved: Date? = status == .resolved || status == .closed ? created.addingTimeInterval(Double(random.below(5 * 86_400) + 3_600)) : nil
            let closed: Date? = status == .closed ? resolved.map { $0.addingTimeInterval(2 * Self.day) } : nil
            let number = "C-\(JalaliDate.year(of: created))-\(Self.padded(UInt64(caseNumberBase + index + 1), to: 6))"
            rows.append([id, organisationID, created, closed ?? resolved ?? created, Date?.none, 1, owner.user, owner.team, number, title,
                         description, types.pick(&random).rawValue, channels.pick(&random).rawValue, priorities.pick(&random).rawValue,
                         status.rawValue, account, contact >= 0 ? contacts.ids[contact] : nil, category, category.map(PersianText.compacted), "fa",
                         resolved == nil ? nil : problem.fix, 0, "", firstResponse, resolved, closed,
                         // As CaseService derives it.
                         SearchText.document([number, title, description, category])])
        }
        return DemoChunk(tables: [rows], summary: NoSummary())
    }

    static let articleColumns = [
        "id", "org_id", "created_at", "updated_at", "deleted_at", "version", "owner_user_id", "owner_team_id", "title", "body", "category",
        "category_key", "keywords", "language", "status", "revision", "published_at", "archived_at", "view_count", "helpful_count",
        "not_helpful_count", "case_count", "search_text",
    ]
    static let revisionColumns = ["id", "org_id", "article_id", "revision", "title", "body", "category", "keywords", "language",
                                  "author_user_id", "created_at"]

    /// A knowledge base about the cases' problems: one article per subject and symptom (and
    /// variants of them), mostly published, each with its first revision.
    func articles(_ range: Range<Int>, batch: Int) -> DemoChunk<NoSummary> {
        var random = DemoRandom(seed: seed, stream: KnowledgeArticle.schema, batch: batch)
        var rows = DemoRows(KnowledgeArticle.schema, Self.articleColumns, capacity: range.count)
        var revisions = DemoRows(ArticleRevision.schema, Self.revisionColumns, capacity: range.count)
        let statuses = WeightedChoice<KnowledgeArticle.Status>([(.published, 85), (.draft, 10), (.archived, 5)])
        for index in range {
            let created = createdAt(index, of: sizes.articles, &random)
            let id = random.uuidV7(at: created)
            let owner = self.owner(&random)
            let problem = random.pick(DemoServiceVocabulary.problems)
            let subject = random.pick(problem.subjects), symptom = random.pick(problem.symptoms)
            let title = "\(subject) \(symptom) (\(Self.padded(UInt64(index + 1), to: 4)))"
            let body = "## نشانه\n\(subject) \(symptom)، \(random.pick(DemoServiceVocabulary.context)).\n\n## راه‌حل\n1. \(problem.fix).\n2. اگر مشکل ماند، **شمارهٔ سریال** را بگیرید و درخواست را به کارشناس ارشد بدهید."
            let keywords = [subject, problem.category].joined(separator: ", ")
            let status = statuses.pick(&random)
            let published: Date? = status == .draft ? nil : created.addingTimeInterval(Self.day)
            let views = status == .draft ? 0 : random.below(500)
            let helpful = views / 10 + random.below(5)
            let plain = ArticleMarkup.plainText(body)
            rows.append([id, organisationID, created, published ?? created, Date?.none, 1, owner.user, UUID?.none, title, body, problem.category,
                         PersianText.compacted(problem.category), keywords, "fa", status.rawValue, 1, published,
                         status == .archived ? published?.addingTimeInterval(90 * Self.day) : nil, views, helpful, random.below(3), 0,
                         // As KnowledgeArticle.refreshDerivedFields derives it.
                         SearchText.document([title, keywords, problem.category, plain])])
            revisions.append([random.uuidV7(at: created), organisationID, id, 1, title, body, problem.category, keywords, "fa", owner.user, created])
        }
        return DemoChunk(tables: [rows, revisions], summary: NoSummary())
    }
}
