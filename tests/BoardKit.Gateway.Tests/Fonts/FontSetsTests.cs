using System;
using System.Linq;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Fonts
{
    [TestClass]
    public sealed class FontSetsTests
    {
        [TestMethod]
        public void ForPanelHeight_16_IsUnifontAscent14Descent2()
        {
            FontSet set = InstalledFonts.Sets.ForPanelHeight(16);
            Assert.AreEqual((14, 2), (set.Ascent, set.Descent));
            Assert.IsInstanceOfType<UnifontHexFont>(set.Fonts.Single());
            Assert.IsTrue(set.AllowsDiacritics);
        }

        [TestMethod]
        public void ForPanelHeight_32OneLine_UnifontScaledTwice()
        {
            FontSet set = InstalledFonts.Sets.ForPanelHeight(32);
            var scaled = (ScaledFont)set.Fonts.Single();
            Assert.AreEqual(2, scaled.Factor);
            Assert.AreEqual((28, 4), (set.Ascent, set.Descent));
            ShapedText shaped = new TextShaper(set).Shape("Cửa khẩu 口岸");
            Assert.IsEmpty(shaped.Missing);
            Assert.AreEqual(16, shaped.Clusters[0].Advance);
            Assert.AreEqual(32, shaped.Clusters.Last().Advance);
        }

        [TestMethod]
        public void ForPanelHeight_64FourLines_SixteenPixelLines()
        {
            FontSet set = InstalledFonts.Sets.ForPanelHeight(64, lines: 4);
            Assert.AreEqual(16, set.LineHeight);
            Assert.AreEqual(4, ((ScaledFont)InstalledFonts.Sets.ForPanelHeight(64).Fonts.Single()).Factor);
        }

        [TestMethod]
        public void ForPanelHeight_13_MiscFixed6x13FirstUnifontFallbackWhereItFits()
        {
            InstalledFonts.Require("/usr/share/fonts/X11/misc/6x13.pcf.gz");
            FontSet set = InstalledFonts.Sets.ForPanelHeight(13);
            Assert.AreEqual("6x13.pcf.gz", set.Fonts[0].Name);
            Assert.AreEqual((11, 2), (set.Ascent, set.Descent));
            var shaper = new TextShaper(set);
            ShapedText vietnamese = shaper.Shape("Cửa khẩu Ma Lù Thàng");
            Assert.IsEmpty(vietnamese.Missing, string.Join("; ", vietnamese.Missing));
            Assert.IsTrue(vietnamese.Clusters.All(c => c.Advance == 6));
            ShapedText chinese = shaper.Shape("口岸");
            Assert.HasCount(2, chinese.Missing);
            StringAssert.Contains(chinese.Missing[0].Reason, "the 13-px line has 11 above and 2 below");
        }

        [TestMethod]
        public void ForPanelHeight_8_AsciiDrawnButDiacriticsRefusedAsTooSmall()
        {
            InstalledFonts.Require("/usr/share/fonts/X11/misc/5x8.pcf.gz");
            FontSet set = InstalledFonts.Sets.ForPanelHeight(8);
            Assert.IsFalse(set.AllowsDiacritics);
            var shaper = new TextShaper(set);
            Assert.IsEmpty(shaper.Shape("Pa Ve Su 2025").Missing);
            ShapedText vietnamese = shaper.Shape("Pa Vệ Sủ");
            CollectionAssert.AreEqual(new[] { 0x1EC7, 0x1EE7 }, vietnamese.Missing.Select(m => m.CodePoint).ToArray());
            Assert.AreEqual(5, vietnamese.Missing[0].Column);
            StringAssert.Contains(vietnamese.Missing[0].Reason, "too small");
            Assert.AreEqual("LATIN SMALL LETTER E WITH CIRCUMFLEX AND DOT BELOW", vietnamese.Missing[0].Name);
        }

        [TestMethod]
        public void ForPanelHeight_5NoFontFits_EverythingReported()
        {
            FontSet set = InstalledFonts.Sets.ForPanelHeight(5);
            Assert.IsEmpty(set.Fonts);
            MissingCharacter missing = new TextShaper(set).Shape("A").Missing.Single();
            StringAssert.Contains(missing.Reason, "no font fits a 5-px line");
        }

        [TestMethod]
        public void ForPanelHeight_MissingUnifont_ThrowsNamingPackage()
        {
            var sets = new FontSets(new FontSetOptions { UnifontPath = "/nonexistent/unifont.hex" });
            var error = Assert.ThrowsExactly<System.IO.FileNotFoundException>(() => sets.ForPanelHeight(16));
            StringAssert.Contains(error.Message, "apt-get install -y unifont");
        }

        [TestMethod]
        public void ForPanelHeight_ZeroLines_Throws()
        {
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => InstalledFonts.Sets.ForPanelHeight(16, 0));
        }
    }
}
