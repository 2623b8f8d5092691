using BoardKit.Firmware.Core.Led;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Led
{
    [TestClass]
    public sealed class LevelLookupTests
    {
        [TestMethod]
        public void Levels_FullBrightness_AreTheGammaTable()
        {
            var gamma = new GammaTable(2.2);
            var lookup = new LevelLookup(gamma);

            Assert.AreEqual(255, lookup.Brightness);
            CollectionAssert.AreEqual(gamma.Levels, lookup.Levels);
        }

        [TestMethod]
        public void Levels_HalfBrightnessGammaOne_AreTruncatedProducts()
        {
            var lookup = new LevelLookup(new GammaTable(1.0));
            lookup.SetBrightness(128);

            // floor(v x 128 / 255): 1 -> 0 (0.50), 2 -> 1 (1.004), 100 -> 50 (50.2), 254 -> 127 (127.5), 255 -> 128.
            Assert.AreEqual(0, lookup.Levels[1]);
            Assert.AreEqual(1, lookup.Levels[2]);
            Assert.AreEqual(50, lookup.Levels[100]);
            Assert.AreEqual(127, lookup.Levels[254]);
            Assert.AreEqual(128, lookup.Levels[255]);
        }

        [TestMethod]
        public void Levels_GammaThenBrightness_HandWorked()
        {
            var lookup = new LevelLookup(new GammaTable(2.2));
            lookup.SetBrightness(100);

            // gamma 2.2: 128 -> 56, then floor(56 x 100 / 255) = floor(21.96) = 21.
            Assert.AreEqual(21, lookup.Levels[128]);
            Assert.AreEqual(100, lookup.Levels[255]);
        }

        [TestMethod]
        public void SetBrightness_Zero_AllLevelsZero()
        {
            var lookup = new LevelLookup(new GammaTable(1.0));
            lookup.SetBrightness(0);

            CollectionAssert.AreEqual(new byte[256], lookup.Levels);
        }

        [TestMethod]
        public void SetBrightness_SameValue_DoesNotRebuild()
        {
            var lookup = new LevelLookup(new GammaTable(1.0));

            Assert.IsFalse(lookup.SetBrightness(255));
            Assert.IsTrue(lookup.SetBrightness(10));
            Assert.IsFalse(lookup.SetBrightness(10));
            Assert.IsTrue(lookup.SetBrightness(300));
            Assert.AreEqual(255, lookup.Brightness);
            Assert.IsFalse(lookup.SetBrightness(256));
            Assert.IsTrue(lookup.SetBrightness(-1));
            Assert.AreEqual(0, lookup.Brightness);
        }
    }
}
