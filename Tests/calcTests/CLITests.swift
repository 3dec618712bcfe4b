// CLITests — the command line's contract: exit codes 0/1/2, results on
// stdout, errors on stderr, no prompt when stdin is not a terminal; `-e`
// takes its text whatever it starts with; output that cannot be written is
// an error.

import Testing
import Foundation

@Suite("command line")
struct CLITests {
    @Test("-e prints the result on stdout, exit 0")
    func evaluate() throws {
        let r = try CalcBinary.run(["-e", "1+1"])
        #expect(r.stdout == "2\n")
        #expect(r.stderr == "")
        #expect(r.status == 0)
    }

    @Test("a failing statement: error on stderr with position, exit 1")
    func failure() throws {
        let r = try CalcBinary.run(["-e", "x = 1\nln(-1)"])
        #expect(r.stdout == "x = 1\n")
        #expect(r.stderr.contains("error:"))
        #expect(r.stderr.contains("<-e>:2:1"))
        #expect(r.status == 1)
    }

    @Test("usage errors exit 2", arguments: [["--digits", "40"], ["--format", "fancy"], ["--no-such-option"]])
    func usage(_ args: [String]) throws {
        let r = try CalcBinary.run(args + ["-e", "1"])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(!r.stderr.isEmpty)
    }

    @Test("a missing script is a usage error")
    func missingFile() throws {
        let r = try CalcBinary.run(["no/such/file.calc"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read"))
    }

    @Test("piped stdin: results only, no prompt, stops at the first error")
    func stdin() throws {
        let r = try CalcBinary.run([], stdin: "2*3\nsqrt(-1)\n5\n")
        #expect(r.stdout == "6\n")
        #expect(r.stderr.contains("<stdin>:2:1"))
        #expect(r.status == 1)
    }

    @Test("--keep-going runs every statement")
    func keepGoing() throws {
        let r = try CalcBinary.run(["--keep-going"], stdin: "2*3\nsqrt(-1)\n5\n")
        #expect(r.stdout == "6\n5\n")
        #expect(r.status == 1)
    }

    @Test("--version and --help exit 0")
    func versionHelp() throws {
        #expect(try CalcBinary.run(["--version"]).status == 0)
        let h = try CalcBinary.run(["--help"])
        #expect(h.status == 0)
        #expect(h.stdout.contains("USAGE"))
    }

    @Test("--format and --digits")
    func formatDigits() throws {
        #expect(try CalcBinary.run(["--format", "unicode", "-e", "x^2*3"]).stdout == "3x²\n")
        #expect(try CalcBinary.run(["--digits", "3", "-e", "pi"]).stdout == "3.14\n")
    }

    @Test(":quit stops a script with status 0")
    func quit() throws {
        let r = try CalcBinary.run([], stdin: "1\n:quit\n2\n")
        #expect(r.stdout == "1\n")
        #expect(r.status == 0)
    }

    // MARK: -e text that starts with a dash

    @Test("-e takes text that starts with a dash", arguments: [
        (["-e", "-3^2"], "-9\n"),
        (["-e", "-1"], "-1\n"),
        (["-e", "1", "-e", "-2"], "1\n-2\n"),
        (["--digits", "3", "-e", "-pi", "--format", "unicode", "-e", "-x^2"], "-3.14\n−x²\n"),   // unicode writes a true minus
    ])
    func dashText(_ args: [String], _ expected: String) throws {
        let r = try CalcBinary.run(args)
        #expect(r.stdout == expected)
        #expect(r.stderr == "")
        #expect(r.status == 0)
    }

    @Test("-e's text is never an option, even when it looks like one")
    func optionLikeText() throws {
        let r = try CalcBinary.run(["-e", "--lang", "-e", "2"])
        #expect(r.stdout == "lang\n2\n")      // `--lang` is −(−lang); the messages stay English
        #expect(r.status == 0)
    }

    @Test("-e's text does not choose the language: `-e --lang pt` runs `--lang`, then the script `pt`")
    func optionLikeTextNoLanguage() throws {
        let r = try CalcBinary.run(["-e", "--lang", "pt"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: cannot read `pt`"))
    }

    @Test("-e as the last argument is still a usage error")
    func missingText() throws {
        let r = try CalcBinary.run(["-e", "1", "-e"])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr.contains("Missing value for '-e <STATEMENTS>'"))
    }

    @Test("-- still ends the options: what follows is a script")
    func terminator() throws {
        let r = try CalcBinary.run(["-e", "1", "--", "-e"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read `-e`"))
    }

    // MARK: output that cannot be written

    @Test("a full disk: reported once on stderr, exit 1, nothing more runs")
    func fullDisk() throws {
        let r = try CalcBinary.run(["-e", "1+1", "-e", "ln(-1)"], stdout: .shell(">/dev/full"))
        #expect(r.status == 1)
        #expect(r.stderr == "error: cannot write the output: no space left on device\n")
    }

    @Test("the write error in Portuguese")
    func fullDiskPortuguese() throws {
        let r = try CalcBinary.run(["--lang", "pt", "-e", "1+1"], stdout: .shell(">/dev/full"))
        #expect(r.status == 1)
        #expect(r.stderr == "erro: não foi possível escrever a saída: no space left on device\n")
    }

    @Test("--help to a full disk is an error too")
    func helpToFullDisk() throws {
        let r = try CalcBinary.run(["--help"], stdout: .shell(">/dev/full"))
        #expect(r.status == 1)
        #expect(r.stderr == "error: cannot write the output: no space left on device\n")
    }

    @Test("a closed stdout: reported, exit 1")
    func closedStdout() throws {
        let r = try CalcBinary.run(["-e", "1+1"], stdout: .shell(">&-"))
        #expect(r.status == 1)
        #expect(r.stderr == "error: cannot write the output: bad file descriptor\n")
    }

    @Test("a pipe nobody reads: no death by SIGPIPE, reported, exit 1")
    func brokenPipe() throws {
        let r = try CalcBinary.run(["-e", "1+1"], stdout: .pipeWithoutReader)
        #expect(r.status == 1)
        #expect(r.stderr == "error: cannot write the output: broken pipe\n")
    }

    @Test("nothing to write, nothing to fail: a silent statement to a full disk exits 0")
    func silentToFullDisk() throws {
        let r = try CalcBinary.run(["-e", "x = 1;"], stdout: .shell(">/dev/full"))
        #expect(r.status == 0)
        #expect(r.stderr == "")
    }
}
