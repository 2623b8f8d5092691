using System;
using System.IO;
using System.Linq;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Preview;
using BoardKit.Tests.Shared;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Sim.Tests
{
    /// <summary>Gateway to Mosquitto to simulated board, all real: a broker process, MQTTnet clients, the firmware core.</summary>
    [TestClass]
    public sealed class EndToEndTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

        public TestContext TestContext { get; set; } = null!;

        private string NewFolder() => Directory.CreateTempSubdirectory("bk-sim-" + TestContext.TestName + "-").FullName;

        private static SimulatedBoard StartBoard(TestBoardFiles files, Mosquitto broker, bool networkTime = true)
        {
            var board = new SimulatedBoard(new SimulatedBoardOptions
            {
                DataFolder = files.Folder,
                BrokerHost = "127.0.0.1",
                BrokerPort = broker.Port,
                NetworkTime = networkTime,
                WatchButtonFile = false,
            });
            Assert.IsTrue(board.Setup.CanRun, board.Setup.Message);
            board.Start();
            return board;
        }

        private static void WaitUntilShows(SimulatedBoard board, byte[] expected, string what) =>
            Wait.Until(() => board.Panel.Snapshot().AsSpan().SequenceEqual(expected), Patience, what);

        /// <summary>The panel.png the simulator wrote, decoded to R, G, B bytes.</summary>
        private static byte[] PanelPng(SimulatedBoard board)
        {
            byte[] png = File.ReadAllBytes(Path.Combine(board.DataFolder, SimulatedBoard.PanelPngFile));
            var chunks = PngReader.ReadChunks(png);
            byte[] ihdr = chunks.First(c => c.Type == "IHDR").Data;
            Assert.AreEqual((uint)board.Panel.Width, PngReader.ReadUInt32(ihdr, 0));
            Assert.AreEqual((uint)board.Panel.Height, PngReader.ReadUInt32(ihdr, 4));
            Assert.AreEqual(2, ihdr[9], "colour type RGB");
            byte[] idat = chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray();
            return PngReader.Unfilter(idat, board.Panel.Height, board.Panel.Width * 3);
        }

        [TestMethod]
        public void Program_PublishedRetained_PanelPngEqualsTheGatewayRender()
        {
            using var broker = new Mosquitto();
            using var gateway = new TestGateway(broker.Port);
            var files = new TestBoardFiles("lc-mlt-gate-1", NewFolder());
            RenderResult rendered = TestGateway.Render("口岸 Lò");
            gateway.Publish(files.Topic("program"), TestGateway.Program(files, rendered, 1000));

            using SimulatedBoard board = StartBoard(files, broker);
            byte[] expected = TestGateway.Pixels(rendered);
            WaitUntilShows(board, expected, "the program on the LEDs");
            Wait.Until(() => File.Exists(Path.Combine(board.DataFolder, SimulatedBoard.PanelPngFile)) && PanelPng(board).AsSpan().SequenceEqual(expected), Patience, "panel.png");
            CollectionAssert.AreEqual(expected, PanelPng(board));
            BoardStatus status = gateway.WaitForStatus(files, s => s.ProgramSequence == 1000, Patience);
            Assert.AreEqual(ShowingCode.ProgramItem, status.Showing);
        }

        [TestMethod]
        public void PictureProgram_PublishedRetained_PanelEqualsTheGatewayRender()
        {
            // A full-colour picture item (Rgb888, 3 KiB raw): the picture path from decoded pixels to the board's LEDs.
            using var broker = new Mosquitto();
            using var gateway = new TestGateway(broker.Port);
            var files = new TestBoardFiles("lc-mlt-gate-4", NewFolder());
            RenderResult rendered = TestGateway.RenderPicture();
            Assert.AreEqual(PixelFormat.Rgb888, rendered.PixelFormat);
            gateway.Publish(files.Topic("program"), TestGateway.Program(files, rendered, 5000));

            using SimulatedBoard board = StartBoard(files, broker);
            byte[] expected = TestGateway.Pixels(rendered);
            WaitUntilShows(board, expected, "the picture on the LEDs");
            Wait.Until(() => File.Exists(Path.Combine(board.DataFolder, SimulatedBoard.PanelPngFile)) && PanelPng(board).AsSpan().SequenceEqual(expected), Patience, "panel.png");
            gateway.WaitForStatus(files, s => s.ProgramSequence == 5000, Patience);
        }

        [TestMethod]
        public void Broker_Stopped_BoardKeepsPlayingAndReconnectsWhenItIsBack()
        {
            using var broker = new Mosquitto();
            var files = new TestBoardFiles("lc-mlt-gate-1", NewFolder());
            RenderResult rendered = TestGateway.Render("Bản tin", BulletinLevel.Emergency);
            Assert.AreEqual(1000, rendered.BlinkPeriodMs, "a blinking item keeps the board drawing new frames");
            using (var gateway = new TestGateway(broker.Port))
            {
                gateway.Publish(files.Topic("program"), TestGateway.Program(files, rendered, 2000));
            }

            using SimulatedBoard board = StartBoard(files, broker);
            byte[] expected = TestGateway.Pixels(rendered);
            WaitUntilShows(board, expected, "the program");
            Wait.Until(() => board.Runtime.Link!.IsConnected, Patience, "connected");

            broker.Stop();
            Wait.Until(() => !board.Runtime.Link!.IsConnected, Patience, "the board notices the broker is gone");
            int frames = board.Panel.FrameCount;
            Wait.Until(() => board.Panel.FrameCount >= frames + 4, Patience, "two blinks drawn while offline");
            WaitUntilShows(board, expected, "still its program while offline");

            broker.Start();
            using var back = new TestGateway(broker.Port);
            Wait.Until(() => board.Runtime.Link!.Connections >= 2, TimeSpan.FromSeconds(90), "reconnected (backoff at most 60 s)");
            back.WaitForStatus(files, s => s.ProgramSequence == 2000, Patience);
        }

        [TestMethod]
        public void Button_HeldWithBrokerDown_PresetShowsAndEventArrivesOnceBrokerIsBack()
        {
            using var broker = new Mosquitto();
            var files = new TestBoardFiles("lc-mlt-gate-2", NewFolder());
            RenderResult preset = TestGateway.Render("紧急 SOS", BulletinLevel.Emergency);
            using (var gateway = new TestGateway(broker.Port))
            {
                gateway.Publish(files.Topic("preset"), TestGateway.Preset(files, preset, 3000));
            }

            using SimulatedBoard board = StartBoard(files, broker);
            Wait.Until(() => { lock (board.Runtime.SyncRoot) { return board.Runtime.Receiver.Content.HasPreset; } }, Patience, "the preset held");
            broker.Stop();
            Wait.Until(() => !board.Runtime.Link!.IsConnected, Patience, "offline");

            board.Button.Set(true);
            Wait.Until(() => board.Runtime.LocalEmergency, Patience, "the emergency started by holding the button");
            board.Button.Set(false);
            WaitUntilShows(board, TestGateway.Pixels(preset), "the preset on the LEDs");

            broker.Start();
            using var back = new TestGateway(broker.Port);
            BoardEvent started = back.WaitForEvent(files, BoardEvent.CodeEmergencyStarted, TimeSpan.FromSeconds(90));
            Assert.AreEqual(BoardEvent.SourceButton, started.Detail);
            Assert.IsGreaterThan(0U, started.TimeUnixSeconds, "with network time the event says when");
            BoardStatus status = back.WaitForStatus(files, s => (s.Flags & BoardStatus.FlagLocalEmergency) != 0, Patience);
            Assert.AreEqual(ShowingCode.LocalEmergency, status.Showing);
        }

        [TestMethod]
        public void TamperedReplayedRolledBack_ChangeNothing()
        {
            using var broker = new Mosquitto();
            using var gateway = new TestGateway(broker.Port);
            var files = new TestBoardFiles("lc-mlt-gate-3", NewFolder());
            RenderResult current = TestGateway.Render("Hôm nay");
            RenderResult other = TestGateway.Render("Tin giả");
            byte[] older = TestGateway.Program(files, other, 4000);
            gateway.Publish(files.Topic("program"), TestGateway.Program(files, current, 4001));
            using SimulatedBoard board = StartBoard(files, broker);
            byte[] expected = TestGateway.Pixels(current);
            WaitUntilShows(board, expected, "the current program");

            byte[] tampered = TestGateway.Program(files, other, 4002);
            tampered[tampered.Length / 2] ^= 0x04;
            gateway.Publish(files.Topic("program"), tampered, retain: false);
            gateway.Publish(files.Topic("program"), older, retain: false);
            gateway.Publish(files.Topic("program"), TestGateway.Program(files, other, 4001), retain: false);

            gateway.WaitForEvent(files, BoardEvent.CodeMessageRejected, Patience, e => e.Detail == WireError.BadTag);
            gateway.WaitForEvent(files, BoardEvent.CodeMessageRejected, Patience, e => e.Detail == WireError.Replay && e.Sequence == 4000);
            gateway.WaitForEvent(files, BoardEvent.CodeMessageRejected, Patience, e => e.Detail == WireError.Rollback && e.Sequence == 4001);
            CollectionAssert.AreEqual(expected, board.Panel.Snapshot());
            lock (board.Runtime.SyncRoot)
            {
                Assert.AreEqual(4001UL, board.Runtime.Receiver.Content.ProgramSequence);
                Assert.AreEqual(3, board.Runtime.Receiver.RejectedCount);
            }
        }

        [TestMethod]
        public void PictogramBesideScrollingText_PictogramColumnsNeverChangeWhileTheTextMovesInTheWindow()
        {
            // A scroll beside a still frame (wire layout 3): the flood pictogram held at columns 0-16, the text strip
            // scrolling at 24 px/s in columns 17-63. Every frame the simulated LEDs show, from the first that shows the
            // program, must have the pictogram columns unchanged and a window that is the strip at some offset.
            using var broker = new Mosquitto();
            using var gateway = new TestGateway(broker.Port);
            var files = new TestBoardFiles("lc-mlt-gate-5", NewFolder());
            RenderResult rendered = TestGateway.RenderPictogramBesideScroll("Lũ quét: sơ tán ngay");
            IndexedBitmap still = rendered.Still!;
            IndexedBitmap strip = rendered.Strip!;
            Assert.AreEqual(17, still.Width);
            gateway.Publish(files.Topic("program"), TestGateway.Program(files, rendered, 6000));

            var shown = new System.Collections.Concurrent.ConcurrentQueue<byte[]>();
            using SimulatedBoard board = StartBoard(files, broker);
            board.Panel.FrameShown += frame => shown.Enqueue(frame);
            var windows = new System.Collections.Generic.HashSet<string>();
            bool started = false;
            int frames = 0;
            Wait.Until(() =>
            {
                while (shown.TryDequeue(out byte[]? frame))
                {
                    bool stillShown = ShowsStill(frame, still);
                    started |= stillShown;
                    if (!started)
                    {
                        continue; // dark until the retained program arrives
                    }

                    frames++;
                    Assert.IsTrue(stillShown, $"frame {frames}: the pictogram columns changed");
                    int offset = StripOffset(frame, strip, still.Width);
                    Assert.IsGreaterThanOrEqualTo(0, offset, $"frame {frames}: the window is not the strip at any offset");
                    windows.Add(Convert.ToHexString(Window(frame, still.Width)));
                }

                return windows.Count >= 12;
            }, Patience, "12 different windows of the scrolling text beside the still pictogram");

            Assert.IsGreaterThanOrEqualTo(windows.Count, frames, "the board shows a frame only when a pixel changed");
            gateway.WaitForStatus(files, s => s.ProgramSequence == 6000 && s.Showing == ShowingCode.ProgramItem, Patience);
        }

        /// <summary>True when panel columns 0..W0-1 of <paramref name="frame"/> (R, G, B, row-major, 64 px wide) are the still frame.</summary>
        private static bool ShowsStill(byte[] frame, IndexedBitmap still)
        {
            for (int y = 0; y < TestGateway.PanelHeight; y++)
            {
                for (int x = 0; x < still.Width; x++)
                {
                    if (Rgb(frame, x, y) != still.ColorAt(x, y))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The first offset o at which window column x (panel column W0 + x) shows strip column (o + x) mod S, or -1.</summary>
        private static int StripOffset(byte[] frame, IndexedBitmap strip, int left)
        {
            for (int o = 0; o < strip.Width; o++)
            {
                bool all = true;
                for (int y = 0; y < TestGateway.PanelHeight && all; y++)
                {
                    for (int x = left; x < TestGateway.PanelWidth && all; x++)
                    {
                        all = Rgb(frame, x, y) == strip.ColorAt((o + x - left) % strip.Width, y);
                    }
                }

                if (all)
                {
                    return o;
                }
            }

            return -1;
        }

        private static byte[] Window(byte[] frame, int left)
        {
            var window = new System.Collections.Generic.List<byte>();
            for (int y = 0; y < TestGateway.PanelHeight; y++)
            {
                window.AddRange(frame.AsSpan(((y * TestGateway.PanelWidth) + left) * 3, (TestGateway.PanelWidth - left) * 3).ToArray());
            }

            return window.ToArray();
        }

        private static uint Rgb(byte[] frame, int x, int y)
        {
            int p = ((y * TestGateway.PanelWidth) + x) * 3;
            return ((uint)frame[p] << 16) | ((uint)frame[p + 1] << 8) | frame[p + 2];
        }
    }
}
