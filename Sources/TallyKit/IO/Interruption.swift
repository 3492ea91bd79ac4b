import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files and folders that outputs are being written to, removed if the run is
/// interrupted (Ctrl-C, `kill`, a closed terminal, a make job cancelled), so an interrupted
/// run leaves neither half a file at the target nor a temporary beside it.
///
/// Outputs register their temporary path when they create it and unregister it once it is
/// renamed into place or discarded. Only SIGKILL (and a power cut) cannot be caught: then a
/// `NAME.tmp-XXXXXX` may stay beside the target, which tally never reads, and the target
/// itself is still either the earlier complete output or absent.
public enum TemporaryOutputs {
  private static let lock = NSLockish()
  nonisolated(unsafe) private static var paths: [String] = []
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Records a temporary path being written.
  static func register(_ path: String) {
    lock.withLock { paths.append(path) }
  }

  /// Forgets a temporary path that was renamed into place or removed.
  static func unregister(_ path: String) {
    lock.withLock { forget(path) }
  }

  /// Drops `path` from the list; the caller holds the lock.
  private static func forget(_ path: String) {
    if let k = paths.lastIndex(of: path) { paths.remove(at: k) }
  }

  /// Runs `body` (the renames that put `path` in place) with interruption held off, then
  /// forgets `path`: a signal during the renames waits for them, so the target is never left
  /// moved aside. `body` must not register or unregister paths.
  static func committing<T, E: Error>(_ path: String, _ body: () throws(E) -> T) throws(E) -> T {
    try lock.withLock { () throws(E) -> T in
      defer { forget(path) }
      return try body()
    }
  }

  /// Renames the temporary file `temporary` to `path` with interruption held off, and forgets
  /// it; if the rename fails, removes the temporary file and throws.
  static func renameIntoPlace(_ temporary: String, _ path: String) throws(InputError) {
    try committing(temporary) { () throws(InputError) in
      if rename(temporary, path) != 0 {
        let reason = systemErrorText()
        unlink(temporary)
        throw .unwritable(path: path, reason: reason)
      }
    }
  }

  /// The temporary paths still open (for tests).
  public static var pending: [String] { lock.withLock { paths } }

  /// From now on, SIGINT, SIGTERM and SIGHUP remove every registered temporary output, print
  /// one line to standard error and exit with 128 + the signal number (130 for Ctrl-C), as a
  /// shell reports a killed command. Call once, at start-up.
  public static func removeOnInterrupt(program: String = "tally") {
    lock.withLock {
      guard sources.isEmpty else { return }
      for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
        // The default action must be off for the dispatch source to see the signal.
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler {
          let removed = removeAll()
          let what = removed == 0 ? "" : "; removed \(removed) unfinished output\(removed == 1 ? "" : "s")"
          let line = "\(program): interrupted\(what)\n"
          _ = line.withCString { write(2, $0, strlen($0)) }
          _exit(128 + signalNumber)
        }
        source.resume()
        sources.append(source)
      }
    }
  }

  /// Removes every registered temporary path (files, or folders with their files) and returns
  /// how many outputs that was (a dataset folder's own files are part of it, not counted).
  @discardableResult
  static func removeAll() -> Int {
    lock.withLock {
      let outputs = paths.filter { p in !paths.contains { p.hasPrefix($0 + "/") } }.count
      // Newest first: a dataset's files live inside its temporary folder.
      for path in paths.reversed() { removeTree(path) }
      paths.removeAll()
      return outputs
    }
  }

  private static func removeTree(_ path: String) {
    var st = stat()
    guard lstat(path, &st) == 0 else { return }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      if let dir = opendir(path) {
        while let entry = readdir(dir) {
          let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
          }
          if name == "." || name == ".." { continue }
          removeTree("\(path)/\(name)")
        }
        closedir(dir)
      }
      rmdir(path)
    } else {
      unlink(path)
    }
  }
}
