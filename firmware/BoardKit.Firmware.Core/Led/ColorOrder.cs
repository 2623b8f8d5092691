namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// The order in which an LED takes its three colour bytes off the data line. WS2812B takes green, red, blue
    /// (<see cref="Grb"/>; WS2812B datasheet, "Composition of 24bit data": G7..G0 R7..R0 B7..B0); other three-channel
    /// parts and clones use other orders. Config: "colorOrder" in board.json, a short lowercase string ("grb").
    /// Plain int constants, not an enum (on nanoFramework enum.ToString() prints the number). Four-channel (RGBW)
    /// LEDs are not covered.
    /// </summary>
    public static class ColorOrder
    {
        /// <summary>Red, green, blue (e.g. WS2811 ICs wired RGB, APA106 variants).</summary>
        public const int Rgb = 0;

        /// <summary>Red, blue, green.</summary>
        public const int Rbg = 1;

        /// <summary>Green, red, blue: WS2812B, SK6812 RGB. The default.</summary>
        public const int Grb = 2;

        /// <summary>Green, blue, red.</summary>
        public const int Gbr = 3;

        /// <summary>Blue, red, green.</summary>
        public const int Brg = 4;

        /// <summary>Blue, green, red.</summary>
        public const int Bgr = 5;

        /// <summary>Order for a WS2812B: <see cref="Grb"/>.</summary>
        public const int Default = Grb;

        /// <summary>
        /// The order named by <paramref name="name"/>: "rgb", "rbg", "grb", "gbr", "brg" or "bgr" (lowercase, as
        /// written in board.json), or -1 for anything else (including null and uppercase). Start-up only.
        /// </summary>
        public static int Parse(string? name)
        {
            for (int order = Rgb; order <= Bgr; order++)
            {
                if (name == Name(order))
                {
                    return order;
                }
            }

            return -1;
        }

        /// <summary>True for <see cref="Rgb"/> .. <see cref="Bgr"/>.</summary>
        public static bool IsValid(int order)
        {
            return order >= Rgb && order <= Bgr;
        }

        /// <summary>The lowercase name of <paramref name="order"/> ("grb"), or "?" for an invalid one.</summary>
        public static string Name(int order)
        {
            switch (order)
            {
                case Rgb: return "rgb";
                case Rbg: return "rbg";
                case Grb: return "grb";
                case Gbr: return "gbr";
                case Brg: return "brg";
                case Bgr: return "bgr";
                default: return "?";
            }
        }

        /// <summary>
        /// Which of R (0), G (1), B (2), i.e. the byte offset within a PanelFrame pixel, the LED takes as its
        /// <paramref name="slot"/>-th byte (0, 1, 2) in <paramref name="order"/>. For Grb: slot 0 -> 1 (G),
        /// slot 1 -> 0 (R), slot 2 -> 2 (B). Returns -1 for an invalid order or slot.
        /// </summary>
        public static int Channel(int order, int slot)
        {
            string name = Name(order);
            if (!IsValid(order) || slot < 0 || slot > 2)
            {
                return -1;
            }

            char c = name[slot];
            return c == 'r' ? 0 : (c == 'g' ? 1 : 2);
        }
    }
}
