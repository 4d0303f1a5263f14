/// Facts about this build of Peyvand.
public enum Peyvand {
    public static let version = "0.1.0"
}
