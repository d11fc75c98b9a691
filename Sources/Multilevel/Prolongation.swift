import NeuralNet
import Tensor

extension MLP {
    /// This (finer) network with the parameters of `coarse` copied into its leading blocks,
    /// as Opifex's `prolongate`: each layer's `kernel[:in, :out]` and `bias[:out]` come from the
    /// corresponding coarse layer, every other entry keeps its current (random) value.
    ///
    /// The network's function changes in general: the new hidden units keep their
    /// initialisation and feed into the next layer.
    /// - Throws: ``MultilevelError/incompatibleNetworks(reason:)`` when the networks differ in
    ///   depth or in input or output size.
    public func prolongated(from coarse: MLP) throws -> MLP {
        try Self.checkCompatible(coarse, self)
        var fine = self
        for index in fine.layers.indices {
            fine.layers[index] = Linear(kernel: layers[index].kernel.overwritingLeadingBlock(with: coarse.layers[index].kernel),
                                        bias: layers[index].bias.overwritingLeadingBlock(with: coarse.layers[index].bias))
        }
        return fine
    }

    /// This (coarser) network with every parameter replaced by the leading block of `fine`'s,
    /// as Opifex's `restrict`: each layer's kernel is `fine.kernel[:in, :out]`, its bias `fine.bias[:out]`.
    /// - Throws: ``MultilevelError/incompatibleNetworks(reason:)`` when the networks differ in
    ///   depth or in input or output size, or `fine` is narrower than this network somewhere.
    public func restricted(from fine: MLP) throws -> MLP {
        try Self.checkCompatible(self, fine)
        for (coarseSize, fineSize) in zip(layerSizes, fine.layerSizes) where coarseSize > fineSize {
            throw MultilevelError.incompatibleNetworks(
                reason: "cannot restrict widths \(fine.layerSizes) to the wider \(layerSizes)")
        }
        var coarse = self
        for index in coarse.layers.indices {
            coarse.layers[index] = Linear(kernel: layers[index].kernel.overwritingLeadingBlock(with: fine.layers[index].kernel),
                                          bias: layers[index].bias.overwritingLeadingBlock(with: fine.layers[index].bias))
        }
        return coarse
    }

    private static func checkCompatible(_ coarse: MLP, _ fine: MLP) throws {
        guard coarse.layers.count == fine.layers.count else {
            throw MultilevelError.incompatibleNetworks(
                reason: "\(coarse.layers.count) layers against \(fine.layers.count)")
        }
        guard coarse.layerSizes.first == fine.layerSizes.first, coarse.layerSizes.last == fine.layerSizes.last else {
            throw MultilevelError.incompatibleNetworks(
                reason: "widths \(coarse.layerSizes) and \(fine.layerSizes) differ in input or output size")
        }
    }
}
