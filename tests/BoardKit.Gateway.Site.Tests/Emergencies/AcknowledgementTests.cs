using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Site.Audit;
using BoardKit.Gateway.Site.Emergencies;
using BoardKit.Gateway.Site.Signing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Emergencies
{
    /// <summary>
    /// A board's acknowledgements come from the whole board (the firmware core's BoardRuntime with its board.json and
    /// board.key on RAM flash): the events it queues when the site alert goes on screen and when the clear ends it are
    /// what the gateway records.
    /// </summary>
    [TestClass]
    public sealed class AcknowledgementTests
    {
        private sealed class NoLeds : IPixelSink
        {
            public void Show(byte[] wire, int length)
            {
            }
        }

        private static BoardRuntime WholeBoard(EmergencyKit kit, string boardId)
        {
            var files = new MemoryFileStore();
            byte[] json = Encoding.UTF8.GetBytes(SiteKit.BoardJson(boardId));
            files.Write(BoardSetup.ConfigFile, json, json.Length);
            byte[] key = Encoding.UTF8.GetBytes("{\"format\":1,\"board\":\"" + boardId + "\",\"keys\":[{\"id\":1,\"key\":\"" + Convert.ToHexString(kit.Site.BoardKeys[(boardId, 1)]) + "\"}]}");
            files.Write(BoardSetup.KeyFile, key, key.Length);
            BoardSetup setup = BoardSetup.Load(files, new BoardConfig());
            Assert.IsTrue(setup.CanRun, setup.Message);
            var board = new BoardRuntime(setup, new IPixelSink[] { new NoLeds() }, null, files, null, 0x5EED5EED5EED5EED, "test");
            board.Boot(0);
            return board;
        }

        /// <summary>Takes the board's queued events (what its link would publish, signed) and returns those of <paramref name="code"/>.</summary>
        private static BoardEvent[] Take(BoardRuntime board, int code)
        {
            var taken = new System.Collections.Generic.List<BoardEvent>();
            while (board.Outbox.Count > 0)
            {
                var copy = new BoardEvent();
                copy.CopyFrom(board.Outbox.Oldest);
                board.Outbox.RemoveOldest();
                if (copy.Code == code)
                {
                    taken.Add(copy);
                }
            }

            return taken.ToArray();
        }

        [TestMethod]
        public async Task BoardEvents_AlertShownAndEnded_RecordedWithTheEmergencyAndShownInStatus()
        {
            using var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");
            BoardRuntime board = WholeBoard(kit, "mlt-a");
            long networkMs = kit.Now.ToUnixTimeMilliseconds();

            EmergencyResult started = await kit.Emergency.StartAsync(EmergencyTexts.Of("KHẨN CẤP"), null, "cli:guard");
            SignedMessage alert = kit.Publisher.For("mlt-a").Single();
            Assert.AreEqual(WireError.None, board.OnMessage((byte[])alert.Payload.Clone(), alert.Payload.Length, 40));
            board.Step(80, networkMs);
            BoardEvent shown = Take(board, BoardEvent.CodeAlertShown).Single();
            Assert.AreEqual(alert.Sequence, shown.Sequence);

            AuditEntry? ack = kit.Emergency.RecordAcknowledgement("mlt-a", shown, kit.Now);

            Assert.IsNotNull(ack);
            Assert.AreEqual(("ack", "board:mlt-a", started.EmergencyId), (ack.Action, ack.Actor, ack.EmergencyId));
            Assert.AreEqual(new AuditBoard("mlt-a", alert.Sequence, "shown"), ack.Boards.Single());
            Assert.AreEqual(kit.Now, kit.Emergency.Status().Boards.Single().ShownUtc);

            kit.Now += TimeSpan.FromMinutes(5);
            await kit.Emergency.ClearAsync("cli:guard");
            SignedMessage clear = kit.Publisher.For("mlt-a").Last();
            Assert.AreEqual(WireError.None, board.OnMessage((byte[])clear.Payload.Clone(), clear.Payload.Length, 120));
            BoardEvent ended = Take(board, BoardEvent.CodeAlertEnded).Single();
            Assert.AreEqual(alert.Sequence, ended.Sequence, "the board reports the alert's sequence, not the clear's");

            AuditEntry? endAck = kit.Emergency.RecordAcknowledgement("mlt-a", ended, kit.Now);

            Assert.AreEqual("ended", endAck!.Boards.Single().Outcome);
            Assert.AreEqual(kit.Now, kit.Emergency.Status().Boards.Single().EndedUtc);
            Assert.IsTrue(kit.Audit.Verify().Ok);
            CollectionAssert.AreEqual(new[] { "start", "ack", "clear", "ack" }, kit.Audit.Read().Select(e => e.Action).ToArray());
        }

        [TestMethod]
        public void OtherEventCodes_AreNotAcknowledgements_NothingRecorded()
        {
            using var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");

            Assert.IsNull(kit.Emergency.RecordAcknowledgement("mlt-a", new BoardEvent { Code = BoardEvent.CodeBooted }, kit.Now));
            Assert.IsNull(kit.Emergency.RecordAcknowledgement("mlt-a", new BoardEvent { Code = BoardEvent.CodeMessageRejected, Sequence = 5 }, kit.Now));
            Assert.AreEqual(0, kit.Audit.Read().Count);
        }

        [TestMethod]
        public void Acknowledgement_OfAnAlertTheGatewayDidNotSend_RecordedWithoutAnEmergency()
        {
            using var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");

            AuditEntry? ack = kit.Emergency.RecordAcknowledgement("mlt-a", new BoardEvent { Code = BoardEvent.CodeAlertShown, Sequence = 42, TimeUnixSeconds = 1795305600 }, kit.Now);

            Assert.IsNull(ack!.EmergencyId);
            StringAssert.Contains(ack.Summary, "not an alert of a site emergency");
            StringAssert.Contains(ack.Summary, "board time 2026-11-22 00:00:00Z");
        }
    }
}
