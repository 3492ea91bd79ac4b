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
    i += 1
    var escaped = false
    let base = p.baseAddress!
    while true {
      // Eight bytes at a time while none is a quote, a backslash or a control character.
      while i + 8 <= n {
        let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (ones &* 0x22)
        let slash = w ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & high
        let hasSlash = (slash &- ones) & ~slash & high
        let hasControl = (w &- (ones &* 0x20)) & ~w & high
        if hasQuote | hasSlash | hasControl != 0 { break }
        i += 8
      }
      guard i < n else { throw fail("a string is not closed") }
      let b = p[i]
      if b == 0x22 {
        i += 1
        return escaped
      }
      if b < 0x20 { throw fail("a control character inside a string; write it as an escape") }
      if b == 0x5C {
        escaped = true
        guard i + 1 < n else { throw fail("a string is not closed") }
        switch p[i + 1] {
        case 0x22, 0x5C, 0x2F, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
          UInt8(ascii: "r"), UInt8(ascii: "t"):
          i += 2
        case UInt8(ascii: "u"):
          guard i + 6 <= n else { throw fail("a \\u escape needs four hex digits") }
          for k in (i + 2)..<(i + 6) where !isHex(p[k]) {
            throw fail("a \\u escape needs four hex digits")
          }
          i += 6
        default: throw fail("an unknown escape in a string")
        }
        continue
      }
      i += 1
    }
  }

  @inline(__always) func isHex(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66)
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

/// Decodes the text of a JSON string token (quotes included, already validated).
public func decodeJSONString(_ token: UnsafeBufferPointer<UInt8>) -> [UInt8] {
  var out: [UInt8] = []
  out.reserveCapacity(token.count)
  var i = 1
  let end = token.count - 1
  while i < end {
    let b = token[i]
    if b != 0x5C {
      out.append(b)
      i += 1
      continue
    }
    let e = token[i + 1]
    switch e {
    case UInt8(ascii: "b"): out.append(0x08)
    case UInt8(ascii: "f"): out.append(0x0C)
    case UInt8(ascii: "n"): out.append(0x0A)
    case UInt8(ascii: "r"): out.append(0x0D)
    case UInt8(ascii: "t"): out.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = hexValue(token, i + 2)
      i += 6
      // A surrogate pair: a high surrogate followed by \u and a low one.
      if scalar >= 0xD800 && scalar < 0xDC00, i + 6 <= end, token[i] == 0x5C,
        token[i + 1] == UInt8(ascii: "u")
      {
        let low = hexValue(token, i + 2)
        if low >= 0xDC00 && low < 0xE000 {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
      }
      // A lone surrogate cannot be UTF-8: it becomes U+FFFD, as decoders do.
      if scalar >= 0xD800 && scalar < 0xE000 { scalar = 0xFFFD }
      appendUTF8(scalar, to: &out)
      continue
    default: out.append(e)  // \" \\ \/
    }
    i += 2
  }
  return out
}

private func hexValue(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
  var v: UInt32 = 0
  for k in at..<(at + 4) {
    let b = p[k]
    let d: UInt32 =
      b <= 0x39 ? UInt32(b - 0x30) : UInt32((b | 0x20) - UInt8(ascii: "a") + 10)
    v = v << 4 | d
  }
  return v
}
