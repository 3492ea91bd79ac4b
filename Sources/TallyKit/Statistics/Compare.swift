import Foundation

/// An official series to set news figures beside: a value per day, sorted by day.
public struct ReferenceSeries: Sendable {
  public var name: String
  public var points: [(date: CivilDate, value: Double)]

  /// The value on `d` or, failing that, the last one before it.
  public func value(onOrBefore d: CivilDate) -> (date: CivilDate, value: Double)? {
    var lo = 0
    var hi = points.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if points[mid].date <= d { lo = mid + 1 } else { hi = mid }
    }
    return lo == 0 ? nil : points[lo - 1]
  }

  /// Reads the daily casualties JSON format (an array of objects with `report_date` and a
  /// field per measure, such as `killed_cum`); `field` names the measure. Days without the
  /// field are skipped.
  public static func json(path: String, field: String) throws(StatisticsError) -> ReferenceSeries {
    let bytes: [UInt8]
    do { bytes = try readFileBytes(path) } catch { throw .input(error) }
    let text = String(decoding: bytes, as: UTF8.self)
    func line(of needle: String) -> SourceLocation {
      guard let r = text.range(of: needle) else { return SourceLocation(file: path) }
      return SourceLocation(file: path, line: text[..<r.lowerBound].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) })
    }
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: Data(bytes))
    } catch {
      throw .invalidReference(SourceLocation(file: path), reason: "not JSON: \(error.localizedDescription)")
    }
    guard let rows = parsed as? [[String: Any]] else {
      throw .invalidReference(SourceLocation(file: path, line: 1), reason: "expected an array of objects with report_date and \(field)")
    }
    var points: [(CivilDate, Double)] = []
    for row in rows {
      guard let dateText = row["report_date"] as? String else {
        throw .invalidReference(SourceLocation(file: path), reason: "an entry has no report_date")
      }
      guard let date = parsePublished(dateText) else {
        throw .invalidDate(line(of: "\"\(dateText)\""), column: "report_date", value: dateText)
      }
      guard let v = row[field] else { continue }
      guard let number = (v as? NSNumber)?.doubleValue else {
        throw .invalidNumber(line(of: "\"\(dateText)\""), column: field, value: "\(v)")
      }
      points.append((date, number))
    }
    guard !points.isEmpty else {
      throw .invalidReference(SourceLocation(file: path), reason: "no entry has the field \"\(field)\"")
    }
    return ReferenceSeries(name: field, points: points.sorted { $0.0 < $1.0 })
  }

  /// Reads a CSV with a date column and a value column.
  public static func csv(path: String, dateColumn: String, valueColumn: String) throws(StatisticsError) -> ReferenceSeries {
    let t = try TableReader(path: path)
    let dc = try t.column(dateColumn)
    let vc = try t.column(valueColumn)
    var points: [(CivilDate, Double)] = []
    while try t.next() {
      guard let d = try t.date(dc, dateColumn) else { continue }
      guard d.precision == .day else {
        throw .invalidDate(t.location(column: dc), column: dateColumn, value: t.text(dc) ?? "")
      }
      guard let v = try t.number(vc, valueColumn) else { continue }
      points.append((d.day, v))
    }
    guard !points.isEmpty else {
      throw .invalidReference(SourceLocation(file: path), reason: "no row has both a date and a value")
    }
    return ReferenceSeries(name: valueColumn, points: points.sorted { $0.0 < $1.0 })
  }
}

/// One news figure beside the reference series.
public struct ComparisonRow: Sendable, Equatable {
  public var figure: String
  public var doc: String
  public var outlet: String?
  public var indicator: Indicator
  public var group: String?
  public var text: String
  public var date: CivilDate
  public var value: Double?
  public var low: Double?
  public var high: Double?
  public var qualifier: String
  public var referenceDate: CivilDate?
  public var referenceValue: Double?

  /// The news value minus the reference value.
  public var difference: Double? {
    guard let value, let referenceValue else { return nil }
    return value - referenceValue
  }
  /// The difference as a fraction of the reference value.
  public var relativeDifference: Double? {
    guard let difference, let referenceValue, referenceValue != 0 else { return nil }
    return difference / referenceValue
  }
  /// Whether the reference value lies within the bounds the figure states.
  public var withinBounds: Bool? {
    guard let r = referenceValue else { return nil }
    if low == nil && high == nil { return nil }
    return (low.map { r >= $0 } ?? true) && (high.map { r <= $0 } ?? true)
  }

