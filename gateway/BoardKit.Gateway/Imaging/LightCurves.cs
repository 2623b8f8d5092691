using System;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// Conversions between stored values and light. A picture file stores sRGB values; averaging, dithering and the
    /// fidelity measure work on linear light (0 = off, 1 = full); a board shows a wire value v as LED light (v / 255)^γ
    /// with its board.json <c>led.gamma</c> γ (docs/protocol.md 15.1; 2.2 on the boards), so the value sent for light L
    /// is round(255 · L^(1/γ)).
    /// </summary>
    public static class LightCurves
    {
        /// <summary>The gamma of BoardKit's boards (board.json <c>led.gamma</c>, docs/protocol.md 15.1): 2.2.</summary>
        public const double BoardGamma = 2.2;

        private static readonly float[] SrgbTable = BuildSrgbTable();

        /// <summary>Linear light 0..1 of an sRGB value 0..255 (IEC 61966-2-1: v/12.92 up to 0.04045, else ((v+0.055)/1.055)^2.4).</summary>
        public static float SrgbToLinear(byte value) => SrgbTable[value];

        /// <summary>The wire value 0..255 a board with gamma <paramref name="gamma"/> shows as light <paramref name="linear"/>
        /// (clamped to 0..1): round(255 · L^(1/γ)).</summary>
        public static byte LinearToWire(double linear, double gamma)
        {
            double l = linear <= 0 ? 0 : (linear >= 1 ? 1 : linear);
            return (byte)Math.Round(255.0 * Math.Pow(l, 1.0 / gamma), MidpointRounding.AwayFromZero);
        }

        /// <summary>The light 0..1 a board with gamma <paramref name="gamma"/> gives wire value <paramref name="value"/>: (v/255)^γ.</summary>
        public static double WireToLinear(byte value, double gamma) => Math.Pow(value / 255.0, gamma);

        private static float[] BuildSrgbTable()
        {
            var table = new float[256];
            for (int v = 0; v < 256; v++)
            {
                double c = v / 255.0;
                table[v] = (float)(c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4));
            }

            return table;
        }
    }
}
