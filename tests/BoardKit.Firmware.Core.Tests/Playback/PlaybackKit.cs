using System;
using System.Collections.Generic;
using System.Text;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Tests.Board;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    /// <summary>
    /// Builds held content for the player tests (frames drawn as text, programs, alerts, presets and live frames
    /// signed with the vector key and received by a <see cref="TestBoard"/>) and reads the panel back as a picture:
    /// one character per pixel, so expectations are hand-drawn in the test.
    /// </summary>
    internal static class PlaybackKit
    {
        public const int Black = 0x000000;
        public const int Amber = 0xFFA501;   // VectorCatalog's Mono1 foreground
        public const int Red = 0xFF0000;
        public const int Green = 0x00FF00;
        public const int Blue = 0x0000FF;
        public const int White = 0xFFFFFF;
        public const int Orange = 0xFFA500;  // Player.DiagnosticColour

        /// <summary>Picture characters: '.' black, 'A' amber, 'R' red, 'G' green, 'B' blue, 'W' white, 'O' orange; '?' anything else.</summary>
        private static readonly Dictionary<int, char> Legend = new()
        {
            [Black] = '.', [Amber] = 'A', [Red] = 'R', [Green] = 'G', [Blue] = 'B', [White] = 'W', [Orange] = 'O',
        };

        public sealed record Frame(FrameHeader Header, byte[] Pixels);

        public sealed record Item(ProgramItem Settings, params Frame[] Frames);

        /// <summary>A Mono1 frame from rows of '#' (palette entry 1, <paramref name="foreground"/>) and '.' (entry 0, <paramref name="background"/>).</summary>
        public static Frame Mono1(int foreground, int background, params string[] rows)
        {
            var h = new FrameHeader().Set((int)PixelFormat.Mono1, rows[0].Length, rows.Length);
            SetEntry(h, 0, background);
            SetEntry(h, 1, foreground);
            return new Frame(h, Pack(h, rows, c => c == '#' ? 1 : 0));
        }

        /// <summary>An amber-on-black Mono1 frame.</summary>
        public static Frame Mono1(params string[] rows) => Mono1(Amber, Black, rows);

        /// <summary>A Palette4 frame from rows of hex digits (palette indices) with the given palette.</summary>
        public static Frame Palette4(int[] palette, params string[] rows)
        {
            var h = new FrameHeader().Set((int)PixelFormat.Palette4, rows[0].Length, rows.Length);
            for (int i = 0; i < palette.Length; i++)
            {
                SetEntry(h, i, palette[i]);
            }

            return new Frame(h, Pack(h, rows, c => Convert.ToInt32(c.ToString(), 16)));
        }

        /// <summary>A solid Mono1 frame of <paramref name="width"/> x <paramref name="height"/> in <paramref name="colour"/>.</summary>
        public static Frame Solid(int colour, int width, int height)
        {
            string[] rows = new string[height];
            for (int y = 0; y < height; y++)
            {
                rows[y] = new string('#', width);
            }

            return Mono1(colour, Black, rows);
        }

        public static byte[] Program(ulong sequence, int utcOffsetMinutes, params Item[] items)
        {
            MessageBuilder b = VectorCatalog.Builder();
            ProgramWriter w = b.StartProgram(utcOffsetMinutes);
            foreach (Item item in items)
            {
                w.BeginItem(item.Settings);
                foreach (Frame f in item.Frames)
                {
                    w.AddFrame(f.Header, f.Pixels, f.Pixels.Length, true);
                }

                w.EndItem();
            }

            return Take(b, b.SealProgramOrAlert(sequence, VectorCatalog.IssuedAt));
        }

        public static byte[] Alert(ulong sequence, Item item, uint issuedAt = VectorCatalog.IssuedAt)
        {
            MessageBuilder b = VectorCatalog.Builder();
            ProgramWriter w = b.StartAlert();
            w.BeginItem(item.Settings);
            foreach (Frame f in item.Frames)
            {
                w.AddFrame(f.Header, f.Pixels, f.Pixels.Length, true);
            }

            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, issuedAt));
        }

        public static byte[] Preset(ulong sequence, Item item)
        {
            MessageBuilder b = VectorCatalog.Builder();
            ProgramWriter w = b.StartPreset();
            w.BeginItem(item.Settings);
            foreach (Frame f in item.Frames)
            {
                w.AddFrame(f.Header, f.Pixels, f.Pixels.Length, true);
            }

            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, VectorCatalog.IssuedAt));
        }

        public static byte[] AlertClear(ulong alertSequence, ulong sequence)
        {
            MessageBuilder b = VectorCatalog.Builder();
            return Take(b, b.BuildAlertClear(alertSequence, sequence, VectorCatalog.IssuedAt));
        }

        public static byte[] LiveFrame(ulong sequence, Frame frame)
        {
            MessageBuilder b = VectorCatalog.Builder();
            return Take(b, b.BuildLiveFrame(frame.Header, frame.Pixels, frame.Pixels.Length, true, sequence, VectorCatalog.Session, VectorCatalog.IssuedAt));
        }

        public static ProgramItem Static(uint dwellMs, int level = ProgramItem.LevelNormal, int blinkMs = 0) => new ProgramItem
        {
            Layout = ProgramItem.LayoutStatic,
            Level = level,
            DwellMs = dwellMs,
            BlinkPeriodMs = blinkMs,
        };

        public static ProgramItem Page(uint dwellMs, int level = ProgramItem.LevelNormal, int blinkMs = 0) => new ProgramItem
        {
            Layout = ProgramItem.LayoutPage,
            Level = level,
            DwellMs = dwellMs,
            BlinkPeriodMs = blinkMs,
        };

        public static ProgramItem Scroll(int speed, uint dwellMs = 0, int level = ProgramItem.LevelNormal) => new ProgramItem
        {
            Layout = ProgramItem.LayoutScroll,
            Level = level,
            DwellMs = dwellMs,
            ScrollSpeed = speed,
        };

        /// <summary>Settings of a scroll beside a still frame (layout 3): its item takes the still frame, then the strip.</summary>
        public static ProgramItem ScrollBesideStill(int speed, uint dwellMs = 0, int level = ProgramItem.LevelNormal, int blinkMs = 0) => new ProgramItem
        {
            Layout = ProgramItem.LayoutScrollBesideStill,
            Level = level,
            DwellMs = dwellMs,
            ScrollSpeed = speed,
            BlinkPeriodMs = blinkMs,
        };

        /// <summary>A booted board that has received every message (each must be accepted).</summary>
        public static TestBoard BoardWith(params byte[][] messages)
        {
            var board = new TestBoard();
            foreach (byte[] m in messages)
            {
                Receive(board, m, 0);
            }

            return board;
        }

        public static void Receive(TestBoard board, byte[] message, long monotonicMs)
        {
            int verdict = board.Receive(message, monotonicMs);
            Assert.AreEqual(WireError.None, verdict, WireError.Describe(verdict));
        }

        public static Player NewPlayer(TestBoard board, int width, int height, string boardId = VectorCatalog.BoardIdText)
            => new Player(board.Content, new PanelFrame(width, height), boardId);

        /// <summary>The panel as rows of picture characters (see Legend), joined with '\n' so a failure shows the whole picture.</summary>
        public static string Picture(PanelFrame panel)
        {
            var sb = new StringBuilder();
            for (int y = 0; y < panel.Height; y++)
            {
                if (y > 0)
                {
                    sb.Append('\n');
                }

                for (int x = 0; x < panel.Width; x++)
                {
                    sb.Append(Legend.TryGetValue(panel.GetPixel(x, y), out char c) ? c : '?');
                }
            }

            return sb.ToString();
        }

        public static string Rows(params string[] rows) => string.Join("\n", rows);

        /// <summary>Asserts the panel shows the hand-drawn picture.</summary>
        public static void AssertPicture(PanelFrame panel, string because, params string[] rows)
            => Assert.AreEqual(Rows(rows), Picture(panel), because);

        public static bool IsBlack(PanelFrame panel) => Array.TrueForAll(panel.Rgb, b => b == 0);

        private static void SetEntry(FrameHeader h, int index, int rgb) => h.SetPaletteEntry(index, (byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

        private static byte[] Pack(FrameHeader h, string[] rows, Func<char, int> value)
        {
            byte[] px = new byte[PixelPacking.RawLength(h.Format, h.Width, h.Height)];
            for (int y = 0; y < h.Height; y++)
            {
                Assert.AreEqual(h.Width, rows[y].Length, "ragged frame row " + y);
                for (int x = 0; x < h.Width; x++)
                {
                    PixelPacking.SetPixel(h.Format, h.Width, px, x, y, value(rows[y][x]));
                }
            }

            return px;
        }

        private static byte[] Take(MessageBuilder b, int n)
        {
            Assert.IsGreaterThan(0, n, n < 0 ? WireError.Describe(-n) : "empty");
            return b.Buffer.AsSpan(0, n).ToArray();
        }
    }
}
