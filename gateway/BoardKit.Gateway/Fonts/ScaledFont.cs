using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace BoardKit.Gateway.Fonts
{
    /// <summary>
    /// Wraps a font and enlarges every glyph by an integer factor (each pixel becomes a factor x factor block), for
    /// 32- and 64-px panels that show one line of Unifont at 2x or 4x. Metrics, offsets and advances scale too.
    /// Scaled glyphs are cached; safe to share between threads.
    /// </summary>
    public sealed class ScaledFont : IFont
    {
        /// <summary>Largest factor accepted: 8 turns a 16-px Unifont glyph into 128 px, taller than any panel we drive.</summary>
        public const int MaxFactor = 8;

        private readonly IFont inner;
        private readonly ConcurrentDictionary<int, Glyph> cache = new();

        /// <summary>Wraps <paramref name="inner"/> (not owned) scaled by <paramref name="factor"/> (1–<see cref="MaxFactor"/>).</summary>
        public ScaledFont(IFont inner, int factor)
        {
            ArgumentNullException.ThrowIfNull(inner);
            ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(factor, MaxFactor);
            this.inner = inner;
            Factor = factor;
        }

        /// <summary>The integer scale factor.</summary>
        public int Factor { get; }

        /// <summary>The wrapped font.</summary>
        public IFont Inner => inner;

        /// <inheritdoc/>
        public string Name => $"{inner.Name} x{Factor}";

        /// <inheritdoc/>
        public int Ascent => inner.Ascent * Factor;

        /// <inheritdoc/>
        public int Descent => inner.Descent * Factor;

        /// <inheritdoc/>
        public bool TryGetGlyph(int codePoint, [NotNullWhen(true)] out Glyph? glyph)
        {
            if (cache.TryGetValue(codePoint, out glyph))
            {
                return true;
            }

            if (!inner.TryGetGlyph(codePoint, out Glyph? source))
            {
                glyph = null;
                return false;
            }

            glyph = cache.GetOrAdd(codePoint, Scale(source, Factor));
            return true;
        }

        /// <summary>Returns <paramref name="source"/> enlarged by <paramref name="factor"/> in both directions.</summary>
        public static Glyph Scale(Glyph source, int factor)
        {
            ArgumentNullException.ThrowIfNull(source);
            ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(factor, MaxFactor);
            int width = source.Width * factor;
            int height = source.Height * factor;
            int stride = (width + 7) / 8;
            var rows = new byte[stride * height];
            for (int y = 0; y < source.Height; y++)
            {
                for (int x = 0; x < source.Width; x++)
                {
                    if (!source.IsSet(x, y))
                    {
                        continue;
                    }

                    for (int dy = 0; dy < factor; dy++)
                    {
                        int row = ((y * factor) + dy) * stride;
                        for (int dx = 0; dx < factor; dx++)
                        {
                            int column = (x * factor) + dx;
                            rows[row + (column >> 3)] |= (byte)(0x80 >> (column & 7));
                        }
                    }
                }
            }

            return new Glyph(source.CodePoint, width, height, source.OffsetX * factor, source.OffsetY * factor, source.Advance * factor, rows);
        }
    }
}
