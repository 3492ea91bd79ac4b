import Foundation
import Testing

@testable import TallyKit

func day(_ iso: String) -> ReportedDate { ReportedDate(iso: Array(iso.utf8))! }

/// An observation; `bounds` defaults to an exact count (low = high = value).
func obs(
  _ date: String, _ value: Double?, bounds: (Double?, Double?)? = nil, since: String? = nil,
  indicator: Indicator = .killed, group: String = "palestinians", modality: Modality = .actual
) -> Observation {
  let (low, high) = bounds ?? (value, value)
  return Observation(
    id: "\(date)-\(value ?? -1)", indicator: indicator, group: group, modality: modality, date: day(date),
    periodStart: since.map(day), value: value, low: low, high: high)
}

func series(_ observations: [Observation], _ request: SeriesRequest) -> [SeriesRow] {
  var b = SeriesBuilder(request: request)
  for o in observations { b.add(o) }
  return b.rows()
}

@Suite("Series: flows, running totals, derived rows, gaps")
struct SeriesTests {
  @Test func gapsStayEmptyNeverZero() {
    let rows = series([obs("2025-02-01", 50), obs("2025-02-04", 5)], SeriesRequest(indicators: [.killed]))
    #expect(rows.map(\.origin) == [.reported, .gap, .gap, .reported])
    #expect(rows[1].value == nil && rows[1].low == nil)
    #expect(rows.map { $0.date.description } == ["2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04"])
  }

  @Test func flowsAddUpWithTheirBoundsPerWeek() {
    // Monday 3 Feb and Wednesday 5 Feb 2025 are one ISO week; "at least 10" opens the upper bound.
    let rows = series(
      [obs("2025-02-03", 10, bounds: (10, nil)), obs("2025-02-05", 20), obs("2025-02-10", 7, bounds: (nil, nil))],
      SeriesRequest(indicators: [.killed], frequency: .week))
    #expect(rows.count == 2)
    #expect(rows[0].date.description == "2025-02-03")
    #expect(rows[0].value == 30 && rows[0].low == 30 && rows[0].high == nil)
    #expect(rows[0].observations == 2)
    // "about 7": no stated bounds, so the sum's lower bound is zero and its upper bound open.
    #expect(rows[1].value == 7 && rows[1].low == 0 && rows[1].high == nil)
  }

  @Test func flowsDerivedFromRunningTotalsOnConsecutiveDays() {
    let rows = series(
      [obs("2025-02-01", 100, since: "2023-10-07"), obs("2025-02-02", 130, since: "2023-10-07")],
      SeriesRequest(indicators: [.killed]))
    let flow = rows.first { $0.kind == .flow }
    #expect(flow?.origin == .derived)
    #expect(flow?.date.description == "2025-02-02")
    #expect(flow?.value == 30)
    #expect(rows.filter { $0.kind == .cumulative }.map(\.value) == [100, 130])
  }

  @Test func totalsThatDoNotLineUpDeriveNoFlow() {
    let rows = series(
      [obs("2025-02-01", 100, since: "2023-10-07"), obs("2025-02-03", 130, since: "2023-10-07")],
      SeriesRequest(indicators: [.killed]))
    #expect(!rows.contains { $0.kind == .flow })
  }

  @Test func runningTotalsDerivedFromATotalAndTheFlowsAfterIt() {
    let rows = series(
      [obs("2025-02-01", 100, since: "2023-10-07"), obs("2025-02-02", 5), obs("2025-02-03", 7)],
      SeriesRequest(indicators: [.killed]))
    let totals = rows.filter { $0.kind == .cumulative }
    #expect(totals.map(\.value) == [100, 105, 112])
    #expect(totals.map(\.origin) == [.reported, .derived, .derived])
  }

