import Foundation

/// Errors of the statistics commands (series, stats, compare, plot): a dataset that cannot be
/// read, a reference series that cannot be parsed, a request that makes no sense.
public enum StatisticsError: TallyError, Equatable {
  /// Reading or writing failed in the shared I/O layer.
  case input(InputError)
  /// The dataset directory lacks a table the command needs.
  case missingTable(directory: String, table: String)
  /// A table row that cannot be read (a wrong number of fields, a missing required cell).
  case malformedRow(SourceLocation, reason: String)
  /// A date cell that is not a date.
  case invalidDate(SourceLocation, column: String, value: String)
  /// A number cell that is not a number.
  case invalidNumber(SourceLocation, column: String, value: String)
  /// A reference file that is neither the JSON series format nor a CSV with the named columns.
  case invalidReference(SourceLocation, reason: String)

  public var location: SourceLocation? {
    switch self {
    case .input(let e): return e.location
    case .missingTable(let d, _): return SourceLocation(file: d)
    case .malformedRow(let l, _), .invalidDate(let l, _, _), .invalidNumber(let l, _, _),
      .invalidReference(let l, _):
      return l
    }
  }

  public var errorDescription: String? {
    switch self {
    case .input(let e): return e.errorDescription
    case .missingTable(let d, let t):
      return "\(d): the dataset has no \(t).csv; make it with tally normalize -o \(d)"
    case .malformedRow(let l, let reason): return "\(l): \(reason)"
    case .invalidDate(let l, let c, let v):
      return "\(l): \(c) \"\(v)\" is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY where a month or year is meant)"
    case .invalidNumber(let l, let c, let v):
      return "\(l): \(c) \"\(v)\" is not a number; write digits without thousands separators"
    case .invalidReference(let l, let reason): return "\(l): \(reason)"
    }
  }
}
