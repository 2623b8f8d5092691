using BoardKit.Gateway.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Text
{
    [TestClass]
    public sealed class UnicodeNamesTests
    {
        [TestMethod]
        [DataRow(0x1EA4, "LATIN CAPITAL LETTER A WITH CIRCUMFLEX AND ACUTE")]
        [DataRow(0x0111, "LATIN SMALL LETTER D WITH STROKE")]
        [DataRow(0x53E3, "CJK UNIFIED IDEOGRAPH-53E3")]
        [DataRow(0xAC00, "HANGUL SYLLABLE GA")]
        [DataRow(0xD55C, "HANGUL SYLLABLE HAN")]
        [DataRow(0xAA80, "TAI VIET LETTER LOW KO")]
        [DataRow(0x0009, "CHARACTER TABULATION")]
        [DataRow(0xE000, "U+E000")]
        [DataRow(0x0378, "U+0378")]
        public void GetName_CodePoint_UnicodeName(int codePoint, string name)
        {
            RequireFile();
            Assert.AreEqual(name, UnicodeNames.Default.GetName(codePoint));
        }

        [TestMethod]
        public void GetCombiningClass_VietnameseMarks_AboveBelowAndAttached()
        {
            RequireFile();
            Assert.AreEqual(230, UnicodeNames.Default.GetCombiningClass(0x0301));
            Assert.AreEqual(220, UnicodeNames.Default.GetCombiningClass(0x0323));
            Assert.AreEqual(216, UnicodeNames.Default.GetCombiningClass(0x031B));
            Assert.AreEqual(0, UnicodeNames.Default.GetCombiningClass(0x0041));
        }

        [TestMethod]
        public void GetName_FileAbsent_FallsBackToCodePoint()
        {
            var names = new UnicodeNames("/nonexistent/UnicodeData.txt");
            Assert.IsFalse(names.IsAvailable);
            Assert.AreEqual("U+0041", names.GetName(0x41));
            Assert.AreEqual("U+1F600", names.GetName(0x1F600));
            Assert.AreEqual(0, names.GetCombiningClass(0x0301));
        }

        private static void RequireFile()
        {
            Fonts.InstalledFonts.Require(UnicodeNames.DefaultPath);
        }
    }
}
