/// The one stylesheet of the generated pages: light and dark schemes, readable on a phone.
public enum Stylesheet {
    public static let css = base + NavigationStyle.css + MarkdownConstructStyle.css

    static let base = """
    @font-face { font-family: "Page Math"; src: url("math.woff2") format("woff2"); font-display: swap; }
    math { font-family: "Page Math", "Latin Modern Math", "STIX Two Math", "Cambria Math", math; }
    :root {
      --bg: #ffffff; --fg: #1d232b; --muted: #5b6573; --border: #d9dee5; --accent: #2456b3;
      --panel: #f5f7fa; --code-bg: #f6f8fa; --terminal-bg: #14181e; --terminal-fg: #d8dee9;
      --kw: #a626a4; --ty: #0e6b8c; --fn: #2d5fb8; --str: #a8521a; --num: #986801; --com: #6a737d; --attr: #b5380b;
      --warn-bg: #fff3cd; --warn-fg: #6b4e00; --node-bg: #eaf1fb; --value-bg: #eef3fb;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #15191f; --fg: #e3e7ed; --muted: #9aa4b2; --border: #313844; --accent: #7fb0ff;
        --panel: #1c2129; --code-bg: #1b2028; --terminal-bg: #0c0f13; --terminal-fg: #d8dee9;
        --kw: #d68ae0; --ty: #5fc3e4; --fn: #8ab4ff; --str: #e5a36f; --num: #e0c37b; --com: #8b949e; --attr: #ff9e6e;
        --warn-bg: #3d3212; --warn-fg: #ffe08a; --node-bg: #1f2a3a; --value-bg: #1f2a3a;
      }
      img { background: #ffffff; }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--fg);
      font: 16px/1.6 -apple-system, "Segoe UI", "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif; }
    a { color: var(--accent); }
    .page-header, footer { max-width: 76rem; margin: 0 auto; padding: 1.5rem 1.25rem 0; }
    .crumbs { margin: 0; font-size: 0.9rem; }
    h1 { font-size: 2rem; line-height: 1.25; margin: 0.4rem 0 1rem; }
    h2 { font-size: 1.5rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.2rem; margin: 1.8rem 0 0.6rem; }
    h4 { font-size: 1.05rem; margin: 1.4rem 0 0.5rem; }
    .layout { max-width: 76rem; margin: 0 auto; padding: 0 1.25rem; display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 2.5rem; }
    .toc { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow-y: auto;
      font-size: 0.9rem; padding-top: 1.2rem; }
    .toc h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); border: 0; margin: 0 0 0.5rem; }
    .toc ol { list-style: none; margin: 0; padding: 0; }
    .toc ol ol { padding-left: 0.9rem; font-size: 0.85rem; }
    .toc li { margin: 0.2rem 0; }
    .toc a { color: var(--fg); text-decoration: none; }
    .toc a:hover { color: var(--accent); text-decoration: underline; }
    main { min-width: 0; padding-bottom: 3rem; }
    p, li { max-width: 46rem; }
    .table-wrap { overflow-x: auto; margin: 1rem 0; }
    table { border-collapse: collapse; font-size: 0.95rem; }
    th, td { border: 1px solid var(--border); padding: 0.4rem 0.75rem; text-align: left; vertical-align: top; }
    th { background: var(--panel); }
    td.right, th.right { text-align: right; font-variant-numeric: tabular-nums; }
    td.center, th.center { text-align: center; }
    code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; background: var(--code-bg);
      padding: 0.1em 0.3em; border-radius: 4px; }
    pre { margin: 0; overflow-x: auto; padding: 0.9rem 1rem; line-height: 1.45; }
    pre code { background: none; padding: 0; font-size: 0.85rem; }
    .snippet, .terminal { margin: 1rem 0; border: 1px solid var(--border); border-radius: 8px; overflow: hidden; }
    .snippet { background: var(--code-bg); }
    .snippet.illustration { border-style: dashed; }
    .label { font-size: 0.78rem; color: var(--muted); padding: 0.35rem 1rem; border-bottom: 1px solid var(--border); background: var(--panel); }
    .label code { font-size: 0.95em; }
    .terminal pre { background: var(--terminal-bg); color: var(--terminal-fg); font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace;
      font-size: 0.82rem; }
    .kw { color: var(--kw); } .ty { color: var(--ty); } .fn { color: var(--fn); } .str { color: var(--str); }
    .num { color: var(--num); } .com { color: var(--com); font-style: italic; } .attr { color: var(--attr); }
    figure { margin: 1.5rem 0; }
    figure img { max-width: 100%; height: auto; border: 1px solid var(--border); border-radius: 6px; }
    figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.4rem; }
    figure.diagram { overflow-x: auto; }
    .flowchart { max-width: 100%; height: auto; font: 14px "DejaVu Sans", Helvetica, Arial, sans-serif; }
    .flowchart .node { fill: var(--node-bg); stroke: var(--accent); stroke-width: 1.5; }
    .flowchart .node-text, .flowchart .edge-text { fill: var(--fg); }
    .flowchart .edge { stroke: var(--muted); stroke-width: 1.5; }
    .flowchart .arrowhead { fill: var(--muted); }
    .flowchart .edge-label { fill: var(--bg); }
    .math-display { overflow-x: auto; overflow-y: hidden; margin: 1rem 0; padding: 0.25rem 0; }
    math[display="block"] { font-size: 1.15em; max-width: 100%; overflow-x: auto; overflow-y: hidden; }
    .value { background: var(--value-bg); border-radius: 3px; padding: 0 0.1em; font-variant-numeric: tabular-nums; }
    blockquote { margin: 1rem 0; padding: 0.2rem 1rem; border-left: 4px solid var(--accent); background: var(--panel); }
    .quick-banner { background: var(--warn-bg); color: var(--warn-fg); padding: 0.75rem 1rem; border-radius: 8px; max-width: none; }
    pre.raw-html { background: var(--code-bg); border-radius: 6px; }
    footer { color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--border); padding-bottom: 2rem; }
    .tutorial-list { list-style: none; padding: 0; }
    .tutorial-list li { border: 1px solid var(--border); border-radius: 8px; padding: 0.8rem 1rem; margin: 0.8rem 0; max-width: 46rem; }
    .tutorial-list .name { font-size: 1.15rem; font-weight: 600; }
    .tutorial-list .meta { color: var(--muted); font-size: 0.9rem; }
    /* Long inline code (paths, calls) breaks anywhere rather than widening the page; numbers
       in tables never break (a break at "e-" reads as two numbers). */
    p code, li code, td code, .value { overflow-wrap: anywhere; }
    td.right, th.right { white-space: nowrap; }
    @media (max-width: 60rem) {
      .layout { display: block; }
      .toc { position: static; max-height: 40vh; overflow-y: auto; border: 1px solid var(--border); border-radius: 8px;
        padding: 0.8rem 1rem; margin: 1rem 0; }
      .toc ol ol { display: none; } /* sections only: the contents must not fill the first screens */
      h1 { font-size: 1.6rem; }
    }
    /* Paper: light colours whatever the screen's scheme, no navigation, nothing cut off at the
       right edge (code and tables wrap), terminal output legible without backgrounds (browsers
       drop them by default), headings kept with what follows. */
    @media print {
      :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --border: #999999; --accent: #1a3f85;
        --panel: #f2f2f2; --code-bg: #ffffff; --terminal-bg: #ffffff; --terminal-fg: #000000;
        --kw: #7a1a78; --ty: #0b5068; --fn: #1f4a91; --str: #7f3c10; --num: #6b4a00; --com: #4a4f55; --attr: #8a2a08;
        --warn-bg: #ffffff; --warn-fg: #000000; --node-bg: #ffffff; --value-bg: transparent; }
      img { background: none; }
      body { font-size: 10.5pt; line-height: 1.45; }
      .toc, .crumbs { display: none; }
      .layout, .page-header, footer { display: block; max-width: none; padding: 0; }
      p, li { max-width: none; }
      pre, .table-wrap, .math-display, figure.diagram { overflow: visible; }
      pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; }
      .terminal { border-left: 4px solid #666666; }
      .terminal pre { font-size: 8pt; }
      pre code { font-size: 8pt; }
      table { font-size: 8.5pt; }
      th, td { padding: 0.15rem 0.35rem; }
      td.right, th.right { white-space: normal; }
      h1, h2, h3, h4, .label { break-after: avoid-page; }
      figure, tr, .math-display, blockquote { break-inside: avoid-page; }
      figure img { max-height: 80vh; width: auto; }
      a { color: var(--fg); }
      .quick-banner { border: 2px solid #000000; }
    }

    """
}
