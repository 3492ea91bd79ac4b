#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// Byte-level file I/O on POSIX descriptors. Foundation's FileHandle allocates a Data per read
// and cannot tell a short read from end of file cheaply; these few functions are all the
// toolkit needs and keep every buffer under our control.

/// Reads a whole file into memory.
public func readFileBytes(_ path: String) throws(InputError) -> [UInt8] {
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else {
    throw .unreadable(SourceLocation(file: path), reason: systemErrorText())
  }
  defer { close(fd) }
  var st = stat()
  if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
    throw .unreadable(SourceLocation(file: path), reason: "it is a directory")
  }
  var bytes: [UInt8] = []
  bytes.reserveCapacity(max(0, Int(st.st_size)))
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if n < 0 {
      if errno == EINTR { continue }
      throw .unreadable(SourceLocation(file: path), reason: systemErrorText())
    }
    if n == 0 { break }
    bytes.append(contentsOf: chunk[0..<n])
  }
  return bytes
}

/// Whether a regular file (or anything that is not a directory) exists at `path`.
public func fileExists(_ path: String) -> Bool {
  var st = stat()
  return stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR
}

/// Eight bytes at a time (SWAR): `x` is eight bytes loaded as one integer; the result is non-zero
/// exactly when one of them equals `b` (its high bits mark the first such byte and perhaps
/// later ones). Used to skip runs of ordinary bytes in JSON strings and CSV fields.
@inline(__always) func swarMatches(_ x: UInt64, _ b: UInt8) -> UInt64 {
  let y = x ^ (swarOnes &* UInt64(b))
  return (y &- swarOnes) & ~y & swarHighBits
}

/// The byte 0x01 and the byte 0x80 in every position of a 64-bit word.
let swarOnes: UInt64 = 0x0101_0101_0101_0101
let swarHighBits: UInt64 = 0x8080_8080_8080_8080

/// The system's message for error `code` (by default the last call's, `errno`).
func systemErrorText(_ code: Int32 = errno) -> String {
  String(cString: strerror(code))
}

/// Reads lines (separated by `\n`, with a trailing `\r` removed) from a file descriptor in
/// large blocks. A line may be any length: a 50 MB document on one line is one line.
public final class LineReader {
  private let fd: Int32
  private let ownsDescriptor: Bool
  // `unchecked`: read for every line, and private to this single-threaded reader (a class's
  // arrays otherwise pay a dynamic exclusivity check on each access).
  @exclusivity(unchecked) private var buffer: [UInt8]
  @exclusivity(unchecked) private var start = 0
  @exclusivity(unchecked) private var end = 0
  @exclusivity(unchecked) private var atEOF = false
  public let name: String
  /// The 1-based number of the line most recently returned.
  @exclusivity(unchecked) public private(set) var lineNumber = 0
  /// Bytes of the input returned so far, line breaks included.
  @exclusivity(unchecked) public private(set) var bytesRead = 0
  /// Whether the line most recently returned ended with `\r\n` rather than `\n`.
  @exclusivity(unchecked) public private(set) var lastBreakHadCR = false

  /// Appends the line break that ended the line most recently returned, as it was in the input:
  /// for a record that goes on past a line break inside a quoted CSV field, whose text keeps
  /// the break it was written with.
  public func appendLastBreak(to bytes: inout [UInt8]) {
    if lastBreakHadCR { bytes.append(0x0D) }
    bytes.append(0x0A)
  }

  /// Opens `path` for reading; `-` reads standard input.
  public init(path: String, blockSize: Int = 1 << 20) throws(InputError) {
    name = path
    if path == "-" {
      fd = 0
      ownsDescriptor = false
    } else {
      let d = open(path, O_RDONLY)
      guard d >= 0 else { throw .unreadable(SourceLocation(file: path), reason: systemErrorText()) }
      var st = stat()
      if fstat(d, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
        close(d)
        throw .unreadable(SourceLocation(file: path), reason: "it is a directory")
      }
      fd = d
      ownsDescriptor = true
    }
    buffer = [UInt8](repeating: 0, count: blockSize)
  }

  deinit { if ownsDescriptor { close(fd) } }

  /// The next line without its terminator, or `nil` at end of input.
  public func nextLine() throws(InputError) -> ArraySlice<UInt8>? {
    var scanFrom = start
    while true {
      if let nl = findNewline(from: scanFrom) {
        lastBreakHadCR = nl > start && buffer[nl - 1] == 13
        let lineEnd = lastBreakHadCR ? nl - 1 : nl
        let line = buffer[start..<lineEnd]
        bytesRead += nl + 1 - start
        start = nl + 1
        lineNumber += 1
        return line
      }
      if atEOF {
        if start == end { return nil }
        lastBreakHadCR = buffer[end - 1] == 13
        let lineEnd = lastBreakHadCR ? end - 1 : end
        let line = buffer[start..<lineEnd]
        bytesRead += end - start
        start = end
        lineNumber += 1
        return line
      }
      // `fill` may move the pending bytes to the front; resume after the part already scanned.
      let scanned = end - start
      try fill()
      scanFrom = start + scanned
    }
  }

