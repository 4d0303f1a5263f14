import Foundation

/// The resources a CSV can be imported into and the fields their columns may map to, with the
/// header names (English and Persian) that map to each field without being told.
public enum ImportResource: String, CaseIterable, Sendable {
    case accounts, contacts, leads, opportunities, products, activities

    public struct Field: Sendable {
        public let name: String
        public let aliases: [String]
        public let isRequired: Bool
    }

    public var fields: [Field] {
        let shared = [
            Field(name: "mobile", aliases: ["mobile", "cell", "cellphone", "موبایل", "تلفن همراه", "همراه", "شماره همراه"], isRequired: false),
            Field(name: "phone", aliases: ["phone", "telephone", "tel", "تلفن", "تلفن ثابت"], isRequired: false),
            Field(name: "email", aliases: ["email", "e-mail", "ایمیل", "پست الکترونیک", "رایانامه"], isRequired: false),
            Field(name: "province", aliases: ["province", "state", "استان"], isRequired: false),
            Field(name: "city", aliases: ["city", "شهر"], isRequired: false),
            Field(name: "address", aliases: ["address", "street", "نشانی", "آدرس"], isRequired: false),
            Field(name: "postal_code", aliases: ["postal code", "postcode", "zip", "کد پستی"], isRequired: false),
            Field(name: "tags", aliases: ["tags", "tag", "برچسب", "برچسب‌ها"], isRequired: false),
            Field(name: "description", aliases: ["description", "notes", "note", "توضیحات", "یادداشت"], isRequired: false),
        ]
        let person = [
            Field(name: "first_name", aliases: ["first name", "firstname", "given name", "نام"], isRequired: false),
            Field(name: "last_name", aliases: ["last name", "lastname", "surname", "family name", "نام خانوادگی"], isRequired: true),
            Field(name: "job_title", aliases: ["job title", "title", "position", "سمت", "عنوان شغلی"], isRequired: false),
        ]
        switch self {
        case .accounts:
            return [
                Field(name: "name", aliases: ["name", "company", "account", "company name", "نام", "نام شرکت", "شرکت"], isRequired: true),
                Field(name: "kind", aliases: ["kind", "type", "نوع"], isRequired: false),
                Field(name: "industry", aliases: ["industry", "صنعت"], isRequired: false),
                Field(name: "website", aliases: ["website", "web", "site", "وب‌سایت", "وبسایت", "سایت"], isRequired: false),
                Field(name: "national_id", aliases: ["national id", "شناسه ملی"], isRequired: false),
                Field(name: "economic_code", aliases: ["economic code", "کد اقتصادی"], isRequired: false),
            ] + shared
        case .contacts:
            return person + [
                Field(name: "gender", aliases: ["gender", "sex", "جنسیت"], isRequired: false),
                Field(name: "birth_date", aliases: ["birth date", "birthday", "date of birth", "تاریخ تولد"], isRequired: false),
                Field(name: "account", aliases: ["account", "company", "organisation", "organization", "شرکت", "نام شرکت", "سازمان"], isRequired: false),
                Field(name: "lead_source", aliases: ["lead source", "source", "منبع"], isRequired: false),
            ] + shared
        case .leads:
            return person + [
                Field(name: "company", aliases: ["company", "company name", "organisation", "organization", "شرکت", "نام شرکت", "سازمان"], isRequired: false),
                Field(name: "source", aliases: ["source", "lead source", "منبع"], isRequired: false),
                Field(name: "status", aliases: ["status", "وضعیت"], isRequired: false),
                Field(name: "score", aliases: ["score", "امتیاز"], isRequired: false),
            ] + shared
        case .opportunities:
            return [
                Field(name: "name", aliases: ["name", "opportunity", "deal", "title", "نام", "عنوان", "فرصت", "نام فرصت"], isRequired: true),
                Field(name: "account", aliases: ["account", "company", "customer", "organisation", "organization", "شرکت", "سازمان", "مشتری",
                                                 "نام شرکت"], isRequired: true),
                Field(name: "pipeline", aliases: ["pipeline", "sales pipeline", "قیف", "قیف فروش"], isRequired: false),
                Field(name: "stage", aliases: ["stage", "sales stage", "مرحله"], isRequired: false),
                Field(name: "amount", aliases: ["amount", "value", "deal value", "مبلغ", "ارزش"], isRequired: false),
                Field(name: "currency", aliases: ["currency", "ارز"], isRequired: false),
                Field(name: "expected_close_date", aliases: ["expected close date", "close date", "expected close", "تاریخ بستن",
                                                             "تاریخ پیش‌بینی بستن", "پیش‌بینی بستن"], isRequired: false),
                Field(name: "tags", aliases: ["tags", "tag", "برچسب", "برچسب‌ها"], isRequired: false),
                Field(name: "description", aliases: ["description", "notes", "note", "توضیحات", "یادداشت"], isRequired: false),
            ]
        case .activities:
            return [
                Field(name: "kind", aliases: ["kind", "type", "activity type", "نوع", "نوع فعالیت"], isRequired: true),
                Field(name: "subject", aliases: ["subject", "title", "موضوع", "عنوان"], isRequired: true),
                Field(name: "body", aliases: ["body", "description", "notes", "note", "details", "شرح", "توضیحات", "یادداشت"], isRequired: false),
                Field(name: "status", aliases: ["status", "وضعیت"], isRequired: false),
                Field(name: "priority", aliases: ["priority", "اولویت"], isRequired: false),
                Field(name: "due_at", aliases: ["due", "due at", "due date", "deadline", "سررسید", "مهلت"], isRequired: false),
                Field(name: "start_at", aliases: ["start", "start at", "starts", "begins", "شروع", "زمان شروع"], isRequired: false),
                Field(name: "end_at", aliases: ["end", "end at", "ends", "پایان", "زمان پایان"], isRequired: false),
                Field(name: "account", aliases: ["account", "company", "customer", "regarding", "شرکت", "سازمان", "مشتری"], isRequired: false),
            ]
        case .products:
            return [
                Field(name: "sku", aliases: ["sku", "code", "product code", "item code", "کد", "کد کالا", "کد محصول"], isRequired: true),
                Field(name: "name_fa", aliases: ["name fa", "persian name", "name", "product", "نام", "نام کالا", "نام محصول", "نام فارسی"],
                      isRequired: false),
                Field(name: "name_en", aliases: ["name en", "english name", "نام انگلیسی"], isRequired: false),
                Field(name: "product_line", aliases: ["product line", "line", "category", "خط محصول", "گروه کالا", "دسته"], isRequired: false),
                Field(name: "unit", aliases: ["unit", "واحد"], isRequired: false),
                Field(name: "list_price", aliases: ["list price", "price", "قیمت", "قیمت فروش", "بها"], isRequired: false),
                Field(name: "currency", aliases: ["currency", "ارز"], isRequired: false),
                Field(name: "tax_rate", aliases: ["tax rate", "tax", "vat", "مالیات", "نرخ مالیات", "مالیات بر ارزش افزوده"], isRequired: false),
                Field(name: "active", aliases: ["active", "is active", "فعال"], isRequired: false),
                Field(name: "description", aliases: ["description", "notes", "note", "توضیحات", "یادداشت"], isRequired: false),
            ]
        }
    }

    /// Which field each header maps to: the client's mapping first, then the aliases. Headers
    /// that map to nothing are ignored; a mapping naming an unknown field is an error.
    public func mapping(for header: [String], explicit: [String: String]) -> (columns: [Int: String], unknownFields: [String]) {
        let known = Set(fields.map(\.name))
        var columns: [Int: String] = [:]
        let explicitByKey = Dictionary(explicit.map { (Self.headerKey($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        // Explicit mappings first; header aliases only fill fields nothing else took.
        for (index, title) in header.enumerated() {
            if let field = explicitByKey[Self.headerKey(title)], known.contains(field), !columns.values.contains(field) { columns[index] = field }
        }
        for (index, title) in header.enumerated() where columns[index] == nil && explicitByKey[Self.headerKey(title)] == nil {
            let key = Self.headerKey(title)
            if let field = fields.first(where: { $0.name == key || $0.aliases.contains { Self.headerKey($0) == key } }),
               !columns.values.contains(field.name) {
                columns[index] = field.name
            }
        }
        return (columns, explicit.values.filter { !known.contains($0) && !$0.isEmpty }.sorted())
    }

    static func headerKey(_ title: String) -> String {
        PersianText.compacted(title.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " "))
    }
}
