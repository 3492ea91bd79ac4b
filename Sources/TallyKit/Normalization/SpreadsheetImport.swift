import Crypto

/// Reads a hand-coded spreadsheet (CSV) into figure records, with the number, qualifier and
/// date grammar of `extract`, so that figures coded by hand and figures extracted from
/// articles normalize the same way.
///
/// One row is one figure. Columns (names are matched ignoring case, spaces and underscores;
/// synonyms in brackets):
/// - `indicator` (required): a codebook code.
/// - `figure` (required) [`figure as written`, `as written`, `number`, `count`]: the number as
///   the source wrote it: "183", "more than 180", "about 20,000", "dozens", "between 60 and 80".
/// - `source` [`outlet`, `publisher`] and `url` [`link`]: at least one, so the figure can be
///   traced; the url (else the source) is the figure's document.
/// - `date` [`date as written`, `date reported`]: "2025-02-01", "Feb 1 2025", "1 February
///   2025", "Feb 2025", "1/2/2025" (month first, or day first with `dayFirst`).
/// - optional: `group` [`who`], `modality`, `attribution` [`said by`, `according to`],
///   `published` [`publication date`], `period start` [`since`], `sentence` [`quote`,
///   `context`].
/// Any other column is an error that names it: a column silently left out would be data lost.
public struct SpreadsheetImport {
  public let dayFirst: Bool
  let extractor: Extractor

  public init(dayFirst: Bool = false, vague: VagueProfile = .conservative) {
    self.dayFirst = dayFirst
    extractor = Extractor(options: ExtractionOptions(vague: vague))
  }

  enum Column: String, CaseIterable {
    case indicator, figure, source, url, date, group, modality, attribution, published
    case periodStart = "period start"
    case sentence

    var synonyms: [String] {
      switch self {
      case .indicator: return ["indicator", "indicator code"]
      case .figure: return ["figure", "figure as written", "as written", "number", "count", "text"]
      case .source: return ["source", "outlet", "publisher"]
      case .url: return ["url", "link"]
      case .date: return ["date", "date as written", "date reported"]
      case .group: return ["group", "who"]
      case .modality: return ["modality"]
      case .attribution: return ["attribution", "said by", "according to"]
      case .published: return ["published", "publication date"]
      case .periodStart: return ["period start", "since"]
      case .sentence: return ["sentence", "quote", "context"]
      }
    }

    static func named(_ header: String) -> Column? {
      let key = header.lowercased().replacingUnderscores.trimmingSpaces
      return allCases.first { $0.synonyms.contains(key) }
    }
  }

