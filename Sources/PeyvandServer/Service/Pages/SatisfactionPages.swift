import Foundation
import PeyvandCore
import Plot
import Vapor

/// The public survey page a resolved case's contact reaches from their e-mail: no sign-in, the
/// link's token is the only key (so no CSRF token either: a forged post would need the token, which
/// is as good as the link). One score from 1 to 5 and an optional comment, in the survey's language.
enum SatisfactionPages {
    static let path = "csat"

    enum Text {
        case title, question, score(Int), comment, send, thanks, alreadyAnswered, expired, unknown

        func text(in language: PeyvandCore.Language) -> String {
            let text: (fa: String, en: String) = switch self {
            case .title: ("نظرسنجی رضایت", "Satisfaction survey")
            case .question: ("چقدر از رسیدگی به درخواستتان راضی بودید؟", "How satisfied are you with how we handled your case?")
            case .score(let score):
                switch score {
                case 1: ("۱ — بسیار ناراضی", "1 — very dissatisfied")
                case 2: ("۲ — ناراضی", "2 — dissatisfied")
                case 3: ("۳ — معمولی", "3 — neutral")
                case 4: ("۴ — راضی", "4 — satisfied")
                default: ("۵ — بسیار راضی", "5 — very satisfied")
                }
            case .comment: ("توضیح (اختیاری)", "Comment (optional)")
            case .send: ("ثبت نظر", "Send")
            case .thanks: ("سپاس از نظر شما.", "Thank you for your answer.")
            case .alreadyAnswered: ("این نظرسنجی پیش‌تر پاسخ داده شده است. سپاس!", "This survey has already been answered. Thank you!")
            case .expired: ("مهلت این نظرسنجی به پایان رسیده است.", "This survey has expired.")
            case .unknown: ("این پیوند معتبر نیست.", "This link is not valid.")
            }
            return language == .fa ? text.fa : text.en
        }
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        return try await page(for: try await CaseSatisfaction(store: request.store).survey(token: token), token: token, form: nil, request: request)
    }

    @Sendable static func answer(_ request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        let form = try await FormData(request)
        let satisfaction = CaseSatisfaction(store: request.store)
        do {
            let survey = try await satisfaction.answer(token: token, score: form.value("score").flatMap { Int(PersianText.toASCIIDigits($0)) },
                                                       comment: form.value("comment"))
            let language = PeyvandCore.Language(rawValue: survey.language) ?? .fa
            return message(Text.thanks.text(in: language), language: language)
        } catch let error as any DomainError where error.kind == .validation {
            let lookup = try await satisfaction.survey(token: token)
            var language = PeyvandCore.Language.fa
            if case .open(let survey, _) = lookup { language = PeyvandCore.Language(rawValue: survey.language) ?? .fa }
            return try await page(for: lookup, token: token, form: FormState(refused: error, form: form, rowOrigins: [:], language: language),
                                  request: request)
        } catch let error as any DomainError where error.kind == .conflict || error.kind == .notFound {
            return try await page(for: try await satisfaction.survey(token: token), token: token, form: nil, request: request)
        }
    }

    private static func page(for lookup: CaseSatisfaction.Lookup, token: String, form: FormState?, request: Request) async throws -> Response {
        switch lookup {
        case .unknown:
            return message(Text.unknown.text(in: .fa), language: .fa, status: .notFound)
        case .answered(let survey, _):
            let language = PeyvandCore.Language(rawValue: survey.language) ?? .fa
            return message(Text.alreadyAnswered.text(in: language), language: language)
        case .expired(let survey, _):
            let language = PeyvandCore.Language(rawValue: survey.language) ?? .fa
            return message(Text.expired.text(in: language), language: language, status: .gone)
        case .open(let survey, let number):
            let language = PeyvandCore.Language(rawValue: survey.language) ?? .fa
            func text(_ key: Text) -> String { key.text(in: language) }
            let state = form ?? FormState()
            let scores = (1...5).reversed().map { (String($0), text(.score($0))) }
            let body: Node<HTML.BodyContext> = .div(
                .class("survey"),
                .h1(.text(text(.title) + " · " + (language == .fa ? PersianText.toPersianDigits(number) : number))),
                .form(
                    .class("record-form"), .method(.post), .action("/\(path)/\(token.attributeEscaped)"),
                    .element(named: "fieldset", nodes: [
                        .element(named: "legend", text: text(.question)),
                        .unwrap(state.errors["score"]) { .p(.class("field-error"), .text($0)) },
                        .forEach(scores) { value, label in
                            .label(.class("choice"),
                                   .input(.type(.radio), .name("score"), .value(value),
                                          .attribute(named: "checked", value: state.values["score"] == value ? "checked" : nil)),
                                   .text(" " + label))
                        },
                    ]),
                    FormField("comment", text(.comment), in: state, control: .textarea).node,
                    .button(.type(.submit), .class("primary"), .text(text(.send)))
                )
            )
            return Layout.response(Layout.document(title: text(.title), language: language, body: body),
                                   status: form == nil ? .ok : .unprocessableEntity)
        }
    }

    private static func message(_ text: String, language: PeyvandCore.Language, status: HTTPStatus = .ok) -> Response {
        Layout.response(Layout.document(title: Text.title.text(in: language), language: language,
                                        body: .div(.class("survey"), .p(.class("notice"), .text(text)))), status: status)
    }

    static func register(on app: Application) {
        app.get(PathComponent(stringLiteral: path), ":token", use: show)
        app.post(PathComponent(stringLiteral: path), ":token", use: answer)
    }
}
