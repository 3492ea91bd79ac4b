import Crypto

/// How a reported number is bounded (codebook section 3).
public enum Qualifier: String, Sendable, CaseIterable, Codable {
  case exact
  case atLeast = "at_least"
  case moreThan = "more_than"
  case atMost = "at_most"
  case fewerThan = "fewer_than"
  case approximately
  case range
  case vague
}

/// What a figure counts (codebook section 2).
public enum CountUnit: String, Sendable, CaseIterable, Codable {
  case people, ratio, trucks, convoys

  /// The position of the code in `allCases`, without building the array.
  var ordinal: Int {
    switch self {
    case .people: return 0
    case .ratio: return 1
    case .trucks: return 2
    case .convoys: return 3
    }
  }
}

/// Whether a figure reports what happened or what is scheduled, agreed, expected or permitted.
public enum Modality: String, Sendable, CaseIterable, Codable {
  case actual, planned
}

/// The indicator codes of codebook section 4.
public enum Indicator: String, Sendable, CaseIterable, Codable {
  case killed
  case injured
  case missing
  case bodiesRecovered = "bodies_recovered"
  case diedAwaitingEvacuation = "died_awaiting_evacuation"
  case medevacNeeded = "medevac_needed"
  case medevacCompleted = "medevac_completed"
  case medevacCompanions = "medevac_companions"
  case crossedOut = "crossed_out"
  case crossedIn = "crossed_in"
  case crossings
  case crossingDenied = "crossing_denied"
  case hostagesReleased = "hostages_released"
  case hostagesHeld = "hostages_held"
  case remainsReturned = "remains_returned"
  case prisonersReleased = "prisoners_released"
  case prisonersHeld = "prisoners_held"
  case detained
  case deported
  case displaced
  case aidTrucks = "aid_trucks"
  case other
}

extension Indicator {
  /// The position of the code in `allCases`, computed without reading the shared `allCases`
  /// array (worker threads would contend on its reference count).
  var ordinal: Int {
    switch self {
    case .killed: return 0
    case .injured: return 1
    case .missing: return 2
    case .bodiesRecovered: return 3
    case .diedAwaitingEvacuation: return 4
    case .medevacNeeded: return 5
    case .medevacCompleted: return 6
    case .medevacCompanions: return 7
    case .crossedOut: return 8
    case .crossedIn: return 9
    case .crossings: return 10
    case .crossingDenied: return 11
    case .hostagesReleased: return 12
    case .hostagesHeld: return 13
    case .remainsReturned: return 14
    case .prisonersReleased: return 15
    case .prisonersHeld: return 16
    case .detained: return 17
    case .deported: return 18
    case .displaced: return 19
    case .aidTrucks: return 20
    case .other: return 21
    }
  }
}

/// A date at the precision the text gives: a day, a month or a year.
public struct ReportedDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public enum Precision: Int, Sendable, Comparable {
    case year, month, day
    public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
  }
  public var day: CivilDate
  public var precision: Precision

  public init(_ day: CivilDate, precision: Precision = .day) {
    self.day = day
    self.precision = precision
  }

  /// ISO 8601: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
  public var description: String {
    switch precision {
    case .day: return day.description
    case .month: return String(day.description.prefix(7))
    case .year: return String(day.description.prefix(4))
    }
  }

  public static func < (a: ReportedDate, b: ReportedDate) -> Bool { a.day < b.day }

  /// Appends the ISO 8601 text of `description` to a byte buffer.
  func appendISO(to bytes: inout [UInt8]) {
    day.appendISO(to: &bytes, precision: precision == .day ? 10 : precision == .month ? 7 : 4)
  }
}

/// One reported figure: one mention of a number in one document, coded by the codebook.
/// Offsets are Unicode code point offsets into the document text, `[start, end)`.
public struct Figure: Sendable, Equatable {
  /// A stable id: the first 16 hex digits of the SHA-256 of the document's text, then the
  /// span (`3f2a9c1b7d4e5f60-1024-1031`). It survives re-runs and renamed documents, and
  /// changes only when the text does.
  public var id: String
  public var doc: String
  public var start: Int
  public var end: Int
  /// The mention as written, qualifier included ("at least 16,500").
  public var text: String
  public var value: Double?
  public var low: Double?
  public var high: Double?
  public var qualifier: Qualifier
  public var unit: CountUnit
  public var indicator: Indicator
  /// Who is counted, a lower-case plural noun ("patients", "palestinians").
  public var group: String?
  public var modality: Modality
  public var date: ReportedDate?
  /// For a running total, when the counted period began.
  public var periodStart: ReportedDate?
  public var attribution: String?
  public var sentence: String
  /// `day` or `week` for a rate ("600 trucks a day").
  public var per: String?
  public var warnings: [String]

  public init(
    id: String = "", doc: String, start: Int, end: Int, text: String, value: Double?, low: Double?, high: Double?,
    qualifier: Qualifier, unit: CountUnit, indicator: Indicator, group: String?,
    modality: Modality, date: ReportedDate?, periodStart: ReportedDate?, attribution: String?,
    sentence: String, per: String?, warnings: [String]
  ) {
    self.id = id
    self.doc = doc
    self.start = start
    self.end = end
    self.text = text
    self.value = value
    self.low = low
    self.high = high
    self.qualifier = qualifier
    self.unit = unit
    self.indicator = indicator
    self.group = group
    self.modality = modality
    self.date = date
    self.periodStart = periodStart
    self.attribution = attribution
    self.sentence = sentence
    self.per = per
    self.warnings = warnings
  }

  /// The record's columns, in the order JSON Lines and CSV output use (codebook section 2).
  public static let columns = [
    "id", "doc", "start", "end", "text", "value", "low", "high", "qualifier", "unit", "indicator",
    "group", "modality", "date", "period_start", "attribution", "sentence", "per", "warnings",
  ]
}

/// The SHA-256 of a document's text, and the figure ids derived from it.
public struct DocumentDigest: Sendable, Hashable {
  /// 64 lower-case hex digits.
  public let hex: String

  public init(_ text: [UInt8]) {
    hex = SHA256.hash(data: text).hexString
  }

  /// The id of the figure at code points `[start, end)` of this document.
  public func figureID(start: Int, end: Int) -> String {
    "\(hex.prefix(16))-\(start)-\(end)"
  }
}

extension Sequence where Element == UInt8 {
  /// Lower-case hex digits.
  var hexString: String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in self {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
