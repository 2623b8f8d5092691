using System.Linq;
using BoardKit.Gateway.Tests.Fonts;
using BoardKit.Gateway.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Text
{
    [TestClass]
    public sealed class CoverageTests
    {
        [TestMethod]
        public void Check_TrilingualBorderGateText_NothingMissing()
        {
            string text = "Cửa khẩu Quốc tế Ma Lù Thàng\n马鹿塘口岸\nNyob zoo";
            Assert.IsEmpty(Coverage.Check(text, InstalledFonts.Line16));
        }

        [TestMethod]
        public void Check_TextWithUndrawableCharacters_ListsEachOnce()
        {
            var missing = Coverage.Check("A\uE000 \uE001\n\U0001F600", InstalledFonts.Line16);
            CollectionAssert.AreEqual(new[] { 0xE000, 0xE001, 0x1F600 }, missing.Select(m => m.CodePoint).ToArray());
            Assert.AreEqual((2, 1), (missing[2].Line, missing[2].Column));
        }

        [TestMethod]
        public void Check_AnyString_NeverThrowsAndMissingPointsIntoText()
        {
            var set = InstalledFonts.Line16;
            Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
            {
                var missing = Coverage.Check(text, set);
                return missing.All(m => text != null && m.Index >= 0 && m.Index < text.Length && m.Line >= 1 && m.Column >= 1);
            }).QuickCheckThrowOnFailure();
        }
    }
}
