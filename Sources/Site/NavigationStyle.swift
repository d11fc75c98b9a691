/// The part of the stylesheet for getting about a page: skip link, permalinks, copy buttons,
/// the section being read in the contents, search, previous and next links, full-size figures.
enum NavigationStyle {
    static let css = """
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip-path: inset(50%); white-space: nowrap; border: 0; }
    a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    .skip-link { position: absolute; left: 0.5rem; top: -4rem; z-index: 10; background: var(--bg); color: var(--accent);
      padding: 0.5rem 0.9rem; border: 2px solid var(--accent); border-radius: 6px; }
    .skip-link:focus { top: 0.5rem; }
    main:focus { outline: none; }
    [id] { scroll-margin-top: 1rem; }
    /* A heading and its permalink side by side; the wrapper carries the heading's spacing. */
    .heading { display: flex; align-items: baseline; gap: 0.35rem; }
    .heading > h2, .heading > h3, .heading > h4, .heading > h5, .heading > h6 { margin: 0; padding: 0; border: 0; min-width: 0; }
    .heading.level-2 { margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--border); }
    .heading.level-3 { margin: 1.8rem 0 0.6rem; }
    .heading.level-4 { margin: 1.4rem 0 0.5rem; }
    .heading.level-5, .heading.level-6 { margin: 1.2rem 0 0.5rem; }
    .permalink { color: var(--muted); text-decoration: none; padding: 0 0.3rem; border-radius: 4px; opacity: 0; }
    .heading:hover .permalink, .permalink:focus { opacity: 1; }
    .permalink:hover { color: var(--accent); }
    @media (hover: none) { .permalink { opacity: 1; } }
    .toc a { display: block; padding: 0.05rem 0 0.05rem 0.5rem; border-left: 3px solid transparent; }
    .toc a[aria-current] { border-left-color: var(--accent); color: var(--accent); font-weight: 600; }
    .toc li.current-parent > a { color: var(--accent); }
    .snippet, .terminal { position: relative; }
    .snippet > .label, .terminal > .label { padding-right: 5.5rem; }
    .copy { position: absolute; top: 0.2rem; right: 0.4rem; font: inherit; font-size: 0.75rem; line-height: 1.4;
      padding: 0.1rem 0.6rem; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: 5px; cursor: pointer; }
    .copy:hover { color: var(--accent); border-color: var(--accent); }
    .snippet > .copy:first-child + pre { padding-top: 2rem; }
    .copy-buffer { position: fixed; top: 0; left: -100rem; opacity: 0; }
    .search { margin: 1rem 0 0; max-width: 46rem; }
    .search label { display: block; font-size: 0.85rem; color: var(--muted); margin-bottom: 0.25rem; }
    .search input { width: 100%; font: inherit; padding: 0.4rem 0.7rem; color: var(--fg); background: var(--bg);
      border: 1px solid var(--muted); border-radius: 6px; }
    .search-status { margin: 0.35rem 0 0; font-size: 0.85rem; color: var(--muted); max-width: none; }
    .search-status:empty, .search-results:empty { display: none; }
    .search-results { list-style: none; margin: 0.3rem 0 0; padding: 0 0.8rem; max-height: 60vh; overflow-y: auto;
      border: 1px solid var(--border); border-radius: 8px; }
    .search-results li { padding: 0.45rem 0; border-bottom: 1px solid var(--border); max-width: none; }
    .search-results li:last-child { border-bottom: 0; }
    .result-title { font-weight: 600; }
    .result-page { color: var(--muted); font-size: 0.85rem; margin-left: 0.5rem; }
    .result-text { margin: 0.1rem 0 0; font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
    .pager { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1.5rem 0; font-size: 1rem; }
    .pager a { display: flex; flex-direction: column; flex: 1 1 14rem; padding: 0.6rem 1rem; border: 1px solid var(--border);
      border-radius: 8px; text-decoration: none; min-width: 0; }
    .pager a:hover { border-color: var(--accent); }
    .pager-next { text-align: right; }
    .pager-prev:only-child { flex-grow: 0; }
    .pager-next:only-child { flex-grow: 0; margin-left: auto; }
    .pager-direction { font-size: 0.8rem; color: var(--muted); }
    .pager-title { font-weight: 600; overflow-wrap: anywhere; }
    figure a.zoom { display: inline-block; max-width: 100%; cursor: zoom-in; }
    dialog.lightbox { max-width: 96vw; max-height: 96vh; padding: 0.6rem; overflow: auto; color: var(--fg); background: var(--bg);
      border: 1px solid var(--border); border-radius: 8px; }
    dialog.lightbox::backdrop { background: rgba(0, 0, 0, 0.75); }
    .lightbox img { display: block; max-width: none; cursor: zoom-out; background: #ffffff; }
    .lightbox-close { display: block; margin: 0 0 0.5rem auto; font: inherit; font-size: 0.9rem; padding: 0.2rem 0.8rem;
      color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: 5px; cursor: pointer; }
    .lightbox-caption { margin: 0.4rem 0 0; color: var(--muted); font-size: 0.9rem; }
    @media print {
      .skip-link, .permalink, .copy, .search, .pager { display: none; }
      .heading { break-after: avoid-page; }
    }

    """
}
