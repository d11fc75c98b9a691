import ArgumentParser

/// The `render-tutorial` command: renders tutorials by default (`render-tutorial gradnorm`,
/// `--all`, `--check`, `--list`), and `render-tutorial new NAME` starts a new one.
///
/// Rendering is the default subcommand, so a first argument that is not a subcommand's name is
/// a tutorial's; the subcommands' names are therefore reserved (``TutorialName/reserved``).
@main
struct RenderTutorial: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-tutorial",
        abstract: "Run executed tutorials and write their HTML pages, or start a new tutorial.",
        discussion: """
        'render-tutorial NAME…' (or --all, --check, --list) renders; see 'render-tutorial help render'.
        'render-tutorial new NAME' creates tutorials/NAME.md, its steps and its registration.
        'render-tutorial serve [NAME]' previews: serves the pages and renders again on every change.
        """,
        subcommands: [Render.self, New.self, Serve.self],
        defaultSubcommand: Render.self)
}
