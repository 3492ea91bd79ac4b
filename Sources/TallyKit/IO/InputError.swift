import Foundation

/// Where in an input a problem was found: a file (or `-` for standard input), and where known
/// a 1-based line and column. Columns count Unicode scalars for text and fields for CSV.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, leaving out what is not known, as compilers print it.
  public var description: String {
    var text = file == "-" ? "<stdin>" : file
    if let line { text += ":\(line)" }
    if line != nil, let column { text += ":\(column)" }
    return text
  }
}

/// An error a researcher can act on: one line, naming the file, line and column where there is
/// one. Every module's error enum conforms, so the command line handles them in one place.
public protocol TallyError: LocalizedError, Sendable {
  /// Where the problem is; `nil` when it is not about one input (an unwritable output).
  var location: SourceLocation? { get }
}

/// Errors of the shared input and output layer: reading documents, manifests and JSON Lines, and
/// writing results. Every case carries the location it is about, so the message is one line a
/// researcher can act on.
public enum InputError: Error, Sendable, Equatable {
  /// A file could not be opened or read (missing, a directory, no permission).
  case unreadable(SourceLocation, reason: String)
  /// A file that must hold text holds none.
  case empty(SourceLocation)
  /// The bytes are not valid UTF-8; the location is the first bad byte.
  case invalidUTF8(SourceLocation)
  /// A JSON Lines line that is not a JSON object, or not well-formed JSON.
  case malformedJSON(SourceLocation, reason: String)
  /// A JSON Lines document without a required field (`id`, `text`).
  case missingField(SourceLocation, field: String)
  /// A field holding the wrong kind of value (for example a number where text is expected).
  case wrongType(SourceLocation, field: String, expected: String)
  /// A date field that is not an ISO 8601 calendar date (`YYYY-MM-DD`).
  case invalidDate(SourceLocation, field: String, value: String)
  /// A CSV file that is not well-formed (an unterminated quote, a stray quote).
  case malformedCSV(SourceLocation, reason: String)
  /// A CSV header that lacks a column the reader needs.
  case missingColumn(SourceLocation, column: String)
  /// A manifest row names a document file that does not exist.
  case missingDocument(SourceLocation, path: String)
  /// Two documents share one id, so figures could not be traced back to one of them.
  case duplicateID(SourceLocation, id: String)
  /// An output could not be written or moved into place.
  case unwritable(path: String, reason: String)

  /// Where the problem is; `nil` only for output errors.
  public var location: SourceLocation? {
    switch self {
    case .unreadable(let l, _), .empty(let l), .invalidUTF8(let l), .malformedJSON(let l, _),
      .missingField(let l, _), .wrongType(let l, _, _), .invalidDate(let l, _, _),
      .malformedCSV(let l, _), .missingColumn(let l, _), .missingDocument(let l, _),
      .duplicateID(let l, _):
      return l
    case .unwritable: return nil
    }
  }
}

extension InputError: TallyError {
  public var errorDescription: String? {
    switch self {
    case .unreadable(let l, let reason): return "\(l): cannot read: \(reason)"
    case .empty(let l): return "\(l): the file is empty; expected document text"
    case .invalidUTF8(let l):
      return "\(l): invalid UTF-8; re-save the file as UTF-8 (for example with iconv -t UTF-8)"
    case .malformedJSON(let l, let reason):
      return "\(l): not a JSON object: \(reason); each line must be one object such as {\"id\": \"a1\", \"text\": \"...\"}"
    case .missingField(let l, let field):
      return "\(l): the document has no \"\(field)\" field; every JSON Lines document needs \"id\" and \"text\""
    case .wrongType(let l, let field, let expected):
      return "\(l): field \"\(field)\" must be \(expected)"
    case .invalidDate(let l, let field, let value):
      return "\(l): \(field) \"\(value)\" is not a date; write it as YYYY-MM-DD"
    case .malformedCSV(let l, let reason): return "\(l): malformed CSV: \(reason)"
    case .missingColumn(let l, let column):
      return "\(l): the header has no \"\(column)\" column"
    case .missingDocument(let l, let path):
      return "\(l): the document file \"\(path)\" does not exist"
    case .duplicateID(let l, let id):
      return "\(l): document id \"\(id)\" is used twice; ids must be unique"
    case .unwritable(let path, let reason): return "\(path): cannot write: \(reason)"
    }
  }
}
