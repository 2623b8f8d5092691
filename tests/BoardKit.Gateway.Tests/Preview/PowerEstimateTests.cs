using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Preview
{
    [TestClass]
    public sealed class PowerEstimateTests
    {
        /// <summary>
        /// Gamma 1.0 (gamma[v] = v), 4x1 panel: 4 LEDs x 1 mA idle plus ceil(G x 255 x 20 / 65025) mA for the worst
        /// picture's G = sum of R + G + B (docs/protocol.md 15.7). A strip of 3 with one red column on its own wraps
        /// across the 4-px panel and shows red twice (G 510: 4 + 40 = 44 mA); beside a white 1-px still frame the
        /// 3-px window shows it once (G 765 + 255 = 1020: 4 + 80 = 84 mA).
        /// </summary>
        [TestMethod]
        public void For_StripBesideStill_StillPlusTheWorstWindowRightOfIt()
        {
            var strip = new IndexedBitmap(3, 1, new uint[] { 0x000000, 0xFF0000 });
            strip[0, 0] = 1;
            var still = new IndexedBitmap(1, 1, new uint[] { 0x000000, 0xFFFFFF });
            still[0, 0] = 1;

            PowerEstimate alone = PowerEstimate.For(System.Array.Empty<IndexedBitmap>(), strip, 4, 1, gamma: 1.0);
            PowerEstimate beside = PowerEstimate.For(System.Array.Empty<IndexedBitmap>(), strip, 4, 1, gamma: 1.0, still: still);

            Assert.AreEqual(44, alone.Milliamps);
            Assert.AreEqual(84, beside.Milliamps);
            Assert.AreEqual(4, beside.DarkMilliamps);
        }
    }
}
