import PeyvandCore
import Vapor

/// Signing in and out of the browser UI, and the signed-in home page.
enum SessionPages {
    struct LoginForm: Content {
        var email: String?
        var password: String?
        var _csrf: String?
        var next: String?
    }

    @Sendable static func showLogin(_ request: Request) async throws -> Response {
        if try await OrganisationService(store: request.store, hasher: request.application.peyvand.hasher).isEmpty() {
            return request.redirect(to: SiteURL.setup.path, redirectType: .normal)
        }
        let model = LoginPageModel(language: request.language, next: LoginPageModel.safeNext(request.query[String.self, at: "next"]),
                                   csrfToken: Secrets.make(prefix: ""))
        return loginPage(model, request: request)
    }

    @Sendable static func login(_ request: Request) async throws -> Response {
        let form = (try? request.content.decode(LoginForm.self)) ?? LoginForm()
        var model = LoginPageModel(language: request.language, email: form.email ?? "", next: LoginPageModel.safeNext(form.next),
                                   csrfToken: Secrets.make(prefix: ""))
        guard let sent = form._csrf, let expected = request.cookies[WebCookies.loginCSRF]?.string,
              CSRFCheck.isEqual(sent, expected)
        else {
            model.formError = UIText.formExpired.text(in: model.language)
            return loginPage(model, status: .forbidden, request: request)
        }
        let email = form.email?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let password = form.password ?? ""
        if email.isEmpty { model.emailError = Messages.field(.required, in: model.language) }
        if password.isEmpty { model.passwordError = Messages.field(.required, in: model.language) }
        guard !email.isEmpty, !password.isEmpty else { return loginPage(model, status: .unprocessableEntity, request: request) }

        let issued: AuthService.Issued
        do {
            issued = try await request.authService.signIn(email: email, password: password, address: request.remoteAddress?.ipAddress,
                                                           issuing: .webSession)
        } catch PlatformError.invalidCredentials {
            model.formError = Messages.title(.invalidCredentials, in: model.language)
            return loginPage(model, status: .unauthorized, request: request)
        } catch PlatformError.loginThrottled(let seconds) {
            model.formError = UIText.throttled(minutes: max(1, (seconds + 59) / 60)).text(in: model.language)
            return loginPage(model, status: .tooManyRequests, headers: [HTTPHeaders.Name.retryAfter.description: String(seconds)],
                             request: request)
        }
        let response = request.redirect(to: model.next ?? SiteURL.home.path, redirectType: .normal)
        response.cookies[WebCookies.session] = WebCookies.session(issued.secret, expiresAt: issued.expiresAt, for: request)
        response.cookies[WebCookies.loginCSRF] = WebCookies.expired(path: SiteURL.login.path)
        return response
    }

    @Sendable static func logout(_ request: Request) async throws -> Response {
        if let session = request.webSession { try await request.authService.signOut(secret: session.secret) }
        let response = request.redirect(to: SiteURL.login.path, redirectType: .normal)
        response.cookies[WebCookies.session] = WebCookies.expired()
        return response
    }

    @Sendable static func home(_ request: Request) async throws -> Response {
        var page = try WebPage(request)
        try await page.loadMoneySettings()
        let model = try await HomePageModel.load(page)
        return page.render(page.text(.home), section: .home, HomePageView.render(model, page: page))
    }

    /// `POST /preferences/language`: the user's language, kept on their account so it sticks on
    /// every device; back to the page they were on.
    @Sendable static func switchLanguage(_ request: Request) async throws -> Response {
        let context = try request.actor
        let form = try await FormData(request)
        let language = form.value("language").flatMap(PeyvandCore.Language.init(rawValue:)) ?? context.language
        _ = try await UserService(store: request.store, hasher: request.application.peyvand.hasher)
            .update(context.userID, UserChanges(language: language.rawValue), expectedVersion: nil, by: context)
        return request.redirect(to: LoginPageModel.safeNext(form.value("next")) ?? SiteURL.home.path, redirectType: .normal)
    }

    /// The form again, with a fresh login CSRF token in both the page and its cookie.
    private static func loginPage(_ model: LoginPageModel, status: HTTPStatus = .ok, headers: HTTPHeaders = [:],
                                  request: Request) -> Response {
        let response = Layout.response(LoginPageView.render(model), status: status, headers: headers)
        response.cookies[WebCookies.loginCSRF] = WebCookies.loginCSRF(model.csrfToken, for: request)
        return response
    }
}
