// The work floor under `tally normalize`, for `make bench` (scripts/bench_normalize.py).
//
// Usage: normalize_floor FIGURES.jsonl FIGURES-OUT.jsonl FIGURES-OUT.csv
//
// Does only what every normalize must do with each figure line as `tally extract` writes it,
// and nothing else: read the file in 8 MB blocks, split lines with memchr, walk the line's
// `"key":value` pairs, copy the line with a three-field tail into the JSON Lines table, write
// its CSV row (strings unescaped, quoted only when they hold a comma or an escape),
// and hash the observation key (unit, indicator, group, modality, date, period_start, per) into an
// open-addressing table of distinct keys. It checks nothing (no codes, dates, numbers, UTF-8,
// field names), merges nothing (no repeats, roles, bounds or conflicts), writes no observations
// or documents table and no schemas: its time is a lower bound, not a competitor. Strings are
// skipped with memchr (vectorized in glibc), the rest byte by byte, as a plain C loop would;
// a C version of the same loop (clang -O2) was no faster on this machine.
// Built by the benchmark with `swiftc -Ounchecked`; not part of the package.

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

let block = 8 << 20
// Glibc's module does not export O_DIRECT (a _GNU_SOURCE name); x86-64 Linux's value, as in
// Sources/TallyKit/IO/Output.swift.
let directFlag: Int32 = 0o40000
let tail = Array(#","review":null,"role":"fact","observation":""#.utf8)
let hexDigits = Array("0123456789abcdef".utf8)

/// An output file written in large aligned blocks with direct I/O, as tally writes its tables
/// (the page cache's copy would otherwise cost the kernel more than the loop costs the program).
struct Sink {
  static let alignment = 4096
  let fd: Int32
  let path: String
  var bytes: UnsafeMutablePointer<UInt8>
  var count = 0

  init(path: String) {
    self.path = path
    var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | directFlag, 0o644)
    if fd < 0 { fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }  // tmpfs refuses direct I/O
    if fd < 0 { fail("cannot write \(path)") }
    self.fd = fd
    var memory: UnsafeMutableRawPointer?
    if posix_memalign(&memory, Sink.alignment, 2 * block) != 0 { fail("out of memory") }
    bytes = memory!.bindMemory(to: UInt8.self, capacity: 2 * block)
  }

  @inline(__always) mutating func byte(_ b: UInt8) {
    bytes[count] = b
    count += 1
  }

  @inline(__always) mutating func copy(_ from: UnsafePointer<UInt8>, _ n: Int) {
    memcpy(bytes + count, from, n)
    count += n
  }

  mutating func hex(_ value: UInt64) {
    for i in 0..<16 { byte(hexDigits[Int((value >> UInt64(60 - 4 * i)) & 15)]) }
  }

  /// Writes the whole aligned blocks held once past `block` bytes; `last` turns direct I/O
  /// off and writes the rest, as tally does with a table's last, partial block.
  mutating func flush(last: Bool = false) {
    guard count > block || last else { return }
    if last { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~directFlag) }
    let whole = last ? count : count / Sink.alignment * Sink.alignment
    var done = 0
    while done < whole {
      let n = write(fd, bytes + done, whole - done)
      if n <= 0 { fail("cannot write \(path)") }
      done += n
    }
    memmove(bytes, bytes + whole, count - whole)
    count -= whole
  }
}

func fail(_ message: String) -> Never {
  fputs("normalize_floor: \(message)\n", stderr)
  exit(1)
}

/// FNV-1a over the key fields, so equal keys meet in the table.
@inline(__always) func mix(_ hash: inout UInt64, _ from: UnsafePointer<UInt8>, _ to: UnsafePointer<UInt8>) {
  var p = from
  while p < to {
    hash = (hash ^ UInt64(p.pointee)) &* 1_099_511_628_211
    p += 1
  }
}

