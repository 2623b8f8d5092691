using BoardKit.Firmware.Core.Led;

namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// What a board shows for a local emergency (button held) when it holds no emergency preset: red, blinking with a
    /// <see cref="BlinkPeriodMs"/> period (lit while (t mod 1000) &lt; 500), when lit:
    /// <list type="bullet">
    /// <item>a 1 px border: every pixel with x = 0, x = W - 1, y = 0 or y = H - 1;</item>
    /// <item>an exclamation mark of unit u = max(1, floor(H / 8)), u px wide at columns [floor((W - u) / 2), +u):
    /// its stem on rows [2u, H - 4u), its dot on rows [H - 3u, H - 2u). On a 32x8 panel: column 15, stem rows 2-3,
    /// dot row 5; on 64x16: columns 31-32, stem rows 4-7, dot rows 10-11.</item>
    /// </list>
    /// Every other pixel, and every pixel while unlit, is black. No allocation; never throws.
    /// </summary>
    public static class EmergencyFallbackDrawing
    {
        /// <summary>The colour, 0xRRGGBB: full red.</summary>
        public const int Colour = 0xFF0000;

        /// <summary>Blink period, ms: 500 ms on, 500 ms off, as the gateway gives emergency bulletins.</summary>
        public const int BlinkPeriodMs = 1000;

        /// <summary>Panel rows per unit of the exclamation mark (as the built-in font's scale).</summary>
        public const int RowsPerUnit = 8;

        /// <summary>True while the fallback is lit at <paramref name="t"/> ms after it appeared.</summary>
        public static bool IsLitAt(long t)
        {
            return ItemTimeline.IsBlinkOn(t, BlinkPeriodMs);
        }

        /// <summary>Draws the fallback, lit or not (all black). True if any pixel changed.</summary>
        public static bool Draw(PanelFrame panel, bool lit)
        {
            if (!lit)
            {
                return PanelPixels.Fill(panel, PanelPixels.Black);
            }

            int width = panel.Width;
            int height = panel.Height;
            int unit = height / RowsPerUnit;
            if (unit < 1)
            {
                unit = 1;
            }

            int markLeft = (width - unit) / 2;
            int markRight = markLeft + unit;
            int stemTop = 2 * unit;
            int stemBottom = height - (4 * unit);
            int dotTop = height - (3 * unit);
            int dotBottom = height - (2 * unit);
            byte[] rgb = panel.Rgb;
            bool changed = false;
            int p = 0;
            for (int y = 0; y < height; y++)
            {
                bool borderRow = y == 0 || y == height - 1;
                bool markRow = (y >= stemTop && y < stemBottom) || (y >= dotTop && y < dotBottom);
                for (int x = 0; x < width; x++)
                {
                    bool on = borderRow || x == 0 || x == width - 1 || (markRow && x >= markLeft && x < markRight);
                    if (PanelPixels.Put(rgb, p, on ? Colour : PanelPixels.Black))
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
