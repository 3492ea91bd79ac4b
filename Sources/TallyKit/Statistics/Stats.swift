/// What `tally stats` groups by.
public enum StatsDimension: String, Sendable, CaseIterable {
  case indicator, group
  /// `flow` or `cumulative`.
  case kind
  /// The month of the observation's date (`YYYY-MM`).
  case month
  /// The day a running total counts from.
  case periodStart = "period_start"
  /// The outlet of the figure's document (the rows are then figures, not observations).
  case outlet
  /// Who gave the figure, as the article names them (the rows are then figures).
  case source

  /// Whether grouping needs the figures table rather than the observations.
  public var needsFigures: Bool { self == .outlet || self == .source }
}

/// Descriptive statistics of numbers.
public enum Describe {
  /// The quantile `p` by linear interpolation between order statistics (Hyndman and Fan's
  /// type 7, the default of R's `quantile` and numpy's `percentile`): position
  /// `(n - 1) * p` in the sorted values.
  public static func quantile(_ sorted: [Double], _ p: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let h = Double(sorted.count - 1) * p
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, sorted.count - 1)
    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
  }

  /// Least-squares line through (x, y): slope, intercept, and the 95% confidence interval of
  /// the slope (Student's t with n - 2 degrees of freedom); `nil` for fewer than two distinct x.
  public static func trend(_ points: [(x: Double, y: Double)]) -> (slope: Double, intercept: Double, low: Double?, high: Double?)? {
    let n = Double(points.count)
    guard points.count >= 2 else { return nil }
    let mx = points.reduce(0) { $0 + $1.x } / n
    let my = points.reduce(0) { $0 + $1.y } / n
    let sxx = points.reduce(0) { $0 + ($1.x - mx) * ($1.x - mx) }
    guard sxx > 0 else { return nil }
    let sxy = points.reduce(0) { $0 + ($1.x - mx) * ($1.y - my) }
    let slope = sxy / sxx
    let intercept = my - slope * mx
    guard points.count >= 3 else { return (slope, intercept, nil, nil) }
    let sse = points.reduce(0) { $0 + pow2($1.y - intercept - slope * $1.x) }
    let se = (sse / (n - 2) / sxx).squareRoot()
    let t = tQuantile975(points.count - 2)
    return (slope, intercept, slope - t * se, slope + t * se)
  }

  private static func pow2(_ v: Double) -> Double { v * v }

  /// The 0.975 quantile of Student's t: exact to three decimals up to 30 degrees of freedom,
  /// then the Cornish-Fisher expansion around the normal quantile (error below 0.001).
  static func tQuantile975(_ df: Int) -> Double {
    let table: [Double] = [
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
      2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
      2.052, 2.048, 2.045, 2.042,
    ]
    if df >= 1 && df <= 30 { return table[df - 1] }
    let z = 1.959964
    let d = Double(df)
    return z + (z * z * z + z) / (4 * d) + (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * d * d)
  }

  private static func pow(_ v: Double, _ k: Int) -> Double { (0..<k).reduce(1) { r, _ in r * v } }
}

/// One row of `tally stats`.
public struct StatsRow: Sendable {
  public var key: [String?]
  public var observations = 0
  public var figures = 0
  public var documentReports = 0
  public var maxSources = 0
  public var conflicts = 0
  public var values: [Double] = []
  public var flowSum: Double? = nil
  public var first: CivilDate? = nil
  public var last: CivilDate? = nil
  /// Running totals of the row's most common period start: (day number, value).
  var totals: [Int: [(Double, Double)]] = [:]
  /// Spread between the figures behind each observation with several documents.
  public var spreads: [(range: Double, relative: Double?)] = []

  mutating func add(_ o: Observation, spread: (Double, Double)?) {
    observations += 1
    figures += o.figures
    documentReports += o.documents
    maxSources = max(maxSources, o.sources)
    if o.conflict { conflicts += 1 }
    if let v = o.value {
      values.append(v)
      if !o.isCumulative && o.per == nil { flowSum = (flowSum ?? 0) + v }
    }
    if let d = o.date?.day {
      if first.map({ d < $0 }) ?? true { first = d }
      if last.map({ d > $0 }) ?? true { last = d }
      if let p = o.periodStart, let v = o.value, o.date?.precision == .day {
        totals[p.day.dayNumber, default: []].append((Double(d.dayNumber), v))
      }
    }
    if let (lo, hi) = spread {
      let median = o.value ?? (lo + hi) / 2
      spreads.append((hi - lo, median != 0 ? (hi - lo) / median : nil))
    }
  }

