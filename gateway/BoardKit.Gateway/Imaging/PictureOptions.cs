namespace BoardKit.Gateway.Imaging
{
    /// <summary>How a picture is made for a panel (<see cref="PictureRenderer"/>).</summary>
    public sealed record PictureOptions
    {
        /// <summary>The defaults: fit, automatic colours, error diffusion, not crisp, gamma 2.2, error target 8.</summary>
        public static PictureOptions Default { get; } = new();

        /// <summary>Placement in the area. Default <see cref="ImageFit.Fit"/>.</summary>
        public ImageFit Fit { get; init; } = ImageFit.Fit;

        /// <summary>Colours, hence wire format. Default <see cref="PictureColours.Auto"/>.</summary>
        public PictureColours Colours { get; init; } = PictureColours.Auto;

        /// <summary>Dithering. Default <see cref="DitherMode.Diffusion"/>. Ignored when <see cref="Crisp"/>.</summary>
        public DitherMode Dither { get; init; } = DitherMode.Diffusion;

        /// <summary>True for drawings, logos and text-like pictures: majority scaling, no blended colours, no dither
        /// (<see cref="CrispScaler"/>). Default false (photos).</summary>
        public bool Crisp { get; init; }

        /// <summary>The board's LED gamma (board.json <c>led.gamma</c>, 1.0–3.0). Default 2.2.</summary>
        public double Gamma { get; init; } = LightCurves.BoardGamma;

        /// <summary>The fidelity target for <see cref="PictureColours.Auto"/>: the largest <see cref="Fidelity"/> error
        /// (RMS wire-value step, 0–255) a format may have to be chosen. Default 8: about 3 % of full scale, where
        /// banding and lost detail start to show on a panel read from a few metres.</summary>
        public double MaxError { get; init; } = 8.0;
    }
}
