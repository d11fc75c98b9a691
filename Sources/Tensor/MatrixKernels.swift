import CTensorKernels

/// The implementations of the dense matrix products behind ``Tensor/matmul(_:)``.
///
/// All of them sum every element of a product in the same order (one fused multiply-add per
/// term), so they give the same bits and a page is the same on every machine; they differ only
/// in speed. The choice is made at run time, once: a binary built on one x86-64 machine (say in
/// CI) runs on CPUs with and without AVX-512, and a build-time choice would either leave the
/// wide units idle or crash on older CPUs.
public enum MatrixKernels: String, CaseIterable, Sendable {
    /// 8-wide vectors written in Swift (AVX2 + FMA on x86-64, NEON on arm64); runs everywhere.
    case portable
    /// 8-wide AVX2 registers in C, 6 rows × 16 columns of accumulators and cache-sized bands of
    /// rows (Float only), for x86-64 CPUs without AVX-512 (AMD Zen 1–3, Intel client parts):
    /// the portable kernels are built for Haswell too, but Swift's code generator cannot hold
    /// a 6 × 16 tile in the sixteen vector registers without spilling.
    case avx2
    /// 16-wide AVX-512 registers, 4 rows × 64 columns of accumulators (Float only; Double
    /// products always use the portable kernels).
    case avx512

    /// Whether this CPU can run the implementation.
    public var isAvailable: Bool {
        switch self {
        case .portable: true
        case .avx2: Self.cpuHasAVX2
        case .avx512: Self.cpuHasAVX512
        }
    }

    /// The implementations this CPU can run, fastest last.
    public static var available: [MatrixKernels] { allCases.filter(\.isAvailable) }

    /// The implementation the engine uses: the fastest available unless set otherwise (the
    /// benchmark sets it to compare). Set it before any computation starts, not during one.
    public static var selected: MatrixKernels = available.last!

    private static let cpuHasAVX512 = tensor_kernels_have_avx512() != 0
    private static let cpuHasAVX2 = tensor_kernels_have_avx2() != 0

    /// `a · b` for row-major `a` (m×k) and `b` (k×n), with this implementation.
    public func multiply(_ a: [Float], _ b: [Float], m: Int, k: Int, n: Int) -> [Float] {
        precondition(isAvailable && a.count == m * k && b.count == k * n, "multiply: bad sizes or kernel")
        return Kernels.multiply(a, b, m: m, k: k, n: n, using: self)
    }

    /// `aᵀ · b` for row-major `a` (m×k) and `b` (m×n), with this implementation.
    public func multiplyTransposingLeft(_ a: [Float], _ b: [Float], m: Int, k: Int, n: Int) -> [Float] {
        precondition(isAvailable && a.count == m * k && b.count == m * n, "multiplyTransposingLeft: bad sizes or kernel")
        return Kernels.multiplyTransposingLeft(a, b, m: m, k: k, n: n, using: self)
    }

    /// `a · bᵀ` for row-major `a` (m×k) and `b` (n×k), with this implementation.
    public func multiplyTransposingRight(_ a: [Float], _ b: [Float], m: Int, k: Int, n: Int) -> [Float] {
        precondition(isAvailable && a.count == m * k && b.count == n * k, "multiplyTransposingRight: bad sizes or kernel")
        return Kernels.multiplyTransposingRight(a, b, m: m, k: k, n: n, using: self)
    }
}
