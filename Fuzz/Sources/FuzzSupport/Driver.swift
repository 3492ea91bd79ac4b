/// Hands a fuzz target's entry point to libFuzzer's driver (SwiftPM links an executable's entry
/// point as `<Target>_main`, so each target declares that symbol and calls this).
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

public func runFuzzer(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32 {
  var count = argc
  var arguments = argv
  return llvmFuzzerRunDriver(&count, &arguments, callback)
}

#if canImport(Glibc)
  import Glibc
#endif

/// Writes the fuzzer's input to `/tmp/tally-fuzz-NAME` and calls `body` with that path, for
/// parsers that read files; returns libFuzzer's "carry on".
public func withInputFile(
  _ data: UnsafePointer<UInt8>, _ size: Int, named name: String, _ body: (String) -> Void
) -> Int32 {
  let path = "/tmp/tally-fuzz-\(name)"
  // A harness that cannot write its input tests nothing: say so, loudly, rather than return.
  guard let f = fopen(path, "wb") else { fatalError("fuzz harness: cannot write \(path)") }
  fwrite(data, 1, size, f)
  fclose(f)
  body(path)
  return 0
}
