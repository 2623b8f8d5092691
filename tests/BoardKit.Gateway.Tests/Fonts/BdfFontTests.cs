using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using BoardKit.Gateway.Fonts;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Fonts
{
    [TestClass]
    public sealed class BdfFontTests
    {
        // A 3-glyph test font drawn as pixel art; BdfText writes it as BDF, independently of the parser.
        private static readonly (int Code, int Advance, int XOff, int YOff, string[] Art)[] TestGlyphs =
        {
            (0x41, 6, 0, 0, new[] { ".##..", "#..#.", "####.", "#..#.", "#..#." }),              // A: 5x5 on the baseline
            (0x67, 5, 0, -2, new[] { ".###", "#..#", ".###", "...#", "###." }),                  // g: 4x5, 2 rows below
            (0x1EA0, 9, 1, -1, new[] { "#.......#", ".#.....#.", "..#####..", "....#...." }),    // 9 wide: 2 bytes per row
        };

        [TestMethod]
        public void Parse_WrittenFont_RoundTripsEveryPixelAndMetric()
        {
            BdfFont font = BdfFont.Parse(BdfText(TestGlyphs), "test.bdf");
            Assert.AreEqual(6, font.Ascent);
            Assert.AreEqual(2, font.Descent);
            Assert.AreEqual("-BoardKit-Test-Medium-R-Normal--8-80-75-75-C-60-ISO10646-1", font.FontName);
            Assert.AreEqual(3, font.GlyphCount);
            foreach (var (code, advance, xOff, yOff, art) in TestGlyphs)
            {
                Assert.IsTrue(font.TryGetGlyph(code, out Glyph? glyph), $"U+{code:X4}");
                Assert.AreEqual(art[0].Length, glyph.Width);
                Assert.AreEqual(art.Length, glyph.Height);
                Assert.AreEqual(advance, glyph.Advance);
                Assert.AreEqual(xOff, glyph.OffsetX);
                Assert.AreEqual(yOff, glyph.OffsetY);
                for (int y = 0; y < art.Length; y++)
                {
                    for (int x = 0; x < art[y].Length; x++)
                    {
                        Assert.AreEqual(art[y][x] == '#', glyph.IsSet(x, y), $"U+{code:X4} ({x},{y})");
                    }
                }
            }
        }

        [TestMethod]
        public void Parse_UnencodedGlyph_IsSkipped()
        {
            string text = BdfText(TestGlyphs).Replace("ENCODING 103", "ENCODING -1", StringComparison.Ordinal);
            BdfFont font = BdfFont.Parse(text, "t.bdf");
            Assert.IsFalse(font.TryGetGlyph(0x67, out _));
            Assert.AreEqual(2, font.GlyphCount);
        }

        [TestMethod]
        public void Parse_PaddingBitsBeyondWidth_AreCleared()
        {
            string text = BdfText(TestGlyphs).Replace("60\n90\nF0", "67\n90\nF0", StringComparison.Ordinal);
            BdfFont font = BdfFont.Parse(text, "t.bdf");
            Assert.IsTrue(font.TryGetGlyph(0x41, out Glyph? a));
            Assert.AreEqual(0x60, a.Rows[0]);
        }

        [TestMethod]
        public void Parse_NoAscentProperties_UsesFontBoundingBox()
        {
            string text = BdfText(TestGlyphs).Replace("FONT_ASCENT 6\n", string.Empty, StringComparison.Ordinal).Replace("FONT_DESCENT 2\n", string.Empty, StringComparison.Ordinal)
                .Replace("STARTPROPERTIES 4", "STARTPROPERTIES 2", StringComparison.Ordinal);
            BdfFont font = BdfFont.Parse(text, "t.bdf");
            Assert.AreEqual(6, font.Ascent);
            Assert.AreEqual(2, font.Descent);
        }

        [TestMethod]
        [DataRow("STARTFONT 2.1", "STARTFONT 9.9", "STARTFONT 2.1")]
        [DataRow("BBX 5 5 0 0", "BBX 5 five 0 0", "not an integer")]
        [DataRow("BBX 5 5 0 0", "BBX 300 300 0 0", "outside 0..256")]
        [DataRow("ENCODING 65", "ENCODING 1114112", "not a Unicode scalar value")]
        [DataRow("ENCODING 65", "ENCODING 55296", "not a Unicode scalar value")]
        [DataRow("60\n90\nF0", "60\n90\nZZ", "not hexadecimal")]
        [DataRow("CHARSET_REGISTRY \"ISO10646\"", "CHARSET_REGISTRY \"KOI8\"", "only Unicode fonts")]
        public void Parse_MalformedLine_ThrowsWithThatLineNumber(string find, string replace, string problem)
        {
            // The expected line is the first one that differs from the good font: computed, not guessed.
            string good = BdfText(TestGlyphs);
            string bad = good.Replace(find, replace, StringComparison.Ordinal);
            Assert.AreNotEqual(good, bad, "test premise: the replacement applies");
            string[] goodLines = good.Split('\n');
            string[] badLines = bad.Split('\n');
            int expectedLine = Enumerable.Range(0, badLines.Length).First(i => i >= goodLines.Length || goodLines[i] != badLines[i]) + 1;
            var error = Assert.ThrowsExactly<FontFormatException>(() => BdfFont.Parse(bad, "bad.bdf"));
            Assert.AreEqual(expectedLine, error.LineNumber, error.Message);
            StringAssert.Contains(error.Message, problem);
        }

        [TestMethod]
        [DataRow("ENDFONT\n", "", "without ENDFONT")]
        [DataRow("ENDCHAR\nSTARTCHAR g", "STARTCHAR g", "expected ENDCHAR")]
        [DataRow("BITMAP\n60", "BITMAP\nENDCHAR\n60", "ENDCHAR")]
        public void Parse_BrokenStructure_ThrowsFontFormatException(string find, string replace, string problem)
        {
            string bad = BdfText(TestGlyphs).Replace(find, replace, StringComparison.Ordinal);
            var error = Assert.ThrowsExactly<FontFormatException>(() => BdfFont.Parse(bad, "bad.bdf"));
            StringAssert.Contains(error.Message, problem);
            Assert.IsGreaterThan(0, error.LineNumber);
        }

        [TestMethod]
        public void Parse_HugeLine_ThrowsInsteadOfBuffering()
        {
            string bad = "STARTFONT 2.1\nCOMMENT " + new string('x', 100_000) + "\n";
            var error = Assert.ThrowsExactly<FontFormatException>(() => BdfFont.Parse(bad, "bad.bdf"));
            Assert.AreEqual(2, error.LineNumber);
        }

        [TestMethod]
        public void Load_GzippedBdf_Reads()
        {
            string path = Path.Combine(Path.GetTempPath(), $"bk-test-{Guid.NewGuid():N}.bdf.gz");
            try
            {
                using (var file = File.Create(path))
                using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
                {
                    byte[] bytes = Encoding.ASCII.GetBytes(BdfText(TestGlyphs));
                    gzip.Write(bytes, 0, bytes.Length);
                }

                BdfFont font = BdfFont.Load(path);
                Assert.AreEqual(3, font.GlyphCount);
                Assert.AreEqual(Path.GetFileName(path), font.Name);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        public void Load_Misc6x13Pcf_HoldsEveryVietnameseLetter()
        {
            string path = "/usr/share/fonts/X11/misc/6x13.pcf.gz";
            InstalledFonts.Require(path);
            BdfFont font = BdfFont.Load(path);
            Assert.AreEqual(11, font.Ascent);
            Assert.AreEqual(2, font.Descent);
            var absent = Text.VietnameseAlphabet.Letters.Where(c => !font.TryGetGlyph(char.ConvertToUtf32(c, 0), out _)).ToList();
            Assert.IsEmpty(absent, "6x13 lacks: " + string.Join(" ", absent));
        }

        [TestMethod]
        public void Load_MissingFile_NamesTheDebianPackages()
        {
            var error = Assert.ThrowsExactly<FileNotFoundException>(() => BdfFont.Load("/nonexistent/font.bdf"));
            StringAssert.Contains(error.Message, "apt-get install");
        }

        /// <summary>Writes glyphs as BDF 2.1 text, one hex row per bitmap row, padded to whole bytes.</summary>
        internal static string BdfText(IEnumerable<(int Code, int Advance, int XOff, int YOff, string[] Art)> glyphs)
        {
            var list = glyphs.ToList();
            var text = new StringBuilder();
            text.Append("STARTFONT 2.1\nCOMMENT written by BdfFontTests\nFONT -BoardKit-Test-Medium-R-Normal--8-80-75-75-C-60-ISO10646-1\n");
            text.Append("SIZE 8 75 75\nFONTBOUNDINGBOX 9 8 0 -2\nSTARTPROPERTIES 4\nFONT_ASCENT 6\nFONT_DESCENT 2\n");
            text.Append("CHARSET_REGISTRY \"ISO10646\"\nCHARSET_ENCODING \"1\"\nENDPROPERTIES\n");
            text.Append($"CHARS {list.Count}\n");
            foreach (var (code, advance, xOff, yOff, art) in list)
            {
                int width = art[0].Length;
                text.Append($"STARTCHAR {(code == 0x41 ? "A" : code == 0x67 ? "g" : $"uni{code:X4}")}\nENCODING {code}\nSWIDTH 750 0\n");
                text.Append($"DWIDTH {advance} 0\nBBX {width} {art.Length} {xOff} {yOff}\nBITMAP\n");
                foreach (string row in art)
                {
                    string bits = row.Replace('#', '1').Replace('.', '0').PadRight(((width + 7) / 8) * 8, '0');
                    for (int i = 0; i < bits.Length; i += 8)
                    {
                        text.Append(Convert.ToByte(bits.Substring(i, 8), 2).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    text.Append('\n');
                }

                text.Append("ENDCHAR\n");
            }

            text.Append("ENDFONT\n");
            return text.ToString();
        }
    }
}
