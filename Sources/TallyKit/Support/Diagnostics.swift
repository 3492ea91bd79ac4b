/// Collects warnings from every stage so that library code never prints: the command line
/// writes them to standard error at the end of a run (or as they come, for long runs), at
/// most `limit` lines followed by a count of the rest.
public final class WarningCollector: @unchecked Sendable {
  public struct Warning: Sendable, Equatable {
    public var location: SourceLocation
    public var subject: String?
    public var message: String

    /// `file:line: subject: message`
    public var line: String {
      var s = "\(location): "
      if let subject { s += "\(subject): " }
      return s + message
    }
  }

  private var stored: [Warning] = []
  public private(set) var count = 0
  public let limit: Int
  private let lock = NSLockish()

  public init(limit: Int = 20) { self.limit = limit }

  public func add(_ w: Warning) {
    lock.withLock {
      count += 1
      if stored.count < limit { stored.append(w) }
    }
  }

  public func add(_ message: String, at location: SourceLocation, subject: String? = nil) {
    add(Warning(location: location, subject: subject, message: message))
  }

  /// The warnings kept (at most `limit`).
  public var warnings: [Warning] { lock.withLock { stored } }

  /// The lines to print: each kept warning, then "and N more" if some were not kept.
  public func report() -> [String] {
    lock.withLock {
      var lines = stored.map { "warning: \($0.line)" }
      if count > stored.count {
        lines.append("warning: \(count - stored.count) more warnings not shown")
      }
      return lines
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pthread mutex; Foundation's NSLock would pull Foundation into this file for one lock.
final class NSLockish: @unchecked Sendable {
  private var mutex = pthread_mutex_t()
  init() { pthread_mutex_init(&mutex, nil) }
  deinit { pthread_mutex_destroy(&mutex) }
  func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    return try body()
  }
}
