using System;
using System.Collections.Generic;
using System.IO;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// The reboot vector (tests/vectors/board-reboot.txt): run from the file alone through the core's ContentReceiver
    /// over RAM flash that survives the power cycle, every verdict and every saved state must be the file's.
    /// </summary>
    [TestClass]
    public sealed class RebootVectorTests
    {
        [TestMethod]
        public void File_IsWhatTheCatalogGenerates()
        {
            string text = VectorCatalog.GenerateReboot();
            string path = RebootVectorFile.PathOf(VectorCatalog.RebootVectorName);
            if (Environment.GetEnvironmentVariable("BK_WRITE_VECTORS") == "1")
            {
                File.WriteAllText(path, text);
            }

            Assert.IsTrue(File.Exists(path), path + " is missing; run the tests with BK_WRITE_VECTORS=1");
            Assert.AreEqual(text, File.ReadAllText(path),
                "board-reboot.txt is not what VectorCatalog generates; after a deliberate change run the tests with BK_WRITE_VECTORS=1 and review the diff.");
        }

        [TestMethod]
        public void Run_EveryStatement_GivesTheFilesVerdictsAndStates()
        {
            RebootVectorFile file = RebootVectorFile.Load(VectorCatalog.RebootVectorName);
            RebootBoard board = Run(file, out int boots, out int receives);
            Assert.AreEqual(2, boots);
            Assert.IsGreaterThanOrEqualTo(20, receives);

            // Where the script leaves the board, stated by hand: epoch 1, msg-program-epoch1, msg-alert and msg-preset held.
            Assert.AreEqual(1U, board.Replay.Epoch);
            CollectionAssert.AreEqual(VectorFile.Load("msg-program-epoch1").Bytes, board.Receiver.Content.ProgramMessage);
            Assert.IsTrue(board.Receiver.Content.HasAlert);
            Assert.AreEqual(VectorCatalog.AlertSequence, board.Receiver.Content.AlertSequence);
            Assert.IsTrue(board.Receiver.Content.HasPreset);
            Assert.AreEqual(VectorCatalog.RebootNonce, board.Receiver.SessionNonce);
        }

        [TestMethod]
        public void Run_VerdictChanged_IsCaught()
        {
            // The runner really compares: the same file with one verdict changed fails.
            string text = File.ReadAllText(RebootVectorFile.PathOf(VectorCatalog.RebootVectorName));
            string broken = text.Replace("receive msg-command-reboot WrongSession", "receive msg-command-reboot None", StringComparison.Ordinal);
            Assert.AreNotEqual(text, broken);
            Assert.ThrowsExactly<AssertFailedException>(() => Run(RebootVectorFile.Parse("broken", broken), out _, out _));
        }

        [TestMethod]
        public void StateLines_Load_GiveTheHandStatedRecords()
        {
            RebootVectorFile file = RebootVectorFile.Load(VectorCatalog.RebootVectorName);
            var states = new List<byte[]>();
            foreach (var s in file.Statements)
            {
                if (s.Kind == "state")
                {
                    states.Add(VectorFile.ParseHex(s.First));
                }
            }

            Assert.HasCount(2, states);
            CollectionAssert.AreEqual(states[0], states[1], "nothing saved after the reboot");
            var guard = new ReplayGuard();
            Assert.AreEqual(WireError.None, guard.Load(states[0], 0, states[0].Length));
            Assert.AreEqual(5U, guard.Generation, "program, alert, preset, resync, program in epoch 1");
            Assert.AreEqual(1U, guard.Epoch);
            Assert.AreEqual(VectorCatalog.IssuedAt, guard.TimeLowerBound, "the resync's issue time");
            Assert.IsFalse(guard.Recovering);
            Assert.AreEqual(1, guard.GetKeyId(ReplayGuard.StreamProgram));
            Assert.AreEqual(VectorCatalog.ProgramSequence, guard.GetSequence(ReplayGuard.StreamProgram));
            Assert.IsFalse(guard.HasRecord(ReplayGuard.StreamAlert), "the resync started the alert stream over");
            Assert.IsFalse(guard.HasRecord(ReplayGuard.StreamPreset));
            AssertStoredTag(guard, MessageKind.Program, "msg-program-epoch1");
            AssertStoredTag(guard, MessageKind.Alert, "msg-alert");
            AssertStoredTag(guard, MessageKind.Preset, "msg-preset");
        }

        private static void AssertStoredTag(ReplayGuard guard, int kind, string vector)
        {
            byte[] m = VectorFile.Load(vector).Bytes;
            Assert.AreEqual(WireError.Duplicate, guard.Check(kind, 1, 0, 1, m, m.Length - 32), vector + "'s tag is the stored one");
        }

        /// <summary>Runs the file's statements in order, asserting each; returns the board as the file leaves it.</summary>
        private static RebootBoard Run(RebootVectorFile file, out int boots, out int receives)
        {
            Assert.AreEqual(VectorCatalog.RebootVectorName, file.Get("vector"));
            Assert.AreEqual(VectorCatalog.BoardIdText, file.Get("board"));
            var keys = new KeyRing(1);
            Assert.IsTrue(keys.AddTestVectorKey(int.Parse(file.Get("key-id"), System.Globalization.CultureInfo.InvariantCulture), VectorFile.ParseHex(file.Get("key"))));
            var board = new RebootBoard(keys);
            boots = 0;
            receives = 0;
            List<int> toRestore = new();
            foreach (RebootVectorFile.Statement s in file.Statements)
            {
                string where = file.Name + " line " + s.Line;
                if (s.Kind != "restore")
                {
                    Assert.IsEmpty(toRestore, where + ": stored content not restored at boot: " + string.Join(", ", toRestore.ConvertAll(i => RebootBoard.StreamNames[i])));
                }

                switch (s.Kind)
                {
                    case "boot":
                        Assert.AreEqual(s.Second, board.Boot(RebootBoard.ParseNonce(s.First)), where);
                        toRestore = board.StoredStreams();
                        boots++;
                        break;
                    case "restore":
                        int stream = RebootBoard.StreamOf(s.First);
                        Assert.IsNotEmpty(toRestore, where + ": nothing left to restore");
                        Assert.AreEqual(toRestore[0], stream, where + ": restores go in stream order over the stored files");
                        toRestore.RemoveAt(0);
                        Assert.AreEqual(s.Second, WireErrorName.Of(board.Restore(stream)), where);
                        break;
                    case "receive":
                        Assert.AreEqual(s.Second, WireErrorName.Of(board.Receive(VectorFile.Load(s.First).Bytes)), where + ": " + s.First);
                        receives++;
                        break;
                    case "state":
                        byte[] newest = VectorCatalog.NewestState(board.Files);
                        Assert.AreEqual(s.First, VectorFile.ToHex(newest, 0, newest.Length), where + ": newest saved state");
                        break;
                }
            }

            return board;
        }
    }
}
