using BoardKit.Gateway.Fonts;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Fonts
{
    [TestClass]
    public sealed class ScaledFontTests
    {
        [TestMethod]
        public void Scale_Factor2_EachPixelBecomesA2x2BlockAndMetricsDouble()
        {
            // 3x2 glyph, rows 101 / 010 (0xA0, 0x40), asymmetric so a flipped axis would show.
            var source = new Glyph(0x41, 3, 2, -1, -2, 4, new byte[] { 0xA0, 0x40 });
            Glyph big = ScaledFont.Scale(source, 2);
            Assert.AreEqual((6, 4, -2, -4, 8), (big.Width, big.Height, big.OffsetX, big.OffsetY, big.Advance));
            string[] expected = { "##..##", "##..##", "..##..", "..##.." };
            for (int y = 0; y < 4; y++)
            {
                for (int x = 0; x < 6; x++)
                {
                    Assert.AreEqual(expected[y][x] == '#', big.IsSet(x, y), $"({x},{y})");
                }
            }
        }

        [TestMethod]
        public void TryGetGlyph_UnifontTimesFour_Is64RowsWithScaledMetrics()
        {
            var font = new ScaledFont(InstalledFonts.Unifont, 4);
            Assert.AreEqual((56, 8), (font.Ascent, font.Descent));
            Assert.IsTrue(font.TryGetGlyph(0x53E3, out Glyph? glyph));
            Assert.AreEqual((64, 64, 64), (glyph.Width, glyph.Height, glyph.Advance));
            Assert.IsFalse(font.TryGetGlyph(0xE000, out _));
        }
    }
}
