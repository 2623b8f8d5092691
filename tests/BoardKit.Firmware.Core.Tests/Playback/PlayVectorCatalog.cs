using System;
using System.Globalization;
using System.Text;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Tests.Board;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;
using static BoardKit.Firmware.Core.Tests.Playback.PlaybackKit;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    /// <summary>
    /// The scripts of the playback vectors (tests/vectors/play-*.txt): panel, messages (built with VectorCatalog's key
    /// and board; msg-program and msg-alert reused as they are) and steps, each step with the showing code and item
    /// worked out by hand from the board behaviour rules. <see cref="Generate"/> plays a script on a TestBoard and
    /// writes the file text, and fails if the player disagrees with a hand-worked showing code or item.
    /// </summary>
    internal static class PlayVectorCatalog
    {
        private const int Dark = ShowingCode.Dark;
        private const int Prog = ShowingCode.ProgramItem;
        private const int AlertShown = ShowingCode.Alert;
        private const int None = ShowingCode.NoItem;

        /// <summary>2026-01-01T05:00:00Z = 12:00 in UTC+7: msg-program's item 1 (22:00-06:00) is off schedule.</summary>
        public const long Noon = 1767243600;

        /// <summary>2026-01-01T14:59:59Z = 21:59:59 in UTC+7.</summary>
        public const long Before2200 = 1767279599;

        /// <summary>2026-01-01T00:40:00Z = 07:40 in UTC+7, 20 minutes before msg-alert expires (01:00Z).</summary>
        public const long AlertBase = 1767228000;

        /// <summary>2026-01-01T01:00:00Z: valid-from of item 0 of play-expiry-emergency.</summary>
        public const long ValidityBase = 1767229200;

        public abstract record Statement(long Ms);

        public sealed record Receive(long Ms, string Note, Func<byte[]> Build) : Statement(Ms);

        public sealed record Step(long Ms, long Unix, int Showing, int Item, string Note) : Statement(Ms);

        public sealed record Spec(string Name, string Description, int Width, int Height, Statement[] Script);

        public static Spec[] All() => new[] { Scroll(), PageBlink(), Midnight(), ExpiryEmergency(), AlertResume(), ScrollBesideStill() };

        /// <summary>msg-program at noon local: only item 0, the 16x4 Mono1 strip at 20 px/s (one pass 800 ms), repeating on 32 px.</summary>
        public static Spec Scroll() => new("play-scroll",
            "msg-program on a 32x8 panel at 12:00 local: item 0 scrolls its 16 px strip at 20 px/s (+1 px every 50 ms, pass 800 ms); the strip repeats across 32 px",
            32, 8, new Statement[]
            {
                new Receive(0, "msg-program.hex (seq 0x10001, UTC+7)", VectorCatalog.Program),
                new Step(0, Noon, Prog, 0, "item 0 starts: offset 0"),
                new Step(49, Noon, Prog, 0, "offset floor(49 x 20 / 1000) = 0"),
                new Step(50, Noon, Prog, 0, "offset 1"),
                new Step(100, Noon, Prog, 0, "offset 2"),
                new Step(750, Noon, Prog, 0, "offset 15"),
                new Step(799, Noon, Prog, 0, "offset 15 (15.98)"),
                new Step(800, Noon, Prog, 0, "one pass done (dwell 0): the only eligible item restarts, offset 0"),
                new Step(850, Noon + 1, Prog, 0, "offset 1"),
            });

        /// <summary>A page item with blink (3 pages of 1000 ms, blink 500) and a static item with dwell 0, time unknown.</summary>
        public static Spec PageBlink() => new("play-page-blink",
            "time unknown (0); item 0: page, 3 pages x 1000 ms, blink 500 ms (250 on, 250 off); item 1: static, dwell 0 = 5000 ms; 16x8 panel",
            16, 8, new Statement[]
            {
                new Receive(0, "program seq 1: item 0 page (Mono1 red / green / blue bars), item 1 static (Palette4 diagonal)", PageBlinkProgram),
                new Step(0, 0, Prog, 0, "page 0, lit"),
                new Step(249, 0, Prog, 0, "page 0, lit (249 mod 500 < 250)"),
                new Step(250, 0, Prog, 0, "dark half of the blink"),
                new Step(499, 0, Prog, 0, "dark"),
                new Step(500, 0, Prog, 0, "page 0, lit"),
                new Step(1000, 0, Prog, 0, "page 1, lit"),
                new Step(1250, 0, Prog, 0, "dark"),
                new Step(2000, 0, Prog, 0, "page 2, lit"),
                new Step(2999, 0, Prog, 0, "dark (2999 mod 500 = 499)"),
                new Step(3000, 0, Prog, 1, "item 0 done (3 x 1000): item 1"),
                new Step(7999, 0, Prog, 1, "item 1, dwell 0 means 5000 ms"),
                new Step(8000, 0, Prog, 0, "item 0 again, page 0, lit"),
            });

        /// <summary>msg-program across 22:00, midnight and 06:00 local: item 1's overnight window.</summary>
        public static Spec Midnight() => new("play-midnight",
            "msg-program on 32x8 across its item 1 window 22:00-06:00 local (UTC+7): it joins the cycle at 22:00, plays across midnight and stops at 06:00 mid-play",
            32, 8, new Statement[]
            {
                new Receive(0, "msg-program.hex (seq 0x10001, UTC+7)", VectorCatalog.Program),
                new Step(0, Before2200, Prog, 0, "21:59:59: item 1 off schedule, item 0 scrolls"),
                new Step(500, Before2200, Prog, 0, "item 0, offset 10"),
                new Step(1000, Before2200 + 1, Prog, 1, "22:00:00: item 0 ended at 800; item 1 (priority) is eligible: page 0, Palette2"),
                new Step(5000, Before2200 + 5, Prog, 1, "page 1 (4000 ms per page), Rgb888"),
                new Step(9000, Before2200 + 9, Prog, 0, "item 1 ended (2 x 4000): item 0"),
                new Step(7200000, Before2200 + 7200, Prog, 1, "23:59:59: item 0 ended: cycle starts over with item 1, page 0"),
                new Step(7201000, Before2200 + 7201, Prog, 1, "00:00:00 (Jan 2): still scheduled, page 0"),
                new Step(7204000, Before2200 + 7204, Prog, 1, "00:00:03: page 1"),
                new Step(28795000, Before2200 + 28795, Prog, 0, "05:59:54: item 1 ended long ago: item 0"),
                new Step(28797000, Before2200 + 28797, Prog, 1, "05:59:56: item 0 ended: item 1 again, page 0"),
                new Step(28800000, Before2200 + 28800, Prog, 1, "05:59:59: page 0 (t 3000)"),
                new Step(28801000, Before2200 + 28801, Prog, 0, "06:00:00: off schedule (end exclusive): item 1 ends mid-play, item 0"),
                new Step(28801050, Before2200 + 28801, Prog, 0, "item 0, offset 1"),
            });

        /// <summary>Validity edges and an emergency item preempting then resuming.</summary>
        public static Spec ExpiryEmergency() => new("play-expiry-emergency",
            "16x8, UTC+7: item 0 normal static 10 s valid [V, V+5); item 1 normal static 2 s; item 2 emergency static 1.5 s, blink 1000, valid [V+10, V+13); V = 2026-01-01T01:00:00Z",
            16, 8, new Statement[]
            {
                new Receive(0, "program seq 1: item 0 amber box, item 1 Palette2 vector frame, item 2 red cross", ExpiryProgram),
                new Step(0, ValidityBase - 1, Prog, 1, "item 0 not valid yet: item 1"),
                new Step(1000, ValidityBase, Prog, 1, "item 0 valid now, item 1 still playing (1000 of 2000 ms)"),
                new Step(2000, ValidityBase + 1, Prog, 0, "item 1 done: cycle wraps to item 0 (valid-from inclusive)"),
                new Step(5999, ValidityBase + 4, Prog, 0, "item 0"),
                new Step(6000, ValidityBase + 5, Prog, 1, "valid-until (exclusive) reached: item 0 ends mid-dwell, item 1"),
                new Step(8000, ValidityBase + 7, Prog, 1, "item 1 done; item 0 expired: item 1 restarts"),
                new Step(10000, ValidityBase + 9, Prog, 1, "item 1 restarts again"),
                new Step(11000, ValidityBase + 10, Prog, 2, "emergency item eligible: preempts item 1; lit"),
                new Step(11500, ValidityBase + 10, Prog, 2, "blink: dark half"),
                new Step(12500, ValidityBase + 11, Prog, 2, "1.5 s done: the only emergency item restarts, lit"),
                new Step(14000, ValidityBase + 13, Prog, 1, "emergency over: interrupted item 1 restarts from its beginning"),
                new Step(15999, ValidityBase + 14, Prog, 1, "item 1"),
                new Step(16000, ValidityBase + 15, Prog, 1, "item 1 done: restarts (the only eligible item)"),
            });

        /// <summary>msg-program with msg-alert arriving, blinking on its own clock, expiring, and the program resuming.</summary>
        public static Spec AlertResume() => new("play-alert-resume",
            "msg-program on 32x8 at 07:40 local; msg-alert (static, blink 1000, expires 01:00Z) arrives at 400 ms, preempts item 0, expires; item 0 restarts from offset 0",
            32, 8, new Statement[]
            {
                new Receive(0, "msg-program.hex (seq 0x10001, UTC+7)", VectorCatalog.Program),
                new Step(0, AlertBase, Prog, 0, "item 0, offset 0"),
                new Step(300, AlertBase, Prog, 0, "item 0, offset 6"),
                new Receive(400, "msg-alert.hex (seq 0x20001)", VectorCatalog.Alert),
                new Step(400, AlertBase, AlertShown, None, "alert: its clock starts at 0: lit, frame at the top-left"),
                new Step(899, AlertBase, AlertShown, None, "t 499: lit"),
                new Step(900, AlertBase, AlertShown, None, "t 500: dark half"),
                new Step(1400, AlertBase + 1, AlertShown, None, "t 1000: lit"),
                new Step(1199400, AlertBase + 1199, AlertShown, None, "00:59:59Z: t 1199000: lit"),
                new Step(1200000, AlertBase + 1200, Prog, 0, "01:00:00Z: alert expired: item 0 restarts, offset 0"),
                new Step(1200050, AlertBase + 1200, Prog, 0, "item 0, offset 1"),
            });

        /// <summary>
        /// Layout 3 at noon: the Palette2 vector frame (8x6) held still at the left, msg-program's 16x4 Mono1 strip at
        /// 20 px/s in the 24-px window right of it (so it repeats), dwell 1000 = 2 passes of 800 ms; then a static item.
        /// </summary>
        public static Spec ScrollBesideStill() => new("play-scroll-beside-still",
            "32x8 at 12:00 local: item 0 is a scroll beside a still frame: the 8x6 Palette2 still frame on columns 0-7, the 16x4 Mono1 strip at 20 px/s in the 24-px window right of it (it repeats); dwell 1000 = 2 passes of 800 ms; item 1 static 1000 ms",
            32, 8, new Statement[]
            {
                new Receive(0, "program seq 1: item 0 scroll beside a still frame (Palette2 8x6 still, Mono1 16x4 strip), item 1 static (Mono1 16x4)", ScrollBesideStillProgram),
                new Step(0, Noon, Prog, 0, "item 0 starts: still frame at the left, strip offset 0 at column 8"),
                new Step(49, Noon, Prog, 0, "offset floor(49 x 20 / 1000) = 0"),
                new Step(50, Noon, Prog, 0, "offset 1: only the window changed"),
                new Step(750, Noon, Prog, 0, "offset 15"),
                new Step(800, Noon, Prog, 0, "second pass (dwell 1000 > one pass of 800): offset 16 mod 16 = 0"),
                new Step(1599, Noon + 1, Prog, 0, "offset 31 mod 16 = 15"),
                new Step(1600, Noon + 1, Prog, 1, "2 passes done: item 1"),
                new Step(2599, Noon + 2, Prog, 1, "item 1"),
                new Step(2600, Noon + 2, Prog, 0, "item 0 again, offset 0"),
            });

        /// <summary>The file text for <paramref name="spec"/>: plays it and writes every statement with the panel's CRC.</summary>
        public static string Generate(Spec spec)
        {
            var text = new StringBuilder();
            void Line(string s) => text.Append(s).Append('\n');
            Line("# vector: " + spec.Name);
            Line("# description: " + spec.Description);
            Line("# key: " + VectorFile.ToHex(VectorCatalog.Key(), 0, 32));
            Line("# key-id: " + VectorCatalog.KeyId.ToString(CultureInfo.InvariantCulture));
            Line("# board: " + VectorCatalog.BoardIdText);
            Line("# session: 0x" + VectorCatalog.Session.ToString("X16", CultureInfo.InvariantCulture));
            Line("#");
            foreach (string help in PlayVectorFile.FormatHelp)
            {
                Line("# " + help);
            }

            Line(string.Empty);
            Line("panel " + spec.Width.ToString(CultureInfo.InvariantCulture) + " " + spec.Height.ToString(CultureInfo.InvariantCulture));
            var board = new TestBoard();
            var panel = new PanelFrame(spec.Width, spec.Height);
            var player = new Player(board.Content, panel, VectorCatalog.BoardIdText);
            foreach (Statement s in spec.Script)
            {
                string ms = s.Ms.ToString(CultureInfo.InvariantCulture);
                if (s is Receive r)
                {
                    byte[] message = r.Build();
                    int verdict = board.Receive(message, r.Ms);
                    if (verdict != WireError.None)
                    {
                        throw new InvalidOperationException(spec.Name + ": receive at " + ms + ": " + WireError.Describe(verdict));
                    }

                    Line("# " + r.Note);
                    Line("receive " + ms + " " + VectorFile.ToHex(message, 0, message.Length));
                    continue;
                }

                var step = (Step)s;
                player.Step(step.Ms, step.Unix);
                if (player.Showing != step.Showing || player.ItemIndex != step.Item)
                {
                    throw new InvalidOperationException(spec.Name + ": step " + ms + " (" + step.Note + "): the player shows " + player.Showing
                        + " item " + player.ItemIndex + ", worked out by hand: " + step.Showing + " item " + step.Item);
                }

                uint crc = Crc32.Compute(panel.Rgb, 0, panel.Rgb.Length);
                string statement = "step " + ms + " " + step.Unix.ToString(CultureInfo.InvariantCulture) + " " + crc.ToString("X8", CultureInfo.InvariantCulture)
                    + " " + player.Showing.ToString(CultureInfo.InvariantCulture) + " " + player.ItemIndex.ToString(CultureInfo.InvariantCulture);
                Line(statement.PadRight(52) + "# " + step.Note);
            }

            return text.ToString();
        }

        private static byte[] ScrollBesideStillProgram() => Program(1, 420,
            new Item(PlaybackKit.ScrollBesideStill(20, 1000),
                new Frame(VectorCatalog.Palette2Header(), VectorCatalog.Palette2Pixels()),
                new Frame(VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels())),
            new Item(Static(1000), new Frame(VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels())));

        private static byte[] PageBlinkProgram() => Program(1, 420,
            new Item(Page(1000, blinkMs: 500), Bar(Red, 1), Bar(Green, 6), Bar(Blue, 11)),
            new Item(Static(0), Diagonal(16, 8)));

        private static byte[] ExpiryProgram()
        {
            ProgramItem item0 = Static(10000);
            item0.ValidFrom = (uint)ValidityBase;
            item0.ValidUntil = (uint)(ValidityBase + 5);
            ProgramItem item2 = Static(1500, ProgramItem.LevelEmergency, 1000);
            item2.ValidFrom = (uint)(ValidityBase + 10);
            item2.ValidUntil = (uint)(ValidityBase + 13);
            return Program(1, 420,
                new Item(item0, Mono1(
                    "################",
                    "#..............#",
                    "#..............#",
                    "#..............#",
                    "#..............#",
                    "#..............#",
                    "#..............#",
                    "################")),
                new Item(Static(2000), new Frame(VectorCatalog.Palette2Header(), VectorCatalog.Palette2Pixels())),
                new Item(item2, Mono1(Red, Black,
                    "#......#",
                    ".#....#.",
                    "..#..#..",
                    "...##...",
                    "...##...",
                    "..#..#..",
                    ".#....#.",
                    "#......#")));
        }

        /// <summary>A 16x8 Mono1 frame with a 3 px wide bar from column <paramref name="left"/> on rows 1-6.</summary>
        private static Frame Bar(int colour, int left)
        {
            var rows = new string[8];
            for (int y = 0; y < 8; y++)
            {
                char[] row = new string('.', 16).ToCharArray();
                if (y >= 1 && y <= 6)
                {
                    row[left] = row[left + 1] = row[left + 2] = '#';
                }

                rows[y] = new string(row);
            }

            return Mono1(colour, Black, rows);
        }

        /// <summary>Palette4 with VectorCatalog's palette (entry i = (16i, 255 - 16i, i XOR A5)), index (x + 2y) mod 16.</summary>
        private static Frame Diagonal(int width, int height)
        {
            int[] palette = new int[16];
            for (int i = 0; i < 16; i++)
            {
                palette[i] = (16 * i << 16) | ((255 - (16 * i)) << 8) | (i ^ 0xA5);
            }

            var rows = new string[height];
            for (int y = 0; y < height; y++)
            {
                char[] row = new char[width];
                for (int x = 0; x < width; x++)
                {
                    row[x] = ((x + (2 * y)) % 16).ToString("X", CultureInfo.InvariantCulture)[0];
                }

                rows[y] = new string(row);
            }

            return Palette4(palette, rows);
        }
    }
}
