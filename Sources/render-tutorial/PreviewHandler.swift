import FlyingFox
import Foundation

/// Serves the output folder to a browser for `render-tutorial serve`: its files as they are on
/// disk, with a small script added to every page that reloads it when a render finishes, and an
/// error page in place of any page while the last render or build has failed.
struct PreviewHandler: HTTPHandler {
    let output: URL
    let state: PreviewState

    /// The folder of the preview's own files on the server (not in the output folder).
    static let prefix = "/__preview/"

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = request.path
        if path == Self.prefix + "state" {
            let (version, failure) = state.current
            return response(.ok, "application/json", Data("{\"version\":\(version),\"failed\":\(failure != nil)}".utf8))
        }
        if path == Self.prefix + "reload.js" { return response(.ok, "text/javascript", Data(Self.reloadScript.utf8)) }
        let (version, failure) = state.current
        let file = file(for: path)
        // A page, or a page that a failed first render never wrote: the error, not a stale page.
        let extensionOfPath = URL(fileURLWithPath: path).pathExtension
        if let failure, file?.pathExtension == "html" || (file == nil && (extensionOfPath.isEmpty || extensionOfPath == "html")) {
            return response(.internalServerError, "text/html", Data(Self.errorPage(failure, version: version).utf8))
        }
        guard let file else { return notFound }
        if file.pathExtension == "html" {
            guard let data = FileManager.default.contents(atPath: file.path) else { return notFound }
            return response(.ok, "text/html", Data(Self.withReload(String(decoding: data, as: UTF8.self), version: version).utf8))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return notFound }
        return response(.ok, Self.contentType(of: file), data)
    }

    private var notFound: HTTPResponse { response(.notFound, "text/plain", Data("not found\n".utf8)) }

    private func response(_ status: HTTPStatusCode, _ type: String, _ body: Data) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"], body: body)
    }

    /// The file under the output folder that `path` names (`…/` is its `index.html`); nil for a
    /// path that leaves the folder or names nothing.
    func file(for path: String) -> URL? {
        guard let decoded = path.removingPercentEncoding else { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        var url = parts.reduce(output) { $0.appendingPathComponent(String($1)) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue { url.appendPathComponent("index.html") }
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static func contentType(of file: URL) -> String {
        switch file.pathExtension {
        case "css": "text/css"
        case "js": "text/javascript"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        case "woff2": "font/woff2"
        case "json": "application/json"
        case "txt", "md": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// `html` with the reload script before `</head>`, and its policy allowing the script to ask
    /// this server for the state (`connect-src 'self'`; the file on disk stays as it is).
    static func withReload(_ html: String, version: Int) -> String {
        let script = "<script src=\"\(prefix)reload.js\" data-version=\"\(version)\" defer></script>\n"
        var page = html.replacingOccurrences(of: "content=\"default-src 'none';", with: "content=\"default-src 'none'; connect-src 'self';")
        if let head = page.range(of: "</head>") { page.insert(contentsOf: script, at: head.lowerBound) } else { page += script }
        return page
    }

    /// The page shown instead of any page while the last render or build has failed.
    static func errorPage(_ message: String, version: Int) -> String {
        let escaped = message.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Render failed</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}pre{background:#fee;border:1px solid #c33;padding:1rem;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}</style>
        <script src="\(prefix)reload.js" data-version="\(version)" defer></script>
        </head>
        <body>
        <h1>Render failed</h1>
        <p>The last good pages are unchanged on disk. Fix the problem below and save: this page reloads when a render succeeds.</p>
        <pre>\(escaped)</pre>
        </body>
        </html>

        """
    }

    /// Asks for the state every 300 ms and reloads the page when its version changes.
    static let reloadScript = """
    (function () {
      var shown = document.currentScript && document.currentScript.dataset.version;
      function poll() {
        fetch("\(prefix)state", { cache: "no-store" }).then(function (response) { return response.json(); })
          .then(function (state) {
            if (String(state.version) !== shown) { location.reload(); return; }
            setTimeout(poll, 300);
          }, function () { setTimeout(poll, 1000); });
      }
      setTimeout(poll, 300);
    })();

    """
}
