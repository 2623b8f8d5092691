using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Playback;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static BoardKit.Firmware.Core.Tests.Playback.PlaybackKit;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    /// <summary>The emergency fallback and identify drawings.</summary>
    [TestClass]
    public sealed class BuiltInDrawingsTests
    {
        private const string Dots14 = "..............";
        private const string Dots15 = "...............";
        private const string Dots30 = "..............................";
        private const string Reds32 = "RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR";

        [TestMethod]
        public void EmergencyFallback_32x8Lit_BorderAndExclamationMark()
        {
            var panel = new PanelFrame(32, 8);
            Assert.IsTrue(EmergencyFallbackDrawing.Draw(panel, true));
            // u = 1; mark column (32 - 1) / 2 = 15; stem rows [2, 4), dot rows [5, 6).
            AssertPicture(panel, "fallback 32x8",
                Reds32,
                "R" + Dots30 + "R",
                "R" + Dots14 + "R" + Dots15 + "R",
                "R" + Dots14 + "R" + Dots15 + "R",
                "R" + Dots30 + "R",
                "R" + Dots14 + "R" + Dots15 + "R",
                "R" + Dots30 + "R",
                Reds32);
        }

        [TestMethod]
        public void EmergencyFallback_64x16_MarkScaledToTwo()
        {
            var panel = new PanelFrame(64, 16);
            EmergencyFallbackDrawing.Draw(panel, true);
            // u = 2: columns 31-32; stem rows 4-7; dot rows 10-11.
            int[] markRows = { 4, 5, 6, 7, 10, 11 };
            foreach (int y in markRows)
            {
                Assert.AreEqual(Red, panel.GetPixel(31, y), "row " + y);
                Assert.AreEqual(Red, panel.GetPixel(32, y), "row " + y);
                Assert.AreEqual(Black, panel.GetPixel(30, y), "row " + y);
                Assert.AreEqual(Black, panel.GetPixel(33, y), "row " + y);
            }

            int[] clearRows = { 1, 2, 3, 8, 9, 12, 13, 14 };
            foreach (int y in clearRows)
            {
                Assert.AreEqual(Black, panel.GetPixel(31, y), "row " + y);
            }

            Assert.AreEqual(Red, panel.GetPixel(0, 9));
            Assert.AreEqual(Red, panel.GetPixel(63, 9));
            Assert.AreEqual(Red, panel.GetPixel(40, 15));
        }

        [TestMethod]
        public void EmergencyFallback_Blink1000_LitForFirst500()
        {
            Assert.IsTrue(EmergencyFallbackDrawing.IsLitAt(0));
            Assert.IsTrue(EmergencyFallbackDrawing.IsLitAt(499));
            Assert.IsFalse(EmergencyFallbackDrawing.IsLitAt(500));
            Assert.IsFalse(EmergencyFallbackDrawing.IsLitAt(999));
            Assert.IsTrue(EmergencyFallbackDrawing.IsLitAt(1000));
            var panel = new PanelFrame(8, 8);
            EmergencyFallbackDrawing.Draw(panel, true);
            Assert.IsTrue(EmergencyFallbackDrawing.Draw(panel, false));
            Assert.IsTrue(IsBlack(panel));
        }

        [TestMethod]
        public void EmergencyFallback_TinyPanels_DoNotThrow()
        {
            for (int w = 1; w <= 4; w++)
            {
                for (int h = 1; h <= 4; h++)
                {
                    var panel = new PanelFrame(w, h);
                    EmergencyFallbackDrawing.Draw(panel, true);
                    Assert.AreEqual(Red, panel.GetPixel(0, 0));
                }
            }
        }

        [TestMethod]
        public void IdentifyBars_8Wide_TwoColumnsEachRedGreenBlueWhite()
        {
            var panel = new PanelFrame(8, 2);
            Assert.IsTrue(IdentifyDrawing.DrawBars(panel));
            AssertPicture(panel, "bars", "RRGGBBWW", "RRGGBBWW");
        }

        [TestMethod]
        public void IdentifyBars_6Wide_BarIsFloor4xOverWidth()
        {
            var panel = new PanelFrame(6, 1);
            IdentifyDrawing.DrawBars(panel);
            AssertPicture(panel, "x -> floor(4x / 6): 0 0 1 2 2 3", "RRGBBW");
        }

        [TestMethod]
        public void IsBarsAt_AlternatesEvery2000()
        {
            Assert.IsTrue(IdentifyDrawing.IsBarsAt(0));
            Assert.IsTrue(IdentifyDrawing.IsBarsAt(1999));
            Assert.IsFalse(IdentifyDrawing.IsBarsAt(2000));
            Assert.IsFalse(IdentifyDrawing.IsBarsAt(3999));
            Assert.IsTrue(IdentifyDrawing.IsBarsAt(4000));
        }

        [TestMethod]
        public void TextTimeAt_RunsOnlyWhileTheIdShows()
        {
            Assert.AreEqual(0L, IdentifyDrawing.TextTimeAt(0));
            Assert.AreEqual(0L, IdentifyDrawing.TextTimeAt(2000));
            Assert.AreEqual(500L, IdentifyDrawing.TextTimeAt(2500));
            Assert.AreEqual(1999L, IdentifyDrawing.TextTimeAt(3999));
            Assert.AreEqual(2000L, IdentifyDrawing.TextTimeAt(4000));
            Assert.AreEqual(2000L, IdentifyDrawing.TextTimeAt(6000));
            Assert.AreEqual(2001L, IdentifyDrawing.TextTimeAt(6001));
        }
    }
}
