using System;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Tests.Board;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// The replay state vectors (tests/vectors/state-*.hex, ReplayGuard format 2): the real code produces exactly the
    /// bytes, ReplayGuard.Load gives exactly the values of the metadata, and any damage is refused.
    /// </summary>
    [TestClass]
    public sealed class StateVectorTests
    {
        private static readonly string[] Streams = { "program", "alert", "preset" };

        [TestMethod]
        public void Build_EveryStateVector_ReproducesFile()
        {
            foreach (var spec in VectorCatalog.States())
            {
                byte[] bytes = VectorFile.Load(spec.Name).Bytes;
                Assert.AreEqual(ReplayGuard.StateSize, bytes.Length, spec.Name);
                Assert.AreEqual(148, bytes.Length);
                CollectionAssert.AreEqual(bytes, spec.Build(), spec.Name);
            }
        }

        [TestMethod]
        public void Load_EveryStateVector_GivesMetadataValues()
        {
            foreach (var spec in VectorCatalog.States())
            {
                VectorFile file = VectorFile.Load(spec.Name);
                var guard = new ReplayGuard();
                Assert.AreEqual(WireError.None, guard.Load(file.Bytes, 0, file.Bytes.Length), spec.Name);
                AssertLoaded(file, guard);
            }
        }

        [TestMethod]
        public void Metadata_StateVectors_AreTheHandStatedValues()
        {
            VectorFile fresh = VectorFile.Load("state-fresh");
            Assert.AreEqual(1L, fresh.GetInt("generation"));
            Assert.AreEqual("false", fresh.Get("recovering"));
            Assert.AreEqual(0L, fresh.GetInt("program-key-id"));

            VectorFile afterProgram = VectorFile.Load("state-after-program");
            byte[] program = VectorFile.Load("msg-program").Bytes;
            Assert.AreEqual(1L, afterProgram.GetInt("generation"));
            Assert.AreEqual(1L, afterProgram.GetInt("program-key-id"));
            Assert.AreEqual(0x10001UL, afterProgram.GetUInt64("program-sequence"));
            CollectionAssert.AreEqual(program.AsSpan(program.Length - 32).ToArray(), afterProgram.GetHex("program-tag"), "msg-program's tag");
            Assert.AreEqual((long)VectorCatalog.IssuedAt, afterProgram.GetInt("time-lower-bound"));

            VectorFile recovering = VectorFile.Load("state-recovering");
            Assert.AreEqual("true", recovering.Get("recovering"));
            Assert.AreEqual(3L, recovering.GetInt("epoch"));
            Assert.AreEqual(1767312000L, recovering.GetInt("recovery-floor"));
            Assert.AreEqual(0x01, recovering.Bytes[16], "flags bit 0");
            byte[] restored = recovering.GetHex("restored-program");
            CollectionAssert.AreEqual(restored.AsSpan(restored.Length - 32).ToArray(), recovering.GetHex("program-tag"));
        }

        [TestMethod]
        public void Save_AfterLoadOfEveryStateVector_ChangesOnlyGenerationAndCrc()
        {
            foreach (var spec in VectorCatalog.States())
            {
                byte[] bytes = VectorFile.Load(spec.Name).Bytes;
                var guard = new ReplayGuard();
                Assert.AreEqual(WireError.None, guard.Load(bytes, 0, bytes.Length));
                byte[] saved = new byte[ReplayGuard.StateSize];
                Assert.AreEqual(ReplayGuard.StateSize, guard.Save(saved, 0));
                CollectionAssert.AreEqual(bytes.AsSpan(0, 4).ToArray(), saved.AsSpan(0, 4).ToArray(), spec.Name);
                Assert.AreEqual(BigEndian.ReadUInt32(bytes, 4) + 1, BigEndian.ReadUInt32(saved, 4), spec.Name + ": generation");
                CollectionAssert.AreEqual(bytes.AsSpan(8, 136).ToArray(), saved.AsSpan(8, 136).ToArray(), spec.Name + ": bytes 8..143");
                Assert.AreNotEqual(BigEndian.ReadUInt32(bytes, 144), BigEndian.ReadUInt32(saved, 144), spec.Name + ": CRC");
                Assert.AreEqual(WireError.None, new ReplayGuard().Load(saved, 0, saved.Length));
            }
        }

        [TestMethod]
        public void Load_EveryBitFlipAndTruncationOfEveryStateVector_ReturnsStateCorruptAndKeepsState()
        {
            byte[] other = VectorFile.Load("state-after-program").Bytes;
            foreach (var spec in VectorCatalog.States())
            {
                byte[] bytes = (byte[])VectorFile.Load(spec.Name).Bytes.Clone();
                for (int bit = 0; bit < bytes.Length * 8; bit++)
                {
                    bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                    var guard = new ReplayGuard();
                    guard.Load(other, 0, other.Length);
                    Assert.AreEqual(WireError.StateCorrupt, guard.Load(bytes, 0, bytes.Length), spec.Name + " bit " + bit);
                    Assert.AreEqual(VectorCatalog.ProgramSequence, guard.GetSequence(ReplayGuard.StreamProgram), spec.Name + " bit " + bit + ": state changed");
                    Assert.AreEqual(-1, new ReplayGuard().LoadNewest(bytes, bytes.Length, null, 0, out int corrupt));
                    Assert.AreEqual(1, corrupt);
                    bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                }

                for (int n = 0; n < bytes.Length; n++)
                {
                    Assert.AreEqual(WireError.StateCorrupt, new ReplayGuard().Load(bytes.AsSpan(0, n).ToArray(), 0, n), spec.Name + " cut to " + n);
                }

                byte[] longer = new byte[bytes.Length + 1];
                bytes.CopyTo(longer, 0);
                Assert.AreEqual(WireError.StateCorrupt, new ReplayGuard().Load(longer, 0, longer.Length), spec.Name + " with a byte more");
                Assert.AreEqual(WireError.None, new ReplayGuard().Load(bytes, 0, bytes.Length), spec.Name);
            }
        }

        [TestMethod]
        public void Boot_StateAfterProgramAndMsgProgramOnFlash_RestoresItAsDuplicate()
        {
            var files = new MemoryFileStore();
            byte[] state = VectorFile.Load("state-after-program").Bytes;
            byte[] program = VectorFile.Load("msg-program").Bytes;
            files.Write(BoardStorage.StateFile1, state, state.Length);
            files.Write(BoardStorage.ProgramFile, program, program.Length);
            var board = new TestBoard(files);
            Assert.AreEqual(BoardStorage.StateLoaded, board.StateLoad);
            Assert.AreEqual(1, board.Restored);
            Assert.AreEqual(WireError.Duplicate, board.Receiver.LastError, "the stored tag is msg-program's");
            Assert.AreEqual(VectorCatalog.ProgramSequence, board.Content.ProgramSequence);
            Assert.AreEqual((long)VectorCatalog.IssuedAt, board.Clock.NowUnixSeconds(0), "the clock starts from the saved lower bound");
            Assert.AreEqual(WireError.Replay, board.Receive(VectorFile.Load("neg-program-older").Bytes));
            Assert.AreEqual(WireError.Rollback, board.Receive(VectorFile.Load("neg-program-rollback").Bytes));
        }

        [TestMethod]
        public void Boot_StateRecovering_EpochThreeAndFloorApplyToStreamsWithoutRecord()
        {
            var files = new MemoryFileStore();
            byte[] state = VectorFile.Load("state-recovering").Bytes;
            files.Write(BoardStorage.StateFile1, state, state.Length);
            var board = new TestBoard(files);
            Assert.AreEqual(BoardStorage.StateLoaded, board.StateLoad);
            Assert.IsTrue(board.Replay.Recovering);
            Assert.AreEqual(3U, board.Replay.Epoch);

            byte[] beforeFloor = Messages.Alert(VectorCatalog.AlertSequence, VectorCatalog.RecoveredIssuedAt - 1, epoch: 3);
            Assert.AreEqual(WireError.TooOld, board.Receive(beforeFloor), "issued before the floor, on a stream without a record");
            Assert.AreEqual(WireError.Replay, board.Receive(Messages.Alert(VectorCatalog.AlertSequence, VectorCatalog.RecoveredIssuedAt, epoch: 2)), "epoch 2 is over");
            Assert.AreEqual(WireError.None, board.Receive(Messages.Alert(VectorCatalog.AlertSequence, VectorCatalog.RecoveredIssuedAt, epoch: 3)), "issued at the floor");
            Assert.AreEqual(WireError.Replay, board.Receive(Messages.Program(VectorCatalog.RecoveredSequence - 1, VectorCatalog.RecoveredIssuedAt + 1, epoch: 3)), "the program stream has its record");
        }

        private static void AssertLoaded(VectorFile file, ReplayGuard guard)
        {
            string name = file.Name;
            Assert.AreEqual((uint)file.GetInt("generation"), guard.Generation, name);
            Assert.AreEqual((uint)file.GetInt("epoch"), guard.Epoch, name);
            Assert.AreEqual((uint)file.GetInt("time-lower-bound"), guard.TimeLowerBound, name);
            Assert.AreEqual(file.Get("recovering") == "true", guard.Recovering, name);
            Assert.AreEqual((uint)file.GetInt("recovery-floor"), guard.RecoveryFloor, name);
            int[] kinds = { MessageKind.Program, MessageKind.Alert, MessageKind.Preset };
            for (int s = 0; s < Streams.Length; s++)
            {
                string where = name + " " + Streams[s];
                int keyId = (int)file.GetInt(Streams[s] + "-key-id");
                ulong sequence = file.GetUInt64(Streams[s] + "-sequence");
                byte[] tag = file.GetHex(Streams[s] + "-tag");
                Assert.AreEqual(keyId, guard.GetKeyId(s), where);
                Assert.AreEqual(sequence, guard.GetSequence(s), where);
                Assert.AreEqual(keyId != 0, guard.HasRecord(s), where);
                bool stored = Array.Exists(tag, b => b != 0);

                // The tag is not exposed: a message with it is the stored one (Duplicate) whatever its sequence and
                // epoch; with one bit changed it is not.
                int verdict = guard.Check(kinds[s], 1, guard.Epoch + 5, 7, tag, 0);
                Assert.AreEqual(stored, verdict == WireError.Duplicate, where + ": tag");
                tag[31] ^= 0x01;
                Assert.AreNotEqual(WireError.Duplicate, guard.Check(kinds[s], 1, guard.Epoch + 5, 7, tag, 0), where + ": another tag");
            }
        }
    }
}
