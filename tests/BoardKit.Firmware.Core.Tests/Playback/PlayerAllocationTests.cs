using System;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Tests.Board;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static BoardKit.Firmware.Core.Tests.Playback.PlaybackKit;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    /// <summary>Zero bytes allocated per played step, whatever plays, for the panel sizes of real boards.</summary>
    [TestClass]
    public sealed class PlayerAllocationTests
    {
        private const long T0 = 1767225600;
        private const int Steps = 6000;
        private const int StepMs = 17; // ~60 steps a second

        [TestMethod]
        public void Step_64x16_AllocatesNothingPerStep() => AssertNoAllocation(64, 16);

        [TestMethod]
        public void Step_128x32_AllocatesNothingPerStep() => AssertNoAllocation(128, 32);

        private static void AssertNoAllocation(int width, int height)
        {
            Run(width, height, out _, out _, out _); // warm-up: every path compiled once
            Run(width, height, out long allocated, out int changedSteps, out int[] shown);
            Assert.AreEqual(0L, allocated, "bytes allocated inside Step over " + Steps + " steps");
            Assert.IsGreaterThan(Steps / 10, changedSteps, "the run must redraw often to prove anything");
            for (int code = ShowingCode.ProgramItem; code <= ShowingCode.Diagnostic; code++)
            {
                Assert.IsGreaterThan(0, shown[code], "showing code " + code + " was measured too");
            }
        }

        /// <summary>
        /// ~100 s of play: scroll, page with blink, static Rgb888 and a time-limited emergency item; an alert with pages;
        /// a live frame; identify with a scrolling id; a diagnostic; local emergency with the fallback and then a preset.
        /// Messages arrive and layers are set outside the measured calls; only Step is measured.
        /// </summary>
        private static void Run(int width, int height, out long allocated, out int changedSteps, out int[] shown)
        {
            ProgramItem emergency = Static(3000, ProgramItem.LevelEmergency, 1000);
            emergency.ValidFrom = (uint)(T0 + 20);
            emergency.ValidUntil = (uint)(T0 + 26);
            byte[] program = Program(1, 420,
                new Item(Scroll(60), Stripes(2 * width, height, 5)),
                new Item(Page(900, blinkMs: 600), Stripes(width, height, 3), Stripes(width, height, 4)),
                new Item(Static(2000), new Frame(new FrameHeader().Set((int)PixelFormat.Rgb888, 16, 8), Gradient(16, 8))),
                new Item(emergency, Stripes(width, height, 2)));
            byte[] alert = Alert(1, new Item(Page(700, ProgramItem.LevelEmergency, 1000), Stripes(width, height, 6), Stripes(width, height, 7)));
            byte[] clear = AlertClear(1, 2);
            byte[] preset = Preset(1, new Item(Scroll(40, 0, ProgramItem.LevelEmergency), Stripes(width + 7, height, 9)));
            byte[] live = LiveFrame(1, Stripes(width, height, 8));
            const string code = "C01";

            TestBoard board = BoardWith(program);
            var player = new Player(board.Content, new PanelFrame(width, height), "lc-mlt-gate-1-with-a-long-id");
            allocated = 0;
            changedSteps = 0;
            shown = new int[ShowingCode.Diagnostic + 1];
            for (int k = 0; k < Steps; k++)
            {
                long mono = (long)k * StepMs;
                long now = T0 + (mono / 1000);
                switch (k)
                {
                    case 600: Receive(board, alert, mono); break;
                    case 1000: Receive(board, clear, mono); break;
                    case 1300: Receive(board, live, mono); break;
                    case 2000: player.StartIdentify(mono, 10); break;
                    case 2700: player.SetDiagnostic(code); break;
                    case 3000: player.SetDiagnostic(null); break;
                    case 3300: player.SetLocalEmergency(true); break;
                    case 3700: Receive(board, preset, mono); break;
                    case 4200: player.SetLocalEmergency(false); break;
                }

                long before = GC.GetAllocatedBytesForCurrentThread();
                bool changed = player.Step(mono, now);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                if (changed)
                {
                    changedSteps++;
                }

                shown[player.Showing]++;
            }
        }

        /// <summary>
        /// A scroll beside a still frame on a 64x16 board: a 16x16 still frame beside a 200-px strip (program item), a
        /// static item between its plays, then an alert of the same layout with blink over it, cleared again: zero bytes
        /// allocated in any step, while the window redraws every 17 ms step.
        /// </summary>
        [TestMethod]
        public void Step_ScrollBesideStill_64x16_AllocatesNothingPerStep()
        {
            for (int run = 0; run < 2; run++)
            {
                // Run 0 warms every path up; run 1 is measured.
                TestBoard board = BoardWith(Program(1, 420,
                    new Item(ScrollBesideStill(60, 5000), Stripes(16, 16, 3), Stripes(200, 16, 5)),
                    new Item(Static(1000), Stripes(64, 16, 4))));
                byte[] alert = Alert(1, new Item(ScrollBesideStill(45, 0, ProgramItem.LevelEmergency, 1000), Stripes(20, 16, 2), Stripes(90, 16, 7)));
                byte[] clear = AlertClear(1, 2);
                var player = new Player(board.Content, new PanelFrame(64, 16), "lc-mlt-gate-1");
                long allocated = 0;
                int changed = 0;
                int alertSteps = 0;
                for (int k = 0; k < 3000; k++)
                {
                    long mono = (long)k * StepMs;
                    if (k == 1500)
                    {
                        Receive(board, alert, mono);
                    }
                    else if (k == 2300)
                    {
                        Receive(board, clear, mono);
                    }

                    long before = GC.GetAllocatedBytesForCurrentThread();
                    if (player.Step(mono, T0 + (mono / 1000)))
                    {
                        changed++;
                    }

                    allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                    alertSteps += player.Showing == ShowingCode.Alert ? 1 : 0;
                }

                if (run == 1)
                {
                    Assert.AreEqual(0L, allocated, "bytes allocated inside Step over 3000 steps");
                    Assert.IsGreaterThan(1000, changed, "the window moves at 60 and 45 px/s: most steps redraw");
                    Assert.AreEqual(800, alertSteps, "the alert was measured too");
                }
            }
        }

        /// <summary>A Palette4 frame of vertical stripes <paramref name="period"/> px wide in 4 colours: never all black.</summary>
        private static Frame Stripes(int width, int height, int period)
        {
            var rows = new string[height];
            for (int y = 0; y < height; y++)
            {
                char[] row = new char[width];
                for (int x = 0; x < width; x++)
                {
                    row[x] = (char)('0' + (((x / period) + y) % 4));
                }

                rows[y] = new string(row);
            }

            return Palette4(new[] { 0x000000, 0xFF0000, 0x00FF00, 0x0000FF }, rows);
        }

        private static byte[] Gradient(int width, int height)
        {
            byte[] px = new byte[width * height * 3];
            for (int i = 0; i < px.Length; i++)
            {
                px[i] = (byte)(i * 7);
            }

            return px;
        }
    }
}
