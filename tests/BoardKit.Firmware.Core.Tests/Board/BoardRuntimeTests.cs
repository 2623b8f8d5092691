using System;
using System.Linq;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Tests.Fakes;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Board
{
    [TestClass]
    public sealed class BoardRuntimeTests
    {
        private const int Amber = 0xFFA501; // the vector frame's palette entry 1

        private static RuntimeKit Booted(RuntimeKit? kit = null)
        {
            kit ??= new RuntimeKit();
            kit.Runtime.Boot(0);
            return kit;
        }

        private static FakeMqttPort.Published[] Events(RuntimeKit kit) => kit.Port.Messages.Where(m => m.Topic.EndsWith("/event", StringComparison.Ordinal)).ToArray();

        [TestMethod]
        public void Connect_FirstStatusThenBootedEvent_SignedForThisBootAndLastWillSet()
        {
            RuntimeKit kit = Booted();
            kit.Run(0, 100);
            FakeMqttPort port = kit.Port;
            Assert.AreEqual("lc-mlt-gate-1", port.ClientId);
            Assert.AreEqual("boardkit/v1/lc-mlt/lc-mlt-gate-1/status", port.WillTopic);
            Assert.AreEqual("offline", port.WillMessage);
            Assert.IsTrue(port.CleanSession);
            Assert.AreEqual(60, port.KeepAlive);
            CollectionAssert.AreEqual(new[] { "program", "alert", "preset", "frame", "cmd" }, port.Subscribed.Select(t => t.Split('/')[^1]).ToArray());

            Assert.IsGreaterThanOrEqualTo(2, port.Messages.Count);
            FakeMqttPort.Published status = port.Messages[0];
            Assert.EndsWith("/status", status.Topic, "status before events");
            Assert.IsTrue(status.Retain);
            Assert.AreEqual(1, status.Qos);
            EnvelopeHeader h = RuntimeKit.OpenFromBoard(status.Payload);
            Assert.AreEqual(RuntimeKit.Nonce, h.Session);
            Assert.AreEqual(1UL, h.Sequence);
            BoardStatus s = RuntimeKit.ReadStatus(status.Payload);
            Assert.AreEqual("test-1.0", s.GetFirmwareVersion());
            Assert.AreEqual(1, s.KeyIdCount);
            Assert.AreEqual(0U, s.Epoch);
            Assert.AreEqual(ShowingCode.Dark, s.Showing);

            FakeMqttPort.Published booted = Events(kit)[0];
            Assert.AreEqual(BoardEvent.CodeBooted, RuntimeKit.ReadEvent(booted.Payload).Code);
            Assert.IsFalse(booted.Retain);
            Assert.AreEqual(2UL, RuntimeKit.OpenFromBoard(booted.Payload).Sequence, "one counter for status and events");
            Assert.AreEqual(0, kit.Runtime.Outbox.Count);
        }

        [TestMethod]
        public void OnMessage_Program_ItsPixelsReachTheLeds()
        {
            RuntimeKit kit = Booted();
            Assert.AreEqual(WireError.None, kit.Receive(RuntimeKit.Program(10)));
            kit.Run(0, 40);
            Assert.AreEqual(Amber, kit.LedColour(0), "pixel (0,0) lit: bit 7 of 0x80");
            Assert.AreEqual(0, kit.LedColour(1));
            Assert.AreEqual(Amber, kit.LedColour(15), "pixel (15,0): bit 0 of 0x01");
            Assert.AreEqual(Amber, kit.LedColour((3 * 16) + 0), "row 3: A5");
            Assert.AreEqual(0, kit.LedColour((3 * 16) + 1));
            BoardStatus s = RuntimeKit.ReadStatus(kit.Port.Messages.Last(m => m.Topic.EndsWith("/status")).Payload);
            Assert.AreEqual(10UL, s.ProgramSequence);
            Assert.AreEqual(0, s.ProgramItemIndex);
            Assert.AreEqual(ShowingCode.ProgramItem, s.Showing);
            Assert.IsGreaterThan(0U, s.LedCurrentMa);
        }

        [TestMethod]
        public void Button_HeldWhileOffline_EmergencyShownAndEventDeliveredOnceConnectedEvenAfterAReboot()
        {
            RuntimeKit kit = Booted();
            kit.Port.BrokerUp = false;
            kit.Receive(RuntimeKit.Program(10));
            kit.Button.IsPressed = true;
            kit.Run(0, 2200);
            Assert.IsTrue(kit.Runtime.LocalEmergency);
            Assert.AreEqual(ShowingCode.LocalEmergency, kit.Runtime.Player.Showing);
            Assert.AreEqual(0, kit.Port.Messages.Count, "the broker is down");
            kit.Button.IsPressed = false;

            // Power cut before the link came back: the emergency and its event survive on flash.
            var rebooted = new RuntimeKit(kit.Files, nonce: 0x99);
            rebooted.Runtime.Boot(0);
            Assert.IsTrue(rebooted.Runtime.LocalEmergency, "still on after the power cut");
            rebooted.Run(0, 100);
            BoardEvent[] events = Events(rebooted).Select(m => RuntimeKit.ReadEvent(m.Payload)).ToArray();
            BoardEvent started = events.Single(e => e.Code == BoardEvent.CodeEmergencyStarted);
            Assert.AreEqual(BoardEvent.SourceButton, started.Detail);
            Assert.AreEqual(2U, started.UptimeSeconds, "the uptime of the boot it happened in");
            Assert.IsFalse(rebooted.Files.Read(LocalStateFile.FileName)!.Length > 13, "delivered: no event left on flash");
            Assert.IsTrue(RuntimeKit.ReadStatus(rebooted.Port.Messages[0].Payload).Has(BoardStatus.TagFlags));
            Assert.AreEqual(BoardStatus.FlagLocalEmergency, RuntimeKit.ReadStatus(rebooted.Port.Messages[0].Payload).Flags & BoardStatus.FlagLocalEmergency);

            // A second hold ends it.
            rebooted.Button.IsPressed = true;
            rebooted.Run(200, 2400);
            Assert.IsFalse(rebooted.Runtime.LocalEmergency);
            Assert.IsTrue(Events(rebooted).Any(m => RuntimeKit.ReadEvent(m.Payload).Code == BoardEvent.CodeEmergencyEnded));
            Assert.AreEqual(ShowingCode.ProgramItem, rebooted.Runtime.Player.Showing, "back to the program");
        }

        [TestMethod]
        public void Button_ShortPress_NeverStartsTheEmergency()
        {
            RuntimeKit kit = Booted();
            kit.Button.IsPressed = true;
            kit.Run(0, 1500);
            kit.Button.IsPressed = false;
            kit.Run(1520, 4000);
            Assert.IsFalse(kit.Runtime.LocalEmergency);
            BoardEvent[] events = Events(kit).Select(m => RuntimeKit.ReadEvent(m.Payload)).ToArray();
            Assert.IsTrue(events.Any(e => e.Code == BoardEvent.CodeButtonPressed), "counted and reported");
            Assert.IsFalse(events.Any(e => e.Code == BoardEvent.CodeEmergencyStarted));
        }

        [TestMethod]
        public void Commands_EndEmergencyBrightnessRebootRequestStatus_CarriedOutAndReported()
        {
            RuntimeKit kit = Booted();
            kit.Receive(RuntimeKit.Program(10));
            kit.Button.IsPressed = true;
            kit.Run(0, 2100);
            kit.Button.IsPressed = false;
            Assert.IsTrue(kit.Runtime.LocalEmergency);

            Assert.AreEqual(WireError.None, kit.Receive(RuntimeKit.Command(new Command { Code = Command.CodeEndLocalEmergency }, 1)));
            Assert.IsFalse(kit.Runtime.LocalEmergency, "a remote end for a button pressed by mistake");
            Assert.AreEqual(WireError.None, kit.Receive(RuntimeKit.Command(new Command { Code = Command.CodeBrightness, BrightnessMode = Command.BrightnessModePercent, BrightnessValue = 50 }, 2)));
            kit.Run(2120, 2200);
            Assert.AreEqual(128, kit.Runtime.Output.AppliedBrightness, "50 % = 127.5, rounded half up");
            Assert.AreEqual(0x80, kit.LedColour(0) >> 16, "LED red channel at 255 x 128 / 255");
            Assert.AreEqual(WireError.None, kit.Receive(RuntimeKit.Command(new Command { Code = Command.CodeReboot }, 3)));
            Assert.IsTrue(kit.Runtime.RebootRequested);
            kit.Run(2220, 2300);
            BoardEvent[] done = Events(kit).Select(m => RuntimeKit.ReadEvent(m.Payload)).Where(e => e.Code == BoardEvent.CodeCommandDone).ToArray();
            CollectionAssert.AreEqual(new[] { Command.CodeEndLocalEmergency, Command.CodeBrightness, Command.CodeReboot }, done.Select(e => e.Detail).ToArray());
            CollectionAssert.AreEqual(new ulong[] { 1, 2, 3 }, done.Select(e => e.Sequence).ToArray());
            BoardEvent ended = Events(kit).Select(m => RuntimeKit.ReadEvent(m.Payload)).Single(e => e.Code == BoardEvent.CodeEmergencyEnded);
            Assert.AreEqual(BoardEvent.SourceCommand, ended.Detail);
        }

        [TestMethod]
        [DataRow(false, true, "C01")]
        [DataRow(true, false, "K01")]
        public void Boot_MissingFile_ShowsItsCodeAcceptsNothingStaysOffline(bool withConfig, bool withKey, string code)
        {
            var kit = new RuntimeKit(config: withConfig ? null : "", withKey: withKey);
            if (!withConfig)
            {
                kit.Files.Delete(BoardSetup.ConfigFile);
                kit = new RuntimeKit(kit.Files);
            }

            kit.Runtime.Boot(0);
            Assert.IsFalse(kit.Setup.CanRun);
            Assert.AreEqual(code, kit.Setup.DiagnosticCode);
            kit.Run(0, 200);
            Assert.AreEqual(ShowingCode.Diagnostic, kit.Runtime.Player.Showing);
            Assert.IsGreaterThan(0, Enumerable.Range(0, 64).Count(i => kit.LedColour(i) != 0), "the code is drawn");
            Assert.AreEqual(0, kit.Port.ConnectAttempts, "no key: no connection");
            Assert.AreNotEqual(WireError.None, kit.Receive(RuntimeKit.Program(10)));
            Assert.IsFalse(kit.Runtime.Receiver.Content.HasProgram);
        }

        [TestMethod]
        public void Boot_InvalidKeyFile_ShowsK15ForThePublishedKey()
        {
            var kit = new RuntimeKit(withKey: false);
            byte[] weak = System.Text.Encoding.UTF8.GetBytes("{\"format\":1,\"board\":\"lc-mlt-gate-1\",\"keys\":[{\"id\":1,\"key\":\"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\"}]}");
            kit.Files.Write(BoardSetup.KeyFile, weak, weak.Length);
            var board = new RuntimeKit(kit.Files);
            Assert.AreEqual("K15", board.Setup.DiagnosticCode);
        }

        [TestMethod]
        public void Link_BrokerDown_RetriesWithGrowingJitteredWaits()
        {
            RuntimeKit kit = Booted();
            kit.Port.BrokerUp = false;
            var attempts = new System.Collections.Generic.List<long>();
            int seen = 0;
            for (long t = 0; t <= 400000; t += 100)
            {
                kit.Runtime.NetworkStep(t);
                if (kit.Port.ConnectAttempts > seen)
                {
                    seen = kit.Port.ConnectAttempts;
                    attempts.Add(t);
                }
            }

            long[] waits = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToArray();
            Assert.IsGreaterThan(6, waits.Length);
            long nominal = BoardLink.FirstRetryMs;
            foreach (long wait in waits)
            {
                Assert.IsLessThanOrEqualTo(nominal + 100, wait, "never longer than the doubling wait");
                Assert.IsGreaterThanOrEqualTo(nominal - (nominal / 4) - 100, wait, "shortened by at most a quarter");
                nominal = Math.Min(nominal * 2, BoardLink.MaxRetryMs);
            }

            Assert.IsLessThanOrEqualTo(BoardLink.MaxRetryMs + 100, waits[^1]);
            kit.Port.BrokerUp = true;
            kit.Run(400100, 470000);
            Assert.AreEqual(1, kit.Runtime.Link!.Connections);
        }

        [TestMethod]
        public void Alert_ExpiresWhileShown_AlertEndedEventAndTimeCheckpointed()
        {
            RuntimeKit kit = Booted();
            long utcMs = RuntimeKit.T * 1000L;
            kit.Receive(RuntimeKit.Program(10));
            Assert.AreEqual(WireError.None, kit.Receive(RuntimeKit.Alert(20, validUntil: RuntimeKit.T + 2)));
            kit.Run(0, 1000, utcMs);
            Assert.AreEqual(ShowingCode.Alert, kit.Runtime.Player.Showing);
            kit.Run(1020, 3000, utcMs);
            Assert.AreEqual(ShowingCode.ProgramItem, kit.Runtime.Player.Showing, "expired: back to the program");
            BoardEvent[] events = Events(kit).Select(m => RuntimeKit.ReadEvent(m.Payload)).ToArray();
            Assert.AreEqual(20UL, events.Single(e => e.Code == BoardEvent.CodeAlertShown).Sequence);
            Assert.AreEqual(20UL, events.Single(e => e.Code == BoardEvent.CodeAlertEnded).Sequence);

            var offline = new RuntimeKit(kit.Files, nonce: 5);
            offline.Runtime.Boot(0);
            offline.Run(0, 100);
            Assert.AreEqual(ShowingCode.ProgramItem, offline.Runtime.Player.Showing, "the expired alert does not come back without network time");
        }

        [TestMethod]
        public void PowerBudget_SmallSupply_BrightnessLimitedAndReported()
        {
            var kit = Booted(new RuntimeKit(supplyMilliamps: 500));
            byte[] bright = RuntimeKit.Program(10, 0xFF);
            kit.Receive(bright);
            kit.Run(0, 200);
            Assert.IsTrue(kit.Runtime.Output.BudgetLimited);
            Assert.IsLessThanOrEqualTo(500, kit.Runtime.Output.EstimatedCurrentMa);
            BoardStatus s = RuntimeKit.ReadStatus(kit.Port.Messages.Last(m => m.Topic.EndsWith("/status")).Payload);
            Assert.AreEqual(BoardStatus.FlagPowerLimited, s.Flags & BoardStatus.FlagPowerLimited);
            Assert.AreEqual((uint)kit.Runtime.Output.EstimatedCurrentMa, s.LedCurrentMa);
        }

        [TestMethod]
        public void Step_ScrollingProgram_AllocatesNothing()
        {
            RuntimeKit kit = Booted();
            kit.Port.BrokerUp = false;
            kit.Receive(RuntimeKit.Program(10, 0x80, blinkMs: 1000, layout: ProgramItem.LayoutScroll));
            kit.Run(0, 2000);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (long t = 2000; t < 12000; t += 20)
            {
                kit.Runtime.Step(t, 0);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.IsGreaterThan(100, kit.Leds.Frames);
        }
    }
}
