using System;
using System.Globalization;
using System.Text;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Preview
{
    /// <summary>
    /// A frame as text for a terminal with 24-bit colour: each character cell shows two LEDs stacked, the upper as the
    /// foreground of U+2580 UPPER HALF BLOCK (▀) and the lower as its background.
    /// </summary>
    public static class AnsiPreview
    {
        /// <summary>Colour for unlit LEDs (palette colour 0x000000), 0xRRGGBB: a little above black so the panel's
        /// outline shows on a black terminal.</summary>
        public const uint UnlitColor = 0x202020;

        private const char UpperHalfBlock = '\u2580';

        /// <summary>Renders <paramref name="frame"/> as ceil(height / 2) lines, each ending in a colour reset and "\n".
        /// An odd last row has the terminal's own background below it.</summary>
        public static string Render(IndexedBitmap frame)
        {
            ArgumentNullException.ThrowIfNull(frame);
            var text = new StringBuilder();
            for (int y = 0; y < frame.Height; y += 2)
            {
                uint? foreground = null;
                uint? background = null;
                for (int x = 0; x < frame.Width; x++)
                {
                    uint top = Shown(frame.ColorAt(x, y));
                    if (foreground != top)
                    {
                        Append(text, 38, top);
                        foreground = top;
                    }

                    if (y + 1 < frame.Height)
                    {
                        uint bottom = Shown(frame.ColorAt(x, y + 1));
                        if (background != bottom)
                        {
                            Append(text, 48, bottom);
                            background = bottom;
                        }
                    }

                    text.Append(UpperHalfBlock);
                }

                text.Append("\u001b[0m\n");
            }

            return text.ToString();
        }

        private static uint Shown(uint colour) => colour == 0x000000 ? UnlitColor : colour;

        /// <summary>SGR 38;2;r;g;b (foreground) or 48;2;r;g;b (background).</summary>
        private static void Append(StringBuilder text, int which, uint colour) =>
            text.Append(CultureInfo.InvariantCulture, $"\u001b[{which};2;{(colour >> 16) & 0xFF};{(colour >> 8) & 0xFF};{colour & 0xFF}m");
    }
}
