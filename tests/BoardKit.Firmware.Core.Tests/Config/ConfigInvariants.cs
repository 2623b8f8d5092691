using System;
using System.Linq;
using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Config
{
    /// <summary>Every documented range and rule of an accepted board.json, written out independently of the parser.</summary>
    internal static class ConfigInvariants
    {
        private static readonly int[] UsablePins = { 4, 13, 14, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33 };

        public static void AssertValid(BoardConfig c)
        {
            Assert.AreEqual(1, c.Format);
            Assert.IsTrue(BoardId.IsValid(c.Board), c.Board);
            Assert.IsTrue(BoardId.IsValid(c.Site), c.Site);
            In(c.Panel.Width, 1, 512);
            In(c.Panel.Height, 1, 64);
            In(c.Chains.Length, 1, 2);
            Assert.AreEqual(c.Chains.Length, c.Chains.Select(ch => ch.SpiBus).Distinct().Count(), "one bus per chain");
            Assert.AreEqual(2 * c.Chains.Length, c.Chains.SelectMany(ch => new[] { ch.MosiGpio, ch.ClockGpio }).Distinct().Count(), "two pins of its own per chain");
            foreach (ChainConfig ch in c.Chains)
            {
                In(ch.SpiBus, 1, 2);
                Assert.IsTrue(UsablePins.Contains(ch.MosiGpio), "pin " + ch.MosiGpio);
                Assert.IsTrue(UsablePins.Contains(ch.ClockGpio), "pin " + ch.ClockGpio);
                In(ch.Leds, 1, 2048);
            }

            In(c.Tiles.Length, 1, 64);
            foreach (TileLayout t in c.Tiles)
            {
                In(t.Chain, 0, c.Chains.Length - 1);
                In(t.Width, 1, 512);
                In(t.Height, 1, 512);
                In(t.FirstLed, 0, 2047);
                Assert.IsLessThanOrEqualTo(c.Chains[t.Chain].Leds, t.FirstLed + (t.Width * t.Height));
                In(t.Origin, 0, 3);
                Assert.IsTrue(t.Rotation is 0 or 90 or 180 or 270);
                bool turned = t.Rotation is 90 or 270;
                In(t.X, 0, c.Panel.Width - (turned ? t.Height : t.Width));
                In(t.Y, 0, c.Panel.Height - (turned ? t.Width : t.Height));
            }

            In(c.Led.ColorOrder, 0, 5);
            In(c.Led.GammaThousandths, 1000, 3000);
            In(c.Power.SupplyMilliamps, 500, 200000);
            In(c.Power.BudgetPercent, 50, 100);
            In(c.Power.MilliampsPerChannel, 1, 50);
            In(c.Power.IdleMilliampsPerLed, 0, 5);
            Assert.AreEqual(c.Power.SupplyMilliamps * c.Power.BudgetPercent / 100, c.Power.BudgetMilliamps);
            Assert.IsLessThanOrEqualTo(c.Power.BudgetMilliamps, c.Chains.Sum(ch => ch.Leds) * c.Power.IdleMilliampsPerLed);
            In(c.Brightness.Day, 0, 255);
            In(c.Brightness.Night, 0, 255);
            In(c.Brightness.NightFromMinute, 0, 1439);
            In(c.Brightness.NightUntilMinute, 0, 1439);
            Assert.AreNotEqual(c.Brightness.NightFromMinute, c.Brightness.NightUntilMinute);
            In(c.UtcOffsetMinutes, -720, 840);
            if (c.Button != null)
            {
                Assert.IsTrue(UsablePins.Contains(c.Button.Gpio));
                Assert.IsFalse(c.Chains.Any(ch => ch.MosiGpio == c.Button.Gpio || ch.ClockGpio == c.Button.Gpio));
                In(c.Button.HoldMs, 500, 10000);
                In(c.Button.DebounceMs, 10, 500);
            }

            Host(c.Broker.Host);
            In(c.Broker.Port, 1, 65535);
            In(c.Sntp.Length, 0, 2);
            foreach (string s in c.Sntp)
            {
                Host(s);
            }
        }

        private static void Host(string host)
        {
            In(host.Length, 1, 128);
            Assert.IsTrue(host.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-' || ch == '.'), host);
            Assert.IsTrue(char.IsAsciiLetterOrDigit(host[0]) && char.IsAsciiLetterOrDigit(host[^1]), host);
            Assert.IsFalse(host.Contains("..", StringComparison.Ordinal), host);
        }

        private static void In(int value, int min, int max) => Assert.IsTrue(value >= min && value <= max, value + " not in " + min + ".." + max);
    }
}
