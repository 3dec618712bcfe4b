// FileWriteTests — `plot … to "file"` end to end, in a folder the test made:
// a file is replaced whole and the result says so, a symbolic link at the
// name is not followed, a NUL in the name is an error at its position, and
// a failed write leaves the old file as it was (and no temporary file).

import Testing
import Foundation

@Suite("writing plot files")
struct FileWriteTests {
    static let fm = FileManager.default

    /// A new folder holding `files` (name → text); removed by the caller.
    static func folder(_ files: [String: String] = [:]) throws -> URL {
        let dir = try CalcBinary.temporaryFolder()
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        return dir
    }

    static func text(_ dir: URL, _ name: String) -> String? {
        try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    /// The folder's names, without calc's stdout/stderr capture (kept elsewhere).
    static func names(_ dir: URL) -> [String] { ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() }

    static func isWholeSVG(_ s: String?) -> Bool {
        guard let s else { return false }
        return s.contains("<svg") && s.hasSuffix("</svg>\n")
    }

    @Test("plot to an existing file: says (replaced), the new file is whole, no temporary file is left")
    func replaced() throws {
        let dir = try Self.folder(["f.svg": "old"])
        defer { try? Self.fm.removeItem(at: dir) }
        let r = try CalcBinary.run(["-e", "plot x from 0 to 1 to \"f.svg\""], folder: dir)
        #expect(r.status == 0)
        #expect(r.stdout == "wrote f.svg (replaced)\n")
        #expect(Self.isWholeSVG(Self.text(dir, "f.svg")))
        #expect(Self.names(dir) == ["f.svg"])
        // a new name is just "wrote"
        let n = try CalcBinary.run(["-e", "plot x from 0 to 1 to \"g.svg\""], folder: dir)
        #expect(n.stdout == "wrote g.svg\n")
        #expect(Self.names(dir) == ["f.svg", "g.svg"])
    }

    @Test("in Portuguese: salvo em f.svg (substituído)")
    func replacedInPortuguese() throws {
        let dir = try Self.folder(["f.svg": "old"])
        defer { try? Self.fm.removeItem(at: dir) }
        let r = try CalcBinary.run(["--lang", "pt", "-e", "plot x from 0 to 1 to \"f.svg\""], folder: dir)
        #expect(r.stdout == "salvo em f.svg (substituído)\n")
    }

    @Test("minimize … plot to \"d.svg\" says that d-loss.svg beside it was replaced")
    func minimizeLossFileReplaced() throws {
        let dir = try Self.folder(["d-loss.svg": "old loss"])
        defer { try? Self.fm.removeItem(at: dir) }
        let r = try CalcBinary.run(["-e", "minimize x^2 + y^2 from (1, 1) rate 0.1 plot to \"d.svg\""], folder: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("wrote d-loss.svg (replaced)\n"))
        #expect(r.stdout.contains("wrote d.svg\n"))
        #expect(Self.isWholeSVG(Self.text(dir, "d-loss.svg")))
        #expect(Self.isWholeSVG(Self.text(dir, "d.svg")))
        #expect(Self.names(dir) == ["d-loss.svg", "d.svg"])
    }

    @Test("a symbolic link at the name is refused: neither followed nor replaced")
    func symbolicLinkNotFollowed() throws {
        let dir = try Self.folder(["precious.txt": "keep me"])
        defer { try? Self.fm.removeItem(at: dir) }
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("f.svg").path, withDestinationPath: "precious.txt")
        try Self.fm.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.svg").path, withDestinationPath: "new.svg")
        let r = try CalcBinary.run(["--keep-going"], stdin: "plot x from 0 to 1 to \"f.svg\"\nplot x from 0 to 1 to \"dangling.svg\"\n",
                                   folder: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.contains("cannot write `f.svg`: it is a symbolic link"))
        #expect(r.stderr.contains("cannot write `dangling.svg`: it is a symbolic link"))
        #expect(r.stderr.contains("calc neither writes through a symbolic link nor replaces one"))
        #expect(Self.text(dir, "precious.txt") == "keep me")
        #expect(try Self.fm.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("f.svg").path) == "precious.txt")
        #expect(Self.names(dir) == ["dangling.svg", "f.svg", "precious.txt"])   // no new.svg, no temporary file
    }

    @Test("a NUL in the file name is an error at the NUL, and nothing is written")
    func nulInName() throws {
        let dir = try Self.folder()
        defer { try? Self.fm.removeItem(at: dir) }
        let r = try CalcBinary.run([], stdin: "plot x from 0 to 1 to \"ab\u{0}c.svg\"\n", folder: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.contains("error: a file name cannot contain a NUL character (U+0000)"))
        #expect(r.stderr.contains("<stdin>:1:26"))
        #expect(r.stderr.contains("help: remove the NUL character from the name"))
        #expect(Self.names(dir) == [])
    }

    @Test("a write that fails midway (a file-size limit, as a full disk) keeps the old file whole")
    func failedWriteKeepsOldFile() throws {
        let dir = try Self.folder(["f.svg": "old"])
        defer { try? Self.fm.removeItem(at: dir) }
        let r = try CalcBinary.run(["-e", "plot x from 0 to 1 to \"f.svg\""], folder: dir, shellPrefix: "ulimit -f 1;")
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot write `f.svg`: file too large"))
        #expect(Self.text(dir, "f.svg") == "old")
        #expect(Self.names(dir) == ["f.svg"])
    }

    @Test("a read-only folder: the write fails and the old file is kept", .enabled(if: getuid() != 0, "root writes anywhere"))
    func readOnlyFolder() throws {
        let dir = try Self.folder(["f.svg": "old"])
        defer { try? Self.fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path); try? Self.fm.removeItem(at: dir) }
        try Self.fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        let r = try CalcBinary.run(["-e", "plot x from 0 to 1 to \"f.svg\""], folder: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot write `f.svg`: permission denied"))
        #expect(Self.text(dir, "f.svg") == "old")
    }

    @Test("a device is written in place, not replaced")
    func device() throws {
        let r = try CalcBinary.run(["-e", "plot x from 0 to 1 to \"/dev/null\""])
        #expect(r.status == 0)
        #expect(r.stdout == "wrote /dev/null\n")
        var st = stat()
        #expect(lstat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
    }
}
