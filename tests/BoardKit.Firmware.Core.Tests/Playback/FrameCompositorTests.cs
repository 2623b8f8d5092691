using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Tests.Board;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static BoardKit.Firmware.Core.Tests.Playback.PlaybackKit;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    [TestClass]
    public sealed class FrameCompositorTests
    {
        /// <summary>The frame decoded from a one-item program (static, or scroll for a strip).</summary>
        private static DecodedFrame Loaded(Frame frame, bool strip = false)
        {
            TestBoard board = BoardWith(Program(1, 420, new Item(strip ? Scroll(20) : Static(1000), frame)));
            var decoded = new DecodedFrame();
            Assert.IsTrue(decoded.Load(board.Content, 0, 0, board.Content.ProgramVersion));
            return decoded;
        }

        [TestMethod]
        public void DrawPlaced_FrameSmallerThanPanel_TopLeftAndUncoveredBlack()
        {
            // Background palette entry blue, so "frame pixel 0" and "not covered" can be told apart.
            DecodedFrame f = Loaded(Mono1(Amber, Blue, "#.#", ".#."));
            var panel = new PanelFrame(5, 3);
            Assert.IsTrue(FrameCompositor.DrawPlaced(f, panel));
            AssertPicture(panel, "top-left anchor",
                "ABA..",
                "BAB..",
                ".....");
        }

        [TestMethod]
        public void DrawPlaced_FrameLargerThanPanel_IsClipped()
        {
            DecodedFrame f = Loaded(Mono1(
                "#....#",
                ".#..#.",
                "..##..",
                "#....#"));
            var panel = new PanelFrame(4, 2);
            FrameCompositor.DrawPlaced(f, panel);
            AssertPicture(panel, "clipped right and bottom",
                "A...",
                ".A..");
        }

        [TestMethod]
        public void DrawPlaced_Palette2Vector_UsesPaletteEntries()
        {
            DecodedFrame f = Loaded(new Frame(VectorCatalog.Palette2Header(), VectorCatalog.Palette2Pixels()));
            var panel = new PanelFrame(8, 6);
            FrameCompositor.DrawPlaced(f, panel);
            // Row 0 indices 0 1 2 3 3 2 1 0; palette black, FF0000, 008000, 0180A5. Row 5 indices 3 0 0 0 0 0 0 1.
            int[] row0 = { 0x000000, 0xFF0000, 0x008000, 0x0180A5, 0x0180A5, 0x008000, 0xFF0000, 0x000000 };
            for (int x = 0; x < 8; x++)
            {
                Assert.AreEqual(row0[x], panel.GetPixel(x, 0), "x " + x);
            }

            Assert.AreEqual(0x0180A5, panel.GetPixel(0, 5));
            Assert.AreEqual(0x000000, panel.GetPixel(3, 5));
            Assert.AreEqual(0xFF0000, panel.GetPixel(7, 5));
        }

        [TestMethod]
        public void DrawPlaced_Palette4Vector_UsesPaletteEntries()
        {
            DecodedFrame f = Loaded(new Frame(VectorCatalog.Palette4Header(), VectorCatalog.Palette4Pixels()));
            var panel = new PanelFrame(4, 6);
            FrameCompositor.DrawPlaced(f, panel);
            // Entry i = (16i, 255 - 16i, i XOR A5). Row 0 indices 0 1 8 15; row 5 indices 10 5 0 0.
            Assert.AreEqual(0x00FFA5, panel.GetPixel(0, 0));
            Assert.AreEqual(0x10EFA4, panel.GetPixel(1, 0));
            Assert.AreEqual(0x807FAD, panel.GetPixel(2, 0));
            Assert.AreEqual(0xF00FAA, panel.GetPixel(3, 0));
            Assert.AreEqual(0xA05FAF, panel.GetPixel(0, 5));
            Assert.AreEqual(0x50AFA0, panel.GetPixel(1, 5));
            Assert.AreEqual(0x00FFA5, panel.GetPixel(2, 5));
        }

        [TestMethod]
        public void DrawPlaced_Rgb888Vector_UsesItsOwnBytes()
        {
            DecodedFrame f = Loaded(new Frame(VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels()));
            var panel = new PanelFrame(5, 3);
            FrameCompositor.DrawPlaced(f, panel);
            Assert.AreEqual(0x0180A5, panel.GetPixel(0, 0));
            Assert.AreEqual(0x000000, panel.GetPixel(3, 0));
            Assert.AreEqual(0xA58001, panel.GetPixel(2, 1));
            Assert.AreEqual(0xFF0080, panel.GetPixel(3, 1));
            Assert.AreEqual(0x000000, panel.GetPixel(4, 1)); // beyond the 4 px frame
            Assert.AreEqual(0x000000, panel.GetPixel(0, 2)); // below the 2 px frame
        }

        [TestMethod]
        public void DrawStripWindow_Offset_ShowsColumnsOffsetPlusXModWidth()
        {
            DecodedFrame f = Loaded(Mono1(
                "#....",
                "...##"), strip: true);
            var panel = new PanelFrame(3, 2);
            FrameCompositor.DrawStripWindow(f, panel, 3);
            AssertPicture(panel, "offset 3: strip columns 3 4 0", "..A", "AA.");
            FrameCompositor.DrawStripWindow(f, panel, 4);
            AssertPicture(panel, "offset 4: strip columns 4 0 1", ".A.", "A..");
            FrameCompositor.DrawStripWindow(f, panel, 7);
            AssertPicture(panel, "offset 7 = 2: strip columns 2 3 4", "...", ".AA");
            FrameCompositor.DrawStripWindow(f, panel, -3);
            AssertPicture(panel, "negative offset counts as 0", "A..", "...");
        }

        [TestMethod]
        public void DrawStripWindow_StripNarrowerThanPanel_Repeats()
        {
            DecodedFrame f = Loaded(Mono1("#.."), strip: true);
            var panel = new PanelFrame(7, 2);
            FrameCompositor.DrawStripWindow(f, panel, 1);
            AssertPicture(panel, "columns 1 2 0 1 2 0 1; the row below the strip is black",
                "..A..A.",
                ".......");
        }

        [TestMethod]
        public void Draw_SamePictureAgain_ReportsNoChange()
        {
            DecodedFrame f = Loaded(Mono1("#.", ".#"));
            var panel = new PanelFrame(2, 2);
            Assert.IsTrue(FrameCompositor.DrawPlaced(f, panel));
            Assert.IsFalse(FrameCompositor.DrawPlaced(f, panel));
            panel.SetPixel(1, 0, Red);
            Assert.IsTrue(FrameCompositor.DrawPlaced(f, panel), "one pixel differed");
            AssertPicture(panel, "repaired", "A.", ".A");
        }

        [TestMethod]
        public void Draw_AllBlackFrameOnBlackPanel_ReportsNoChange()
        {
            DecodedFrame f = Loaded(Mono1("..", ".."));
            Assert.IsFalse(FrameCompositor.DrawPlaced(f, new PanelFrame(4, 4)));
        }

        [TestMethod]
        public void DrawPlaced_InvalidFrame_DrawsBlack()
        {
            TestBoard board = BoardWith(Program(1, 420, new Item(Static(1000), Mono1("#"))));
            var f = new DecodedFrame();
            Assert.IsFalse(f.Load(board.Content, 5, 0, board.Content.ProgramVersion)); // no item 5
            var panel = new PanelFrame(2, 1);
            panel.SetPixel(0, 0, White);
            Assert.IsTrue(FrameCompositor.DrawPlaced(f, panel));
            Assert.IsTrue(IsBlack(panel));
        }

        [TestMethod]
        public void Load_SameFrameTwice_DecodesOnce()
        {
            TestBoard board = BoardWith(Program(1, 420, new Item(Page(1000), Mono1("#"), Mono1("."))));
            HeldContent c = board.Content;
            var f = new DecodedFrame();
            f.Load(c, 0, 0, c.ProgramVersion);
            f.Load(c, 0, 0, c.ProgramVersion);
            Assert.AreEqual(1, f.DecodeCount);
            f.Load(c, 0, 1, c.ProgramVersion);
            Assert.AreEqual(2, f.DecodeCount, "another page");
            f.Load(c, 0, 1, c.ProgramVersion + 1);
            Assert.AreEqual(3, f.DecodeCount, "another content version");
            f.Load(c, 7, 0, c.ProgramVersion);
            f.Load(c, 7, 0, c.ProgramVersion);
            Assert.AreEqual(4, f.DecodeCount, "a failure is remembered, not retried every step");
        }

        /// <summary>The still frame and strip of a one-item scroll-beside-still program, decoded as the player holds them:
        /// the strip in the still frame's buffer, right after its raw bytes.</summary>
        private static (DecodedFrame Still, DecodedFrame Strip) LoadedBeside(Frame still, Frame strip)
        {
            TestBoard board = BoardWith(Program(1, 420, new Item(ScrollBesideStill(20), still, strip)));
            var first = new DecodedFrame();
            var second = new DecodedFrame(first);
            int version = board.Content.ProgramVersion;
            Assert.IsTrue(first.Load(board.Content, 0, 0, version));
            int stillBytes = PixelPacking.RawLength(first.Header.Format, first.Header.Width, first.Header.Height);
            Assert.IsTrue(second.LoadAt(board.Content, 0, 1, version, stillBytes));
            Assert.AreSame(first.Pixels, second.Pixels, "one buffer");
            Assert.AreEqual(stillBytes, second.PixelOffset);
            return (first, second);
        }

        [TestMethod]
        public void DrawStillAndStrip_StillAtLeftStripRepeatsInTheWindowBeside()
        {
            // Still 3x2 red on blue (blue = its palette entry 0, to tell "still pixel 0" from "not covered"); strip 4x3
            // amber; panel 9x4: the window is columns 3..8 (6 px), so the 4-px strip repeats; row 2 is below the still
            // frame and row 3 below both.
            (DecodedFrame still, DecodedFrame strip) = LoadedBeside(
                Mono1(Red, Blue, "#.#", ".#."),
                Mono1("#...", ".#..", "..##"));
            var panel = new PanelFrame(9, 4);
            Assert.IsTrue(FrameCompositor.DrawStillAndStrip(still, strip, panel, 0));
            AssertPicture(panel, "offset 0: window columns show strip columns 0 1 2 3 0 1",
                "RBRA...A.",
                "BRB.A...A",
                ".....AA..",
                ".........");
            Assert.IsTrue(FrameCompositor.DrawStillAndStrip(still, strip, panel, 5));
            AssertPicture(panel, "offset 5 = 1: strip columns 1 2 3 0 1 2; the still part unchanged",
                "RBR...A..",
                "BRBA...A.",
                "....AA..A",
                ".........");
            Assert.IsFalse(FrameCompositor.DrawStillAndStrip(still, strip, panel, 5), "the same picture again");
        }

        [TestMethod]
        public void DrawStillAndStrip_StillAsWideAsThePanel_NoWindowStillClipped()
        {
            (DecodedFrame still, DecodedFrame strip) = LoadedBeside(Mono1(Red, Blue, "#.#", ".#."), Mono1("####"));
            var panel = new PanelFrame(2, 2);
            FrameCompositor.DrawStillAndStrip(still, strip, panel, 3);
            AssertPicture(panel, "the still frame clipped at the right, no strip column shown", "RB", "BR");
        }

        [TestMethod]
        public void DrawStillAndStrip_Rgb888StillBesidePalette4Strip_EachItsOwnColours()
        {
            // Rgb888 (3 bytes per pixel, from the buffer's start) beside Palette4 (4 bits per pixel, read from the strip's offset).
            var rgbHeader = new FrameHeader().Set((int)PixelFormat.Rgb888, 2, 1);
            Frame rgb = new(rgbHeader, new byte[] { 0x01, 0x02, 0x03, 0x0A, 0x0B, 0x0C });
            Frame strip = Palette4(new[] { 0x000000, 0x112233, 0x445566, 0x778899 }, "123", "321");
            (DecodedFrame still, DecodedFrame stripFrame) = LoadedBeside(rgb, strip);
            Assert.AreEqual(6, stripFrame.PixelOffset, "after the 6 raw bytes of the still frame");
            var panel = new PanelFrame(6, 2);
            FrameCompositor.DrawStillAndStrip(still, stripFrame, panel, 2);
            int[] row0 = { 0x010203, 0x0A0B0C, 0x778899, 0x112233, 0x445566, 0x778899 };
            int[] row1 = { 0x000000, 0x000000, 0x112233, 0x778899, 0x445566, 0x112233 };
            for (int x = 0; x < 6; x++)
            {
                Assert.AreEqual(row0[x], panel.GetPixel(x, 0), "row 0, x " + x);
                Assert.AreEqual(row1[x], panel.GetPixel(x, 1), "row 1, x " + x);
            }
        }

        [TestMethod]
        public void DrawStillAndStrip_StripNotDecoded_DrawsBlack()
        {
            TestBoard board = BoardWith(Program(1, 420, new Item(ScrollBesideStill(20), Mono1("#"), Mono1("#"))));
            var still = new DecodedFrame();
            var strip = new DecodedFrame(still);
            Assert.IsTrue(still.Load(board.Content, 0, 0, board.Content.ProgramVersion));
            Assert.IsFalse(strip.LoadAt(board.Content, 0, 1, board.Content.ProgramVersion, WireLimits.MaxFrameRawBytes), "no room after that offset");
            var panel = new PanelFrame(3, 1);
            panel.SetPixel(0, 0, White);
            Assert.IsTrue(FrameCompositor.DrawStillAndStrip(still, strip, panel, 0));
            Assert.IsTrue(IsBlack(panel));
        }
    }
}