let arguments = CommandLine.arguments
guard arguments.count == 4 else { fail("usage: normalize_floor FIGURES.jsonl OUT.jsonl OUT.csv") }
let input = open(arguments[1], O_RDONLY)
if input < 0 { fail("cannot read \(arguments[1])") }
var json = Sink(path: arguments[2])
var csv = Sink(path: arguments[3])

let tableSize = 1 << 20
var keys = [UInt64](repeating: 0, count: tableSize)
var observations = 0
var lines = 0

func figure(_ start: UnsafePointer<UInt8>, _ length: Int) {
  let end = start + length - 1  // the closing brace
  json.copy(start, length - 1)
  var p = start + 1
  var field = 0
  var key: UInt64 = 14_695_981_039_346_656_037
  while p < end {
    p = UnsafePointer(memchr(p + 1, 0x22, end - p - 1)!.assumingMemoryBound(to: UInt8.self)) + 2  // past `":`
    var valueStart = p
    var valueEnd: UnsafePointer<UInt8>
    var escaped = false
    var comma = false
    let quoted = p.pointee == 0x22
    if quoted {
      p += 1
      valueStart = p
      while true {
        let quote = UnsafePointer(memchr(p, 0x22, end - p)!.assumingMemoryBound(to: UInt8.self))
        if let backslash = memchr(p, 0x5C, quote - p) {
          escaped = true
          p = UnsafePointer(backslash.assumingMemoryBound(to: UInt8.self)) + 2
          continue
        }
        if memchr(p, 0x2C, quote - p) != nil { comma = true }
        p = quote
        break
      }
      valueEnd = p
      p += 1
    } else if p.pointee == 0x5B {
      while p.pointee != 0x5D { p += 1 }
      p += 1
      valueEnd = p
    } else {
      while p < end && p.pointee != 0x2C { p += 1 }
      valueEnd = p
    }
    if (field >= 9 && field <= 14) || field == 17 { mix(&key, valueStart, valueEnd) }
    if field > 0 { csv.byte(0x2C) }
    let isNull = !quoted && valueEnd - valueStart == 4 && valueStart.pointee == 0x6E
    if !isNull {
      if comma && !escaped {  // a JSON string without escapes holds no quote
        csv.byte(0x22)
        csv.copy(valueStart, valueEnd - valueStart)
        csv.byte(0x22)
      } else if escaped {
        csv.byte(0x22)
        var q = valueStart
        while q < valueEnd {
          if q.pointee == 0x5C { q += 1 }
          if q.pointee == 0x22 { csv.byte(0x22) }
          csv.byte(q.pointee)
          q += 1
        }
        csv.byte(0x22)
      } else {
        csv.copy(valueStart, valueEnd - valueStart)
      }
    }
    field += 1
    if p < end && p.pointee == 0x2C { p += 1 }
  }
  var slot = Int(truncatingIfNeeded: key) & (tableSize - 1)
  while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (tableSize - 1) }
  if keys[slot] == 0 {
    keys[slot] = key
    observations += 1
  }
  tail.withUnsafeBufferPointer { json.copy($0.baseAddress!, $0.count) }
  json.hex(key)
  json.byte(0x22)
  json.byte(0x7D)
  json.byte(0x0A)
  csv.copy(",,fact,", 7)
  csv.hex(key)
  csv.byte(0x0A)
  json.flush()
  csv.flush()
}

let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * block)
var held = 0
while true {
  let n = read(input, buffer + held, block)
  if n < 0 { fail("read failed") }
  if n == 0 { break }
  held += n
  var start = UnsafePointer(buffer)
  let end = UnsafePointer(buffer) + held
  while let newline = memchr(start, 0x0A, end - start) {
    let stop = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self))
    if stop - start > 1 { figure(start, stop - start) }
    lines += 1
    start = stop + 1
  }
  held = end - start
  memmove(buffer, start, held)
}
json.flush(last: true)
csv.flush(last: true)
print("\(lines) figures, \(observations) observation keys")
