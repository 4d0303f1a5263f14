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
        }
        return language == .fa ? text.fa : text.en
    }
}
