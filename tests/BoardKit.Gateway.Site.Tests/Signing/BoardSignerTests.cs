using System;
using System.Linq;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Site.Signing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Signing
{
    /// <summary>What the signer produces is checked by the board's own receive path (the firmware core), not by re-reading it.</summary>
    [TestClass]
    public sealed class BoardSignerTests
    {
        private static readonly uint[] Amber = { 0x000000, 0xFFB000 };

        private static BulletinItem Item(uint validUntil = 0)
        {
            var frame = new IndexedBitmap(64, 16, Amber);
            frame.Pixels[3] = 1;
            return new BulletinItem(new RenderResult { Mode = RenderMode.Static, Frames = new[] { frame } }) { ValidUntil = validUntil };
        }

        private static int Deliver(ContentReceiver board, SignedMessage message) => board.Receive(message.Payload, message.Payload.Length, 0);

        [TestMethod]
        public void Program_AcceptedByItsBoard_OnItsTopic_RetainedQos1()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");
            ContentReceiver board = site.Board("mlt-a");

            SignedMessage program = site.Signer.Program("mlt-a", new[] { Item() });

            Assert.AreEqual(WireError.None, Deliver(board, program));
            Assert.AreEqual(program.Sequence, board.Content.ProgramSequence);
            Assert.AreEqual("boardkit/v1/lc-mlt/mlt-a/program", program.Topic);
            Assert.AreEqual((1, true, MessageKind.Program), (program.Qos, program.Retain, program.Kind));
            Assert.AreEqual(site.Sequences.Last("mlt-a", SequenceStream.Program), program.Sequence);
        }

        [TestMethod]
        public void EveryKind_GoesToItsTopicAndIsAcceptedInOrder()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");
            ContentReceiver board = site.Board("mlt-a");
            uint inOneHour = (uint)site.Time.UtcNow.AddHours(1).ToUnixTimeSeconds();

            SignedMessage alert = site.Signer.Alert("mlt-a", Item(inOneHour));
            Assert.AreEqual(WireError.None, Deliver(board, alert));
            Assert.IsTrue(board.Content.HasAlert);

            SignedMessage clear = site.Signer.AlertClear("mlt-a", alert.Sequence);
            Assert.AreEqual(WireError.None, Deliver(board, clear));
            Assert.IsFalse(board.Content.HasAlert);

            SignedMessage preset = site.Signer.Preset("mlt-a", Item());
            Assert.AreEqual(WireError.None, Deliver(board, preset));
            Assert.AreEqual(preset.Sequence, board.Content.PresetSequence);

            SignedMessage command = site.Signer.Command("mlt-a", new Command { Code = Command.CodeRequestStatus }, board.SessionNonce);
            Assert.AreEqual(WireError.None, Deliver(board, command));

            SignedMessage frame = site.Signer.LiveFrame("mlt-a", Item().Rendered.Frames[0], board.SessionNonce);
            Assert.AreEqual(WireError.None, Deliver(board, frame));

            CollectionAssert.AreEqual(
                new[] { "alert", "alert", "preset", "cmd", "frame" },
                new[] { alert, clear, preset, command, frame }.Select(m => m.Topic.Split('/').Last()).ToArray());
            Assert.AreEqual((0, false), (frame.Qos, frame.Retain));
            Assert.AreEqual((1, false), (command.Qos, command.Retain));
        }

        [TestMethod]
        public void Message_ForOneBoard_RefusedByAnother()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");
            site.AddBoard("mlt-b");

            SignedMessage forA = site.Signer.Program("mlt-a", new[] { Item() });

            Assert.AreEqual(WireError.WrongBoard, Deliver(site.Board("mlt-b"), forA));
        }

        [TestMethod]
        public void Program_AfterRestart_StillNewerThanWhatTheBoardHolds()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");
            ContentReceiver board = site.Board("mlt-a");
            Assert.AreEqual(WireError.None, Deliver(board, site.Signer.Program("mlt-a", new[] { Item() })));
            site.Reopen();

            Assert.AreEqual(WireError.None, Deliver(board, site.Signer.Program("mlt-a", new[] { Item() })), "same millisecond, new gateway process");
        }

        [TestMethod]
        public void Rotation_SignsWithTheNewKeyId_BoardWithBothKeysAccepts_BoardWithOnlyTheOldRefuses()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");
            site.Registry.AddKey("mlt-a", 2, site.NewKey("mlt-a", 2));
            site.Registry.UseKey("mlt-a", 2);

            SignedMessage program = site.Signer.Program("mlt-a", new[] { Item() });

            Assert.AreEqual(WireError.None, Deliver(site.Board("mlt-a", 1, 2), program));
            Assert.AreEqual(WireError.UnknownKeyId, Deliver(site.Board("mlt-a", 1), program));
        }

        [TestMethod]
        public void Epoch_AfterResync_PersistentMessagesCarryIt()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");
            ContentReceiver board = site.Board("mlt-a");
            SignedMessage old = site.Signer.Program("mlt-a", new[] { Item() });

            Assert.AreEqual(WireError.None, Deliver(board, site.Signer.Command("mlt-a", new Command { Code = Command.CodeResync, Epoch = 7 }, board.SessionNonce)));
            site.Registry.SetEpoch("mlt-a", 7);
            site.Time.UtcNow += TimeSpan.FromSeconds(1);

            Assert.AreNotEqual(WireError.None, Deliver(board, old), "a program of the old epoch");
            Assert.AreEqual(WireError.None, Deliver(board, site.Signer.Program("mlt-a", new[] { Item() })));
            Assert.AreEqual(7u, board.Replay.Epoch);
        }

        [TestMethod]
        public void Sign_WithAnUncheckedClock_ThrowsAndPublishesNothingNew()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");
            site.Signer.Program("mlt-a", new[] { Item() });
            ulong last = site.Sequences.Last("mlt-a", SequenceStream.Program);
            site.Time.UtcNow -= TimeSpan.FromDays(1);

            Assert.ThrowsExactly<UncheckedClockException>(() => site.Signer.Program("mlt-a", new[] { Item() }));
            Assert.AreEqual(last, site.Sequences.Last("mlt-a", SequenceStream.Program));
        }

        [TestMethod]
        public void Sign_UnknownBoardOrItemThatDoesNotFit_RefusedBeforeASequenceIsUsed()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");

            Assert.ThrowsExactly<Site.Registry.RegistryException>(() => site.Signer.Program("nobody", new[] { Item() }));
            Assert.ThrowsExactly<BulletinDoesNotFitException>(() => site.Signer.Program("mlt-a", Enumerable.Range(0, 17).Select(_ => Item()).ToArray()));
            Assert.AreEqual(0ul, site.Sequences.Last("mlt-a", SequenceStream.Program));
        }
    }
}
