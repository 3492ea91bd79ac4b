#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered byte writer to a file descriptor: output is gathered into large blocks so that a
/// run makes a few hundred `write(2)` calls, not one per figure.
public final class ByteWriter {
  @exclusivity(unchecked) private var buffer: [UInt8] = []  // one writer, one thread
  private let fd: Int32
  private let capacity: Int
  /// The path written to, for messages (`-` for standard output).
  public let path: String

  init(fd: Int32, path: String, capacity: Int = 1 << 20) {
    self.fd = fd
    self.path = path
    self.capacity = capacity
    buffer.reserveCapacity(capacity)
  }

  /// A writer to standard output.
  public static func standardOutput() -> ByteWriter { ByteWriter(fd: 1, path: "-") }

  public func write(_ bytes: [UInt8]) throws(InputError) {
    if bytes.count >= min(capacity, 1 << 16) {
      // A large block goes out as it is, not copied first.
      try flush()
      try bytes.withUnsafeBufferPointer { p throws(InputError) in try writeAll(UnsafeRawBufferPointer(p)) }
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { try flush() }
  }

  public func write(_ text: String) throws(InputError) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= capacity { try flush() }
  }

  /// Drops what is buffered and empties the file, to be written again from its start.
  public func rewind() throws(InputError) {
    buffer.removeAll(keepingCapacity: true)
    guard ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else {
      throw .unwritable(path: path, reason: systemErrorText())
    }
  }

  /// Writes out everything buffered so far.
  public func flush() throws(InputError) {
    try buffer.withUnsafeBufferPointer { p throws(InputError) in try writeAll(UnsafeRawBufferPointer(p)) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func writeAll(_ p: UnsafeRawBufferPointer) throws(InputError) {
    var offset = 0
    while offset < p.count {
      let n = posixWrite(fd, p.baseAddress! + offset, p.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        throw .unwritable(path: path, reason: systemErrorText())
      }
      offset += n
    }
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

  public init(path: String) throws(InputError) {
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
    writer = ByteWriter(fd: fd, path: path)
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
