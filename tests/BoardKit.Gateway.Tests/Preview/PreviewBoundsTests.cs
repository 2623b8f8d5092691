using BoardKit.Gateway.Preview;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Preview
{
    [TestClass]
    public sealed class PreviewBoundsTests
    {
        [TestMethod]
        public void ScaleFor_FullStrip_AtMostFourSoTheWidthStaysWithinBound()
        {
            Assert.AreEqual(4, PreviewBounds.ScaleFor(4096, 16, 64));
            Assert.AreEqual(4, PreviewBounds.ScaleFor(4096, 16, 4));
            Assert.AreEqual(2, PreviewBounds.ScaleFor(4096, 16, 2));
        }

        [TestMethod]
        public void ScaleFor_LargestPanel_PixelBoundLimitsScale()
        {
            // 512 x 64 at scale 8 is 4096 x 512 = 2 Mpx; the side bound allows 32, the 16 Mpx bound 22.
            Assert.AreEqual(22, PreviewBounds.ScaleFor(512, 64, 64));
        }

        [TestMethod]
        public void ScaleForAll_ManyLargePages_LowersScaleToStayWithinTotal()
        {
            int scale = PreviewBounds.ScaleForAll(256, 512, 64, 64);

            Assert.IsLessThanOrEqualTo(PreviewBounds.MaxTotalPixels, 256L * 512 * 64 * scale * scale);
            Assert.IsGreaterThan(PreviewBounds.MaxTotalPixels, 256L * 512 * 64 * (scale + 1) * (scale + 1));
        }

        [TestMethod]
        public void AnimationFrames_SmallPanel_CappedAtOneMinute()
        {
            Assert.AreEqual(PreviewBounds.MaxAnimationFrames, PreviewBounds.AnimationFrames(64, 16, 4, 0));
        }

        [TestMethod]
        public void AnimationFrames_LargePanelAtHighScale_WithinTotalPixels()
        {
            int frames = PreviewBounds.AnimationFrames(512, 64, 8, usedPixels: 0);

            Assert.AreEqual((int)(PreviewBounds.MaxTotalPixels / (4096L * 512)), frames);
        }

        [TestMethod]
        public void AnimationFrames_BudgetSpent_StillOneFrame()
        {
            Assert.AreEqual(1, PreviewBounds.AnimationFrames(64, 16, 4, PreviewBounds.MaxTotalPixels));
        }
    }
}
