import PeyvandCore

/// Labels of the knowledge-base screens and of the articles shown on cases, in both languages.
enum ArticleText {
    case title, body, bodyHint, category, product, keywords, keywordsHint, language, status, revision, revisions, author
    case views, helpful, notHelpful, usedOnCases, wasItHelpful, yourVote, publish, archive, backToDraft, publishedAt
    case revisionOf(String), currentRevision, suggestedArticles, articlesUsed, useOnCase, removeFromCase, noSuggestions
    case score, suggestionsHint, draftNote

    func text(in language: Language) -> String {
        let text: (fa: String, en: String) = switch self {
        case .title: ("عنوان", "Title")
        case .body: ("متن", "Text")
        case .bodyHint: ("«## » سرتیتر، «- » فهرست، «۱. » گام‌ها، **پررنگ**، [پیوند](https://…)",
                         "“## ” heading, “- ” list, “1. ” steps, **bold**, [link](https://…)")
        case .category: ("دسته", "Category")
        case .product: ("محصول", "Product")
        case .keywords: ("کلیدواژه‌ها", "Keywords")
        case .keywordsHint: ("با ویرگول جدا کنید", "Separated by commas")
        case .language: ("زبان", "Language")
        case .status: ("وضعیت", "Status")
        case .revision: ("ویرایش", "Revision")
        case .revisions: ("ویرایش‌ها", "Revisions")
        case .author: ("نویسنده", "Author")
        case .views: ("بازدید", "Views")
        case .helpful: ("مفید بود", "Helpful")
        case .notHelpful: ("مفید نبود", "Not helpful")
        case .usedOnCases: ("به‌کاررفته در درخواست‌ها", "Used on cases")
        case .wasItHelpful: ("این مقاله مفید بود؟", "Was this article helpful?")
        case .yourVote: ("رأی شما", "Your vote")
        case .publish: ("انتشار", "Publish")
        case .archive: ("بایگانی", "Archive")
        case .backToDraft: ("بازگشت به پیش‌نویس", "Back to draft")
        case .publishedAt: ("منتشر شد در", "Published at")
        case .revisionOf(let number): ("ویرایش \(number)", "Revision \(number)")
        case .currentRevision: ("ویرایش کنونی", "Current revision")
        case .suggestedArticles: ("مقاله‌های پیشنهادی", "Suggested articles")
        case .articlesUsed: ("مقاله‌های به‌کاررفته", "Articles used")
        case .useOnCase: ("به‌کار رفت", "Used it")
        case .removeFromCase: ("برداشتن", "Remove")
        case .noSuggestions: ("مقاله یا درخواست مشابهی پیدا نشد.", "No similar cases or articles found.")
        case .score: ("همخوانی", "Match")
        case .suggestionsHint: ("با نوشتن عنوان و شرح، درخواست‌ها و مقاله‌های مشابه این‌جا می‌آیند.",
                                "As you type the title and description, similar cases and articles appear here.")
        case .draftNote: ("این مقاله منتشر نشده است و فقط ویرایشگران آن را می‌بینند.", "This article is not published; only its editors see it.")
        }
        return language == .fa ? text.fa : text.en
    }

    static func status(_ raw: String, in language: Language) -> String {
        let text: (fa: String, en: String) = switch KnowledgeArticle.Status(rawValue: raw) {
        case .draft?: ("پیش‌نویس", "Draft")
        case .published?: ("منتشرشده", "Published")
        case .archived?: ("بایگانی‌شده", "Archived")
        case nil: (raw, raw)
        }
        return language == .fa ? text.fa : text.en
    }

    static func statusOptions(in language: Language) -> [(String, String)] {
        KnowledgeArticle.Status.allCases.map { ($0.rawValue, status($0.rawValue, in: language)) }
    }

    /// A score in 0…1 as a percentage: `۸۵٪` / `85%`.
    static func percent(_ score: Double, display: Display) -> String {
        let value = display.number(Int((score * 100).rounded()))
        return display.language == .fa ? "\(value)٪" : "\(value)%"
    }
}
