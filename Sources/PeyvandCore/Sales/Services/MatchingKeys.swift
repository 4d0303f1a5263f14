import Foundation

/// The derived columns of each record (`name_key` for duplicate checks, `search_text` for
/// search), recomputed by the services after every change so they never drift from the data.
extension Account {
    func refreshMatchingKeys() {
        nameKey = PersianText.compacted(name)
        searchText = SearchText.document([name, nationalID, economicCode, website, address.city]
            + SalesRecords.phoneSearchWords(phones) + emails.map(\.address))
    }
}

extension Contact {
    func refreshMatchingKeys() {
        nameKey = PersianText.compacted(fullName)
        searchText = SearchText.document([firstName, lastName, jobTitle, address.city]
            + SalesRecords.phoneSearchWords(phones) + emails.map(\.address))
    }
}

extension Lead {
    func refreshMatchingKeys() {
        nameKey = PersianText.compacted(fullName)
        searchText = SearchText.document([firstName, lastName, company, jobTitle, address.city]
            + SalesRecords.phoneSearchWords(phones) + emails.map(\.address))
    }
}
