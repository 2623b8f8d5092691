using System;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// How far a quantised picture looks from the scaled picture, seen from a reading distance where neighbouring LEDs
    /// merge: both are blurred with a 3x3 box in linear light (edge pixels average what exists), encoded to wire values
    /// for the board's gamma, and compared with <see cref="ColourMetric"/>: error = sqrt(mean over pixels of d² / 9), a
    /// root-mean-square step in wire values (0 = identical, 255 = black against white). The blur lets a good dither
    /// count as faithful. Thread-safe.
    /// </summary>
    public static class Fidelity
    {
        /// <summary>The error of <paramref name="quantised"/> against <paramref name="reference"/> (same size) for gamma
        /// <paramref name="gamma"/>.</summary>
        public static double Error(LinearImage reference, IndexedBitmap quantised, double gamma)
        {
            ArgumentNullException.ThrowIfNull(reference);
            ArgumentNullException.ThrowIfNull(quantised);
            if (reference.Width != quantised.Width || reference.Height != quantised.Height)
            {
                throw new ArgumentException("The pictures differ in size.", nameof(quantised));
            }

            var shown = new LinearImage(quantised.Width, quantised.Height);
            var table = new PaletteTable(quantised.Palette, gamma);
            for (int p = 0; p < quantised.Pixels.Length; p++)
            {
                int index = quantised.Pixels[p];
                for (int c = 0; c < 3; c++)
                {
                    shown.Values[(p * 3) + c] = table.Light[(index * 3) + c];
                }
            }

            LinearImage a = Blur(reference);
            LinearImage b = Blur(shown);
            double sum = 0;
            for (int i = 0; i < a.Values.Length; i += 3)
            {
                sum += ColourMetric.Distance2(
                    ColourMetric.Encode(a.Values[i], gamma), ColourMetric.Encode(a.Values[i + 1], gamma), ColourMetric.Encode(a.Values[i + 2], gamma),
                    ColourMetric.Encode(b.Values[i], gamma), ColourMetric.Encode(b.Values[i + 1], gamma), ColourMetric.Encode(b.Values[i + 2], gamma));
            }

            return Math.Sqrt(sum / (a.Values.Length / 3) / 9);
        }

        private static LinearImage Blur(LinearImage image)
        {
            var blurred = new LinearImage(image.Width, image.Height);
            for (int y = 0; y < image.Height; y++)
            {
                for (int x = 0; x < image.Width; x++)
                {
                    for (int c = 0; c < 3; c++)
                    {
                        float sum = 0;
                        int n = 0;
                        for (int dy = -1; dy <= 1; dy++)
                        {
                            for (int dx = -1; dx <= 1; dx++)
                            {
                                int xx = x + dx, yy = y + dy;
                                if ((uint)xx < (uint)image.Width && (uint)yy < (uint)image.Height)
                                {
                                    sum += image[xx, yy, c];
                                    n++;
                                }
                            }
                        }

                        blurred[x, y, c] = sum / n;
                    }
                }
            }

            return blurred;
        }
    }
}
