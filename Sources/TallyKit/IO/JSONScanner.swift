/// The kind of a JSON value found by `JSONRecordScanner`.
public enum JSONTokenKind: UInt8, Sendable {
  case string, number, null, boolean, array, object
}

/// One member of a JSON object: where its key and its value's token lie in the line.
/// `key` excludes the quotes; `value` is the whole token (quotes, brackets included).
public struct JSONMember: Sendable {
  public var key: Range<Int>
  public var keyHasEscape: Bool
  public var value: Range<Int>
  public var kind: JSONTokenKind
  /// For a string: whether it holds an escape sequence (so its bytes are not its text).
  public var hasEscape: Bool
}

/// Validates one JSON object and reports its top-level members as byte ranges, without
/// building a `String` or an array per value.
///
/// Hand-written for `normalize`, whose target is a million figure records a second on one
/// core: the general parser (`JSONObjectParser`) builds every value, while a figure record
/// is mostly copied through as it is. The input must already be valid UTF-8.
public struct JSONRecordScanner {
  public init() {}

  /// The members of the object on `line`, in order; a `JSONObjectParser.Failure` names the
  /// byte offset (from the start of the line) of the first problem.
  public func members(
    _ line: UnsafeBufferPointer<UInt8>, into out: inout [JSONMember]
  ) throws(JSONObjectParser.Failure) {
    out.removeAll(keepingCapacity: true)
    var c = ScanCursor(p: line)
    c.skipSpace()
    guard c.i < c.n, c.p[c.i] == UInt8(ascii: "{") else { throw c.fail("expected {") }
    c.i += 1
    c.skipSpace()
    if c.i < c.n, c.p[c.i] == UInt8(ascii: "}") {
      c.i += 1
    } else {
      while true {
        c.skipSpace()
        guard c.i < c.n, c.p[c.i] == 0x22 else { throw c.fail("expected a quoted key") }
        let keyStart = c.i + 1
        let keyEscaped = try c.string()
        let key = keyStart..<(c.i - 1)
        c.skipSpace()
        guard c.i < c.n, c.p[c.i] == UInt8(ascii: ":") else { throw c.fail("expected : after a key") }
        c.i += 1
        c.skipSpace()
        let valueStart = c.i
        let (kind, escaped) = try c.value(depth: 0)
        out.append(
          JSONMember(
            key: key, keyHasEscape: keyEscaped, value: valueStart..<c.i, kind: kind,
            hasEscape: escaped))
        c.skipSpace()
        guard c.i < c.n else { throw c.fail("the object is not closed") }
        if c.p[c.i] == UInt8(ascii: ",") {
          c.i += 1
          continue
        }
        if c.p[c.i] == UInt8(ascii: "}") {
          c.i += 1
          break
        }
        throw c.fail("expected , or }")
      }
    }
    c.skipSpace()
    if c.i < c.n { throw c.fail("text after the object") }
  }
}

private struct ScanCursor {
  let p: UnsafeBufferPointer<UInt8>
  var i = 0
  var n: Int { p.count }

  init(p: UnsafeBufferPointer<UInt8>) { self.p = p }

  func fail(_ reason: String) -> JSONObjectParser.Failure {
    JSONObjectParser.Failure(offset: i, reason: reason)
  }

  @inline(__always) mutating func skipSpace() {
    while i < n {
      let b = p[i]
      guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
      i += 1
    }
  }

  /// Validates a string starting at its opening quote; leaves `i` after the closing quote.
  /// Returns whether it holds an escape.
  mutating func string() throws(JSONObjectParser.Failure) -> Bool {
    let open = i
    i += 1
    let base = p.baseAddress!
    while true {
      i = skipPlainJSONStringBytes(base, from: i, count: n)
      guard i < n else { throw fail("a string is not closed") }
      let b = p[i]
      if b == 0x22 {
        i += 1
        return false
      }
      if b < 0x20 { throw fail("a control character inside a string; write it as an escape") }
      if b == 0x5C {
        // Escapes are rare: the parser reads the string, so \u escapes and surrogate pairs
        // follow the same rules in every JSON input tally reads.
        var c = JSONCursor(bytes: p)
        c.i = open
        _ = try c.string()
        i = c.i
        return true
      }
      i += 1
    }
  }

  mutating func value(depth: Int) throws(JSONObjectParser.Failure) -> (JSONTokenKind, Bool) {
    guard depth < 64 else { throw fail("nested more than 64 levels deep") }
    guard i < n else { throw fail("expected a value") }
    switch p[i] {
    case 0x22: return (.string, try string())
    case UInt8(ascii: "n"):
      try literal("null")
      return (.null, false)
    case UInt8(ascii: "t"):
      try literal("true")
      return (.boolean, false)
    case UInt8(ascii: "f"):
      try literal("false")
      return (.boolean, false)
    case UInt8(ascii: "["):
      i += 1
      skipSpace()
      if i < n, p[i] == UInt8(ascii: "]") {
        i += 1
        return (.array, false)
      }
      while true {
        skipSpace()
        _ = try value(depth: depth + 1)
        skipSpace()
        guard i < n else { throw fail("an array is not closed") }
        if p[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        if p[i] == UInt8(ascii: "]") {
          i += 1
          return (.array, false)
        }
        throw fail("expected , or ] in an array")
      }
    case UInt8(ascii: "{"):
      i += 1
      skipSpace()
      if i < n, p[i] == UInt8(ascii: "}") {
        i += 1
        return (.object, false)
      }
      while true {
        skipSpace()
        guard i < n, p[i] == 0x22 else { throw fail("expected a quoted key") }
        _ = try string()
        skipSpace()
        guard i < n, p[i] == UInt8(ascii: ":") else { throw fail("expected : after a key") }
        i += 1
        skipSpace()
        _ = try value(depth: depth + 1)
        skipSpace()
        guard i < n else { throw fail("an object is not closed") }
        if p[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        if p[i] == UInt8(ascii: "}") {
          i += 1
          return (.object, false)
        }
        throw fail("expected , or } in an object")
      }
    case UInt8(ascii: "-"), 0x30...0x39:
      try number()
      return (.number, false)
    default: throw fail("expected a value")
    }
  }

  mutating func literal(_ word: StaticString) throws(JSONObjectParser.Failure) {
    let count = word.utf8CodeUnitCount
    guard i + count <= n, memcmp(p.baseAddress! + i, word.utf8Start, count) == 0 else {
      throw fail("expected a value")
    }
    i += count
  }

  /// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  mutating func number() throws(JSONObjectParser.Failure) {
    if p[i] == UInt8(ascii: "-") { i += 1 }
    func digits(_ c: inout ScanCursor) -> Int {
      let s = c.i
      while c.i < c.n, c.p[c.i] >= 0x30, c.p[c.i] <= 0x39 { c.i += 1 }
      return c.i - s
    }
    guard i < n, p[i] >= 0x30, p[i] <= 0x39 else { throw fail("a malformed number") }
    if p[i] == 0x30 {
      i += 1
    } else {
      _ = digits(&self)
    }
    if i < n, p[i] == UInt8(ascii: ".") {
      i += 1
      guard digits(&self) > 0 else { throw fail("a malformed number") }
    }
    if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
      guard digits(&self) > 0 else { throw fail("a malformed number") }
    }
    if i < n, (p[i] >= 0x30 && p[i] <= 0x39) || p[i] == UInt8(ascii: ".") {
      throw fail("a malformed number")
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