  /// The figures and documents of the spreadsheet at `path`, grouped by document in order of
  /// first appearance (as `normalize` needs them).
  public func read(path: String, warnings: WarningCollector) throws(NormalizationError) -> (
    figures: [Figure], documents: [DocumentRecord]
  ) {
    let records: [CSVRecord]
    do {
      records = try CSVReader(file: path).records(readFileBytes(path))
    } catch {
      throw .input(error)
    }
    guard let header = records.first else { throw .input(.empty(SourceLocation(file: path))) }
    var columns: [Column: Int] = [:]
    for (k, name) in header.fields.enumerated() {
      guard let c = Column.named(name) else {
        throw .unmappedColumn(
          SourceLocation(file: path, line: header.line, column: k + 1), column: name,
          known: Column.allCases.map(\.rawValue))
      }
      columns[c] = k
    }
    for needed in [Column.indicator, .figure] where columns[needed] == nil {
      throw .input(.missingColumn(SourceLocation(file: path, line: header.line), column: needed.rawValue))
    }
    if columns[.source] == nil && columns[.url] == nil {
      throw .input(.missingColumn(SourceLocation(file: path, line: header.line), column: "source or url"))
    }
    var byDocument: [String: Int] = [:]
    var documents: [DocumentRecord] = []
    var groups: [[Figure]] = []
    var seen: [String: Int] = [:]
    for r in records.dropFirst() {
      func cell(_ c: Column) -> String? {
        guard let k = columns[c], k < r.fields.count else { return nil }
        let v = r.fields[k].trimmingSpaces
        return v.isEmpty ? nil : v
      }
      func here(_ c: Column) -> SourceLocation {
        SourceLocation(file: path, line: r.line, column: (columns[c] ?? 0) + 1)
      }
      if r.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
      guard let code = cell(.indicator) else { throw .missingField(here(.indicator), field: "indicator") }
      guard let indicator = Indicator(rawValue: code.lowercased()) else {
        throw .unknownCode(here(.indicator), field: "indicator", value: code, allowed: Indicator.allCases.map(\.rawValue))
      }
      guard let written = cell(.figure) else { throw .missingField(here(.figure), field: "figure") }
      guard let number = extractor.readNumber(written) else { throw .unreadableFigure(here(.figure), text: written) }
      guard let doc = cell(.url) ?? cell(.source) else {
        throw .missingField(here(cell(.url) == nil ? .url : .source), field: "source or url")
      }
      var date: ReportedDate? = nil
      if let d = cell(.date) {
        guard let parsed = SpreadsheetImport.parseDate(d, dayFirst: dayFirst) else {
          throw .unreadableDate(here(.date), text: d)
        }
        date = parsed
      }
      var periodStart: ReportedDate? = nil
      if let d = cell(.periodStart) {
        guard let parsed = SpreadsheetImport.parseDate(d, dayFirst: dayFirst) else {
          throw .unreadableDate(here(.periodStart), text: d)
        }
        periodStart = parsed
      }
      var published: CivilDate? = nil
      if let d = cell(.published) {
        guard let parsed = SpreadsheetImport.parseDate(d, dayFirst: dayFirst), parsed.precision == .day else {
          throw .unreadableDate(here(.published), text: d)
        }
        published = parsed.day
      }
      var modality = Modality.actual
      if let m = cell(.modality) {
        guard let parsed = Modality(rawValue: m.lowercased()) else {
          throw .unknownCode(here(.modality), field: "modality", value: m, allowed: Modality.allCases.map(\.rawValue))
        }
        modality = parsed
      }
      let unit: CountUnit = number.isRatio ? .ratio : indicator == .aidTrucks ? .trucks : .people
      let group = cell(.group)?.lowercased()
      // The id: the row's coded content, so it survives reordering and re-running, and
      // changes when a coder edits the row.
      let content = [doc, indicator.rawValue, written, cell(.date) ?? "", group ?? "", modality.rawValue]
        .joined(separator: "\u{1F}")
      let digest = String(SHA256.hash(data: Array(content.utf8)).hexString.prefix(16))
      let length = written.unicodeScalars.count
      let figure = Figure(
        id: "\(digest)-0-\(length)", doc: doc, start: 0, end: length, text: written,
        value: number.value, low: number.low, high: number.high, qualifier: number.qualifier,
        unit: unit, indicator: indicator, group: group, modality: modality, date: date,
        periodStart: periodStart, attribution: cell(.attribution), sentence: cell(.sentence) ?? "",
        per: nil, warnings: [])
      if let first = seen[figure.id] {
        warnings.add(
          "the same figure as line \(first) (same source, indicator, figure, date and group); kept once",
          at: SourceLocation(file: path, line: r.line))
        continue
      }
      seen[figure.id] = r.line
      if let i = byDocument[doc] {
        groups[i].append(figure)
        documents[i].figures += 1
        if documents[i].published == nil { documents[i].published = published }
      } else {
        byDocument[doc] = groups.count
        groups.append([figure])
        documents.append(
          DocumentRecord(
            id: doc, outlet: cell(.source), url: cell(.url), published: published, sha256: nil,
            bytes: nil, figures: 1))
      }
    }
    return (groups.flatMap { $0 }, documents)
  }

  /// Reads a date as a coder writes it: ISO 8601 (`2025-02-01`, `2025-02`, `2025`), numeric
  /// (`1/2/2025`, `1.2.2025`, two-digit years as 20YY; month first unless `dayFirst`), or
  /// with a month name (`Feb 1 2025`, `1 February 2025`, `February 1, 2025`, `Feb 2025`).
  public static func parseDate(_ text: String, dayFirst: Bool) -> ReportedDate? {
    let t = text.trimmingSpaces
    if let iso = ReportedDate(iso: Array(t.utf8)) { return iso }
    let separators: Set<Character> = ["/", ".", "-"]
    let numeric = t.split(whereSeparator: { separators.contains($0) })
    if numeric.count == 3, numeric.allSatisfy({ $0.allSatisfy(\.isNumber) }),
      let a = Int(numeric[0]), let b = Int(numeric[1]), var y = Int(numeric[2])
    {
      if numeric[2].count == 2 { y += 2000 }
      guard numeric[2].count == 2 || numeric[2].count == 4 else { return nil }
      let (month, day) = dayFirst ? (b, a) : (a, b)
      return CivilDate(year: y, month: month, day: day).map { ReportedDate($0) }
    }
    var month: Int? = nil
    var day: Int? = nil
    var year: Int? = nil
    for word in t.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }) {
      if let m = Lexicon.months.first(where: { $0.0 == word })?.1 {
        guard month == nil else { return nil }
        month = m
        continue
      }
      var digits = Substring(word)
      for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
      guard let n = Int(digits) else { return nil }
      if digits.count == 4 {
        guard year == nil else { return nil }
        year = n
      } else if digits.count <= 2 {
        guard day == nil else { return nil }
        day = n
      } else {
        return nil
      }
    }
    guard let year, let month else { return nil }
    if let day { return CivilDate(year: year, month: month, day: day).map { ReportedDate($0) } }
    return CivilDate(year: year, month: month, day: 1).map { ReportedDate($0, precision: .month) }
  }
}

extension String {
  fileprivate var replacingUnderscores: String {
    String(map { $0 == "_" ? " " : $0 })
  }
}