  private func findNewline(from: Int) -> Int? {
    guard from < end else { return nil }
    return buffer.withUnsafeBufferPointer { p -> Int? in
      guard let base = p.baseAddress else { return nil }
      guard let hit = memchr(base + from, 10, end - from) else { return nil }
      return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// Moves pending bytes to the front, grows the buffer when a line fills it, and reads more.
  private func fill() throws(InputError) {
    let pending = end - start
    if start > 0 {
      if pending > 0 {
        buffer.withUnsafeMutableBytes { p in
          let base = p.baseAddress!
          memmove(base, base + start, pending)
        }
      }
      start = 0
      end = pending
    }
    if end == buffer.count {
      buffer.append(contentsOf: repeatElement(0, count: buffer.count))
    }
    while true {
      let n = buffer.withUnsafeMutableBytes { p in
        read(fd, p.baseAddress! + end, p.count - end)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw .unreadable(SourceLocation(file: name), reason: systemErrorText())
      }
      if n == 0 { atEOF = true } else { end += n }
      return
    }
  }
}

extension Array where Element == UInt8 {
  /// Appends what `body` writes through a `RowWriter` into `bound` bytes made for it at once:
  /// one capacity check and one count update per row, where appending a field at a time cost
  /// a tenth of a normalize run in the array's checks (measured for issue 3). Writing past
  /// `bound` bytes stops the program (the writer checks each write) rather than corrupting
  /// memory.
  mutating func appendRow(bound: Int, _ body: (inout RowWriter) -> Void) {
    let start = count
    if bound <= zeroBytes.count {
      // Copied from a block of zeros (a memcpy), not written a byte at a time.
      append(contentsOf: UnsafeBufferPointer(rebasing: zeroBytes[0..<bound]))
    } else {
      append(contentsOf: repeatElement(0, count: bound))
    }
    let written = withUnsafeMutableBufferPointer { o -> Int in
      var w = RowWriter(at: o.baseAddress! + start, count: bound)
      body(&w)
      return w.written(since: o.baseAddress! + start)
    }
    removeSubrange((start + written)...)
  }
}

/// 64 KB of zeros for `appendRow`, kept for the life of the process.
private nonisolated(unsafe) let zeroBytes: UnsafeBufferPointer<UInt8> = {
  let p = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 16)
  p.initialize(repeating: 0)
  return UnsafeBufferPointer(p)
}()

/// Writes bytes through a pointer into space already made for them, checking each write
/// against the space's end.
struct RowWriter {
  private var p: UnsafeMutablePointer<UInt8>
  private let end: UnsafeMutablePointer<UInt8>

  init(at p: UnsafeMutablePointer<UInt8>, count: Int) {
    self.p = p
    end = p + count
  }

  @inline(__always) mutating func put(_ b: UInt8) {
    precondition(p < end, "a row longer than the space made for it")
    p.pointee = b
    p += 1
  }

  @inline(__always) mutating func put(_ b: UnsafeBufferPointer<UInt8>) {
    guard let base = b.baseAddress else { return }
    precondition(b.count <= p.distance(to: end), "a row longer than the space made for it")
    p.update(from: base, count: b.count)
    p += b.count
  }

  /// A CSV field: quoted, with its quotes doubled, when it holds a comma, a quote or a line
  /// break (at most twice its length plus two).
  @inline(__always) mutating func putField(_ s: UnsafeBufferPointer<UInt8>) {
    guard let base = s.baseAddress, CSVFormat.needsQuotes(base, count: s.count) else { return put(s) }
    putQuoted(s)
  }

  /// A CSV field in quotes, its quotes doubled: the runs between quotes copied whole (a
  /// sentence with a comma is common, a quote inside one rare).
  mutating func putQuoted(_ s: UnsafeBufferPointer<UInt8>) {
    put(0x22)
    defer { put(0x22) }
    guard let base = s.baseAddress else { return }
    var from = 0
    while let q = memchr(base + from, 0x22, s.count - from) {
      let at = base.distance(to: q.assumingMemoryBound(to: UInt8.self))
      put(UnsafeBufferPointer(start: base + from, count: at + 1 - from))
      put(0x22)
      from = at + 1
    }
    put(UnsafeBufferPointer(start: base + from, count: s.count - from))
  }

  func written(since start: UnsafeMutablePointer<UInt8>) -> Int { start.distance(to: p) }
}
