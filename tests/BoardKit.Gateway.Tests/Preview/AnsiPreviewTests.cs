using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Preview
{
    [TestClass]
    public sealed class AnsiPreviewTests
    {
        [TestMethod]
        public void Render_TwoRows_UpperHalfBlockWithForegroundAndBackground()
        {
            var frame = new IndexedBitmap(2, 2, new uint[] { 0x000000, 0xFF8001 });
            frame[0, 0] = 1;
            frame[1, 1] = 1;
            string expected =
                "\u001b[38;2;255;128;1m\u001b[48;2;32;32;32m\u2580" +
                "\u001b[38;2;32;32;32m\u001b[48;2;255;128;1m\u2580" +
                "\u001b[0m\n";
            Assert.AreEqual(expected, AnsiPreview.Render(frame));
        }

        [TestMethod]
        public void Render_OddHeight_LastRowHasNoBackground()
        {
            var frame = new IndexedBitmap(1, 3, new uint[] { 0x000000, 0x00FF00 });
            frame[0, 2] = 1;
            string expected =
                "\u001b[38;2;32;32;32m\u001b[48;2;32;32;32m\u2580\u001b[0m\n" +
                "\u001b[38;2;0;255;0m\u2580\u001b[0m\n";
            Assert.AreEqual(expected, AnsiPreview.Render(frame));
        }
    }
}
