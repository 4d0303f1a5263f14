import Foundation

/// The service part of the small demo: two queues with routing rules, a few customers and a
/// realistic set of Persian cases in every status, made through the services (so numbered,
/// routed, audited and indexed like cases typed by a user).
public struct DemoCases: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public struct Report: Sendable, Equatable {
        public var queues: Int
        public var cases: Int
    }

    /// `agents`: the support users the queues hand cases to (at least one).
    public func load(agents: [UUID], by context: RequestContext) async throws -> Report {
        let queues = QueueService(store: store)
        _ = try await queues.create(QueueInput(
            provided: ["name", "position", "assignment_mode", "member_ids", "rules"], name: "پشتیبانی فنی", position: 0,
            assignmentMode: ServiceQueue.AssignmentMode.roundRobin.rawValue, memberIDs: agents,
            rules: [.init(type: "incident", category: nil, productID: nil, language: nil, channel: nil),
                    .init(type: nil, category: "نصب و راه‌اندازی", productID: nil, language: nil, channel: nil),
                    .init(type: nil, category: "آموزش", productID: nil, language: nil, channel: nil)]), by: context)
        _ = try await queues.create(QueueInput(
            provided: ["name", "position", "assignment_mode", "member_ids", "rules"], name: "امور مشتریان و صورتحساب", position: 1,
            assignmentMode: ServiceQueue.AssignmentMode.leastLoaded.rawValue, memberIDs: agents,
            rules: [.init(type: nil, category: "صورتحساب", productID: nil, language: nil, channel: nil),
                    .init(type: "complaint", category: nil, productID: nil, language: nil, channel: nil),
                    .init(type: nil, category: nil, productID: nil, language: "en", channel: nil)]), by: context)

        // Service levels: a default for everyone, and a gold level the first customer bought.
        let levels = SLAPolicyService(store: store)
        _ = try await levels.create(SLAPolicyInput(
            provided: ["name", "is_default", "targets", "warning_minutes"], name: "استاندارد", isDefault: true,
            targets: [.init(priority: "low", firstResponseMinutes: 8 * 60, resolutionMinutes: 5 * 8 * 60),
                      .init(priority: "normal", firstResponseMinutes: 4 * 60, resolutionMinutes: 3 * 8 * 60),
                      .init(priority: "high", firstResponseMinutes: 2 * 60, resolutionMinutes: 8 * 60),
                      .init(priority: "urgent", firstResponseMinutes: 30, resolutionMinutes: 4 * 60)],
            warningMinutes: 60), by: context)
        let gold = try await levels.create(SLAPolicyInput(
            provided: ["name", "targets", "warning_minutes"], name: "طلایی",
            targets: [.init(priority: "low", firstResponseMinutes: 4 * 60, resolutionMinutes: 2 * 8 * 60),
                      .init(priority: "normal", firstResponseMinutes: 2 * 60, resolutionMinutes: 8 * 60),
                      .init(priority: "high", firstResponseMinutes: 60, resolutionMinutes: 4 * 60),
                      .init(priority: "urgent", firstResponseMinutes: 15, resolutionMinutes: 2 * 60)],
            warningMinutes: 30), by: context)

        let accounts = AccountService(store: store), contacts = ContactService(store: store)
        var customers: [(account: UUID, contact: UUID)] = []
        for (company, first, last) in [("فولاد سپاهان", "مهدی", "اصفهانی"), ("داروسازی البرز", "لیلا", "نیک‌پور"),
                                       ("هتل پارسیان کیش", "حمید", "بندری")] {
            let account = try await accounts.create(AccountInput(provided: ["name"], name: company), allowDuplicate: true, by: context)
            let contact = try await contacts.create(ContactInput(provided: ["first_name", "last_name", "account_id"], firstName: first,
                                                                 lastName: last, accountID: account.id), allowDuplicate: true, by: context)
            customers.append((account.id!, contact.id!))
        }
        let year = JalaliDate(store.now(), in: JalaliDate.tehranTimeZone).year
        _ = try await ContractService(store: store).create(ContractInput(
            provided: ["name", "account_id", "starts_on", "ends_on", "sla_policy_id", "entitlement_unit", "entitlement_total"],
            name: "پشتیبانی طلایی \(year)", accountID: customers[0].account, startsOn: "\(year)/01/01", endsOn: "\(year)/12/29",
            slaPolicyID: gold.id, entitlementUnit: ServiceContract.EntitlementUnit.cases.rawValue, entitlementTotal: 20), by: context)

        let service = CaseService(store: store)
        let cases: [(title: String, description: String, type: String, channel: String, priority: String, category: String?, customer: Int)] = [
            ("دستگاه کارت‌خوان روشن نمی‌شود", "از صبح امروز دستگاه شعبهٔ مرکزی هیچ چراغی ندارد؛ آداپتور عوض شد ولی فرقی نکرد.",
             "incident", "phone", "urgent", nil, 0),
            ("درخواست نصب نرم‌افزار روی سه رایانهٔ جدید", "واحد مالی سه رایانهٔ تازه خریده و به نصب و فعال‌سازی مجوز نیاز دارد.",
             "request", "email", "normal", "نصب و راه‌اندازی", 1),
            ("مبلغ فاکتور آبان دو بار کسر شده است", "در صورت‌حساب بانکی دو برداشت با یک شمارهٔ فاکتور دیده می‌شود.",
             "complaint", "email", "high", "صورتحساب", 2),
            ("پرسش دربارهٔ تمدید قرارداد پشتیبانی", "قرارداد ما اسفند تمام می‌شود؛ شرایط تمدید سالانه چیست؟",
             "question", "web", "low", "صورتحساب", 0),
            ("کندی سامانه هنگام گزارش‌گیری پایان ماه", "گزارش فروش ماهانه بیش از ده دقیقه طول می‌کشد.",
             "incident", "portal", "high", nil, 1),
            ("رفتار نامناسب نمایندهٔ فروش", "مشتری از تماس تلفنی دیروز گلایه دارد و پیگیری مدیر را خواسته است.",
             "complaint", "phone", "normal", nil, 2),
            ("آموزش کار با پنل گزارش‌ها", "دو کارمند جدید برای کار با گزارش‌ها آموزش می‌خواهند.",
             "request", "chat", "low", "آموزش", 0),
            ("خطای ورود به پورتال مشتریان", "پس از تغییر گذرواژه پیام «نشست منقضی شده» نمایش داده می‌شود.",
             "incident", "social", "normal", nil, 1),
        ]
        var created: [SupportCase] = []
        for item in cases {
            let customer = customers[item.customer]
            created.append(try await service.create(CaseInput(
                provided: ["title", "description", "type", "channel", "priority", "category", "account_id", "contact_id", "language"],
                title: item.title, description: item.description, type: item.type, channel: item.channel, priority: item.priority,
                accountID: customer.account, contactID: customer.contact, category: item.category, language: "fa"), by: context))
        }
        // Move some along their lifecycle so every status shows.
        _ = try await service.transition(created[0].id!, to: .inProgress, resolution: nil, expectedVersion: nil, by: context)
        _ = try await service.comment(on: created[0].id!, body: "کارشناس برای بازدید حضوری اعزام شد.", visibility: "public", by: context)
        _ = try await service.transition(created[1].id!, to: .waitingOnCustomer, resolution: nil, expectedVersion: nil, by: context)
        _ = try await service.comment(on: created[1].id!, body: "لطفاً شمارهٔ سریال مجوزها را بفرستید.", visibility: "public", by: context)
        _ = try await service.resolve(created[2].id!, resolution: "برداشت تکراری به حساب مشتری بازگردانده شد.", expectedVersion: nil, by: context)
        _ = try await service.comment(on: created[2].id!, body: "بازپرداخت با شمارهٔ پیگیری ۴۵۱۲۳ انجام شد.", visibility: "internal", by: context)
        _ = try await service.resolve(created[3].id!, resolution: "شرایط تمدید برای مشتری ایمیل شد.", expectedVersion: nil, by: context)
        _ = try await service.close(created[3].id!, expectedVersion: nil, by: context)
        _ = try await service.update(created[7].id!, CaseInput(provided: ["related_case_ids"], relatedCaseIDs: [created[4].id!]),
                                     expectedVersion: nil, by: context)
        return Report(queues: 2, cases: created.count)
    }
}
