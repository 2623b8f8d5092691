using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Rendering.Fakes;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Rendering
{
    /// <summary>Layout and drawing with <see cref="FakeShaper"/> (line height 5, ascent 4): every expected bitmap is drawn by hand.</summary>
    [TestClass]
    public sealed class TextRendererTests
    {
        private static RenderResult Render(string text, int width, int height, RenderMode mode = RenderMode.Static,
            TextAlignment alignment = TextAlignment.Left, BulletinLevel level = BulletinLevel.Normal, int? leadIn = null) =>
            TextRenderer.Render(new RenderRequest
            {
                Text = text,
                PanelWidth = width,
                PanelHeight = height,
                Mode = mode,
                Alignment = alignment,
                Level = level,
                ScrollLeadIn = leadIn,
                Shaper = new FakeShaper(),
            });

        private static void AssertOk(RenderResult result) =>
            Assert.IsTrue(result.Ok, "refused: " + string.Join(" | ", result.Errors));

        [TestMethod]
        public void Render_StaticLeft_DrawsGlyphsOnBaseline()
        {
            RenderResult result = Render("LT", 10, 5);
            AssertOk(result);
            Assert.HasCount(1, result.Frames);
            BitmapArt.AreEqual(result.Frames[0],
                "1...111...",
                "1....1....",
                "1....1....",
                "111..1....",
                "..........");
            CollectionAssert.AreEqual(new uint[] { 0x000000, BulletinStyle.Amber }, result.Frames[0].Palette);
            Assert.AreEqual(PixelFormat.Mono1, result.PixelFormat);
            Assert.IsNull(result.Strip);
            Assert.IsFalse(result.Blink);
        }

        [TestMethod]
        public void Render_StaticTallPanel_CentresLineVertically()
        {
            // Line height 5 in 8 rows: 3 spare, 1 above (rounded down) and 2 below.
            RenderResult result = Render("LT", 9, 8);
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                ".........",
                "1...111..",
                "1....1...",
                "1....1...",
                "111..1...",
                ".........",
                ".........",
                ".........");
        }

        [TestMethod]
        public void Render_Descender_DrawsBelowBaseline()
        {
            RenderResult result = Render("Ly", 8, 5);
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                "1...1.1.",
                "1...1.1.",
                "1....11.",
                "111...1.",
                "....11..");
        }

        [TestMethod]
        public void Render_StaticCentre_SplitsSpareColumns()
        {
            // "LT" advances 8 px in 12: 2 px left, 2 right (the 1-px gap after T is part of its advance).
            RenderResult result = Render("LT", 12, 5, alignment: TextAlignment.Center);
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                "..1...111...",
                "..1....1....",
                "..1....1....",
                "..111..1....",
                "............");
        }

        [TestMethod]
        public void Render_StaticRight_EndsAtRightEdge()
        {
            RenderResult result = Render("LT", 11, 5, alignment: TextAlignment.Right);
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                "...1...111.",
                "...1....1..",
                "...1....1..",
                "...111..1..",
                "...........");
        }

        [TestMethod]
        public void Render_StaticHardBreak_DrawsTwoLines()
        {
            RenderResult result = Render("L\nTI", 8, 10, alignment: TextAlignment.Center);
            AssertOk(result);
            Assert.AreEqual(2, result.LineCount);

            // Line 1 "L" is 4 px: pen at 2. Line 2 "TI" is 6 px: pen at 1.
            BitmapArt.AreEqual(result.Frames[0],
                "..1.....",
                "..1.....",
                "..1.....",
                "..111...",
                "........",
                ".111.1..",
                "..1..1..",
                "..1..1..",
                "..1..1..",
                "........");
        }

        [TestMethod]
        public void Render_StaticTooWide_RefusedWithPixelCount()
        {
            RenderResult result = Render("LTLT", 10, 5);
            Assert.IsFalse(result.Ok);
            Assert.IsEmpty(result.Frames);
            StringAssert.Contains(result.Errors.Single(), "6 px too wide");
            StringAssert.Contains(result.Errors.Single(), "10x5 panel");
        }

        [TestMethod]
        public void Render_StaticTooTall_RefusedWithPixelCount()
        {
            // Two lines 5 px apart: ink from the top of L (row 0) to the bottom of T (row 8) is 9 rows in 5.
            RenderResult result = Render("L\nT", 10, 5);
            Assert.IsFalse(result.Ok);
            StringAssert.Contains(result.Errors.Single(), "4 px too tall");
        }

        [TestMethod]
        public void Render_StackedDiacriticAboveAscent_NudgedDownToFit()
        {
            // The circumflex sits one row above the ascent; the line moves down 1 px so it is not cut.
            RenderResult result = Render("Â", 4, 5);
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                ".1..",
                ".1..",
                "1.1.",
                "111.",
                "1.1.");
        }

        [TestMethod]
        public void Render_DecomposedInput_DrawsLikePrecomposed()
        {
            RenderResult composed = Render("Â", 4, 5);
            RenderResult decomposed = Render("A\u0302", 4, 5);
            AssertOk(decomposed);
            Assert.AreEqual(BitmapArt.ToArt(composed.Frames[0]), BitmapArt.ToArt(decomposed.Frames[0]));
        }

        [TestMethod]
        public void Render_DiacriticAndDescenderTooTall_RefusedNotCut()
        {
            // Circumflex (4 above the baseline row) to descender (1 below): 6 rows on a 5-row panel.
            RenderResult result = Render("Ây", 8, 5);
            Assert.IsFalse(result.Ok);
            Assert.IsEmpty(result.Frames);
            StringAssert.Contains(result.Errors.Single(), "1 px too tall");
        }

        [TestMethod]
        public void Render_GlyphOverhangsLeftEdge_RefusedNamingCharacter()
        {
            RenderResult result = Render("J", 5, 5);
            Assert.IsFalse(result.Ok);
            string error = result.Errors.Single();
            StringAssert.Contains(error, "'J' (U+004A) at line 1, character 1");
            StringAssert.Contains(error, "cut off at the left by 1 px");
        }

        [TestMethod]
        public void Render_PieceWithOriginSecondLine_MessageNamesBulletinLineAndFirstCharacter()
        {
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Text = "L\nJ",
                PanelWidth = 20,
                PanelHeight = 11,
                Origin = new TextOrigin(3, 17),
                Shaper = new FakeShaper(),
            });
            Assert.IsFalse(result.Ok);
            StringAssert.Contains(result.Errors.Single(), "'J' (U+004A) at line 4, character 1");
        }

        [TestMethod]
        public void Render_FirstCharacterOfPieceWithOrigin_ColumnContinuesLine()
        {
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Text = "J",
                PanelWidth = 5,
                PanelHeight = 5,
                Origin = new TextOrigin(2, 40),
                Shaper = new FakeShaper(),
            });
            StringAssert.Contains(result.Errors.Single(), "'J' (U+004A) at line 2, character 40");
        }

        [TestMethod]
        public void Render_OriginOutOfRange_Refused()
        {
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Text = "L",
                PanelWidth = 5,
                PanelHeight = 5,
                Origin = new TextOrigin(0, 1),
                Shaper = new FakeShaper(),
            });
            StringAssert.Contains(result.Errors.Single(), "1-based line and column");
        }

        [TestMethod]
        public void Render_MissingCharacters_RefusedListingEach()
        {
            RenderResult result = Render("LXTQ", 40, 5);
            Assert.IsFalse(result.Ok);
            Assert.IsEmpty(result.Frames);
            CollectionAssert.AreEqual(new[] { (int)'X', (int)'Q' }, result.Missing.Select(m => m.CodePoint).ToArray());
            Assert.HasCount(2, result.Errors);
            StringAssert.Contains(result.Errors[0], "U+0058");
            StringAssert.Contains(result.Errors[1], "U+0051");
        }

        [TestMethod]
        public void Render_MissingCharacterInScroll_Refused()
        {
            RenderResult result = Render("LX", 10, 5, RenderMode.Scroll);
            Assert.IsFalse(result.Ok);
            Assert.IsNull(result.Strip);
            Assert.HasCount(1, result.Missing);
        }

        [TestMethod]
        public void Render_PagesWrapAtSpace_OneLinePerPage()
        {
            // "LT" (8) + space (2) = 10, then "TL" overflows: break at the space, which is dropped.
            RenderResult result = Render("LT TL", 10, 5, RenderMode.Pages);
            AssertOk(result);
            Assert.HasCount(2, result.Frames);
            BitmapArt.AreEqual(result.Frames[0],
                "1...111...",
                "1....1....",
                "1....1....",
                "111..1....",
                "..........");
            BitmapArt.AreEqual(result.Frames[1],
                "111.1.....",
                ".1..1.....",
                ".1..1.....",
                ".1..111...",
                "..........");
        }

        [TestMethod]
        public void Render_PagesTallPanel_TwoLinesPerPanel()
        {
            RenderResult result = Render("LT TL", 10, 10, RenderMode.Pages);
            AssertOk(result);
            Assert.HasCount(1, result.Frames);
            Assert.AreEqual(2, result.LineCount);
            BitmapArt.AreEqual(result.Frames[0],
                "1...111...",
                "1....1....",
                "1....1....",
                "111..1....",
                "..........",
                "111.1.....",
                ".1..1.....",
                ".1..1.....",
                ".1..111...",
                "..........");
        }

        [TestMethod]
        public void Render_PagesThreeLinesTwoPerPanel_LinesPerFrameTwoThenOne()
        {
            RenderResult result = Render("LT TL LL", 10, 10, RenderMode.Pages);
            AssertOk(result);
            CollectionAssert.AreEqual(new[] { 2, 1 }, result.LinesPerFrame.ToArray());
            Assert.AreEqual(3, result.LineCount);
        }

        [TestMethod]
        public void Render_Scroll_NoLinesPerFrame()
        {
            RenderResult result = Render("LT", 10, 5, RenderMode.Scroll);
            AssertOk(result);
            Assert.IsEmpty(result.LinesPerFrame);
        }

        [TestMethod]
        public void Render_PagesCjk_BreaksBetweenCharacters()
        {
            RenderResult result = Render("口中口", 10, 10, RenderMode.Pages);
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                "111..1....",
                "1.1.111...",
                "1.1..1....",
                "111..1....",
                "..........",
                "111.......",
                "1.1.......",
                "1.1.......",
                "111.......",
                "..........");
        }

        [TestMethod]
        public void Render_PagesLatinWordWithoutCjkBreak_KeepsWordTogether()
        {
            // "LL 口" on 10 px: "LL" (8) fits, the space breaks, 口 goes to line 2.
            RenderResult result = Render("LL 口", 10, 10, RenderMode.Pages);
            AssertOk(result);
            Assert.AreEqual(2, result.LineCount);
        }

        [TestMethod]
        public void Render_PagesWordLongerThanLine_BreaksBetweenClusters()
        {
            RenderResult result = Render("LLLLL", 10, 5, RenderMode.Pages);
            AssertOk(result);
            Assert.AreEqual(3, result.LineCount);
            Assert.HasCount(3, result.Frames);
            BitmapArt.AreEqual(result.Frames[2],
                "1.........",
                "1.........",
                "1.........",
                "111.......",
                "..........");
        }

        [TestMethod]
        public void Render_PagesClusterWithMarkNeverSplit_MovesWhole()
        {
            // "LÂ" is 8 px on a 6-px line: break between the clusters, the circumflex stays with its A.
            RenderResult result = Render("LÂ", 6, 6, RenderMode.Pages);
            AssertOk(result);
            Assert.HasCount(2, result.Frames);
            BitmapArt.AreEqual(result.Frames[1],
                ".1....",
                ".1....",
                "1.1...",
                "111...",
                "1.1...",
                "......");
        }

        [TestMethod]
        public void Render_PagesClusterWiderThanLine_Refused()
        {
            RenderResult result = Render("LL", 3, 5, RenderMode.Pages);
            Assert.IsFalse(result.Ok);
            StringAssert.Contains(result.Errors[0], "'L' (U+004C) at line 1, character 1 is 4 px wide");
        }

        [TestMethod]
        public void Render_PagesCentred_CentresEachLine()
        {
            RenderResult result = Render("LT I", 10, 10, RenderMode.Pages, TextAlignment.Center);
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                ".1...111..",
                ".1....1...",
                ".1....1...",
                ".111..1...",
                "..........",
                "....1.....",
                "....1.....",
                "....1.....",
                "....1.....",
                "..........");
        }

        [TestMethod]
        public void Render_PagesHardBreakAndBlankLine_KeepsBlankLine()
        {
            RenderResult result = Render("L\n\nT", 5, 5, RenderMode.Pages);
            AssertOk(result);
            Assert.HasCount(3, result.Frames);
            Assert.IsTrue(result.Frames[1].Pixels.All(p => p == 0));
        }

        [TestMethod]
        public void Render_Scroll_StripIsLeadInPlusText()
        {
            RenderResult result = Render("LT", 6, 5, RenderMode.Scroll);
            AssertOk(result);
            Assert.IsEmpty(result.Frames);
            Assert.IsNotNull(result.Strip);
            BitmapArt.AreEqual(result.Strip,
                "......1...111.",
                "......1....1..",
                "......1....1..",
                "......111..1..",
                "..............");
        }

        [TestMethod]
        public void Render_ScrollHardBreak_BecomesGap()
        {
            RenderResult result = Render("I\nI", 6, 5, RenderMode.Scroll, leadIn: 0);
            AssertOk(result);

            // I (2) + gap of one line height (5) + I (2).
            BitmapArt.AreEqual(result.Strip!,
                "1......1.",
                "1......1.",
                "1......1.",
                "1......1.",
                ".........");
        }

        [TestMethod]
        public void Render_Runs_ColourEachRunWithSmallPalette()
        {
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Runs = new[] { new TextRun("L"), new TextRun("T", 0x00FF00), new TextRun("I", 0x00FF00) },
                PanelWidth = 10,
                PanelHeight = 5,
                Shaper = new FakeShaper(),
            });
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                "1...222.2.",
                "1....2..2.",
                "1....2..2.",
                "111..2..2.",
                "..........");
            CollectionAssert.AreEqual(new uint[] { 0x000000, BulletinStyle.Amber, 0x00FF00 }, result.Palette.ToArray());
            Assert.AreEqual(PixelFormat.Palette2, result.PixelFormat);
        }

        [TestMethod]
        public void Render_RunsWithDecomposedMark_ColourFollowsComposedCharacter()
        {
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Runs = new[] { new TextRun("LA\u0302", 0x00FF00), new TextRun("T", 0x0000FF) },
                PanelWidth = 12,
                PanelHeight = 5,
                Shaper = new FakeShaper(),
            });
            AssertOk(result);
            Assert.AreEqual(2, result.Frames[0][9, 1], "T takes the second run's colour even though NFC shortened the first run");
            Assert.AreEqual(1, result.Frames[0][5, 0], "the circumflex takes the first run's colour");
        }

        [TestMethod]
        public void Render_SpaceOnlyRunColour_NotInPalette()
        {
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Runs = new[] { new TextRun("L"), new TextRun(" ", 0x00FF00), new TextRun("T") },
                PanelWidth = 12,
                PanelHeight = 5,
                Shaper = new FakeShaper(),
            });
            AssertOk(result);
            Assert.HasCount(2, result.Palette);
        }

        [TestMethod]
        public void Render_SeventeenColours_Refused()
        {
            var runs = Enumerable.Range(1, 16).Select(i => new TextRun("I", (uint)(i * 0x010101))).ToArray();
            RenderResult result = TextRenderer.Render(new RenderRequest { Runs = runs, PanelWidth = 40, PanelHeight = 5, Shaper = new FakeShaper() });
            Assert.IsFalse(result.Ok);
            StringAssert.Contains(result.Errors.Single(), "at most 16 colours");
        }

        [TestMethod]
        public void Render_FifteenTextColours_UsesPalette4()
        {
            var runs = Enumerable.Range(1, 15).Select(i => new TextRun("I", (uint)(i * 0x010101))).ToArray();
            RenderResult result = TextRenderer.Render(new RenderRequest { Runs = runs, PanelWidth = 40, PanelHeight = 5, Shaper = new FakeShaper() });
            AssertOk(result);
            Assert.HasCount(16, result.Palette);
            Assert.AreEqual(PixelFormat.Palette4, result.PixelFormat);
        }

        [TestMethod]
        public void Render_BlackText_Refused()
        {
            RenderResult result = TextRenderer.Render(new RenderRequest { Text = "L", Color = 0x000000, PanelWidth = 8, PanelHeight = 5, Shaper = new FakeShaper() });
            Assert.IsFalse(result.Ok);
            StringAssert.Contains(result.Errors.Single(), "invisible");
        }

        [TestMethod]
        public void Render_TextAndRunsBoth_Refused()
        {
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Text = "L",
                Runs = new[] { new TextRun("T") },
                PanelWidth = 8,
                PanelHeight = 5,
                Shaper = new FakeShaper(),
            });
            Assert.IsFalse(result.Ok);
        }

        [TestMethod]
        public void Render_Emergency_RedBorderAndBlink()
        {
            RenderResult result = Render("L", 7, 7, level: BulletinLevel.Emergency);
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                "1111111",
                "11....1",
                "11....1",
                "11....1",
                "1111..1",
                "1.....1",
                "1111111");
            CollectionAssert.AreEqual(new uint[] { 0x000000, BulletinStyle.Red }, result.Frames[0].Palette);
            Assert.IsTrue(result.Blink);
            Assert.AreEqual(BulletinStyle.EmergencyBlinkPeriodMs, result.BlinkPeriodMs);
            Assert.AreEqual(BulletinLevel.Emergency, result.Level);
            Assert.IsEmpty(result.Warnings);
        }

        [TestMethod]
        public void Render_EmergencyNoRoomForBorder_DrawsWithoutBorderAndWarns()
        {
            RenderResult result = Render("L", 4, 5, level: BulletinLevel.Emergency);
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                "1...",
                "1...",
                "1...",
                "111.",
                "....");
            StringAssert.Contains(result.Warnings.Single(), "border was left out");
            Assert.IsTrue(result.BorderLeftOut);
            Assert.IsTrue(result.Blink);
        }

        [TestMethod]
        public void Render_EmergencyTooWideEvenWithoutBorder_ReportsPixelsWithoutBorder()
        {
            RenderResult result = Render("LTL", 10, 7, level: BulletinLevel.Emergency);
            Assert.IsFalse(result.Ok);
            StringAssert.Contains(result.Errors.Single(), "2 px too wide");
        }

        [TestMethod]
        public void Render_EmergencyRunInBorderColour_SharesPaletteEntry()
        {
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Runs = new[] { new TextRun("L", BulletinStyle.Red), new TextRun("T", 0xFFFFFF) },
                PanelWidth = 10,
                PanelHeight = 7,
                Level = BulletinLevel.Emergency,
                Shaper = new FakeShaper(),
            });
            AssertOk(result);
            CollectionAssert.AreEqual(new uint[] { 0x000000, BulletinStyle.Red, 0xFFFFFF }, result.Palette.ToArray());
        }

        [TestMethod]
        public void Render_EmergencyScroll_BorderOnTopAndBottomRows()
        {
            RenderResult result = Render("I", 3, 7, RenderMode.Scroll, level: BulletinLevel.Emergency, leadIn: 1);
            AssertOk(result);
            BitmapArt.AreEqual(result.Strip!,
                "111",
                ".1.",
                ".1.",
                ".1.",
                ".1.",
                "...",
                "111");
        }

        [TestMethod]
        public void Render_Priority_MarkerBarLeftOfText()
        {
            RenderResult result = Render("L", 8, 5, level: BulletinLevel.Priority);
            AssertOk(result);
            BitmapArt.AreEqual(result.Frames[0],
                "11.1....",
                "11.1....",
                "11.1....",
                "11.111..",
                "11......");
            CollectionAssert.AreEqual(new uint[] { 0x000000, BulletinStyle.Yellow }, result.Palette.ToArray());
            Assert.IsFalse(result.Blink);
        }

        [TestMethod]
        public void Render_EmptyText_OneBlankFrame()
        {
            RenderResult result = Render(string.Empty, 8, 5);
            AssertOk(result);
            Assert.HasCount(1, result.Frames);
            Assert.IsTrue(result.Frames[0].Pixels.All(p => p == 0));
            Assert.HasCount(1, result.Palette);
        }

        [TestMethod]
        public void Render_BadPanelSize_RefusedWithoutThrowing()
        {
            RenderResult result = Render("L", 0, 5);
            Assert.IsFalse(result.Ok);
            StringAssert.Contains(result.Errors.Single(), "0x5");
        }
    }
}
