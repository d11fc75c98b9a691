import Foundation
import Literate

/// Shows a run on the terminal: each step's printed lines on standard output (unless quiet),
/// and, when standard error is a terminal, the step names and a progress bar with the loss.
final class TerminalProgress: RunObserver {
    let echo: Bool
    let interactive = isatty(STDERR_FILENO) != 0
    private var barShown = false
    private var lastDrawn = -1

    init(echo: Bool) { self.echo = echo }

    private func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func clearBar() {
        if barShown { err("\r\u{1B}[K"); barShown = false }
    }

    func tutorialStarted(_ name: String, steps: Int) {
        if interactive { err("▶ \(name): \(steps) steps\n") }
    }

    func stepStarted(_ tag: String, index: Int, count: Int) {
        guard interactive else { return }
        clearBar()
        err("  [\(index)/\(count)] \(tag)\n")
        lastDrawn = -1
    }

    func printed(_ line: String, by tag: String) {
        guard echo else { return }
        clearBar()
        print(line)
        fflush(stdout)
    }

    func progress(_ tag: String, done: Int, total: Int, status: String) {
        guard interactive, total > 0 else { return }
        let permille = done * 1000 / total
        guard permille / 5 != lastDrawn || done == total else { return }
        lastDrawn = permille / 5
        let width = 30, filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        err("\r\u{1B}[K      \(bar) \(done)/\(total) \(status)")
        barShown = true
        if done == total { clearBar() }
    }

    func stepFinished(_ tag: String, seconds: Double) {
        clearBar()
        if interactive { err(String(format: "        %.2f s\n", seconds)) }
    }

    func measured(_ line: String, by tag: String) {
        clearBar()
        print("  measured (not on the page): \(line)")
        fflush(stdout)
    }

    func reused(_ name: String, entry: CachedRun) {
        if interactive { err("▶ \(name): \(entry.steps.count) steps from the cache\n") }
        guard echo else { return }
        for step in entry.steps { for line in step.lines { print(line) } }
        fflush(stdout)
    }

    func warning(_ message: String) {
        clearBar()
        err("warning: \(message)\n")
    }
}
