/// A column of a dataset table, described once: the CSV and JSON Lines headers, the
/// Frictionless Table Schema and the HXL hashtag row are all written from these.
public struct TableColumn: Sendable {
  /// Frictionless field types used here.
  public enum FieldType: String, Sendable {
    case string, integer, number, boolean, date
    /// A date at day, month or year precision (`2025-02-01`, `2025-02`, `2025`); Table Schema
    /// has no one type for it, so it is a string with a pattern.
    case partialDate
  }

  public var name: String
  public var type: FieldType
  public var description: String
  public var required: Bool
  /// Allowed values, for codes.
  public var allowed: [String]?
  /// The HXL hashtag with attributes (`#affected+killed`), for `--hxl`.
  public var hxl: String

  init(
    _ name: String, _ type: FieldType, required: Bool = false, allowed: [String]? = nil,
    hxl: String, _ description: String
  ) {
    self.name = name
    self.type = type
    self.description = description
    self.required = required
    self.allowed = allowed
    self.hxl = hxl
  }
}

/// A table of a normalized dataset: its name, columns and primary key.
public struct TableLayout: Sendable {
  public var name: String
  public var title: String
  public var description: String
  public var columns: [TableColumn]
  public var primaryKey: [String]
  /// (column, other table, its column)
  public var foreignKeys: [(String, String, String)]

  /// The CSV header line.
  public var csvHeader: [UInt8] { Array((columns.map(\.name).joined(separator: ",") + "\n").utf8) }
}

extension TableLayout {
  static let indicatorCodes = Indicator.allCases.map(\.rawValue)

  /// Every mention of a number, one row per figure, as `extract` or `import` coded it and a
  /// curation file corrected it.
  public static let figures = TableLayout(
    name: "figures",
    title: "Figures",
    description:
      "Every reported figure: one mention of a number in one document, coded by the tally codebook, with the exact span of text it was read from.",
    columns: [
      TableColumn(
        "id", .string, required: true, hxl: "#meta+id",
        "Stable figure id: the first 16 hex digits of the SHA-256 of the document text, then the span's start and end."),
      TableColumn("doc", .string, required: true, hxl: "#meta+doc", "Id of the document (see the documents table)."),
      TableColumn("start", .integer, required: true, hxl: "#meta+start", "Start of the span, in Unicode code points from the start of the document text."),
      TableColumn("end", .integer, required: true, hxl: "#meta+end", "End of the span (exclusive), in code points."),
      TableColumn("text", .string, required: true, hxl: "#meta+text", "The mention as written, qualifier included."),
      TableColumn("value", .number, hxl: "#indicator+num", "Point value: the number itself; for vague quantities the low end; for ratios a fraction."),
      TableColumn("low", .number, hxl: "#indicator+num+min", "Lower bound; empty when open."),
      TableColumn("high", .number, hxl: "#indicator+num+max", "Upper bound; empty when open."),
      TableColumn(
        "qualifier", .string, required: true, allowed: Qualifier.allCases.map(\.rawValue),
        hxl: "#meta+qualifier", "How the number is bounded (codebook section 3)."),
      TableColumn(
        "unit", .string, required: true, allowed: CountUnit.allCases.map(\.rawValue), hxl: "#meta+unit",
        "What is counted: people, trucks, convoys, or a ratio."),
      TableColumn(
        "indicator", .string, required: true, allowed: indicatorCodes, hxl: "#indicator+code",
        "Indicator code (codebook section 4)."),
      TableColumn("group", .string, hxl: "#population+type", "Who is counted, a lower-case plural noun."),
      TableColumn(
        "modality", .string, required: true, allowed: Modality.allCases.map(\.rawValue), hxl: "#status+modality",
        "actual, or planned (scheduled, agreed, expected, permitted)."),
      TableColumn("date", .partialDate, hxl: "#date+occurred", "The date the figure refers to (ISO 8601; day, month or year)."),
      TableColumn("period_start", .partialDate, hxl: "#date+start", "For a running total, when the counted period began."),
      TableColumn("attribution", .string, hxl: "#meta+source", "Who gave the figure, as the article names them."),
      TableColumn("sentence", .string, hxl: "#meta+sentence", "The sentence the figure was read from."),
      TableColumn("per", .string, allowed: ["day", "week"], hxl: "#meta+per", "For a rate: per day or per week."),
      TableColumn("warnings", .string, hxl: "#meta+warnings", "Warnings for a reviewer, joined by ' | '."),
      TableColumn(
        "review", .string, allowed: ["accepted", "rejected", "corrected"], hxl: "#meta+review",
        "What a curation file decided: accepted, rejected (left out of observations) or corrected; empty when not reviewed."),
      TableColumn(
        "role", .string, required: true, allowed: FigureRole.allCases.map(\.rawValue), hxl: "#meta+role",
        "fact (merged into its observation), part (a smaller number its document gives for the same observation, read as a part of it), uncoded (indicator other) or rejected."),
      TableColumn("observation", .string, hxl: "#meta+observation", "Id of the observation the figure reports (a fact) or is a part of; empty when rejected or uncoded."),
    ],
    primaryKey: ["id"],
    foreignKeys: [("doc", "documents", "id"), ("observation", "observations", "id")])

