/// Which link destinations may reach a page's `href`: `http`, `https` and `mailto` URLs,
/// relative paths and `#fragments`. Everything else (`javascript:`, `data:`, `vbscript:`,
/// `file:` …) is refused, because a page must never run or load what its Markdown smuggles in.
///
/// The destination is judged the way a browser reads it: cmark has already decoded entities
/// and backslash escapes, leading and trailing spaces and control characters are ignored, and
/// the scheme is case-insensitive. Control characters anywhere are refused, since browsers
/// drop tabs and newlines inside a URL (`java&#9;script:` would otherwise slip through).
public enum LinkPolicy {
    /// The URL schemes a link may use.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Why `destination` may not be a link, or nil when it may.
    public static func problem(withLink destination: String) -> String? {
        problem(with: destination, what: "link")
    }

    /// Why `source` may not be an image source, or nil when it may: images show figures the
    /// run made (`figure:NAME`); any other source must still be a safe link.
    public static func problem(withImage source: String) -> String? {
        scheme(of: source) == "figure" ? nil : problem(with: source, what: "image source")
    }

    private static func problem(with url: String, what: String) -> String? {
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "\(what) '\(shown(url))' contains a control character"
        }
        guard let scheme = scheme(of: url), !allowedSchemes.contains(scheme) else { return nil }
        return "\(what) '\(shown(url))': only http, https and mailto links, relative links and #fragments are allowed"
    }

    /// The lower-cased scheme of `url` as a browser's URL parser finds it, or nil for a
    /// relative URL.
    public static func scheme(of url: String) -> String? {
        let scalars = url.unicodeScalars.drop { $0.value <= 0x20 }
        guard let first = scalars.first, first.isASCIILetter else { return nil }
        var scheme = ""
        for scalar in scalars {
            if scalar == ":" { return scheme.lowercased() }
            guard scalar.isASCIILetter || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// A destination as shown in a message: at most 60 characters.
    public static func shown(_ destination: String) -> String {
        let printable = String(String.UnicodeScalarView(destination.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        return printable.count <= 60 ? printable : printable.prefix(60) + "…"
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
