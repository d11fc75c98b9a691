/// The one script of a page, `page.js`, copied into every page folder like the stylesheet.
///
/// It only adds to a page that already reads fully without it: it shows the copy buttons, marks
/// the section being read in the contents, opens figures full size over the page (their links
/// already open the PNG) and runs the search (see ``SearchScript``). It builds elements with
/// the DOM, never from HTML text, and sets no inline style, so that the content security
/// policy needs nothing beyond `script-src 'self'`.
public enum PageScript {
    public static let fileName = "page.js"

    public static let javascript = #"""
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

    \#(SearchScript.javascript)
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

    """#
}
