import CArchive
import Foundation

/// Archive formats `bundle` writes.
public enum ArchiveFormat: String, Sendable, CaseIterable {
  case tarGz = "tar.gz"
  case zip
  case tarZst = "tar.zst"
}

/// Writes an archive through libarchive, reproducibly: entries are built from scratch (never
/// from a stat of a file on disk, which brings extended attributes and extra pax headers),
/// sorted by UTF-8 path with explicit folder entries, fixed modes, uid and gid 0, one mtime,
/// restricted pax, and gzip without a timestamp. The archive is written to a temporary file and
/// renamed into place.
public struct ArchiveWriter {
  public let path: String
  public let format: ArchiveFormat
  /// Seconds since 1970 for every entry (SOURCE_DATE_EPOCH).
  public let mtime: Int

  public init(path: String, format: ArchiveFormat, mtime: Int) {
    self.path = path
    self.format = format
    self.mtime = mtime
  }

  /// Writes `files` (relative paths under one top folder, and their bytes).
  public func write(_ files: [(path: String, bytes: [UInt8])]) throws(ArchiveError) {
    // libarchive converts names through the locale, and zip stores local times: fix both.
    setlocale(LC_ALL, "C.UTF-8")
    setenv("TZ", "UTC", 1)
    tzset()
    let temporary = "\(path).tmp-\(getpid())"
    guard let a = archive_write_new() else { throw .library(path: path, reason: "libarchive could not start") }
    defer { archive_write_free(a) }
    TemporaryOutputs.register(temporary)
    defer { TemporaryOutputs.unregister(temporary) }
    func check(_ status: Int32, _ what: String) throws(ArchiveError) {
      if status != ARCHIVE_OK && status != ARCHIVE_WARN {
        let message = archive_error_string(a).map { String(cString: $0) } ?? "error \(status)"
        unlink(temporary)
        throw .library(path: path, reason: "\(what): \(message)")
      }
    }
    switch format {
    case .tarGz:
      try check(archive_write_set_format_pax_restricted(a), "tar format")
      try check(archive_write_add_filter_gzip(a), "gzip")
      try check(archive_write_set_options(a, "gzip:!timestamp"), "gzip options")
    case .tarZst:
      try check(archive_write_set_format_pax_restricted(a), "tar format")
      try check(archive_write_add_filter_zstd(a), "zstd")
    case .zip:
      try check(archive_write_set_format_zip(a), "zip format")
    }
    try check(archive_write_open_filename(a, temporary), "open")
    // Folders first where they are needed, everything sorted by UTF-8 bytes.
    var folders = Set<String>()
    for f in files {
      var parts = f.path.split(separator: "/").dropLast()
      while !parts.isEmpty {
        folders.insert(parts.joined(separator: "/"))
        parts = parts.dropLast()
      }
    }
    let entries: [(String, [UInt8]?)] =
      (folders.map { ($0 + "/", nil) } + files.map { ($0.path, $0.bytes) })
      .sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
    for (name, bytes) in entries {
      guard let e = archive_entry_new() else { throw .library(path: path, reason: "libarchive could not make an entry") }
      defer { archive_entry_free(e) }
      archive_entry_set_pathname_utf8(e, name)
      archive_entry_set_mtime(e, time_t(mtime), 0)
      archive_entry_set_uid(e, 0)
      archive_entry_set_gid(e, 0)
      if let bytes {
        archive_entry_set_filetype(e, UInt32(0o100000))
        archive_entry_set_perm(e, 0o644)
        archive_entry_set_size(e, Int64(bytes.count))
      } else {
        archive_entry_set_filetype(e, UInt32(0o040000))
        archive_entry_set_perm(e, 0o755)
        archive_entry_set_size(e, 0)
      }
      try check(archive_write_header(a, e), "entry \(name)")
      if let bytes, !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { archive_write_data(a, $0.baseAddress, $0.count) }
        if written != bytes.count { try check(ARCHIVE_FATAL, "data of \(name)") }
      }
    }
    try check(archive_write_close(a), "close")
    do { try TemporaryOutputs.renameIntoPlace(temporary, path) } catch { throw .input(error) }
  }
}

/// Reads every file entry of an archive in one pass, without unpacking to disk.
public struct ArchiveReader {
  public let path: String

  public init(path: String) { self.path = path }

