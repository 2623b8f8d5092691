using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Tests.Board;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    [TestClass]
    public sealed class PlayerPropertyTests
    {
        private static readonly string[] Codes = { "C01", "KEY?", "lc-mlt-gate-1", "ĐÈN", "", "X", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" };

        /// <summary>
        /// Random held content (every layout, level, format and size, frames wider and taller than the panel or much
        /// smaller), random panels, random runtime layers and times that jump, stall or go unknown: Step never throws
        /// and its only output is the panel it was given (an index outside the panel's array would throw here), with a
        /// consistent showing code and item index.
        /// </summary>
        [TestMethod]
        public void Step_RandomContentLayersAndTimes_NeverThrowsAndKeepsToThePanel()
        {
            var gen =
                from seed in ArbMap.Default.GeneratorFor<ulong>()
                from width in Gen.Choose(1, 100)
                from height in Gen.Choose(1, 40)
                select (seed, width, height);
            int[] shown = new int[ShowingCode.Diagnostic + 1];
            Prop.ForAll(gen.ToArbitrary(), t =>
            {
                var content = new RandomContent(t.seed);
                TestKit.Rng rng = content.Rng;
                var board = new TestBoard();
                var panel = new PanelFrame(t.width, t.height);
                byte[] rgb = panel.Rgb;
                var player = new Player(board.Content, panel, "lc-mlt-gate-1");
                long mono = 0;
                long offset = rng.Below(2) == 0 ? 0 : RandomContent.T0;
                for (int step = 0; step < 120; step++)
                {
                    Event(rng.Below(24), rng, content, board, player, mono, ref offset);
                    mono += rng.Below(8) == 0 ? rng.Below(200000) : rng.Below(700);
                    long now = offset == 0 ? 0 : offset + (mono / 1000);
                    player.Step(mono, now);
                    bool programItem = player.Showing == ShowingCode.ProgramItem;
                    if (player.Showing < ShowingCode.Dark || player.Showing > ShowingCode.Diagnostic
                        || programItem != (player.ItemIndex != ShowingCode.NoItem)
                        || (programItem && player.ItemIndex >= board.Content.Program.ItemCount)
                        || !ReferenceEquals(rgb, panel.Rgb) || rgb.Length != t.width * t.height * 3)
                    {
                        return false;
                    }

                    shown[player.Showing]++;
                }

                return true;
            }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(150));
            for (int code = ShowingCode.Dark; code <= ShowingCode.Diagnostic; code++)
            {
                Assert.IsGreaterThan(0, shown[code], "the random runs reached showing code " + code);
            }
        }

        private static void Event(int kind, TestKit.Rng rng, RandomContent content, TestBoard board, Player player, long mono, ref long offset)
        {
            byte[]? message = null;
            switch (kind)
            {
                case 0: case 1: message = content.Program(); break;
                case 2: message = content.Alert(); break;
                case 3: message = content.Clear(); break;
                case 4: message = content.Preset(); break;
                case 5: case 6: message = content.LiveFrame(); break;
                case 7: player.StartIdentify(mono, rng.Below(20) - 2); break;
                case 8: player.StopIdentify(); break;
                case 9: player.SetDiagnostic(Codes[rng.Below(Codes.Length)]); break;
                case 10: case 11: player.SetDiagnostic(null); break;
                case 12: player.SetLocalEmergency(true); break;
                case 13: case 14: player.SetLocalEmergency(false); break;
                case 15: offset = 0; break;                                  // time lost
                case 16: offset = RandomContent.T0 + rng.Below(20000) - 10000; break; // time set, even backwards
                default: break;
            }

            if (message != null)
            {
                board.Receive(message, mono); // refusals (an alert expired on arrival ...) are part of the game
            }
        }
    }
}
