using System;

namespace BoardKit.Gateway.Fonts
{
    /// <summary>
    /// One glyph bitmap with BDF-style metrics, for one Unicode code point.
    /// Coordinates: x grows right, y grows up from the baseline (as in BDF). The bitmap's bottom-left pixel is at
    /// (<see cref="OffsetX"/>, <see cref="OffsetY"/>) from the pen position on the baseline.
    /// </summary>
    public sealed class Glyph
    {
        /// <summary>Creates a glyph; <paramref name="rows"/> holds <paramref name="height"/> rows of
        /// <c>(width + 7) / 8</c> bytes each, top row first, most significant bit = leftmost pixel.</summary>
        public Glyph(int codePoint, int width, int height, int offsetX, int offsetY, int advance, byte[] rows)
        {
            ArgumentNullException.ThrowIfNull(rows);
            ArgumentOutOfRangeException.ThrowIfNegative(width);
            ArgumentOutOfRangeException.ThrowIfNegative(height);
            if (rows.Length != ((width + 7) / 8) * height)
            {
                throw new ArgumentException("rows must hold height rows of (width + 7) / 8 bytes.", nameof(rows));
            }

            CodePoint = codePoint;
            Width = width;
            Height = height;
            OffsetX = offsetX;
            OffsetY = offsetY;
            Advance = advance;
            Rows = rows;
        }

        /// <summary>Unicode scalar value this glyph draws (U+0000–U+10FFFF).</summary>
        public int CodePoint { get; }

        /// <summary>Bitmap width in pixels (BDF BBX width). 0 for a blank glyph such as space.</summary>
        public int Width { get; }

        /// <summary>Bitmap height in pixels (BDF BBX height).</summary>
        public int Height { get; }

        /// <summary>Left edge of the bitmap relative to the pen position, in pixels (BDF BBX x-offset).</summary>
        public int OffsetX { get; }

        /// <summary>Bottom edge of the bitmap relative to the baseline, in pixels, up is positive (BDF BBX y-offset).</summary>
        public int OffsetY { get; }

        /// <summary>How far the pen moves right after this glyph, in pixels (BDF DWIDTH x). 0 for combining marks.</summary>
        public int Advance { get; }

        /// <summary>Bitmap rows, top first, <see cref="Stride"/> bytes each, MSB = leftmost pixel. Do not modify.</summary>
        public byte[] Rows { get; }

        /// <summary>Bytes per bitmap row: <c>(Width + 7) / 8</c>.</summary>
        public int Stride => (Width + 7) / 8;

        /// <summary>True when bitmap pixel (x, y) is set; y = 0 is the top row of the bitmap.</summary>
        public bool IsSet(int x, int y) => (Rows[(y * Stride) + (x >> 3)] & (0x80 >> (x & 7))) != 0;
    }
}
