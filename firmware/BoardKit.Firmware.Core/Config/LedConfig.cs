namespace BoardKit.Firmware.Core.Config
{
    /// <summary>board.json "led" (optional, as are its fields): how the LEDs take colour.</summary>
    public sealed class LedConfig
    {
        /// <summary>Lowest gamma, 1.0 (linear), in thousandths.</summary>
        public const int MinGammaThousandths = 1000;

        /// <summary>Highest gamma, 3.0, in thousandths: beyond it the dim half of the range collapses to off on 8-bit LEDs.</summary>
        public const int MaxGammaThousandths = 3000;

        /// <summary>Default gamma 2.2 in thousandths: the sRGB-like curve most LED libraries use.</summary>
        public const int DefaultGammaThousandths = 2200;

        /// <summary>The JSON words for the colour orders, indexed by the Led.ColorOrder constants ("rgb" = 0 ...).</summary>
        internal static readonly string[] ColorOrderNames = ColorOrderWords();

        /// <summary>"colorOrder": the order the LED reads its three colour bytes in, a Led.ColorOrder constant; default grb.</summary>
        public int ColorOrder { get; set; } = Led.ColorOrder.Default;

        /// <summary>"gamma": the correction exponent times 1000 (2.2 is 2200), 1000..3000, default 2200; at most 3 decimal places in the file.</summary>
        public int GammaThousandths { get; set; } = DefaultGammaThousandths;

        private static string[] ColorOrderWords()
        {
            string[] words = new string[6];
            for (int i = 0; i < words.Length; i++)
            {
                words[i] = Led.ColorOrder.Name(i);
            }

            return words;
        }
    }
}
