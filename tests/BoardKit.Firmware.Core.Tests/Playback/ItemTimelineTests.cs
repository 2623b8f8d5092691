using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    [TestClass]
    public sealed class ItemTimelineTests
    {
        private static ItemTimeline Timed(ProgramItem item, int frames, int stripWidth = 1, bool loops = false)
        {
            item.FrameCount = frames;
            var t = new ItemTimeline();
            t.Start(item, stripWidth, loops);
            return t;
        }

        [TestMethod]
        public void Duration_StaticWithDwell_IsTheDwell()
        {
            Assert.AreEqual(7000L, Timed(PlaybackKit.Static(7000), 1).DurationMs);
        }

        [TestMethod]
        public void Duration_StaticDwellZero_IsDefault5000()
        {
            Assert.AreEqual(5000L, ItemTimeline.DefaultDwellMs);
            Assert.AreEqual(5000L, Timed(PlaybackKit.Static(0), 1).DurationMs);
        }

        [TestMethod]
        public void Duration_PageThreeFramesOf1000_Is3000()
        {
            Assert.AreEqual(3000L, Timed(PlaybackKit.Page(1000), 3).DurationMs);
        }

        [TestMethod]
        public void Duration_PageDwellZero_IsFramesTimes5000()
        {
            Assert.AreEqual(10000L, Timed(PlaybackKit.Page(0), 2).DurationMs);
        }

        [TestMethod]
        public void ScrollPassMs_RoundsUp()
        {
            Assert.AreEqual(800L, ItemTimeline.ScrollPassMs(16, 20));   // 16000 / 20 exactly
            Assert.AreEqual(2334L, ItemTimeline.ScrollPassMs(7, 3));    // 7000 / 3 = 2333.3 -> 2334
            Assert.AreEqual(4096L, ItemTimeline.ScrollPassMs(4096, 1000)); // 4096000 / 1000
        }

        [TestMethod]
        public void Duration_ScrollDwellZero_IsOnePass()
        {
            Assert.AreEqual(800L, Timed(PlaybackKit.Scroll(20, 0), 1, 16).DurationMs);
        }

        [TestMethod]
        public void Duration_ScrollDwell_RoundsUpToWholePasses()
        {
            Assert.AreEqual(800L, Timed(PlaybackKit.Scroll(20, 1), 1, 16).DurationMs);     // ceil(1 / 800) = 1 pass
            Assert.AreEqual(800L, Timed(PlaybackKit.Scroll(20, 800), 1, 16).DurationMs);   // exactly 1 pass
            Assert.AreEqual(1600L, Timed(PlaybackKit.Scroll(20, 801), 1, 16).DurationMs);  // 2 passes
            Assert.AreEqual(1600L, Timed(PlaybackKit.Scroll(20, 1600), 1, 16).DurationMs);
            Assert.AreEqual(2400L, Timed(PlaybackKit.Scroll(20, 1601), 1, 16).DurationMs); // 3 passes
        }

        [TestMethod]
        public void ScrollOffsetAt_16pxAt20pxPerSecond_StepsEvery50msAndWraps()
        {
            ItemTimeline t = Timed(PlaybackKit.Scroll(20), 1, 16);
            Assert.AreEqual(0, t.ScrollOffsetAt(0));
            Assert.AreEqual(0, t.ScrollOffsetAt(49));   // 49 * 20 / 1000 = 0.98
            Assert.AreEqual(1, t.ScrollOffsetAt(50));
            Assert.AreEqual(15, t.ScrollOffsetAt(799)); // 15.98
            Assert.AreEqual(0, t.ScrollOffsetAt(800));  // 16 mod 16
            Assert.AreEqual(1, t.ScrollOffsetAt(850));
        }

        [TestMethod]
        public void ScrollOffset_SpeedThatDoesNotDivide_FloorsThenWraps()
        {
            Assert.AreEqual(0, ItemTimeline.ScrollOffset(333, 3, 7));  // 0.999
            Assert.AreEqual(1, ItemTimeline.ScrollOffset(334, 3, 7));  // 1.002
            Assert.AreEqual(6, ItemTimeline.ScrollOffset(2333, 3, 7)); // 6.999
            Assert.AreEqual(0, ItemTimeline.ScrollOffset(2334, 3, 7)); // 7.002 -> 7 mod 7
        }

        [TestMethod]
        public void ScrollOffset_After2Pow40Ms_Uses64BitMath()
        {
            const long t = 1L << 40; // 2^40 ms (35 years); t * 1000 overflows 32 bits many times over
            Assert.AreEqual(0, ItemTimeline.ScrollOffset(t, 1000, 4096));     // 2^40 mod 2^12
            Assert.AreEqual(1, ItemTimeline.ScrollOffset(t + 1, 1000, 4096));
            Assert.AreEqual(4095, ItemTimeline.ScrollOffset(t - 1, 1000, 4096));
        }

        [TestMethod]
        public void FrameAt_PageOf1000_ChangesAtExactMultiples()
        {
            ItemTimeline t = Timed(PlaybackKit.Page(1000), 3);
            Assert.AreEqual(0, t.FrameAt(0));
            Assert.AreEqual(0, t.FrameAt(999));
            Assert.AreEqual(1, t.FrameAt(1000));
            Assert.AreEqual(2, t.FrameAt(2999));
            Assert.IsFalse(t.HasEndedAt(2999));
            Assert.IsTrue(t.HasEndedAt(3000));
            Assert.AreEqual(2, t.FrameAt(3000)); // a finished single play stays on its last page
        }

        [TestMethod]
        public void FrameAt_PageDwellZero_Uses5000()
        {
            ItemTimeline t = Timed(PlaybackKit.Page(0), 2);
            Assert.AreEqual(0, t.FrameAt(4999));
            Assert.AreEqual(1, t.FrameAt(5000));
        }

        [TestMethod]
        public void FrameAt_LoopingPage_Cycles()
        {
            ItemTimeline t = Timed(PlaybackKit.Page(1000), 3, 1, loops: true);
            Assert.AreEqual(0, t.FrameAt(3000));
            Assert.AreEqual(1, t.FrameAt(4500));
            Assert.AreEqual(2, t.FrameAt(300_000 + 2000));
            Assert.IsFalse(t.HasEndedAt(long.MaxValue));
        }

        [TestMethod]
        public void IsLitAt_Blink500_OnForFirstHalf()
        {
            ItemTimeline t = Timed(PlaybackKit.Static(5000, blinkMs: 500), 1);
            Assert.IsTrue(t.IsLitAt(0));
            Assert.IsTrue(t.IsLitAt(249));
            Assert.IsFalse(t.IsLitAt(250));
            Assert.IsFalse(t.IsLitAt(499));
            Assert.IsTrue(t.IsLitAt(500));
        }

        [TestMethod]
        public void IsBlinkOn_OddPeriod_HalfIsIntegerDivision()
        {
            Assert.IsTrue(ItemTimeline.IsBlinkOn(249, 501));  // 501 / 2 = 250
            Assert.IsFalse(ItemTimeline.IsBlinkOn(250, 501));
            Assert.IsFalse(ItemTimeline.IsBlinkOn(500, 501));
            Assert.IsTrue(ItemTimeline.IsBlinkOn(501, 501));
        }

        [TestMethod]
        public void IsBlinkOn_PeriodZero_AlwaysOn()
        {
            Assert.IsTrue(ItemTimeline.IsBlinkOn(0, 0));
            Assert.IsTrue(ItemTimeline.IsBlinkOn(123_456_789, 0));
        }

        [TestMethod]
        public void At_NegativeTime_CountsAsZero()
        {
            ItemTimeline t = Timed(PlaybackKit.Scroll(20), 1, 16);
            Assert.AreEqual(0, t.ScrollOffsetAt(-5000));
            Assert.IsTrue(ItemTimeline.IsBlinkOn(-1, 1000));
            Assert.AreEqual(0, Timed(PlaybackKit.Page(1000), 3).FrameAt(-1));
        }

        [TestMethod]
        public void ScrollOffsetAt_NonScrollLayout_IsZero()
        {
            Assert.AreEqual(0, Timed(PlaybackKit.Page(1000), 3).ScrollOffsetAt(5000));
        }

        [TestMethod]
        [DataRow(0u)]
        [DataRow(801u)]
        [DataRow(1600u)]
        public void ScrollBesideStill_TimedExactlyAsAScrollOfItsStrip(uint dwellMs)
        {
            // Layout 3 uses the scroll rules with S = its strip's width (frame 1); the still frame has no timing.
            ItemTimeline scroll = Timed(PlaybackKit.Scroll(20, dwellMs), 1, 16);
            ItemTimeline beside = Timed(PlaybackKit.ScrollBesideStill(20, dwellMs), 2, 16);
            Assert.AreEqual(ProgramItem.LayoutScrollBesideStill, beside.Layout);
            Assert.AreEqual(16, beside.StripWidth);
            Assert.AreEqual(scroll.DurationMs, beside.DurationMs);
            Assert.AreEqual(dwellMs == 0 ? 800L : (dwellMs <= 1600 ? 1600L : 2400L), beside.DurationMs, "whole passes of 800 ms");
            foreach (long t in new long[] { 0, 49, 50, 799, 800, 850, 123_456 })
            {
                Assert.AreEqual(scroll.ScrollOffsetAt(t), beside.ScrollOffsetAt(t), "t " + t);
                Assert.AreEqual(0, beside.FrameAt(t), "t " + t);
            }

            Assert.AreEqual(1, beside.ScrollOffsetAt(850), "floor(850 x 20 / 1000) mod 16");
        }
    }
}
