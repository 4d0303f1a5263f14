import PeyvandCore

/// Labels of the administration pages, in both languages.
enum AdminText {
    case administration, users, teams, roles, auditLog, settings, pipelines, queues
    case name, email, role, active, inactive, language, password, members, newUser, newTeam, newRole, builtIn
    case permissionMatrix, module, noAccess, scope(PermissionScope), action(PermissionAction), moduleName(PermissionModule)
    case when, who, what, record, changedFields, recordType, anyone, everything, fromDay, toDay, fiscalYearStart
    case organisationName, defaultLanguage, timeZone, moneyUnit, toman, rial, saved
    case stages, stageName, probability, outcome, newPipeline, productLine
    case businessCalendar, workingWeek, day(WorkingWeek.Day), opens, closes, secondShift, closedWhenEmpty, hoursPerWeek(String)
    case holidays, holidayDay, holidayName, addHoliday, noHolidays, removeHoliday, previousYear, nextYear

    func text(in language: Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .administration: ("مدیریت", "Administration")
        case .users: ("کاربران", "Users")
        case .teams: ("تیم‌ها", "Teams")
        case .roles: ("نقش‌ها و دسترسی‌ها", "Roles and permissions")
        case .auditLog: ("گزارش تغییرات", "Audit log")
        case .settings: ("تنظیمات سازمان", "Organisation settings")
        case .pipelines: ("قیف‌های فروش", "Pipelines")
        case .queues: ("صف‌های پشتیبانی", "Service queues")
        case .name: ("نام", "Name")
        case .email: ("ایمیل", "Email")
        case .role: ("نقش", "Role")
        case .active: ("فعال", "Active")
        case .inactive: ("غیرفعال", "Inactive")
        case .language: ("زبان", "Language")
        case .password: ("گذرواژهٔ اولیه", "Initial password")
        case .members: ("اعضا", "Members")
        case .newUser: ("کاربر جدید", "New user")
        case .newTeam: ("تیم جدید", "New team")
        case .newRole: ("نقش جدید", "New role")
        case .builtIn: ("پیش‌فرض (تغییرناپذیر)", "Built in (cannot be changed)")
        case .permissionMatrix: ("ماتریس دسترسی", "Permission matrix")
        case .module: ("بخش", "Area")
        case .noAccess: ("بدون دسترسی", "No access")
        case .scope(let scope):
            switch scope {
            case .own: ("رکوردهای خود", "Own records")
            case .team: ("رکوردهای تیم", "Team's records")
            case .organisation: ("همهٔ سازمان", "Whole organisation")
            }
        case .action(let action):
            switch action {
            case .read: ("دیدن", "Read")
            case .create: ("ایجاد", "Create")
            case .update: ("ویرایش", "Update")
            case .delete: ("حذف", "Delete")
            case .export: ("خروجی", "Export")
            case .assign: ("واگذاری", "Assign")
            }
        case .moduleName(let module):
            switch module {
            case .accounts: ("سازمان‌ها", "Accounts")
            case .contacts: ("مخاطبان", "Contacts")
            case .leads: ("سرنخ‌ها", "Leads")
            case .opportunities: ("فرصت‌ها", "Opportunities")
            case .products: ("کالاها", "Products")
            case .quotes: ("پیش‌فاکتورها", "Quotes")
            case .orders: ("سفارش‌ها", "Orders")
            case .invoices: ("فاکتورها", "Invoices")
            case .activities: ("فعالیت‌ها", "Activities")
            case .cases: ("درخواست‌های پشتیبانی", "Cases")
            case .knowledge: ("پایگاه دانش", "Knowledge base")
            case .campaigns: ("کمپین‌ها", "Campaigns")
            case .marketingLists: ("فهرست‌های بازاریابی", "Marketing lists")
            case .reports: ("گزارش‌ها", "Reports")
            case .administration: ("مدیریت", "Administration")
            }
        case .when: ("زمان", "When")
        case .who: ("کاربر", "Who")
        case .what: ("عمل", "Action")
        case .record: ("رکورد", "Record")
        case .changedFields: ("فیلدهای تغییرکرده", "Changed fields")
        case .recordType: ("نوع رکورد", "Record type")
        case .fromDay: ("از تاریخ", "From")
        case .fiscalYearStart: ("آغاز سال مالی", "Fiscal year starts in")
        case .toDay: ("تا تاریخ", "To")
        case .anyone: ("همه", "Anyone")
        case .everything: ("همه", "Everything")
        case .organisationName: ("نام سازمان", "Organisation name")
        case .defaultLanguage: ("زبان پیش‌فرض کاربران جدید", "New users' language")
        case .timeZone: ("منطقهٔ زمانی", "Time zone")
        case .moneyUnit: ("نمایش مبالغ ریالی", "Show IRR amounts in")
        case .toman: ("تومان", "Toman")
        case .rial: ("ریال", "Rial")
        case .saved: ("ذخیره شد.", "Saved.")
        case .stages: ("مراحل", "Stages")
        case .stageName: ("نام مرحله", "Stage name")
        case .probability: ("احتمال ٪", "Probability %")
        case .outcome: ("نتیجه", "Outcome")
        case .newPipeline: ("قیف جدید", "New pipeline")
        case .productLine: ("خط محصول", "Product line")
        case .businessCalendar: ("ساعات کاری و تعطیلات", "Working hours and holidays")
        case .workingWeek: ("هفتهٔ کاری", "Working week")
        case .day(let day): Self.dayName(day)
        case .opens: ("از ساعت", "Opens")
        case .closes: ("تا ساعت", "Closes")
        case .secondShift: ("نوبت دوم (اختیاری)", "Second shift (optional)")
        case .closedWhenEmpty: ("روزی که خالی بماند تعطیل است. ساعت‌ها به وقت سازمان‌اند؛ مثلاً ۰۸:۰۰.",
                                "A day left empty is closed. Times are in the organisation's zone, e.g. 08:00.")
        case .hoursPerWeek(let hours): ("\(hours) ساعت کار در هفته", "\(hours) working hours a week")
        case .holidays: ("تعطیلات", "Holidays")
        case .holidayDay: ("روز", "Day")
        case .holidayName: ("مناسبت", "Occasion")
        case .addHoliday: ("افزودن تعطیلی", "Add holiday")
        case .noHolidays: ("تعطیلی‌ای برای این سال ثبت نشده است.", "No holidays declared for this year.")
        case .removeHoliday: ("حذف", "Remove")
        case .previousYear: ("سال قبل", "Previous year")
        case .nextYear: ("سال بعد", "Next year")
        }
        return language == .fa ? text.fa : text.en
    }

    private static func dayName(_ day: WorkingWeek.Day) -> (fa: String, en: String) {
        switch day {
        case .saturday: ("شنبه", "Saturday")
        case .sunday: ("یکشنبه", "Sunday")
        case .monday: ("دوشنبه", "Monday")
        case .tuesday: ("سه‌شنبه", "Tuesday")
        case .wednesday: ("چهارشنبه", "Wednesday")
        case .thursday: ("پنجشنبه", "Thursday")
        case .friday: ("جمعه", "Friday")
        }
    }
}
