using System.Collections.Generic;
using System.Text;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Tests.Rendering.Fakes
{
    /// <summary>
    /// A shaper over a tiny synthetic font whose glyphs are small enough to draw expected bitmaps by hand.
    /// Ascent 4, descent 1 (line height 5). Glyphs are 3 px wide and sit on the baseline unless noted; advance 4.
    /// 'I' is 1 px wide, advance 2; 'y' has a 1-px descender; 'J' starts 1 px left of the pen (overhang);
    /// ' ' advances 2; '口' and '中' may break before them (CJK); 'Â' (or A + U+0302) stacks a 1-row circumflex at Y = 4,
    /// one row above the ascent. Every other character is missing.
    /// </summary>
    public sealed class FakeShaper : ITextShaper
    {
        public const int Ascent = 4;
        public const int Descent = 1;

        private static readonly Dictionary<char, Glyph> Glyphs = new()
        {
            ['A'] = Make('A', 0, 0, 4, ".#.", "#.#", "###", "#.#"),
            ['L'] = Make('L', 0, 0, 4, "#..", "#..", "#..", "###"),
            ['T'] = Make('T', 0, 0, 4, "###", ".#.", ".#.", ".#."),
            ['I'] = Make('I', 0, 0, 2, "#", "#", "#", "#"),
            ['y'] = Make('y', 0, -1, 4, "#.#", "#.#", ".##", "..#", "##."),
            ['J'] = Make('J', -1, 0, 3, "..#", "..#", "#.#", ".#."),
            [' '] = Make(' ', 0, 0, 2),
            ['口'] = Make('口', 0, 0, 4, "###", "#.#", "#.#", "###"),
            ['中'] = Make('中', 0, 0, 4, ".#.", "###", ".#.", ".#."),
            ['\u0302'] = Make('\u0302', 0, 0, 0, ".#."),
        };

        public ShapedText Shape(string text)
        {
            string nfc = text.Normalize(NormalizationForm.FormC);
            var clusters = new List<ShapedCluster>();
            var missing = new List<MissingCharacter>();
            int line = 1;
            int column = 0;
            for (int i = 0; i < nfc.Length; i++)
            {
                char c = nfc[i];
                column++;
                if (c == '\n')
                {
                    clusters.Add(new ShapedCluster { Text = "\n", Index = i, Advance = 0, Glyphs = new List<PlacedGlyph>(), IsLineBreak = true });
                    line++;
                    column = 0;
                    continue;
                }

                char baseChar = c == 'Â' ? 'A' : c;
                var glyphs = new List<PlacedGlyph>();
                int start = i;
                if (Glyphs.TryGetValue(baseChar, out Glyph? glyph))
                {
                    glyphs.Add(new PlacedGlyph(glyph, 0, 0));
                }
                else
                {
                    missing.Add(new MissingCharacter(c, $"U+{(int)c:X4}", i, line, column, "no glyph in the fake font"));
                }

                if (c == 'Â')
                {
                    glyphs.Add(new PlacedGlyph(Glyphs['\u0302'], 0, Ascent));
                }

                while (i + 1 < nfc.Length && nfc[i + 1] == '\u0302')
                {
                    i++;
                    glyphs.Add(new PlacedGlyph(Glyphs['\u0302'], 0, Ascent));
                }

                bool found = glyph is not null;
                clusters.Add(new ShapedCluster
                {
                    Text = nfc.Substring(start, i - start + 1),
                    Index = start,
                    Advance = found ? glyph!.Advance : 0,
                    Glyphs = found ? glyphs : new List<PlacedGlyph>(),
                    IsSpace = c == ' ',
                    CanBreakBefore = c >= 0x3000,
                });
            }

            return new ShapedText { NormalizedText = nfc, Clusters = clusters, Ascent = Ascent, Descent = Descent, Missing = missing };
        }

        /// <summary>A glyph from rows of '#' (set) and '.' (clear), top row first, at most 8 wide.</summary>
        private static Glyph Make(char c, int offsetX, int offsetY, int advance, params string[] rows)
        {
            int width = rows.Length == 0 ? 0 : rows[0].Length;
            var bytes = new byte[rows.Length * ((width + 7) / 8)];
            for (int y = 0; y < rows.Length; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    if (rows[y][x] == '#')
                    {
                        bytes[y] |= (byte)(0x80 >> x);
                    }
                }
            }

            return new Glyph(c, width, rows.Length, offsetX, offsetY, advance, bytes);
        }
    }
}
