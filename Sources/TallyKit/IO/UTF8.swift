/// UTF-8 checks on raw bytes. Documents stay as UTF-8 bytes from input to output; these
/// functions validate them and translate byte offsets into the code point offsets that the
/// codebook's records use (Python's `str` indexes).
public enum UTF8Bytes {
  /// The UTF-8 byte-order mark, which some tools write at the start of a file.
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The offset of the first byte that is not part of valid UTF-8, or `nil` when all is valid.
  /// Rejects overlong forms, surrogates and code points above U+10FFFF, as Python does.
  public static func firstInvalidByte<C: RandomAccessCollection>(_ bytes: C) -> Int?
  where C.Element == UInt8, C.Index == Int {
    var i = bytes.startIndex
    let end = bytes.endIndex
    // ASCII fast path: skip eight bytes at a time while none has its high bit set.
    let skipped: Int? = bytes.withContiguousStorageIfAvailable { p -> Int in
      var k = 0
      guard p.count >= 8, let base = p.baseAddress else { return 0 }
      let raw = UnsafeRawPointer(base)
      while k + 8 <= p.count {
        if raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
        k += 8
      }
      return k
    }
    i += skipped ?? 0
    while i < end {
      let b0 = bytes[i]
      if b0 < 0x80 {
        i += 1
        continue
      }
      let need: Int
      var lowerBound: UInt8 = 0x80
      var upperBound: UInt8 = 0xBF
      switch b0 {
      case 0xC2...0xDF: need = 1
      case 0xE0:
        need = 2
        lowerBound = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED:
        need = 2
        upperBound = 0x9F
      case 0xF0:
        need = 3
        lowerBound = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4:
        need = 3
        upperBound = 0x8F
      default: return i - bytes.startIndex
      }
      if i + need >= end { return i - bytes.startIndex }
      let b1 = bytes[i + 1]
      if b1 < lowerBound || b1 > upperBound { return i - bytes.startIndex }
      var k = 2
      while k <= need {
        if bytes[i + k] & 0xC0 != 0x80 { return i - bytes.startIndex }
        k += 1
      }
      i += need + 1
    }
    return nil
  }

  /// Throws `invalidUTF8` at the first byte of `line` (one line of a file, at `location`) that
  /// is not valid UTF-8, its column counted in code points.
  static func checkLine(_ line: ArraySlice<UInt8>, at location: SourceLocation) throws(InputError) {
    guard let bad = firstInvalidByte(line) else { return }
    let column = lineAndColumn(of: bad, in: line).column
    throw .invalidUTF8(SourceLocation(file: location.file, line: location.line, column: column))
  }

  /// The 1-based line and column (in code points) of byte `offset`.
  public static func lineAndColumn<C: RandomAccessCollection>(of offset: Int, in bytes: C) -> (
    line: Int, column: Int
  ) where C.Element == UInt8, C.Index == Int {
    var line = 1
    var column = 1
    var i = bytes.startIndex
    let stop = bytes.startIndex + offset
    while i < stop {
      let b = bytes[i]
      if b == 10 {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return (line, column)
  }

  /// Number of code points in `bytes[from..<to]` (counts bytes that do not continue a sequence).
  @inline(__always)
  public static func codePointCount(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int
  {
    var n = 0
    var i = from
    // Eight ASCII bytes at a time: each is one code point.
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while i + 8 <= to,
        raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        n &+= 8
        i += 8
      }
    }
    while i < to {
      n &+= (bytes[i] & 0xC0 != 0x80) ? 1 : 0
      i += 1
    }
    return n
  }
}

/// `bytes` without a leading UTF-8 byte-order mark.
func withoutByteOrderMark(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
  bytes.starts(with: UTF8Bytes.byteOrderMark) ? bytes.dropFirst(3) : bytes
}
