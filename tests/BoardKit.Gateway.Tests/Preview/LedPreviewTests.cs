using System.Linq;
using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Preview
{
    [TestClass]
    public sealed class LedPreviewTests
    {
        private static IndexedBitmap TwoLeds()
        {
            var frame = new IndexedBitmap(2, 1, new uint[] { 0x000000, 0xFFA000 });
            frame[0, 0] = 1;
            return frame;
        }

        [TestMethod]
        public void Render_ScaleOne_ExactFramePixels()
        {
            IndexedBitmap frame = TwoLeds();
            IndexedBitmap picture = LedPreview.Render(frame, 1);
            CollectionAssert.AreEqual(frame.Pixels, picture.Pixels);
            CollectionAssert.AreEqual(frame.Palette, picture.Palette);
            Assert.AreNotSame(frame.Pixels, picture.Pixels);
        }

        [TestMethod]
        public void Render_ScaleFour_DotsWithOnePixelGap()
        {
            IndexedBitmap picture = LedPreview.Render(TwoLeds(), 4);

            // Palette: 0 = board, 1 = unlit LED (frame black), 2 = amber. Gap max(1, 4 / 4) = 1 px right and below.
            CollectionAssert.AreEqual(new uint[] { LedPreview.BoardColor, LedPreview.UnlitColor, 0xFFA000 }, picture.Palette);
            BitmapArt.AreEqual(picture,
                "222.111.",
                "222.111.",
                "222.111.",
                "........");
        }

        [TestMethod]
        public void Render_ScaleEight_RoundDots()
        {
            IndexedBitmap picture = LedPreview.Render(TwoLeds(), 8);

            // Gap 2, diameter 6, centre (4, 4), radius 3.25: corners of the 6x6 square are cut.
            string art = BitmapArt.ToArt(picture);
            string[] rows = art.Split('\n');
            Assert.AreEqual("..2222..", rows[1][..8]);
            Assert.AreEqual(".222222.", rows[2][..8]);
            Assert.AreEqual("........", rows[7][..8]);
            Assert.AreEqual("........", rows[0][..8]);
        }

        [TestMethod]
        public void Render_ScaleTooLarge_Throws()
        {
            Assert.ThrowsExactly<System.ArgumentOutOfRangeException>(() => LedPreview.Render(TwoLeds(), LedPreview.MaxScale + 1));
        }

        [TestMethod]
        public void RenderAll_Frames_OnePicturePerFrame()
        {
            Assert.AreEqual(3, LedPreview.RenderAll(new[] { TwoLeds(), TwoLeds(), TwoLeds() }, 2).Count(p => p.Width == 4 && p.Height == 2));
        }
    }
}
