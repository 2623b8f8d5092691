using BoardKit.Firmware.Core.Led;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Led
{
    [TestClass]
    public sealed class ColorOrderTests
    {
        [TestMethod]
        public void Parse_EveryName_ReturnsItsOrder()
        {
            Assert.AreEqual(ColorOrder.Rgb, ColorOrder.Parse("rgb"));
            Assert.AreEqual(ColorOrder.Rbg, ColorOrder.Parse("rbg"));
            Assert.AreEqual(ColorOrder.Grb, ColorOrder.Parse("grb"));
            Assert.AreEqual(ColorOrder.Gbr, ColorOrder.Parse("gbr"));
            Assert.AreEqual(ColorOrder.Brg, ColorOrder.Parse("brg"));
            Assert.AreEqual(ColorOrder.Bgr, ColorOrder.Parse("bgr"));
        }

        [TestMethod]
        public void Parse_UnknownUppercaseOrNull_ReturnsMinusOne()
        {
            foreach (string? name in new[] { "GRB", "rgbw", "gr", "", " grb", "rrg", null })
            {
                Assert.AreEqual(-1, ColorOrder.Parse(name), $"'{name}'");
            }
        }

        [TestMethod]
        public void Name_EveryOrder_RoundTripsThroughParse()
        {
            for (int order = ColorOrder.Rgb; order <= ColorOrder.Bgr; order++)
            {
                Assert.AreEqual(order, ColorOrder.Parse(ColorOrder.Name(order)));
            }

            Assert.AreEqual("?", ColorOrder.Name(6));
            Assert.AreEqual("grb", ColorOrder.Name(ColorOrder.Default));
        }

        [TestMethod]
        public void Channel_Grb_SendsGreenThenRedThenBlue()
        {
            // PanelFrame offsets: R = 0, G = 1, B = 2.
            Assert.AreEqual(1, ColorOrder.Channel(ColorOrder.Grb, 0));
            Assert.AreEqual(0, ColorOrder.Channel(ColorOrder.Grb, 1));
            Assert.AreEqual(2, ColorOrder.Channel(ColorOrder.Grb, 2));
        }

        [TestMethod]
        public void Channel_EveryOrder_MatchesHandTable()
        {
            int[][] expected =
            {
                new[] { 0, 1, 2 }, // rgb
                new[] { 0, 2, 1 }, // rbg
                new[] { 1, 0, 2 }, // grb
                new[] { 1, 2, 0 }, // gbr
                new[] { 2, 0, 1 }, // brg
                new[] { 2, 1, 0 }, // bgr
            };
            for (int order = 0; order < 6; order++)
            {
                for (int slot = 0; slot < 3; slot++)
                {
                    Assert.AreEqual(expected[order][slot], ColorOrder.Channel(order, slot), $"{ColorOrder.Name(order)} slot {slot}");
                }
            }
        }

        [TestMethod]
        public void Channel_BadOrderOrSlot_ReturnsMinusOne()
        {
            Assert.AreEqual(-1, ColorOrder.Channel(-1, 0));
            Assert.AreEqual(-1, ColorOrder.Channel(6, 0));
            Assert.AreEqual(-1, ColorOrder.Channel(ColorOrder.Grb, 3));
            Assert.AreEqual(-1, ColorOrder.Channel(ColorOrder.Grb, -1));
        }
    }
}
