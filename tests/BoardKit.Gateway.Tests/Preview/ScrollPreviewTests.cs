using System.Linq;
using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Preview
{
    [TestClass]
    public sealed class ScrollPreviewTests
    {
        private static IndexedBitmap Strip(int width, uint colour, int litColumn)
        {
            var strip = new IndexedBitmap(width, 1, new uint[] { 0x000000, colour });
            strip[litColumn, 0] = 1;
            return strip;
        }

        [TestMethod]
        public void Build_TwoStrips_SecondFollowsFirstInOneSharedPalette()
        {
            ScrollPreview preview = ScrollPreview.Build(new[] { Strip(4, 0xFF0000, 3), Strip(3, 0x00FF00, 2) }, panelWidth: 2, maxFrames: 100);

            Assert.IsTrue(preview.Complete);
            Assert.AreEqual(7, preview.TotalSteps);
            Assert.HasCount(7, preview.Frames);
            Assert.IsTrue(preview.Frames.All(f => f.Palette.SequenceEqual(new uint[] { 0x000000, 0xFF0000, 0x00FF00 })));
            BitmapArt.AreEqual(preview.Frames[2], ".1");
            BitmapArt.AreEqual(preview.Frames[3], "1.");
            BitmapArt.AreEqual(preview.Frames[4], ".."); // the second strip starts on its own lead-in
            BitmapArt.AreEqual(preview.Frames[5], ".2");
            BitmapArt.AreEqual(preview.Frames[6], "2.");
        }

        [TestMethod]
        public void Build_MoreStepsThanAllowed_FirstFramesOnlyAndNotComplete()
        {
            ScrollPreview preview = ScrollPreview.Build(new[] { Strip(4000, 0xFFA000, 0), Strip(4000, 0xFFA000, 0) }, panelWidth: 64, maxFrames: 1500);

            Assert.HasCount(1500, preview.Frames);
            Assert.AreEqual(8000, preview.TotalSteps);
            Assert.IsFalse(preview.Complete);
        }

        [TestMethod]
        public void Build_WithStill_StillColumnsNeverChangeAndTheStripScrollsInTheWindow()
        {
            // Still "G." (2 px) on a 5-px panel: the 4-px strip (lit at column 3) scrolls in the 3-px window beside it.
            var still = new IndexedBitmap(2, 1, new uint[] { 0x000000, 0x00FF00 });
            still[0, 0] = 1;

            ScrollPreview preview = ScrollPreview.Build(new[] { Strip(4, 0xFF0000, 3) }, panelWidth: 5, maxFrames: 100, still);

            Assert.AreEqual(4, preview.TotalSteps);
            Assert.HasCount(4, preview.Frames);
            Assert.IsTrue(preview.Frames.All(f => f.Palette.SequenceEqual(new uint[] { 0x000000, 0xFF0000, 0x00FF00 })));
            BitmapArt.AreEqual(preview.Frames[0], "2....");
            BitmapArt.AreEqual(preview.Frames[1], "2...1");
            BitmapArt.AreEqual(preview.Frames[2], "2..1.");
            BitmapArt.AreEqual(preview.Frames[3], "2.1..");
        }

        [TestMethod]
        public void Build_StillAsWideAsThePanel_StillAloneInEveryStep()
        {
            var still = new IndexedBitmap(3, 1, new uint[] { 0x000000, 0x00FF00 });
            still[1, 0] = 1;

            ScrollPreview preview = ScrollPreview.Build(new[] { Strip(4, 0xFF0000, 3) }, panelWidth: 2, maxFrames: 100, still);

            Assert.HasCount(4, preview.Frames);
            Assert.IsTrue(preview.Frames.All(f => BitmapArt.ToArt(f) == ".2\n"), "clipped to the panel, no window");
        }
    }
}
