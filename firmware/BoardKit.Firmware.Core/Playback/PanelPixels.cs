using BoardKit.Firmware.Core.Led;

namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// Writes pixels into a <see cref="PanelFrame"/>'s R,G,B bytes and tells whether anything changed, so that every
    /// drawing reports "changed" exactly (the LED stage skips unchanged frames) without a second copy of the panel.
    /// No allocation; the caller keeps offsets inside the panel.
    /// </summary>
    public static class PanelPixels
    {
        /// <summary>Black (LEDs off), 0xRRGGBB.</summary>
        public const int Black = 0x000000;

        /// <summary>
        /// Sets the pixel whose R byte is at <paramref name="offset"/> of <paramref name="rgb"/> to
        /// <paramref name="colour"/> (0xRRGGBB). True if any of its three bytes changed.
        /// </summary>
        public static bool Put(byte[] rgb, int offset, int colour)
        {
            byte r = (byte)(colour >> 16);
            byte g = (byte)(colour >> 8);
            byte b = (byte)colour;
            if (rgb[offset] == r && rgb[offset + 1] == g && rgb[offset + 2] == b)
            {
                return false;
            }

            rgb[offset] = r;
            rgb[offset + 1] = g;
            rgb[offset + 2] = b;
            return true;
        }

        /// <summary>Sets every pixel of <paramref name="panel"/> to <paramref name="colour"/>; true if any changed.</summary>
        public static bool Fill(PanelFrame panel, int colour)
        {
            byte[] rgb = panel.Rgb;
            bool changed = false;
            for (int p = 0; p < rgb.Length; p += PanelFrame.BytesPerPixel)
            {
                if (Put(rgb, p, colour))
                {
                    changed = true;
                }
            }

            return changed;
        }
    }
}