  public static func columns(_ by: [StatsDimension]) -> [String] {
    by.map(\.rawValue) + [
      "observations", "figures", "document_reports", "max_sources", "conflicts", "min", "q25", "median",
      "mean", "q75", "max", "sum_of_flows", "first_date", "last_date", "daily_rate", "trend_per_day",
      "trend_low", "trend_high", "disputed", "max_range", "mean_relative_spread",
    ]
  }

  public var cells: [Cell] {
    let sorted = values.sorted()
    let mean = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    // Trend and daily rate over the running totals counted from the most common start.
    let start = totals.max { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key }
    let points = (start?.value ?? []).sorted { $0.0 < $1.0 }
    var rate: Double? = nil
    if let a = points.first, let b = points.last, b.0 > a.0 { rate = (b.1 - a.1) / (b.0 - a.0) }
    let trend = Describe.trend(points.map { (x: $0.0, y: $0.1) })
    let relatives = spreads.compactMap(\.relative)
    func r(_ v: Double?) -> Cell { .optional(v.map { ($0 * 1e6).rounded() / 1e6 }) }
    return key.map(Cell.optional) + [
      .integer(Int64(observations)), .integer(Int64(figures)), .integer(Int64(documentReports)),
      .integer(Int64(maxSources)), .integer(Int64(conflicts)), .optional(sorted.first),
      r(Describe.quantile(sorted, 0.25)), r(Describe.quantile(sorted, 0.5)), r(mean),
      r(Describe.quantile(sorted, 0.75)), .optional(sorted.last), .optional(flowSum),
      first.map { .date(ReportedDate($0)) } ?? .null, last.map { .date(ReportedDate($0)) } ?? .null,
      r(rate), r(trend?.slope), r(trend?.low), r(trend?.high), .integer(Int64(spreads.count)),
      .optional(spreads.map(\.range).max()),
      r(relatives.isEmpty ? nil : relatives.reduce(0, +) / Double(relatives.count)),
    ]
  }
}

/// Aggregates observations into `StatsRow`s, grouped by the chosen dimensions.
public struct StatsBuilder {
  public let by: [StatsDimension]
  // Rows are changed in place by index: taking a row out of a dictionary and putting it back
  // copies its array of values on every observation.
  private var rows: [StatsRow] = []
  private var index: [[String?]: Int] = [:]
  private var lastKey: [String?]? = nil
  private var lastIndex = 0
  /// Per observation id with several documents: the lowest and highest fact figure values.
  private var spread: [String: (Double, Double)] = [:]

  public init(by: [StatsDimension]) { self.by = by }

  /// Reads the figures table, if there is one, for the spread between the figures of each
  /// observation that several documents report.
  public mutating func readSpreads(directory: String) throws(StatisticsError) {
    let path = "\(directory)/figures.csv"
    guard fileExists(path) else { return }
    let t = try TableReader(path: path)
    let (value, role, observation) = (try t.column("value"), try t.column("role"), try t.column("observation"))
    while try t.next() {
      guard t.text(role) == "fact", let o = t.text(observation), let v = try t.number(value, "value") else { continue }
      let (lo, hi) = spread[o] ?? (v, v)
      spread[o] = (min(lo, v), max(hi, v))
    }
  }

  /// Adds one observation (or, grouped by outlet or source, one figure read as an
  /// observation of its own, with its outlet and attribution).
  public mutating func add(_ o: Observation, outlet: String? = nil, source: String? = nil) {
    let key: [String?] = by.map { d in
      switch d {
      case .indicator: return o.indicator.rawValue
      case .group: return o.group
      case .kind: return o.isCumulative ? "cumulative" : "flow"
      case .month: return o.date.map { String($0.description.prefix(7)) }
      case .periodStart: return o.periodStart?.description
      case .outlet: return outlet
      case .source: return source
      }
    }
    let i: Int
    if key == lastKey {
      i = lastIndex
    } else if let known = index[key] {
      i = known
    } else {
      i = rows.count
      rows.append(StatsRow(key: key))
      index[key] = i
    }
    lastKey = key
    lastIndex = i
    rows[i].add(o, spread: o.documents > 1 ? spread[o.id] : nil)
  }

