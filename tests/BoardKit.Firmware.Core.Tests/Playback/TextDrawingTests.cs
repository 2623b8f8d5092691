using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Playback;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static BoardKit.Firmware.Core.Tests.Playback.PlaybackKit;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    [TestClass]
    public sealed class TextDrawingTests
    {
        [TestMethod]
        public void Draw_C01On32x8_CentredHandDrawn()
        {
            var panel = new PanelFrame(32, 8);
            Assert.AreEqual(TextDrawing.Centred, TextDrawing.OffsetAt(panel, "C01", 123456));
            Assert.IsTrue(TextDrawing.Draw(panel, "C01", Orange, TextDrawing.Centred));
            // Width 3 x 4 - 1 = 11: left (32 - 11) / 2 = 10; top (8 - 5) / 2 = 1. C at 10-12, 0 at 14-16, 1 at 18-20.
            AssertPicture(panel, "C01",
                "................................",
                ".........." + ".OO" + "." + "OOO" + "." + ".O." + "...........",
                ".........." + "O.." + "." + "O.O" + "." + "OO." + "...........",
                ".........." + "O.." + "." + "O.O" + "." + ".O." + "...........",
                ".........." + "O.." + "." + "O.O" + "." + ".O." + "...........",
                ".........." + ".OO" + "." + "OOO" + "." + "OOO" + "...........",
                "................................",
                "................................");
        }

        [TestMethod]
        public void Draw_SevenCharactersOn32x8_FitsWithoutScrolling()
        {
            var panel = new PanelFrame(32, 8);
            Assert.AreEqual(TextDrawing.Centred, TextDrawing.OffsetAt(panel, "KEY?-42", 0));
            TextDrawing.Draw(panel, "KEY?-42", Orange, TextDrawing.Centred);
            // 27 px from column 2 to 28: K's left column is lit on every glyph row, 2's right column on row 0.
            for (int y = 1; y <= 5; y++)
            {
                Assert.AreEqual(Orange, panel.GetPixel(2, y), "K column, row " + y);
            }

            Assert.AreEqual(Orange, panel.GetPixel(27, 1), "2: ##. -> column 27 at row 1");
            Assert.AreEqual(Orange, panel.GetPixel(28, 5), "2: ### -> column 28 at row 5");
            for (int y = 0; y < 8; y++)
            {
                Assert.AreEqual(Black, panel.GetPixel(0, y));
                Assert.AreEqual(Black, panel.GetPixel(1, y));
                Assert.AreEqual(Black, panel.GetPixel(29, y));
                Assert.AreEqual(Black, panel.GetPixel(31, y));
            }
        }

        [TestMethod]
        public void Draw_16RowPanel_ScaleTwo()
        {
            var panel = new PanelFrame(64, 16);
            Assert.AreEqual(2, TextDrawing.ScaleFor(16));
            TextDrawing.Draw(panel, "C01", Orange, TextDrawing.OffsetAt(panel, "C01", 0));
            // Width 11 x 2 = 22: left (64 - 22) / 2 = 21; top (16 - 10) / 2 = 3. C row 0 is .## -> columns 23-26, rows 3-4.
            Assert.AreEqual(Black, panel.GetPixel(21, 3));
            Assert.AreEqual(Orange, panel.GetPixel(23, 3));
            Assert.AreEqual(Orange, panel.GetPixel(26, 4));
            Assert.AreEqual(Black, panel.GetPixel(27, 3), "spacing columns 27-28");
            Assert.AreEqual(Orange, panel.GetPixel(21, 5), "C rows 1-3 are #.. -> columns 21-22, rows 5-10");
            Assert.AreEqual(Orange, panel.GetPixel(22, 10));
            Assert.AreEqual(Black, panel.GetPixel(21, 13), "below the text");
        }

        [TestMethod]
        public void OffsetAt_TextWiderThanPanel_ScrollsAt20PxPerSecondOverTextAndGap()
        {
            var panel = new PanelFrame(32, 8);
            const string id = "lc-mlt-gate-1"; // 13 characters: 51 px, strip 51 + 8 = 59
            Assert.AreEqual(0, TextDrawing.OffsetAt(panel, id, 49));
            Assert.AreEqual(1, TextDrawing.OffsetAt(panel, id, 50));
            Assert.AreEqual(58, TextDrawing.OffsetAt(panel, id, 2949));
            Assert.AreEqual(0, TextDrawing.OffsetAt(panel, id, 2950));
        }

        [TestMethod]
        public void Draw_ScrollingText_WindowAndGapThenRepeat()
        {
            var panel = new PanelFrame(32, 8);
            const string id = "lc-mlt-gate-1";
            TextDrawing.Draw(panel, id, White, 0);
            // L (lowercase drawn uppercase): #.. on rows 0-3, ### on row 4 -> panel rows 1-5.
            Assert.AreEqual(White, panel.GetPixel(0, 1));
            Assert.AreEqual(Black, panel.GetPixel(1, 4));
            Assert.AreEqual(White, panel.GetPixel(2, 5));
            TextDrawing.Draw(panel, id, White, 4);
            // Offset 4: column 0 shows the C's left column .###. on rows 1-5.
            Assert.AreEqual(Black, panel.GetPixel(0, 1));
            Assert.AreEqual(White, panel.GetPixel(0, 2));
            Assert.AreEqual(White, panel.GetPixel(0, 4));
            Assert.AreEqual(Black, panel.GetPixel(0, 5));
            TextDrawing.Draw(panel, id, White, 51);
            // Offset 51: columns 0-7 are the gap, column 8 is strip column 59 mod 59 = 0, the L again.
            for (int x = 0; x < 8; x++)
            {
                for (int y = 0; y < 8; y++)
                {
                    Assert.AreEqual(Black, panel.GetPixel(x, y), "gap " + x + "," + y);
                }
            }

            Assert.AreEqual(White, panel.GetPixel(8, 1));
            Assert.AreEqual(White, panel.GetPixel(10, 5));
        }

        [TestMethod]
        public void Draw_EmptyOrNull_AllBlack()
        {
            var panel = new PanelFrame(4, 8);
            panel.SetPixel(1, 1, Red);
            Assert.IsTrue(TextDrawing.Draw(panel, null, White, TextDrawing.OffsetAt(panel, null, 0)));
            Assert.IsTrue(IsBlack(panel));
            Assert.IsFalse(TextDrawing.Draw(panel, string.Empty, White, TextDrawing.Centred));
        }

        [TestMethod]
        public void Draw_PanelShorterThanFont_ClipsWithoutThrowing()
        {
            var panel = new PanelFrame(3, 2);
            TextDrawing.Draw(panel, "H", White, TextDrawing.OffsetAt(panel, "H", 0));
            AssertPicture(panel, "H rows 0-1 from the top", "W.W", "W.W");
        }
    }
}
