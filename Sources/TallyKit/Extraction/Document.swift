/// One article to extract from: its id, its text as UTF-8 bytes, and what the manifest or
/// JSON Lines record says about it.
public struct Document: Sendable {
  public var id: String
  public var text: [UInt8]
  /// Publication date; dates in the text are resolved against it.
  public var published: CivilDate?
  public var outlet: String?
  public var url: String?
  /// Where the document was read from, for messages.
  public var source: SourceLocation

  public init(
    id: String, text: [UInt8], published: CivilDate?, outlet: String? = nil, url: String? = nil,
    source: SourceLocation
  ) {
    self.id = id
    self.text = text
    self.published = published
    self.outlet = outlet
    self.url = url
    self.source = source
  }

  public init(id: String, text: String, published: CivilDate?, outlet: String? = nil) {
    self.init(
      id: id, text: Array(text.utf8), published: published, outlet: outlet,
      source: SourceLocation(file: id))
  }
}

/// How vague quantities get their point value (codebook section 3). Every profile keeps the
/// literal interval in `low` and `high`; only `value` differs.
public enum VagueProfile: String, Sendable, CaseIterable {
  /// The low end ("dozens" is 24): the conflict-data convention of the most conservative count.
  case conservative
  /// The middle of the interval, rounded down ("dozens" is 61).
  case midpoint
  /// No point value: `value` is null, for analyses that use only the bounds.
  case bounds

  func value(low: Double, high: Double) -> Double? {
    switch self {
    case .conservative: return low
    case .midpoint: return ((low + high) / 2).rounded(.down)
    case .bounds: return nil
    }
  }
}

/// Settings of an extraction run.
public struct ExtractionOptions: Sendable {
  public var vague: VagueProfile
  public var calendar: EventCalendar

  public init(vague: VagueProfile = .conservative, calendar: EventCalendar = .standard) {
    self.vague = vague
    self.calendar = calendar
  }
}

/// The figures of one document and the warnings about the document as a whole.
public struct DocumentFigures: Sendable {
  public var document: String
  /// The SHA-256 of the document's text; the figures' ids derive from it.
  public var digest: DocumentDigest
  public var figures: [Figure]
  /// Warnings a reviewer should see that concern the document (each also appears on the
  /// figures it touches).
  public var warnings: [String]
}
