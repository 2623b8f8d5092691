using System;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Board
{
    /// <summary>
    /// One bad message must not lock a board out (docs/protocol.md 8.5): the findings of the hostile review, each
    /// recovering without a site visit while every captured old message stays refused.
    /// </summary>
    [TestClass]
    public sealed class LockoutRecoveryTests
    {
        private const uint Now2026 = VectorCatalog.IssuedAt; // 2026-01-01T00:00:00Z
        private const ulong Ms2026 = Now2026 * 1000UL;
        private const uint Now2100 = 4102444800; // 2100-01-01T00:00:00Z
        private const ulong Ms2100 = Now2100 * 1000UL;
        private static readonly ulong Ticks2026 = (ulong)new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        private static byte Shown(TestBoard b, int item)
        {
            var header = new FrameHeader();
            byte[] pixels = new byte[64];
            Assert.IsTrue(b.Content.TryDecodeFrame(item, 0, header, pixels, out int error), WireError.Describe(error));
            return pixels[0];
        }

        /// <summary>
        /// A board without network time takes one absurd but authentic sequence: the gateway's own next messages are
        /// refused; a resync (new epoch) lets them through, and every message of the old epoch, the absurd one included,
        /// stays refused, also after a reboot.
        /// </summary>
        [TestMethod]
        [DataRow("gateway clock jumped to 2100, then lost its state")]
        [DataRow("buggy gateway sent 2^64-1")]
        [DataRow(".NET ticks instead of milliseconds")]
        public void Resync_AfterAbsurdSequence_BoardRecoversAndOldMessagesStayRefused(string scenario)
        {
            (ulong badSequence, uint badIssuedAt) = scenario switch
            {
                "gateway clock jumped to 2100, then lost its state" => (Ms2100, Now2100),
                "buggy gateway sent 2^64-1" => (ulong.MaxValue, Now2026),
                _ => (Ticks2026, Now2026),
            };
            var board = new TestBoard();
            byte[] oldGood = Messages.Program(Ms2026, Now2026, 0x01);
            byte[] bad = Messages.Program(badSequence, badIssuedAt, 0x02);
            byte[] badAlert = Messages.Alert(badSequence, badIssuedAt, marker: 0x03);
            Assert.AreEqual(WireError.None, board.Receive(oldGood));
            Assert.AreEqual(WireError.None, board.Receive(bad));
            Assert.AreEqual(WireError.None, board.Receive(badAlert));

            // Locked: the repaired gateway numbers from its clock again, and the board refuses programs and alerts.
            byte[] fresh = Messages.Program(Ms2026 + 60000, Now2026 + 60, 0x04);
            byte[] emergency = Messages.Alert(Ms2026 + 61000, Now2026 + 61, marker: 0x05);
            Assert.AreEqual(WireError.Replay, board.Receive(fresh));
            Assert.AreEqual(WireError.Replay, board.Receive(emergency), "even an emergency alert is locked out");

            // Recovery without a site visit: the gateway reads the board's nonce from its verified status and sends a
            // resync; then it publishes its content again in the new epoch.
            byte[] resync = Messages.Resync(1, 1, board.Receiver.SessionNonce, Now2026 + 62);
            Assert.AreEqual(WireError.None, board.Receive(resync));
            Assert.AreEqual(1U, board.Replay.Epoch);
            Assert.AreEqual(Command.CodeResync, board.Receiver.Commands.Oldest.Code);
            Assert.AreEqual(0x02, Shown(board, 0), "the board keeps showing what it has until new content arrives");
            Assert.AreEqual(WireError.None, board.Receive(Messages.Program(Ms2026 + 63000, Now2026 + 63, 0x06, epoch: 1)));
            Assert.AreEqual(WireError.None, board.Receive(Messages.Alert(Ms2026 + 64000, Now2026 + 64, marker: 0x07, epoch: 1)));
            Assert.AreEqual(0x06, Shown(board, 0));
            Assert.AreEqual(0x07, Shown(board, HeldContent.ItemAlert));

            // Captured messages of the old epoch, including the absurd ones, are refused now and after a reboot.
            TestBoard rebooted = board.Reboot();
            Assert.AreEqual(0x06, Shown(rebooted, 0), "the new epoch's program comes back from flash");
            foreach (TestBoard b in new[] { board, rebooted })
            {
                Assert.AreEqual(WireError.Replay, b.Receive(bad));
                Assert.AreEqual(WireError.Replay, b.Receive(badAlert));
                Assert.AreEqual(WireError.Replay, b.Receive(oldGood));
                Assert.AreEqual(WireError.Replay, b.Receive(fresh));
            }

            Assert.AreEqual(WireError.WrongSession, rebooted.Receive(resync), "a captured resync is useless after a reboot");
            Assert.AreEqual(WireError.Replay, board.Receive(resync), "and cannot be used twice in its own session");
        }

        [TestMethod]
        public void Resync_TimeLowerBoundPushedTo2100_IsRepaired()
        {
            var board = new TestBoard();
            Assert.AreEqual(WireError.None, board.Receive(Messages.Program(Ms2100, Now2100)));
            Assert.AreEqual((long)Now2100, board.Clock.NowUnixSeconds(0), "a board without network time believes the issue time");
            TestBoard rebooted = board.Reboot();
            Assert.AreEqual((long)Now2100, rebooted.Clock.NowUnixSeconds(0), "the bound survives the reboot");

            Assert.AreEqual(WireError.None, rebooted.Receive(Messages.Resync(1, 1, rebooted.Receiver.SessionNonce, Now2026)));
            Assert.AreEqual((long)Now2026, rebooted.Clock.NowUnixSeconds(0));
            Assert.AreEqual((long)Now2026 + 10, rebooted.Clock.NowUnixSeconds(10000), "and runs on from there");
            Assert.AreEqual((long)Now2026, rebooted.Reboot(nonce: 9).Clock.NowUnixSeconds(0), "repaired on flash too");
        }

        [TestMethod]
        [DataRow(4102444800000UL)]
        [DataRow(ulong.MaxValue)]
        [DataRow(639028224000000000UL)]
        public void Receive_SequenceFarAheadOfNetworkTime_RefusedBeforeItCanLock(ulong badSequence)
        {
            var board = new TestBoard(networkUtcMs: (long)Ms2026);
            Assert.AreEqual(WireError.SequenceAhead, board.Receive(Messages.Program(badSequence, Now2026)));
            Assert.AreEqual(WireError.SequenceAhead, board.Receive(Messages.Alert(badSequence, Now2026)));
            Assert.AreEqual(0UL, board.Replay.GetSequence(0));
            Assert.AreEqual(WireError.None, board.Receive(Messages.Program(Ms2026 + 1, Now2026)));
            Assert.AreEqual(WireError.None, board.Receive(Messages.Program(Ms2026 + ContentReceiver.MaxSequenceAheadMs, Now2026, 0x09)), "a day ahead is still fine");
        }

        [TestMethod]
        public void ObserveIssuedAt_IssueTimeFarAheadOfNetworkTime_NotBelieved()
        {
            var board = new TestBoard(networkUtcMs: (long)Ms2026);
            Assert.AreEqual(WireError.None, board.Receive(Messages.Program(5, Now2100)), "a small counter passes; its issue time is wrong");
            TestBoard offline = board.Reboot();
            Assert.IsLessThan((long)Now2100, offline.Clock.NowUnixSeconds(0), "the board did not move into 2100");
            Assert.AreEqual((long)Now2026, offline.Clock.NowUnixSeconds(0));
        }

        [TestMethod]
        public void KeyRotation_StreamStuckWithOldKey_NewKeyStartsFreshAndOldKeyMessagesRefused()
        {
            var keys = TestKit.VectorKeys();
            Assert.IsTrue(keys.AddTestVectorKey(2, Messages.SecondKey()), "the next key, installed at provisioning");
            var board = new TestBoard(keys: keys);
            byte[] stuck = Messages.Program(ulong.MaxValue, Now2026, 0x01);
            byte[] oldKeyAlert = Messages.Alert(Ms2026, Now2026, marker: 0x02);
            Assert.AreEqual(WireError.None, board.Receive(oldKeyAlert));
            Assert.AreEqual(WireError.None, board.Receive(stuck));

            Assert.AreEqual(WireError.None, board.Receive(Messages.Program(Ms2026, Now2026, 0x03, keyId: 2)), "key 2 starts its own sequence");
            Assert.AreEqual(WireError.None, board.Receive(Messages.Alert(Ms2026 + 1, Now2026, marker: 0x04, keyId: 2)));
            Assert.AreEqual(0x03, Shown(board, 0));
            Assert.AreEqual(WireError.Replay, board.Receive(stuck), "key 1 messages come after no key 2 message");
            Assert.AreEqual(WireError.Replay, board.Receive(Messages.Program(ulong.MaxValue - 1, Now2026, 0x05)));
            Assert.AreEqual(WireError.Replay, board.Receive(oldKeyAlert));

            // Removing key 1 later: what the board holds is signed with key 2, so it still restores.
            var onlyNew = new KeyRing(2);
            onlyNew.AddTestVectorKey(2, Messages.SecondKey());
            var afterRemoval = new TestBoard(board.Files, onlyNew, nonce: 3);
            Assert.AreEqual(2, afterRemoval.Restored);
            Assert.AreEqual(0x03, Shown(afterRemoval, 0));
            Assert.AreEqual(WireError.UnknownKeyId, afterRemoval.Receive(stuck));
        }

        [TestMethod]
        public void Resync_EpochNotAboveCurrent_RefusedAndSequenceNotUsed()
        {
            var board = new TestBoard();
            Assert.AreEqual(WireError.None, board.Receive(Messages.Resync(2, 10, board.Receiver.SessionNonce, Now2026)));
            board.Receiver.Commands.RemoveOldest();
            Assert.AreEqual(WireError.BadField, board.Receive(Messages.Resync(2, 11, board.Receiver.SessionNonce, Now2026)));
            Assert.AreEqual(WireError.BadField, board.Receive(Messages.Resync(1, 12, board.Receiver.SessionNonce, Now2026)));
            Assert.AreEqual(WireError.None, board.Receive(Messages.Resync(3, 11, board.Receiver.SessionNonce, Now2026)), "11 was not used up");
            Assert.AreEqual(WireError.Replay, board.Receive(Messages.Program(5, Now2026, epoch: 2)), "epoch 2 is over");
            Assert.AreEqual(WireError.WrongSession, board.Receive(Messages.Program(5, Now2026, epoch: 4)), "epoch 4 has not started");
            Assert.AreEqual(WireError.None, board.Receive(Messages.Program(5, Now2026, epoch: 3)));
        }

        // Lost state (both slots damaged)

        private static TestBoard BoardThatLostItsState(out byte[] captured, out byte[] held)
        {
            var first = new TestBoard();
            captured = Messages.Program(Ms2026, Now2026, 0x01);
            held = Messages.Program(Ms2026 + 3600000, Now2026 + 3600, 0x02);
            Assert.AreEqual(WireError.None, first.Receive(captured));
            Assert.AreEqual(WireError.None, first.Receive(held));
            foreach (string slot in new[] { BoardStorage.StateFile0, BoardStorage.StateFile1 })
            {
                byte[]? bytes = first.Files.Read(slot);
                if (bytes != null)
                {
                    bytes[bytes.Length / 2] ^= 0xFF;
                    first.Files.Write(slot, bytes, bytes.Length);
                }
            }

            return first.Reboot();
        }

        [TestMethod]
        public void LostState_ReportedAndCapturedOlderProgramsRefused()
        {
            TestBoard board = BoardThatLostItsState(out byte[] captured, out byte[] held);
            Assert.AreEqual(BoardStorage.StateLost, board.StateLoad);
            Assert.IsTrue(board.Replay.Recovering);
            Assert.AreEqual(1, board.Restored, "its own flash copy still shows");
            Assert.AreEqual(0x02, Shown(board, 0));
            Assert.AreEqual(Now2026 + 3600, board.Replay.RecoveryFloor, "bounded by the newest content it could verify");

            Assert.AreEqual(WireError.Duplicate, board.Receive((byte[])held.Clone()));
            Assert.AreEqual(WireError.Replay, board.Receive(captured), "the stream's position came back with the flash copy");
            byte[] capturedAlert = Messages.Alert(Ms2026 + 10, Now2026 + 10);
            Assert.AreEqual(WireError.TooOld, board.Receive(capturedAlert), "a stream without a record takes nothing issued before the floor");
            Assert.AreEqual(WireError.None, board.Receive(Messages.Alert(Ms2026 + 7200000, Now2026 + 7200)), "fresh content passes");
            Assert.IsTrue(board.Reboot().Replay.Recovering, "the recovering flag is saved until a resync");
        }

        [TestMethod]
        public void LostState_WithNetworkTime_ContentOlderThanAWeekRefused()
        {
            var files = new MemoryFileStore();
            files.Write(BoardStorage.StateFile0, new byte[] { 1, 2, 3 }, 3);
            long nowMs = (long)Ms2026 + (30L * 86400 * 1000);
            var board = new TestBoard(files, networkUtcMs: nowMs);
            Assert.AreEqual(BoardStorage.StateLost, board.StateLoad);
            uint now = (uint)(nowMs / 1000);
            Assert.AreEqual(WireError.TooOld, board.Receive(Messages.Program(Ms2026, Now2026)), "a month old");
            Assert.AreEqual(WireError.TooOld, board.Receive(Messages.Program(Ms2026 + 1, now - (uint)ContentReceiver.MaxAgeWhileRecoveringSeconds - 1)));
            Assert.AreEqual(WireError.None, board.Receive(Messages.Program((ulong)nowMs, now - 3600)));
        }

        [TestMethod]
        public void LostState_EpochComesBackFromTheStoredCopy()
        {
            var first = new TestBoard();
            Assert.AreEqual(WireError.None, first.Receive(Messages.Resync(3, 1, first.Receiver.SessionNonce, Now2026)));
            Assert.AreEqual(WireError.None, first.Receive(Messages.Program(Ms2026, Now2026, 0x03, epoch: 3)));
            first.Files.Write(BoardStorage.StateFile0, new byte[ReplayGuard.StateSize], ReplayGuard.StateSize);
            first.Files.Write(BoardStorage.StateFile1, new byte[ReplayGuard.StateSize], ReplayGuard.StateSize);
            TestBoard board = first.Reboot();
            Assert.AreEqual(BoardStorage.StateLost, board.StateLoad);
            Assert.AreEqual(3U, board.Replay.Epoch);
            Assert.AreEqual(0x03, Shown(board, 0));
            Assert.AreEqual(WireError.Replay, board.Receive(Messages.Program(Ms2026 + 1, Now2026 + 1, epoch: 2)), "older epochs stay closed");
        }

        [TestMethod]
        public void FreshBoard_NoStateFiles_IsNotRecovering()
        {
            var board = new TestBoard();
            Assert.AreEqual(BoardStorage.StateFresh, board.StateLoad);
            Assert.IsFalse(board.Replay.Recovering);
        }

        // Alert lifetimes

        [TestMethod]
        public void Receive_AlertExpiredOnArrival_Refused()
        {
            var board = new TestBoard(networkUtcMs: (long)Ms2026);
            Assert.AreEqual(WireError.Expired, board.Receive(Messages.Alert(1, Now2026 - 7200, validUntil: Now2026 - 3600)));
            Assert.AreEqual(WireError.Expired, board.Receive(Messages.Alert(2, Now2026 - (uint)HeldContent.MaxAlertLifetimeSeconds)), "past the maximum lifetime");
            Assert.AreEqual(WireError.Expired, board.Receive(Messages.Alert(3, 0)), "an alert must say when it was issued");
            Assert.IsFalse(board.Content.HasAlert);
            Assert.AreEqual(0, board.Receiver.DecodeErrorCount, "time rules are not decode errors");
            Assert.AreEqual(WireError.None, board.Receive(Messages.Alert(4, Now2026 - 60, validUntil: Now2026 + 3600)));
        }

        [TestMethod]
        public void Receive_AlertWhileTimeUnknown_NeverHeldBack()
        {
            var board = new TestBoard();
            Assert.AreEqual(WireError.None, board.Receive(Messages.Alert(1, Now2026, validUntil: Now2026 + 60)));
            Assert.IsTrue(board.Content.IsAlertActiveAt(0));
        }

        [TestMethod]
        public void Reboot_WithoutNetwork_ExpiredAlertDoesNotPlayAgain()
        {
            var online = new TestBoard(networkUtcMs: (long)Ms2026);
            uint until = Now2026 + 600;
            Assert.AreEqual(WireError.None, online.Receive(Messages.Alert(1, Now2026, validUntil: until)));
            long afterExpiryMs = 700 * 1000;
            Assert.IsFalse(online.Content.IsAlertActiveAt(online.Clock.NowUnixSeconds(afterExpiryMs)));
            Assert.IsTrue(online.Receiver.SaveCheckpoint(afterExpiryMs), "the runtime checkpoints when an alert expires");

            TestBoard offline = online.Reboot();
            Assert.AreEqual(BoardClock.QualityLowerBound, offline.Clock.Quality);
            Assert.IsTrue(offline.Content.HasAlert, "the alert stream's flash copy is restored");
            Assert.IsFalse(offline.Content.IsAlertActiveAt(offline.Clock.NowUnixSeconds(0)), "but the saved time says it has expired");
        }

        [TestMethod]
        public void Preset_StoredAndRestoredOnItsOwnStream()
        {
            var board = new TestBoard();
            byte[] preset = Messages.Preset(Ms2026, Now2026);
            Assert.AreEqual(WireError.None, board.Receive(preset));
            Assert.IsTrue(board.Content.HasPreset);
            Assert.AreEqual(0x5A, Shown(board, HeldContent.ItemPreset));
            Assert.AreEqual(WireError.None, board.Receive(Messages.Program(Ms2026, Now2026)), "program stream counts separately");
            TestBoard rebooted = board.Reboot();
            Assert.AreEqual(2, rebooted.Restored);
            Assert.AreEqual(0x5A, Shown(rebooted, HeldContent.ItemPreset));
            Assert.AreEqual(WireError.Replay, rebooted.Receive(Messages.Preset(Ms2026 - 1, Now2026, 0x11)));
        }
    }
}
