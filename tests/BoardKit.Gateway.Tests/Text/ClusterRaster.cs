using System.Collections.Generic;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Tests.Text
{
    /// <summary>Draws shaped clusters into pixel sets the way a renderer must (a test-side reading of the contract).</summary>
    internal static class ClusterRaster
    {
        /// <summary>Set pixels of one cluster drawn at pen x = 0, as (x, row from the line's top row); rows may fall
        /// outside 0..lineHeight-1 when something sticks out.</summary>
        public static List<(int X, int Row, int Glyph)> Pixels(ShapedCluster cluster, int ascent)
        {
            var pixels = new List<(int, int, int)>();
            for (int g = 0; g < cluster.Glyphs.Count; g++)
            {
                PlacedGlyph placed = cluster.Glyphs[g];
                for (int r = 0; r < placed.Glyph.Height; r++)
                {
                    for (int c = 0; c < placed.Glyph.Width; c++)
                    {
                        if (placed.Glyph.IsSet(c, r))
                        {
                            int yUp = placed.Y + placed.Glyph.OffsetY + (placed.Glyph.Height - 1 - r);
                            pixels.Add((placed.X + placed.Glyph.OffsetX + c, ascent - 1 - yUp, g));
                        }
                    }
                }
            }

            return pixels;
        }
    }
}
