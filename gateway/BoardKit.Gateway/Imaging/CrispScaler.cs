using System;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// Scaling that keeps drawings, logos and text in pictures crisp: no blended edge colours, no dither. The picture
    /// is first area-averaged (<see cref="AreaScaler"/>) to <see cref="Factor"/> times the target size in each direction,
    /// each of those fine pixels takes its nearest palette colour, and each target pixel takes the colour of most fine
    /// pixels in its <see cref="Factor"/> x <see cref="Factor"/> block (a majority, or mode, filter). On a tie the colour
    /// used least in the whole fine picture wins, so thin strokes and small details survive against their background.
    /// Thread-safe.
    /// </summary>
    public static class CrispScaler
    {
        /// <summary>Fine pixels per target pixel in each direction: 4.</summary>
        public const int Factor = 4;

        /// <summary>The picture at <see cref="Factor"/> times <paramref name="areaWidth"/> x <paramref name="areaHeight"/>,
        /// placed like <paramref name="fit"/> places it in the target area.</summary>
        public static LinearImage Fine(DecodedImage source, int areaWidth, int areaHeight, ImageFit fit)
        {
            ArgumentNullException.ThrowIfNull(source);
            FitGeometry g = FitGeometry.Place(source.Width, source.Height, areaWidth, areaHeight, fit);
            var fine = g with { DestX = g.DestX * Factor, DestY = g.DestY * Factor, DestWidth = g.DestWidth * Factor, DestHeight = g.DestHeight * Factor };
            return AreaScaler.Scale(source, fine, areaWidth * Factor, areaHeight * Factor);
        }

        /// <summary>The target-sized mean of <paramref name="fine"/>'s blocks: the area-averaged picture.</summary>
        public static LinearImage Average(LinearImage fine)
        {
            ArgumentNullException.ThrowIfNull(fine);
            var target = new LinearImage(fine.Width / Factor, fine.Height / Factor);
            for (int y = 0; y < fine.Height; y++)
            {
                for (int x = 0; x < fine.Width; x++)
                {
                    for (int c = 0; c < 3; c++)
                    {
                        target[x / Factor, y / Factor, c] += fine[x, y, c] / (Factor * Factor);
                    }
                }
            }

            return target;
        }

        /// <summary>The majority colour of each block of <paramref name="fine"/> mapped onto <paramref name="palette"/>.</summary>
        public static IndexedBitmap Majority(LinearImage fine, uint[] palette, double gamma)
        {
            ArgumentNullException.ThrowIfNull(fine);
            IndexedBitmap mapped = Quantiser.Map(fine, palette, gamma, DitherMode.None);
            var overall = new int[palette.Length];
            foreach (byte index in mapped.Pixels)
            {
                overall[index]++;
            }

            var target = new IndexedBitmap(fine.Width / Factor, fine.Height / Factor, (uint[])palette.Clone());
            var votes = new int[palette.Length];
            for (int ty = 0; ty < target.Height; ty++)
            {
                for (int tx = 0; tx < target.Width; tx++)
                {
                    Array.Clear(votes);
                    for (int y = ty * Factor; y < (ty + 1) * Factor; y++)
                    {
                        for (int x = tx * Factor; x < (tx + 1) * Factor; x++)
                        {
                            votes[mapped[x, y]]++;
                        }
                    }

                    int best = 0;
                    for (int i = 1; i < votes.Length; i++)
                    {
                        if (votes[i] > votes[best] || (votes[i] == votes[best] && votes[i] > 0 && overall[i] < overall[best]))
                        {
                            best = i;
                        }
                    }

                    target[tx, ty] = (byte)best;
                }
            }

            return target;
        }
    }
}
