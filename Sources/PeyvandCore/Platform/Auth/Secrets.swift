import Crypto
import Foundation

/// Hashes passwords. Implemented with bcrypt at the server edge (Vapor ships it); a protocol here
/// keeps PeyvandCore free of Vapor.
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) throws -> String
    func verify(_ password: String, against hash: String) throws -> Bool
}

/// The minimum a password must meet: at least 10 characters, with letters and digits (Persian
/// digits count), and not the account's own e-mail.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 200

    public static func check(_ password: String, email: String?, field: String = "password") -> FieldError? {
        let tooShort = password.count < minimumLength
        let tooLong = password.utf8.count > maximumLength
        let hasLetter = password.contains(where: \.isLetter)
        let hasDigit = password.contains(where: \.isNumber)
        let isEmail = email.map { password.lowercased() == $0.lowercased() } ?? false
        if tooLong { return FieldError(field: field, code: .tooLong) }
        if tooShort || !hasLetter || !hasDigit || isEmail { return FieldError(field: field, code: .weakPassword) }
        return nil
    }
}

/// Random secrets handed to clients, and the digests stored in their place.
public enum Secrets {
    /// 256 random bits, URL-safe, with a prefix that tells what the secret is for.
    public static func make(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// HMAC-SHA-256 keyed with the deployment's `PEYVAND_SECRET`: a stolen database alone
    /// cannot even confirm a guessed token.
    public static func digest(_ secret: String, key: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(secret.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Compares without leaking, through timing, how much of the strings matched.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
