import PeyvandCore
import Vapor

/// What the whole application shares: set once in `configure`, read by every request.
public struct PeyvandState: Sendable {
    public var settings: Settings
    /// Present on SQLite only: its single-writer discipline.
    public var writeGate: WriteGate?
    public var hasher: any PasswordHashing
    public var now: @Sendable () -> Date
    public var subscriptions: Outbox.Subscriptions
    public var jobHandlers: [String: any JobHandler]
    /// Offered by each server's job worker once per period.
    public var periodicJobs: [PeriodicJob]
    public var throttle: LoginThrottle
}

extension Application {
    private struct PeyvandStateKey: StorageKey {
        typealias Value = PeyvandState
    }

    public var peyvand: PeyvandState {
        get {
            guard let state = storage[PeyvandStateKey.self] else { fatalError("configure(_:settings:) has not run") }
            return state
        }
        set { storage[PeyvandStateKey.self] = newValue }
    }

    /// A store outside any request (CLI commands, the job worker).
    public var store: Store {
        Store(database: db, writeGate: peyvand.writeGate, now: peyvand.now, publicURL: peyvand.settings.publicURL)
    }
}

extension Request {
    public var store: Store {
        Store(database: db, writeGate: application.peyvand.writeGate, now: application.peyvand.now,
              publicURL: application.peyvand.settings.publicURL)
    }

    /// From `Accept-Language`; Persian when absent.
    public var language: Language {
        Language.preferred(acceptLanguage: headers.first(name: .acceptLanguage))
    }

    var authService: AuthService {
        var service = AuthService(store: store, hasher: application.peyvand.hasher, pepper: application.peyvand.settings.secret)
        service.throttle = application.peyvand.throttle
        return service
    }

    private struct ContextKey: StorageKey {
        typealias Value = RequestContext
    }

    /// The authenticated actor; set by `APIAuthenticator`.
    public var actor: RequestContext {
        get throws {
            guard let context = storage[ContextKey.self] else { throw PlatformError.unauthenticated }
            return context
        }
    }

    func setActor(_ context: RequestContext) {
        storage[ContextKey.self] = context
    }
}
