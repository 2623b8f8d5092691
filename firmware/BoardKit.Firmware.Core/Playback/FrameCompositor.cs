using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// Draws a decoded frame into the panel, every panel pixel exactly once:
    /// <list type="bullet">
    /// <item>Placed (static, page, live, alert, preset frames): frame pixel (x, y) goes to panel pixel (x, y), the
    /// top-left corners together; frame pixels beyond the panel are clipped; panel pixels the frame does not cover are
    /// black.</item>
    /// <item>Strip window (scroll items): panel column x shows strip column (offset + x) mod S (S = strip width), so
    /// a strip narrower than the panel repeats; rows as for a placed frame.</item>
    /// </list>
    /// Palette formats show their palette entry's RGB; Rgb888 its own bytes. No allocation; never throws for a frame
    /// that decoded (an invalid one draws black).
    /// </summary>
    public static class FrameCompositor
    {
        /// <summary>Bits per byte, for packed pixel addressing.</summary>
        private const int BitsPerByte = 8;

        /// <summary>Draws <paramref name="frame"/> placed at the panel's top-left corner. True if any pixel changed.</summary>
        public static bool DrawPlaced(DecodedFrame frame, PanelFrame panel)
        {
            return Draw(frame, panel, 0, false);
        }

        /// <summary>
        /// Draws the window of strip <paramref name="frame"/> that starts at strip column <paramref name="offset"/>
        /// (taken mod the strip width; negative counts as 0). True if any pixel changed.
        /// </summary>
        public static bool DrawStripWindow(DecodedFrame frame, PanelFrame panel, int offset)
        {
            return Draw(frame, panel, offset, true);
        }

        private static bool Draw(DecodedFrame frame, PanelFrame panel, int offset, bool wrap)
        {
            if (!frame.IsValid)
            {
                return PanelPixels.Fill(panel, PanelPixels.Black);
            }

            FrameHeader header = frame.Header;
            int frameWidth = header.Width;
            int frameHeight = header.Height;
            int bpp = PixelPacking.BitsPerPixel(header.Format);
            if (bpp == 0 || frameWidth < 1 || frameHeight < 1)
            {
                return PanelPixels.Fill(panel, PanelPixels.Black);
            }

            int start = wrap ? (offset < 0 ? 0 : offset % frameWidth) : 0;
            int mask = (1 << (bpp < BitsPerByte ? bpp : BitsPerByte)) - 1;
            byte[] pixels = frame.Pixels;
            int[] colours = frame.Colours;
            byte[] rgb = panel.Rgb;
            int width = panel.Width;
            int height = panel.Height;
            bool changed = false;
            int p = 0;
            for (int y = 0; y < height; y++)
            {
                int column = start;
                int rowStart = y * frameWidth;
                for (int x = 0; x < width; x++)
                {
                    int colour = PanelPixels.Black;
                    if (y < frameHeight && column < frameWidth)
                    {
                        int index = rowStart + column;
                        if (bpp == 24)
                        {
                            int q = index * 3;
                            colour = (pixels[q] << 16) | (pixels[q + 1] << 8) | pixels[q + 2];
                        }
                        else
                        {
                            int bit = index * bpp;
                            int shift = BitsPerByte - bpp - (bit & (BitsPerByte - 1));
                            colour = colours[(pixels[bit >> 3] >> shift) & mask];
                        }
                    }

                    // PanelPixels.Put inlined: this loop runs for every pixel of every scroll step, and a call costs
                    // more than the compare on the interpreter.
                    byte r = (byte)(colour >> 16);
                    byte g = (byte)(colour >> 8);
                    byte b = (byte)colour;
                    if (rgb[p] != r || rgb[p + 1] != g || rgb[p + 2] != b)
                    {
                        rgb[p] = r;
                        rgb[p + 1] = g;
                        rgb[p + 2] = b;
                        changed = true;
                    }

                    p += PanelFrame.BytesPerPixel;
                    column++;
                    if (wrap && column == frameWidth)
                    {
                        column = 0;
                    }
                }
            }

            return changed;
        }
    }
}
