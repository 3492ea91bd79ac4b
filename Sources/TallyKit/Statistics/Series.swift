/// How often a series has a row.
public enum SeriesFrequency: String, Sendable, CaseIterable {
  case day, week, month

  /// The first day of the period holding `d` (weeks start on Monday, as ISO 8601's do).
  public func start(of d: CivilDate) -> CivilDate {
    switch self {
    case .day: return d
    case .week: return d.adding(days: -((d.dayNumber + 3) % 7 + 7) % 7)
    case .month: return CivilDate(unchecked: d.year, d.month, 1)
    }
  }

  /// The last day of the period starting on `start`.
  public func end(from start: CivilDate) -> CivilDate {
    switch self {
    case .day: return start
    case .week: return start.adding(days: 6)
    case .month: return CivilDate(unchecked: start.year, start.month, CivilDate.daysIn(month: start.month, year: start.year))
    }
  }

  /// The period after the one starting on `start`.
  public func next(_ start: CivilDate) -> CivilDate { end(from: start).adding(days: 1) }

  /// Whether a date known to `precision` can be placed in one period.
  func fits(_ precision: ReportedDate.Precision) -> Bool {
    precision == .day || (precision == .month && self == .month)
  }
}

/// What a series row measures.
public enum SeriesKind: String, Sendable, CaseIterable {
  /// A count for the period ("50 patients left on Saturday").
  case flow
  /// A running total at the end of the period, counted from `period_start`.
  case cumulative
  /// The average count per day between two running totals (the `from` date and `as_of`).
  case rate
}

/// Where a series row's value comes from.
public enum SeriesOrigin: String, Sendable, CaseIterable {
  /// Reported: an observation (or the sum of the observations) of the period.
  case reported
  /// Derived: a flow from two running totals, a running total from a total and the flows
  /// after it, or a rate between two totals.
  case derived
  /// No report: the row marks the gap, its value is empty (never zero).
  case gap
}

/// One row of a tidy series.
public struct SeriesRow: Sendable, Equatable {
  public var indicator: Indicator
  public var group: String?
  public var kind: SeriesKind
  public var periodStart: ReportedDate?
  public var frequency: SeriesFrequency
  /// The first day of the row's period.
  public var date: CivilDate
  /// For a running total, the day it was reported for; for a rate, the later total's day.
  public var asOf: CivilDate?
  /// For a rate, the earlier total's day.
  public var from: CivilDate?
  public var value: Double?
  public var low: Double?
  public var high: Double?
  /// Observations behind the row.
  public var observations: Int
  /// The most distinct outlets behind any of those observations.
  public var sources: Int
  public var origin: SeriesOrigin

  /// The same series' row for another period, with nothing in it yet.
  func empty(at date: CivilDate, origin: SeriesOrigin) -> SeriesRow {
    var r = self
    r.date = date
    r.asOf = nil
    r.value = nil
    r.low = nil
    r.high = nil
    r.observations = 0
    r.sources = 0
    r.origin = origin
    return r
  }

  public static let columns = [
    "indicator", "group", "kind", "period_start", "freq", "date", "as_of", "from", "value", "low",
    "high", "observations", "sources", "origin",
  ]

  public var cells: [Cell] {
    [
      .text(indicator.rawValue), .optional(group), .text(kind.rawValue), .optional(periodStart),
      .text(frequency.rawValue), .date(ReportedDate(date)), asOf.map { .date(ReportedDate($0)) } ?? .null,
      from.map { .date(ReportedDate($0)) } ?? .null, .optional(value), .optional(low), .optional(high),
      .integer(Int64(observations)), .integer(Int64(sources)), .text(origin.rawValue),
    ]
  }
}