  public static let columns = [
    "figure", "doc", "outlet", "indicator", "group", "text", "date", "value", "low", "high",
    "qualifier", "reference_date", "reference_value", "difference", "relative_difference",
    "within_bounds",
  ]

  public var cells: [Cell] {
    [
      .text(figure), .text(doc), .optional(outlet), .text(indicator.rawValue), .optional(group), .text(text),
      .date(ReportedDate(date)), .optional(value), .optional(low), .optional(high), .text(qualifier),
      referenceDate.map { .date(ReportedDate($0)) } ?? .null, .optional(referenceValue),
      .optional(difference), .optional(relativeDifference.map { ($0 * 1e6).rounded() / 1e6 }),
      withinBounds.map(Cell.boolean) ?? .null,
    ]
  }
}

/// Per indicator and outlet: how news figures compare with the reference.
public struct ComparisonSummary: Sendable, Equatable {
  public var indicator: Indicator
  public var outlet: String?
  public var figures: Int
  public var meanDifference: Double?
  public var meanRelativeDifference: Double?
  public var meanAbsoluteRelativeDifference: Double?
  public var withinBounds: Int
  public var withBounds: Int

  public static let columns = [
    "indicator", "outlet", "figures", "mean_difference", "mean_relative_difference",
    "mean_absolute_relative_difference", "within_bounds", "with_bounds",
  ]

  public var cells: [Cell] {
    func r(_ v: Double?) -> Cell { .optional(v.map { ($0 * 1e6).rounded() / 1e6 }) }
    return [
      .text(indicator.rawValue), .optional(outlet), .integer(Int64(figures)), r(meanDifference),
      r(meanRelativeDifference), r(meanAbsoluteRelativeDifference), .integer(Int64(withinBounds)),
      .integer(Int64(withBounds)),
    ]
  }

  public static func of(_ rows: [ComparisonRow]) -> [ComparisonSummary] {
    var groups: [String: [ComparisonRow]] = [:]
    var order: [String] = []
    for r in rows {
      let key = "\(r.indicator.ordinal)\u{1F}\(r.outlet ?? "")"
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(r)
    }
    return order.sorted().map { key in
      let list = groups[key]!
      func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
      let relative = list.compactMap(\.relativeDifference)
      return ComparisonSummary(
        indicator: list[0].indicator, outlet: list[0].outlet, figures: list.count,
        meanDifference: mean(list.compactMap(\.difference)), meanRelativeDifference: mean(relative),
        meanAbsoluteRelativeDifference: mean(relative.map(abs)),
        withinBounds: list.filter { $0.withinBounds == true }.count,
        withBounds: list.filter { $0.withinBounds != nil }.count)
    }
  }
}

/// Sets the running totals a dataset's figures report beside a reference series.
public struct Comparison {
  public var indicator: Indicator
  /// Groups whose figures count the reference's population.
  public var groups: [String]
  /// Only running totals counted from this day compare with the reference (default: the
  /// reference's first day).
  public var periodStart: CivilDate?

  public init(indicator: Indicator, groups: [String] = ["palestinians", "people"], periodStart: CivilDate? = nil) {
    self.indicator = indicator
    self.groups = groups
    self.periodStart = periodStart
  }

  /// One row per figure (facts, actual, dated to the day) of the indicator and groups.
  public func rows(directory: String, reference: ReferenceSeries) throws(StatisticsError) -> [ComparisonRow] {
    let start = periodStart ?? reference.points.first?.date
    var out: [ComparisonRow] = []
    try ObservationTable.forEachFact(directory: directory) { f in
      let o = f.observation
      guard o.indicator == indicator, o.modality == .actual, let g = o.group, groups.contains(g),
        let date = o.date, date.precision == .day,
        let p = o.periodStart, p.precision == .day, p.day == start
      else { return }
      let ref = reference.value(onOrBefore: date.day)
      out.append(
        ComparisonRow(
          figure: f.figure, doc: f.document, outlet: f.outlet, indicator: indicator, group: g, text: f.text,
          date: date.day, value: o.value, low: o.low, high: o.high, qualifier: f.qualifier,
          referenceDate: ref?.date, referenceValue: ref?.value))
    }
    return out.sorted { ($0.date, $0.figure) < ($1.date, $1.figure) }
  }
}
