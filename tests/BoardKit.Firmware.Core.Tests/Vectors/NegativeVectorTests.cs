using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Tests.Fakes;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// Runs every tests/vectors/neg-*.hex as an independent implementation would, from the file alone: a fresh receive
    /// path (the key, board and session nonce of the metadata; no content, RAM flash; no replay state unless "state"
    /// names a state vector to boot with), the other preconditions of the metadata (board-time, network-time, after),
    /// then the vector, which must be refused with exactly the WireError of "expect" and change nothing.
    /// </summary>
    [TestClass]
    public sealed class NegativeVectorTests
    {
        private static readonly string[] Required =
        {
            "neg-bad-magic", "neg-version-2", "neg-truncated", "neg-trailing-byte", "neg-declared-too-large", "neg-wrong-board",
            "neg-unknown-key-id", "neg-bad-tag", "neg-reserved-flag", "neg-unknown-kind", "neg-epoch-not-started",
            "neg-session-zero", "neg-sequence-zero", "neg-program-older", "neg-program-rollback", "neg-sequence-ahead",
            "neg-alert-expired", "neg-alert-no-issue-time", "neg-bad-item-count", "neg-bad-frame-count",
            "neg-scroll-speed-zero", "neg-beside-frame-count", "neg-blink-300", "neg-compressed-length-zero", "neg-raw-length-wrong", "neg-rle-short",
            "neg-unknown-command", "neg-brightness-percent-101", "neg-identify-zero", "neg-resync-epoch-zero",
            "neg-too-old", "neg-command-queue-full",
        };

        [TestMethod]
        public void Files_NegativeVectors_IncludeEveryRequiredCase()
        {
            string[] names = NegativeNames();
            foreach (string name in Required)
            {
                CollectionAssert.Contains(names, name);
            }
        }

        [TestMethod]
        public void Receive_EveryNegativeVector_GivesExactlyTheExpectedVerdictAndChangesNothing()
        {
            string[] names = NegativeNames();
            Assert.IsGreaterThanOrEqualTo(Required.Length, names.Length);
            foreach (string name in names)
            {
                VectorFile file = VectorFile.Load(name);
                int expected = WireErrorName.Code(file.Get("expect"));
                Assert.AreNotEqual(WireError.None, expected, name);
                Assert.AreNotEqual(WireError.Duplicate, expected, name);
                NegativeBoard board = NegativeBoard.For(file, withPreconditions: true);
                string before = board.Snapshot();
                int writes = board.Files.Writes.Count;
                int rejected = board.Receiver.RejectedCount;

                int verdict = board.Receive(file.Bytes);

                Assert.AreEqual(file.Get("expect"), WireErrorName.Of(verdict), name);
                Assert.AreEqual(verdict, board.Receiver.LastError, name);
                Assert.AreEqual(rejected + 1, board.Receiver.RejectedCount, name + ": counted once");
                Assert.IsFalse(board.Receiver.LastChangedContent, name + ": content changed");
                Assert.IsFalse(board.Receiver.LastSavedState, name + ": state saved");
                Assert.AreEqual(writes, board.Files.Writes.Count, name + ": flash written");
                Assert.AreEqual(before, board.Snapshot(), name + ": something changed");
                board.AssertSessionSequenceStillFree(file);
            }
        }

        [TestMethod]
        public void Receive_NegativeVectorWithItsFaultRepaired_IsAccepted()
        {
            // The same message with the noted field put right, on the same board: accepted, so the vector is wrong in
            // that field only (and a receive path that refuses everything would fail here).
            int repaired = 0;
            foreach (VectorCatalog.NegativeSpec spec in VectorCatalog.Negatives())
            {
                if (spec.Repaired == null)
                {
                    continue;
                }

                byte[] fixedMessage = spec.Repaired();
                CollectionAssert.AreNotEqual(spec.Build(), fixedMessage, spec.Name);
                NegativeBoard board = NegativeBoard.For(VectorFile.Load(spec.Name), withPreconditions: true);
                int verdict = board.Receive(fixedMessage);
                Assert.AreEqual(WireError.None, verdict, spec.Name + " repaired: " + WireError.Describe(verdict));
                repaired++;
            }

            Assert.IsGreaterThanOrEqualTo(Required.Length - 5, repaired);
        }

        [TestMethod]
        public void Receive_NegativeVectorWithoutItsPreconditions_IsNotRefusedThatWay()
        {
            int withPreconditions = 0;
            foreach (string name in NegativeNames())
            {
                VectorFile file = VectorFile.Load(name);
                if (file.TryGet("after") == null && file.TryGet("board-time") == null && file.TryGet("network-time") == null && file.TryGet("state") == null)
                {
                    continue;
                }

                withPreconditions++;
                NegativeBoard bare = NegativeBoard.For(file, withPreconditions: false);
                int verdict = bare.Receive(file.Bytes);
                Assert.AreNotEqual(file.Get("expect"), WireErrorName.Of(verdict), name + ": the preconditions make no difference");
            }

            Assert.IsGreaterThanOrEqualTo(5, withPreconditions);
        }

        [TestMethod]
        public void Annotation_EveryNegativeVector_MarksTheFaultyFieldWithTheVerdict()
        {
            string dir = VectorFile.FindSourceDirectory() ?? VectorFile.Directory;
            foreach (string name in NegativeNames())
            {
                string expect = VectorFile.Load(name).Get("expect");
                int faults = 0;
                foreach (string line in File.ReadAllLines(Path.Combine(dir, name + ".hex")))
                {
                    int at = line.IndexOf(VectorAnnotator.FaultMarker, StringComparison.Ordinal);
                    if (at < 0)
                    {
                        continue;
                    }

                    faults++;
                    Assert.IsFalse(line.StartsWith('#'), name + ": the fault must be on a field line: " + line);
                    StringAssert.Contains(line.Substring(at), expect, name + ": the fault note names the verdict");
                }

                Assert.AreEqual(1, faults, name + ": one faulty field");
            }
        }

        [TestMethod]
        public void Metadata_EveryNegativeVector_NamesTheVectorBoardKeyAndSession()
        {
            foreach (string name in NegativeNames())
            {
                VectorFile file = VectorFile.Load(name);
                Assert.AreEqual(name, file.Get("vector"));
                Assert.AreEqual(VectorCatalog.BoardIdText, file.Get("board"), name);
                CollectionAssert.AreEqual(VectorCatalog.BoardHash(), file.GetHex("board-hash"), name);
                CollectionAssert.AreEqual(VectorCatalog.Key(), file.GetHex("key"), name);
                Assert.AreEqual(VectorCatalog.Session, file.GetUInt64("session"), name);
                string? network = file.TryGet("network-time");
                Assert.IsTrue(network == null || (network == "yes" && file.TryGet("board-time") != null), name + ": network-time needs board-time");
                string? state = file.TryGet("state");
                Assert.IsTrue(state == null || state.StartsWith("state-", StringComparison.Ordinal), name + ": state names a state vector");
            }
        }

        private static string[] NegativeNames()
        {
            string dir = VectorFile.FindSourceDirectory() ?? VectorFile.Directory;
            string[] names = Array.ConvertAll(Directory.GetFiles(dir, "neg-*.hex"), f => Path.GetFileNameWithoutExtension(f)!);
            Array.Sort(names, StringComparer.Ordinal);
            return names;
        }

        /// <summary>A fresh receive path set up from a negative vector's metadata.</summary>
        private sealed class NegativeBoard
        {
            private NegativeBoard(RecordingFileStore files, ReplayGuard replay, BoardClock clock, ContentReceiver receiver)
            {
                Files = files;
                Replay = replay;
                Clock = clock;
                Receiver = receiver;
            }

            public RecordingFileStore Files { get; }

            public ReplayGuard Replay { get; }

            public BoardClock Clock { get; }

            public ContentReceiver Receiver { get; }

            public static NegativeBoard For(VectorFile file, bool withPreconditions)
            {
                var files = new RecordingFileStore();
                string? state = withPreconditions ? file.TryGet("state") : null;
                if (state != null)
                {
                    byte[] saved = VectorFile.Load(state).Bytes;
                    files.Write(BoardStorage.StateFile1, saved, saved.Length);
                }

                var storage = new BoardStorage(files);
                var replay = new ReplayGuard();
                Assert.AreEqual(state == null ? BoardStorage.StateFresh : BoardStorage.StateLoaded, storage.LoadState(replay), file.Name);
                var clock = new BoardClock();
                string? time = withPreconditions ? file.TryGet("board-time") : null;
                long boardTime = time == null ? 0 : long.Parse(time, CultureInfo.InvariantCulture);
                bool network = withPreconditions && file.TryGet("network-time") == "yes";
                clock.Start(network ? 0 : time != null ? boardTime : replay.TimeLowerBound, 0);
                if (network)
                {
                    clock.SetNetworkTime(boardTime * 1000, 0);
                }

                var receiver = new ContentReceiver(file.Get("board"), TestKit.KeysOf(file), replay, file.GetUInt64("session"), clock, storage);
                var board = new NegativeBoard(files, replay, clock, receiver);
                string? after = withPreconditions ? file.TryGet("after") : null;
                foreach (string name in (after ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    int verdict = board.Receive(VectorFile.Load(name).Bytes);
                    Assert.AreEqual(WireError.None, verdict, file.Name + ": precondition " + name + ": " + WireError.Describe(verdict));
                }

                return board;
            }

            public int Receive(byte[] message) => Receiver.Receive(message, message.Length, 0);

            /// <summary>Everything a refused message must leave alone: replay state, held content, commands, clock, flash.</summary>
            public string Snapshot()
            {
                var s = new StringBuilder();
                s.Append("gen ").Append(Replay.Generation).Append(" epoch ").Append(Replay.Epoch).Append(" bound ").Append(Replay.TimeLowerBound)
                    .Append(" recovering ").Append(Replay.Recovering).Append(" floor ").Append(Replay.RecoveryFloor);
                for (int stream = 0; stream < ReplayGuard.StreamCount; stream++)
                {
                    s.Append(" | ").Append(Replay.GetKeyId(stream)).Append(' ').Append(Replay.GetSequence(stream));
                }

                HeldContent c = Receiver.Content;
                s.Append(" | content ").Append(c.Version).Append(' ').Append(c.ProgramVersion).Append(' ').Append(c.AlertVersion).Append(' ')
                    .Append(c.PresetVersion).Append(' ').Append(c.LiveFrameVersion).Append(' ').Append(c.ProgramSequence).Append(' ')
                    .Append(c.AlertStreamSequence).Append(' ').Append(c.PresetSequence).Append(' ').Append(c.HasLiveFrame);
                s.Append(" | commands ").Append(Receiver.Commands.Count);
                s.Append(" | clock ").Append(Clock.Quality).Append(' ').Append(Clock.NowUnixSeconds(0));
                foreach (string name in new[] { BoardStorage.ProgramFile, BoardStorage.AlertFile, BoardStorage.PresetFile, BoardStorage.StateFile0, BoardStorage.StateFile1 })
                {
                    byte[]? bytes = Files.Read(name);
                    s.Append(" | ").Append(name).Append(' ').Append(bytes == null ? "-" : VectorFile.ToHex(bytes, 0, bytes.Length));
                }

                return s.ToString();
            }

            /// <summary>
            /// For a refused live frame or command: its sequence was not used up, so a valid message of the same
            /// session stream with that sequence is still accepted.
            /// </summary>
            public void AssertSessionSequenceStillFree(VectorFile file)
            {
                byte[] m = file.Bytes;
                if (m.Length < 22 || (m[3] != MessageKind.Command && m[3] != MessageKind.LiveFrame))
                {
                    return;
                }

                ulong sequence = BinaryPrimitives.ReadUInt64BigEndian(m.AsSpan(14));
                if (sequence == 0)
                {
                    return;
                }

                while (Receiver.Commands.Count > 0)
                {
                    Receiver.Commands.RemoveOldest(); // the board carries out what it holds (neg-command-queue-full)
                }

                MessageBuilder b = VectorCatalog.Builder();
                int n = m[3] == MessageKind.Command
                    ? b.BuildCommand(new Command { Code = Command.CodeRequestStatus }, sequence, Receiver.SessionNonce, VectorCatalog.IssuedAt)
                    : b.BuildLiveFrame(VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels(), 24, true, sequence, Receiver.SessionNonce, VectorCatalog.IssuedAt);
                byte[] valid = b.Buffer.AsSpan(0, n).ToArray();
                Assert.AreEqual(WireError.None, Receive(valid), file.Name + ": sequence 0x" + sequence.ToString("X", CultureInfo.InvariantCulture) + " was used up");
            }
        }
    }
}
