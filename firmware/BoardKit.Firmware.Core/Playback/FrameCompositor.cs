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
    /// <item>Still and strip (scroll beside a still frame, <see cref="DrawStillAndStrip"/>): the still frame placed at
    /// the left on columns 0..W0-1 (W0 its width, at most the panel's), the strip window on columns W0..W-1, where
    /// panel column x shows strip column (offset + x - W0) mod S.</item>
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

        /// <summary>
        /// Draws a scroll beside a still frame: <paramref name="still"/> placed at the panel's left, on panel columns
        /// 0..W0-1 (W0 = its width, at most the panel width; rows below it black), and the window of
        /// <paramref name="strip"/> starting at strip column <paramref name="offset"/> (taken mod the strip width;
        /// negative counts as 0) on columns W0..W-1: panel column x shows strip column (offset + x - W0) mod S. A still
        /// frame as wide as the panel leaves no window. If either frame failed to decode the panel is black. True if
        /// any pixel changed. The two frames may share one pixel buffer (<see cref="DecodedFrame.PixelOffset"/>).
        /// </summary>
        public static bool DrawStillAndStrip(DecodedFrame still, DecodedFrame strip, PanelFrame panel, int offset)
        {
            if (!still.IsValid || !strip.IsValid)
            {
                return PanelPixels.Fill(panel, PanelPixels.Black);
            }

            int window = still.Header.Width < panel.Width ? still.Header.Width : panel.Width;
            bool changed = DrawColumns(still, panel, 0, window, 0, false);
            if (DrawColumns(strip, panel, window, panel.Width, offset, true))
            {
                changed = true;
            }

            return changed;
        }

        /// <summary>
        /// Draws panel columns [<paramref name="left"/>, <paramref name="right"/>) from <paramref name="frame"/>: column
        /// left shows frame column <paramref name="start"/> (mod the width when <paramref name="wrap"/>), each next
        /// column the next frame column (wrapping to 0 when <paramref name="wrap"/>); beyond the frame's width or height
        /// black. Reads the frame's pixels from its PixelOffset. True if any pixel changed.
        /// </summary>
        private static bool DrawColumns(DecodedFrame frame, PanelFrame panel, int left, int right, int start, bool wrap)
        {
            FrameHeader header = frame.Header;
            int frameWidth = header.Width;
            int frameHeight = header.Height;
            int bpp = PixelPacking.BitsPerPixel(header.Format);
            if (bpp == 0 || frameWidth < 1)
            {
                frameWidth = 1;
                frameHeight = 0;
            }

            int first = start < 0 ? 0 : (wrap ? start % frameWidth : start);
            int mask = (1 << (bpp < BitsPerByte ? bpp : BitsPerByte)) - 1;
            int origin = frame.PixelOffset;
            byte[] pixels = frame.Pixels;
            int[] colours = frame.Colours;
            byte[] rgb = panel.Rgb;
            int width = panel.Width;
            bool changed = false;
            for (int y = 0; y < panel.Height; y++)
            {
                int column = first;
                int rowStart = y * frameWidth;
                int p = ((y * width) + left) * PanelFrame.BytesPerPixel;
                for (int x = left; x < right; x++)
                {
                    int colour = PanelPixels.Black;
                    if (y < frameHeight && column < frameWidth)
                    {
                        int index = rowStart + column;
                        if (bpp == 24)
                        {
                            int q = origin + (index * 3);
                            colour = (pixels[q] << 16) | (pixels[q + 1] << 8) | pixels[q + 2];
                        }
                        else
                        {
                            int bit = index * bpp;
                            int shift = BitsPerByte - bpp - (bit & (BitsPerByte - 1));
                            colour = colours[(pixels[origin + (bit >> 3)] >> shift) & mask];
                        }
                    }

                    // PanelPixels.Put inlined, as in Draw: this runs for every window pixel of every scroll step.
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