  /// One row per reported fact: the figures of every document that report the same
  /// indicator, group, modality, unit, rate, date and period, merged.
  public static let observations = TableLayout(
    name: "observations",
    title: "Observations",
    description:
      "One row per reported fact (indicator, group, modality, unit, rate, date and period), merging every figure that reports it, with its bounds combined by the reconcile rule and a conflict flag when the sources cannot all be true.",
    columns: [
      TableColumn("id", .string, required: true, hxl: "#meta+id", "Stable observation id: 16 hex digits of the SHA-256 of the key columns."),
      TableColumn("indicator", .string, required: true, allowed: indicatorCodes, hxl: "#indicator+code", "Indicator code (codebook section 4)."),
      TableColumn("group", .string, hxl: "#population+type", "Who is counted."),
      TableColumn("modality", .string, required: true, allowed: Modality.allCases.map(\.rawValue), hxl: "#status+modality", "actual or planned."),
      TableColumn("unit", .string, required: true, allowed: CountUnit.allCases.map(\.rawValue), hxl: "#meta+unit", "What is counted."),
      TableColumn("per", .string, allowed: ["day", "week"], hxl: "#meta+per", "For a rate: per day or per week."),
      TableColumn("date", .partialDate, hxl: "#date+occurred", "The date the fact refers to."),
      TableColumn("period_start", .partialDate, hxl: "#date+start", "For a running total, when the counted period began."),
      TableColumn("value", .number, hxl: "#indicator+num", "The reconciled point value."),
      TableColumn("low", .number, hxl: "#indicator+num+min", "Lower bound of the reconciled value; empty when open."),
      TableColumn("high", .number, hxl: "#indicator+num+max", "Upper bound; empty when open."),
      TableColumn("figures", .integer, required: true, hxl: "#meta+figures", "Number of figures behind the observation."),
      TableColumn("documents", .integer, required: true, hxl: "#meta+documents", "Number of distinct documents behind it."),
      TableColumn("sources", .integer, required: true, hxl: "#meta+sources", "Number of distinct outlets behind it (a document without an outlet counts as its own)."),
      TableColumn("conflict", .boolean, required: true, hxl: "#meta+conflict", "true when the sources cannot all be true: different exact counts, or bounds that exclude each other."),
      TableColumn("reconcile", .string, required: true, allowed: ReconcileRule.allCases.map(\.rawValue), hxl: "#meta+rule", "The rule that combined the sources."),
      TableColumn("first_published", .date, hxl: "#date+reported+first", "Earliest publication date among its documents."),
      TableColumn("last_published", .date, hxl: "#date+reported+last", "Latest publication date among its documents."),
      TableColumn("figure_ids", .string, required: true, hxl: "#meta+figures+id", "Ids of the figures behind it, in input order, separated by spaces."),
    ],
    primaryKey: ["id"],
    foreignKeys: [])

  /// One row per document figures were read from.
  public static let documents = TableLayout(
    name: "documents",
    title: "Documents",
    description: "The articles (or spreadsheet sources) the figures were read from, with the SHA-256 of their text.",
    columns: [
      TableColumn("id", .string, required: true, hxl: "#meta+id", "Document id, as given to extract or import."),
      TableColumn("outlet", .string, hxl: "#org+name", "The outlet that published it."),
      TableColumn("url", .string, hxl: "#meta+url", "Where it was published."),
      TableColumn("published", .date, hxl: "#date+reported", "Publication date."),
      TableColumn("sha256", .string, hxl: "#meta+sha256", "SHA-256 of the document text as UTF-8, in hex; empty for figures imported from a spreadsheet."),
      TableColumn("bytes", .integer, hxl: "#meta+bytes", "Length of the text in bytes; empty for imported figures."),
      TableColumn("figures", .integer, required: true, hxl: "#meta+figures", "Number of figures read from it."),
    ],
    primaryKey: ["id"],
    foreignKeys: [])

  public static let all = [figures, observations, documents]
}
