import PeyvandCore
import Vapor

/// Every route of the application. Each API and operations route must also appear in
/// `Resources/openapi.json` (a test compares the two); web pages are listed in `SiteURL`.
func routes(_ app: Application) throws {
    webRoutes(app)

    app.get("healthz", use: OperationsRoutes.health)
    app.get("readyz", use: OperationsRoutes.ready)
    app.get("metrics", use: OperationsRoutes.metrics)

    let api = app.grouped("api", "v1")
    api.get("openapi.json", use: OpenAPIRoute.document)
    api.post("auth", "login", use: AuthAPI.login)
    api.post("auth", "logout", use: AuthAPI.logout)

    let signedIn = api.grouped(APIAuthenticator(), IdempotencyMiddleware())
    signedIn.get("me", use: MeAPI.show)
    signedIn.patch("me", use: MeAPI.update)
    signedIn.post("me", "password", use: MeAPI.changePassword)

    let users = signedIn.grouped("users")
    users.get(use: UsersAPI.list)
    users.post(use: UsersAPI.create)
    users.get(":id", use: UsersAPI.show)
    users.patch(":id", use: UsersAPI.update)

    let teams = signedIn.grouped("teams")
    teams.get(use: TeamsAPI.list)
    teams.post(use: TeamsAPI.create)
    teams.get(":id", use: TeamsAPI.show)
    teams.patch(":id", use: TeamsAPI.update)
    teams.delete(":id", use: TeamsAPI.delete)

    let roles = signedIn.grouped("roles")
    roles.get(use: RolesAPI.list)
    roles.post(use: RolesAPI.create)
    roles.get(":id", use: RolesAPI.show)
    roles.patch(":id", use: RolesAPI.update)
    roles.delete(":id", use: RolesAPI.delete)

    signedIn.get("audit-log", use: AuditLogAPI.list)

    signedIn.get("business-hours", use: BusinessCalendarAPI.week)
    signedIn.put("business-hours", use: BusinessCalendarAPI.setWeek)
    signedIn.get("holidays", use: BusinessCalendarAPI.holidays)
    signedIn.post("holidays", use: BusinessCalendarAPI.addHoliday)
    signedIn.delete("holidays", ":id", use: BusinessCalendarAPI.removeHoliday)

    salesRoutes(signedIn)
    documentRoutes(signedIn)
    activityRoutes(signedIn)
    serviceRoutes(signedIn)

    signedIn.on(.POST, "import", ":resource", body: .collect(maxSize: ImportExportAPI.maximumFileSize), use: ImportExportAPI.start)
    signedIn.get("imports", ":id", use: ImportExportAPI.show)
    signedIn.get("imports", ":id", "report", use: ImportExportAPI.report)
    signedIn.get("export", ":resource", use: ImportExportAPI.export)
    signedIn.get("jobs", ":id", use: JobsAPI.show)
}

