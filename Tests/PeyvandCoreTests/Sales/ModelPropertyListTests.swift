import FluentKit
import Foundation
import Testing
@testable import PeyvandCore

/// Models that write out Fluent's `properties` (instead of Fluent finding them by reflection on
/// every row) list exactly the property wrappers the type declares, in declaration order: a
/// property left out would silently never be read or saved.
@Suite("Written-out model property lists")
struct ModelPropertyListTests {
    /// What Fluent's default `properties` returns: the wrappers found by reflection.
    func reflected(_ fields: some Fields) -> [ObjectIdentifier] {
        Mirror(reflecting: fields).children.compactMap { $0.value as? any AnyProperty }.map { ObjectIdentifier($0) }
    }

    func written(_ fields: some Fields) -> [ObjectIdentifier] {
        fields.properties.map { ObjectIdentifier($0) }
    }

    @Test func contact_lists_every_property_in_declaration_order() {
        let contact = Contact(organisationID: UUID(), lastName: "رضایی")
        #expect(written(contact) == reflected(contact))
    }

    @Test func postal_address_lists_every_property_in_declaration_order() {
        let address = PostalAddress()
        #expect(written(address) == reflected(address))
    }
}
