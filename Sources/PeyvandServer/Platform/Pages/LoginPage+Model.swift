import PeyvandCore

/// What the login form shows: the values the user typed (never lost on an error), the message
/// beside each bad field, and a form-level message for failed sign-ins.
struct LoginPageModel {
    var language: PeyvandCore.Language
    var email = ""
    /// Where to go after signing in: a path on this site only.
    var next: String?
    var csrfToken: String
    var emailError: String?
    var passwordError: String?
    var formError: String?

    /// Accepts only local paths ("/contacts?q=x"), never "//host" or "https://host", so the
    /// login page cannot be used to send users elsewhere.
    static func safeNext(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), !raw.contains("\u{0}") else { return nil }
        return raw
    }
}
