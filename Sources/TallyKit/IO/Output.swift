import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered byte writer to a file descriptor: output is gathered into large blocks so that a
/// run makes a few hundred `write(2)` calls, not one per figure.
///
/// With `direct`, full blocks go to the file with direct I/O (`O_DIRECT`, Linux): the disk
/// reads them from the writer's page-aligned buffer, where a buffered write first copies every
/// byte into the kernel's page cache. On this project's virtual machine that copy, into a page
/// cache that must be emptied as fast as it fills, cost 16.9 s of kernel time for 13 GB of I/O
/// against 1.3 s with direct writes (docs/benchmarks.md). The last, partial block is written
/// with direct I/O turned off, and a file system that refuses direct I/O (at `fcntl` or at the
/// first write) gets buffered writes: the bytes are the same either way. A direct write returns
/// only once the disk has the data, so full blocks go to a `BlockWriteQueue`, which writes them
/// on a thread of its own while the next block fills.
public final class ByteWriter {
  // One writer, one thread: `unchecked` spares the exclusivity checks on every write.
  @exclusivity(unchecked) private var buffer: UnsafeMutableRawBufferPointer
  @exclusivity(unchecked) private var count = 0
  @exclusivity(unchecked) private var direct: Bool
  /// How much is gathered before a write: a multiple of `alignment`. The buffer holds at least
  /// this, and grows past it only for a row that does not fit in what is left.
  private let block: Int
  /// Where full blocks go when writing directly.
  private let queue: BlockWriteQueue?
  private let fd: Int32
  /// The path written to, for messages (`-` for standard output).
  public let path: String

  /// The alignment direct I/O asks of the buffer, the length and the file offset (the page
  /// size; Linux asks at most the file system's block size).
  static let alignment = 4096

  init(fd: Int32, path: String, capacity: Int = 1 << 20, direct: Bool = false) {
    self.fd = fd
    self.path = path
    block = max(ByteWriter.alignment, capacity / ByteWriter.alignment * ByteWriter.alignment)
    buffer = .allocate(byteCount: block, alignment: ByteWriter.alignment)
    self.direct = direct && DirectIO.enable(fd)
    queue = self.direct ? BlockWriteQueue(fd: fd) : nil
  }

  deinit {
    queue?.finish()  // no block in flight when its memory goes
    buffer.deallocate()
  }

  /// A writer to standard output.
  public static func standardOutput() -> ByteWriter { ByteWriter(fd: 1, path: "-") }

  /// Waits for the blocks in flight (their failure, if any, is reported by `flush`).
  func waitForWrites() { queue?.finish() }

  /// Whether full blocks still go out with direct I/O (waits for the blocks in flight).
  var writesDirectly: Bool {
    guard direct, let queue else { return false }
    return queue.finish().direct
  }

  public func write(_ bytes: [UInt8]) throws(InputError) {
    try bytes.withUnsafeBufferPointer { p throws(InputError) in try write(UnsafeRawBufferPointer(p)) }
  }

  public func write(_ text: String) throws(InputError) {
    try write(Array(text.utf8))
  }

  public func write(_ bytes: UnsafeRawBufferPointer) throws(InputError) {
    if !direct && bytes.count >= min(block, 1 << 16) {
      // A large block goes out as it is, not copied first (direct I/O needs the aligned copy).
      try flush()
      try writeAll(bytes)
      return
    }
    var rest = bytes
    while !rest.isEmpty {
      try drain()  // below a block from here on
      let n = min(rest.count, block - count)
      (buffer.baseAddress! + count).copyMemory(from: rest.baseAddress!, byteCount: n)
      count += n
      rest = UnsafeRawBufferPointer(rebasing: rest[n...])
      try drain()
    }
  }

