using System;
using System.Collections.Generic;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Preview
{
    /// <summary>
    /// Pictures of a board as a person sees it: each LED a round dot of its colour, unlit LEDs dim grey, on a dark
    /// board with gaps between the dots. At scale 1 the picture is the frame itself, one pixel per LED.
    /// </summary>
    public static class LedPreview
    {
        /// <summary>Colour of the board between LEDs, 0xRRGGBB.</summary>
        public const uint BoardColor = 0x101010;

        /// <summary>Colour of an unlit LED (palette entry 0 when it is black), 0xRRGGBB: visible against the board so
        /// the panel's size reads in the preview, far darker than any lit LED.</summary>
        public const uint UnlitColor = 0x2A2A2A;

        /// <summary>Largest scale accepted, in picture pixels per LED.</summary>
        public const int MaxScale = 64;

        /// <summary>Draws <paramref name="frame"/> at <paramref name="scale"/> picture pixels per LED.</summary>
        /// <param name="frame">A rendered frame (at most 255 palette entries).</param>
        /// <param name="scale">1–<see cref="MaxScale"/>. 1 returns a copy of the frame (exact LED colours, black = off);
        /// 2 or more draws dots: a gap of max(1, scale / 4) px between dots, round from about scale 6 up.</param>
        /// <returns>A new bitmap of (width × scale) x (height × scale) pixels with its own palette.</returns>
        public static IndexedBitmap Render(IndexedBitmap frame, int scale)
        {
            ArgumentNullException.ThrowIfNull(frame);
            ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);
            if (scale == 1)
            {
                var copy = new IndexedBitmap(frame.Width, frame.Height, (uint[])frame.Palette.Clone());
                frame.Pixels.CopyTo(copy.Pixels, 0);
                return copy;
            }

            if (frame.Palette.Length > 255)
            {
                throw new ArgumentException("A preview needs one palette entry for the board: at most 255 colours.", nameof(frame));
            }

            // Preview palette: 0 = board, 1 + i = frame colour i (black shown as an unlit LED).
            var palette = new uint[frame.Palette.Length + 1];
            palette[0] = BoardColor;
            for (int i = 0; i < frame.Palette.Length; i++)
            {
                palette[i + 1] = frame.Palette[i] == 0x000000 ? UnlitColor : frame.Palette[i];
            }

            bool[] dot = DotMask(scale);
            var picture = new IndexedBitmap(frame.Width * scale, frame.Height * scale, palette);
            for (int y = 0; y < frame.Height; y++)
            {
                for (int x = 0; x < frame.Width; x++)
                {
                    byte index = (byte)(frame[x, y] + 1);
                    for (int dy = 0; dy < scale; dy++)
                    {
                        int row = ((y * scale) + dy) * picture.Width;
                        for (int dx = 0; dx < scale; dx++)
                        {
                            if (dot[(dy * scale) + dx])
                            {
                                picture.Pixels[row + (x * scale) + dx] = index;
                            }
                        }
                    }
                }
            }

            return picture;
        }

        /// <summary>Draws every frame with <see cref="Render"/>.</summary>
        public static IReadOnlyList<IndexedBitmap> RenderAll(IReadOnlyList<IndexedBitmap> frames, int scale)
        {
            ArgumentNullException.ThrowIfNull(frames);
            var pictures = new List<IndexedBitmap>(frames.Count);
            foreach (IndexedBitmap frame in frames)
            {
                pictures.Add(Render(frame, scale));
            }

            return pictures;
        }

        /// <summary>Which pixels of a scale x scale cell belong to the LED: a disc of diameter scale − gap, in the
        /// top-left of the cell so the gaps line up between neighbouring cells.</summary>
        private static bool[] DotMask(int scale)
        {
            int gap = Math.Max(1, scale / 4);
            int diameter = scale - gap;
            double centre = (diameter / 2.0) + (gap / 2);

            // A quarter pixel more than the geometric radius keeps small dots (3–5 px) full rather than cross-shaped.
            double radius = (diameter / 2.0) + 0.25;
            var mask = new bool[scale * scale];
            for (int dy = 0; dy < scale; dy++)
            {
                for (int dx = 0; dx < scale; dx++)
                {
                    double ox = dx + 0.5 - centre;
                    double oy = dy + 0.5 - centre;
                    mask[(dy * scale) + dx] = (ox * ox) + (oy * oy) <= radius * radius;
                }
            }

            return mask;
        }
    }
}
