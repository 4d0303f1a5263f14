import Crypto
import Foundation
import Vapor

/// The stylesheet and scripts shipped inside the binary (`Resources/Public`), served from memory
/// with a content hash as ETag, so the app stays a single file to deploy.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        var data: Data
        var contentType: String
        var etag: String
    }

    let assets: [String: Asset]

    static func loadBundled() -> StaticAssets {
        var assets: [String: Asset] = [:]
        let directory = Bundle.module.resourceURL?.appendingPathComponent("Public")
        let files = directory.flatMap { try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil) } ?? []
        for file in files {
            guard let data = try? Data(contentsOf: file) else { continue }
            let digest = SHA256.hash(data: data).prefix(8).map { String(format: "%02x", $0) }.joined()
            assets[file.lastPathComponent] = Asset(data: data, contentType: contentType(of: file.pathExtension), etag: "\"\(digest)\"")
        }
        return StaticAssets(assets: assets)
    }

    private static func contentType(of fileExtension: String) -> String {
        switch fileExtension {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }

    @Sendable func serve(_ request: Request) throws -> Response {
        guard let name = request.parameters.get("file"), let asset = assets[name] else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: asset.contentType)
        headers.replaceOrAdd(name: .eTag, value: asset.etag)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        if request.headers.first(name: .ifNoneMatch) == asset.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(data: asset.data))
    }
}
