using System;
using System.IO;
using BoardKit.Firmware.Core.Crypto;
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
    public sealed class PlayVectorTests
    {
        /// <summary>
        /// Plays every tests/vectors/play-*.txt exactly as an independent implementation would (only the file: panel,
        /// messages, steps) and checks every step's panel CRC, showing code and item index. Regenerates nothing.
        /// </summary>
        [TestMethod]
        public void PlayVectors_EveryFile_PlayerReproducesEveryStep()
        {
            string[] names = PlayVectorFile.AllNames();
            Assert.IsGreaterThanOrEqualTo(3, names.Length, "play vectors found in " + PlayVectorFile.Directory);
            foreach (string name in names)
            {
                PlayVectorFile file = PlayVectorFile.Load(name);
                Assert.AreEqual(VectorCatalog.BoardIdText, file.Get("board"), name);
                var board = new TestBoard();
                var panel = new PanelFrame(file.Width, file.Height);
                var player = new Player(board.Content, panel, file.Get("board"));
                long last = long.MinValue;
                int steps = 0;
                foreach (PlayVectorFile.Statement s in file.Statements)
                {
                    string where = name + " line " + s.Line;
                    Assert.IsGreaterThanOrEqualTo(last, s.Ms, where + ": time went backwards");
                    last = s.Ms;
                    if (s.Kind == "receive")
                    {
                        int verdict = board.Receive(s.Message!, s.Ms);
                        Assert.AreEqual(WireError.None, verdict, where + ": " + WireError.Describe(verdict));
                        continue;
                    }

                    player.Step(s.Ms, s.Unix);
                    Assert.AreEqual(s.Showing, player.Showing, where + ": showing");
                    Assert.AreEqual(s.Item, player.ItemIndex, where + ": item");
                    Assert.AreEqual(s.Crc.ToString("X8"), Crc32.Compute(panel.Rgb, 0, panel.Rgb.Length).ToString("X8"), where + ": panel CRC");
                    steps++;
                }

                Assert.IsGreaterThan(5, steps, name);
            }
        }

        /// <summary>
        /// The files are exactly what PlayVectorCatalog generates (its hand-worked showing codes and items included).
        /// After a deliberate change of board behaviour run with BK_WRITE_PLAY_VECTORS=1 to rewrite them, and review the diff.
        /// </summary>
        [TestMethod]
        public void PlayVectors_Files_AreWhatTheCatalogGenerates()
        {
            bool write = Environment.GetEnvironmentVariable("BK_WRITE_PLAY_VECTORS") == "1";
            PlayVectorCatalog.Spec[] specs = PlayVectorCatalog.All();
            foreach (PlayVectorCatalog.Spec spec in specs)
            {
                string text = PlayVectorCatalog.Generate(spec);
                string path = PlayVectorFile.PathOf(spec.Name);
                if (write)
                {
                    File.WriteAllText(path, text);
                }

                Assert.IsTrue(File.Exists(path), path + " is missing; run the tests with BK_WRITE_PLAY_VECTORS=1");
                Assert.AreEqual(text, File.ReadAllText(path),
                    spec.Name + " is not what PlayVectorCatalog generates; after a deliberate behaviour change run with BK_WRITE_PLAY_VECTORS=1 and review the diff.");
            }

            string[] names = Array.ConvertAll(specs, s => s.Name);
            Array.Sort(names, StringComparer.Ordinal);
            CollectionAssert.AreEqual(names, PlayVectorFile.AllNames(), "one file per catalog entry, no strays");
            Assert.IsTrue(specs.Length >= 3 && specs.Length <= 6);
        }

        /// <summary>
        /// play-scroll's first steps worked out by hand: msg-program's strip is Mono1 16x4, rows 80 01 / 00 00 / 00 00 /
        /// A5 A5 (columns 0 and 15 lit on row 0; 0 2 5 7 8 10 13 15 on row 3), amber FF A5 01 on black. On 32x8 it
        /// repeats, and rows 4-7 are black.
        /// </summary>
        [TestMethod]
        public void PlayScroll_FirstSteps_AreTheHandDrawnPanels()
        {
            PlayVectorFile file = PlayVectorFile.Load("play-scroll");
            Assert.AreEqual(32, file.Width);
            Assert.AreEqual(8, file.Height);
            const string blank = "................................";
            string[] offset0 =
            {
                "A..............A" + "A..............A",
                blank, blank,
                "A.A..A.AA.A..A.A" + "A.A..A.AA.A..A.A",
                blank, blank, blank, blank,
            };
            string[] offset1 =
            {
                "..............AA" + "..............AA",
                blank, blank,
                ".A..A.AA.A..A.AA" + ".A..A.AA.A..A.AA",
                blank, blank, blank, blank,
            };
            PlayVectorFile.Statement[] steps = Steps(file);
            AssertStep(steps[0], 0, PlayVectorCatalog.Noon, ShowingCode.ProgramItem, 0, offset0);
            AssertStep(steps[1], 49, PlayVectorCatalog.Noon, ShowingCode.ProgramItem, 0, offset0);
            AssertStep(steps[2], 50, PlayVectorCatalog.Noon, ShowingCode.ProgramItem, 0, offset1);
        }

        /// <summary>play-alert-resume's alert steps by hand: msg-alert's frame is the same Mono1 16x4, placed top-left, black beyond column 15; dark half all black.</summary>
        [TestMethod]
        public void PlayAlertResume_AlertSteps_AreTheHandDrawnPanels()
        {
            PlayVectorFile file = PlayVectorFile.Load("play-alert-resume");
            const string blank = "................................";
            string[] lit =
            {
                "A..............A" + "................",
                blank, blank,
                "A.A..A.AA.A..A.A" + "................",
                blank, blank, blank, blank,
            };
            string[] dark = { blank, blank, blank, blank, blank, blank, blank, blank };
            PlayVectorFile.Statement[] steps = Steps(file);
            AssertStep(steps[2], 400, PlayVectorCatalog.AlertBase, ShowingCode.Alert, ShowingCode.NoItem, lit);
            AssertStep(steps[4], 900, PlayVectorCatalog.AlertBase, ShowingCode.Alert, ShowingCode.NoItem, dark);
        }

        /// <summary>
        /// play-scroll-beside-still's first steps by hand. Still frame: the Palette2 vector 8x6, row 0 indices 0 1 2 3 3 2 1
        /// 0 and row 5 indices 3 0 0 0 0 0 0 1 of black, R = FF0000, G = 008000, C = 0180A5, rows 1-4 black, rows 6-7 below
        /// it black. Strip: msg-program's Mono1 16x4 (A = amber) in columns 8-31, strip column (offset + x - 8) mod 16.
        /// </summary>
        [TestMethod]
        public void PlayScrollBesideStill_FirstSteps_AreTheHandDrawnPanels()
        {
            PlayVectorFile file = PlayVectorFile.Load("play-scroll-beside-still");
            Assert.AreEqual(32, file.Width);
            Assert.AreEqual(8, file.Height);
            const string blank = "................................";
            string[] offset0 =
            {
                ".RGCCGR." + "A..............A" + "A.......",
                blank, blank,
                "........" + "A.A..A.AA.A..A.A" + "A.A..A.A",
                blank,
                "C......R" + "................" + "........",
                blank, blank,
            };
            string[] offset1 =
            {
                ".RGCCGR." + "..............AA" + "........",
                blank, blank,
                "........" + ".A..A.AA.A..A.AA" + ".A..A.AA",
                blank,
                "C......R" + "................" + "........",
                blank, blank,
            };
            var colours = new System.Collections.Generic.Dictionary<char, int> { ['.'] = Black, ['A'] = Amber, ['R'] = 0xFF0000, ['G'] = 0x008000, ['C'] = 0x0180A5 };
            PlayVectorFile.Statement[] steps = Steps(file);
            AssertStep(steps[0], 0, PlayVectorCatalog.Noon, ShowingCode.ProgramItem, 0, offset0, colours);
            AssertStep(steps[1], 49, PlayVectorCatalog.Noon, ShowingCode.ProgramItem, 0, offset0, colours);
            AssertStep(steps[2], 50, PlayVectorCatalog.Noon, ShowingCode.ProgramItem, 0, offset1, colours);
            AssertStep(steps[4], 800, PlayVectorCatalog.Noon, ShowingCode.ProgramItem, 0, offset0, colours);
        }

        private static PlayVectorFile.Statement[] Steps(PlayVectorFile file)
            => Array.FindAll(System.Linq.Enumerable.ToArray(file.Statements), s => s.Kind == "step");

        private static void AssertStep(PlayVectorFile.Statement step, long ms, long unix, int showing, int item, string[] picture)
            => AssertStep(step, ms, unix, showing, item, picture, new System.Collections.Generic.Dictionary<char, int> { ['.'] = Black, ['A'] = Amber });

        private static void AssertStep(PlayVectorFile.Statement step, long ms, long unix, int showing, int item, string[] picture, System.Collections.Generic.IReadOnlyDictionary<char, int> colours)
        {
            Assert.AreEqual(ms, step.Ms);
            Assert.AreEqual(unix, step.Unix);
            Assert.AreEqual(showing, step.Showing, "showing at " + ms);
            Assert.AreEqual(item, step.Item, "item at " + ms);
            var expected = new PanelFrame(picture[0].Length, picture.Length);
            for (int y = 0; y < picture.Length; y++)
            {
                for (int x = 0; x < picture[y].Length; x++)
                {
                    expected.SetPixel(x, y, colours[picture[y][x]]);
                }
            }

            Assert.AreEqual(Crc32.Compute(expected.Rgb, 0, expected.Rgb.Length).ToString("X8"), step.Crc.ToString("X8"), "CRC at " + ms);
        }
    }
}