  /// Appends what `body` writes through a `RowWriter`, at most `bound` bytes, straight into
  /// the buffer (no copy through an array, no zeros written first), and returns the bytes
  /// written, valid until the next call. Writes nothing to the file: `drain()` does.
  @discardableResult
  func appendRow(bound: Int, _ body: (inout RowWriter) -> Void) -> UnsafeRawBufferPointer {
    if count + bound > buffer.count {
      let larger = UnsafeMutableRawBufferPointer.allocate(
        byteCount: (count + bound + block) / ByteWriter.alignment * ByteWriter.alignment, alignment: ByteWriter.alignment)
      larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: count)
      buffer.deallocate()
      buffer = larger
    }
    let start = (buffer.baseAddress! + count).assumingMemoryBound(to: UInt8.self)
    var w = RowWriter(at: start, count: bound)
    body(&w)
    let n = w.written(since: start)
    count += n
    return UnsafeRawBufferPointer(start: start, count: n)
  }

  /// Writes out what is gathered once it fills a block: with direct I/O all its whole pages,
  /// the rest (under a page) moved to the front for the next write.
  func drain() throws(InputError) {
    guard count >= block else { return }
    let n = direct ? count / ByteWriter.alignment * ByteWriter.alignment : count
    if direct, let queue {
      // The block goes to the queue's thread; the rest continues in a spare buffer.
      let next = queue.spare(atLeast: block)
      next.baseAddress!.copyMemory(from: buffer.baseAddress! + n, byteCount: count - n)
      queue.submit(buffer, count: n)
      buffer = next
      count -= n
      if let code = queue.failure { throw .unwritable(path: path, reason: systemErrorText(code)) }
      return
    }
    try writeAll(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
    buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + n, byteCount: count - n)
    count -= n
  }

  /// Waits for the blocks in flight; afterwards this thread writes (buffered, if the queue's
  /// writes fell back to that).
  private func settleQueue() throws(InputError) {
    guard let queue else { return }
    let state = queue.finish()
    if !state.direct { direct = false }
    if let code = state.failure { throw .unwritable(path: path, reason: systemErrorText(code)) }
  }

  /// Drops what is buffered and empties the file, to be written again from its start.
  public func rewind() throws(InputError) {
    try settleQueue()
    count = 0
    guard ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else {
      throw .unwritable(path: path, reason: systemErrorText())
    }
  }

  /// Writes out everything buffered so far. A partial block ends direct I/O for this writer.
  public func flush() throws(InputError) {
    try settleQueue()
    guard count > 0 else { return }
    if direct {
      DirectIO.disable(fd)
      direct = false
    }
    try writeAll(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    count = 0
  }

  private func writeAll(_ p: UnsafeRawBufferPointer) throws(InputError) {
    let code = writeFully(fd, p, direct: &direct)
    if code != 0 { throw .unwritable(path: path, reason: systemErrorText(code)) }
  }
}

/// Writes all of `p` to `fd`; 0, or the `errno` of the write that failed. With `direct`, a file
/// system that takes the flag but refuses the write, or a short write (a full disk) that
/// leaves the file offset unaligned, turns direct I/O off and the rest goes buffered (where
/// the error, if any, comes again).
private func writeFully(_ fd: Int32, _ p: UnsafeRawBufferPointer, direct: inout Bool) -> Int32 {
  var offset = 0
  while offset < p.count {
    let n = posixWrite(fd, p.baseAddress! + offset, p.count - offset)
    if n < 0 {
      if errno == EINTR { continue }
      if direct && errno == EINVAL {
        DirectIO.disable(fd)
        direct = false
        continue
      }
      return errno
    }
    offset += n
    if direct && offset < p.count && n % ByteWriter.alignment != 0 {
      DirectIO.disable(fd)
      direct = false
    }
  }
  return 0
}

/// Writes a `ByteWriter`'s full blocks, in order, on a thread of its own (a serial dispatch
/// queue), at most two at a time in flight: the writer goes on filling a spare buffer while
/// the disk takes the last. Measured on 1M figures, writing the blocks in line left the
/// program waiting 0.4 s of a 2.3 s run. The first failure is kept and reported by the writer
/// at its next block or at its flush.
final class BlockWriteQueue: @unchecked Sendable {
  /// A block of memory handed from one thread to the other (the lock orders the hand-over).
  private struct Block: @unchecked Sendable {
    let memory: UnsafeMutableRawBufferPointer
    let count: Int
  }

  private let fd: Int32
  private let queue = DispatchQueue(label: "tally.block-writes")
  private let inFlight = DispatchSemaphore(value: 2)
  private let lock = NSLockish()
  // Guarded by `lock`:
  private var spares: [UnsafeMutableRawBufferPointer] = []
  private var firstFailure: Int32 = 0
  private var stillDirect = true

  init(fd: Int32) { self.fd = fd }

  deinit {
    for b in spares { b.deallocate() }
  }

  /// The `errno` of the first write that failed, if one has.
  var failure: Int32? {
    lock.withLock { firstFailure == 0 ? nil : firstFailure }
  }

  /// A buffer of at least `size` bytes, page-aligned: one a finished write gave back, or a new
  /// one. Waits while two blocks are in flight.
  func spare(atLeast size: Int) -> UnsafeMutableRawBufferPointer {
    inFlight.wait()
    let reused: UnsafeMutableRawBufferPointer? = lock.withLock {
      guard let i = spares.firstIndex(where: { $0.count >= size }) else { return nil }
      return spares.remove(at: i)
    }
    return reused ?? .allocate(byteCount: size, alignment: ByteWriter.alignment)
  }

