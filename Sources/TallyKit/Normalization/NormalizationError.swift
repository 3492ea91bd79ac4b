import Foundation

/// Errors of normalization, curation and import: records that cannot be read as figures, curation
/// rows that cannot be applied, spreadsheet rows that cannot be coded. Each names the file, line
/// and, where there is one, the column (a code point for JSON Lines, a field number for CSV).
public enum NormalizationError: TallyError, Equatable {
  /// Reading or writing failed in the shared I/O layer.
  case input(InputError)
  /// A figure record lacks a field every figure needs.
  case missingField(SourceLocation, field: String)
  /// A figure record has a field the figure record does not define (a typo, or another tool's
  /// record).
  case unknownField(SourceLocation, field: String)
  /// A field holds the wrong kind of JSON value.
  case wrongType(SourceLocation, field: String, expected: String)
  /// A code that is not one of the codebook's (indicator, qualifier, unit, modality, per).
  case unknownCode(SourceLocation, field: String, value: String, allowed: [String])
  /// A number field whose text is not a number.
  case invalidNumber(SourceLocation, field: String, value: String)
  /// A date field that is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
  case invalidDate(SourceLocation, field: String, value: String)
  /// A lower bound above the upper bound.
  case boundsOutOfOrder(SourceLocation, low: Double, high: Double)
  /// A document's figures appear in two places of the input: normalize merges the repeats of
  /// a document as it reads, so each document's figures must come together.
  case scatteredDocument(SourceLocation, document: String, firstLine: Int)
  /// A document listed twice in the documents tables given with `--documents`.
  case documentListedTwice(SourceLocation, document: String, first: SourceLocation)
  /// The same figure (id) twice within one document.
  case duplicateFigure(SourceLocation, id: String)
  /// A curation row whose decision is not accept, reject or correct.
  case unknownDecision(SourceLocation, value: String)
  /// A curation row that corrects a field figures do not have.
  case noSuchField(SourceLocation, field: String)
  /// A curation row that corrects a field that records provenance (id, doc, span, text,
  /// sentence) and so cannot be corrected.
  case fieldNotCorrectable(SourceLocation, field: String)
  /// Two curation rows for one figure that contradict each other (accept and reject).
  case contradictoryDecisions(SourceLocation, id: String, firstLine: Int)
  /// A correction whose new value is not valid for its field.
  case invalidCorrection(SourceLocation, field: String, value: String, reason: String)
  /// A spreadsheet column that import cannot map to a figure field.
  case unmappedColumn(SourceLocation, column: String, known: [String])
  /// A spreadsheet cell whose figure cannot be read as a number.
  case unreadableFigure(SourceLocation, text: String)
  /// A spreadsheet cell whose date cannot be read.
  case unreadableDate(SourceLocation, text: String)
  /// The output directory exists and is not a tally dataset, so it is not replaced.
  case outputNotDataset(path: String)

  public var location: SourceLocation? {
    switch self {
    case .input(let e): return e.location
    case .missingField(let l, _), .unknownField(let l, _), .wrongType(let l, _, _),
      .unknownCode(let l, _, _, _), .invalidNumber(let l, _, _), .invalidDate(let l, _, _),
      .boundsOutOfOrder(let l, _, _), .scatteredDocument(let l, _, _), .documentListedTwice(let l, _, _), .duplicateFigure(let l, _),
      .unknownDecision(let l, _), .noSuchField(let l, _), .fieldNotCorrectable(let l, _),
      .contradictoryDecisions(let l, _, _), .invalidCorrection(let l, _, _, _),
      .unmappedColumn(let l, _, _), .unreadableFigure(let l, _), .unreadableDate(let l, _):
      return l
    case .outputNotDataset: return nil
    }
  }

  public var errorDescription: String? {
    switch self {
    case .input(let e): return e.errorDescription
    case .missingField(let l, let f):
      return "\(l): the figure has no \"\(f)\" field; figures need id, doc, start, end, text, qualifier, unit, indicator and modality (as tally extract writes them)"
    case .unknownField(let l, let f):
      return "\(l): unknown field \"\(f)\"; a figure's fields are \(TableLayout.figures.columns.map(\.name).joined(separator: ", "))"
    case .wrongType(let l, let f, let expected): return "\(l): field \"\(f)\" must be \(expected)"
    case .unknownCode(let l, let f, let v, let allowed):
      return "\(l): \(f) \"\(v)\" is not a code of the codebook; expected one of \(allowed.joined(separator: ", "))"
    case .invalidNumber(let l, let f, let v):
      return "\(l): \(f) \"\(v)\" is not a number; write digits without thousands separators (16500)"
    case .invalidDate(let l, let f, let v):
      return "\(l): \(f) \"\(v)\" is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"
    case .boundsOutOfOrder(let l, let low, let high):
      return "\(l): low \(formatNumber(low)) is above high \(formatNumber(high)); swap them"
    case .scatteredDocument(let l, let d, let first):
      return "\(l): figures of document \"\(d)\" appear again after other documents (first at line \(first)); give each document's figures together, as extract writes them, and each document once"
    case .documentListedTwice(let l, let d, let first):
      return "\(l): document \"\(d)\" is listed again (first at \(first)); give each document once in the documents tables"
    case .duplicateFigure(let l, let id):
      return "\(l): figure \(id) appears twice in its document; remove the repeated line"
    case .unknownDecision(let l, let v):
      return "\(l): decision \"\(v)\" is not accept, reject or correct (leave it empty for figures not yet reviewed)"
    case .noSuchField(let l, let f):
      return "\(l): figures have no field \"\(f)\"; correctable fields are \(Curation.correctableFields.joined(separator: ", "))"
    case .fieldNotCorrectable(let l, let f):
      return "\(l): \"\(f)\" records where the figure came from and cannot be corrected; reject the figure instead, or correct one of \(Curation.correctableFields.joined(separator: ", "))"
    case .contradictoryDecisions(let l, let id, let first):
      return "\(l): figure \(id) is both accepted and rejected (also at line \(first)); keep one decision"
    case .invalidCorrection(let l, let f, let v, let reason):
      return "\(l): cannot set \(f) to \"\(v)\": \(reason)"
    case .unmappedColumn(let l, let c, let known):
      return "\(l): column \"\(c)\" cannot be mapped to a figure field; rename it to one of \(known.joined(separator: ", ")) or remove it"
    case .unreadableFigure(let l, let t):
      return "\(l): cannot read a number in \"\(t)\"; write it as in an article (\"more than 180\", \"about 20,000\", \"dozens\")"
    case .unreadableDate(let l, let t):
      return "\(l): cannot read the date \"\(t)\"; write it as 2025-02-01, Feb 1 2025 or 1/2/2025 (with --day-first for day/month)"
    case .outputNotDataset(let path):
      return "\(path): exists and is not a tally dataset; choose another output directory or remove it"
    }
  }
}
