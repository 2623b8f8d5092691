using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Preview
{
    [TestClass]
    public sealed class ScrollAnimationTests
    {
        [TestMethod]
        public void Frames_Strip_WindowMovesLeftAndWraps()
        {
            var strip = new IndexedBitmap(5, 1, new uint[] { 0x000000, 0xFF0000 });
            strip[4, 0] = 1;
            var frames = ScrollAnimation.Frames(strip, 3);
            Assert.HasCount(5, frames);
            BitmapArt.AreEqual(frames[0], "...");
            BitmapArt.AreEqual(frames[2], "..1");
            BitmapArt.AreEqual(frames[3], ".1.");
            BitmapArt.AreEqual(frames[4], "1..");
        }

        [TestMethod]
        public void Frames_MaxFrames_OnlyTheFirst()
        {
            var strip = new IndexedBitmap(5, 1, new uint[] { 0x000000, 0xFF0000 });
            strip[4, 0] = 1;
            var frames = ScrollAnimation.Frames(strip, 3, maxFrames: 3);
            Assert.HasCount(3, frames);
            BitmapArt.AreEqual(frames[2], "..1");
        }

        [TestMethod]
        public void Frames_StepTwo_HalfAsManyFrames()
        {
            var strip = new IndexedBitmap(5, 1, new uint[] { 0x000000 });
            Assert.HasCount(3, ScrollAnimation.Frames(strip, 3, step: 2));
        }
    }
}
