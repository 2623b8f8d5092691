using System;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Board
{
    [TestClass]
    public sealed class ContentReceiverTests
    {
        private const ulong Nonce = VectorCatalog.Session;
        private const ulong NonceAfterReboot = 0x01A5800102030405;
        private const long Now = VectorCatalog.IssuedAt;

        private static ContentReceiver NewReceiver(ReplayGuard? replay = null, ulong nonce = Nonce) =>
            new ContentReceiver(VectorCatalog.BoardIdText, TestKit.VectorKeys(), replay ?? new ReplayGuard(), nonce);

        private static byte[] Take(MessageBuilder b, int n)
        {
            Assert.IsGreaterThan(0, n, n < 0 ? WireError.Describe(-n) : "empty");
            return b.Buffer.AsSpan(0, n).ToArray();
        }

        /// <summary>A one-item static program whose Mono1 16x4 frame has <paramref name="marker"/> as its first pixel byte.</summary>
        private static byte[] Program(ulong sequence, byte marker = 0x80, MessageBuilder? builder = null)
        {
            MessageBuilder b = builder ?? VectorCatalog.Builder();
            ProgramWriter w = b.StartProgram(420);
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutStatic, DwellMs = 5000 });
            w.AddFrame(VectorCatalog.Mono1Header(), MarkedPixels(marker), 8, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, VectorCatalog.IssuedAt));
        }

        private static byte[] MarkedPixels(byte marker)
        {
            byte[] p = VectorCatalog.Mono1Pixels();
            p[0] = marker;
            return p;
        }

        private static byte[] Alert(ulong sequence, uint validUntil = 0)
        {
            MessageBuilder b = VectorCatalog.Builder();
            ProgramWriter w = b.StartAlert();
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutStatic, Level = ProgramItem.LevelEmergency, DwellMs = 10000, ValidUntil = validUntil, BlinkPeriodMs = 1000 });
            w.AddFrame(VectorCatalog.Mono1Header(), MarkedPixels((byte)sequence), 8, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, VectorCatalog.IssuedAt));
        }

        private static byte[] Clear(ulong alertSequence, ulong sequence)
        {
            MessageBuilder b = VectorCatalog.Builder();
            return Take(b, b.BuildAlertClear(alertSequence, sequence, VectorCatalog.IssuedAt));
        }

        private static byte[] LiveFrame(ulong sequence, ulong session)
        {
            MessageBuilder b = VectorCatalog.Builder();
            return Take(b, b.BuildLiveFrame(VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels(), 24, true, sequence, session, VectorCatalog.IssuedAt));
        }

        private static byte[] CommandMessage(Command command, ulong sequence, ulong session = Nonce)
        {
            MessageBuilder b = VectorCatalog.Builder();
            return Take(b, b.BuildCommand(command, sequence, session, VectorCatalog.IssuedAt));
        }

        private static int Receive(ContentReceiver r, byte[] message) => r.Receive(message, message.Length, Now);

        private static byte[] Decode(ContentReceiver r, int item, int frame, FrameHeader? header = null)
        {
            header ??= new FrameHeader();
            byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
            Assert.IsTrue(r.TryDecodeFrame(item, frame, header, pixels, out int error), WireError.Describe(error));
            return pixels.AsSpan(0, FrameCodec.RawLength(header.Format, header.Width, header.Height)).ToArray();
        }

        private static void AssertFrame(ContentReceiver r, int item, int frame, FrameHeader expected, byte[] expectedPixels)
        {
            var header = new FrameHeader();
            CollectionAssert.AreEqual(expectedPixels, Decode(r, item, frame, header), "item " + item + " frame " + frame);
            Assert.AreEqual(expected.Format, header.Format);
            Assert.AreEqual(expected.Width, header.Width);
            Assert.AreEqual(expected.Height, header.Height);
            CollectionAssert.AreEqual(expected.Palette, header.Palette);
        }

        private static byte[] SaveState(ReplayGuard guard)
        {
            byte[] state = new byte[ReplayGuard.StateSize];
            Assert.AreEqual(ReplayGuard.StateSize, guard.Save(state, 0));
            return state;
        }

        private static ReplayGuard LoadState(byte[] state)
        {
            var guard = new ReplayGuard();
            Assert.AreEqual(WireError.None, guard.Load(state, 0, state.Length));
            return guard;
        }

        // 1. Programs

        [TestMethod]
        public void Receive_ProgramVector_FramesDecodeEqualToWhatWasEncoded()
        {
            ContentReceiver r = NewReceiver();
            byte[] program = VectorCatalog.Program();
            Assert.AreEqual(WireError.None, Receive(r, program));
            Assert.IsTrue(r.HasProgram);
            Assert.AreEqual(VectorCatalog.ProgramSequence, r.ProgramSequence);
            Assert.AreSame(program, r.ProgramMessage, "kept by reference, not copied");
            Assert.AreEqual(MessageKind.Program, r.LastKind);
            Assert.IsTrue(r.LastChangedContent);
            Assert.IsTrue(r.ReplayStateChanged);
            Assert.AreEqual(420, r.Program.UtcOffsetMinutes);
            Assert.AreEqual(2, r.Program.ItemCount);

            var item = new ProgramItem();
            Assert.IsTrue(r.TryGetProgramItem(1, item));
            Assert.AreEqual(ProgramItem.LayoutPage, item.Layout);
            Assert.AreEqual(2, item.FrameCount);
            Assert.AreEqual(VectorCatalog.ProgramItem1().ValidUntil, item.ValidUntil);
            Assert.IsFalse(r.TryGetProgramItem(2, item));
            Assert.IsFalse(r.TryGetProgramItem(-1, item));

            AssertFrame(r, 0, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());
            AssertFrame(r, 1, 0, VectorCatalog.Palette2Header(), VectorCatalog.Palette2Pixels());
            AssertFrame(r, 1, 1, VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels());
            AssertFrame(r, 0, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());
            Assert.IsFalse(r.TryDecodeFrame(1, 2, new FrameHeader(), new byte[64], out int error));
            Assert.AreEqual(WireError.BadArgument, error);
            Assert.IsFalse(r.TryDecodeFrame(1, 1, new FrameHeader(), new byte[23], out error));
            Assert.AreEqual(WireError.BufferTooSmall, error);
        }

        [TestMethod]
        public void Receive_SameProgramAgain_ReturnsDuplicateAndChangesNothing()
        {
            ContentReceiver r = NewReceiver();
            byte[] program = VectorCatalog.Program();
            Assert.AreEqual(WireError.None, Receive(r, program));
            r.MarkReplayStateSaved();

            byte[] retained = VectorCatalog.Program();
            Assert.AreEqual(WireError.Duplicate, Receive(r, retained));
            Assert.AreSame(program, r.ProgramMessage);
            Assert.IsFalse(r.LastChangedContent);
            Assert.IsFalse(r.ReplayStateChanged);
            Assert.AreEqual(0, r.RejectedCount, "a duplicate is not a rejection");
            Assert.AreEqual(WireError.Duplicate, r.LastError);
        }

        [TestMethod]
        public void Receive_TamperedByte_ReturnsBadTagAndContentUnchanged()
        {
            ContentReceiver r = NewReceiver();
            byte[] first = Program(10);
            Assert.AreEqual(WireError.None, Receive(r, first));
            r.MarkReplayStateSaved();

            byte[] tampered = Program(11, 0x01);
            tampered[Envelope.HeaderSize + ProgramCodec.ProgramHeaderSize + ProgramCodec.ItemHeaderSize + 14] ^= 0x80;
            Assert.AreEqual(WireError.BadTag, Receive(r, tampered));
            Assert.AreEqual(10UL, r.ProgramSequence);
            Assert.AreSame(first, r.ProgramMessage);
            Assert.AreEqual(0x80, Decode(r, 0, 0)[0]);
            Assert.IsFalse(r.ReplayStateChanged);
            Assert.AreEqual(1, r.RejectedCount);
            Assert.AreEqual(1, r.BadTagCount);
            Assert.AreEqual(0, r.LastKind, "an unverified header names no kind");
        }

        [TestMethod]
        public void Receive_OlderProgramAfterNewer_ReturnsReplayOrRollbackAndContentUnchanged()
        {
            ContentReceiver r = NewReceiver();
            byte[] newer = Program(20, 0x20);
            Assert.AreEqual(WireError.None, Receive(r, newer));
            Assert.AreEqual(WireError.Replay, Receive(r, Program(19, 0x19)));
            Assert.AreEqual(WireError.Rollback, Receive(r, Program(20, 0x21)), "same number, other content");
            Assert.AreEqual(20UL, r.ProgramSequence);
            Assert.AreSame(newer, r.ProgramMessage);
            Assert.AreEqual(0x20, Decode(r, 0, 0)[0]);
            Assert.AreEqual(2, r.ReplayCount);
            Assert.AreEqual(2, r.RejectedCount);
            Assert.AreEqual(MessageKind.Program, r.LastKind);
            Assert.AreEqual(20UL, r.LastSequence);
        }

        [TestMethod]
        public void Receive_NewerProgram_ReplacesHeldProgram()
        {
            ContentReceiver r = NewReceiver();
            Assert.AreEqual(WireError.None, Receive(r, VectorCatalog.Program()));
            Assert.AreEqual(2, r.Program.ItemCount);
            Assert.AreEqual(WireError.None, Receive(r, Program(VectorCatalog.ProgramSequence + 1, 0x01)));
            Assert.AreEqual(1, r.Program.ItemCount);
            Assert.AreEqual(0x01, Decode(r, 0, 0)[0]);
            Assert.IsFalse(r.TryDecodeFrame(1, 0, new FrameHeader(), new byte[64], out _), "item 1 of the old program is gone");
        }

        [TestMethod]
        public void Receive_OtherBoardsMessage_ReturnsWrongBoard()
        {
            ContentReceiver r = NewReceiver();
            byte[] otherHash = new byte[BoardId.HashSize];
            Assert.IsTrue(BoardId.ComputeHash("lc-mlt-gate-2", otherHash, 0));
            var other = new MessageBuilder(otherHash, VectorCatalog.KeyId, VectorCatalog.Key());
            Assert.AreEqual(WireError.WrongBoard, Receive(r, Program(5, 0x80, other)));
            Assert.IsFalse(r.HasProgram);
            Assert.AreEqual(1, r.RejectedCount);
        }

        [TestMethod]
        public void Receive_ProgramWithBadPayload_ReturnsDecodeErrorAndStateDoesNotAdvance()
        {
            ContentReceiver r = NewReceiver();
            byte[] bad = Program(7);
            bad[Envelope.HeaderSize + 2] = 0; // item count 0
            bad = TestKit.Resign(bad);
            Assert.AreEqual(WireError.BadItemCount, Receive(r, bad));
            Assert.AreEqual(1, r.DecodeErrorCount);
            Assert.IsFalse(r.ReplayStateChanged);
            Assert.AreEqual(WireError.None, Receive(r, Program(7)), "the sequence was not used up");
        }

        [TestMethod]
        public void Receive_OwnStatusReflected_ReturnsUnknownKind()
        {
            ContentReceiver r = NewReceiver();
            Assert.AreEqual(WireError.UnknownKind, Receive(r, VectorCatalog.Status()));
            Assert.AreEqual(WireError.UnknownKind, Receive(r, VectorCatalog.Event()));
            Assert.AreEqual(2, r.RejectedCount);
        }

        // 2. Reboot

        [TestMethod]
        public void Restore_AfterReboot_ProgramBackAndOldProgramRefused()
        {
            var guard = new ReplayGuard();
            ContentReceiver before = NewReceiver(guard);
            byte[] old = Program(30, 0x30);
            byte[] current = Program(31, 0x31);
            Assert.AreEqual(WireError.None, Receive(before, old));
            Assert.AreEqual(WireError.None, Receive(before, current));
            byte[] state = SaveState(guard);
            before.MarkReplayStateSaved();
            byte[] onFlash = (byte[])before.ProgramMessage!.Clone();

            ContentReceiver after = NewReceiver(LoadState(state), NonceAfterReboot);
            Assert.IsFalse(after.HasProgram);
            Assert.AreEqual(WireError.Duplicate, after.Restore(onFlash, onFlash.Length));
            Assert.IsTrue(after.HasProgram);
            Assert.IsTrue(after.LastChangedContent);
            Assert.IsFalse(after.ReplayStateChanged);
            Assert.AreEqual(31UL, after.ProgramSequence);
            Assert.AreEqual(0x31, Decode(after, 0, 0)[0]);

            Assert.AreEqual(WireError.Duplicate, Receive(after, (byte[])current.Clone()), "the retained copy after subscribing");
            Assert.IsFalse(after.LastChangedContent);
            Assert.AreEqual(WireError.Replay, Receive(after, old), "a captured old program re-published after the reboot");
            Assert.AreEqual(WireError.Replay, after.Restore(old, old.Length), "nor can it come back as a flash copy");
            Assert.AreEqual(31UL, after.ProgramSequence);
        }

        [TestMethod]
        public void Receive_RetainedCopyWhenFlashCopyMissing_ReturnsDuplicateAndRestoresContent()
        {
            var guard = new ReplayGuard();
            ContentReceiver before = NewReceiver(guard);
            Assert.AreEqual(WireError.None, Receive(before, VectorCatalog.Program()));
            ContentReceiver after = NewReceiver(LoadState(SaveState(guard)), NonceAfterReboot);

            Assert.AreEqual(WireError.Duplicate, Receive(after, VectorCatalog.Program()));
            Assert.IsTrue(after.HasProgram);
            Assert.IsTrue(after.LastChangedContent);
            AssertFrame(after, 1, 1, VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels());
        }

        [TestMethod]
        public void Restore_StateOlderThanFlashCopy_AcceptsAsNewAndAsksForASave()
        {
            // The newest state copy was torn: the previous one does not know the program on flash yet.
            ContentReceiver r = NewReceiver(new ReplayGuard(), NonceAfterReboot);
            byte[] program = VectorCatalog.Program();
            Assert.AreEqual(WireError.None, r.Restore(program, program.Length));
            Assert.IsTrue(r.HasProgram);
            Assert.IsTrue(r.ReplayStateChanged);
        }

        [TestMethod]
        public void Restore_SessionBoundOrDamagedMessage_IsRefused()
        {
            ContentReceiver r = NewReceiver();
            byte[] frame = LiveFrame(1, Nonce);
            Assert.AreEqual(WireError.BadArgument, r.Restore(frame, frame.Length));
            Assert.IsFalse(r.HasLiveFrame);
            byte[] program = VectorCatalog.Program();
            program[^1] ^= 0x01;
            Assert.AreEqual(WireError.BadTag, r.Restore(program, program.Length));
            Assert.AreEqual(WireError.Truncated, r.Restore(program, 10));
            Assert.IsFalse(r.HasProgram);
            Assert.AreEqual(3, r.RejectedCount);
        }

        // 3. Live frames and commands

        [TestMethod]
        public void Receive_LiveFrame_DecodesAndOldSessionRefusedAfterReboot()
        {
            ContentReceiver r = NewReceiver();
            byte[] live = VectorCatalog.LiveFrame();
            Assert.AreEqual(WireError.None, Receive(r, live));
            Assert.IsTrue(r.HasLiveFrame);
            Assert.AreEqual(Now, r.LiveFrameReceivedAt);
            AssertFrame(r, ContentReceiver.ItemLive, 0, VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels());
            Assert.AreEqual(WireError.Replay, Receive(r, VectorCatalog.LiveFrame()));
            r.DropLiveFrame();
            Assert.IsFalse(r.HasLiveFrame);
            Assert.IsFalse(r.TryDecodeFrame(ContentReceiver.ItemLive, 0, new FrameHeader(), new byte[64], out int error));
            Assert.AreEqual(WireError.BadArgument, error);

            ContentReceiver after = NewReceiver(nonce: NonceAfterReboot);
            Assert.AreEqual(NonceAfterReboot, after.SessionNonce);
            Assert.AreEqual(WireError.WrongSession, Receive(after, LiveFrame(VectorCatalog.LiveFrameSequence + 1, Nonce)));
            Assert.IsFalse(after.HasLiveFrame);
            Assert.AreEqual(WireError.None, Receive(after, LiveFrame(1, NonceAfterReboot)), "counters restart with the new nonce");
        }

        [TestMethod]
        public void Receive_Command_AcceptedOnceAndReplayRefused()
        {
            ContentReceiver r = NewReceiver();
            byte[] brightness = VectorCatalog.CommandBrightness();
            Assert.AreEqual(WireError.None, Receive(r, brightness));
            Assert.IsFalse(r.LastChangedContent);
            Assert.IsFalse(r.ReplayStateChanged, "commands live in RAM only");
            Assert.IsTrue(r.HasPendingCommand);
            Assert.AreEqual(Command.CodeBrightness, r.PendingCommand.Code);
            Assert.AreEqual(204, r.PendingCommand.BrightnessLevel);
            Assert.AreEqual(WireError.Replay, Receive(r, VectorCatalog.CommandBrightness()));

            Assert.AreEqual(WireError.None, Receive(r, VectorCatalog.CommandIdentify()));
            Assert.AreEqual(Command.CodeBrightness, r.PendingCommand.Code, "oldest first");
            r.CommandDone();
            Assert.AreEqual(Command.CodeIdentify, r.PendingCommand.Code);
            Assert.AreEqual(300, r.PendingCommand.IdentifySeconds);
            r.CommandDone();
            Assert.IsFalse(r.HasPendingCommand);
            r.CommandDone();
            Assert.IsFalse(r.HasPendingCommand);

            ContentReceiver after = NewReceiver(nonce: NonceAfterReboot);
            Assert.AreEqual(WireError.WrongSession, Receive(after, CommandMessage(new Command { Code = Command.CodeReboot }, 0x200)), "a captured reboot command is useless after the reboot");
            Assert.IsFalse(after.HasPendingCommand);
        }

        [TestMethod]
        public void Receive_CommandsBeyondQueue_RefusedWithoutUsingTheSequence()
        {
            ContentReceiver r = NewReceiver();
            var status = new Command { Code = Command.CodeRequestStatus };
            for (int i = 1; i <= ContentReceiver.MaxPendingCommands; i++)
            {
                Assert.AreEqual(WireError.None, Receive(r, CommandMessage(status, (ulong)i)));
            }

            byte[] reboot = CommandMessage(new Command { Code = Command.CodeReboot }, 10);
            Assert.AreEqual(WireError.BufferTooSmall, Receive(r, reboot));
            r.CommandDone();
            Assert.AreEqual(WireError.None, Receive(r, reboot));
            for (int i = 1; i < ContentReceiver.MaxPendingCommands; i++)
            {
                r.CommandDone();
            }

            Assert.AreEqual(Command.CodeReboot, r.PendingCommand.Code);
        }

        [TestMethod]
        public void Receive_UnknownCommand_RefusedAndNotQueued()
        {
            ContentReceiver r = NewReceiver();
            MessageBuilder b = VectorCatalog.Builder();
            b.Buffer[Envelope.HeaderSize] = 0x7E;
            byte[] unknown = Take(b, b.Seal(MessageKind.Command, 1, Nonce, VectorCatalog.IssuedAt, 1));
            Assert.AreEqual(WireError.UnknownCommand, Receive(r, unknown));
            Assert.IsFalse(r.HasPendingCommand);
            Assert.AreEqual(1, r.DecodeErrorCount);
        }

        // 4. Alerts

        [TestMethod]
        public void Receive_AlertThenClear_AlertEndsAndCapturedAlertIsUseless()
        {
            ContentReceiver r = NewReceiver();
            Assert.AreEqual(WireError.None, Receive(r, VectorCatalog.Program()));
            byte[] alert = VectorCatalog.Alert();
            Assert.AreEqual(WireError.None, Receive(r, alert));
            Assert.IsTrue(r.HasAlert);
            Assert.IsTrue(r.IsAlertActiveAt(Now));
            Assert.AreEqual(BoardStatus.AlertActive, r.AlertStateAt(Now));
            Assert.AreEqual(VectorCatalog.AlertSequence, r.AlertSequence);
            Assert.AreEqual(1000, r.Alert.BlinkPeriodMs);
            Assert.AreEqual(ProgramItem.LevelEmergency, r.Alert.Level);
            Assert.AreSame(alert, r.AlertMessage);
            AssertFrame(r, ContentReceiver.ItemAlert, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());

            byte[] clear = VectorCatalog.AlertClear();
            Assert.AreEqual(WireError.None, Receive(r, clear));
            Assert.IsTrue(r.ReplayStateChanged);
            Assert.IsTrue(r.LastChangedContent);
            Assert.IsFalse(r.HasAlert);
            Assert.IsFalse(r.IsAlertActiveAt(Now));
            Assert.AreEqual(BoardStatus.AlertCleared, r.AlertStateAt(Now));
            Assert.AreEqual(VectorCatalog.AlertSequence, r.AlertSequence, "status names the alert that was cleared");
            Assert.AreSame(clear, r.AlertMessage, "the clear is the alert stream's flash copy");
            Assert.IsFalse(r.TryDecodeFrame(ContentReceiver.ItemAlert, 0, new FrameHeader(), new byte[64], out _));
            Assert.IsTrue(r.HasProgram, "the program is untouched");

            Assert.AreEqual(WireError.Replay, Receive(r, VectorCatalog.Alert()), "a captured copy of the alert");
            Assert.IsFalse(r.HasAlert);
            Assert.AreEqual(WireError.Duplicate, Receive(r, VectorCatalog.AlertClear()), "the retained clear");
        }

        [TestMethod]
        public void Receive_ClearForOlderAlert_LeavesNewerAlertActive()
        {
            ContentReceiver r = NewReceiver();
            Assert.AreEqual(WireError.None, Receive(r, Alert(20)));
            Assert.AreEqual(WireError.None, Receive(r, Alert(21)));
            Assert.AreEqual(21UL, r.AlertSequence);
            Assert.AreEqual(21, Decode(r, ContentReceiver.ItemAlert, 0)[0]);

            Assert.AreEqual(WireError.None, Receive(r, Clear(20, 22)), "accepted: it advances the alert stream");
            Assert.IsTrue(r.ReplayStateChanged);
            Assert.IsTrue(r.IsAlertActiveAt(Now));
            Assert.AreEqual(21UL, r.AlertSequence);
            Assert.AreEqual(WireError.Replay, Receive(r, Alert(21)), "the held alert's own message is now below the stream");

            Assert.AreEqual(WireError.None, Receive(r, Clear(99, 23)), "an alert this board never received");
            Assert.IsTrue(r.IsAlertActiveAt(Now));

            Assert.AreEqual(WireError.None, Receive(r, Clear(0, 24)), "0 = whatever alert is active");
            Assert.IsFalse(r.HasAlert);
            Assert.AreEqual(BoardStatus.AlertCleared, r.AlertStateAt(Now));
            Assert.AreEqual(21UL, r.AlertSequence);
        }

        [TestMethod]
        public void IsAlertActiveAt_ValidUntilPassed_IsFalse()
        {
            ContentReceiver r = NewReceiver();
            Assert.AreEqual(BoardStatus.AlertNone, r.AlertStateAt(Now));
            Assert.AreEqual(WireError.None, Receive(r, VectorCatalog.Alert()));
            uint until = VectorCatalog.AlertItem().ValidUntil;
            Assert.IsTrue(r.IsAlertActiveAt(until - 1));
            Assert.IsFalse(r.IsAlertActiveAt(until), "valid until is exclusive");
            Assert.IsFalse(r.IsAlertActiveAt(until + 86400));
            Assert.AreEqual(BoardStatus.AlertExpired, r.AlertStateAt(until));
            Assert.IsTrue(r.IsAlertActiveAt(0), "a board that does not know the time keeps the alert until it is cleared");
            Assert.IsTrue(r.HasAlert);

            Assert.AreEqual(WireError.None, Receive(r, Alert(VectorCatalog.AlertSequence + 5)), "no expiry");
            Assert.IsTrue(r.IsAlertActiveAt(until + 86400));
        }

        [TestMethod]
        public void Restore_AlertStreamAfterReboot_ClearedAlertStaysCleared()
        {
            var guard = new ReplayGuard();
            ContentReceiver before = NewReceiver(guard);
            byte[] alert = VectorCatalog.Alert();
            Assert.AreEqual(WireError.None, Receive(before, alert));
            byte[] heldAlert = (byte[])before.AlertMessage!.Clone();
            byte[] stateWithAlert = SaveState(guard);
            Assert.AreEqual(WireError.None, Receive(before, VectorCatalog.AlertClear()));
            byte[] heldClear = (byte[])before.AlertMessage!.Clone();
            byte[] stateWithClear = SaveState(guard);

            ContentReceiver alertBoot = NewReceiver(LoadState(stateWithAlert), NonceAfterReboot);
            Assert.AreEqual(WireError.Duplicate, alertBoot.Restore(heldAlert, heldAlert.Length));
            Assert.IsTrue(alertBoot.IsAlertActiveAt(Now));
            AssertFrame(alertBoot, ContentReceiver.ItemAlert, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());

            ContentReceiver clearBoot = NewReceiver(LoadState(stateWithClear), NonceAfterReboot);
            Assert.AreEqual(WireError.Replay, clearBoot.Restore(heldAlert, heldAlert.Length));
            Assert.AreEqual(WireError.Duplicate, clearBoot.Restore(heldClear, heldClear.Length));
            Assert.IsFalse(clearBoot.HasAlert);
            Assert.AreEqual(BoardStatus.AlertCleared, clearBoot.AlertStateAt(Now));
            Assert.AreEqual(VectorCatalog.AlertSequence, clearBoot.AlertSequence);
        }

        // 5. Robustness

        [TestMethod]
        public void Receive_EverySingleBitFlipOfAcceptedProgram_RejectedAndContentUnchanged()
        {
            ContentReceiver r = NewReceiver();
            byte[] program = VectorCatalog.Program();
            Assert.AreEqual(WireError.None, Receive(r, program));
            r.MarkReplayStateSaved();
            byte[] flipped = (byte[])program.Clone();
            for (int bit = 0; bit < flipped.Length * 8; bit++)
            {
                flipped[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                int code = r.Receive(flipped, flipped.Length, Now);
                Assert.AreNotEqual(WireError.None, code, "bit " + bit);
                Assert.AreNotEqual(WireError.Duplicate, code, "bit " + bit);
                Assert.AreSame(program, r.ProgramMessage, "bit " + bit);
                Assert.IsFalse(r.ReplayStateChanged, "bit " + bit);
                flipped[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            }

            Assert.AreEqual(program.Length * 8, r.RejectedCount);
            CollectionAssert.AreEqual(VectorCatalog.Program(), program, "the held message was never written to");
            AssertFrame(r, 1, 1, VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels());
        }

        [TestMethod]
        public void Receive_RandomBytes_NeverThrowNeverAccept()
        {
            ContentReceiver r = NewReceiver();
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            {
                int code = r.Receive(bytes, bytes.Length, Now);
                return code != WireError.None && code != WireError.Duplicate && !r.HasProgram && !r.HasAlert && !r.HasLiveFrame && !r.HasPendingCommand;
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void Receive_RandomAuthenticPayloads_NeverThrowAndAcceptOnlyValidContent()
        {
            // Re-signed messages with random payloads reach the payload decoders through the receiver.
            ContentReceiver r = NewReceiver();
            var rng = new TestKit.Rng(0x80A5);
            byte[][] templates = { VectorCatalog.Program(), VectorCatalog.Alert(), VectorCatalog.AlertClear(), VectorCatalog.LiveFrame(), VectorCatalog.CommandBrightness() };
            var header = new FrameHeader();
            byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
            ulong sequence = 0x100000;
            for (int i = 0; i < 3000; i++)
            {
                byte[] m = (byte[])templates[rng.Below(templates.Length)].Clone();
                int flips = 1 + rng.Below(4);
                for (int f = 0; f < flips; f++)
                {
                    m[Envelope.HeaderSize + rng.Below(m.Length - Envelope.Overhead)] = (byte)rng.Next();
                }

                BigEndian.WriteUInt64(m, 14, ++sequence);
                int code = r.Receive(TestKit.Resign(m), m.Length, Now);
                if (code == WireError.None && r.HasProgram)
                {
                    for (int item = 0; item < r.Program.ItemCount; item++)
                    {
                        Assert.IsTrue(r.TryDecodeFrame(item, 0, header, pixels, out int e), WireError.Describe(e));
                    }
                }
            }

            Assert.IsGreaterThan(0, r.RejectedCount);
            Assert.IsLessThan(3000, r.RejectedCount);
        }

        [TestMethod]
        public void Receive_ProgramMessage_AllocatesNothing()
        {
            ContentReceiver r = NewReceiver();
            byte[][] programs = new byte[20][];
            for (int i = 0; i < programs.Length; i++)
            {
                programs[i] = i == 0 ? VectorCatalog.Program() : Program(VectorCatalog.ProgramSequence + (ulong)i, (byte)i);
            }

            byte[] tampered = (byte[])programs[1].Clone();
            tampered[60] ^= 0x01;
            var header = new FrameHeader();
            byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
            Assert.AreEqual(WireError.None, r.Receive(programs[0], programs[0].Length, Now), "warm-up");
            r.TryDecodeFrame(0, 0, header, pixels, out _);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 1; i < programs.Length; i++)
            {
                r.Receive(tampered, tampered.Length, Now);
                Assert.AreEqual(WireError.None, r.Receive(programs[i], programs[i].Length, Now));
                r.Receive(programs[i], programs[i].Length, Now);
                r.Receive(programs[i - 1], programs[i - 1].Length, Now);
                r.TryDecodeFrame(0, 0, header, pixels, out _);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
            Assert.AreEqual(programs.Length - 1, (int)(r.ProgramSequence - VectorCatalog.ProgramSequence));
        }

        [TestMethod]
        public void Constructor_InvalidArguments_Throw()
        {
            Assert.ThrowsExactly<ArgumentException>(() => new ContentReceiver("Bad Id", TestKit.VectorKeys(), new ReplayGuard(), 1));
            Assert.ThrowsExactly<ArgumentException>(() => new ContentReceiver(VectorCatalog.BoardIdText, TestKit.VectorKeys(), new ReplayGuard(), 0));
            Assert.ThrowsExactly<ArgumentException>(() => new ContentReceiver(VectorCatalog.BoardIdText, null!, new ReplayGuard(), 1));
        }

        [TestMethod]
        public void Receive_NullOrShortInput_ReturnsErrorCode()
        {
            ContentReceiver r = NewReceiver();
            Assert.AreEqual(WireError.BadArgument, r.Receive(null!, 0, Now));
            byte[] program = VectorCatalog.Program();
            Assert.AreEqual(WireError.Truncated, r.Receive(program, program.Length + 1, Now));
            Assert.AreEqual(WireError.Truncated, r.Receive(program, -1, Now));
            Assert.AreEqual(WireError.Truncated, r.Receive(program, program.Length - 1, Now));
            byte[] trailing = new byte[program.Length + 1];
            program.CopyTo(trailing, 0);
            Assert.AreEqual(WireError.LengthMismatch, r.Receive(trailing, trailing.Length, Now));
            Assert.AreEqual(5, r.RejectedCount);
            Assert.IsFalse(r.HasProgram);
        }
    }
}