private func salesRoutes(_ signedIn: any RoutesBuilder) {
    let accounts = signedIn.grouped("accounts")
    accounts.get(use: AccountsAPI.list)
    accounts.post(use: AccountsAPI.create)
    accounts.get(":id", use: AccountsAPI.show)
    accounts.patch(":id", use: AccountsAPI.update)
    accounts.delete(":id", use: AccountsAPI.delete)
    accounts.post(":id", "restore", use: AccountsAPI.restore)
    accounts.post(":id", "merge", use: AccountsAPI.merge)

    let contacts = signedIn.grouped("contacts")
    contacts.get(use: ContactsAPI.list)
    contacts.post(use: ContactsAPI.create)
    contacts.get(":id", use: ContactsAPI.show)
    contacts.patch(":id", use: ContactsAPI.update)
    contacts.delete(":id", use: ContactsAPI.delete)
    contacts.post(":id", "restore", use: ContactsAPI.restore)
    contacts.post(":id", "merge", use: ContactsAPI.merge)

    let leads = signedIn.grouped("leads")
    leads.get(use: LeadsAPI.list)
    leads.post(use: LeadsAPI.create)
    leads.get(":id", use: LeadsAPI.show)
    leads.patch(":id", use: LeadsAPI.update)
    leads.delete(":id", use: LeadsAPI.delete)
    leads.post(":id", "restore", use: LeadsAPI.restore)
    leads.post(":id", "convert", use: LeadsAPI.convert)

    let products = signedIn.grouped("products")
    products.get(use: ProductsAPI.list)
    products.post(use: ProductsAPI.create)
    products.get(":id", use: ProductsAPI.show)
    products.patch(":id", use: ProductsAPI.update)
    products.delete(":id", use: ProductsAPI.delete)
    products.post(":id", "restore", use: ProductsAPI.restore)
    products.get(":id", "price", use: ProductsAPI.price)

    let priceLists = signedIn.grouped("price-lists")
    priceLists.get(use: PriceListsAPI.list)
    priceLists.post(use: PriceListsAPI.create)
    priceLists.get(":id", use: PriceListsAPI.show)
    priceLists.patch(":id", use: PriceListsAPI.update)
    priceLists.delete(":id", use: PriceListsAPI.delete)
    priceLists.post(":id", "restore", use: PriceListsAPI.restore)
    priceLists.get(":id", "items", use: PriceListsAPI.items)
    priceLists.get(":id", "items", ":product_id", use: PriceListsAPI.showItem)
    priceLists.put(":id", "items", ":product_id", use: PriceListsAPI.putItem)
    priceLists.delete(":id", "items", ":product_id", use: PriceListsAPI.deleteItem)

    let pipelines = signedIn.grouped("pipelines")
    pipelines.get(use: PipelinesAPI.list)
    pipelines.post(use: PipelinesAPI.create)
    pipelines.get(":id", use: PipelinesAPI.show)
    pipelines.patch(":id", use: PipelinesAPI.update)
    pipelines.delete(":id", use: PipelinesAPI.delete)

    let opportunities = signedIn.grouped("opportunities")
    opportunities.get(use: OpportunitiesAPI.list)
    opportunities.post(use: OpportunitiesAPI.create)
    opportunities.get(":id", use: OpportunitiesAPI.show)
    opportunities.patch(":id", use: OpportunitiesAPI.update)
    opportunities.delete(":id", use: OpportunitiesAPI.delete)
    opportunities.post(":id", "restore", use: OpportunitiesAPI.restore)
    opportunities.post(":id", "reopen", use: OpportunitiesAPI.reopen)
    opportunities.get(":id", "stage-history", use: OpportunitiesAPI.stageHistory)
}

private func documentRoutes(_ signedIn: any RoutesBuilder) {
    let quotes = signedIn.grouped("quotes")
    quotes.get(use: DocumentsAPI.listQuotes)
    quotes.post(use: DocumentsAPI.createQuote)
    quotes.get(":id", use: DocumentsAPI.showQuote)
    quotes.patch(":id", use: DocumentsAPI.updateQuote)
    quotes.delete(":id", use: DocumentsAPI.deleteQuote)
    for (action, status) in [("send", Quote.Status.sent), ("accept", .accepted), ("reject", .rejected), ("expire", .expired)] {
        quotes.post(":id", .constant(action), use: DocumentsAPI.quoteAction(status))
    }
    quotes.post(":id", "assign", use: DocumentsAPI.assignQuote)

    let orders = signedIn.grouped("orders")
    orders.get(use: DocumentsAPI.listOrders)
    orders.get(":id", use: DocumentsAPI.showOrder)
    orders.post(":id", "invoices", use: DocumentsAPI.invoiceOrder)
    orders.post(":id", "fulfil", use: DocumentsAPI.orderAction(.fulfilled))
    orders.post(":id", "cancel", use: DocumentsAPI.orderAction(.cancelled))
    orders.post(":id", "assign", use: DocumentsAPI.assignOrder)

    let invoices = signedIn.grouped("invoices")
    invoices.get(use: DocumentsAPI.listInvoices)
    invoices.get(":id", use: DocumentsAPI.showInvoice)
    invoices.post(":id", "void", use: DocumentsAPI.voidInvoice)
    invoices.post(":id", "assign", use: DocumentsAPI.assignInvoice)
    invoices.get(":id", "payments", use: DocumentsAPI.listPayments)
    invoices.post(":id", "payments", use: DocumentsAPI.recordPayment)
}

