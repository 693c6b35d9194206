import Foundation

/// The sufficient statistics of some voiceprint frames: how many, their sum and the sum of their outer
/// products. Enough to fit a Gaussian to them, or to score them under one, without seeing the frames again:
/// the clustering touches each speech frame once however many times it reassigns the stretches.
struct VoiceStatistics {
    static let dimensions = Voiceprint.coefficientCount

    private(set) var count = 0
    private(set) var sum = [Double](repeating: 0, count: dimensions)
    /// Row-major `dimensions × dimensions`.
    private(set) var products = [Double](repeating: 0, count: dimensions * dimensions)

    mutating func add(frame: Int, of voiceprint: Voiceprint) {
        let base = frame * Self.dimensions
        count += 1
        for row in 0..<Self.dimensions {
            let x = Double(voiceprint.codes[base + row])
            sum[row] += x
            for column in row..<Self.dimensions {
                products[row * Self.dimensions + column] += x * Double(voiceprint.codes[base + column])
            }
        }
    }

    static func += (lhs: inout VoiceStatistics, rhs: VoiceStatistics) {
        lhs.count += rhs.count
        for index in lhs.sum.indices { lhs.sum[index] += rhs.sum[index] }
        for index in lhs.products.indices { lhs.products[index] += rhs.products[index] }
    }

    var mean: [Double] { sum.map { $0 / Double(max(1, count)) } }

    /// The maximum-likelihood covariance, full (both triangles filled).
    var covariance: [Double] {
        let n = Double(max(1, count))
        let mean = self.mean
        var result = [Double](repeating: 0, count: products.count)
        for row in 0..<Self.dimensions {
            for column in row..<Self.dimensions {
                let value = products[row * Self.dimensions + column] / n - mean[row] * mean[column]
                result[row * Self.dimensions + column] = value
                result[column * Self.dimensions + row] = value
            }
        }
        return result
    }
}

/// A speaker's voice as one Gaussian over voiceprint frames, with full covariance: the coefficients of a
/// voice move together, and it is in those joint movements that two similar voices differ.
struct VoiceGaussian {
    let mean: [Double]
    /// The inverse covariance, row-major.
    let precision: [Double]
    let logDeterminant: Double

    /// The Gaussian fitted to `statistics`, its covariance floored by `floor` (per coefficient, added to the
    /// diagonal) so that a small cluster cannot collapse onto a few frames; nil when even that is singular.
    init?(fitting statistics: VoiceStatistics, floor: [Double]) {
        let dimensions = VoiceStatistics.dimensions
        var covariance = statistics.covariance
        for index in 0..<dimensions { covariance[index * dimensions + index] += floor[index] }
        guard let (inverse, logDeterminant) = Self.invert(covariance, dimensions) else { return nil }
        mean = statistics.mean
        precision = inverse
        self.logDeterminant = logDeterminant
    }

    /// The log-likelihood of all the frames behind `statistics`, without the constant every speaker shares:
    /// −½ Σ (x−μ)ᵀP(x−μ) − ½ n log|Σ|, from the sums alone.
    func logLikelihood(of statistics: VoiceStatistics) -> Double {
        let dimensions = VoiceStatistics.dimensions
        let n = Double(statistics.count)
        var quadratic = 0.0
        for row in 0..<dimensions {
            var precisionMean = 0.0
            for column in 0..<dimensions {
                let p = precision[row * dimensions + column]
                // The products are kept in the upper triangle only; the matrix is symmetric.
                let product = row <= column ? row * dimensions + column : column * dimensions + row
                quadratic += p * statistics.products[product]
                precisionMean += p * mean[column]
            }
            quadratic += precisionMean * (n * mean[row] - 2 * statistics.sum[row])
        }
        return -0.5 * (quadratic + n * logDeterminant)
    }

    /// The inverse and log-determinant of a symmetric positive-definite matrix, by Cholesky; nil when it is
    /// not positive definite.
    private static func invert(_ matrix: [Double], _ n: Int) -> ([Double], Double)? {
        var lower = [Double](repeating: 0, count: n * n)
        for row in 0..<n {
            for column in 0...row {
                var value = matrix[row * n + column]
                for k in 0..<column { value -= lower[row * n + k] * lower[column * n + k] }
                if row == column {
                    guard value > 1e-12 else { return nil }
                    lower[row * n + row] = value.squareRoot()
                } else {
                    lower[row * n + column] = value / lower[column * n + column]
                }
            }
        }
        var logDeterminant = 0.0
        for index in 0..<n { logDeterminant += 2 * log(lower[index * n + index]) }
        // L⁻¹ by forward substitution, then Σ⁻¹ = L⁻ᵀ L⁻¹.
        var inverseLower = [Double](repeating: 0, count: n * n)
        for column in 0..<n {
            inverseLower[column * n + column] = 1 / lower[column * n + column]
            for row in (column + 1)..<n {
                var value = 0.0
                for k in column..<row { value -= lower[row * n + k] * inverseLower[k * n + column] }
                inverseLower[row * n + column] = value / lower[row * n + row]
            }
        }
        var inverse = [Double](repeating: 0, count: n * n)
        for row in 0..<n {
            for column in 0..<n {
                var value = 0.0
                for k in max(row, column)..<n { value += inverseLower[k * n + row] * inverseLower[k * n + column] }
                inverse[row * n + column] = value
            }
        }
        return (inverse, logDeterminant)
    }
}
