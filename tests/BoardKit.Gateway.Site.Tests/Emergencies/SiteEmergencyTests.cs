using System;
using System.Linq;
using System.Threading.Tasks;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Site.Audit;
using BoardKit.Gateway.Site.Emergencies;
using BoardKit.Gateway.Site.Signing;
using Microsoft.Data.Sqlite;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Emergencies
{
    /// <summary>
    /// The site emergency end to end on the gateway side: real site database, real renderer and fonts, real signer;
    /// what is published is delivered to each board's receive path (the firmware core), which must accept it.
    /// </summary>
    [TestClass]
    public sealed class SiteEmergencyTests
    {
        private static readonly EmergencyTexts Texts = EmergencyTexts.Of("KHẨN CẤP: đóng cửa khẩu", "紧急情况：口岸关闭");

        private static EmergencyKit BorderGate()
        {
            var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");
            kit.AddBoard("mlt-b", "B");
            return kit;
        }

        private static FrameHeader Decode(ContentReceiver board, int frame, out byte[] pixels)
        {
            var header = new FrameHeader();
            pixels = new byte[WireLimits.MaxFrameRawBytes];
            Assert.IsTrue(board.Content.TryDecodeFrame(HeldContent.ItemAlert, frame, header, pixels, out int error), WireError.Describe(error));
            return header;
        }

        [TestMethod]
        public async Task Start_BothFaces_EachSignedWithItsOwnKey_RetainedOnItsAlertTopic_AcceptedAndActive()
        {
            using EmergencyKit kit = BorderGate();
            ContentReceiver a = kit.Board("mlt-a");
            ContentReceiver b = kit.Board("mlt-b");

            EmergencyResult result = await kit.Emergency.StartAsync(Texts, null, "cli:guard");

            Assert.IsTrue(result.AllQueued);
            CollectionAssert.AreEqual(new[] { "mlt-a", "mlt-b" }, kit.Publisher.Messages.Select(m => m.BoardId).ToArray());
            foreach ((string id, ContentReceiver board) in new[] { ("mlt-a", a), ("mlt-b", b) })
            {
                SignedMessage alert = kit.Publisher.For(id).Single();
                Assert.AreEqual($"boardkit/v1/lc-mlt/{id}/alert", alert.Topic);
                Assert.AreEqual((MessageKind.Alert, 1, true), (alert.Kind, alert.Qos, alert.Retain));
                Assert.AreEqual(WireError.None, kit.Deliver(board, alert));
                Assert.IsTrue(board.Content.IsAlertActiveAt(kit.NowSeconds));
                Assert.AreEqual(alert.Sequence, board.Content.AlertSequence);
                Assert.AreEqual(result.Boards.Single(o => o.BoardId == id).Sequence, alert.Sequence);
            }

            Assert.AreEqual(WireError.WrongBoard, kit.Deliver(kit.Board("mlt-b"), kit.Publisher.For("mlt-a")[0]), "signed for face A only");
            Assert.IsTrue(kit.Emergency.IsActive);
        }

        [TestMethod]
        public async Task Start_TheAlertIsTheEmergencyStyle_RedBlinkingPagesPerLanguage_ForEachPanelSize()
        {
            using var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A", 64, 16, "vi", "zh");
            kit.AddBoard("hall", null, 64, 32, "vi");
            ContentReceiver gate = kit.Board("mlt-a");
            ContentReceiver hall = kit.Board("hall");

            await kit.Emergency.StartAsync(Texts, null, "cli:guard");
            Assert.AreEqual(WireError.None, kit.Deliver(gate, kit.Publisher.For("mlt-a").Single()));
            Assert.AreEqual(WireError.None, kit.Deliver(hall, kit.Publisher.For("hall").Single()));

            foreach ((ContentReceiver board, int width, int height) in new[] { (gate, 64, 16), (hall, 64, 32) })
            {
                ProgramItem item = board.Content.Alert;
                Assert.AreEqual(ProgramItem.LayoutPage, item.Layout);
                Assert.AreEqual(2, item.Level, "emergency level");
                Assert.AreEqual(1000, item.BlinkPeriodMs);
                for (int f = 0; f < item.FrameCount; f++)
                {
                    FrameHeader header = Decode(board, f, out _);
                    Assert.AreEqual((width, height), (header.Width, header.Height));
                    Assert.IsTrue(Enumerable.Range(0, header.Palette.Length / 3).Any(i => header.Palette[3 * i] == 0xFF && header.Palette[(3 * i) + 1] == 0 && header.Palette[(3 * i) + 2] == 0), "red text");
                }
            }

            // The gate shows Vietnamese then Chinese pages; the commune hall lists only Vietnamese, and has room for more per page.
            Assert.IsTrue(gate.Content.Alert.FrameCount > hall.Content.Alert.FrameCount, $"{gate.Content.Alert.FrameCount} pages vs {hall.Content.Alert.FrameCount}");
        }

        [TestMethod]
        public async Task Start_MissingGlyph_RefusedBeforeAnythingIsSigned_NamesTheCharacter_RecordedAsRefused()
        {
            using EmergencyKit kit = BorderGate();

            var refused = await Assert.ThrowsExactlyAsync<EmergencyRefusedException>(() =>
                kit.Emergency.StartAsync(EmergencyTexts.Of("Lũ quét 🐃 sơ tán ngay"), null, "cli:guard"));

            StringAssert.Contains(refused.Message, "U+1F403 WATER BUFFALO");
            Assert.AreEqual(0, kit.Publisher.Messages.Count);
            Assert.AreEqual(0ul, kit.Site.Sequences.Last("mlt-a", SequenceStream.Alert), "no sequence used");
            Assert.IsFalse(kit.Emergency.IsActive);
            AuditEntry entry = kit.Audit.Read().Single();
            Assert.AreEqual(("start-refused", "cli:guard"), (entry.Action, entry.Actor));
            StringAssert.Contains(entry.Summary, "U+1F403");
        }

        [TestMethod]
        public async Task Start_TooLongForAnAlert_RefusedWithTheLimit_NothingSent()
        {
            using EmergencyKit kit = BorderGate();
            string tooLong = string.Join(" ", Enumerable.Repeat("Đề nghị người dân sơ tán khỏi khu vực cửa khẩu ngay lập tức.", 30));

            var refused = await Assert.ThrowsExactlyAsync<EmergencyRefusedException>(() => kit.Emergency.StartAsync(EmergencyTexts.Of(tooLong), null, "cli:guard"));

            StringAssert.Contains(refused.Message, "64x16");
            Assert.AreEqual(0, kit.Publisher.Messages.Count);
        }

        [TestMethod]
        public async Task Start_EndInThePast_OrSiteWithoutBoards_Refused()
        {
            using EmergencyKit kit = BorderGate();
            await Assert.ThrowsExactlyAsync<EmergencyRefusedException>(() => kit.Emergency.StartAsync(Texts, kit.Now.AddMinutes(-1), "cli:guard"));

            using var empty = new EmergencyKit();
            var refused = await Assert.ThrowsExactlyAsync<EmergencyRefusedException>(() => empty.Emergency.StartAsync(Texts, null, "cli:guard"));
            StringAssert.Contains(refused.Message, "no boards");
        }

        [TestMethod]
        public async Task Start_OneBoardsKeyCannotBeOpened_OthersQueued_FailureReportedAndRecorded()
        {
            using EmergencyKit kit = BorderGate();
            kit.AddBoard("mlt-c", "C");
            using (var connection = new SqliteConnection($"Data Source={kit.Site.DatabasePath};Pooling=False"))
            {
                connection.Open();
                using SqliteCommand damage = connection.CreateCommand();
                damage.CommandText = "UPDATE board_keys SET sealed = randomblob(60) WHERE board_id = 'mlt-b'";
                damage.ExecuteNonQuery();
            }

            EmergencyResult result = await kit.Emergency.StartAsync(Texts, null, "button:gpio17");

            Assert.IsFalse(result.AllQueued);
            CollectionAssert.AreEqual(new[] { "mlt-a", "mlt-c" }, kit.Publisher.Messages.Select(m => m.BoardId).ToArray(), "the boards after the failing one still get theirs");
            BoardOutcome failed = result.Boards.Single(o => o.BoardId == "mlt-b");
            Assert.AreEqual(0ul, failed.Sequence);
            StringAssert.StartsWith(failed.Error, "not signed:");
            Assert.AreEqual(WireError.None, kit.Deliver(kit.Board("mlt-c"), kit.Publisher.For("mlt-c").Single()));

            AuditEntry entry = kit.Audit.Read().Single();
            Assert.AreEqual(("start", "button:gpio17", result.EmergencyId), (entry.Action, entry.Actor, entry.EmergencyId));
            CollectionAssert.AreEqual(new[] { "queued", "failed", "queued" }, entry.Boards.Select(b => b.Outcome.Split(':')[0]).ToArray());
            Assert.AreEqual(kit.Publisher.For("mlt-a")[0].Sequence, entry.Boards[0].Sequence);
            StringAssert.Contains(kit.Emergency.Status().Boards.Single(b => b.BoardId == "mlt-b").Error, "not signed");
        }

        [TestMethod]
        public async Task Start_OutgoingQueueFullForOneBoard_ReportedWithTheSequenceUsed()
        {
            using EmergencyKit kit = BorderGate();
            kit.Publisher.RefuseFor.Add("mlt-a");

            EmergencyResult result = await kit.Emergency.StartAsync(Texts, null, "cli:guard");

            BoardOutcome a = result.Boards.Single(o => o.BoardId == "mlt-a");
            Assert.AreEqual(kit.Site.Sequences.Last("mlt-a", SequenceStream.Alert), a.Sequence);
            StringAssert.StartsWith(a.Error, $"signed as {a.Sequence} but not queued:");
            Assert.IsTrue(result.Boards.Single(o => o.BoardId == "mlt-b").Queued);
        }

        [TestMethod]
        public async Task Clear_OneAction_EveryBoardEndsItsAlert_AndTheStartCannotBeReplayed()
        {
            using EmergencyKit kit = BorderGate();
            ContentReceiver a = kit.Board("mlt-a");
            ContentReceiver b = kit.Board("mlt-b");
            await kit.Emergency.StartAsync(Texts, null, "cli:guard");
            SignedMessage startA = kit.Publisher.For("mlt-a")[0];
            kit.Deliver(a, startA);
            kit.Deliver(b, kit.Publisher.For("mlt-b")[0]);
            kit.Now += TimeSpan.FromMinutes(20);

            EmergencyResult cleared = await kit.Emergency.ClearAsync("button:gpio17");

            Assert.IsTrue(cleared.AllQueued);
            foreach ((string id, ContentReceiver board) in new[] { ("mlt-a", a), ("mlt-b", b) })
            {
                SignedMessage clear = kit.Publisher.For(id).Last();
                Assert.AreEqual((MessageKind.AlertClear, $"boardkit/v1/lc-mlt/{id}/alert", true), (clear.Kind, clear.Topic, clear.Retain));
                Assert.AreEqual(WireError.None, kit.Deliver(board, clear));
                Assert.IsFalse(board.Content.IsAlertActiveAt(kit.NowSeconds));
            }

            Assert.AreEqual(WireError.Replay, kit.Deliver(a, startA), "the captured alert is dead once the clear is in");
            Assert.IsFalse(kit.Emergency.IsActive);
            AuditEntry entry = kit.Audit.Read().Last();
            Assert.AreEqual(("clear", "button:gpio17", cleared.EmergencyId), (entry.Action, entry.Actor, entry.EmergencyId));
            Assert.AreEqual("button:gpio17", kit.Emergency.Status().Emergency!.EndedBy);
        }

        [TestMethod]
        public async Task Clear_WithNoEmergencyKnown_StillClearsEveryBoard()
        {
            using EmergencyKit kit = BorderGate();

            EmergencyResult cleared = await kit.Emergency.ClearAsync("cli:root");

            Assert.IsNull(cleared.EmergencyId);
            Assert.AreEqual(2, kit.Publisher.Messages.Count(m => m.Kind == MessageKind.AlertClear));
            StringAssert.Contains(kit.Audit.Read().Single().Summary, "no emergency was active");
        }

        [TestMethod]
        public async Task Until_WithinSevenDays_IsTheAlertsExpiry_BoardDropsItThen()
        {
            using EmergencyKit kit = BorderGate();
            ContentReceiver a = kit.Board("mlt-a");
            DateTimeOffset until = kit.Now.AddHours(6);

            await kit.Emergency.StartAsync(Texts, until, "cli:guard");
            kit.Deliver(a, kit.Publisher.For("mlt-a")[0]);

            Assert.AreEqual(until.ToUnixTimeSeconds(), a.Content.AlertExpiresAt);
            Assert.IsNull(kit.Emergency.Status().NextReissueUtc, "it ends before the boards' limit: no re-issue");
            kit.Now = until;
            Assert.IsFalse(a.Content.IsAlertActiveAt(kit.NowSeconds));
            Assert.IsFalse(kit.Emergency.IsActive);
        }

        [TestMethod]
        public async Task LongEmergency_ReissuedADayBeforeTheBoardsSevenDayLimit_BoardKeepsShowingIt()
        {
            using EmergencyKit kit = BorderGate();
            ContentReceiver a = kit.Board("mlt-a");
            DateTimeOffset started = kit.Now;
            await kit.Emergency.StartAsync(Texts, started.AddDays(30), "cli:guard");
            SignedMessage first = kit.Publisher.For("mlt-a").Single();
            kit.Deliver(a, first);
            Assert.AreEqual(started.AddDays(7).ToUnixTimeSeconds(), a.Content.AlertExpiresAt, "a board holds an alert 7 days at most");
            Assert.AreEqual(started.AddDays(6), kit.Emergency.Status().NextReissueUtc);

            kit.Now = started.AddDays(6).AddMinutes(-1);
            Assert.IsNull(await kit.Emergency.ReissueIfDueAsync());
            kit.Reopen(); // a gateway restart in between loses nothing
            kit.Now = started.AddDays(6).AddMinutes(1);
            EmergencyResult? again = await kit.Emergency.ReissueIfDueAsync();

            Assert.IsNotNull(again);
            Assert.IsTrue(again.AllQueued);
            SignedMessage second = kit.Publisher.For("mlt-a").Last();
            Assert.IsTrue(second.Sequence > first.Sequence);
            Assert.AreEqual(WireError.None, kit.Deliver(a, second));
            kit.Now = started.AddDays(7).AddHours(12);
            Assert.IsTrue(a.Content.IsAlertActiveAt(kit.NowSeconds), "past the first alert's limit, the re-issued one plays");
            Assert.AreEqual(started.AddDays(12).AddMinutes(1), kit.Emergency.Status().NextReissueUtc);
            Assert.AreEqual("reissue", kit.Audit.Read().Last().Action);
            Assert.IsNull(await kit.Emergency.ReissueIfDueAsync(), "once per period");
        }

        [TestMethod]
        public async Task Start_WhileOneIsOn_ReplacesIt_BoardsTakeTheNewer()
        {
            using EmergencyKit kit = BorderGate();
            ContentReceiver a = kit.Board("mlt-a");
            EmergencyResult first = await kit.Emergency.StartAsync(EmergencyTexts.Of("KHẨN CẤP"), null, "button:gpio17");
            kit.Deliver(a, kit.Publisher.For("mlt-a")[0]);
            kit.Now += TimeSpan.FromSeconds(30);

            EmergencyResult second = await kit.Emergency.StartAsync(Texts, null, "cli:guard");

            Assert.AreEqual(WireError.None, kit.Deliver(a, kit.Publisher.For("mlt-a").Last()));
            Assert.AreEqual(second.Boards[0].Sequence, a.Content.AlertSequence);
            Assert.AreEqual(second.EmergencyId, kit.Emergency.Status().Emergency!.Id);
            Assert.AreEqual($"replaced by #{second.EmergencyId}", kit.Store.Find(first.EmergencyId!.Value)!.EndedBy);
            StringAssert.Contains(kit.Audit.Read().Last().Summary, $"replaces #{first.EmergencyId}");
        }

        [TestMethod]
        public async Task EveryAction_LeavesAVerifiedChain()
        {
            using EmergencyKit kit = BorderGate();
            await kit.Emergency.StartAsync(Texts, null, "cli:guard");
            await Assert.ThrowsExactlyAsync<EmergencyRefusedException>(() => kit.Emergency.StartAsync(EmergencyTexts.Of("🐃"), null, "cli:guard"));
            await kit.Emergency.ClearAsync("cli:guard");

            AuditVerification verdict = kit.Audit.Verify();

            Assert.IsTrue(verdict.Ok, verdict.Problem);
            Assert.AreEqual(3L, verdict.Entries);
        }
    }
}
