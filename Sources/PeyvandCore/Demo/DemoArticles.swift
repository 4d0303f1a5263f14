import Foundation

/// The demo organisation's knowledge base: a few Persian articles about the demo cases' problems,
/// written through the service (so revised, audited and indexed like typed ones); most published,
/// one draft, one archived.
public struct DemoArticles: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    static let articles: [(title: String, body: String, category: String?, keywords: [String], status: KnowledgeArticle.Status)] = [
        ("کارت‌خوان روشن نمی‌شود یا چراغ ندارد",
         "## پیش از اعزام کارشناس\n1. آداپتور را به پریز دیگری بزنید.\n2. کابل برق را از پشت دستگاه جدا و دوباره وصل کنید.\n3. اگر چراغ روشن شد ولی دستگاه بالا نیامد، دکمهٔ **لغو** را ده ثانیه نگه دارید.\n\nاگر باز هم خاموش ماند، شمارهٔ سریال را بپرسید و درخواست بازدید حضوری ثبت کنید.",
         "سخت‌افزار", ["کارت‌خوان", "آداپتور", "خاموش"], .published),
        ("برداشت تکراری برای یک فاکتور",
         "وقتی مشتری دو برداشت با یک شمارهٔ فاکتور می‌بیند:\n- شمارهٔ پیگیری هر دو تراکنش را بگیرید.\n- در سامانهٔ مالی وضعیت پرداخت فاکتور را ببینید.\n- برداشت دوم ظرف ۷۲ ساعت کاری به حساب مشتری بازمی‌گردد؛ شمارهٔ پیگیری بازپرداخت را به مشتری بدهید.",
         "صورتحساب", ["فاکتور", "برداشت", "بازپرداخت"], .published),
        ("تمدید سالانهٔ قرارداد پشتیبانی",
         "قراردادها یک ماه پیش از پایان برای تمدید پیشنهاد می‌شوند. شرایط:\n- تمدید با همان سطح خدمت و **۱۰٪ تخفیف** تا پایان قرارداد قبلی.\n- ارتقا به سطح طلایی در هر زمان ممکن است.\n\nفرم تمدید: [صفحهٔ قراردادها](https://peyvand.ir/contracts)",
         "صورتحساب", ["قرارداد", "تمدید"], .published),
        ("کندی گزارش‌گیری پایان ماه",
         "گزارش‌های بزرگ را در ساعت‌های کم‌کار بگیرید یا بازهٔ تاریخ را کوتاه کنید. اگر گزارش فروش ماهانه بیش از پنج دقیقه طول کشید، نام گزارش و زمان اجرا را برای تیم فنی بفرستید.",
         "نرم‌افزار", ["گزارش", "کندی"], .published),
        ("خطای «نشست منقضی شده» در پورتال مشتریان",
         "پس از تغییر گذرواژه، نشست‌های قبلی بسته می‌شوند.\n1. همهٔ زبانه‌های پورتال را ببندید.\n2. کوکی‌های سایت را پاک کنید.\n3. دوباره وارد شوید.",
         "نرم‌افزار", ["پورتال", "ورود", "گذرواژه"], .published),
        ("نصب و فعال‌سازی مجوز روی رایانهٔ جدید",
         "## آماده‌سازی\n- شمارهٔ سریال مجوز را از مشتری بگیرید.\n- نسخهٔ سیستم‌عامل را بپرسید.\n\n## نصب\nبرنامهٔ نصب را اجرا و سریال را در گام آخر وارد کنید.",
         "نصب و راه‌اندازی", ["نصب", "مجوز"], .draft),
        ("راهنمای نسخهٔ قدیمی پنل گزارش‌ها",
         "این راهنما برای نسخهٔ ۱۴۰۳ بود و دیگر به‌کار نمی‌رود.", "آموزش", ["گزارش"], .archived),
    ]

    /// Writes the articles as `context`'s user; returns how many.
    @discardableResult
    public func load(by context: RequestContext) async throws -> Int {
        let service = ArticleService(store: store)
        for item in Self.articles {
            let article = try await service.create(ArticleInput(
                provided: ["title", "body", "category", "keywords", "language", "status"], title: item.title, body: item.body,
                category: item.category, keywords: item.keywords, language: "fa",
                status: item.status == .archived ? KnowledgeArticle.Status.published.rawValue : item.status.rawValue), by: context)
            if item.status == .archived {
                _ = try await service.update(article.id!, ArticleInput(provided: ["status"], status: item.status.rawValue), expectedVersion: nil, by: context)
            }
        }
        return Self.articles.count
    }
}
