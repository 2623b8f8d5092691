using System;
using System.Linq;
using System.Text;
using BoardKit.Gateway.Fonts;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Fonts
{
    [TestClass]
    public sealed class UnifontHexFontTests
    {
        private static readonly string Bits32 = new string('0', 30) + "A5";
        private static readonly string Bits64 = "80" + new string('0', 60) + "01";

        [TestMethod]
        public void Load_DebianUnifont_IndexesEveryLineOfTheFile()
        {
            // Load time and memory are measured in bench/ (docs/benchmarks.md), not asserted here.
            InstalledFonts.Require(UnifontHexFont.DefaultHexPath);
            int lines = System.IO.File.ReadLines(UnifontHexFont.DefaultHexPath).Count(l => l.Length > 0);

            UnifontHexFont font = UnifontHexFont.Load();

            Assert.AreEqual(lines, font.GlyphCount);
            Assert.IsTrue(font.Contains(0x9E7F), "马鹿塘's 鹿 (U+9E7F) is in Unifont's BMP coverage");
        }

        [TestMethod]
        public void TryGetGlyph_LetterA_MatchesRawHexBits()
        {
            AssertMatchesRaw('A', 8);
        }

        [TestMethod]
        public void TryGetGlyph_Ideograph_Is16WideAndMatchesRawHexBits()
        {
            AssertMatchesRaw(0x53E3, 16); // 口
            AssertMatchesRaw(0x5CB8, 16); // 岸
        }

        [TestMethod]
        public void TryGetGlyph_LetterG_DescenderUsesTheTwoRowsBelowTheBaseline()
        {
            // Independent evidence for ascent 14 / descent 2: capital A's lowest ink row and g's lowest ink row.
            string a = InstalledFonts.RawHex('A')!;
            string g = InstalledFonts.RawHex('g')!;
            Assert.AreEqual(13, LowestInkRow(a), "A should stand on the baseline just below row 13");
            Assert.AreEqual(15, LowestInkRow(g), "g's descender should reach the cell's last row");
            UnifontHexFont font = InstalledFonts.Unifont;
            Assert.AreEqual(14, font.Ascent);
            Assert.AreEqual(2, font.Descent);
            Assert.IsTrue(font.TryGetGlyph('g', out Glyph? glyph));
            Assert.AreEqual(-2, glyph.OffsetY);
            Assert.AreEqual(16, glyph.Height);
        }

        [TestMethod]
        public void TryGetGlyph_VietnameseCombiningMarks_ZeroAdvanceAndOffsetFromCombiningFile()
        {
            UnifontHexFont font = InstalledFonts.Unifont;
            foreach (int mark in new[] { 0x0300, 0x0301, 0x0302, 0x0303, 0x0306, 0x0309, 0x031B, 0x0323 })
            {
                Assert.IsTrue(font.TryGetGlyph(mark, out Glyph? glyph), $"U+{mark:X4}");
                Assert.AreEqual(0, glyph.Advance, $"U+{mark:X4} advance");
                Assert.AreEqual(-8, glyph.OffsetX, $"U+{mark:X4} x offset");
                Assert.IsTrue(font.IsCombining(mark));
            }
        }

        [TestMethod]
        public void RawData_VietnameseCombiningMarks_SitWhereTheDocsSay()
        {
            // The facts docs/text-rendering.md states about Unifont's combining glyphs, read straight from the file.
            (int Mark, int Top, int Bottom)[] expected =
            {
                (0x0300, 0, 1), (0x0301, 0, 1), (0x0302, 0, 1), (0x0303, 1, 2),
                (0x0306, 1, 3), (0x0309, 0, 4), (0x031B, 2, 6), (0x0323, 14, 15),
            };
            foreach (var (mark, top, bottom) in expected)
            {
                string hex = InstalledFonts.RawHex(mark)!;
                Assert.AreEqual(top, HighestInkRow(hex), $"U+{mark:X4} top row");
                Assert.AreEqual(bottom, LowestInkRow(hex), $"U+{mark:X4} bottom row");
            }
        }

        [TestMethod]
        public void TryGetGlyph_PrivateUseAndPlaneTwo_ReturnFalse()
        {
            Assert.IsNull(InstalledFonts.RawHex(0xE000), "premise: this unifont.hex has no U+E000");
            Assert.IsNull(InstalledFonts.RawHex(0x20000), "premise: this unifont.hex has no plane-2 glyphs");
            Assert.IsFalse(InstalledFonts.Unifont.TryGetGlyph(0xE000, out _));
            Assert.IsFalse(InstalledFonts.Unifont.TryGetGlyph(0x20000, out _));
            Assert.IsFalse(InstalledFonts.Unifont.TryGetGlyph(-1, out _));
        }

        [TestMethod]
        public void Parse_SixDigitCodePointsOutOfOrder_SortsAndDecodes()
        {
            string text = $"01F600:{Bits64}\n0041:{Bits32}\r\n\n";
            UnifontHexFont font = UnifontHexFont.Parse(Encoding.ASCII.GetBytes(text), "t.hex");
            CollectionAssert.AreEqual(new[] { 0x41, 0x1F600 }, font.CodePoints.ToArray());
            Assert.IsTrue(font.TryGetGlyph(0x1F600, out Glyph? wide));
            Assert.AreEqual(16, wide.Width);
            Assert.IsTrue(wide.IsSet(0, 0));
            Assert.IsTrue(wide.IsSet(15, 15));
            Assert.IsFalse(wide.IsSet(1, 0));
            Assert.IsTrue(font.TryGetGlyph(0x41, out Glyph? narrow));
            // Last row 0xA5 = 1010 0101.
            Assert.IsTrue(narrow.IsSet(0, 15));
            Assert.IsFalse(narrow.IsSet(1, 15));
            Assert.IsTrue(narrow.IsSet(7, 15));
        }

        [TestMethod]
        [DataRow("0041:00", 2, "expected 32 (8x16) or 64 (16x16)")]
        [DataRow("041:" + "00000000000000000000000000000000", 2, "4 to 6 hex digits")]
        [DataRow("00G1:" + "00000000000000000000000000000000", 2, "not hexadecimal")]
        [DataRow("0042:" + "0000000000000000000000000000000Z", 2, "non-hex")]
        [DataRow("110000:" + "00000000000000000000000000000000", 2, "not a Unicode scalar value")]
        [DataRow("D800:" + "00000000000000000000000000000000", 2, "not a Unicode scalar value")]
        [DataRow("0040:" + "00000000000000000000000000000000", 2, "duplicate code point")]
        public void Parse_MalformedSecondLine_ThrowsWithLineNumber(string badLine, int line, string problem)
        {
            string text = "0040:" + Bits32 + "\n" + badLine + "\n";
            var error = Assert.ThrowsExactly<FontFormatException>(() => UnifontHexFont.Parse(Encoding.ASCII.GetBytes(text), "bad.hex"));
            Assert.AreEqual(line, error.LineNumber, error.Message);
            Assert.AreEqual("bad.hex", error.FileName);
            StringAssert.Contains(error.Message, problem);
            StringAssert.StartsWith(error.Message, $"bad.hex, line {line}: ");
        }

        [TestMethod]
        public void Parse_MalformedCombiningLine_ThrowsWithLineNumber()
        {
            var error = Assert.ThrowsExactly<FontFormatException>(
                () => UnifontHexFont.Parse(Encoding.ASCII.GetBytes("0300:" + Bits32), "u.hex", "0300:-8\n0301:minus eight\n", "comb.txt"));
            Assert.AreEqual(2, error.LineNumber);
            Assert.AreEqual("comb.txt", error.FileName);
        }

        private static void AssertMatchesRaw(int codePoint, int width)
        {
            string hex = InstalledFonts.RawHex(codePoint)!;
            Assert.IsTrue(InstalledFonts.Unifont.TryGetGlyph(codePoint, out Glyph? glyph));
            Assert.AreEqual(width, glyph.Width);
            Assert.AreEqual(width, glyph.Advance);
            for (int row = 0; row < 16; row++)
            {
                for (int x = 0; x < width; x++)
                {
                    Assert.AreEqual(InstalledFonts.RawPixel(hex, x, row), glyph.IsSet(x, row), $"U+{codePoint:X4} pixel ({x},{row})");
                }
            }
        }

        private static int LowestInkRow(string hex)
        {
            int per = hex.Length / 16;
            return Enumerable.Range(0, 16).Last(r => hex.Substring(r * per, per).Any(c => c != '0'));
        }

        private static int HighestInkRow(string hex)
        {
            int per = hex.Length / 16;
            return Enumerable.Range(0, 16).First(r => hex.Substring(r * per, per).Any(c => c != '0'));
        }
    }
}
