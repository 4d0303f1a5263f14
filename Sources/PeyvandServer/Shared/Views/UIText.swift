import PeyvandCore

/// Every label of the web pages in both languages. Each key is a `switch` case, so the compiler
/// refuses a key that lacks either translation (as `Messages` does for errors).
enum UIText {
    case appName
    case home
    case signInTitle
    case email
    case password
    case signIn
    case signOut
    case signedInAs
    case welcome(name: String)
    case organisation
    case formExpired
    case throttled(minutes: Int)
    case pageNotFound
    case notAllowed
    case unexpectedError
    case backHome
    case skipToContent, mainNavigation, searchEverything, search, apply, nothingFound, pages, clearFilters, nextPage
    case accounts, contacts, leads, opportunities, quotes, orders, invoices, activities, products, priceLists, cases, knowledge
    case edit, delete, confirmDelete, save, cancel, exportCSV, importCSV, viewName, saveView, columns
    case bulkAssign, bulkTag, bulkOwner, bulkTagName, withTicked, bulkConfirm, bulkOutcome(String, String)
    case newContact, newAccount, newLead, newOpportunity, newProduct, newPriceList, newActivity, newCase, newArticle
    case possibleDuplicates, hiddenDuplicates(String), saveAnyway
    case someoneElseSaved, field, theirVersion, yourVersion
    case setupTitle, setupIntro, yourName, createOrganisation, passwordRule
    case changePassword, passwordChanged, currentPassword, newPassword, confirmPassword, passwordsDiffer
    case reminders, myOpenTasks, todaysMeetings, myPipeline, recentRecords, nothingDue, noMeetingsToday

