import PeyvandCore
import Plot
import Vapor

/// First-run setup: on an empty database, the first visitor names the organisation and becomes
/// its administrator. It lives under `/login/` so the login form's CSRF cookie covers it.
enum SetupPages {
    static let fields = ["organisation", "name", "email", "password"]

    @Sendable static func show(_ request: Request) async throws -> Response {
        guard try await organisations(request).isEmpty() else { return request.redirect(to: SiteURL.login.path, redirectType: .normal) }
        return page(FormState(), language: request.language, request: request)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        guard try await organisations(request).isEmpty() else { return request.redirect(to: SiteURL.login.path, redirectType: .normal) }
        let form = try await FormData(request)
        let language = request.language
        var state = FormState(values: form.typed.filter { $0.key != "password" })
        guard let sent = form.value(CSRFField.name), let expected = request.cookies[WebCookies.loginCSRF]?.string, CSRFCheck.isEqual(sent, expected)
        else {
            state.formError = UIText.formExpired.text(in: language)
            return page(state, language: language, status: .forbidden, request: request)
        }
        let organisationName = form.value("organisation")?.trimmingCharacters(in: .whitespaces) ?? ""
        if organisationName.isEmpty { state.errors["organisation"] = Messages.field(.required, in: language) }
        do {
            guard state.errors.isEmpty else { throw ValidationFailure([FieldError(field: "organisation", code: .required)]) }
            _ = try await organisations(request).createUser(
                .init(email: form.value("email"), name: form.value("name"), password: form.value("password"), roleKey: BuiltInRole.admin.rawValue,
                      language: language.rawValue),
                organisationName: organisationName)
        } catch let error as any DomainError where error.kind == .validation {
            let refused = FormState(refused: error, form: form, rowOrigins: [:], language: language)
            state.formError = refused.formError
            state.errors.merge(refused.errors) { first, _ in first }
            return page(state, language: language, status: .unprocessableEntity, request: request)
        }
        let issued = try await request.authService.signIn(email: form.value("email") ?? "", password: form.value("password") ?? "",
                                                           address: request.remoteAddress?.ipAddress, issuing: .webSession)
        let response = request.redirect(to: SiteURL.home.path, redirectType: .normal)
        response.cookies[WebCookies.session] = WebCookies.session(issued.secret, expiresAt: issued.expiresAt, for: request)
        response.cookies[WebCookies.loginCSRF] = WebCookies.expired(path: SiteURL.login.path)
        return response
    }

    private static func organisations(_ request: Request) -> OrganisationService {
        OrganisationService(store: request.store, hasher: request.application.peyvand.hasher)
    }

    private static func page(_ state: FormState, language: PeyvandCore.Language, status: HTTPStatus = .ok, request: Request) -> Response {
        let token = Secrets.make(prefix: "")
        func text(_ key: UIText) -> String { key.text(in: language) }
        let html = Layout.document(title: text(.setupTitle), language: language, body: .div(
            .class("card auth-card"),
            .h1(.text(text(.setupTitle))),
            .p(.class("muted"), .text(text(.setupIntro))),
            .unwrap(state.formError) { .div(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .method(.post), .action(SiteURL.setup.path), .attribute(named: "novalidate", value: "novalidate"),
                CSRFField.node(token),
                FormField("organisation", text(.organisation), in: state, isRequired: true).node,
                FormField("name", text(.yourName), in: state, isRequired: true).node,
                FormField(name: "email", label: text(.email), type: .email, value: state.values["email"], error: state.errors["email"],
                          isRequired: true, autocomplete: "username", isLeftToRight: true).node,
                FormField(name: "password", label: text(.password), type: .password, error: state.errors["password"], isRequired: true,
                          autocomplete: "new-password", hint: text(.passwordRule)).node,
                .button(.type(.submit), .text(text(.createOrganisation)))
            )
        ))
        let response = Layout.response(html, status: status)
        response.cookies[WebCookies.loginCSRF] = WebCookies.loginCSRF(token, for: request)
        return response
    }
}

/// The user's own password: the current one, then the new one twice.
enum PasswordPages {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        return render(page, state: FormState(), changed: request.query[String.self, at: "changed"] != nil)
    }

    @Sendable static func change(_ request: Request) async throws -> Response {
        let page = try WebPage(request)
        let form = try await FormData(request)
        let current = form.value("current_password") ?? "", new = form.value("new_password") ?? ""
        do {
            if new != form.value("confirm_password") {
                throw ValidationFailure([FieldError(field: "confirm_password", code: .invalidFormat)])
            }
            try await UserService(store: page.store, hasher: request.application.peyvand.hasher).changePassword(current: current, new: new, by: page.context)
            return page.redirect(to: SiteURL.password.with([("changed", "1")]))
        } catch let error as any DomainError where error.kind == .validation {
            var state = FormState(refused: error, form: form, rowOrigins: [:], language: page.language)
            state.values = [:]
            if error.fieldErrors.contains(where: { $0.field == "confirm_password" }) {
                state.errors["confirm_password"] = page.text(.passwordsDiffer)
            }
            return render(page, state: state, changed: false, status: .unprocessableEntity)
        }
    }

    private static func render(_ page: WebPage, state: FormState, changed: Bool, status: HTTPStatus = .ok) -> Response {
        page.render(page.text(.changePassword), section: nil, status: status, .div(
            .class("card auth-card"),
            .h1(.text(page.text(.changePassword))),
            .if(changed, .p(.class("notice"), .attribute(named: "role", value: "status"), .text(page.text(.passwordChanged)))),
            page.form(
                action: SiteURL.password.path, class: "",
                FormBanner.node(state, display: page.display),
                FormField(name: "current_password", label: page.text(.currentPassword), type: .password, error: state.errors["current_password"],
                          isRequired: true, autocomplete: "current-password").node,
                FormField(name: "new_password", label: page.text(.newPassword), type: .password, error: state.errors["new_password"],
                          isRequired: true, autocomplete: "new-password", hint: page.text(.passwordRule)).node,
                FormField(name: "confirm_password", label: page.text(.confirmPassword), type: .password, error: state.errors["confirm_password"],
                          isRequired: true, autocomplete: "new-password").node,
                .button(.type(.submit), .text(page.text(.save)))
            )
        ))
    }
}
