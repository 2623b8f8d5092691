using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Tests.Board;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static BoardKit.Firmware.Core.Tests.Playback.PlaybackKit;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    [TestClass]
    public sealed class PlayerTests
    {
        private const long T0 = 1767225600; // 2026-01-01T00:00:00Z, 07:00 in UTC+7
        private const int NoItem = ShowingCode.NoItem;

        /// <summary>One page item of two 2x1 pages, "A." then ".A", 1000 ms each: shows where an item restarted.</summary>
        private static Item TwoPages(int blinkMs = 0) => new Item(Page(1000, blinkMs: blinkMs), Mono1("#."), Mono1(".#"));

        private static byte[] RedAlert(ulong sequence, long validUntil, int blinkMs = 1000)
        {
            ProgramItem item = Static(10000, ProgramItem.LevelEmergency, blinkMs);
            item.ValidUntil = (uint)validUntil;
            return Alert(sequence, new Item(item, Mono1(Red, Black, "##")));
        }

        private static void AssertShowing(Player p, int showing, int item, string because)
        {
            Assert.AreEqual(showing, p.Showing, because + ": showing");
            Assert.AreEqual(item, p.ItemIndex, because + ": item");
        }

        [TestMethod]
        public void Step_NothingHeld_DarkWithoutChange()
        {
            Player p = NewPlayer(new TestBoard(), 4, 2);
            Assert.IsFalse(p.Step(0, T0));
            AssertShowing(p, ShowingCode.Dark, NoItem, "nothing held");
            Assert.IsTrue(IsBlack(p.Panel));
        }

        [TestMethod]
        public void Step_ScrollItem_WindowMovesAtExactMsAndRestartsAfterOnePass()
        {
            // Strip 4 px at 20 px/s: offset +1 every 50 ms; one pass = ceil(4000 / 20) = 200 ms. Panel 6 wide: the strip repeats.
            TestBoard board = BoardWith(Program(1, 420, new Item(Scroll(20), Mono1("#...", "..##"))));
            Player p = NewPlayer(board, 6, 2);
            Assert.IsTrue(p.Step(0, T0));
            AssertShowing(p, ShowingCode.ProgramItem, 0, "t 0");
            AssertPicture(p.Panel, "offset 0: columns 0 1 2 3 0 1", "A...A.", "..AA..");
            Assert.IsFalse(p.Step(49, T0), "offset still 0");
            Assert.IsTrue(p.Step(50, T0));
            AssertPicture(p.Panel, "offset 1: columns 1 2 3 0 1 2", "...A..", ".AA..A");
            p.Step(150, T0);
            AssertPicture(p.Panel, "offset 3: columns 3 0 1 2 3 0", ".A...A", "A..AA.");
            p.Step(200, T0);
            Assert.AreEqual(200L, p.ShowingSinceMs, "the pass ended: the item restarted");
            AssertPicture(p.Panel, "offset 0 again", "A...A.", "..AA..");
        }

        [TestMethod]
        public void Step_PageItemWithBlink_PagesAndBlinkPhasesAtExactMs()
        {
            TestBoard board = BoardWith(Program(1, 420, TwoPages(blinkMs: 500)));
            Player p = NewPlayer(board, 2, 1);
            (long T, string Picture)[] expected =
            {
                (0, "A."), (249, "A."), (250, ".."), (499, ".."), (500, "A."), (749, "A."), (750, ".."), (999, ".."),
                (1000, ".A"), (1249, ".A"), (1250, ".."), (1999, ".."), (2000, "A."),
            };
            foreach (var (t, picture) in expected)
            {
                p.Step(t, T0);
                Assert.AreEqual(picture, Picture(p.Panel), "t " + t);
                AssertShowing(p, ShowingCode.ProgramItem, 0, "t " + t);
            }

            Assert.AreEqual(3, p.DecodeCount, "page 0, page 1, page 0 again after the restart at 2000");
        }

        [TestMethod]
        public void Step_StaticDwellZero_Shows5000ThenTheNextItem()
        {
            TestBoard board = BoardWith(Program(1, 420, new Item(Static(0), Mono1("#.")), new Item(Static(1000), Mono1(".#"))));
            Player p = NewPlayer(board, 2, 1);
            p.Step(0, T0);
            p.Step(4999, T0);
            AssertShowing(p, ShowingCode.ProgramItem, 0, "4999");
            p.Step(5000, T0);
            AssertShowing(p, ShowingCode.ProgramItem, 1, "5000");
            AssertPicture(p.Panel, "item 1", ".A");
        }

        [TestMethod]
        public void Step_UnchangedStaticItem_ReportsNoChangeAndDoesNotDecode()
        {
            TestBoard board = BoardWith(Program(1, 420, new Item(Static(60000), Mono1("#."))));
            Player p = NewPlayer(board, 2, 1);
            Assert.IsTrue(p.Step(0, T0));
            for (long t = 10; t < 10000; t += 10)
            {
                Assert.IsFalse(p.Step(t, T0), "t " + t);
            }

            Assert.AreEqual(1, p.DecodeCount);
        }

        [TestMethod]
        public void Step_AlertArrives_PreemptsBlinksFromItsOwnZeroThenExpiresAndProgramRestarts()
        {
            TestBoard board = BoardWith(Program(1, 420, TwoPages()));
            Player p = NewPlayer(board, 2, 1);
            p.Step(0, T0);
            p.Step(1500, T0 + 1);
            AssertPicture(p.Panel, "page 1 when the alert comes", ".A");
            Receive(board, RedAlert(1, T0 + 100), 1600);
            Assert.IsTrue(p.Step(1600, T0 + 1));
            AssertShowing(p, ShowingCode.Alert, NoItem, "alert");
            Assert.AreEqual(1600L, p.ShowingSinceMs);
            AssertPicture(p.Panel, "alert lit at its t 0", "RR");
            p.Step(2099, T0 + 2);
            AssertPicture(p.Panel, "t 499", "RR");
            p.Step(2100, T0 + 2);
            AssertPicture(p.Panel, "t 500: blink off", "..");
            p.Step(2600, T0 + 2);
            AssertPicture(p.Panel, "t 1000", "RR");
            p.Step(99999, T0 + 99);
            AssertShowing(p, ShowingCode.Alert, NoItem, "last second before valid-until");
            p.Step(100000, T0 + 100);
            AssertShowing(p, ShowingCode.ProgramItem, 0, "alert expired");
            Assert.AreEqual(100000L, p.ShowingSinceMs);
            AssertPicture(p.Panel, "the interrupted item restarts from page 0", "A.");
            p.Step(101000, T0 + 101);
            AssertPicture(p.Panel, "page 1 after 1000 ms", ".A");
        }

        [TestMethod]
        public void Step_AlertCleared_ProgramRestarts()
        {
            TestBoard board = BoardWith(Program(1, 420, TwoPages()), RedAlert(0x20001, 0));
            Player p = NewPlayer(board, 2, 1);
            p.Step(0, T0);
            AssertShowing(p, ShowingCode.Alert, NoItem, "alert held");
            Receive(board, AlertClear(0x20001, 0x20002), 5000);
            p.Step(5000, T0 + 5);
            AssertShowing(p, ShowingCode.ProgramItem, 0, "cleared");
            AssertPicture(p.Panel, "page 0", "A.");
        }

        [TestMethod]
        public void Step_AlertWithPages_PagesCycleWhileActive()
        {
            ProgramItem item = Page(1000, ProgramItem.LevelEmergency);
            TestBoard board = BoardWith(Alert(1, new Item(item, Mono1(Red, Black, "#."), Mono1(Red, Black, ".#"))));
            Player p = NewPlayer(board, 2, 1);
            string[] pictures = { "R.", ".R", "R.", ".R" };
            for (int k = 0; k < pictures.Length; k++)
            {
                p.Step(k * 1000, 0);
                Assert.AreEqual(pictures[k], Picture(p.Panel), "t " + (k * 1000));
            }
        }

        [TestMethod]
        public void Step_NewAlertReplacesAlert_ItsClockStartsAtZero()
        {
            TestBoard board = BoardWith(RedAlert(1, 0));
            Player p = NewPlayer(board, 2, 1);
            p.Step(0, T0);
            p.Step(700, T0);
            AssertPicture(p.Panel, "first alert at t 700: off", "..");
            Receive(board, RedAlert(2, 0), 800);
            p.Step(800, T0);
            Assert.AreEqual(800L, p.ShowingSinceMs);
            AssertPicture(p.Panel, "second alert at its t 0: lit", "RR");
        }

        [TestMethod]
        public void Step_LiveFrame_ShownUntil10000MsThenDroppedAndProgramRestarts()
        {
            TestBoard board = BoardWith(Program(1, 420, TwoPages()));
            Player p = NewPlayer(board, 2, 1);
            p.Step(0, T0);
            Receive(board, LiveFrame(1, Mono1(Green, Black, ".#")), 1500);
            p.Step(1500, T0);
            AssertShowing(p, ShowingCode.LiveFrame, NoItem, "live");
            AssertPicture(p.Panel, "live frame", ".G");
            p.Step(11499, T0);
            AssertShowing(p, ShowingCode.LiveFrame, NoItem, "9999 ms old");
            Assert.IsTrue(board.Content.HasLiveFrame);
            p.Step(11500, T0);
            Assert.IsFalse(board.Content.HasLiveFrame, "dropped at 10000 ms");
            AssertShowing(p, ShowingCode.ProgramItem, 0, "back to the program");
            Assert.AreEqual(11500L, p.ShowingSinceMs);
            AssertPicture(p.Panel, "restarted from page 0", "A.");
        }

        [TestMethod]
        public void Step_NewLiveFrame_ReplacesPictureAndRestartsTimeout()
        {
            TestBoard board = BoardWith();
            Player p = NewPlayer(board, 2, 1);
            Receive(board, LiveFrame(1, Mono1(Green, Black, ".#")), 0);
            p.Step(0, T0);
            Receive(board, LiveFrame(2, Mono1(Green, Black, "#.")), 9000);
            p.Step(9000, T0);
            AssertPicture(p.Panel, "second frame", "G.");
            p.Step(18999, T0);
            AssertShowing(p, ShowingCode.LiveFrame, NoItem, "9999 ms after the second frame");
            p.Step(19000, T0);
            AssertShowing(p, ShowingCode.Dark, NoItem, "dropped, nothing else held");
            Assert.IsTrue(IsBlack(p.Panel));
        }

        [TestMethod]
        public void Step_LiveFrameUnderAlert_HiddenAndStillTimesOut()
        {
            TestBoard board = BoardWith(Program(1, 420, TwoPages()), RedAlert(0x20001, 0));
            Player p = NewPlayer(board, 2, 1);
            Receive(board, LiveFrame(1, Mono1(Green, Black, "##")), 0);
            p.Step(0, T0);
            AssertShowing(p, ShowingCode.Alert, NoItem, "an alert covers live frames");
            p.Step(10000, T0 + 10);
            Assert.IsFalse(board.Content.HasLiveFrame);
            Receive(board, AlertClear(0x20001, 0x20002), 10001);
            p.Step(10001, T0 + 10);
            AssertShowing(p, ShowingCode.ProgramItem, 0, "the stale live frame does not come back");
        }

        [TestMethod]
        public void Step_Identify_BarsThenIdAlternatingEvery2000ThenEnds()
        {
            TestBoard board = BoardWith(Program(1, 420, new Item(Static(60000), Mono1("########"))));
            Player p = NewPlayer(board, 8, 8, "hi");
            p.Step(0, T0);
            p.StartIdentify(1000, 5);
            p.Step(1000, T0);
            AssertShowing(p, ShowingCode.Identify, NoItem, "identify");
            string bars = "RRGGBBWW";
            AssertPicture(p.Panel, "bars", bars, bars, bars, bars, bars, bars, bars, bars);
            p.Step(2999, T0);
            AssertPicture(p.Panel, "still bars at t 1999", bars, bars, bars, bars, bars, bars, bars, bars);
            p.Step(3000, T0);
            // "HI": 7 px centred in 8 -> column 0; top (8 - 5) / 2 = 1. H at 0-2, I at 4-6.
            AssertPicture(p.Panel, "board id at t 2000",
                "........",
                "W.W.WWW.",
                "W.W..W..",
                "WWW..W..",
                "W.W..W..",
                "W.W.WWW.",
                "........",
                "........");
            p.Step(5000, T0);
            AssertPicture(p.Panel, "bars again at t 4000", bars, bars, bars, bars, bars, bars, bars, bars);
            p.Step(5999, T0);
            AssertShowing(p, ShowingCode.Identify, NoItem, "last ms of 5 s");
            p.Step(6000, T0);
            AssertShowing(p, ShowingCode.ProgramItem, 0, "identify over");
            Assert.AreEqual(6000L, p.ShowingSinceMs, "the program item restarts");
        }

        [TestMethod]
        public void Step_IdentifyOverLiveFrame_LiveFrameShowsAfter()
        {
            TestBoard board = BoardWith();
            Player p = NewPlayer(board, 8, 8, "hi");
            Receive(board, LiveFrame(1, Mono1(Green, Black, "#")), 0);
            p.StartIdentify(0, 2);
            p.Step(0, T0);
            AssertShowing(p, ShowingCode.Identify, NoItem, "identify is above live frames");
            p.Step(2000, T0);
            AssertShowing(p, ShowingCode.LiveFrame, NoItem, "identify over");
        }

        [TestMethod]
        public void Step_EmergencyProgramItem_AboveIdentifyAndLiveFrame()
        {
            ProgramItem emergency = Static(1000, ProgramItem.LevelEmergency);
            emergency.ValidFrom = (uint)(T0 + 10);
            emergency.ValidUntil = (uint)(T0 + 20);
            TestBoard board = BoardWith(Program(1, 420, new Item(Static(1000), Mono1("#.")), new Item(emergency, Mono1(Red, Black, "##"))));
            Player p = NewPlayer(board, 2, 1, "x");
            p.StartIdentify(0, 3600);
            Receive(board, LiveFrame(1, Mono1(Green, Black, ".#")), 0);
            p.Step(0, T0);
            AssertShowing(p, ShowingCode.Identify, NoItem, "identify");
            p.Step(9000, T0 + 10);
            AssertShowing(p, ShowingCode.ProgramItem, 1, "emergency item over identify");
            AssertPicture(p.Panel, "emergency item", "RR");
            p.Step(19000, T0 + 20);
            AssertShowing(p, ShowingCode.Identify, NoItem, "emergency over: identify again");
            Assert.AreEqual(19000L, p.ShowingSinceMs, "identify's clock restarts when it appears again");
        }

        [TestMethod]
        public void Step_Diagnostic_AboveAlertThenAlertReappearsWithItsClockRestarted()
        {
            TestBoard board = BoardWith(RedAlert(1, 0));
            Player p = NewPlayer(board, 32, 8);
            p.Step(0, T0);
            p.SetDiagnostic("C01");
            p.Step(100, T0);
            AssertShowing(p, ShowingCode.Diagnostic, NoItem, "diagnostic");
            Assert.AreEqual(Orange, p.Panel.GetPixel(11, 1), "C's top bar (see TextDrawingTests)");
            Assert.AreEqual(Black, p.Panel.GetPixel(10, 1));
            p.SetDiagnostic(null);
            p.Step(700, T0);
            AssertShowing(p, ShowingCode.Alert, NoItem, "alert again");
            Assert.AreEqual(700L, p.ShowingSinceMs);
            Assert.AreEqual(Red, p.Panel.GetPixel(0, 0), "lit: its blink restarted at 700 (t 700 on the old clock would be off)");
        }

        [TestMethod]
        public void Step_Diagnostic_AboveLocalEmergency()
        {
            Player p = NewPlayer(new TestBoard(), 32, 8);
            p.SetLocalEmergency(true);
            p.SetDiagnostic("KEY?");
            p.Step(0, 0);
            AssertShowing(p, ShowingCode.Diagnostic, NoItem, "diagnostic first");
            Assert.AreEqual("KEY?", p.Diagnostic);
        }

        [TestMethod]
        public void Step_LocalEmergencyWithoutPreset_RedFallbackBlinking1000()
        {
            TestBoard board = BoardWith(Program(1, 420, TwoPages()), RedAlert(1, 0, blinkMs: 0));
            Player p = NewPlayer(board, 32, 8);
            p.Step(0, T0);
            p.SetLocalEmergency(true);
            p.Step(300, T0);
            AssertShowing(p, ShowingCode.LocalEmergency, NoItem, "above the alert");
            Assert.AreEqual(Red, p.Panel.GetPixel(0, 0));
            Assert.AreEqual(Black, p.Panel.GetPixel(1, 1));
            Assert.AreEqual(Red, p.Panel.GetPixel(15, 2), "the mark's stem");
            Assert.AreEqual(Black, p.Panel.GetPixel(15, 4));
            Assert.AreEqual(Red, p.Panel.GetPixel(15, 5), "the mark's dot");
            p.Step(799, T0);
            Assert.AreEqual(Red, p.Panel.GetPixel(0, 0), "t 499");
            p.Step(800, T0);
            Assert.IsTrue(IsBlack(p.Panel), "t 500: off");
            p.Step(1300, T0);
            Assert.AreEqual(Red, p.Panel.GetPixel(31, 7), "t 1000: on");
            p.SetLocalEmergency(false);
            p.Step(1400, T0);
            AssertShowing(p, ShowingCode.Alert, NoItem, "alert again");
        }

        [TestMethod]
        public void Step_LocalEmergencyWithPreset_PresetLoops()
        {
            TestBoard board = BoardWith(
                Program(1, 420, TwoPages()),
                Preset(1, new Item(Page(1000, ProgramItem.LevelEmergency), Mono1(Blue, Black, "#."), Mono1(Blue, Black, ".#"))));
            Player p = NewPlayer(board, 2, 1);
            p.Step(0, T0);
            p.SetLocalEmergency(true);
            string[] pictures = { "B.", ".B", "B.", ".B" };
            for (int k = 0; k < pictures.Length; k++)
            {
                p.Step(500 + (k * 1000), T0);
                AssertShowing(p, ShowingCode.LocalEmergency, NoItem, "preset");
                Assert.AreEqual(pictures[k], Picture(p.Panel), "t " + (k * 1000));
            }

            p.SetLocalEmergency(false);
            p.Step(5000, T0);
            AssertShowing(p, ShowingCode.ProgramItem, 0, "program again");
            AssertPicture(p.Panel, "from page 0", "A.");
        }

        [TestMethod]
        public void Step_ProgramItemStopsBeingEligible_NextItemAtThatStep()
        {
            ProgramItem expiring = Static(60000);
            expiring.ValidUntil = (uint)(T0 + 30);
            TestBoard board = BoardWith(Program(1, 420, new Item(expiring, Mono1("#.")), new Item(Static(60000), Mono1(".#"))));
            Player p = NewPlayer(board, 2, 1);
            p.Step(0, T0);
            p.Step(29999, T0 + 29);
            AssertShowing(p, ShowingCode.ProgramItem, 0, "valid");
            p.Step(30000, T0 + 30);
            AssertShowing(p, ShowingCode.ProgramItem, 1, "valid-until is exclusive");
            AssertPicture(p.Panel, "item 1", ".A");
        }

        [TestMethod]
        public void Step_NoEligibleItem_DarkThenPlaysWhenEligible()
        {
            ProgramItem later = Static(1000);
            later.ValidFrom = (uint)(T0 + 60);
            TestBoard board = BoardWith(Program(1, 420, new Item(later, Mono1("##"))));
            Player p = NewPlayer(board, 2, 1);
            p.Step(0, T0);
            AssertShowing(p, ShowingCode.Dark, NoItem, "not yet valid");
            p.Step(60000, T0 + 60);
            AssertShowing(p, ShowingCode.ProgramItem, 0, "valid-from is inclusive");
        }

        [TestMethod]
        public void Step_NewProgram_ShowsItsFirstItemAtOnce()
        {
            TestBoard board = BoardWith(Program(1, 420, new Item(Static(60000), Mono1("#."))));
            Player p = NewPlayer(board, 2, 1);
            p.Step(0, T0);
            Receive(board, Program(2, 420, new Item(Static(60000), Mono1(".#"))), 1000);
            Assert.IsTrue(p.Step(1000, T0));
            AssertPicture(p.Panel, "new program", ".A");
            Assert.AreEqual(1000L, p.ShowingSinceMs);
        }

        [TestMethod]
        public void Invalidate_PanelOverwrittenElsewhere_NextStepRedraws()
        {
            TestBoard board = BoardWith(Program(1, 420, new Item(Static(60000), Mono1("#."))));
            Player p = NewPlayer(board, 2, 1);
            p.Step(0, T0);
            p.Panel.Clear();
            Assert.IsFalse(p.Step(10, T0), "the player does not know");
            p.Invalidate();
            Assert.IsTrue(p.Step(20, T0));
            AssertPicture(p.Panel, "redrawn", "A.");
        }

        /// <summary>Scroll beside a still frame: a red 2x2 still frame and a 4-px amber strip at 20 px/s (+1 px every 50 ms,
        /// one pass 200 ms); on a 6x2 panel the window is columns 2..5, exactly one strip wide.</summary>
        private static Item StillBesideStrip(int level = ProgramItem.LevelNormal, int blinkMs = 0) =>
            new Item(ScrollBesideStill(20, 0, level, blinkMs), Mono1(Red, Black, "#.", ".#"), Mono1("#...", "..##"));

        [TestMethod]
        public void Step_ScrollBesideStill_StillStaysWhileTheStripScrollsInTheWindow()
        {
            TestBoard board = BoardWith(Program(1, 420, StillBesideStrip()));
            Player p = NewPlayer(board, 6, 2);
            Assert.IsTrue(p.Step(0, T0));
            AssertShowing(p, ShowingCode.ProgramItem, 0, "t 0");
            AssertPicture(p.Panel, "offset 0: window columns 2..5 show strip columns 0 1 2 3", "R.A...", ".R..AA");
            Assert.IsFalse(p.Step(49, T0), "offset still 0");
            Assert.IsTrue(p.Step(50, T0));
            AssertPicture(p.Panel, "offset 1: strip columns 1 2 3 0", "R....A", ".R.AA.");
            p.Step(150, T0);
            AssertPicture(p.Panel, "offset 3: strip columns 3 0 1 2", "R..A..", ".RA..A");
            for (long t = 151; t < 200; t++)
            {
                p.Step(t, T0);
                Assert.AreEqual("R.\n.R", Picture(p.Panel).Substring(0, 2) + "\n" + Picture(p.Panel).Substring(7, 2), "the still columns at t " + t);
            }

            p.Step(200, T0);
            Assert.AreEqual(200L, p.ShowingSinceMs, "one pass of the 4-px strip ended: the item restarted");
            AssertPicture(p.Panel, "offset 0 again", "R.A...", ".R..AA");
            Assert.AreEqual(2, p.DecodeCount, "the still frame and the strip, each once: not per step, not per pass");
        }

        [TestMethod]
        public void Step_ScrollBesideStill_LastsWholePassesOfItsStripNotOfItsStill()
        {
            // A 10-px still frame and a 4-px strip at 20 px/s: one pass is 200 ms (it would be 500 ms for 10 px).
            TestBoard board = BoardWith(Program(1, 420,
                new Item(ScrollBesideStill(20), Mono1("#........."), Mono1("#...")),
                new Item(Static(1000), Mono1("#"))));
            Player p = NewPlayer(board, 12, 1);
            p.Step(0, T0);
            p.Step(199, T0);
            AssertShowing(p, ShowingCode.ProgramItem, 0, "t 199");
            p.Step(200, T0);
            AssertShowing(p, ShowingCode.ProgramItem, 1, "t 200: the next item");
        }

        [TestMethod]
        public void Step_AlertOverScrollBesideStill_ProgramComesBackWithBothFramesFresh()
        {
            // The alert's 6x2 frame (2 bytes, all lit) is decoded over the buffer where the strip sat behind the still
            // frame's 1 byte: coming back, the strip must be decoded again, not drawn from what the alert left there.
            ProgramItem red = Static(10000, ProgramItem.LevelEmergency, 0);
            red.ValidUntil = (uint)(T0 + 2);
            TestBoard board = BoardWith(Program(1, 420, StillBesideStrip()));
            Player p = NewPlayer(board, 6, 2);
            p.Step(0, T0);
            p.Step(50, T0);
            AssertPicture(p.Panel, "offset 1", "R....A", ".R.AA.");
            Receive(board, Alert(1, new Item(red, Mono1(Red, Black, "######", "######"))), 100);
            p.Step(100, T0);
            AssertShowing(p, ShowingCode.Alert, NoItem, "alert");
            AssertPicture(p.Panel, "the alert", "RRRRRR", "RRRRRR");
            p.Step(2000, T0 + 2);
            AssertShowing(p, ShowingCode.ProgramItem, 0, "alert expired");
            AssertPicture(p.Panel, "the item restarts at offset 0 with its own pixels", "R.A...", ".R..AA");
            p.Step(2050, T0 + 2);
            AssertPicture(p.Panel, "offset 1", "R....A", ".R.AA.");
            Assert.AreEqual(5, p.DecodeCount, "still and strip, the alert, still and strip again");
        }

        [TestMethod]
        public void Step_AlertScrollBesideStill_LoopsAndBlinks()
        {
            TestBoard board = BoardWith(Alert(1, StillBesideStrip(ProgramItem.LevelEmergency, 1000)));
            Player p = NewPlayer(board, 6, 2);
            (long T, string[] Rows, string Because)[] expected =
            {
                (0, new[] { "R.A...", ".R..AA" }, "lit, offset 0"),
                (450, new[] { "R....A", ".R.AA." }, "lit, offset 9 mod 4 = 1"),
                (500, new[] { "......", "......" }, "dark half of the blink: the still frame too"),
                (1000, new[] { "R.A...", ".R..AA" }, "lit, offset 20 mod 4 = 0"),
                (60150, new[] { "R..A..", ".RA..A" }, "a minute on: it loops, offset 1203 mod 4 = 3"),
            };
            foreach (var (t, rows, because) in expected)
            {
                p.Step(t, T0 + (t / 1000));
                AssertShowing(p, ShowingCode.Alert, NoItem, because);
                AssertPicture(p.Panel, because, rows);
            }
        }
    }
}
