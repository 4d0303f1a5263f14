import PeyvandCore

/// The sales pages' field labels and the names of stored values (kinds, sources, channels), in
/// both languages. Each is a `switch`, so a missing translation does not compile.
enum SalesText {
    case firstName, lastName, fullName, gender, birthDate, jobTitle, account, leadSource, description
    case phones, phone, emails, email, label, province, city, addressLine, postalCode, tags, tagsHint
    case optedOut, preferredChannel, preferredTime, preferredLanguage, preferences
    case name, kind, industry, website, nationalID, economicCode, parentAccount
    case company, source, status, score, disqualifiedReason
    case contactsOfAccount, opportunitiesOfRecord, noneYet, dateHint, owner, createdAt, updatedAt
    case details, contactDetails, address

    func text(in language: Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .firstName: ("نام", "First name")
        case .lastName: ("نام خانوادگی", "Last name")
        case .fullName: ("نام", "Name")
        case .gender: ("جنسیت", "Gender")
        case .birthDate: ("تاریخ تولد", "Birth date")
        case .jobTitle: ("سمت", "Job title")
        case .account: ("سازمان", "Account")
        case .leadSource: ("منبع آشنایی", "Lead source")
        case .description: ("توضیحات", "Description")
        case .phones: ("تلفن‌ها", "Phones")
        case .phone: ("تلفن", "Phone")
        case .emails: ("ایمیل‌ها", "Emails")
        case .email: ("ایمیل", "Email")
        case .label: ("نوع", "Type")
        case .province: ("استان", "Province")
        case .city: ("شهر", "City")
        case .addressLine: ("نشانی", "Street address")
        case .postalCode: ("کد پستی", "Postal code")
        case .tags: ("برچسب‌ها", "Tags")
        case .tagsHint: ("با ویرگول جدا کنید.", "Separate with commas.")
        case .optedOut: ("کانال‌هایی که نمی‌خواهد", "Opted out of")
        case .preferredChannel: ("کانال ترجیحی", "Preferred channel")
        case .preferredTime: ("زمان ترجیحی تماس", "Preferred time")
        case .preferredLanguage: ("زبان", "Language")
        case .preferences: ("ترجیحات ارتباطی", "Contact preferences")
        case .name: ("نام", "Name")
        case .kind: ("نوع", "Kind")
        case .industry: ("صنعت", "Industry")
        case .website: ("وب‌سایت", "Website")
        case .nationalID: ("شناسه ملی", "National ID")
        case .economicCode: ("کد اقتصادی", "Economic code")
        case .parentAccount: ("سازمان مادر", "Parent account")
        case .company: ("شرکت", "Company")
        case .source: ("منبع", "Source")
        case .status: ("وضعیت", "Status")
        case .score: ("امتیاز", "Score")
        case .disqualifiedReason: ("دلیل رد صلاحیت", "Disqualification reason")
        case .contactsOfAccount: ("مخاطبان", "Contacts")
        case .opportunitiesOfRecord: ("فرصت‌های فروش", "Opportunities")
        case .noneYet: ("هنوز چیزی نیست.", "None yet.")
        case .dateHint: ("مثلاً ۱۴۰۵/۰۸/۲۷", "e.g. 2026-11-18 or 1405/08/27")
        case .owner: ("مسئول", "Owner")
        case .createdAt: ("ایجاد", "Created")
        case .updatedAt: ("آخرین تغییر", "Last changed")
        case .details: ("جزئیات", "Details")
        case .contactDetails: ("راه‌های ارتباط", "Contact details")
        case .address: ("نشانی", "Address")
        }
        return language == .fa ? text.fa : text.en
    }

    /// The name of a stored value (`female`, `web_form`, `sms`…) in the reader's language.
    static func value(_ raw: String, in language: Language) -> String {
        let names: [String: (fa: String, en: String)] = [
            "female": ("زن", "Female"), "male": ("مرد", "Male"), "unspecified": ("نامشخص", "Unspecified"),
            "web_form": ("فرم وب", "Web form"), "campaign": ("کمپین", "Campaign"), "referral": ("معرفی", "Referral"),
            "import": ("ورود از فایل", "Import"), "phone": ("تلفن", "Phone"), "social": ("شبکه‌های اجتماعی", "Social"),
            "other": ("سایر", "Other"),
            "email": ("ایمیل", "Email"), "sms": ("پیامک", "SMS"), "post": ("پست", "Post"),
            "morning": ("صبح", "Morning"), "afternoon": ("بعدازظهر", "Afternoon"), "evening": ("عصر", "Evening"),
            "any": ("هر زمان", "Any time"),
            "mobile": ("همراه", "Mobile"), "work": ("کار", "Work"), "home": ("منزل", "Home"), "fax": ("نمابر", "Fax"),
            "personal": ("شخصی", "Personal"),
            "prospect": ("مشتری بالقوه", "Prospect"), "customer": ("مشتری", "Customer"), "partner": ("شریک", "Partner"),
            "competitor": ("رقیب", "Competitor"),
            "new": ("جدید", "New"), "contacted": ("تماس گرفته‌شده", "Contacted"), "qualified": ("واجد شرایط", "Qualified"),
            "disqualified": ("رد صلاحیت", "Disqualified"), "converted": ("تبدیل‌شده", "Converted"),
            "name": ("نام", "Name"),
            "fa": ("فارسی", "Persian"), "en": ("انگلیسی", "English"),
            "open": ("باز", "Open"), "won": ("برنده", "Won"), "lost": ("ازدست‌رفته", "Lost"),
        ]
        guard let name = names[raw] else { return raw }
        return language == .fa ? name.fa : name.en
    }

    /// (value, label) pairs for a drop-down of an enum's cases.
    static func options<Values: CaseIterable & RawRepresentable>(_ type: Values.Type, in language: Language)
        -> [(value: String, label: String)] where Values.RawValue == String {
        type.allCases.map { ($0.rawValue, value($0.rawValue, in: language)) }
    }

    static func provinces(in language: Language) -> [(value: String, label: String)] {
        IranianProvince.allCases.map { ($0.rawValue, language == .fa ? $0.persianName : $0.englishName) }
            .sorted { $0.label < $1.label }
    }

    static func provinceName(_ slug: String?, in language: Language) -> String {
        guard let slug, let province = IranianProvince(rawValue: slug) else { return "" }
        return language == .fa ? province.persianName : province.englishName
    }
}
