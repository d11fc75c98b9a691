/// The styles of the Markdown constructs beyond CommonMark: admonitions (one colour per kind,
/// in light, dark and print), footnotes and task lists.
enum MarkdownConstructStyle {
    static let css = """
    .admonition { --tone: #2456b3; margin: 1rem 0; padding: 0.1rem 1rem 0.2rem; border-left: 4px solid var(--tone);
      border-radius: 4px; background: var(--panel); max-width: 46rem; }
    .admonition-title { font-weight: 600; color: var(--tone); margin: 0.5rem 0 0.3rem; }
    .admonition.abstract { --tone: #0f7286; } .admonition.info { --tone: #006b99; }
    .admonition.tip, .admonition.success { --tone: #16703b; } .admonition.question { --tone: #4d7012; }
    .admonition.warning { --tone: #8a5300; } .admonition.failure, .admonition.danger, .admonition.bug, .admonition.caution { --tone: #b3261e; }
    .admonition.example, .admonition.important { --tone: #6a3fb5; } .admonition.quote { --tone: #5b6573; }
    @media (prefers-color-scheme: dark) {
      .admonition { --tone: #7fb0ff; }
      .admonition.abstract { --tone: #5fd0e0; } .admonition.info { --tone: #5fc3ff; }
      .admonition.tip, .admonition.success { --tone: #6fd69a; } .admonition.question { --tone: #b5dd6a; }
      .admonition.warning { --tone: #ffc266; } .admonition.failure, .admonition.danger, .admonition.bug, .admonition.caution { --tone: #ff8a80; }
      .admonition.example, .admonition.important { --tone: #c3a6ff; } .admonition.quote { --tone: #9aa4b2; }
    }
    .footnote-ref a { text-decoration: none; }
    .footnotes { margin-top: 2.5rem; border-top: 1px solid var(--border); font-size: 0.92rem; }
    .footnotes ol { padding-left: 1.5rem; }
    .footnote-back { text-decoration: none; margin-left: 0.3rem; }
    li.task { list-style: none; }
    li.task input { margin: 0 0.4rem 0 -1.3rem; vertical-align: middle; }
    @media print {
      .admonition { --tone: #000000; background: none; border: 1px solid #666666; border-left: 4px solid #000000; break-inside: avoid-page; }
      .footnote-back { display: none; }
    }

    """
}
