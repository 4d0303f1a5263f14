import PeyvandCore
import Plot

/// The page a browser sees when a page request fails: the same problem the API would report,
/// said in the reader's language, with a way back.
enum ErrorPageView {
    static func render(title: String, status: Int, requestID: String, language: PeyvandCore.Language) -> HTML {
        Layout.document(title: title, language: language, body: .div(
            .class("card auth-card"),
            .h1(.text(title)),
            .p(.text(language == .fa ? PersianText.toPersianDigits(String(status)) : String(status))),
            .p(.element(named: "small", text: requestID)),
            .a(.href(SiteURL.home.path), .text(UIText.backHome.text(in: language)))
        ))
    }
}