/// Which observations make which series.
public struct SeriesRequest: Sendable {
  public var indicators: [Indicator]
  /// Groups to keep; `nil` keeps every group, each its own series.
  public var groups: [String]?
  /// Groups read as one population, named by the first (the casualties preset reads
  /// "palestinians" and "people" in Gaza tolls as one series).
  public var mergedGroups: [String]
  public var frequency: SeriesFrequency
  /// Add the average daily rate between consecutive running totals.
  public var rates: Bool
  /// Add empty rows for periods without a report, between a series' first and last row.
  public var gaps: Bool

  public init(
    indicators: [Indicator], groups: [String]? = nil, mergedGroups: [String] = [],
    frequency: SeriesFrequency = .day, rates: Bool = false, gaps: Bool = true
  ) {
    self.indicators = indicators
    self.groups = groups
    self.mergedGroups = mergedGroups
    self.frequency = frequency
    self.rates = rates
    self.gaps = gaps
  }

  /// The two views everyone asks for.
  public enum Preset: String, Sendable, CaseIterable {
    /// Medical evacuations: patients evacuated, their companions, and people crossing.
    case evacuations
    /// The casualty toll in Gaza: killed and injured, running totals and the daily rate
    /// between reports.
    case casualties
  }

  public static func preset(_ p: Preset, frequency: SeriesFrequency = .day) -> SeriesRequest {
    switch p {
    case .evacuations:
      return SeriesRequest(indicators: [.medevacCompleted, .medevacCompanions, .crossings], frequency: frequency)
    case .casualties:
      return SeriesRequest(
        indicators: [.killed, .injured], groups: ["palestinians", "people"],
        mergedGroups: ["palestinians", "people"], frequency: frequency, rates: true)
    }
  }
}

extension Array {
  fileprivate func isSorted(by before: (Element, Element) -> Bool) -> Bool {
    zip(self, dropFirst()).allSatisfy { !before($1, $0) }
  }
}

/// Builds tidy series from observations (docs/statistics.md states the rules).
///
/// Only actual counts with a date are used: planned figures, rates ("600 trucks a day") and
/// dates less precise than the frequency (a month's figure in a daily series) are left out
/// and counted in `skipped`.
public struct SeriesBuilder {
  public let request: SeriesRequest
  public private(set) var skipped = 0

  private struct Key: Hashable {
    var indicator: Indicator
    var group: String?
    var cumulative: Bool
    var periodStart: ReportedDate?
  }
  /// An observation as a series needs it, in 40 bytes (ten million fit in memory easily):
  /// the day as a day number, nulls as NaN.
  private struct Point {
    var dayNumber: Int32
    var isDay: Bool
    var v: Double
    var l: Double
    var h: Double
    var sources: Int32

    init(date: ReportedDate, value: Double?, low: Double?, high: Double?, sources: Int) {
      dayNumber = Int32(date.day.dayNumber)
      isDay = date.precision == .day
      v = value ?? .nan
      l = low ?? .nan
      h = high ?? .nan
      self.sources = Int32(clamping: sources)
    }

    var day: CivilDate { CivilDate(dayNumber: Int(dayNumber)) }
    var value: Double? { v.isNaN ? nil : v }
    var low: Double? { l.isNaN ? nil : l }
    var high: Double? { h.isNaN ? nil : h }
  }
  // Series by index; observations come sorted by series (as normalize writes them), so the
  // last series is checked before hashing.
  private var keys: [Key] = []
  private var lists: [[Point]] = []
  private var index: [Key: Int] = [:]
  private var last = -1

  public init(request: SeriesRequest) { self.request = request }

  /// Takes one observation (in any order).
  public mutating func add(_ o: Observation) {
    guard request.indicators.contains(o.indicator) else { return }
    var group = o.group
    if let groups = request.groups {
      guard let g = group, groups.contains(g) else { return }
    }
    if let g = group, request.mergedGroups.contains(g) { group = request.mergedGroups.first }
    guard o.modality == .actual, o.per == nil, let date = o.date, request.frequency.fits(date.precision) else {
      skipped += 1
      return
    }
    let key = Key(indicator: o.indicator, group: group, cumulative: o.isCumulative, periodStart: o.periodStart)
    if last < 0 || keys[last] != key {
      if let i = index[key] {
        last = i
      } else {
        last = keys.count
        keys.append(key)
        lists.append([])
        index[key] = last
      }
    }
    lists[last].append(Point(date: date, value: o.value, low: o.low, high: o.high, sources: o.sources))
  }