  /// Whether observation ids are needed (for the spread between sources).
  public var needsIDs: Bool { !spread.isEmpty }

  /// The rows, sorted by their key.
  public func result() -> [StatsRow] {
    rows.sorted { a, b in
      for (x, y) in zip(a.key, b.key) where x != y {
        return (x ?? "") < (y ?? "")
      }
      return false
    }
  }
}

extension StatsBuilder {
  /// Adds every fact of the dataset's figures table, each as an observation of one figure
  /// from one document, with its document's outlet and its attribution: for grouping by
  /// outlet or source.
  public mutating func addFigures(directory: String) throws(StatisticsError) {
    try ObservationTable.forEachFact(directory: directory) { f in
      add(f.observation, outlet: f.outlet, source: f.attribution)
    }
  }
}

/// One consistency problem `stats --audit` reports.
public struct AuditFinding: Sendable, Equatable {
  public enum Check: String, Sendable {
    /// A running total lower than an earlier one counted from the same day.
    case fallingTotal = "falling_total"
    /// A part of a population (children, women, ...) above the whole population's count for
    /// the same indicator, day and period.
    case partAboveTotal = "part_above_total"
    /// Sources that cannot all be true (normalize's conflict flag).
    case incompatibleValues = "incompatible_values"
  }
  public var check: Check
  public var indicator: Indicator
  public var group: String?
  public var date: ReportedDate?
  public var detail: String
  public var observations: [String]

  public static let columns = ["check", "indicator", "group", "date", "detail", "observations"]
  public var cells: [Cell] {
    [.text(check.rawValue), .text(indicator.rawValue), .optional(group), .optional(date), .text(detail),
     .text(observations.joined(separator: " "))]
  }

  /// The checks over a dataset's observations.
  public static func audit(_ observations: [Observation]) -> [AuditFinding] {
    var out: [AuditFinding] = []
    for o in observations where o.conflict {
      out.append(
        AuditFinding(
          check: .incompatibleValues, indicator: o.indicator, group: o.group, date: o.date,
          detail: "\(o.documents) documents give values that cannot all be true", observations: [o.id]))
    }
    // Running totals per indicator, group and period start, in date order.
    var totals: [String: [Observation]] = [:]
    for o in observations where o.isCumulative && o.modality == .actual && o.per == nil && o.date?.precision == .day {
      totals["\(o.indicator.rawValue)|\(o.group ?? "")|\(o.periodStart!)", default: []].append(o)
    }
    for key in totals.keys.sorted() {
      let list = totals[key]!.sorted { $0.date!.day < $1.date!.day }
      var highest: Observation? = nil
      for o in list {
        if let h = highest, let v = o.value, let hv = h.value, v < hv {
          out.append(
            AuditFinding(
              check: .fallingTotal, indicator: o.indicator, group: o.group, date: o.date,
              detail: "\(formatNumber(v)) is below \(formatNumber(hv)) reported for \(h.date!)", observations: [h.id, o.id]))
        }
        if highest == nil || (o.value ?? -.infinity) > (highest!.value ?? -.infinity) { highest = o }
      }
    }
    // Parts above the whole.
    let wholes: Set<String> = ["palestinians", "people"]
    let parts: Set<String> = ["children", "women", "journalists", "patients", "civilians", "men", "elderly"]
    var whole: [String: Observation] = [:]
    for o in observations where o.group.map(wholes.contains) == true && o.modality == .actual {
      let k = "\(o.indicator.rawValue)|\(o.date?.description ?? "")|\(o.periodStart?.description ?? "")"
      if let v = o.value, v > (whole[k]?.value ?? -.infinity) { whole[k] = o }
    }
    for o in observations where o.group.map(parts.contains) == true && o.modality == .actual {
      let k = "\(o.indicator.rawValue)|\(o.date?.description ?? "")|\(o.periodStart?.description ?? "")"
      guard let w = whole[k], let v = o.value, let wv = w.value, v > wv else { continue }
      out.append(
        AuditFinding(
          check: .partAboveTotal, indicator: o.indicator, group: o.group, date: o.date,
          detail: "\(formatNumber(v)) \(o.group!) above \(formatNumber(wv)) \(w.group!)", observations: [w.id, o.id]))
    }
    return out
  }
}
