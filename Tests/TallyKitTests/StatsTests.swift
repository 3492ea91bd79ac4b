import Foundation
import Testing

@testable import TallyKit

@Suite("Stats: quantiles, trends, audit")
struct StatsTests {
  @Test(arguments: [
    // numpy.percentile([1, 2, 3, 4, 10], [25, 50, 75, 0, 100])
    (0.25, 2.0), (0.5, 3.0), (0.75, 4.0), (0.0, 1.0), (1.0, 10.0),
  ])
  func quantilesAsRAndNumpyCompute(_ p: Double, _ expected: Double) {
    #expect(Describe.quantile([1, 2, 3, 4, 10], p) == expected)
  }

  @Test func quantilesInterpolate() {
    // R: quantile(c(10, 20, 30, 40), 0.4) is 22.
    #expect(abs(Describe.quantile([10, 20, 30, 40], 0.4)! - 22) < 1e-12)
  }

  @Test func aTrendWithItsConfidenceInterval() throws {
    // y = 2x + 1 plus noise; numpy.polyfit gives slope 1.93, and with t(0.975, 3) = 3.182446
    // the interval is 1.61657 to 2.24343.
    let points: [(x: Double, y: Double)] = [(1, 3.2), (2, 4.8), (3, 7.1), (4, 9.3), (5, 10.6)]
    let t = try #require(Describe.trend(points))
    #expect(abs(t.slope - 1.93) < 1e-9)
    #expect(abs(t.low! - 1.61657) < 1e-3)
    #expect(abs(t.high! - 2.24343) < 1e-3)
  }

  @Test func statsGroupAndSumFlows() throws {
    var b = StatsBuilder(by: [.indicator])
    b.add(obs("2025-02-01", 50, indicator: .medevacCompleted, group: "patients"))
    b.add(obs("2025-02-03", 30, indicator: .medevacCompleted, group: "patients"))
    b.add(obs("2025-02-05", 235, since: "2025-01-19", indicator: .medevacCompleted, group: "patients"))
    let rows = b.result()
    #expect(rows.count == 1)
    #expect(rows[0].observations == 3)
    #expect(rows[0].flowSum == 80)
    #expect(rows[0].first?.description == "2025-02-01" && rows[0].last?.description == "2025-02-05")
  }

  @Test func theAuditFindsFallingTotalsPartsAboveTheWholeAndConflicts() {
    var conflicted = obs("2025-02-01", 183, indicator: .prisonersReleased, group: "prisoners")
    conflicted.conflict = true
    conflicted.documents = 2
    let findings = AuditFinding.audit([
      obs("2025-12-03", 70100, since: "2023-10-07"), obs("2026-01-25", 69000, since: "2023-10-07"),
      obs("2026-01-25", 80000, since: "2023-10-07", group: "children"),
      conflicted,
    ])
    #expect(Set(findings.map(\.check)) == [.fallingTotal, .partAboveTotal, .incompatibleValues])
    #expect(findings.first { $0.check == .fallingTotal }?.date?.description == "2026-01-25")
  }
}