  /// Writes the first `count` bytes of `memory`, which the queue now owns (it becomes a spare).
  func submit(_ memory: UnsafeMutableRawBufferPointer, count: Int) {
    let block = Block(memory: memory, count: count)
    queue.async { [self] in
      // After a failure, nothing more is written: the writer reports it and the run ends.
      let (failed, wasDirect) = lock.withLock { (firstFailure != 0, stillDirect) }
      var direct = wasDirect
      let code = failed ? 0 : writeFully(fd, UnsafeRawBufferPointer(rebasing: block.memory[0..<block.count]), direct: &direct)
      lock.withLock {
        if firstFailure == 0 { firstFailure = code }
        if !direct { stillDirect = false }
        spares.append(block.memory)
      }
      inFlight.signal()
    }
  }

  /// Waits until every block submitted is written; whether the writes still use direct I/O,
  /// and the first failure.
  @discardableResult
  func finish() -> (direct: Bool, failure: Int32?) {
    queue.sync {}
    return lock.withLock { (stillDirect, firstFailure == 0 ? nil : firstFailure) }
  }
}

/// Direct I/O on Linux. Swift's Glibc module does not export `O_DIRECT` (a `_GNU_SOURCE`
/// name), so its value is spelled out per architecture (<asm-generic/fcntl.h>; arm64 has its own
/// in <asm/fcntl.h>); elsewhere, writes are buffered.
enum DirectIO {
  #if os(Linux) && arch(x86_64)
    static let flag: Int32? = 0o40000
  #elseif os(Linux) && arch(arm64)
    static let flag: Int32? = 0o200000
  #else
    static let flag: Int32? = nil
  #endif

  /// Turns direct I/O on for `fd`; false if this system or file system has none.
  static func enable(_ fd: Int32) -> Bool {
    guard let flag else { return false }
    let flags = fcntl(fd, F_GETFL)
    return flags >= 0 && fcntl(fd, F_SETFL, flags | flag) == 0
  }

  static func disable(_ fd: Int32) {
    guard let flag else { return }
    let flags = fcntl(fd, F_GETFL)
    if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~flag) }
  }
}

/// An output file that appears only when complete: bytes go to a temporary file beside the
/// target, which `commit()` renames into place. If the run fails, `discard()` (or
/// deinitialisation without a commit) removes the temporary file, so a reader never sees half
/// a file.
public final class AtomicFile {
  public let path: String
  let temporaryPath: String
  public let writer: ByteWriter
  private var finished = false

  /// With `direct`, the file is written with direct I/O where the system allows (see
  /// `ByteWriter`): for the large tables of a dataset.
  public init(path: String, direct: Bool = false) throws(InputError) {
    self.path = path
    var template = Array("\(path).tmp-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw .unwritable(path: path, reason: systemErrorText()) }
    temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    TemporaryOutputs.register(temporaryPath)
    // mkstemp creates the file 0600; a dataset file should be readable like any other output.
    let mask = umask(0)
    umask(mask)
    fchmod(fd, 0o666 & ~mask)
    writer = ByteWriter(fd: fd, path: path, direct: direct)
  }

  /// Flushes, closes and renames the temporary file into place.
  public func commit() throws(InputError) {
    guard !finished else { return }
    finished = true
    do {
      try writer.flush()
    } catch {
      unlink(temporaryPath)
      TemporaryOutputs.unregister(temporaryPath)
      throw error
    }
    closeDescriptor()
    try TemporaryOutputs.renameIntoPlace(temporaryPath, path)
  }

  /// Removes the temporary file; the target is left as it was.
  public func discard() {
    guard !finished else { return }
    finished = true
    closeDescriptor()
    unlink(temporaryPath)
    TemporaryOutputs.unregister(temporaryPath)
  }

  private var descriptorOpen = true
  private func closeDescriptor() {
    if descriptorOpen {
      // A block still being written must land before the descriptor closes: its number could
      // otherwise be reused by the next file opened, and the write go there.
      writer.waitForWrites()
      close(writer.descriptor)
      descriptorOpen = false
    }
  }

  deinit { discard() }
}

extension ByteWriter {
  var descriptor: Int32 { fd }
}

private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
  #if canImport(Darwin)
    return Darwin.write(fd, p, n)
  #elseif canImport(Musl)
    return Musl.write(fd, p, n)
  #else
    return Glibc.write(fd, p, n)
  #endif
}
