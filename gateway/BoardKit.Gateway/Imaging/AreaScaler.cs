using System;
using System.Collections.Generic;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// Scales a picture to a panel area by area averaging in linear light: each target pixel is the mean light of the
    /// source area it covers, every source pixel weighted by the fraction of it inside that area (exact box filter,
    /// separable). Source values are sRGB, converted to light first (<see cref="LightCurves.SrgbToLinear"/>) and
    /// multiplied by alpha, so a transparent pixel counts as black (LEDs off). Averaging light, not sRGB values, keeps
    /// a fine black-and-white pattern at its true brightness (half light, not the darker sRGB 128). Each source pixel is
    /// read once; memory is one row of the target per source row. Thread-safe.
    /// </summary>
    public static class AreaScaler
    {
        /// <summary>
        /// Scales <paramref name="source"/> into a black <paramref name="areaWidth"/> x <paramref name="areaHeight"/> area
        /// (each 1 or more) placed as <paramref name="fit"/> says (<see cref="FitGeometry.Place"/>).
        /// </summary>
        public static LinearImage Scale(DecodedImage source, int areaWidth, int areaHeight, ImageFit fit)
        {
            ArgumentNullException.ThrowIfNull(source);
            FitGeometry g = FitGeometry.Place(source.Width, source.Height, areaWidth, areaHeight, fit);
            return Scale(source, g, areaWidth, areaHeight);
        }

        /// <summary>Scales the part <paramref name="geometry"/> names into its rectangle of a black area.</summary>
        public static LinearImage Scale(DecodedImage source, FitGeometry geometry, int areaWidth, int areaHeight)
        {
            ArgumentNullException.ThrowIfNull(source);
            ArgumentNullException.ThrowIfNull(geometry);
            var target = new LinearImage(areaWidth, areaHeight);
            FitGeometry g = geometry;
            List<Tap>[] columns = Taps(g.SourceX, g.SourceWidth, g.DestWidth, source.Width);
            List<Tap>[] rows = Taps(g.SourceY, g.SourceHeight, g.DestHeight, source.Height);

            // For each source row: the target rows it feeds, with its weight in each.
            var feeds = new List<Tap>[source.Height];
            for (int dy = 0; dy < rows.Length; dy++)
            {
                foreach (Tap t in rows[dy])
                {
                    (feeds[t.Index] ??= new List<Tap>(2)).Add(new Tap(dy, t.Weight));
                }
            }

            byte[] rgba = source.Rgba;
            var line = new float[g.DestWidth * 3];
            float[] values = target.Values;
            for (int sy = 0; sy < source.Height; sy++)
            {
                List<Tap>? feed = feeds[sy];
                if (feed is null)
                {
                    continue;
                }

                for (int dx = 0; dx < columns.Length; dx++)
                {
                    float r = 0, gr = 0, b = 0;
                    foreach (Tap t in columns[dx])
                    {
                        int i = source.IndexOf(t.Index, sy);
                        float w = t.Weight * (rgba[i + 3] / 255f);
                        r += w * LightCurves.SrgbToLinear(rgba[i]);
                        gr += w * LightCurves.SrgbToLinear(rgba[i + 1]);
                        b += w * LightCurves.SrgbToLinear(rgba[i + 2]);
                    }

                    line[dx * 3] = r;
                    line[(dx * 3) + 1] = gr;
                    line[(dx * 3) + 2] = b;
                }

                foreach (Tap f in feed)
                {
                    int row = (((g.DestY + f.Index) * areaWidth) + g.DestX) * 3;
                    for (int k = 0; k < line.Length; k++)
                    {
                        values[row + k] += f.Weight * line[k];
                    }
                }
            }

            for (int k = 0; k < values.Length; k++)
            {
                values[k] = Math.Clamp(values[k], 0f, 1f);
            }

            return target;
        }

        /// <summary>One source pixel (or target row) and its weight.</summary>
        private readonly record struct Tap(int Index, float Weight);

        /// <summary>For each of <paramref name="count"/> target pixels, the source pixels of
        /// [start + i·f, start + (i+1)·f) with f = length / count, weighted by overlap / f (so the weights add up to 1).</summary>
        private static List<Tap>[] Taps(double start, double length, int count, int limit)
        {
            var taps = new List<Tap>[count];
            double f = length / count;
            for (int i = 0; i < count; i++)
            {
                double a = start + (i * f);
                double b = start + ((i + 1) * f);
                var list = new List<Tap>(Math.Max(1, (int)Math.Ceiling(f) + 1));
                int first = Math.Max(0, (int)Math.Floor(a));
                int last = Math.Min(limit - 1, (int)Math.Ceiling(b) - 1);
                double total = 0;
                for (int k = first; k <= last; k++)
                {
                    double overlap = Math.Min(b, k + 1) - Math.Max(a, k);
                    if (overlap > 1e-9)
                    {
                        list.Add(new Tap(k, (float)overlap));
                        total += overlap;
                    }
                }

                if (list.Count == 0)
                {
                    list.Add(new Tap(Math.Clamp(first, 0, limit - 1), 1f));
                    total = 1;
                }

                for (int k = 0; k < list.Count; k++)
                {
                    list[k] = list[k] with { Weight = (float)(list[k].Weight / total) };
                }

                taps[i] = list;
            }

            return taps;
        }
    }
}
