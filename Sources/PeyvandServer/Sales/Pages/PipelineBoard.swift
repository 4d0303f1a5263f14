import Foundation
import PeyvandCore

/// A pipeline as the board shows it: a column per stage with its newest cards and its totals.
struct PipelineBoard {
    struct Column {
        var stage: PipelineStage
        var cards: [Opportunity]
        var totals: [StageTotal]

        var count: Int { totals.reduce(0) { $0 + $1.count } }

        /// The amount weighted by the stage's probability of winning, per currency.
        var weighted: [(currency: String, amountMinor: Int64)] {
            totals.map { ($0.currency, $0.amountMinor / 100 * Int64(stage.probability) + $0.amountMinor % 100 * Int64(stage.probability) / 100) }
        }
    }

    /// Cards shown per column; the column's totals always count every opportunity in it.
    static let cardsPerColumn = 50

    var pipeline: Pipeline
    var columns: [Column]
    var accountNames: [UUID: String]

    /// One grouped query for the totals and one list query per stage (a pipeline has a handful).
    static func load(pipeline: Pipeline, stages: [PipelineStage], page: WebPage) async throws -> PipelineBoard {
        let service = OpportunityService(store: page.store)
        let totals = try await service.stageTotals(ofPipeline: pipeline.id!, in: page.context)
        var columns: [Column] = []
        for stage in stages.sorted(by: { $0.position < $1.position }) {
            let cards = try await service.list(
                ListRequest(limit: cardsPerColumn, sort: ListSort("updated_at", descending: true),
                            filters: [.equals(column: "stage_id", value: stage.id!)]), in: page.context).items
            columns.append(Column(stage: stage, cards: cards, totals: totals.filter { $0.stageID == stage.id }))
        }
        let accounts = try await RecordNames.accounts(Set(columns.flatMap(\.cards).map(\.accountID)), in: page)
        return PipelineBoard(pipeline: pipeline, columns: columns, accountNames: accounts)
    }
}
