import Foundation

/// The OpenType maths font every page folder carries (`math.woff2`), named first in the
/// stylesheet's font stack for `<math>`.
///
/// Browsers lay out MathML with the maths font they find: without one, Chromium on Linux draws
/// formulas in a text serif (accents barely visible, `\left|…\right|` not stretched), and no
/// maths font is installed everywhere. So the page brings its own: DejaVu Math TeX Gyre
/// (Debian's `fonts-dejavu-extra`; licence in `Resources/DejaVuMathTeXGyre-COPYRIGHT.txt`),
/// compressed to WOFF2 (185 KB) with fontTools, shipped as a resource of this module. The
/// content security policy allows fonts from the page's own folder only (`font-src 'self'`).
public enum MathFont {
    /// The font's name in a page folder.
    public static let fileName = "math.woff2"

    /// The font's bytes.
    /// - Throws: ``PublishError`` when the build lacks its resource bundle.
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "DejaVuMathTeXGyre", withExtension: "woff2", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url) else {
            throw PublishError("the maths font (DejaVuMathTeXGyre.woff2) is missing from the build's resources: rebuild with `swift build -c release`")
        }
        return data
    }
}
