import PeyvandCore
import Plot

enum LoginPageView {
    static func render(_ model: LoginPageModel) -> HTML {
        let language = model.language
        return Layout.document(title: UIText.signInTitle.text(in: language), language: language, body: .div(
            .class("card auth-card"),
            .h1(.text(UIText.signInTitle.text(in: language))),
            .unwrap(model.formError) { .div(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .method(.post), .action(SiteURL.login.path),
                .attribute(named: "novalidate", value: "novalidate"),
                CSRFField.node(model.csrfToken),
                .unwrap(model.next) { .input(.type(.hidden), .name("next"), .value($0.attributeEscaped)) },
                FormField(name: "email", label: UIText.email.text(in: language), type: .email, value: model.email,
                          error: model.emailError, isRequired: true, autocomplete: "username", isLeftToRight: true).node,
                FormField(name: "password", label: UIText.password.text(in: language), type: .password,
                          error: model.passwordError, isRequired: true, autocomplete: "current-password").node,
                .button(.type(.submit), .text(UIText.signIn.text(in: language)))
            )
        ))
    }
}
