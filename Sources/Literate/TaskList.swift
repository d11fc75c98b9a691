/// Task list items (`- [x] done`, `- [ ] to do`, cmark-gfm's `tasklist` extension): the item's
/// state is an ``Inline/taskCheckbox(checked:)`` first in its first paragraph, so every walk
/// over lists stays as it is.
public enum TaskList {
    /// The blocks of a task list item with its check box put in front.
    static func item(_ blocks: [Block], checked: Bool, line: Int) -> [Block] {
        var blocks = blocks
        if case .paragraph(let content, let paragraphLine)? = blocks.first {
            blocks[0] = .paragraph([.taskCheckbox(checked: checked), .text(" ")] + content, line: paragraphLine)
        } else {
            blocks.insert(.paragraph([.taskCheckbox(checked: checked)], line: line), at: 0)
        }
        return blocks
    }

    /// Whether a list item's blocks are those of a task list item.
    public static func isTask(_ item: [Block]) -> Bool {
        if case .paragraph(let content, _)? = item.first, case .taskCheckbox? = content.first { return true }
        return false
    }
}
