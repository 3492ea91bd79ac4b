/// A stream of documents: JSON Lines records, a manifest's rows, or plain text files. Each
/// `next()` reads one document, so memory holds one document (or one batch) at a time.
public protocol DocumentSource {
  /// The next document, or `nil` at the end.
  mutating func next() throws(InputError) -> Document?
  /// The next document or, for sources that can defer it, the raw record a worker thread
  /// parses (so that parsing runs in parallel too).
  mutating func nextItem() throws(InputError) -> SourceItem?
  /// Whether an error from `nextItem()` is about one document, which a run may skip (a text
  /// file), rather than about the stream (an unreadable JSON Lines file).
  static var errorsAreDocuments: Bool { get }
}

extension DocumentSource {
  public static var errorsAreDocuments: Bool { false }

  public mutating func nextItem() throws(InputError) -> SourceItem? {
    try next().map(SourceItem.document)
  }
}

/// One item of a document stream.
public enum SourceItem: Sendable {
  case document(Document)
  /// A JSON Lines record not parsed yet, with where it was read.
  case jsonLine([UInt8], SourceLocation)

  /// Bytes it holds, for batching.
  var size: Int {
    switch self {
    case .document(let d): return d.text.count
    case .jsonLine(let line, _): return line.count
    }
  }
}

/// Parses a publication date: `YYYY-MM-DD`, or an ISO 8601 timestamp whose date part is that.
func parsePublished(_ text: String) -> CivilDate? {
  let t = text.trimmingSpaces
  if t.count > 10, let tIndex = t.firstIndex(of: "T"), t.distance(from: t.startIndex, to: tIndex) == 10 {
    return CivilDate(iso: String(t[..<tIndex]))
  }
  return CivilDate(iso: t)
}

/// Documents from JSON Lines: one object per line with `id` and `text`, and optionally
/// `published` (YYYY-MM-DD), `outlet` and `url`. Other fields are ignored. Blank lines are
/// skipped. `-` reads standard input, so `tally extract --jsonl -` is a streaming filter.
public struct JSONLinesDocuments: DocumentSource {
  let reader: LineReader
  private var sawAny = false

  public init(path: String) throws(InputError) {
    reader = try LineReader(path: path)
  }

  /// The next document, parsed straight from the reader's buffer.
  public mutating func next() throws(InputError) -> Document? {
    while let line = try reader.nextLine() {
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      sawAny = true
      return try JSONLinesDocuments.document(
        from: line, at: SourceLocation(file: reader.name, line: reader.lineNumber))
    }
    if !sawAny && reader.name != "-" {
      throw .empty(SourceLocation(file: reader.name))
    }
    return nil
  }

  /// The next non-blank line, unparsed.
  public mutating func nextItem() throws(InputError) -> SourceItem? {
    while let line = try reader.nextLine() {
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      sawAny = true
      return .jsonLine(Array(line), SourceLocation(file: reader.name, line: reader.lineNumber))
    }
    if !sawAny && reader.name != "-" {
      throw .empty(SourceLocation(file: reader.name))
    }
    return nil
  }

  /// Parses one JSON Lines record into a document; errors name the file, line and column.
  static func document(from line: ArraySlice<UInt8>, at location: SourceLocation) throws(InputError) -> Document {
    try UTF8Bytes.checkLine(line, at: location)
    let fields: [(key: String, value: JSONField)]
    do {
      fields = try JSONObjectParser().parse(line)
    } catch {
      let column = UTF8Bytes.lineAndColumn(of: error.offset, in: line).column
      throw .malformedJSON(
        SourceLocation(file: location.file, line: location.line, column: column), reason: error.reason)
    }
    func field(_ name: String) -> JSONField? { fields.first { $0.key == name }?.value }
    func optionalText(_ name: String) throws(InputError) -> String? {
      switch field(name) {
      case nil, .null?: return nil
      case .string(let b)?: return b.isEmpty ? nil : String(decoding: b, as: UTF8.self)
      default: throw .wrongType(location, field: name, expected: "a string")
      }
    }
    let id: String
    switch field("id") {
    case .string(let b)?:
      guard !b.isEmpty else { throw .missingField(location, field: "id") }
      id = String(decoding: b, as: UTF8.self)
    case .number(let n)?: id = formatNumber(n)
    case nil, .null?: throw .missingField(location, field: "id")
    default: throw .wrongType(location, field: "id", expected: "a string")
    }
    let text: [UInt8]
    switch field("text") {
    case .string(let b)?: text = b
    case nil, .null?: throw .missingField(location, field: "text")
    default: throw .wrongType(location, field: "text", expected: "a string")
    }
    try checkDocumentSize(text.count, location)
    var published: CivilDate? = nil
    if let p = try optionalText("published") {
      guard let d = parsePublished(p) else {
        throw .invalidDate(location, field: "published", value: p)
      }
      published = d
    }
    return Document(
      id: id, text: text, published: published, outlet: try optionalText("outlet"),
      url: try optionalText("url"), source: location)
  }
}

