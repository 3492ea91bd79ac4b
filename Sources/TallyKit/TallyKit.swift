#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// TallyKit: the library behind the `tally` command.
///
/// Stages, one folder each, values flowing one way:
/// text (`Document`) -> figures (`Extractor`, `Figure`) -> observations -> series and
/// statistics -> archives. `IO` holds the shared readers and writers (JSON Lines, CSV,
/// atomic files), `Support` the calendar arithmetic and the warning collector.
public enum TallyKit {
  /// The toolkit's version, written into every output that records provenance.
  public static let version = "0.1.0"

  /// Online processor cores.
  public static var processorCount: Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}
