import FluentKit
import Foundation
import PeyvandCore
@testable import PeyvandServer
import Testing
import Vapor
import VaporTesting

/// Similar cases: same product (and model) and same category first, then shared words, whatever
/// the Persian letter forms; never the case itself, another organisation's or one the agent may not read.
@Suite("Similar cases")
struct CaseSimilarityTests {
    @Test func same_product_and_category_rank_before_shared_words_and_persian_spellings_match() async throws {
        try await withApp { app in
            let org = try await TestOrganisation.make(app)
            func create(_ body: [String: Any], as member: TestOrganisation.Member? = nil) async throws -> String {
                let response = try await app.testing().sendRequest(.POST, "api/v1/cases", headers: (member ?? org.admin).bearer.json, body: jsonBody(body))
                #expect(response.status == .created, "\(response.body.string)")
                return try #require(response.json["id"] as? String)
            }
            let product = try await app.testing().sendRequest(.POST, "api/v1/products", headers: org.admin.bearer.json, body: jsonBody([
                "sku": "POS-1", "name_fa": "کارتخوان", "list_price": ["amount_minor": 1000],
            ]))
            let productID = try #require(product.json["id"] as? String)
            let current = try await create(["title": "کارتخوان روشن نمی‌شود", "description": "چراغ دستگاه پس از تعویض آداپتور خاموش است",
                                            "product_id": productID, "product_model": "X1", "category": "سخت‌افزار"])
            let sameProduct = try await create(["title": "مشکل چاپ رسید", "product_id": productID, "product_model": "x1"])
            let sameCategory = try await create(["title": "صفحه‌کلید خراب", "category": "سخت افزار"])
            // ي and ك (Arabic letters) and a different spacing still share words with the case.
            let sharedWords = try await create(["title": "آداپتور تعويض شد ولي دستگاه خاموش است"])
            _ = try await create(["title": "پرسش دربارهٔ فاکتور"])
            // One word in common is chance, not likeness.
            _ = try await create(["title": "سفارش دستگاه قهوه‌ساز"])
            let other = try await TestOrganisation.make(app, name: "Else")
            _ = try await create(["title": "کارتخوان روشن نمی‌شود", "description": "آداپتور خاموش"], as: other.admin)

            let similar = try await app.testing().sendRequest(.GET, "api/v1/cases/\(current)/similar", headers: org.admin.bearer)
            let found = try #require(similar.json["data"] as? [[String: Any]])
            #expect(found.map { $0["id"] as? String } == [sameProduct, sameCategory, sharedWords])
            #expect(found.first?["same_product"] as? Bool == true)
            #expect(found[1]["same_category"] as? Bool == true)
            #expect(found[2]["shares_words"] as? Bool == true)

            // An agent who sees only their own cases is offered none of the admin's.
            let agent = try await org.addMember(role: .supportAgent)
            let theirs = try await create(["title": "کارتخوان روشن نمی‌شود", "owner_id": agent.id.uuidString])
            let offered = try await app.testing().sendRequest(.GET, "api/v1/cases/\(theirs)/similar", headers: agent.bearer)
            #expect(offered.status == .ok, "\(offered.body.string)")
            #expect((offered.json["data"] as? [Any])?.isEmpty == true)
        }
    }
}