    func text(in language: Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .appName: ("پیوند", "Peyvand")
        case .home: ("خانه", "Home")
        case .signInTitle: ("ورود به پیوند", "Sign in to Peyvand")
        case .email: ("ایمیل", "Email")
        case .password: ("گذرواژه", "Password")
        case .signIn: ("ورود", "Sign in")
        case .signOut: ("خروج", "Sign out")
        case .signedInAs: ("کاربر", "Signed in as")
        case .welcome(let name): ("\(name)، خوش آمدید.", "Welcome, \(name).")
        case .organisation: ("سازمان", "Organisation")
        case .formExpired: ("فرم منقضی شده بود؛ دوباره تلاش کنید.", "The form expired; please try again.")
        case .throttled(let minutes):
            ("تلاش‌های ناموفق زیاد بود؛ \(PersianText.toPersianDigits(String(minutes))) دقیقهٔ دیگر دوباره تلاش کنید.",
             "Too many failed attempts; try again in \(minutes) minutes.")
        case .pageNotFound: ("این صفحه پیدا نشد.", "This page was not found.")
        case .notAllowed: ("اجازهٔ این کار را ندارید.", "You are not allowed to do this.")
        case .unexpectedError: ("خطای پیش‌بینی‌نشده‌ای رخ داد.", "An unexpected error occurred.")
        case .backHome: ("بازگشت به خانه", "Back to home")
        case .skipToContent: ("رفتن به محتوا", "Skip to content")
        case .mainNavigation: ("بخش‌ها", "Sections")
        case .searchEverything: ("جستجو در همه‌چیز", "Search everything")
        case .search: ("جستجو", "Search")
        case .apply: ("اعمال", "Apply")
        case .nothingFound: ("موردی پیدا نشد.", "Nothing found.")
        case .pages: ("صفحه‌ها", "Pages")
        case .clearFilters: ("حذف فیلترها", "Clear filters")
        case .nextPage: ("صفحهٔ بعد", "Next page")
        case .accounts: ("سازمان‌ها", "Accounts")
        case .contacts: ("مخاطبان", "Contacts")
        case .leads: ("سرنخ‌ها", "Leads")
        case .opportunities: ("فرصت‌های فروش", "Opportunities")
        case .quotes: ("پیش‌فاکتورها", "Quotes")
        case .orders: ("سفارش‌ها", "Orders")
        case .activities: ("فعالیت‌ها", "Activities")
        case .cases: ("درخواست‌ها", "Cases")
        case .knowledge: ("پایگاه دانش", "Knowledge base")
        case .invoices: ("فاکتورها", "Invoices")
        case .products: ("کالاها و خدمات", "Products")
        case .priceLists: ("فهرست‌های قیمت", "Price lists")
        case .edit: ("ویرایش", "Edit")
        case .delete: ("حذف", "Delete")
        case .confirmDelete: ("این رکورد حذف شود؟", "Delete this record?")
        case .save: ("ذخیره", "Save")
        case .cancel: ("انصراف", "Cancel")
        case .exportCSV: ("خروجی CSV", "Export CSV")
        case .importCSV: ("ورود از CSV", "Import CSV")
        case .viewName: ("نام این نما", "Name this view")
        case .saveView: ("ذخیرهٔ نما", "Save view")
        case .columns: ("ستون‌ها", "Columns")
        case .bulkAssign: ("واگذاری به", "Assign to")
        case .bulkTag: ("افزودن برچسب", "Add a tag")
        case .bulkOwner: ("مسئول جدید", "New owner")
        case .bulkTagName: ("برچسب", "Tag")
        case .withTicked: ("با ردیف‌های انتخاب‌شده", "With the ticked rows")
        case .bulkConfirm: ("این کار روی همهٔ ردیف‌های انتخاب‌شده انجام شود؟", "Apply this to every ticked row?")
        case .bulkOutcome(let done, let refused): ("\(done) رکورد انجام شد؛ \(refused) رکورد مجاز نبود.",
                                                   "\(done) records done; \(refused) refused.")
        case .newContact: ("مخاطب جدید", "New contact")
        case .newAccount: ("سازمان جدید", "New account")
        case .newLead: ("سرنخ جدید", "New lead")
        case .newOpportunity: ("فرصت جدید", "New opportunity")
        case .newProduct: ("کالای جدید", "New product")
        case .newActivity: ("فعالیت جدید", "New activity")
        case .newCase: ("درخواست جدید", "New case")
        case .newArticle: ("مقالهٔ جدید", "New article")
        case .newPriceList: ("فهرست قیمت جدید", "New price list")
        case .possibleDuplicates: ("رکوردهای مشابهی پیدا شد. اگر همین است، به آن بروید؛ وگرنه «ذخیره با وجود مشابه» را بزنید.",
                                   "Similar records exist. Open the right one, or tick “save anyway”.")
        case .hiddenDuplicates(let count): ("\(count) رکورد مشابه دیگر هم هست که اجازهٔ دیدنش را ندارید.",
                                            "\(count) more similar records exist that you may not see.")
        case .saveAnyway: ("ذخیره با وجود مشابه", "Save anyway")
        case .someoneElseSaved: ("کس دیگری این رکورد را پس از باز شدن فرم ذخیره کرده است. مقادیر شما حفظ شده‌اند؛ با ذخیرهٔ دوباره، نسخهٔ شما جایگزین می‌شود.",
                                 "Someone else saved this record after you opened the form. Your values are kept below; saving again replaces their version with yours.")
        case .setupTitle: ("راه‌اندازی پیوند", "Set up Peyvand")
        case .setupIntro: ("نام سازمان را بنویسید و حساب مدیر را بسازید.", "Name your organisation and create its administrator.")
        case .yourName: ("نام شما", "Your name")
        case .createOrganisation: ("ساخت سازمان", "Create the organisation")
        case .passwordRule: ("دست‌کم \(PersianText.toPersianDigits(String(PasswordPolicy.minimumLength))) نویسه، با حرف و عدد.",
                             "At least \(PasswordPolicy.minimumLength) characters, with letters and digits.")
        case .changePassword: ("تغییر گذرواژه", "Change password")
        case .passwordChanged: ("گذرواژه تغییر کرد.", "Your password was changed.")
        case .currentPassword: ("گذرواژهٔ فعلی", "Current password")
        case .newPassword: ("گذرواژهٔ جدید", "New password")
        case .confirmPassword: ("تکرار گذرواژهٔ جدید", "New password again")
        case .passwordsDiffer: ("دو گذرواژه یکی نیستند.", "The two passwords differ.")
        case .reminders: ("یادآوری‌ها", "Reminders")
        case .myOpenTasks: ("کارهای باز من", "My open tasks")
        case .todaysMeetings: ("جلسه‌های امروز", "Today's meetings")
        case .myPipeline: ("فرصت‌های من", "My pipeline")
        case .recentRecords: ("آخرین رکوردها", "Recent records")
        case .nothingDue: ("کاری در انتظار نیست.", "Nothing is due.")
        case .noMeetingsToday: ("امروز جلسه‌ای ندارید.", "No meetings today.")
        case .field: ("فیلد", "Field")
        case .theirVersion: ("نسخهٔ ذخیره‌شده", "Saved version")
        case .yourVersion: ("نسخهٔ شما", "Your version")
        }
        return language == .fa ? text.fa : text.en
    }
}
