using System;
using BoardKit.Firmware.Core.Led;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Led
{
    [TestClass]
    public sealed class GammaTableTests
    {
        [TestMethod]
        public void Levels_GammaOne_IsIdentity()
        {
            byte[] levels = new GammaTable(1.0).Levels;

            for (int v = 0; v < 256; v++)
            {
                Assert.AreEqual(v, levels[v]);
            }
        }

        [TestMethod]
        public void Levels_Gamma1To3_WithinOneOfMathPow()
        {
            int exact = 0;
            for (int tenths = 10; tenths <= 30; tenths++)
            {
                double gamma = tenths / 10.0;
                byte[] levels = new GammaTable(gamma).Levels;
                for (int v = 0; v < 256; v++)
                {
                    int reference = (int)Math.Floor((255.0 * Math.Pow(v / 255.0, gamma)) + 0.5);
                    Assert.IsLessThanOrEqualTo(1, Math.Abs(levels[v] - reference), $"gamma {gamma} value {v}");
                    exact += levels[v] == reference ? 1 : 0;
                }
            }

            // The series are accurate to ~1e-14, so in practice every entry matches exactly.
            Assert.AreEqual(21 * 256, exact);
        }

        [TestMethod]
        public void Levels_Gamma22_HandWorkedEntries()
        {
            byte[] levels = new GammaTable(2.2).Levels;

            // 255 x (v/255)^2.2 + 0.5, floored: 128 -> 55.98 -> 56; 64 -> 12.18 -> 12; 9 -> 0.16 -> 0; 10 -> 0.20 -> 0;
            // 21 -> 1.06 -> 1; 255 -> 255.
            Assert.AreEqual(0, levels[0]);
            Assert.AreEqual(0, levels[9]);
            Assert.AreEqual(1, levels[21]);
            Assert.AreEqual(12, levels[64]);
            Assert.AreEqual(56, levels[128]);
            Assert.AreEqual(255, levels[255]);
        }

        [TestMethod]
        public void Constructor_GammaOutOfRange_Throws()
        {
            foreach (double gamma in new[] { 0.49, 4.01, double.NaN, -1.0, double.PositiveInfinity })
            {
                Assert.ThrowsExactly<ArgumentException>(() => new GammaTable(gamma), $"gamma {gamma}");
            }
        }

        [TestMethod]
        public void Pow_AcrossRange_MatchesMathPow()
        {
            for (int i = 1; i <= 255; i++)
            {
                double x = i / 255.0;
                foreach (double e in new[] { 0.5, 1.0, 1.8, 2.2, 2.8, 4.0, 20.0 })
                {
                    double expected = Math.Pow(x, e);
                    Assert.AreEqual(expected, UnitPower.Pow(x, e), expected * 1e-13, $"{x}^{e}");
                }
            }

            Assert.AreEqual(0.0, UnitPower.Pow(0.0, 2.2));
            Assert.AreEqual(1.0, UnitPower.Pow(1.0, 2.2));
        }

        [TestMethod]
        public void LnAndExp_SampleValues_MatchMath()
        {
            foreach (double x in new[] { 1e-6, 1.0 / 255, 0.1, 0.5, 0.70710678, 0.9999, 1.0, 2.0, 1000.0 })
            {
                Assert.AreEqual(Math.Log(x), UnitPower.Ln(x), 1e-14 * Math.Max(1.0, Math.Abs(Math.Log(x))), $"ln {x}");
            }

            foreach (double y in new[] { -30.0, -5.5, -0.3, 0.0, 0.3, 1.0, 10.0 })
            {
                Assert.AreEqual(Math.Exp(y), UnitPower.Exp(y), Math.Exp(y) * 1e-14, $"exp {y}");
            }
        }
    }
}
