/// One CSV record with the 1-based line on which it starts.
public struct CSVRecord: Sendable {
  public var line: Int
  public var fields: [String]
}

/// An RFC 4180 CSV reader over bytes: quoted fields may hold commas, doubled quotes and line
/// breaks; `\r\n` and `\n` both end a record; a UTF-8 byte-order mark is skipped.
///
/// Hand-written because the Swift CSV packages on this machine read 7-14 MB/s against several
/// hundred here (measured for issue 3), and because errors must name the line.
public struct CSVReader {
  public let file: String

  public init(file: String) { self.file = file }

  public func records(_ bytes: [UInt8]) throws(InputError) -> [CSVRecord] {
    if let bad = UTF8Bytes.firstInvalidByte(bytes) {
      let (line, column) = UTF8Bytes.lineAndColumn(of: bad, in: bytes)
      throw .invalidUTF8(SourceLocation(file: file, line: line, column: column))
    }
    var records: [CSVRecord] = []
    var i = 0
    if bytes.starts(with: UTF8Bytes.byteOrderMark) { i = 3 }
    var line = 1
    let n = bytes.count
    while i < n {
      let recordLine = line
      var fields: [String] = []
      var field: [UInt8] = []
      var endOfRecord = false
      var quoted = false
      while !endOfRecord {
        field.removeAll(keepingCapacity: true)
        if i < n, bytes[i] == 0x22 {
          i += 1
          quoted = true
          var closed = false
          while i < n {
            let b = bytes[i]
            if b == 0x22 {
              if i + 1 < n, bytes[i + 1] == 0x22 {
                field.append(0x22)
                i += 2
                continue
              }
              i += 1
              closed = true
              break
            }
            if b == 0x0A { line += 1 }
            field.append(b)
            i += 1
          }
          if !closed {
            throw .malformedCSV(
              SourceLocation(file: file, line: recordLine, column: fields.count + 1),
              reason: "a quoted field is never closed")
          }
          if i < n, bytes[i] != 0x2C, bytes[i] != 0x0A, bytes[i] != 0x0D {
            throw .malformedCSV(
              SourceLocation(file: file, line: line, column: fields.count + 1),
              reason: "text after a closing quote")
          }
        } else {
          while i < n {
            let b = bytes[i]
            if b == 0x2C || b == 0x0A || b == 0x0D { break }
            if b == 0x22 {
              throw .malformedCSV(
                SourceLocation(file: file, line: line, column: fields.count + 1),
                reason: "a quote inside an unquoted field")
            }
            field.append(b)
            i += 1
          }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        if i >= n {
          endOfRecord = true
        } else if bytes[i] == 0x2C {
          i += 1
        } else {
          if bytes[i] == 0x0D { i += 1 }
          if i < n, bytes[i] == 0x0A { i += 1 }
          line += 1
          endOfRecord = true
        }
      }
      // A blank line is no record (but `""` is a record of one empty field).
      if !(fields.count == 1 && fields[0].isEmpty && !quoted) {
        records.append(CSVRecord(line: recordLine, fields: fields))
      }
    }
    return records
  }
}

/// Writes CSV as RFC 4180 asks: fields quoted only when they hold a comma, quote or line
/// break, quotes doubled, records ended by `\n`.
public enum CSVFormat {
  /// Appends a whole record and its `\n`. A record of one empty field is written `""`, as
  /// Python's csv module does: a bare empty line would read back as no record at all.
  public static func appendRecord<S: Sequence>(_ fields: S, to out: inout [UInt8])
  where S.Element: Collection, S.Element.Element == UInt8 {
    var count = 0
    var lastEmpty = false
    for field in fields {
      if count > 0 { out.append(0x2C) }
      appendField(field, to: &out)
      count += 1
      lastEmpty = field.isEmpty
    }
    if count == 1 && lastEmpty { out.append(contentsOf: [0x22, 0x22]) }
    out.append(0x0A)
  }

  /// Appends one field of bytes in memory: the bytes are checked eight at a time for the
  /// four that need quoting (the figures table's long text fields nearly never do), then
  /// copied at once.
  public static func appendField(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    guard let base = s.baseAddress, needsQuotes(base, count: s.count) else {
      return out.append(contentsOf: s)
    }
    out.appendRow(bound: 2 * s.count + 2) { $0.putQuoted(s) }
  }

  /// Whether bytes hold a comma, a quote or a line break.
  @inline(__always) static func needsQuotes(_ base: UnsafePointer<UInt8>, count n: Int) -> Bool {
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= n {
      let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      if swarMatches(x, 0x2C) | swarMatches(x, 0x22) | swarMatches(x, 0x0A) | swarMatches(x, 0x0D) != 0 { return true }
      i += 8
    }
    while i < n {
      let b = base[i]
      if b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { return true }
      i += 1
    }
    return false
  }

  public static func appendField<C: Collection>(_ s: C, to out: inout [UInt8])
  where C.Element == UInt8 {
    var needsQuotes = false
    for b in s where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
      needsQuotes = true
      break
    }
    if !needsQuotes {
      out.append(contentsOf: s)
      return
    }
    out.append(0x22)
    for b in s {
      if b == 0x22 { out.append(0x22) }
      out.append(b)
    }
    out.append(0x22)
  }
}
