using System;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>A palette prepared for mapping: each entry's wire values and its light on the board.</summary>
    internal sealed class PaletteTable
    {
        public PaletteTable(uint[] palette, double gamma)
        {
            Colours = palette;
            Wire = new float[palette.Length * 3];
            Light = new float[palette.Length * 3];
            for (int i = 0; i < palette.Length; i++)
            {
                for (int c = 0; c < 3; c++)
                {
                    byte v = (byte)(palette[i] >> (16 - (8 * c)));
                    Wire[(i * 3) + c] = v;
                    Light[(i * 3) + c] = (float)LightCurves.WireToLinear(v, gamma);
                }
            }
        }

        public uint[] Colours { get; }

        public float[] Wire { get; }

        public float[] Light { get; }

        public int Count => Colours.Length;

        /// <summary>Index of the entry nearest the wire values (r, g, b) by <see cref="ColourMetric"/>; the lower index on a tie.</summary>
        public int Nearest(float r, float g, float b)
        {
            int best = 0;
            float bestD = float.MaxValue;
            for (int i = 0; i < Colours.Length; i++)
            {
                float d = ColourMetric.Distance2(r, g, b, Wire[i * 3], Wire[(i * 3) + 1], Wire[(i * 3) + 2]);
                if (d < bestD)
                {
                    bestD = d;
                    best = i;
                }
            }

            return best;
        }

        /// <summary>The nearest and second-nearest entries (the same twice for a 1-entry palette).</summary>
        public (int First, int Second) TwoNearest(float r, float g, float b)
        {
            int first = 0, second = 0;
            float d1 = float.MaxValue, d2 = float.MaxValue;
            for (int i = 0; i < Colours.Length; i++)
            {
                float d = ColourMetric.Distance2(r, g, b, Wire[i * 3], Wire[(i * 3) + 1], Wire[(i * 3) + 2]);
                if (d < d1)
                {
                    second = first;
                    d2 = d1;
                    first = i;
                    d1 = d;
                }
                else if (d < d2)
                {
                    second = i;
                    d2 = d;
                }
            }

            return (first, Colours.Length == 1 ? first : second);
        }
    }
}