  /// The series, sorted by indicator (codebook order), group, kind, period start and date.
  public func rows() -> [SeriesRow] {
    let freq = request.frequency
    var out: [SeriesRow] = []
    // Reported rows.
    var flows: [Key: [CivilDate: SeriesRow]] = [:]
    var totals: [Key: [CivilDate: SeriesRow]] = [:]
    for (key, list) in zip(keys, lists) {
      var byPeriod: [CivilDate: SeriesRow] = [:]
      // Points in date order: a period's points are consecutive, so its row is built in one
      // variable and stored once.
      let sorted = inDateOrder(list)
      var row = SeriesRow(
        indicator: key.indicator, group: key.group, kind: key.cumulative ? .cumulative : .flow,
        periodStart: key.periodStart, frequency: freq, date: freq.start(of: sorted[0].day), asOf: nil,
        from: nil, value: nil, low: nil, high: nil, observations: 0, sources: 0, origin: .reported)
      for p in sorted {
        let day = p.day
        let start = freq.start(of: day)
        if start != row.date {
          byPeriod[row.date] = row
          row = row.empty(at: start, origin: .reported)
        }
        if key.cumulative {
          // The last total of the period stands for it; of two on that day (groups read as one
          // population), the larger.
          row.observations += 1
          if row.asOf == day, let v = row.value, (p.value ?? -.infinity) <= v { continue }
          row.asOf = day
          row.value = p.value
          row.low = p.low
          row.high = p.high
          row.sources = Int(p.sources)
        } else {
          // Flows add up; a sum of lower bounds is a lower bound (a count with no stated
          // lower bound has zero), and one open upper bound opens the sum's.
          row.value = row.observations == 0 ? p.value : sum(row.value, p.value)
          row.low = (row.observations == 0 ? 0 : row.low ?? 0) + (p.low ?? 0)
          row.high = row.observations == 0 ? p.high : sum(row.high, p.high)
          row.sources = max(row.sources, Int(p.sources))
          row.observations += 1
        }
      }
      byPeriod[row.date] = row
      if key.cumulative { totals[key] = byPeriod } else { flows[key] = byPeriod }
    }
    // Flows from running totals that line up with consecutive periods' ends.
    for (key, byPeriod) in totals {
      let flowKey = Key(indicator: key.indicator, group: key.group, cumulative: false, periodStart: nil)
      for (start, total) in byPeriod {
        guard total.asOf == freq.end(from: start) else { continue }
        let before = freq.start(of: start.adding(days: -1))
        guard let previous = byPeriod[before], previous.asOf == freq.end(from: before) else { continue }
        if flows[flowKey]?[start] != nil { continue }  // a reported flow wins
        var row = total
        row.kind = .flow
        row.periodStart = nil
        row.asOf = nil
        row.origin = .derived
        row.observations = 2
        row.sources = min(total.sources, previous.sources)
        row.value = difference(total.value, previous.value)
        row.low = max(0, difference(total.low, previous.high) ?? 0)
        row.high = difference(total.high, previous.low)
        flows[flowKey, default: [:]][start] = row
      }
    }
    // Running totals from a total and every period's flow after it.
    for (key, byPeriod) in totals {
      let flowKey = Key(indicator: key.indicator, group: key.group, cumulative: false, periodStart: nil)
      guard let flowRows = flows[flowKey] else { continue }
      var derived = byPeriod
      for start in byPeriod.keys.sorted() {
        guard var running = byPeriod[start], running.asOf == freq.end(from: start) else { continue }
        var next = freq.next(start)
        while let flow = flowRows[next], flow.origin == .reported, byPeriod[next] == nil {
          running.date = next
          running.asOf = freq.end(from: next)
          running.value = sum(running.value, flow.value)
          running.low = sum(running.low, flow.low)
          running.high = sum(running.high, flow.high)
          running.origin = .derived
          running.observations += flow.observations
          running.sources = min(running.sources, flow.sources)
          derived[next] = running
          next = freq.next(next)
        }
      }
      totals[key] = derived
    }
    for (_, rows) in flows { out += gapped(rows) }
    for (_, rows) in totals { out += gapped(rows) }
    if request.rates {
      for (key, list) in zip(keys, lists) where key.cumulative {
        out += rates(key, list)
      }
    }
    let kinds = SeriesKind.allCases
    return out.sorted { a, b in
      if a.indicator != b.indicator { return a.indicator.ordinal < b.indicator.ordinal }
      if a.group != b.group { return (a.group ?? "") < (b.group ?? "") }
      if a.kind != b.kind { return kinds.firstIndex(of: a.kind)! < kinds.firstIndex(of: b.kind)! }
      if a.periodStart != b.periodStart {
        return (a.periodStart?.day.dayNumber ?? Int.min) < (b.periodStart?.day.dayNumber ?? Int.min)
      }
      return a.date < b.date
    }
  }