  /// Calls `body` with each regular file's path and bytes, in archive order. Paths with `..`
  /// or a leading `/` are refused.
  public func forEachFile(_ body: (String, [UInt8]) throws(ArchiveError) -> Void) throws(ArchiveError) {
    setlocale(LC_ALL, "C.UTF-8")
    guard let a = archive_read_new() else { throw .library(path: path, reason: "libarchive could not start") }
    defer { archive_read_free(a) }
    archive_read_support_filter_all(a)
    archive_read_support_format_all(a)
    func failure() -> ArchiveError {
      .library(path: path, reason: "not a readable archive: " + (archive_error_string(a).map { String(cString: $0) } ?? "unknown error"))
    }
    guard archive_read_open_filename(a, path, 1 << 16) == ARCHIVE_OK else { throw failure() }
    var entry: OpaquePointer? = nil
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let status = archive_read_next_header(a, &entry)
      if status == ARCHIVE_EOF { break }
      guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let e = entry else { throw failure() }
      let name = archive_entry_pathname_utf8(e).map { String(cString: $0) } ?? archive_entry_pathname(e).map { String(cString: $0) } ?? ""
      if name.hasPrefix("/") || name.split(separator: "/").contains("..") {
        throw .unsafePath(path: path, entry: name)
      }
      guard archive_entry_filetype(e) == UInt32(0o100000) else { continue }
      var bytes: [UInt8] = []
      while true {
        let n = buffer.withUnsafeMutableBytes { archive_read_data(a, $0.baseAddress, $0.count) }
        if n == 0 { break }
        if n < 0 { throw failure() }
        bytes.append(contentsOf: buffer[0..<n])
      }
      try body(name, bytes)
    }
    // Reading stops at the tar end marker, before the compressor's own check (gzip's CRC and
    // length trail the stream): read the whole stream once more, raw, so that it is checked.
    guard let raw = archive_read_new() else { throw .library(path: path, reason: "libarchive could not start") }
    defer { archive_read_free(raw) }
    archive_read_support_filter_all(raw)
    archive_read_support_format_raw(raw)
    archive_read_support_format_empty(raw)
    let rawFailure: () -> ArchiveError = {
      .library(path: self.path, reason: "the compressed stream is damaged: " + (archive_error_string(raw).map { String(cString: $0) } ?? "unknown error"))
    }
    guard archive_read_open_filename(raw, path, 1 << 16) == ARCHIVE_OK else { throw rawFailure() }
    var total = 0
    var crc = CRC32()
    if archive_read_next_header(raw, &entry) == ARCHIVE_OK {
      while true {
        let n = buffer.withUnsafeMutableBytes { archive_read_data(raw, $0.baseAddress, $0.count) }
        if n == 0 { break }
        if n < 0 { throw rawFailure() }
        crc.add(buffer[0..<n])
        total += n
      }
    }
    // libarchive does not always check gzip's trailer (CRC-32 and length, the last eight
    // bytes): check both here.
    if let f = fopen(path, "rb") {
      defer { fclose(f) }
      var head = [UInt8](repeating: 0, count: 2)
      var tail = [UInt8](repeating: 0, count: 8)
      if fread(&head, 1, 2, f) == 2, head == [0x1F, 0x8B], fseek(f, -8, SEEK_END) == 0, fread(&tail, 1, 8, f) == 8 {
        func le(_ k: Int) -> UInt32 {
          UInt32(tail[k]) | UInt32(tail[k + 1]) << 8 | UInt32(tail[k + 2]) << 16 | UInt32(tail[k + 3]) << 24
        }
        if le(0) != crc.value || le(4) != UInt32(truncatingIfNeeded: total) {
          throw .library(path: path, reason: "the compressed stream is damaged: it does not match its gzip trailer (CRC-32 and length)")
        }
      }
    }
  }
}

/// CRC-32 (IEEE 802.3, as gzip uses), table-driven.
struct CRC32 {
  private static let table: [UInt32] = (0..<256).map { i in
    var c = UInt32(i)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }
  private var state: UInt32 = 0xFFFF_FFFF

  mutating func add(_ bytes: ArraySlice<UInt8>) {
    let t = CRC32.table
    for b in bytes { state = t[Int((state ^ UInt32(b)) & 0xFF)] ^ (state >> 8) }
  }

  var value: UInt32 { state ^ 0xFFFF_FFFF }
}
