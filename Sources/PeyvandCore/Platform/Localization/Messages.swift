/// Every user-facing message of the platform in both languages. Each key is a `switch` case, so
/// the compiler refuses a key that lacks either translation.
public enum Messages {
    public static func title(_ code: ProblemCode, in language: Language) -> String {
        let text: (fa: String, en: String) = switch code {
        case .validationFailed: ("برخی از مقادیر نامعتبرند.", "Some values are invalid.")
        case .malformedJSON: ("بدنهٔ درخواست JSON معتبری نیست.", "The request body is not valid JSON.")
        case .unauthenticated: ("ابتدا وارد شوید.", "Sign in first.")
        case .invalidCredentials: ("ایمیل یا گذرواژه نادرست است.", "The email or password is incorrect.")
        case .forbidden: ("اجازهٔ این کار را ندارید.", "You are not allowed to do this.")
        case .notFound: ("پیدا نشد.", "Not found.")
        case .methodNotAllowed: ("این روش برای این نشانی پشتیبانی نمی‌شود.", "This method is not allowed on this resource.")
        case .conflict: ("این تغییر با وضعیت فعلی سازگار نیست.", "This change conflicts with the current state.")
        case .emailTaken: ("این ایمیل قبلاً ثبت شده است.", "This email is already registered.")
        case .nameTaken: ("این نام قبلاً استفاده شده است.", "This name is already in use.")
        case .builtInRoleImmutable: ("نقش‌های پیش‌فرض را نمی‌توان تغییر داد یا حذف کرد.", "Built-in roles cannot be changed or deleted.")
        case .roleInUse: ("این نقش به کاربرانی داده شده و قابل حذف نیست.", "This role is assigned to users and cannot be deleted.")
        case .lastAdministrator: ("سازمان باید دست‌کم یک مدیر فعال داشته باشد.", "The organisation must keep at least one active administrator.")
        case .organisationExists: ("سازمان قبلاً راه‌اندازی شده است.", "The organisation has already been set up.")
        case .staleVersion: ("این رکورد در این فاصله تغییر کرده است؛ دوباره بارگذاری کنید.", "The record changed in the meantime; reload it and try again.")
        case .idempotencyKeyReused: ("این کلید یکتایی پیش‌تر برای درخواست دیگری به کار رفته است.", "This Idempotency-Key was already used for a different request.")
        case .idempotentRequestInProgress: ("درخواستی با همین کلید یکتایی در حال انجام است.", "A request with this Idempotency-Key is still in progress.")
        case .payloadTooLarge: ("بدنهٔ درخواست بیش از حد بزرگ است.", "The request body is too large.")
        case .unsupportedMediaType: ("نوع محتوای درخواست پشتیبانی نمی‌شود.", "The request content type is not supported.")
        case .tooManyRequests: ("تلاش‌های ناموفق زیاد بود؛ کمی بعد دوباره تلاش کنید.", "Too many failed attempts; try again later.")
        case .badRequest: ("درخواست نامعتبر است.", "The request is invalid.")
        case .internalError: ("خطای پیش‌بینی‌نشده‌ای رخ داد.", "An unexpected error occurred.")
        case .serviceUnavailable: ("سرویس موقتاً در دسترس نیست.", "The service is temporarily unavailable.")
        case .duplicateRecord: ("رکورد مشابهی از پیش وجود دارد.", "A matching record already exists.")
        case .alreadyConverted: ("این سرنخ پیش‌تر تبدیل شده است.", "This lead has already been converted.")
        case .invalidTransition: ("این تغییر وضعیت مجاز نیست.", "This status change is not allowed.")
        case .recordInUse: ("رکوردهای دیگری به این رکورد وابسته‌اند.", "Other records depend on this record.")
        }
        return language == .fa ? text.fa : text.en
    }

    public static func field(_ code: FieldErrorCode, in language: Language) -> String {
        let text: (fa: String, en: String) = switch code {
        case .required: ("این مقدار الزامی است.", "This value is required.")
        case .mustBeString: ("باید متن باشد.", "Must be a string.")
        case .mustBeInteger: ("باید عدد صحیح باشد.", "Must be an integer.")
        case .mustBeBoolean: ("باید درست یا نادرست باشد.", "Must be true or false.")
        case .mustBeObject: ("باید یک شیء JSON باشد.", "Must be a JSON object.")
        case .mustBeArray: ("باید فهرست باشد.", "Must be a list.")
        case .tooShort: ("کوتاه‌تر از حد مجاز است.", "Is too short.")
        case .tooLong: ("بلندتر از حد مجاز است.", "Is too long.")
        case .outOfRange: ("خارج از بازهٔ مجاز است.", "Is out of the allowed range.")
        case .invalidFormat: ("قالب آن نادرست است.", "Has an invalid format.")
        case .invalidEmail: ("نشانی ایمیل معتبر نیست.", "Is not a valid email address.")
        case .invalidUUID: ("شناسهٔ معتبری نیست.", "Is not a valid identifier.")
        case .unknownValue: ("مقدار ناشناخته است.", "Is not one of the allowed values.")
        case .notUnique: ("تکراری است.", "Is already in use.")
        case .weakPassword: ("گذرواژه باید دست‌کم ۱۰ نویسه و شامل حرف و رقم باشد.", "The password must be at least 10 characters and contain letters and digits.")
        case .referencedRecordMissing: ("رکورد مرتبط پیدا نشد.", "The referenced record does not exist.")
        case .readOnly: ("قابل تغییر نیست.", "Cannot be changed.")
        case .invalidCharacters: ("نویسه‌های غیرمجاز دارد.", "Contains characters that are not allowed.")
        }
        return language == .fa ? text.fa : text.en
    }
}
