using System;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Tests.Fakes;
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
        private const ulong NonceAfterReboot = TestBoard.RebootNonce;
        private const long Now = VectorCatalog.IssuedAt;

        private static TestBoard NewBoard(ulong nonce = Nonce) => new TestBoard(nonce: nonce);

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

        private static int Receive(TestBoard b, byte[] message) => b.Receive(message);

        private static byte[] Decode(TestBoard b, int item, int frame, FrameHeader? header = null)
        {
            header ??= new FrameHeader();
            byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
            Assert.IsTrue(b.Content.TryDecodeFrame(item, frame, header, pixels, out int error), WireError.Describe(error));
            return pixels.AsSpan(0, PixelPacking.RawLength(header.Format, header.Width, header.Height)).ToArray();
        }

        private static void AssertFrame(TestBoard r, int item, int frame, FrameHeader expected, byte[] expectedPixels)
        {
            var header = new FrameHeader();
            CollectionAssert.AreEqual(expectedPixels, Decode(r, item, frame, header), "item " + item + " frame " + frame);
            Assert.AreEqual(expected.Format, header.Format);
            Assert.AreEqual(expected.Width, header.Width);
            Assert.AreEqual(expected.Height, header.Height);
            CollectionAssert.AreEqual(expected.Palette, header.Palette);
        }

        // 1. Programs

        [TestMethod]
        public void Receive_ProgramVector_FramesDecodeEqualToWhatWasEncoded()
        {
            TestBoard b = NewBoard();
            byte[] program = VectorCatalog.Program();
            Assert.AreEqual(WireError.None, Receive(b, program));
            HeldContent c = b.Content;
            Assert.IsTrue(c.HasProgram);
            Assert.AreEqual(VectorCatalog.ProgramSequence, c.ProgramSequence);
            Assert.AreSame(program, c.ProgramMessage, "kept by reference, not copied");
            Assert.AreEqual(program.Length, c.ProgramLength);
            Assert.AreEqual(MessageKind.Program, b.Receiver.LastKind);
            Assert.IsTrue(b.Receiver.LastChangedContent);
            Assert.IsTrue(b.Receiver.LastSavedState);
            Assert.AreEqual(420, c.Program.UtcOffsetMinutes);
            Assert.AreEqual(2, c.Program.ItemCount);

            var item = new ProgramItem();
            Assert.IsTrue(c.TryGetProgramItem(1, item));
            Assert.AreEqual(ProgramItem.LayoutPage, item.Layout);
            Assert.AreEqual(2, item.FrameCount);
            Assert.AreEqual(VectorCatalog.ProgramItem1().ValidUntil, item.ValidUntil);
            Assert.IsFalse(c.TryGetProgramItem(2, item));
            Assert.IsFalse(c.TryGetProgramItem(-1, item));

            AssertFrame(b, 0, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());
            AssertFrame(b, 1, 0, VectorCatalog.Palette2Header(), VectorCatalog.Palette2Pixels());
            AssertFrame(b, 1, 1, VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels());
            AssertFrame(b, 0, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());
            Assert.IsFalse(c.TryDecodeFrame(1, 2, new FrameHeader(), new byte[64], out int error));
            Assert.AreEqual(WireError.BadArgument, error);
            Assert.IsFalse(c.TryDecodeFrame(1, 1, new FrameHeader(), new byte[23], out error));
            Assert.AreEqual(WireError.BufferTooSmall, error);
            Assert.IsFalse(c.TryDecodeFrame(-7, 0, new FrameHeader(), new byte[64], out error), "no such item index");
            Assert.AreEqual(WireError.BadArgument, error);
        }

        [TestMethod]
        public void Receive_NewProgram_WrittenToFlashBeforeTheReplayState()
        {
            var files = new RecordingFileStore();
            var b = new TestBoard(files);
            Assert.AreEqual(WireError.None, Receive(b, VectorCatalog.Program()));
            int contentAt = files.Writes.IndexOf(BoardStorage.ProgramFile + BoardStorage.NewSuffix);
            int stateAt = files.Writes.FindIndex(n => n.StartsWith("replay", StringComparison.Ordinal));
            Assert.IsGreaterThanOrEqualTo(0, contentAt);
            Assert.IsGreaterThan(contentAt, stateAt, "content first, state second");
            CollectionAssert.AreEqual(VectorCatalog.Program(), files.Read(BoardStorage.ProgramFile));
        }

        [TestMethod]
        public void Receive_SameProgramAgain_ReturnsDuplicateAndChangesNothing()
        {
            TestBoard b = NewBoard();
            byte[] program = VectorCatalog.Program();
            Assert.AreEqual(WireError.None, Receive(b, program));
            int version = b.Content.Version;

            byte[] retained = VectorCatalog.Program();
            Assert.AreEqual(WireError.Duplicate, Receive(b, retained));
            Assert.AreSame(program, b.Content.ProgramMessage);
            Assert.AreEqual(version, b.Content.Version);
            Assert.IsFalse(b.Receiver.LastChangedContent);
            Assert.IsFalse(b.Receiver.LastSavedState);
            Assert.AreEqual(0, b.Receiver.RejectedCount, "a duplicate is not a rejection");
            Assert.AreEqual(WireError.Duplicate, b.Receiver.LastError);
        }

        [TestMethod]
        public void Receive_TamperedByte_ReturnsBadTagAndContentUnchanged()
        {
            TestBoard b = NewBoard();
            byte[] first = Program(10);
            Assert.AreEqual(WireError.None, Receive(b, first));

            byte[] tampered = Program(11, 0x01);
            tampered[Envelope.HeaderSize + ProgramCodec.ProgramHeaderSize + ProgramCodec.ItemHeaderSize + 14] ^= 0x80;
            Assert.AreEqual(WireError.BadTag, Receive(b, tampered));
            Assert.AreEqual(10UL, b.Content.ProgramSequence);
            Assert.AreSame(first, b.Content.ProgramMessage);
            Assert.AreEqual(0x80, Decode(b, 0, 0)[0]);
            Assert.IsFalse(b.Receiver.LastSavedState);
            Assert.AreEqual(1, b.Receiver.RejectedCount);
            Assert.AreEqual(1, b.Receiver.BadTagCount);
            Assert.AreEqual(0, b.Receiver.LastKind, "an unverified header names no kind");
        }

        [TestMethod]
        public void Receive_OlderProgramAfterNewer_ReturnsReplayOrRollbackAndContentUnchanged()
        {
            TestBoard b = NewBoard();
            byte[] newer = Program(20, 0x20);
            Assert.AreEqual(WireError.None, Receive(b, newer));
            Assert.AreEqual(WireError.Replay, Receive(b, Program(19, 0x19)));
            Assert.AreEqual(WireError.Rollback, Receive(b, Program(20, 0x21)), "same number, other content");
            Assert.AreEqual(20UL, b.Content.ProgramSequence);
            Assert.AreSame(newer, b.Content.ProgramMessage);
            Assert.AreEqual(0x20, Decode(b, 0, 0)[0]);
            Assert.AreEqual(2, b.Receiver.ReplayCount);
            Assert.AreEqual(2, b.Receiver.RejectedCount);
            Assert.AreEqual(MessageKind.Program, b.Receiver.LastKind);
            Assert.AreEqual(20UL, b.Receiver.LastSequence);
        }

        [TestMethod]
        public void Receive_SequenceZero_IsReplay()
        {
            TestBoard b = NewBoard();
            Assert.AreEqual(WireError.Replay, Receive(b, Program(0)), "sequences start at 1: 0 is never newer than nothing");
            Assert.IsFalse(b.Content.HasProgram);
        }

        [TestMethod]
        public void Receive_NewerProgram_ReplacesHeldProgram()
        {
            TestBoard b = NewBoard();
            Assert.AreEqual(WireError.None, Receive(b, VectorCatalog.Program()));
            Assert.AreEqual(2, b.Content.Program.ItemCount);
            Assert.AreEqual(WireError.None, Receive(b, Program(VectorCatalog.ProgramSequence + 1, 0x01)));
            Assert.AreEqual(1, b.Content.Program.ItemCount);
            Assert.AreEqual(0x01, Decode(b, 0, 0)[0]);
            Assert.IsFalse(b.Content.TryDecodeFrame(1, 0, new FrameHeader(), new byte[64], out _), "item 1 of the old program is gone");
        }

        [TestMethod]
        public void Receive_OtherBoardsMessage_ReturnsWrongBoard()
        {
            TestBoard b = NewBoard();
            byte[] otherHash = new byte[BoardId.HashSize];
            Assert.IsTrue(BoardId.ComputeHash("lc-mlt-gate-2", otherHash, 0));
            var other = new MessageBuilder(otherHash, VectorCatalog.KeyId, VectorCatalog.Key());
            Assert.AreEqual(WireError.WrongBoard, Receive(b, Program(5, 0x80, other)));
            Assert.IsFalse(b.Content.HasProgram);
            Assert.AreEqual(1, b.Receiver.RejectedCount);
        }

        [TestMethod]
        public void Receive_ProgramWithBadPayload_ReturnsDecodeErrorAndStateDoesNotAdvance()
        {
            TestBoard b = NewBoard();
            byte[] bad = Program(7);
            bad[Envelope.HeaderSize + 2] = 0; // item count 0
            bad = TestKit.Resign(bad);
            Assert.AreEqual(WireError.BadItemCount, Receive(b, bad));
            Assert.AreEqual(1, b.Receiver.DecodeErrorCount);
            Assert.IsFalse(b.Receiver.LastSavedState);
            Assert.IsFalse(b.Files.Exists(BoardStorage.ProgramFile), "nothing stored");
            Assert.AreEqual(WireError.None, Receive(b, Program(7)), "the sequence was not used up");
        }

        [TestMethod]
        public void Receive_OwnStatusReflected_ReturnsUnknownKind()
        {
            TestBoard b = NewBoard();
            Assert.AreEqual(WireError.UnknownKind, Receive(b, VectorCatalog.Status()));
            Assert.AreEqual(WireError.UnknownKind, Receive(b, VectorCatalog.Event()));
            Assert.AreEqual(2, b.Receiver.RejectedCount);
        }

        [TestMethod]
        public void Receive_FlashFails_ReturnsStorageFailedAndNothingChanges()
        {
            var files = new RecordingFileStore { FailWrites = true };
            var b = new TestBoard(files);
            Assert.AreEqual(WireError.StorageFailed, Receive(b, VectorCatalog.Program()));
            Assert.IsFalse(b.Content.HasProgram);
            Assert.AreEqual(0UL, b.Replay.GetSequence(ReplayGuard.StreamProgram), "the replay state did not move ahead of the flash");
            files.FailWrites = false;
            Assert.AreEqual(WireError.None, Receive(b, VectorCatalog.Program()), "the retained copy is taken once the flash works");
        }

        // 2. Reboot

        [TestMethod]
        public void Reboot_StoredProgramBackAndOldProgramRefused()
        {
            TestBoard before = NewBoard();
            byte[] old = Program(30, 0x30);
            byte[] current = Program(31, 0x31);
            Assert.AreEqual(WireError.None, Receive(before, old));
            Assert.AreEqual(WireError.None, Receive(before, current));

            TestBoard after = before.Reboot();
            Assert.AreEqual(BoardStorage.StateLoaded, after.StateLoad);
            Assert.AreEqual(1, after.Restored);
            Assert.IsTrue(after.Content.HasProgram);
            Assert.AreEqual(31UL, after.Content.ProgramSequence);
            Assert.AreEqual(0x31, Decode(after, 0, 0)[0]);
            Assert.AreEqual(current.Length, after.Content.ProgramLength, "the message's own length, not the buffer's");

            Assert.AreEqual(WireError.Duplicate, Receive(after, (byte[])current.Clone()), "the retained copy after subscribing");
            Assert.IsFalse(after.Receiver.LastChangedContent);
            Assert.AreEqual(WireError.Replay, Receive(after, old), "a captured old program re-published after the reboot");
            Assert.AreEqual(WireError.Replay, after.Receiver.Restore(old, old.Length, 0), "nor can it come back as a flash copy");
            Assert.AreEqual(31UL, after.Content.ProgramSequence);
        }

        [TestMethod]
        public void Reboot_RestoreFromOversizedBuffer_UsesTheMessageLength()
        {
            // A glue that reads into a reused, larger buffer: the held message keeps its own length (it failed before).
            TestBoard b = NewBoard();
            byte[] program = VectorCatalog.Program();
            byte[] buffer = new byte[WireLimits.MaxProgramBytes];
            program.CopyTo(buffer, 0);
            Assert.AreEqual(WireError.None, b.Receiver.Receive(buffer, program.Length, 0));
            Assert.AreEqual(program.Length, b.Content.ProgramLength);
            Assert.AreEqual(program.Length, b.Files.Read(BoardStorage.ProgramFile)!.Length);
            TestBoard after = b.Reboot();
            Assert.AreEqual(1, after.Restored);
            Assert.AreEqual(VectorCatalog.ProgramSequence, after.Content.ProgramSequence);
        }

        [TestMethod]
        public void Receive_RetainedCopyWhenFlashCopyMissing_ReturnsDuplicateAndRestoresContent()
        {
            TestBoard before = NewBoard();
            Assert.AreEqual(WireError.None, Receive(before, VectorCatalog.Program()));
            before.Files.Delete(BoardStorage.ProgramFile);
            TestBoard after = before.Reboot();
            Assert.IsFalse(after.Content.HasProgram);

            Assert.AreEqual(WireError.Duplicate, Receive(after, VectorCatalog.Program()));
            Assert.IsTrue(after.Content.HasProgram);
            Assert.IsTrue(after.Receiver.LastChangedContent);
            Assert.IsTrue(after.Files.Exists(BoardStorage.ProgramFile), "the flash copy is written again");
            AssertFrame(after, 1, 1, VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels());
        }

        [TestMethod]
        public void Restore_StateOlderThanFlashCopy_AcceptsAsNewAndSavesTheState()
        {
            // A power cut after the content was written and before the state was: the flash copy is the newer one.
            TestBoard b = NewBoard(NonceAfterReboot);
            byte[] program = VectorCatalog.Program();
            Assert.AreEqual(WireError.None, b.Receiver.Restore(program, program.Length, 0));
            Assert.IsTrue(b.Content.HasProgram);
            Assert.IsTrue(b.Receiver.LastSavedState);
            Assert.AreEqual(VectorCatalog.ProgramSequence, b.Reboot().Replay.GetSequence(ReplayGuard.StreamProgram));
        }

        [TestMethod]
        public void Restore_SessionBoundOrDamagedMessage_IsRefused()
        {
            TestBoard b = NewBoard();
            byte[] frame = LiveFrame(1, Nonce);
            Assert.AreEqual(WireError.BadArgument, b.Receiver.Restore(frame, frame.Length, 0));
            Assert.IsFalse(b.Content.HasLiveFrame);
            byte[] program = VectorCatalog.Program();
            program[^1] ^= 0x01;
            Assert.AreEqual(WireError.BadTag, b.Receiver.Restore(program, program.Length, 0));
            Assert.AreEqual(WireError.Truncated, b.Receiver.Restore(program, 10, 0));
            Assert.IsFalse(b.Content.HasProgram);
            Assert.AreEqual(3, b.Receiver.RejectedCount);
        }

        // 3. Live frames and commands

        [TestMethod]
        public void Receive_LiveFrame_DecodesAndOldSessionRefusedAfterReboot()
        {
            TestBoard b = NewBoard();
            byte[] live = VectorCatalog.LiveFrame();
            Assert.AreEqual(WireError.None, b.Receive(live, 1234));
            Assert.IsTrue(b.Content.HasLiveFrame);
            Assert.AreEqual(1234L, b.Content.LiveFrameReceivedAtMs);
            AssertFrame(b, HeldContent.ItemLive, 0, VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels());
            Assert.AreEqual(WireError.Replay, Receive(b, VectorCatalog.LiveFrame()));
            b.Content.DropLiveFrame();
            Assert.IsFalse(b.Content.HasLiveFrame);
            Assert.IsFalse(b.Content.TryDecodeFrame(HeldContent.ItemLive, 0, new FrameHeader(), new byte[64], out int error));
            Assert.AreEqual(WireError.BadArgument, error);

            TestBoard after = b.Reboot();
            Assert.AreEqual(NonceAfterReboot, after.Receiver.SessionNonce);
            Assert.AreEqual(WireError.WrongSession, Receive(after, LiveFrame(VectorCatalog.LiveFrameSequence + 1, Nonce)));
            Assert.IsFalse(after.Content.HasLiveFrame);
            Assert.AreEqual(WireError.None, Receive(after, LiveFrame(1, NonceAfterReboot)), "counters restart with the new nonce");
        }

        [TestMethod]
        public void Receive_Command_AcceptedOnceAndReplayRefused()
        {
            TestBoard b = NewBoard();
            CommandQueue q = b.Receiver.Commands;
            byte[] brightness = VectorCatalog.CommandBrightness();
            Assert.AreEqual(WireError.None, Receive(b, brightness));
            Assert.IsFalse(b.Receiver.LastChangedContent);
            Assert.IsFalse(b.Receiver.LastSavedState, "commands live in RAM only");
            Assert.AreEqual(1, q.Count);
            Assert.AreEqual(Command.CodeBrightness, q.Oldest.Code);
            Assert.AreEqual(204, q.Oldest.BrightnessLevel);
            Assert.AreEqual(VectorCatalog.CommandSequence, q.Oldest.Sequence);
            Assert.AreEqual(WireError.Replay, Receive(b, VectorCatalog.CommandBrightness()));

            Assert.AreEqual(WireError.None, Receive(b, VectorCatalog.CommandIdentify()));
            Assert.AreEqual(Command.CodeBrightness, q.Oldest.Code, "oldest first");
            q.RemoveOldest();
            Assert.AreEqual(Command.CodeIdentify, q.Oldest.Code);
            Assert.AreEqual(300, q.Oldest.IdentifySeconds);
            q.RemoveOldest();
            Assert.AreEqual(0, q.Count);
            q.RemoveOldest();
            Assert.AreEqual(0, q.Count);

            TestBoard after = b.Reboot();
            Assert.AreEqual(WireError.WrongSession, Receive(after, CommandMessage(new Command { Code = Command.CodeReboot }, 0x200)), "a captured reboot command is useless after the reboot");
            Assert.AreEqual(0, after.Receiver.Commands.Count);
        }

        [TestMethod]
        public void Receive_CommandsBeyondQueue_RefusedWithoutUsingTheSequence()
        {
            TestBoard b = NewBoard();
            CommandQueue q = b.Receiver.Commands;
            var status = new Command { Code = Command.CodeRequestStatus };
            for (int i = 1; i <= CommandQueue.Capacity; i++)
            {
                Assert.AreEqual(WireError.None, Receive(b, CommandMessage(status, (ulong)i)));
            }

            byte[] reboot = CommandMessage(new Command { Code = Command.CodeReboot }, 10);
            Assert.AreEqual(WireError.CommandQueueFull, Receive(b, reboot));
            Assert.AreEqual(0, b.Receiver.DecodeErrorCount, "a full queue is not a decode error");
            q.RemoveOldest();
            Assert.AreEqual(WireError.None, Receive(b, reboot));
            for (int i = 1; i < CommandQueue.Capacity; i++)
            {
                q.RemoveOldest();
            }

            Assert.AreEqual(Command.CodeReboot, q.Oldest.Code);
        }

        [TestMethod]
        public void Receive_UnknownCommand_RefusedAndNotQueued()
        {
            TestBoard b = NewBoard();
            MessageBuilder builder = VectorCatalog.Builder();
            builder.Buffer[Envelope.HeaderSize] = 0x7E;
            byte[] unknown = Take(builder, builder.Seal(MessageKind.Command, 1, Nonce, VectorCatalog.IssuedAt, 1));
            Assert.AreEqual(WireError.UnknownCommand, Receive(b, unknown));
            Assert.AreEqual(0, b.Receiver.Commands.Count);
            Assert.AreEqual(1, b.Receiver.DecodeErrorCount);
        }

        // 4. Alerts

        [TestMethod]
        public void Receive_AlertThenClear_AlertEndsAndCapturedAlertIsUseless()
        {
            TestBoard b = NewBoard();
            HeldContent c = b.Content;
            Assert.AreEqual(WireError.None, Receive(b, VectorCatalog.Program()));
            byte[] alert = VectorCatalog.Alert();
            Assert.AreEqual(WireError.None, Receive(b, alert));
            Assert.IsTrue(c.HasAlert);
            Assert.IsTrue(c.IsAlertActiveAt(Now));
            Assert.AreEqual(BoardStatus.AlertActive, c.AlertStateAt(Now));
            Assert.AreEqual(VectorCatalog.AlertSequence, c.AlertSequence);
            Assert.AreEqual(1000, c.Alert.BlinkPeriodMs);
            Assert.AreEqual(ProgramItem.LevelEmergency, c.Alert.Level);
            Assert.AreSame(alert, c.AlertStreamMessage);
            AssertFrame(b, HeldContent.ItemAlert, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());

            byte[] clear = VectorCatalog.AlertClear();
            Assert.AreEqual(WireError.None, Receive(b, clear));
            Assert.IsTrue(b.Receiver.LastSavedState);
            Assert.IsTrue(b.Receiver.LastChangedContent);
            Assert.AreEqual(VectorCatalog.AlertSequence, b.Receiver.LastEndedAlertSequence, "the alert-ended event names the alert, not the clear");
            Assert.IsFalse(c.HasAlert);
            Assert.IsFalse(c.IsAlertActiveAt(Now));
            Assert.AreEqual(BoardStatus.AlertCleared, c.AlertStateAt(Now));
            Assert.AreEqual(VectorCatalog.AlertSequence, c.AlertSequence, "status names the alert that was cleared");
            Assert.AreSame(clear, c.AlertStreamMessage, "the clear is the alert stream's flash copy");
            Assert.IsFalse(c.TryDecodeFrame(HeldContent.ItemAlert, 0, new FrameHeader(), new byte[64], out _));
            Assert.IsTrue(c.HasProgram, "the program is untouched");

            Assert.AreEqual(WireError.Replay, Receive(b, VectorCatalog.Alert()), "a captured copy of the alert");
            Assert.IsFalse(c.HasAlert);
            Assert.AreEqual(WireError.Duplicate, Receive(b, VectorCatalog.AlertClear()), "the retained clear");
        }

        [TestMethod]
        public void Receive_ClearForOlderAlert_LeavesNewerAlertActive()
        {
            TestBoard b = NewBoard();
            HeldContent c = b.Content;
            Assert.AreEqual(WireError.None, Receive(b, Alert(20)));
            Assert.AreEqual(WireError.None, Receive(b, Alert(21)));
            Assert.AreEqual(21UL, c.AlertSequence);
            Assert.AreEqual(21, Decode(b, HeldContent.ItemAlert, 0)[0]);

            Assert.AreEqual(WireError.None, Receive(b, Clear(20, 22)), "accepted: it advances the alert stream");
            Assert.AreEqual(0UL, b.Receiver.LastEndedAlertSequence);
            Assert.IsTrue(c.IsAlertActiveAt(Now));
            Assert.AreEqual(21UL, c.AlertSequence);
            Assert.AreEqual(WireError.Replay, Receive(b, Alert(21)), "the held alert's own message is now below the stream");

            Assert.AreEqual(WireError.None, Receive(b, Clear(99, 23)), "an alert this board never received");
            Assert.IsTrue(c.IsAlertActiveAt(Now));

            Assert.AreEqual(WireError.None, Receive(b, Clear(0, 24)), "0 = whatever alert is active");
            Assert.AreEqual(21UL, b.Receiver.LastEndedAlertSequence);
            Assert.IsFalse(c.HasAlert);
            Assert.AreEqual(BoardStatus.AlertCleared, c.AlertStateAt(Now));
            Assert.AreEqual(21UL, c.AlertSequence);
        }

        [TestMethod]
        public void IsAlertActiveAt_ValidUntilPassed_IsFalse()
        {
            TestBoard b = NewBoard();
            HeldContent c = b.Content;
            Assert.AreEqual(BoardStatus.AlertNone, c.AlertStateAt(Now));
            Assert.AreEqual(WireError.None, Receive(b, VectorCatalog.Alert()));
            uint until = VectorCatalog.AlertItem().ValidUntil;
            Assert.IsTrue(c.IsAlertActiveAt(until - 1));
            Assert.IsFalse(c.IsAlertActiveAt(until), "valid until is exclusive");
            Assert.IsFalse(c.IsAlertActiveAt(until + 86400));
            Assert.AreEqual(BoardStatus.AlertExpired, c.AlertStateAt(until));
            Assert.IsTrue(c.IsAlertActiveAt(0), "a board that does not know the time keeps the alert until it is cleared");
            Assert.IsTrue(c.HasAlert);
        }

        [TestMethod]
        public void IsAlertActiveAt_NoValidUntil_EndsAfterTheMaximumLifetime()
        {
            TestBoard b = NewBoard();
            Assert.AreEqual(WireError.None, Receive(b, Alert(VectorCatalog.AlertSequence + 5)));
            long expires = VectorCatalog.IssuedAt + HeldContent.MaxAlertLifetimeSeconds;
            Assert.AreEqual(expires, b.Content.AlertExpiresAt);
            Assert.IsTrue(b.Content.IsAlertActiveAt(expires - 1));
            Assert.IsFalse(b.Content.IsAlertActiveAt(expires), "7 days after it was issued, even without valid-until");
        }

        [TestMethod]
        public void Reboot_AlertStream_ClearedAlertStaysClearedActiveAlertComesBack()
        {
            TestBoard first = NewBoard();
            Assert.AreEqual(WireError.None, Receive(first, VectorCatalog.Alert()));
            TestBoard alertBoot = first.Reboot();
            Assert.IsTrue(alertBoot.Content.IsAlertActiveAt(0));
            AssertFrame(alertBoot, HeldContent.ItemAlert, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());

            Assert.AreEqual(WireError.None, Receive(alertBoot, VectorCatalog.AlertClear()));
            TestBoard clearBoot = alertBoot.Reboot(nonce: 0x77);
            Assert.AreEqual(WireError.Replay, clearBoot.Receiver.Restore(VectorCatalog.Alert(), VectorCatalog.Alert().Length, 0));
            Assert.IsFalse(clearBoot.Content.HasAlert);
            Assert.AreEqual(BoardStatus.AlertCleared, clearBoot.Content.AlertStateAt(Now));
            Assert.AreEqual(VectorCatalog.AlertSequence, clearBoot.Content.AlertSequence);
        }

        // 5. Robustness

        [TestMethod]
        public void Receive_EverySingleBitFlipOfAcceptedProgram_RejectedAndContentUnchanged()
        {
            TestBoard b = NewBoard();
            byte[] program = VectorCatalog.Program();
            Assert.AreEqual(WireError.None, Receive(b, program));
            byte[] flipped = (byte[])program.Clone();
            for (int bit = 0; bit < flipped.Length * 8; bit++)
            {
                flipped[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                int code = b.Receiver.Receive(flipped, flipped.Length, 0);
                Assert.AreNotEqual(WireError.None, code, "bit " + bit);
                Assert.AreNotEqual(WireError.Duplicate, code, "bit " + bit);
                Assert.AreSame(program, b.Content.ProgramMessage, "bit " + bit);
                Assert.IsFalse(b.Receiver.LastSavedState, "bit " + bit);
                flipped[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            }

            Assert.AreEqual(program.Length * 8, b.Receiver.RejectedCount);
            CollectionAssert.AreEqual(VectorCatalog.Program(), program, "the held message was never written to");
            AssertFrame(b, 1, 1, VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels());
        }

        [TestMethod]
        public void Receive_RandomBytes_NeverThrowNeverAccept()
        {
            TestBoard b = NewBoard();
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            {
                int code = b.Receiver.Receive(bytes, bytes.Length, 0);
                HeldContent c = b.Content;
                return code != WireError.None && code != WireError.Duplicate && !c.HasProgram && !c.HasAlert && !c.HasLiveFrame
                    && !c.HasPreset && b.Receiver.Commands.Count == 0 && b.Files.Exists(BoardStorage.ProgramFile) == false;
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void Receive_RandomAuthenticPayloads_NeverThrowAndAcceptOnlyValidContent()
        {
            // Re-signed messages with random payloads reach the payload decoders through the receiver.
            TestBoard b = NewBoard();
            var rng = new TestKit.Rng(0x80A5);
            byte[][] templates = { VectorCatalog.Program(), VectorCatalog.Alert(), VectorCatalog.AlertClear(), VectorCatalog.LiveFrame(), VectorCatalog.CommandBrightness() };
            var header = new FrameHeader();
            byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
            ulong sequence = 0x100000;
            int accepted = 0;
            for (int i = 0; i < 3000; i++)
            {
                byte[] m = (byte[])templates[rng.Below(templates.Length)].Clone();
                int flips = 1 + rng.Below(4);
                for (int f = 0; f < flips; f++)
                {
                    m[Envelope.HeaderSize + rng.Below(m.Length - Envelope.Overhead)] = (byte)rng.Next();
                }

                BigEndian.WriteUInt64(m, 14, ++sequence);
                int code = b.Receiver.Receive(TestKit.Resign(m), m.Length, 0);
                if (code == WireError.None)
                {
                    accepted++;
                }

                if (code == WireError.None && b.Content.HasProgram)
                {
                    for (int item = 0; item < b.Content.Program.ItemCount; item++)
                    {
                        Assert.IsTrue(b.Content.TryDecodeFrame(item, 0, header, pixels, out int e), WireError.Describe(e));
                    }
                }

                while (b.Receiver.Commands.Count > 0)
                {
                    b.Receiver.Commands.RemoveOldest();
                }
            }

            Assert.IsGreaterThan(0, b.Receiver.RejectedCount);
            Assert.IsGreaterThan(0, accepted);
        }

        [TestMethod]
        public void Receive_ProgramMessage_AllocatesNothing()
        {
            var b = new TestBoard(new NullFileStore());
            byte[][] programs = new byte[20][];
            for (int i = 0; i < programs.Length; i++)
            {
                programs[i] = i == 0 ? VectorCatalog.Program() : Program(VectorCatalog.ProgramSequence + (ulong)i, (byte)i);
            }

            byte[] tampered = (byte[])programs[1].Clone();
            tampered[60] ^= 0x01;
            var header = new FrameHeader();
            byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
            Assert.AreEqual(WireError.None, b.Receiver.Receive(programs[0], programs[0].Length, 0), "warm-up");
            b.Content.TryDecodeFrame(0, 0, header, pixels, out _);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 1; i < programs.Length; i++)
            {
                b.Receiver.Receive(tampered, tampered.Length, 0);
                Assert.AreEqual(WireError.None, b.Receiver.Receive(programs[i], programs[i].Length, 0));
                b.Receiver.Receive(programs[i], programs[i].Length, 0);
                b.Receiver.Receive(programs[i - 1], programs[i - 1].Length, 0);
                b.Content.TryDecodeFrame(0, 0, header, pixels, out _);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
            Assert.AreEqual(programs.Length - 1, (int)(b.Content.ProgramSequence - VectorCatalog.ProgramSequence));
        }

        [TestMethod]
        public void Constructor_InvalidArguments_Throw()
        {
            var clock = new BoardClock();
            Assert.ThrowsExactly<ArgumentException>(() => new ContentReceiver("Bad Id", TestKit.VectorKeys(), new ReplayGuard(), 1, clock, null));
            Assert.ThrowsExactly<ArgumentException>(() => new ContentReceiver(VectorCatalog.BoardIdText, TestKit.VectorKeys(), new ReplayGuard(), 0, clock, null));
            Assert.ThrowsExactly<ArgumentException>(() => new ContentReceiver(VectorCatalog.BoardIdText, null!, new ReplayGuard(), 1, clock, null));
            Assert.ThrowsExactly<ArgumentException>(() => new ContentReceiver(VectorCatalog.BoardIdText, TestKit.VectorKeys(), new ReplayGuard(), 1, null!, null));
        }

        [TestMethod]
        public void Receive_NullOrShortInput_ReturnsErrorCode()
        {
            TestBoard b = NewBoard();
            ContentReceiver r = b.Receiver;
            Assert.AreEqual(WireError.BadArgument, r.Receive(null!, 0, 0));
            byte[] program = VectorCatalog.Program();
            Assert.AreEqual(WireError.Truncated, r.Receive(program, program.Length + 1, 0));
            Assert.AreEqual(WireError.Truncated, r.Receive(program, -1, 0));
            Assert.AreEqual(WireError.Truncated, r.Receive(program, program.Length - 1, 0));
            byte[] trailing = new byte[program.Length + 1];
            program.CopyTo(trailing, 0);
            Assert.AreEqual(WireError.LengthMismatch, r.Receive(trailing, trailing.Length, 0));
            Assert.AreEqual(5, r.RejectedCount);
            Assert.IsFalse(b.Content.HasProgram);
        }
    }
}
