#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An append-only temporary file of 32-bit numbers and byte strings, buffered in memory up to
/// a budget, read back in order.
///
/// The temporary files of `normalize` (figure ids, document counts, sorted runs) are all
/// written through it.
struct ScratchFile {
  let path: String
  private let budget: Int
  private var buffer: [UInt8] = []
  /// The file, once something was written to it.
  private(set) var fd: Int32 = -1
  /// Bytes on disk (the rest is still in `buffer`).
  private(set) var size = 0

  init(path: String, budget: Int) {
    self.path = path
    self.budget = max(1 << 10, budget)
  }

  mutating func append(_ v: UInt32) throws(InputError) {
    withUnsafeBytes(of: v.littleEndian) { buffer.append(contentsOf: $0) }
    if buffer.count >= budget { try spill() }
  }

  mutating func append<C: Collection>(bytes: C) throws(InputError) where C.Element == UInt8 {
    buffer.append(contentsOf: bytes)
    if buffer.count >= budget { try spill() }
  }

  /// Appends the first `count` bytes of `header` (as laid out in memory) and then `bytes`, as
  /// one record.
  mutating func append(header: UInt64, count: Int, bytes: UnsafeBufferPointer<UInt8>) throws(InputError) {
    withUnsafeBytes(of: header) { h in
      buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: h[0..<count]))
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= budget { try spill() }
  }

  /// Writes what is buffered to the file.
  mutating func spill() throws(InputError) {
    if fd < 0 {
      fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
      guard fd >= 0 else { throw .unwritable(path: path, reason: systemErrorText()) }
    }
    guard !buffer.isEmpty else { return }
    var written = 0
    while written < buffer.count {
      let n = buffer.withUnsafeBytes { pwrite(fd, $0.baseAddress! + written, $0.count - written, off_t(size + written)) }
      guard n > 0 else { throw .unwritable(path: path, reason: systemErrorText()) }
      written += n
    }
    size += buffer.count
    buffer.removeAll(keepingCapacity: true)
  }

  /// Runs `scan` over the bytes written, on disk then in memory, a block at a time: `scan`
  /// returns how many bytes it used (whole records); the rest comes again with the next block.
  func scan(_ scan: (UnsafeRawBufferPointer) -> Int) throws(InputError) {
    var carry: [UInt8] = []
    if fd >= 0 {
      var block = [UInt8](repeating: 0, count: 4 << 20)
      var position: off_t = 0
      while position < size {
        let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, min($0.count, size - Int(position)), position) }
        // Our own file cut short or unreadable: an error, never ids silently missing.
        guard n > 0 else { throw .unreadable(SourceLocation(file: path), reason: n < 0 ? systemErrorText() : "ends early") }
        position += off_t(n)
        carry.append(contentsOf: block[0..<n])
        let used = carry.withUnsafeBytes { scan($0) }
        carry.removeFirst(used)
      }
    }
    if carry.isEmpty {
      _ = buffer.withUnsafeBytes { scan($0) }
    } else {
      carry.append(contentsOf: buffer)
      _ = carry.withUnsafeBytes { scan($0) }
    }
  }

  /// Reads the file (then what is still in memory) from the start; with `range`, only those
  /// bytes of the file on disk.
  func makeReader(range: Range<Int>? = nil) -> Reader { Reader(file: self, range: range) }

  struct Reader {
    let file: ScratchFile
    private var block: [UInt8] = []
    private var cursor = 0
    private var position: Int
    private let end: Int
    /// Whether the bytes still in memory were read (or are not wanted).
    private var inMemory: Bool

    init(file: ScratchFile, range: Range<Int>?) {
      self.file = file
      position = range?.lowerBound ?? 0
      end = range?.upperBound ?? file.size
      inMemory = range != nil
    }

    /// Makes `n` bytes available at `cursor`; false at the end.
    private mutating func fill(_ n: Int) throws(InputError) -> Bool {
      while block.count - cursor < n {
        block.removeFirst(cursor)
        cursor = 0
        if position < end {
          var chunk = [UInt8](repeating: 0, count: min(1 << 18, end - position))
          let got = chunk.withUnsafeMutableBytes { pread(file.fd, $0.baseAddress!, $0.count, off_t(position)) }
          // Our own file cut short or unreadable: an error, never records silently missing.
          guard got > 0 else {
            throw .unreadable(SourceLocation(file: file.path), reason: got < 0 ? systemErrorText() : "ends early")
          }
          block.append(contentsOf: chunk[0..<got])
          position += got
        } else if !inMemory {
          inMemory = true
          block.append(contentsOf: file.buffer)
        } else {
          return false
        }
      }
      return true
    }

    mutating func number() throws(InputError) -> UInt32? {
      guard try fill(4) else { return nil }
      let v = block.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: cursor, as: UInt32.self)) }
      cursor += 4
      return v
    }

    mutating func bytes(_ n: Int) throws(InputError) -> [UInt8]? {
      guard try fill(n) else { return nil }
      defer { cursor += n }
      return Array(block[cursor..<(cursor + n)])
    }

    /// The next (byte string, number) entry, as the unlisted documents are kept.
    mutating func entry() throws(InputError) -> (id: [UInt8], figures: UInt32)? {
      guard let n = try number(), let id = try bytes(Int(n)), let figures = try number() else { return nil }
      return (id, figures)
    }

    /// The next record of `fields` numbers.
    mutating func next(fields: Int) throws(InputError) -> [UInt32]? {
      var r: [UInt32] = []
      for _ in 0..<fields {
        guard let v = try number() else { return nil }
        r.append(v)
      }
      return r
    }
  }

  /// Calls `body` with each record of `fields` numbers.
  func forEachRecord(fields: Int, _ body: ([UInt32]) -> Void) throws(InputError) {
    var reader = makeReader()
    while let r = try reader.next(fields: fields) { body(r) }
  }

  mutating func remove() {
    if fd >= 0 {
      close(fd)
      unlink(path)
      fd = -1
    }
    size = 0
    buffer = []
  }
}
