using System;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Security
{
    [TestClass]
    public sealed class ReplayGuardTests
    {
        /// <summary>A signed program with the given sequence and UTC offset (the offset makes payloads differ).</summary>
        private static byte[] Program(ulong sequence, int utcOffset = 420, ulong epoch = 0)
        {
            MessageBuilder b = VectorCatalog.Builder();
            b.Epoch = epoch;
            ProgramWriter w = b.StartProgram(utcOffset);
            w.BeginItem(VectorCatalog.AlertItem());
            w.AddFrame(VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels(), 8, true);
            w.EndItem();
            int n = b.SealProgramOrAlert(sequence, 0);
            return b.Buffer.AsSpan(0, n).ToArray();
        }

        /// <summary>What a board does with a persistent-stream message: open, check, accept. Returns the WireError.</summary>
        private static int Receive(ReplayGuard guard, byte[] msg)
        {
            EnvelopeHeader h = TestKit.Open(msg);
            int verdict = guard.Check(h, msg);
            if (verdict == WireError.None)
            {
                Assert.IsTrue(guard.Accept(h, msg));
            }

            return verdict;
        }

        private static ReplayGuard Reboot(byte[] slot0, int length0, byte[] slot1, int length1)
        {
            var guard = new ReplayGuard();
            guard.LoadNewest(slot0, length0, slot1, length1, out _);
            return guard;
        }

        [TestMethod]
        public void Check_Sequences_FollowTheRules()
        {
            var guard = new ReplayGuard();
            byte[] p5 = Program(5);
            Assert.AreEqual(WireError.None, Receive(guard, p5));
            Assert.AreEqual(WireError.Duplicate, Receive(guard, p5), "same message again (retained copy, QoS 1 duplicate)");
            Assert.AreEqual(WireError.Rollback, Receive(guard, Program(5, 0)), "same sequence, other content");
            Assert.AreEqual(WireError.Replay, Receive(guard, Program(4)));
            Assert.AreEqual(WireError.None, Receive(guard, Program(6)));
            Assert.AreEqual(WireError.Replay, Receive(guard, p5));
            Assert.AreEqual(6UL, guard.GetSequence(ReplayGuard.StreamProgram));
        }

        [TestMethod]
        public void Check_SequenceZeroOrSessionKind_AreRefused()
        {
            var guard = new ReplayGuard();
            byte[] tag = new byte[32];
            tag[0] = 1;
            Assert.AreEqual(WireError.Replay, guard.Check(MessageKind.Program, 1, 0, 0, tag, 0), "sequence 0 is never new");
            Assert.AreEqual(WireError.BadArgument, guard.Check(MessageKind.Command, 1, 0, 1, tag, 0));
            Assert.AreEqual(WireError.BadArgument, guard.Check(MessageKind.LiveFrame, 1, 0, 1, tag, 0));
        }

        [TestMethod]
        public void Check_HigherKeyId_StartsFreshSequencesAndLowerKeyIdIsReplay()
        {
            var guard = new ReplayGuard();
            byte[] tag = new byte[32];
            tag[0] = 7;
            Assert.AreEqual(WireError.None, guard.Check(MessageKind.Program, 1, 0, ulong.MaxValue, tag, 0));
            Assert.IsTrue(Accept(guard, MessageKind.Program, 1, 0, ulong.MaxValue, tag));
            tag[0] = 8;
            Assert.AreEqual(WireError.Replay, guard.Check(MessageKind.Program, 1, 0, 5, tag, 0), "key 1 is stuck at 2^64-1");
            Assert.AreEqual(WireError.None, guard.Check(MessageKind.Program, 2, 0, 5, tag, 0), "key 2 starts over");
            Assert.IsTrue(Accept(guard, MessageKind.Program, 2, 0, 5, tag));
            tag[0] = 9;
            Assert.AreEqual(WireError.Replay, guard.Check(MessageKind.Program, 1, 0, ulong.MaxValue, tag, 0), "nothing signed with the old key comes back");
            Assert.AreEqual(2, guard.GetKeyId(ReplayGuard.StreamProgram));
        }

        [TestMethod]
        public void StartEpoch_OldEpochRefusedStoredMessageStillDuplicate()
        {
            var guard = new ReplayGuard();
            byte[] stuck = Program(ulong.MaxValue);
            Assert.AreEqual(WireError.None, Receive(guard, stuck));
            Assert.AreEqual(WireError.Replay, Receive(guard, Program(1767225600000)));

            Assert.IsFalse(guard.StartEpoch(0, 0), "an epoch must go up");
            Assert.IsTrue(guard.StartEpoch(1, 1767225600));
            Assert.AreEqual(1U, guard.Epoch);
            Assert.AreEqual(1767225600U, guard.TimeLowerBound);
            Assert.AreEqual(WireError.Duplicate, Receive(guard, stuck), "the board's own flash copy still restores");
            Assert.AreEqual(WireError.Replay, Receive(guard, Program(ulong.MaxValue - 1)), "epoch 0 messages are refused");
            Assert.AreEqual(WireError.WrongSession, Receive(guard, Program(5, 420, epoch: 2)), "an epoch the board has not started");
            byte[] fresh = Program(1767225600000, 420, epoch: 1);
            Assert.AreEqual(WireError.None, Receive(guard, fresh));
            Assert.AreEqual(WireError.Replay, Receive(guard, stuck), "once replaced, the stuck message is just an old one");
        }

        [TestMethod]
        public void Recovery_FloorRisesOnlyWhileRecoveringAndEpochCanBeAdopted()
        {
            var guard = new ReplayGuard();
            guard.RaiseRecoveryFloor(100);
            Assert.AreEqual(0U, guard.RecoveryFloor, "no floor outside recovery");
            Assert.IsFalse(guard.AdoptEpochWhileRecovering(3));
            guard.BeginRecovery();
            guard.RaiseRecoveryFloor(100);
            guard.RaiseRecoveryFloor(50);
            Assert.AreEqual(100U, guard.RecoveryFloor);
            Assert.IsTrue(guard.AdoptEpochWhileRecovering(3));
            Assert.IsFalse(guard.AdoptEpochWhileRecovering(2));
            Assert.AreEqual(3U, guard.Epoch);
            Assert.IsTrue(guard.Recovering);

            byte[] state = new byte[ReplayGuard.StateSize];
            guard.Save(state, 0);
            var after = new ReplayGuard();
            Assert.AreEqual(WireError.None, after.Load(state, 0, state.Length));
            Assert.IsTrue(after.Recovering);
            Assert.AreEqual(100U, after.RecoveryFloor);
            Assert.AreEqual(3U, after.Epoch);

            Assert.IsTrue(after.StartEpoch(4, 0));
            Assert.IsFalse(after.Recovering, "a resync ends recovery: everything before its epoch is refused anyway");
        }

        [TestMethod]
        public void Load_ReservedFlagBitOrOldFormat_ReturnsStateCorrupt()
        {
            var guard = new ReplayGuard();
            Receive(guard, Program(3));
            byte[] state = new byte[ReplayGuard.StateSize];
            guard.Save(state, 0);
            byte[] flagged = (byte[])state.Clone();
            flagged[16] |= 0x02;
            BigEndian.WriteUInt32(flagged, ReplayGuard.StateSize - 4, Core.Crypto.Crc32.Compute(flagged, 0, ReplayGuard.StateSize - 4));
            Assert.AreEqual(WireError.StateCorrupt, new ReplayGuard().Load(flagged, 0, flagged.Length));
            Assert.AreEqual(WireError.StateCorrupt, new ReplayGuard().Load(state, 0, 92), "format 1's 92-byte state is not read as format 2");
        }

        private static bool Accept(ReplayGuard guard, int kind, int keyId, ulong epoch, ulong sequence, byte[] tag)
        {
            var h = new EnvelopeHeader { Kind = kind, KeyId = keyId, Session = epoch, Sequence = sequence, TagOffset = 0 };
            return guard.Accept(h, tag);
        }

        [TestMethod]
        public void Check_AlertAfterItsClear_IsReplay()
        {
            var guard = new ReplayGuard();
            byte[] alert = VectorCatalog.Alert();
            byte[] clear = VectorCatalog.AlertClear();
            Assert.AreEqual(WireError.None, Receive(guard, alert));
            Assert.AreEqual(WireError.None, Receive(guard, clear));
            Assert.AreEqual(WireError.Replay, Receive(guard, alert), "a captured alert cannot come back after its clear");
            Assert.AreEqual(WireError.Duplicate, Receive(guard, clear));
            Assert.AreEqual(WireError.None, Receive(guard, VectorCatalog.Program()), "program stream is separate");
        }

        [TestMethod]
        public void LoadNewest_AfterReboot_OldMessagesStillRejected()
        {
            var guard = new ReplayGuard();
            byte[][] slots = { new byte[ReplayGuard.StateSize], new byte[ReplayGuard.StateSize] };
            byte[] p7 = Program(7);
            foreach (byte[] msg in new[] { Program(6), p7 })
            {
                Assert.AreEqual(WireError.None, Receive(guard, msg));
                Assert.AreEqual(ReplayGuard.StateSize, guard.Save(slots[guard.NextSlot], 0));
            }

            ReplayGuard after = Reboot(slots[0], slots[0].Length, slots[1], slots[1].Length);
            Assert.AreEqual(7UL, after.GetSequence(ReplayGuard.StreamProgram));
            Assert.AreEqual(WireError.Duplicate, Receive(after, p7), "retained copy after reconnect: already have it");
            Assert.AreEqual(WireError.Replay, Receive(after, Program(6)));
            Assert.AreEqual(WireError.Rollback, Receive(after, Program(7, 0)));
            Assert.AreEqual(WireError.None, Receive(after, Program(8)));
        }

        [TestMethod]
        public void LoadNewest_NewestSlotTornAtEveryLength_UsesPreviousCopy()
        {
            var guard = new ReplayGuard();
            byte[][] slots = { new byte[ReplayGuard.StateSize], new byte[ReplayGuard.StateSize] };
            Receive(guard, Program(6));
            guard.Save(slots[guard.NextSlot], 0);
            Receive(guard, Program(7));
            int newest = guard.NextSlot;
            guard.Save(slots[newest], 0);
            for (int n = 0; n < ReplayGuard.StateSize; n++)
            {
                byte[] torn = slots[newest].AsSpan(0, n).ToArray();
                var after = new ReplayGuard();
                int used = newest == 0
                    ? after.LoadNewest(torn, n, slots[1], slots[1].Length, out int corrupt)
                    : after.LoadNewest(slots[0], slots[0].Length, torn, n, out corrupt);
                Assert.AreEqual(1 - newest, used, "length " + n);
                Assert.AreEqual(n == 0 ? 0 : 1, corrupt);
                Assert.AreEqual(6UL, after.GetSequence(ReplayGuard.StreamProgram));
            }
        }

        [TestMethod]
        public void Load_EverySingleBitFlip_ReturnsStateCorrupt()
        {
            var guard = new ReplayGuard();
            Receive(guard, Program(9));
            Receive(guard, VectorCatalog.Alert());
            byte[] state = new byte[ReplayGuard.StateSize];
            guard.Save(state, 0);
            for (int bit = 0; bit < state.Length * 8; bit++)
            {
                state[bit / 8] ^= (byte)(1 << (bit % 8));
                var other = new ReplayGuard();
                Assert.AreEqual(WireError.StateCorrupt, other.Load(state, 0, state.Length), "bit " + bit);
                Assert.AreEqual(0UL, other.GetSequence(ReplayGuard.StreamProgram));
                state[bit / 8] ^= (byte)(1 << (bit % 8));
            }

            var ok = new ReplayGuard();
            Assert.AreEqual(WireError.None, ok.Load(state, 0, state.Length));
            Assert.AreEqual(9UL, ok.GetSequence(ReplayGuard.StreamProgram));
            Assert.AreEqual(VectorCatalog.AlertSequence, ok.GetSequence(ReplayGuard.StreamAlert));
            Assert.AreEqual(1U, ok.Generation);
        }

        [TestMethod]
        public void LoadNewest_BothSlotsCorruptOrMissing_StartsEmpty()
        {
            var guard = new ReplayGuard();
            Assert.AreEqual(-1, guard.LoadNewest(null, 0, null, 0, out int corrupt));
            Assert.AreEqual(0, corrupt);
            Assert.AreEqual(-1, guard.LoadNewest(new byte[ReplayGuard.StateSize], ReplayGuard.StateSize, new byte[3], 3, out corrupt));
            Assert.AreEqual(2, corrupt);
            Assert.AreEqual(0UL, guard.GetSequence(0));
        }

        [TestMethod]
        public void LoadNewest_BothValid_TakesHigherGeneration()
        {
            var guard = new ReplayGuard();
            byte[] a = new byte[ReplayGuard.StateSize];
            byte[] b = new byte[ReplayGuard.StateSize];
            Receive(guard, Program(1));
            guard.Save(a, 0);
            Receive(guard, Program(2));
            guard.Save(b, 0);
            var after = new ReplayGuard();
            Assert.AreEqual(1, after.LoadNewest(a, a.Length, b, b.Length, out _));
            Assert.AreEqual(2UL, after.GetSequence(0));
            Assert.AreEqual(0, after.LoadNewest(b, b.Length, a, a.Length, out _));
            Assert.AreEqual(2UL, after.GetSequence(0));
        }

        [TestMethod]
        public void Save_SmallBuffer_ReturnsBufferTooSmall()
        {
            Assert.AreEqual(-WireError.BufferTooSmall, new ReplayGuard().Save(new byte[ReplayGuard.StateSize - 1], 0));
        }
    }

    [TestClass]
    public sealed class SessionGuardTests
    {
        private static byte[] Command(ulong sequence, ulong session, int code = Core.Wire.Command.CodeReboot)
        {
            MessageBuilder b = VectorCatalog.Builder();
            int n = b.BuildCommand(new Core.Wire.Command { Code = code }, sequence, session, 0);
            return b.Buffer.AsSpan(0, n).ToArray();
        }

        private static int Receive(SessionGuard guard, byte[] msg)
        {
            EnvelopeHeader h = TestKit.Open(msg);
            int verdict = guard.Check(h);
            if (verdict == WireError.None)
            {
                Assert.IsTrue(guard.Accept(h));
            }

            return verdict;
        }

        [TestMethod]
        public void Check_RebootCommandReplayedAfterReboot_ReturnsWrongSession()
        {
            const ulong bootA = 0x80A5010203040506;
            const ulong bootB = 0x0102A58001020304;
            var guard = new SessionGuard(bootA);
            byte[] reboot = Command(1, bootA);
            Assert.AreEqual(WireError.None, Receive(guard, reboot));
            Assert.AreEqual(WireError.Replay, Receive(guard, reboot), "QoS 1 duplicate before the reboot happens");
            guard.Restart(bootB);
            Assert.AreEqual(WireError.WrongSession, Receive(guard, reboot));
            Assert.AreEqual(WireError.None, Receive(guard, Command(1, bootB)), "new session starts counting again");
        }

        [TestMethod]
        public void Check_SequenceNotIncreasing_ReturnsReplay()
        {
            var guard = new SessionGuard(77);
            Assert.AreEqual(WireError.None, Receive(guard, Command(10, 77)));
            Assert.AreEqual(WireError.Replay, Receive(guard, Command(10, 77, Core.Wire.Command.CodeRequestStatus)));
            Assert.AreEqual(WireError.Replay, Receive(guard, Command(9, 77)));
            Assert.AreEqual(WireError.None, Receive(guard, Command(11, 77)));
        }

        [TestMethod]
        public void Check_FramesAndCommands_CountSeparately()
        {
            var guard = new SessionGuard(VectorCatalog.Session);
            Assert.AreEqual(WireError.None, Receive(guard, VectorCatalog.LiveFrame()));
            Assert.AreEqual(WireError.None, Receive(guard, Command(2, VectorCatalog.Session)), "command stream below the frame sequence is fine");
            Assert.AreEqual(WireError.Replay, Receive(guard, VectorCatalog.LiveFrame()));
        }

        [TestMethod]
        public void Check_OtherKindsOrZeroSession_AreRefused()
        {
            var guard = new SessionGuard(5);
            Assert.AreEqual(WireError.BadArgument, guard.Check(MessageKind.Program, 5, 1));
            Assert.AreEqual(WireError.WrongSession, guard.Check(MessageKind.Command, 0, 1));
            var zero = new SessionGuard(0);
            Assert.AreEqual(WireError.WrongSession, zero.Check(MessageKind.Command, 0, 1));
        }
    }
}
