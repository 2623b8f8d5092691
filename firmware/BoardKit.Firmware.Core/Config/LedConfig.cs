namespace BoardKit.Firmware.Core.Config
{
    /// <summary>board.json "led" (optional, as are its fields): how the LEDs take colour.</summary>
    public sealed class LedConfig
    {
        /// <summary>Colour order G, R, B: WS2812B and most clones (the default).</summary>
        public const int ColorOrderGrb = 0;

        /// <summary>Colour order R, G, B.</summary>
        public const int ColorOrderRgb = 1;

        /// <summary>Colour order B, R, G.</summary>
        public const int ColorOrderBrg = 2;

        /// <summary>Colour order R, B, G.</summary>
        public const int ColorOrderRbg = 3;

        /// <summary>Colour order G, B, R.</summary>
        public const int ColorOrderGbr = 4;

        /// <summary>Colour order B, G, R.</summary>
        public const int ColorOrderBgr = 5;

        /// <summary>Lowest gamma, 1.0 (linear), in thousandths.</summary>
        public const int MinGammaThousandths = 1000;

        /// <summary>Highest gamma, 3.0, in thousandths: beyond it the dim half of the range collapses to off on 8-bit LEDs.</summary>
        public const int MaxGammaThousandths = 3000;

        /// <summary>Default gamma 2.2 in thousandths: the sRGB-like curve most LED libraries use.</summary>
        public const int DefaultGammaThousandths = 2200;

        /// <summary>The JSON words for the colour orders, indexed by the ColorOrder constants.</summary>
        internal static readonly string[] ColorOrderNames = { "grb", "rgb", "brg", "rbg", "gbr", "bgr" };

        /// <summary>"colorOrder": the order the LED reads its three colour bytes in, ColorOrderGrb .. ColorOrderBgr; default grb.</summary>
        public int ColorOrder { get; set; } = ColorOrderGrb;

        /// <summary>"gamma": the correction exponent times 1000 (2.2 is 2200), 1000..3000, default 2200; at most 3 decimal places in the file.</summary>
        public int GammaThousandths { get; set; } = DefaultGammaThousandths;
    }
}