  /// A series' rows with empty rows for the periods between them that have none.
  private func gapped(_ byPeriod: [CivilDate: SeriesRow]) -> [SeriesRow] {
    let starts = byPeriod.keys.sorted()
    guard request.gaps, let first = starts.first, let last = starts.last else {
      return starts.map { byPeriod[$0]! }
    }
    var out: [SeriesRow] = []
    var d = first
    let template = byPeriod[first]!
    while d <= last {
      if let row = byPeriod[d] {
        out.append(row)
      } else {
        out.append(template.empty(at: d, origin: .gap))
      }
      d = request.frequency.next(d)
    }
    return out
  }

  /// The average daily change between consecutive running totals of one series.
  private func rates(_ key: Key, _ list: [Point]) -> [SeriesRow] {
    // One total per day: the larger where two groups read as one population both report.
    var sorted: [Point] = []
    for p in inDateOrder(list.filter(\.isDay)) {
      if let last = sorted.last, last.dayNumber == p.dayNumber {
        if (p.value ?? -.infinity) > (last.value ?? -.infinity) { sorted[sorted.count - 1] = p }
      } else {
        sorted.append(p)
      }
    }
    var out: [SeriesRow] = []
    for (a, b) in zip(sorted, sorted.dropFirst()) where b.dayNumber > a.dayNumber {
      let days = Double(b.dayNumber - a.dayNumber)
      func perDay(_ v: Double?) -> Double? { v.map { $0 / days } }
      out.append(
        SeriesRow(
          indicator: key.indicator, group: key.group, kind: .rate, periodStart: key.periodStart,
          frequency: request.frequency, date: b.day, asOf: b.day, from: a.day,
          value: perDay(difference(b.value, a.value)),
          low: perDay(max(0, difference(b.low, a.high) ?? 0)),
          high: perDay(difference(b.high, a.low)), observations: 2, sources: Int(min(a.sources, b.sources)),
          origin: .derived))
    }
    return out
  }

  /// Points by day, ties in input order (a stable sort, so the output is the same every run).
  private func inDateOrder(_ list: [Point]) -> [Point] {
    if list.isSorted(by: { $0.dayNumber < $1.dayNumber }) { return list }
    return list.enumerated().sorted { ($0.element.dayNumber, $0.offset) < ($1.element.dayNumber, $1.offset) }
      .map(\.element)
  }

  private func sum(_ a: Double?, _ b: Double?) -> Double? {
    guard let a, let b else { return nil }
    return a + b
  }

  private func difference(_ a: Double?, _ b: Double?) -> Double? {
    guard let a, let b else { return nil }
    return a - b
  }
}