private func activityRoutes(_ signedIn: any RoutesBuilder) {
    let activities = signedIn.grouped("activities")
    activities.get(use: ActivitiesAPI.list)
    activities.post(use: ActivitiesAPI.create)
    activities.get(":id", use: ActivitiesAPI.show)
    activities.patch(":id", use: ActivitiesAPI.update)
    activities.delete(":id", use: ActivitiesAPI.delete)
    activities.post(":id", "restore", use: ActivitiesAPI.restore)
    signedIn.get("me", "reminders", use: ActivitiesAPI.reminders)
    for (resource, type) in [("accounts", RegardingType.account), ("contacts", .contact), ("leads", .lead), ("opportunities", .opportunity)] {
        signedIn.get(.constant(resource), ":id", "timeline", use: ActivitiesAPI.timeline(of: type))
    }
}

private func serviceRoutes(_ signedIn: any RoutesBuilder) {
    let cases = signedIn.grouped("cases")
    cases.get(use: CasesAPI.list)
    cases.post(use: CasesAPI.create)
    cases.get(":id", use: CasesAPI.show)
    cases.patch(":id", use: CasesAPI.update)
    cases.delete(":id", use: CasesAPI.delete)
    cases.post(":id", "restore", use: CasesAPI.restore)
    cases.post(":id", "resolve", use: CasesAPI.resolve)
    cases.post(":id", "close", use: CasesAPI.close)
    cases.post(":id", "reopen", use: CasesAPI.reopen)
    cases.get(":id", "comments", use: CasesAPI.comments)
    cases.post(":id", "comments", use: CasesAPI.addComment)

    let queues = signedIn.grouped("queues")
    queues.get(use: QueuesAPI.list)
    queues.post(use: QueuesAPI.create)
    queues.get(":id", use: QueuesAPI.show)
    queues.patch(":id", use: QueuesAPI.update)
    queues.delete(":id", use: QueuesAPI.delete)
}

/// The browser UI: server-rendered pages behind a session cookie with CSRF protection.
private func webRoutes(_ app: Application) {
    let assets = StaticAssets.loadBundled()
    app.get("assets", ":file", use: assets.serve)
    app.get(SiteURL.login.pathComponents, use: SessionPages.showLogin)
    app.post(SiteURL.login.pathComponents, use: SessionPages.login)
    app.get(SiteURL.setup.pathComponents, use: SetupPages.show)
    app.post(SiteURL.setup.pathComponents, use: SetupPages.create)

    let signedIn = app.grouped(WebSessionAuthenticator())
    signedIn.get(SiteURL.home.pathComponents, use: SessionPages.home)
    signedIn.post(SiteURL.logout.pathComponents, use: SessionPages.logout)
    signedIn.post(SiteURL.language.pathComponents, use: SessionPages.switchLanguage)
    signedIn.get(SiteURL.password.pathComponents, use: PasswordPages.show)
    signedIn.post(SiteURL.password.pathComponents, use: PasswordPages.change)

    ContactPages.register(on: signedIn)
    AccountPages.register(on: signedIn)
    signedIn.get(SiteURL.suggestions(.accounts).pathComponents, use: AccountPicker.suggestions)
    LeadPages.register(on: signedIn)
    LeadPages.registerConversion(on: signedIn)
    MergePages.contacts.register(on: signedIn)
    MergePages.accounts.register(on: signedIn)
    OpportunityPages.register(on: signedIn)
    OpportunityPages.registerBoard(on: signedIn)
    QuotePages.register(on: signedIn)
    ProductPages.register(on: signedIn)
    signedIn.get(SiteURL.suggestions(.products).pathComponents, use: ProductPicker.suggestions)
    signedIn.get(SiteURL.regardingSuggestions.pathComponents, use: RegardingPicker.suggestions)
    PriceListPages.register(on: signedIn)
    PriceListPages.registerItemRoutes(on: signedIn)
    SavedViewPages.register(on: signedIn)
    ImportPages.register(on: signedIn)
    ActivityPages.register(on: signedIn)
    ActivityPages.registerStatusChange(on: signedIn)
    OrderInvoicePages.register(on: signedIn)
    UserAdminPages.register(on: signedIn)
    RoleAdminPages.register(on: signedIn)
    SettingsAdminPages.register(on: signedIn)
    BusinessCalendarAdminPages.register(on: signedIn)
    PipelineAdminPages.register(on: signedIn)
    CasePages.register(on: signedIn)
    CasePages.registerActions(on: signedIn)
    QueueAdminPages.register(on: signedIn)
    signedIn.get(SiteURL.search.pathComponents, use: SearchPages.results)
    signedIn.get(SiteURL.searchSuggestions.pathComponents, use: SearchPages.suggestions)
}
