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
    }
}
