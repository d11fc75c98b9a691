// render-tutorial page script: enhancements only; every page reads fully without it.
(function () {
  "use strict";

  // file:// pages in some browsers have no clipboard API, or refuse it: copy through a selection.
  function copyByCommand(text) {
    return new Promise(function (resolve, reject) {
      var focused = document.activeElement;
      var buffer = document.createElement("textarea");
      buffer.className = "copy-buffer";
      buffer.setAttribute("readonly", "");
      buffer.value = text;
      document.body.appendChild(buffer);
      buffer.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      document.body.removeChild(buffer);
      if (focused && focused.focus) { focused.focus(); }
      if (copied) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyByCommand(text); });
    }
    return copyByCommand(text);
  }

  function copyButtons() {
    document.querySelectorAll("button.copy").forEach(function (button) {
      var code = button.parentElement.querySelector("pre");
      if (!code) { return; }
      button.hidden = false;
      var label = button.textContent;
      var timer = null;
      button.addEventListener("click", function () {
        copyText(code.textContent).then(function () {
          button.textContent = "Copied";
        }, function () {
          button.textContent = "Press Ctrl+C";
          var range = document.createRange();
          range.selectNodeContents(code);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }).then(function () {
          clearTimeout(timer);
          timer = setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  // The section being read is the last heading above a line a quarter down the window.
  function currentSection() {
    var toc = document.querySelector("nav.toc");
    if (!toc) { return; }
    var entries = [];
    toc.querySelectorAll("a[href^='#']").forEach(function (link) {
      var heading = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (heading) { entries.push({ link: link, heading: heading }); }
    });
    if (entries.length === 0) { return; }
    var marked = null;
    var pending = false;
    function mark(entry) {
      if (marked === entry) { return; }
      if (marked) {
        marked.link.removeAttribute("aria-current");
        var oldParent = marked.link.closest("li").parentElement.closest("li");
        if (oldParent) { oldParent.classList.remove("current-parent"); }
      }
      marked = entry;
      if (!entry) { return; }
      entry.link.setAttribute("aria-current", "location");
      var parent = entry.link.closest("li").parentElement.closest("li");
      if (parent) { parent.classList.add("current-parent"); }
      if (toc.scrollHeight > toc.clientHeight) {
        var box = toc.getBoundingClientRect();
        var place = entry.link.getBoundingClientRect();
        if (place.top < box.top) { toc.scrollTop -= box.top - place.top + 16; }
        else if (place.bottom > box.bottom) { toc.scrollTop += place.bottom - box.bottom + 16; }
      }
    }
    function update() {
      pending = false;
      var line = window.innerHeight / 4;
      var found = null;
      for (var index = 0; index < entries.length; index += 1) {
        if (entries[index].heading.getBoundingClientRect().top <= line) { found = entries[index]; } else { break; }
      }
      var bottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      mark(bottom ? entries[entries.length - 1] : found);
    }
    function schedule() {
      if (!pending) { pending = true; window.requestAnimationFrame(update); }
    }
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    update();
  }

  function zoomFigures() {
    var links = document.querySelectorAll("a.zoom");
    if (links.length === 0 || typeof HTMLDialogElement !== "function") { return; }
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", "Figure at full size");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "lightbox-close";
    close.textContent = "Close";
    var image = document.createElement("img");
    var caption = document.createElement("p");
    caption.className = "lightbox-caption";
    dialog.appendChild(close);
    dialog.appendChild(image);
    dialog.appendChild(caption);
    document.body.appendChild(dialog);
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog || event.target === image) { dialog.close(); }
    });
    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
        event.preventDefault();
        var thumbnail = link.querySelector("img");
        image.src = link.getAttribute("href");
        image.alt = thumbnail ? thumbnail.alt : "";
        caption.textContent = thumbnail ? thumbnail.alt : "";
        dialog.showModal();
        close.focus();
      });
    });
  }

  function search() {
    var box = document.querySelector(".search");
    if (!box) { return; }
    var input = box.querySelector("input");
    var status = box.querySelector(".search-status");
    var results = box.querySelector(".search-results");
    var current = box.getAttribute("data-page");
    var root = box.getAttribute("data-root") || "";
    var pages = null;
    var scope = "";
    var loading = false;
    box.hidden = false;

    function thisPage() {
      var sections = [];
      document.querySelectorAll("main h2[id], main h3[id], main h4[id], main h5[id], main h6[id]").forEach(function (heading) {
        var text = "";
        var wrapper = heading.parentElement.classList.contains("heading") ? heading.parentElement : heading;
        for (var next = wrapper.nextElementSibling; next && !next.classList.contains("heading") && text.length < 600;
             next = next.nextElementSibling) {
          if (next.tagName === "P" || next.tagName === "UL" || next.tagName === "OL") { text += " " + next.textContent; }
        }
        sections.push({ id: heading.id, level: Number(heading.tagName.slice(1)), title: heading.textContent,
                        text: text.replace(/\s+/g, " ").trim().slice(0, 600) });
      });
      var title = document.querySelector("h1");
      return [{ name: current, title: title ? title.textContent : document.title, summary: "", sections: sections }];
    }

    function load() {
      if (pages || loading) { return; }
      loading = true;
      var script = document.createElement("script");
      script.src = root + "search-index.js";
      script.onload = function () {
        var index = window.renderTutorialSearchIndex;
        if (index && Array.isArray(index.pages)) {
          pages = index.pages;
          scope = "in all tutorials";
        } else {
          pages = thisPage();
          scope = "on this page only (the search index beside this folder is not readable)";
        }
        run();
      };
      script.onerror = function () {
        pages = thisPage();
        scope = "on this page only (this folder was opened without the search index of the other tutorials)";
        run();
      };
      document.head.appendChild(script);
    }

    function snippet(text, term) {
      var at = text.toLowerCase().indexOf(term);
      if (at < 0) { return text.slice(0, 140); }
      var start = Math.max(0, at - 50);
      return (start > 0 ? "…" : "") + text.slice(start, start + 140) + (start + 140 < text.length ? "…" : "");
    }

    function link(page, id) {
      var target = page.name === current ? "" : root + encodeURIComponent(page.name) + "/index.html";
      return target + (id ? "#" + encodeURIComponent(id) : (target ? "" : "#"));
    }

    function add(found, index) {
      var item = document.createElement("li");
      var anchor = document.createElement("a");
      anchor.href = link(found.page, found.section ? found.section.id : "");
      var title = document.createElement("span");
      title.className = "result-title";
      title.textContent = found.section ? found.section.title : found.page.title;
      anchor.appendChild(title);
      if (found.section) {
        var where = document.createElement("span");
        where.className = "result-page";
        where.textContent = found.page.title;
        anchor.appendChild(where);
      }
      item.appendChild(anchor);
      var words = found.section ? found.section.text : found.page.summary;
      if (words) {
        var text = document.createElement("p");
        text.className = "result-text";
        text.textContent = snippet(words, found.term);
        item.appendChild(text);
      }
      results.appendChild(item);
    }

    function run() {
      while (results.firstChild) { results.removeChild(results.firstChild); }
      var terms = input.value.toLowerCase().split(/\s+/).filter(function (term) { return term.length > 0; });
      if (terms.length === 0) { status.textContent = ""; return; }
      if (!pages) { status.textContent = "Searching…"; load(); return; }
      var found = [];
      var order = 0;
      pages.forEach(function (page) {
        var pageWords = (page.title + " " + page.summary).toLowerCase();
        order += 1;
        if (terms.every(function (term) { return pageWords.indexOf(term) >= 0; })) {
          found.push({ page: page, section: null, score: 2 * terms.length, order: order, term: terms[0] });
        }
        page.sections.forEach(function (section) {
          var title = section.title.toLowerCase();
          var text = section.text.toLowerCase();
          var score = 0;
          order += 1;
          for (var index = 0; index < terms.length; index += 1) {
            if (title.indexOf(terms[index]) >= 0) { score += 3; }
            else if (text.indexOf(terms[index]) >= 0) { score += 1; }
            else { return; }
          }
          found.push({ page: page, section: section, score: score, order: order, term: terms[0] });
        });
      });
      found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
      found.slice(0, 20).forEach(add);
      var count = found.length === 1 ? "1 result" : found.length + " results";
      status.textContent = (found.length === 0 ? "No results" : count) + " " + scope +
        (found.length > 20 ? "; the first 20 are shown." : ".");
    }

    input.addEventListener("focus", load);
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; run(); }
      if (event.key === "ArrowDown" && results.querySelector("a")) { event.preventDefault(); results.querySelector("a").focus(); }
    });
    // Up and down move between the results; up from the first goes back to the box.
    results.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
      var links = Array.prototype.slice.call(results.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) { return; }
      event.preventDefault();
      var next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
      (next < 0 ? input : links[next]).focus();
    });
    document.addEventListener("keydown", function (event) {
      var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  function start() {
    copyButtons();
    currentSection();
    zoomFigures();
    search();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
