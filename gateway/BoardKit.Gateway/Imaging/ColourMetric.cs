using System;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// The colour distance used to pick palette colours and measure fidelity: on wire values (0..255, the gamma-encoded
    /// values a board receives, close to how a person sees steps of brightness), d² = 2·ΔR² + 4·ΔG² + 3·ΔB² (the eye is
    /// most sensitive to green, least to red). Dividing by 9 gives a weighted mean squared step per channel.
    /// </summary>
    public static class ColourMetric
    {
        /// <summary>Weight of red in d².</summary>
        public const float RedWeight = 2;

        /// <summary>Weight of green in d².</summary>
        public const float GreenWeight = 4;

        /// <summary>Weight of blue in d².</summary>
        public const float BlueWeight = 3;

        /// <summary>d² between two colours given as wire values (floats allowed).</summary>
        public static float Distance2(float r1, float g1, float b1, float r2, float g2, float b2)
        {
            float dr = r1 - r2, dg = g1 - g2, db = b1 - b2;
            return (RedWeight * dr * dr) + (GreenWeight * dg * dg) + (BlueWeight * db * db);
        }

        /// <summary>d² between two 0xRRGGBB colours.</summary>
        public static float Distance2(uint a, uint b) =>
            Distance2((a >> 16) & 0xFF, (a >> 8) & 0xFF, a & 0xFF, (b >> 16) & 0xFF, (b >> 8) & 0xFF, b & 0xFF);

        /// <summary>The wire values (unrounded) of light <paramref name="linear"/> (clamped to 0..1) for gamma
        /// <paramref name="gamma"/>: 255 · L^(1/γ).</summary>
        public static float Encode(float linear, double gamma) =>
            linear <= 0 ? 0 : (linear >= 1 ? 255 : (float)(255.0 * Math.Pow(linear, 1.0 / gamma)));
    }
}
