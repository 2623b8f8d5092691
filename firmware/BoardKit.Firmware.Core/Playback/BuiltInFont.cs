namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// The board's own 3x5 pixel font for diagnostics and identify: A-Z, 0-9 and - . _ : ! ? space; lowercase letters
    /// are drawn as uppercase; any other character is drawn as '?'. Drawn for BoardKit (not taken from any font).
    /// A glyph is 15 bits, five rows of three from the top, each row's bit 2 the left column:
    /// glyph = row0 &lt;&lt; 12 | row1 &lt;&lt; 9 | row2 &lt;&lt; 6 | row3 &lt;&lt; 3 | row4. Characters advance 4 px
    /// (3 px glyph + 1 px spacing), so n characters are 4n - 1 px wide: "LC-1234" (7) is 27 px, inside 32.
    /// Fixed memory: 36 glyphs x 4 bytes = 144 bytes of static tables.
    /// </summary>
    public static class BuiltInFont
    {
        /// <summary>Glyph width, px.</summary>
        public const int GlyphWidth = 3;

        /// <summary>Glyph height, px.</summary>
        public const int GlyphHeight = 5;

        /// <summary>Horizontal advance per character, px: the glyph and 1 px of spacing.</summary>
        public const int Advance = GlyphWidth + 1;

        /// <summary>Bits per glyph row.</summary>
        private const int RowBits = 3;

        private const int Dash = 0b000_000_111_000_000;
        private const int Dot = 0b000_000_000_000_010;
        private const int Underscore = 0b000_000_000_000_111;
        private const int Colon = 0b000_010_000_010_000;
        private const int Exclamation = 0b010_010_010_000_010;
        private const int Question = 0b110_001_010_000_010;
        private const int Space = 0;

        private static readonly int[] Letters =
        {
            0b010_101_111_101_101, // A
            0b110_101_110_101_110, // B
            0b011_100_100_100_011, // C
            0b110_101_101_101_110, // D
            0b111_100_110_100_111, // E
            0b111_100_110_100_100, // F
            0b011_100_101_101_011, // G
            0b101_101_111_101_101, // H
            0b111_010_010_010_111, // I
            0b001_001_001_101_010, // J
            0b101_101_110_101_101, // K
            0b100_100_100_100_111, // L
            0b101_111_111_101_101, // M
            0b110_101_101_101_101, // N
            0b010_101_101_101_010, // O
            0b110_101_110_100_100, // P
            0b010_101_101_110_011, // Q
            0b110_101_110_101_101, // R
            0b011_100_010_001_110, // S
            0b111_010_010_010_010, // T
            0b101_101_101_101_111, // U
            0b101_101_101_101_010, // V
            0b101_101_111_111_101, // W
            0b101_101_010_101_101, // X
            0b101_101_010_010_010, // Y
            0b111_001_010_100_111, // Z
        };

        private static readonly int[] Digits =
        {
            0b111_101_101_101_111, // 0
            0b010_110_010_010_111, // 1
            0b110_001_010_100_111, // 2
            0b110_001_010_001_110, // 3
            0b101_101_111_001_001, // 4
            0b111_100_110_001_110, // 5
            0b011_100_111_101_111, // 6
            0b111_001_010_010_010, // 7
            0b111_101_111_101_111, // 8
            0b111_101_111_001_110, // 9
        };

        /// <summary>True if <paramref name="c"/> has its own glyph (lowercase letters count: they use the uppercase one).</summary>
        public static bool HasGlyph(char c)
        {
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            {
                return true;
            }

            return c == '-' || c == '.' || c == '_' || c == ':' || c == '!' || c == '?' || c == ' ';
        }

        /// <summary>The 15-bit glyph of <paramref name="c"/> (see the class summary); '?' for a character without one.</summary>
        public static int GlyphOf(char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return Letters[c - 'A'];
            }

            if (c >= 'a' && c <= 'z')
            {
                return Letters[c - 'a'];
            }

            if (c >= '0' && c <= '9')
            {
                return Digits[c - '0'];
            }

            switch (c)
            {
                case '-': return Dash;
                case '.': return Dot;
                case '_': return Underscore;
                case ':': return Colon;
                case '!': return Exclamation;
                case ' ': return Space;
                default: return Question;
            }
        }

        /// <summary>True if glyph pixel (<paramref name="column"/> 0..2, <paramref name="row"/> 0..4) is lit; false outside the glyph.</summary>
        public static bool IsLit(int glyph, int column, int row)
        {
            if (column < 0 || column >= GlyphWidth || row < 0 || row >= GlyphHeight)
            {
                return false;
            }

            int bit = ((GlyphHeight - 1 - row) * RowBits) + (GlyphWidth - 1 - column);
            return ((glyph >> bit) & 1) != 0;
        }

        /// <summary>Width in px of <paramref name="length"/> characters at <paramref name="scale"/> (each font pixel scale x scale LEDs): (4n - 1) x scale, 0 for none.</summary>
        public static int TextWidth(int length, int scale)
        {
            return length < 1 ? 0 : ((Advance * length) - 1) * (scale < 1 ? 1 : scale);
        }
    }
}
