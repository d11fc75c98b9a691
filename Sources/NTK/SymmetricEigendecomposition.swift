/// The eigenvalues and eigenvectors of a real symmetric matrix, by the cyclic Jacobi method
/// in double precision: `A = V·diag(λ)·Vᵀ` with orthonormal columns `V`.
///
/// Each rotation zeroes one off-diagonal entry `a_pq`; sweeps over all pairs repeat until the
/// off-diagonal part is negligible against the matrix's norm. Exact for the small kernels of
/// the diagnostics (tens to a few hundred points); the cost is O(n³) per sweep.
public struct SymmetricEigendecomposition: Equatable, Sendable {
    /// The eigenvalues, largest first.
    public let eigenvalues: [Double]
    /// The eigenvectors, `eigenvectors[k]` belonging to `eigenvalues[k]`, each of unit length.
    public let eigenvectors: [[Double]]

    /// Decomposes `matrix` (rows of equal length, symmetric within 1e-6 of its largest entry).
    /// - Throws: ``NTKError/empty(what:)``, ``NTKError/notSymmetric(rows:columns:largestAsymmetry:)``
    ///   or ``NTKError/notConverged(sweeps:offDiagonalNorm:)``.
    public init(_ matrix: [[Double]], maximumSweeps: Int = 100) throws {
        let n = matrix.count
        guard n > 0 else { throw NTKError.empty(what: "the matrix") }
        try Self.checkSymmetric(matrix)
        var a = matrix
        var v = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
        let scale = a.joined().reduce(0) { $0 + $1 * $1 }.squareRoot()
        var sweeps = 0
        while Self.offDiagonalNorm(a) > 1e-15 * Swift.max(scale, .leastNormalMagnitude) {
            guard sweeps < maximumSweeps else {
                throw NTKError.notConverged(sweeps: sweeps, offDiagonalNorm: Self.offDiagonalNorm(a))
            }
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n where a[p][q] != 0 { Self.rotate(&a, &v, p, q) }
            }
            sweeps += 1
        }
        let order = (0..<n).sorted { a[$0][$0] > a[$1][$1] }
        eigenvalues = order.map { a[$0][$0] }
        eigenvectors = order.map { k in (0..<n).map { v[$0][k] } }
    }

    /// One Jacobi rotation in the (p, q) plane that makes `a[p][q]` zero; `v` collects the rotations.
    private static func rotate(_ a: inout [[Double]], _ v: inout [[Double]], _ p: Int, _ q: Int) {
        let n = a.count
        // tan of the rotation angle, the smaller root of t² + 2θt − 1 = 0 (Rutishauser's stable form).
        let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
        let t = (theta >= 0 ? 1.0 : -1.0) / (Swift.abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot(), s = t * c
        for k in 0..<n {
            let akp = a[k][p], akq = a[k][q]
            a[k][p] = c * akp - s * akq
            a[k][q] = s * akp + c * akq
        }
        for k in 0..<n {
            let apk = a[p][k], aqk = a[q][k]
            a[p][k] = c * apk - s * aqk
            a[q][k] = s * apk + c * aqk
        }
        for k in 0..<n {
            let vkp = v[k][p], vkq = v[k][q]
            v[k][p] = c * vkp - s * vkq
            v[k][q] = s * vkp + c * vkq
        }
    }

    private static func offDiagonalNorm(_ a: [[Double]]) -> Double {
        var total = 0.0
        for i in a.indices { for j in a.indices where j != i { total += a[i][j] * a[i][j] } }
        return total.squareRoot()
    }

    private static func checkSymmetric(_ a: [[Double]]) throws {
        let n = a.count
        let columns = a.map(\.count).max() ?? 0
        guard a.allSatisfy({ $0.count == n }) else { throw NTKError.notSymmetric(rows: n, columns: columns, largestAsymmetry: .nan) }
        let largest = a.joined().map { Swift.abs($0) }.max() ?? 0
        var asymmetry = 0.0
        for i in 0..<n { for j in 0..<n { asymmetry = Swift.max(asymmetry, Swift.abs(a[i][j] - a[j][i])) } }
        guard asymmetry <= 1e-6 * Swift.max(largest, 1e-300), asymmetry.isFinite else {
            throw NTKError.notSymmetric(rows: n, columns: n, largestAsymmetry: asymmetry)
        }
    }
}
