using BoardKit.Firmware.Core.Led;

namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// The identify screen (identify command): with t = ms since it appeared, it alternates every
    /// <see cref="PhaseMs"/> between colour test bars (floor(t / 2000) even) and the board id in the built-in font in
    /// white (odd). Bars: column x is bar floor(4x / W) of red, green, blue, white (full scale; the LED stage limits
    /// the current). The id is drawn by <see cref="TextDrawing"/>; if it is wider than the panel it scrolls on a clock
    /// that runs only while the id is shown (<see cref="TextTimeAt"/>), so it continues where it stopped instead of
    /// restarting every 2 s. No allocation; never throws.
    /// </summary>
    public static class IdentifyDrawing
    {
        /// <summary>Length of each phase (bars, id), ms.</summary>
        public const int PhaseMs = 2000;

        /// <summary>Colour of the board id text, 0xRRGGBB: white.</summary>
        public const int TextColour = 0xFFFFFF;

        /// <summary>Number of colour bars.</summary>
        public const int BarCount = 4;

        private static readonly int[] BarColours = { 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF };

        /// <summary>True while the bars show at <paramref name="t"/> ms (even phases); false while the id shows.</summary>
        public static bool IsBarsAt(long t)
        {
            return ((t < 0 ? 0 : t) / PhaseMs) % 2 == 0;
        }

        /// <summary>
        /// Time the id has been on screen by <paramref name="t"/> ms, ms: floor(t / 4000) x 2000 + max(0, (t mod 4000) - 2000).
        /// The scroll clock of a board id wider than the panel.
        /// </summary>
        public static long TextTimeAt(long t)
        {
            long u = t < 0 ? 0 : t;
            long inCycle = (u % (2 * PhaseMs)) - PhaseMs;
            return ((u / (2 * PhaseMs)) * PhaseMs) + (inCycle > 0 ? inCycle : 0);
        }

        /// <summary>Draws the four colour bars over the whole panel. True if any pixel changed.</summary>
        public static bool DrawBars(PanelFrame panel)
        {
            int width = panel.Width;
            int height = panel.Height;
            byte[] rgb = panel.Rgb;
            bool changed = false;
            int p = 0;
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    if (PanelPixels.Put(rgb, p, BarColours[(BarCount * x) / width]))
                    {
                        changed = true;
                    }

                    p += PanelFrame.BytesPerPixel;
                }
            }

            return changed;
        }
    }
}
