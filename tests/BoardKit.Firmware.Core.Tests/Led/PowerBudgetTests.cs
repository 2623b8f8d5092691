using System;
using BoardKit.Firmware.Core.Led;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Led
{
    [TestClass]
    public sealed class PowerBudgetTests
    {
        // A 64 x 16 board: 1024 LEDs. Full white: every channel's gamma level is 255, 765 per LED.
        private const int Leds = 1024;
        private const int FullWhite = Leds * 765; // 783360

        [TestMethod]
        public void EstimateMa_FullWhiteAtFullBrightness_Is61MaPerLed()
        {
            // 1024 x 1 mA + 783360 x 255 x 20 / 65025 = 1024 + 61440 = 62464 = 1024 x (1 + 60).
            Assert.AreEqual(1024 * (1 + 60), new PowerBudget(int.MaxValue).EstimateMa(Leds, FullWhite, 255));
        }

        [TestMethod]
        public void FitBrightness_FullWhiteOn40A_Caps161()
        {
            var budget = new PowerBudget(40000);

            // floor((40000 - 1024) x 65025 / (783360 x 20)) = floor(2534414400 / 15667200) = floor(161.76) = 161.
            Assert.AreEqual(161, budget.FitBrightness(Leds, FullWhite, 255));
            // At 161: 1024 + ceil(783360 x 161 x 20 / 65025) = 1024 + ceil(38791.53) = 39816 ≤ 40000.
            Assert.AreEqual(39816, budget.EstimateMa(Leds, FullWhite, 161));
            // At 162: 1024 + ceil(39032.47) = 40057 > 40000.
            Assert.AreEqual(40057, budget.EstimateMa(Leds, FullWhite, 162));
        }

        [TestMethod]
        public void FitBrightness_BlackFrame_KeepsRequestedAndDrawsIdleOnly()
        {
            var budget = new PowerBudget(2000);

            Assert.AreEqual(200, budget.FitBrightness(Leds, 0, 200));
            Assert.AreEqual(1024, budget.EstimateMa(Leds, 0, 200));
        }

        [TestMethod]
        public void FitBrightness_IdleAboveBudget_ReturnsZero()
        {
            var budget = new PowerBudget(1000);

            Assert.AreEqual(0, budget.FitBrightness(Leds, 0, 255));
            Assert.AreEqual(0, budget.FitBrightness(Leds, FullWhite, 255));
            Assert.AreEqual(1024, budget.EstimateMa(Leds, FullWhite, 0));
        }

        [TestMethod]
        public void EstimateMa_RedTextOnThirteenPercent_MatchesPowerNotes()
        {
            // hardware/power.md: ~13 % of 1024 LEDs lit with one channel at full ≈ 3.7 A. 133 LEDs red: G = 133 x 255.
            // 1024 + 33915 x 255 x 20 / 65025 = 1024 + 2660 = 3684 mA.
            Assert.AreEqual(3684, new PowerBudget(5000).EstimateMa(Leds, 133 * 255, 255));
        }

        [TestMethod]
        public void FitBrightness_RedTextOn3A_Caps189()
        {
            var budget = new PowerBudget(3000);

            // floor((3000 - 1024) x 65025 / (33915 x 20)) = floor(128489400 / 678300) = floor(189.43) = 189.
            Assert.AreEqual(189, budget.FitBrightness(Leds, 133 * 255, 255));
            // 1024 + ceil(1971.53) = 2996; at 190: 1024 + ceil(1981.95) = 3006.
            Assert.AreEqual(2996, budget.EstimateMa(Leds, 133 * 255, 189));
            Assert.AreEqual(3006, budget.EstimateMa(Leds, 133 * 255, 190));
        }

        [TestMethod]
        public void EstimateMa_AmberTextWithGamma_HandWorked()
        {
            // 100 LEDs amber (255, 128, 0) through gamma 2.2 -> (255, 56, 0): G = 100 x 311 = 31100.
            // At brightness 128: 1024 + ceil(31100 x 128 x 20 / 65025) = 1024 + ceil(1224.39) = 2249.
            byte[] g = new GammaTable(2.2).Levels;
            int sum = 100 * (g[255] + g[128] + g[0]);
            Assert.AreEqual(31100, sum);
            Assert.AreEqual(2249, new PowerBudget(5000).EstimateMa(Leds, sum, 128));
        }

        [TestMethod]
        public void FitBrightness_RequestedOutOfRange_IsClamped()
        {
            var budget = new PowerBudget(int.MaxValue);

            Assert.AreEqual(255, budget.FitBrightness(Leds, FullWhite, 300));
            Assert.AreEqual(0, budget.FitBrightness(Leds, FullWhite, -5));
            Assert.AreEqual(budget.EstimateMa(Leds, FullWhite, 255), budget.EstimateMa(Leds, FullWhite, 999));
        }

        [TestMethod]
        public void FitBrightness_CustomCurrents_UseThem()
        {
            // 0 mA idle, 10 mA per channel, 100 LEDs white: 100 x 765 x 255 x 10 / 65025 = 3000 mA at 255.
            var budget = new PowerBudget(1500, 0, 10);

            Assert.AreEqual(3000, budget.EstimateMa(100, 100 * 765, 255));
            // floor(1500 x 65025 / (76500 x 10)) = floor(127.5) = 127.
            Assert.AreEqual(127, budget.FitBrightness(100, 100 * 765, 255));
        }

        [TestMethod]
        public void FitBrightness_AnyInput_IsHighestLevelThatFits()
        {
            var gen =
                from leds in Gen.Choose(0, 4096)
                from lit in Gen.Choose(0, 765)
                from requested in Gen.Choose(-10, 270)
                from budgetMa in Gen.Choose(0, 300000)
                from idle in Gen.Choose(0, 3)
                from channel in Gen.Choose(0, 40)
                select (leds, sum: (long)leds * lit, requested, budgetMa, idle, channel);
            Prop.ForAll(gen.ToArbitrary(), t =>
            {
                var budget = new PowerBudget(t.budgetMa, t.idle, t.channel);
                int want = Math.Clamp(t.requested, 0, 255);
                int b = budget.FitBrightness(t.leds, t.sum, t.requested);
                bool idleFits = (long)t.leds * t.idle <= t.budgetMa;
                if (!idleFits)
                {
                    return b == 0;
                }

                // Brute force: the highest level ≤ want whose estimate fits.
                int best = 0;
                for (int level = 0; level <= want; level++)
                {
                    if (budget.EstimateMa(t.leds, t.sum, level) <= t.budgetMa)
                    {
                        best = level;
                    }
                }

                return b == best;
            }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500));
        }

        [TestMethod]
        public void Constructor_NegativeOrHugeFigures_Throw()
        {
            Assert.ThrowsExactly<ArgumentException>(() => new PowerBudget(-1));
            Assert.ThrowsExactly<ArgumentException>(() => new PowerBudget(100, -1, 20));
            Assert.ThrowsExactly<ArgumentException>(() => new PowerBudget(100, 1, 1001));
        }
    }
}
