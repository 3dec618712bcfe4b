// FuzzCalc — libFuzzer entry point over lexer, parser and evaluator.
// Build and run: see docs/fuzzing.md.

import CalcCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalc(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let session = Session()
    _ = session.run(text, name: "<fuzz>", keepGoing: true)
    return 0
}
