import PeyvandCore
import Plot

/// The signed-in landing page. The dashboard of the web UI issue grows here.
struct HomePageModel {
    var language: PeyvandCore.Language
    var userName: String
    var organisationName: String
    var csrfToken: String
}

enum HomePageView {
    static func render(_ model: HomePageModel) -> HTML {
        let language = model.language
        return Layout.document(
            title: UIText.home.text(in: language), language: language,
            signedIn: .init(userName: model.userName, csrfToken: model.csrfToken),
            body: .div(
                .class("card"),
                .h1(.text(UIText.welcome(name: model.userName).text(in: language))),
                .p(.text("\(UIText.organisation.text(in: language)): \(model.organisationName)"))
            ))
    }
}
