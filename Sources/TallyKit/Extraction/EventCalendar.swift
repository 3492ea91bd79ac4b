/// A dated event that articles name instead of dating ("since the ceasefire began", "in the
/// war"): codebook section 5, rule 4.
public struct NamedPeriod: Sendable, Equatable {
  /// The kind of event, shared by every period the same words can name ("war", "ceasefire").
  public var kind: String
  public var start: CivilDate
  public var end: CivilDate?
  public var name: String
  /// Lower-case words that name this kind of period in text.
  public var keywords: [String]
}

/// The editable calendar of named periods. The project ships one (`datasets/calendar.csv`, also
/// built in as `EventCalendar.standard`); `tally extract --calendar FILE` reads another.
///
/// Format: CSV with the header `kind,start,end,name,keywords`; `start` and `end` are
/// `YYYY-MM-DD` (`end` may be empty for a period still running); `keywords` is a `|`-separated
/// list of the words that name the kind ("ceasefire|truce|cease-fire").
public struct EventCalendar: Sendable, Equatable {
  public var periods: [NamedPeriod]

  public init(periods: [NamedPeriod]) {
    self.periods = periods.sorted { ($0.start, $0.kind) < ($1.start, $1.kind) }
  }

  /// The calendar shipped with tally; identical to `datasets/calendar.csv` (a test checks it).
  public static let standardCSV = """
    kind,start,end,name,keywords
    war,2023-10-07,,Gaza war,war|conflict|genocide|offensive|fighting|hostilities|campaign|assault|bombardment
    ceasefire,2023-11-24,2023-12-01,November 2023 truce,ceasefire|truce|cease-fire|pause
    ceasefire,2025-01-19,2025-03-18,January 2025 ceasefire,ceasefire|truce|cease-fire
    ceasefire,2025-10-10,,October 2025 ceasefire,ceasefire|truce|cease-fire

    """

  public static let standard: EventCalendar = {
    // The built-in text is fixed and tested; a failure here is a programming error.
    do {
      return try parse(Array(standardCSV.utf8), file: "<built-in calendar>")
    } catch {
      fatalError("the built-in calendar does not parse: \(error)")
    }
  }()

  /// Reads a calendar CSV; errors name the file and line.
  public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> EventCalendar {
    let records = try CSVReader(file: file).records(bytes)
    guard let header = records.first else { throw .empty(SourceLocation(file: file)) }
    let names = header.fields.map { $0.trimmingSpaces.lowercased() }
    func column(_ name: String) throws(InputError) -> Int {
      guard let k = names.firstIndex(of: name) else {
        throw .missingColumn(SourceLocation(file: file, line: header.line), column: name)
      }
      return k
    }
    let kindColumn = try column("kind")
    let startColumn = try column("start")
    let endColumn = try column("end")
    let nameColumn = names.firstIndex(of: "name")
    let keywordColumn = try column("keywords")
    var periods: [NamedPeriod] = []
    for record in records.dropFirst() {
      func field(_ k: Int) -> String {
        k < record.fields.count ? record.fields[k].trimmingSpaces : ""
      }
      let startText = field(startColumn)
      guard let start = CivilDate(iso: startText) else {
        throw .invalidDate(
          SourceLocation(file: file, line: record.line, column: startColumn + 1), field: "start",
          value: startText)
      }
      let endText = field(endColumn)
      var end: CivilDate? = nil
      if !endText.isEmpty {
        guard let e = CivilDate(iso: endText) else {
          throw .invalidDate(
            SourceLocation(file: file, line: record.line, column: endColumn + 1), field: "end",
            value: endText)
        }
        end = e
      }
      let kind = field(kindColumn).lowercased()
      if kind.isEmpty { throw .missingField(SourceLocation(file: file, line: record.line), field: "kind") }
      let keywords = field(keywordColumn).lowercased().split(separator: "|").map {
        String($0).trimmingSpaces
      }.filter { !$0.isEmpty }
      periods.append(
        NamedPeriod(
          kind: kind, start: start, end: end, name: nameColumn.map(field) ?? kind,
          keywords: keywords))
    }
    return EventCalendar(periods: periods)
  }

  /// The most recent period of `kind` that began on or before `date`.
  public func latest(_ kind: String, onOrBefore date: CivilDate) -> NamedPeriod? {
    periods.last { $0.kind == kind && $0.start <= date }
  }

  /// A period of `kind` that began in the given month, if any.
  public func period(_ kind: String, beganIn year: Int, month: Int) -> NamedPeriod? {
    periods.first { $0.kind == kind && $0.start.year == year && $0.start.month == month }
  }

  /// The kind each keyword names.
  public var kindsByKeyword: [String: String] {
    var map: [String: String] = [:]
    for p in periods { for k in p.keywords where map[k] == nil { map[k] = p.kind } }
    return map
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
