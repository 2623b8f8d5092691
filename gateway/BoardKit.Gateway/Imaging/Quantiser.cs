using System;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// Maps a picture in linear light onto a palette, giving the <see cref="IndexedBitmap"/> a board receives. Colours
    /// are compared as wire values (<see cref="ColourMetric"/>); light is mixed and errors are carried in linear light,
    /// the light the LEDs give (palette entry v shows (v/255)^γ), so a dithered area has the picture's true brightness.
    /// <list type="bullet">
    /// <item><see cref="DitherMode.None"/>: each pixel takes the palette entry nearest its wire values.</item>
    /// <item><see cref="DitherMode.Ordered"/>: with c1, c2 the nearest and second-nearest entries, the pixel's light p is
    /// projected onto the segment from c1's light to c2's: t = clamp((p − c1)·(c2 − c1) / |c2 − c1|², 0, 1); the pixel
    /// takes c2 when t &gt; (B(x mod 8, y mod 8) + 0.5) / 64, B the 8x8 Bayer matrix (0–63), else c1.</item>
    /// <item><see cref="DitherMode.Diffusion"/>: Floyd–Steinberg, serpentine (even rows left to right, odd rows right to
    /// left): the wanted light (the pixel's plus the error carried to it, clamped to 0..1) takes its nearest entry, and
    /// wanted − entry's light goes 7/16 to the next pixel in the row, 3/16, 5/16 and 1/16 to the three below (behind,
    /// under, ahead).</item>
    /// </list>
    /// Thread-safe.
    /// </summary>
    public static class Quantiser
    {
        /// <summary>Most colours a full-colour (Rgb888) picture gets: 240 of the 256 a rendered frame holds, 16 left for text.</summary>
        public const int MaxRgbColours = 240;

        private static readonly int[] Bayer8 = BuildBayer();

        /// <summary>Maps <paramref name="image"/> onto <paramref name="palette"/> (0xRRGGBB, 1–256 entries) for a board with
        /// gamma <paramref name="gamma"/>.</summary>
        public static IndexedBitmap Map(LinearImage image, uint[] palette, double gamma, DitherMode dither)
        {
            ArgumentNullException.ThrowIfNull(image);
            ArgumentNullException.ThrowIfNull(palette);
            var table = new PaletteTable(palette, gamma);
            var bitmap = new IndexedBitmap(image.Width, image.Height, (uint[])palette.Clone());
            switch (dither)
            {
                case DitherMode.None:
                    MapNearest(image, table, gamma, bitmap);
                    break;
                case DitherMode.Ordered:
                    MapOrdered(image, table, gamma, bitmap);
                    break;
                case DitherMode.Diffusion:
                    MapDiffusion(image, table, gamma, bitmap);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(dither), dither, "Unknown dither mode.");
            }

            return bitmap;
        }

        /// <summary>The Bayer threshold of (x, y): (B + 0.5) / 64, in (0, 1).</summary>
        public static float OrderedThreshold(int x, int y) => (Bayer8[((y & 7) * 8) + (x & 7)] + 0.5f) / 64f;

        private static void MapNearest(LinearImage image, PaletteTable table, double gamma, IndexedBitmap bitmap)
        {
            float[] v = image.Values;
            for (int p = 0; p < bitmap.Pixels.Length; p++)
            {
                int i = p * 3;
                bitmap.Pixels[p] = (byte)table.Nearest(ColourMetric.Encode(v[i], gamma), ColourMetric.Encode(v[i + 1], gamma), ColourMetric.Encode(v[i + 2], gamma));
            }
        }

        private static void MapOrdered(LinearImage image, PaletteTable table, double gamma, IndexedBitmap bitmap)
        {
            float[] v = image.Values;
            float[] light = table.Light;
            for (int y = 0; y < image.Height; y++)
            {
                for (int x = 0; x < image.Width; x++)
                {
                    int p = (y * image.Width) + x;
                    int i = p * 3;
                    (int c1, int c2) = table.TwoNearest(ColourMetric.Encode(v[i], gamma), ColourMetric.Encode(v[i + 1], gamma), ColourMetric.Encode(v[i + 2], gamma));
                    float dot = 0, len = 0;
                    for (int c = 0; c < 3; c++)
                    {
                        float d = light[(c2 * 3) + c] - light[(c1 * 3) + c];
                        dot += (v[i + c] - light[(c1 * 3) + c]) * d;
                        len += d * d;
                    }

                    float t = len > 0 ? Math.Clamp(dot / len, 0f, 1f) : 0f;
                    bitmap.Pixels[p] = (byte)(t > OrderedThreshold(x, y) ? c2 : c1);
                }
            }
        }

        private static void MapDiffusion(LinearImage image, PaletteTable table, double gamma, IndexedBitmap bitmap)
        {
            int w = image.Width;
            int h = image.Height;
            var work = (float[])image.Values.Clone();
            float[] light = table.Light;
            var wanted = new float[3];
            for (int y = 0; y < h; y++)
            {
                bool forward = (y & 1) == 0;
                int step = forward ? 1 : -1;
                for (int n = 0; n < w; n++)
                {
                    int x = forward ? n : w - 1 - n;
                    int p = (y * w) + x;
                    for (int c = 0; c < 3; c++)
                    {
                        wanted[c] = Math.Clamp(work[(p * 3) + c], 0f, 1f);
                    }

                    int index = table.Nearest(ColourMetric.Encode(wanted[0], gamma), ColourMetric.Encode(wanted[1], gamma), ColourMetric.Encode(wanted[2], gamma));
                    bitmap.Pixels[p] = (byte)index;
                    for (int c = 0; c < 3; c++)
                    {
                        float error = wanted[c] - light[(index * 3) + c];
                        if (error == 0)
                        {
                            continue;
                        }

                        Spread(work, w, h, x + step, y, c, error * 7 / 16);
                        Spread(work, w, h, x - step, y + 1, c, error * 3 / 16);
                        Spread(work, w, h, x, y + 1, c, error * 5 / 16);
                        Spread(work, w, h, x + step, y + 1, c, error * 1 / 16);
                    }
                }
            }
        }

        private static void Spread(float[] work, int w, int h, int x, int y, int channel, float amount)
        {
            if ((uint)x < (uint)w && (uint)y < (uint)h)
            {
                work[(((y * w) + x) * 3) + channel] += amount;
            }
        }

        /// <summary>The 8x8 Bayer matrix: B(2n) built from B(n) as [4B, 4B+2; 4B+3, 4B+1].</summary>
        private static int[] BuildBayer()
        {
            int[] m = { 0 };
            for (int n = 1; n < 8; n *= 2)
            {
                var next = new int[4 * n * n];
                for (int y = 0; y < n; y++)
                {
                    for (int x = 0; x < n; x++)
                    {
                        int b = 4 * m[(y * n) + x];
                        next[(y * 2 * n) + x] = b;
                        next[(y * 2 * n) + x + n] = b + 2;
                        next[((y + n) * 2 * n) + x] = b + 3;
                        next[((y + n) * 2 * n) + x + n] = b + 1;
                    }
                }

                m = next;
            }

            return m;
        }
    }
}