/// Token offsets are 32-bit: a single document of 2 GB or more is refused, not truncated.
func checkDocumentSize(_ count: Int, _ location: SourceLocation) throws(InputError) {
  if count >= Int(Int32.max) {
    throw .unreadable(location, reason: "a single document of 2 GB or more; split it into articles")
  }
}

/// Reads one text file as a document's text, checking that it is non-empty UTF-8.
func readDocumentText(_ path: String) throws(InputError) -> [UInt8] {
  let bytes = try readFileBytes(path)
  try checkDocumentSize(bytes.count, SourceLocation(file: path))
  if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
    throw .empty(SourceLocation(file: path))
  }
  if let bad = UTF8Bytes.firstInvalidByte(bytes) {
    let (line, column) = UTF8Bytes.lineAndColumn(of: bad, in: bytes)
    throw .invalidUTF8(SourceLocation(file: path, line: line, column: column))
  }
  return bytes
}

/// Documents listed in a manifest CSV with the columns `id`, `path`, `published`, `outlet`,
/// `url` (only `id` and `path` are required; paths are relative to the manifest's folder).
/// The whole manifest is checked before the first document is read, so a bad row fails the
/// run before any output is written.
public struct ManifestDocuments: DocumentSource {
  public static var errorsAreDocuments: Bool { true }
  struct Row {
    var id: String
    var path: String
    var published: CivilDate?
    var outlet: String?
    var url: String?
    var line: Int
  }
  let manifest: String
  let rows: [Row]
  var position = 0

  public init(manifest: String) throws(InputError) {
    self.manifest = manifest
    let bytes = try readFileBytes(manifest)
    let records = try CSVReader(file: manifest).records(bytes)
    guard let header = records.first else { throw .empty(SourceLocation(file: manifest)) }
    let names = header.fields.map { $0.trimmingSpaces.lowercased() }
    func column(_ name: String, required: Bool) throws(InputError) -> Int? {
      if let k = names.firstIndex(of: name) { return k }
      if required {
        throw .missingColumn(SourceLocation(file: manifest, line: header.line), column: name)
      }
      return nil
    }
    let idColumn = try column("id", required: true)!
    let pathColumn = try column("path", required: true)!
    let publishedColumn = try column("published", required: false)
    let outletColumn = try column("outlet", required: false)
    let urlColumn = try column("url", required: false)
    let folder = manifest.contains("/") ? String(manifest[..<manifest.lastIndex(of: "/")!]) : "."
    var rows: [Row] = []
    var seen = Set<String>()
    for r in records.dropFirst() {
      func field(_ k: Int?) -> String? {
        guard let k, k < r.fields.count else { return nil }
        let v = r.fields[k].trimmingSpaces
        return v.isEmpty ? nil : v
      }
      guard let id = field(idColumn) else {
        throw .missingField(SourceLocation(file: manifest, line: r.line, column: idColumn + 1), field: "id")
      }
      guard let path = field(pathColumn) else {
        throw .missingField(SourceLocation(file: manifest, line: r.line, column: pathColumn + 1), field: "path")
      }
      guard seen.insert(id).inserted else {
        throw .duplicateID(SourceLocation(file: manifest, line: r.line, column: idColumn + 1), id: id)
      }
      var published: CivilDate? = nil
      if let p = field(publishedColumn) {
        guard let d = parsePublished(p) else {
          throw .invalidDate(
            SourceLocation(file: manifest, line: r.line, column: publishedColumn! + 1),
            field: "published", value: p)
        }
        published = d
      }
      let full = path.hasPrefix("/") ? path : "\(folder)/\(path)"
      guard fileExists(full) else {
        throw .missingDocument(SourceLocation(file: manifest, line: r.line, column: pathColumn + 1), path: path)
      }
      rows.append(
        Row(id: id, path: full, published: published, outlet: field(outletColumn), url: field(urlColumn), line: r.line))
    }
    self.rows = rows
  }

  public mutating func next() throws(InputError) -> Document? {
    guard position < rows.count else { return nil }
    let r = rows[position]
    position += 1
    let text = try readDocumentText(r.path)
    return Document(
      id: r.id, text: text, published: r.published, outlet: r.outlet, url: r.url,
      source: SourceLocation(file: manifest, line: r.line))
  }
}

/// Plain text files with no manifest: the id is the file name without its extension and there
/// is no publication date (every figure then carries a warning).
public struct TextFileDocuments: DocumentSource {
  public static var errorsAreDocuments: Bool { true }
  let paths: [String]
  var position = 0

  public init(paths: [String]) { self.paths = paths }

  public mutating func next() throws(InputError) -> Document? {
    guard position < paths.count else { return nil }
    let path = paths[position]
    position += 1
    let text = try readDocumentText(path)
    var name = Substring(path)
    if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
    return Document(id: String(name), text: text, published: nil, source: SourceLocation(file: path))
  }
}
