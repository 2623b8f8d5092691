using System;
using System.Collections.Generic;
using System.Linq;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// Chooses the palette for a picture: the fixed colours first (black = LEDs off at index 0, then e.g. the colours
    /// of text in the same frame), then up to max − fixed colours of the picture's own.
    /// <para>
    /// If the picture's distinct colours (its wire values rounded to bytes) fit, they are the palette exactly, most
    /// used first. Otherwise: median cut (split the box of colours with the largest weighted spread along its longest
    /// channel at the weighted median, until there are max − fixed boxes; each box's weighted mean is a seed), then 12
    /// rounds of k-means (Lloyd) on the pixel-count-weighted colours in <see cref="ColourMetric"/> with the fixed
    /// colours as centres that never move; a free centre left without pixels moves to the colour worst served. Free
    /// centres are rounded to bytes; duplicates and unused ones are dropped, the rest ordered by pixels served.
    /// Deterministic. Thread-safe.
    /// </para>
    /// </summary>
    public static class PaletteBuilder
    {
        private const int Rounds = 12;

        /// <summary>The palette of <paramref name="image"/> for a board with gamma <paramref name="gamma"/>: at most
        /// <paramref name="maxColours"/> (1–256) entries, starting with <paramref name="fixedColours"/> (0xRRGGBB; black
        /// is put first when missing).</summary>
        public static uint[] Build(LinearImage image, double gamma, int maxColours, IReadOnlyList<uint>? fixedColours = null)
        {
            ArgumentNullException.ThrowIfNull(image);
            ArgumentOutOfRangeException.ThrowIfLessThan(maxColours, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(maxColours, 256);
            var palette = new List<uint> { 0x000000 };
            foreach (uint c in fixedColours ?? Array.Empty<uint>())
            {
                if (!palette.Contains(c & 0xFFFFFF))
                {
                    palette.Add(c & 0xFFFFFF);
                }
            }

            if (palette.Count >= maxColours)
            {
                return palette.Take(maxColours).ToArray();
            }

            // Histogram of the picture's colours as wire bytes.
            var counts = new Dictionary<uint, int>();
            float[] v = image.Values;
            for (int i = 0; i < v.Length; i += 3)
            {
                uint c = Pack(Round(ColourMetric.Encode(v[i], gamma)), Round(ColourMetric.Encode(v[i + 1], gamma)), Round(ColourMetric.Encode(v[i + 2], gamma)));
                counts[c] = counts.TryGetValue(c, out int n) ? n + 1 : 1;
            }

            int fixedCount = palette.Count;
            int free = maxColours - fixedCount;
            List<KeyValuePair<uint, int>> distinct = counts.Where(p => !palette.Contains(p.Key))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key).ToList();
            if (distinct.Count <= free)
            {
                palette.AddRange(distinct.Select(p => p.Key));
                return palette.ToArray();
            }

            var colours = counts.Select(p => new Weighted(Unpack(p.Key), p.Value)).OrderBy(w => w.Key).ToArray();
            List<float[]> centres = palette.Select(c => Unpack(c)).ToList();
            centres.AddRange(MedianCut(colours, free));
            int[] served = KMeans(colours, centres, fixedCount);

            var result = palette.ToList();
            var freeCentres = new List<(uint Colour, int Served)>();
            for (int k = fixedCount; k < centres.Count; k++)
            {
                uint c = Pack(Round(centres[k][0]), Round(centres[k][1]), Round(centres[k][2]));
                if (served[k] > 0 && !result.Contains(c) && !freeCentres.Any(f => f.Colour == c))
                {
                    freeCentres.Add((c, served[k]));
                }
            }

            result.AddRange(freeCentres.OrderByDescending(f => f.Served).ThenBy(f => f.Colour).Select(f => f.Colour));
            return result.ToArray();
        }

        private readonly record struct Weighted(float[] Rgb, int Count)
        {
            public uint Key => Pack((byte)Rgb[0], (byte)Rgb[1], (byte)Rgb[2]);
        }

        private static IEnumerable<float[]> MedianCut(Weighted[] colours, int boxes)
        {
            var list = new List<Weighted[]> { colours };
            while (list.Count < boxes)
            {
                int pick = -1;
                double pickSpread = 0;
                int pickChannel = 0;
                for (int b = 0; b < list.Count; b++)
                {
                    if (list[b].Length < 2)
                    {
                        continue;
                    }

                    (int channel, double spread) = Spread(list[b]);
                    if (spread > pickSpread)
                    {
                        pick = b;
                        pickSpread = spread;
                        pickChannel = channel;
                    }
                }

                if (pick < 0)
                {
                    break;
                }

                int ch = pickChannel;
                Weighted[] sorted = list[pick].OrderBy(w => w.Rgb[ch]).ThenBy(w => w.Key).ToArray();
                long total = sorted.Sum(w => (long)w.Count);
                long half = 0;
                int cut = 1;
                for (int i = 0; i < sorted.Length - 1; i++)
                {
                    half += sorted[i].Count;
                    cut = i + 1;
                    if (half * 2 >= total)
                    {
                        break;
                    }
                }

                list[pick] = sorted[..cut];
                list.Add(sorted[cut..]);
            }

            foreach (Weighted[] box in list)
            {
                yield return Mean(box);
            }
        }

        /// <summary>The channel with the largest range, and the box's weighted sum of squared deviations along it.</summary>
        private static (int Channel, double Spread) Spread(Weighted[] box)
        {
            int channel = 0;
            float range = -1;
            for (int c = 0; c < 3; c++)
            {
                float min = box.Min(w => w.Rgb[c]);
                float max = box.Max(w => w.Rgb[c]);
                if (max - min > range)
                {
                    range = max - min;
                    channel = c;
                }
            }

            double total = box.Sum(w => (double)w.Count);
            double mean = box.Sum(w => (double)w.Count * w.Rgb[channel]) / total;
            double sse = box.Sum(w => w.Count * (w.Rgb[channel] - mean) * (w.Rgb[channel] - mean));
            return (channel, sse);
        }

        private static float[] Mean(Weighted[] box)
        {
            double total = box.Sum(w => (double)w.Count);
            var mean = new float[3];
            for (int c = 0; c < 3; c++)
            {
                mean[c] = (float)(box.Sum(w => (double)w.Count * w.Rgb[c]) / total);
            }

            return mean;
        }

        /// <summary>Lloyd rounds; returns the pixels each centre serves at the end.</summary>
        private static int[] KMeans(Weighted[] colours, List<float[]> centres, int fixedCount)
        {
            var assign = new int[colours.Length];
            var served = new int[centres.Count];
            for (int round = 0; round <= Rounds; round++)
            {
                Array.Clear(served);
                var sums = new double[centres.Count * 3];
                int worst = -1;
                double worstCost = -1;
                for (int i = 0; i < colours.Length; i++)
                {
                    float[] p = colours[i].Rgb;
                    int best = 0;
                    float bestD = float.MaxValue;
                    for (int k = 0; k < centres.Count; k++)
                    {
                        float d = ColourMetric.Distance2(p[0], p[1], p[2], centres[k][0], centres[k][1], centres[k][2]);
                        if (d < bestD)
                        {
                            bestD = d;
                            best = k;
                        }
                    }

                    assign[i] = best;
                    served[best] += colours[i].Count;
                    for (int c = 0; c < 3; c++)
                    {
                        sums[(best * 3) + c] += (double)colours[i].Count * p[c];
                    }

                    double cost = (double)bestD * colours[i].Count;
                    if (cost > worstCost)
                    {
                        worstCost = cost;
                        worst = i;
                    }
                }

                if (round == Rounds)
                {
                    break;
                }

                bool moved = false;
                for (int k = fixedCount; k < centres.Count; k++)
                {
                    if (served[k] == 0)
                    {
                        if (worst >= 0 && worstCost > 0)
                        {
                            centres[k] = (float[])colours[worst].Rgb.Clone();
                            worstCost = 0;
                            moved = true;
                        }

                        continue;
                    }

                    for (int c = 0; c < 3; c++)
                    {
                        float next = (float)(sums[(k * 3) + c] / served[k]);
                        moved |= Math.Abs(next - centres[k][c]) > 0.01f;
                        centres[k][c] = next;
                    }
                }

                if (!moved)
                {
                    break;
                }
            }

            return served;
        }

        private static byte Round(float value) => (byte)Math.Clamp((int)MathF.Round(value, MidpointRounding.AwayFromZero), 0, 255);

        private static uint Pack(byte r, byte g, byte b) => ((uint)r << 16) | ((uint)g << 8) | b;

        private static float[] Unpack(uint c) => new float[] { (c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF };
    }
}