  @Test func ratesBetweenRunningTotalsCarryBounds() {
    // 9,900 at most on 1 Nov 2023; more than 70,100 on 3 Dec 2025.
    let rows = series(
      [
        obs("2023-11-01", 9900, bounds: (nil, 9900), since: "2023-10-07"),
        obs("2025-12-03", 70100, bounds: (70100, nil), since: "2023-10-07"),
      ],
      SeriesRequest(indicators: [.killed], rates: true, gaps: false))
    let rate = rows.first { $0.kind == .rate }
    let days = Double(day("2025-12-03").day.dayNumber - day("2023-11-01").day.dayNumber)
    #expect(rate?.value == (70100 - 9900) / days)
    #expect(rate?.low == (70100 - 9900) / days)
    #expect(rate?.high == nil)
    #expect(rate?.from?.description == "2023-11-01")
  }

  @Test func plannedAndImpreciseObservationsAreLeftOutAndCounted() {
    var b = SeriesBuilder(request: SeriesRequest(indicators: [.killed]))
    b.add(obs("2025-02-01", 5, modality: .planned))
    b.add(Observation(id: "m", indicator: .killed, group: "palestinians", date: day("2025-02"), periodStart: nil, value: 3, low: 3, high: 3))
    b.add(obs("2025-02-01", 6))
    #expect(b.rows().count == 1)
    #expect(b.skipped == 2)
  }

  @Test func twoTotalsOnOneDayOfOnePopulationGiveTheLarger() {
    // Whatever order they come in, the same rows.
    let a = [obs("2025-12-03", 70500, since: "2023-10-07", group: "palestinians"),
             obs("2025-12-03", 70100, since: "2023-10-07", group: "people"),
             obs("2026-01-25", 71000, since: "2023-10-07")]
    let rows = series(a, SeriesRequest.preset(.casualties))
    let reversed = series(a.reversed(), SeriesRequest.preset(.casualties))
    #expect(rows.count == reversed.count && zip(rows, reversed).allSatisfy { $0 == $1 })
    let totals = rows.filter { $0.kind == .cumulative && $0.origin == .reported }
    #expect(totals.map(\.value) == [70500, 71000])
    #expect(rows.first { $0.kind == .rate }?.value == 500.0 / 53.0)
  }

  @Test func theCasualtiesPresetReadsPeopleAndPalestiniansAsOnePopulation() {
    let rows = series(
      [obs("2025-12-03", 70100, since: "2023-10-07", group: "people"), obs("2026-01-25", 71000, since: "2023-10-07"),
       obs("2026-01-25", 12, since: "2023-10-07", group: "israelis")],
      SeriesRequest.preset(.casualties))
    #expect(Set(rows.map(\.group)) == ["palestinians"])
    #expect(rows.filter { $0.kind == .rate }.count == 1)
  }
}

@Suite("Compare with a reference series")
struct CompareTests {
  @Test func theValueOnADayOrTheLastBefore() {
    let r = ReferenceSeries(name: "x", points: [(CivilDate(iso: "2025-01-01")!, 10), (CivilDate(iso: "2025-01-05")!, 20)])
    #expect(r.value(onOrBefore: CivilDate(iso: "2025-01-04")!)?.value == 10)
    #expect(r.value(onOrBefore: CivilDate(iso: "2025-01-05")!)?.value == 20)
    #expect(r.value(onOrBefore: CivilDate(iso: "2024-12-31")!) == nil)
  }

  @Test func differencesAndBounds() {
    var row = ComparisonRow(
      figure: "f", doc: "d", outlet: nil, indicator: .killed, group: "people", text: "more than 70,100",
      date: CivilDate(iso: "2025-12-03")!, value: 70100, low: 70100, high: nil, qualifier: "more_than",
      referenceDate: CivilDate(iso: "2025-12-03")!, referenceValue: 70117)
    #expect(row.difference == -17)
    #expect(row.withinBounds == true)
    row.referenceValue = 70000
    #expect(row.withinBounds == false)
  }
}
