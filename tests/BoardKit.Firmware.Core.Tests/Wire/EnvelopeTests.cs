using System;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Wire
{
    [TestClass]
    public sealed class EnvelopeTests
    {
        private static readonly byte[] BoardHash = VectorCatalog.BoardHash();

        /// <summary>Both vector keys: the message vectors include msg-program-key2, signed with the second key under key id 2.</summary>
        private static KeyRing AllKeys => TestKit.AllVectorKeys();

        private static int OpenError(byte[] msg, int length, KeyRing? keys = null, byte[]? boardHash = null)
        {
            var header = new EnvelopeHeader();
            bool ok = Envelope.TryOpen(msg, 0, length, boardHash ?? BoardHash, keys ?? TestKit.VectorKeys(), header, out int error);
            Assert.AreEqual(ok, error == WireError.None);
            return error;
        }

        private static byte[][] MessageVectors()
        {
            var specs = VectorCatalog.Messages();
            var result = new byte[specs.Length][];
            for (int i = 0; i < specs.Length; i++)
            {
                result[i] = VectorFile.Load(specs[i].Name).Bytes;
            }

            return result;
        }

        [TestMethod]
        public void TryOpen_TruncatedAtEveryOffset_ReturnsError()
        {
            foreach (byte[] msg in MessageVectors())
            {
                for (int n = 0; n < msg.Length; n++)
                {
                    int error = OpenError(msg, n, AllKeys);
                    Assert.AreNotEqual(WireError.None, error, "length " + n);
                    Assert.IsTrue(error == WireError.Truncated || error == WireError.BadMagic, "length " + n + ": " + WireError.Describe(error));
                }
            }
        }

        [TestMethod]
        public void TryOpen_TruncatedCopyAtEveryOffset_ReturnsError()
        {
            // The same, with the array itself cut (no spare bytes behind the given length).
            foreach (byte[] msg in MessageVectors())
            {
                for (int n = 0; n < msg.Length; n++)
                {
                    byte[] cut = msg.AsSpan(0, n).ToArray();
                    Assert.AreNotEqual(WireError.None, OpenError(cut, n, AllKeys));
                }
            }
        }

        [TestMethod]
        public void TryOpen_EverySingleBitFlip_IsRejected()
        {
            foreach (byte[] vector in MessageVectors())
            {
                byte[] msg = (byte[])vector.Clone();
                for (int bit = 0; bit < msg.Length * 8; bit++)
                {
                    msg[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                    int error = OpenError(msg, msg.Length, AllKeys);
                    Assert.AreNotEqual(WireError.None, error, "bit " + bit);
                    msg[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                }

                Assert.AreEqual(WireError.None, OpenError(msg, msg.Length, AllKeys));
            }
        }

        [TestMethod]
        public void TryOpen_FlipInSignedBody_ReportsStructureOrBadTag()
        {
            byte[] msg = VectorFile.Load("msg-command-brightness").Bytes;
            int[] expectedByOffset = new int[msg.Length];
            for (int bit = 0; bit < msg.Length * 8; bit++)
            {
                byte[] m = (byte[])msg.Clone();
                m[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                int error = OpenError(m, m.Length);
                int offset = bit / 8;
                int[] allowed = offset < 2 ? new[] { WireError.BadMagic }
                    : offset == 2 ? new[] { WireError.UnsupportedVersion }
                    : offset == 3 ? new[] { WireError.BadTag, WireError.TooLarge }
                    : offset == 5 ? new[] { WireError.UnknownKeyId }
                    : offset >= 6 && offset < 14 ? new[] { WireError.WrongBoard }
                    : offset >= 34 && offset < 38 ? new[] { WireError.Truncated, WireError.LengthMismatch, WireError.TooLarge }
                    : new[] { WireError.BadTag };
                CollectionAssert.Contains(allowed, error, "offset " + offset + ": " + WireError.Describe(error));
            }
        }

        [TestMethod]
        public void TryOpen_WrongKey_ReturnsBadTag()
        {
            byte[] msg = VectorFile.Load("msg-program").Bytes;
            var keys = new KeyRing(1);
            byte[] other = VectorCatalog.Key();
            other[31] ^= 0x01;
            keys.Add(VectorCatalog.KeyId, other);
            Assert.AreEqual(WireError.BadTag, OpenError(msg, msg.Length, keys));
        }

        [TestMethod]
        public void TryOpen_KeyIdNotInstalled_ReturnsUnknownKeyId()
        {
            var keys = new KeyRing(2);
            keys.AddTestVectorKey(2, VectorCatalog.Key());
            byte[] msg = VectorFile.Load("msg-program").Bytes;
            Assert.AreEqual(WireError.UnknownKeyId, OpenError(msg, msg.Length, keys));
        }

        [TestMethod]
        public void TryOpen_RotatedKey_OpensWithEitherInstalledKey()
        {
            byte[] newKey = VectorCatalog.Key();
            Array.Reverse(newKey);
            var keys = new KeyRing(2);
            keys.AddTestVectorKey(1, VectorCatalog.Key());
            keys.AddTestVectorKey(2, newKey);
            var b = new MessageBuilder(BoardHash, 2, newKey);
            int n = b.BuildCommand(new Command { Code = Command.CodeReboot }, 9, VectorCatalog.Session, 0);
            Assert.AreEqual(WireError.None, OpenError(b.Buffer, n, keys));
            byte[] old = VectorFile.Load("msg-command-brightness").Bytes;
            Assert.AreEqual(WireError.None, OpenError(old, old.Length, keys));
            keys.Remove(1);
            Assert.AreEqual(WireError.UnknownKeyId, OpenError(old, old.Length, keys));
        }

        [TestMethod]
        public void TryOpen_OtherBoard_ReturnsWrongBoard()
        {
            byte[] msg = VectorFile.Load("msg-program").Bytes;
            byte[] other = new byte[8];
            BoardId.ComputeHash("lc-mlt-gate-2", other, 0);
            Assert.AreEqual(WireError.WrongBoard, OpenError(msg, msg.Length, boardHash: other));
        }

        [TestMethod]
        public void TryOpen_Version2EvenIfSigned_ReturnsUnsupportedVersion()
        {
            byte[] msg = (byte[])VectorFile.Load("msg-program").Bytes.Clone();
            msg[2] = 2;
            Assert.AreEqual(WireError.UnsupportedVersion, OpenError(TestKit.Resign(msg), msg.Length));
            msg[2] = 0;
            Assert.AreEqual(WireError.UnsupportedVersion, OpenError(TestKit.Resign(msg), msg.Length));
        }

        [TestMethod]
        public void TryOpen_UnknownKindSigned_ReturnsUnknownKind()
        {
            byte[] msg = (byte[])VectorFile.Load("msg-command-brightness").Bytes.Clone();
            msg[3] = 0x7F;
            Assert.AreEqual(WireError.UnknownKind, OpenError(TestKit.Resign(msg), msg.Length));
        }

        [TestMethod]
        public void TryOpen_ReservedFlagSigned_ReturnsReservedBitsSet()
        {
            byte[] msg = (byte[])VectorFile.Load("msg-command-brightness").Bytes.Clone();
            msg[4] = 0x80;
            Assert.AreEqual(WireError.ReservedBitsSet, OpenError(TestKit.Resign(msg), msg.Length));
        }

        [TestMethod]
        public void TryOpen_SessionRules_ReturnWrongSession()
        {
            byte[] program = (byte[])VectorFile.Load("msg-program").Bytes.Clone();
            program[29] = 1;
            Assert.AreEqual(WireError.None, OpenError(TestKit.Resign(program), program.Length), "a persistent message's session field is its epoch: ReplayGuard judges it");
            byte[] cmd = (byte[])VectorFile.Load("msg-command-brightness").Bytes.Clone();
            Array.Clear(cmd, 22, 8);
            Assert.AreEqual(WireError.WrongSession, OpenError(TestKit.Resign(cmd), cmd.Length));
        }

        [TestMethod]
        public void TryOpen_DeclaredLengthBeyondBytes_ReturnsTruncatedOrTooLarge()
        {
            byte[] msg = (byte[])VectorFile.Load("msg-command-brightness").Bytes.Clone();
            BigEndian.WriteUInt32(msg, 34, 4);
            Assert.AreEqual(WireError.Truncated, OpenError(msg, msg.Length));
            BigEndian.WriteUInt32(msg, 34, 0xFFFFFFFF);
            Assert.AreEqual(WireError.TooLarge, OpenError(msg, msg.Length));
            BigEndian.WriteUInt32(msg, 34, 0x7FFFFFFF);
            Assert.AreEqual(WireError.TooLarge, OpenError(msg, msg.Length));
            BigEndian.WriteUInt32(msg, 34, 2);
            Assert.AreEqual(WireError.LengthMismatch, OpenError(msg, msg.Length));
        }

        [TestMethod]
        public void TryOpen_TrailingByte_ReturnsLengthMismatch()
        {
            byte[] msg = VectorFile.Load("msg-alert-clear").Bytes;
            byte[] longer = new byte[msg.Length + 1];
            msg.CopyTo(longer, 0);
            Assert.AreEqual(WireError.LengthMismatch, OpenError(longer, longer.Length));
        }

        [TestMethod]
        public void TryOpen_AboveKindLimit_ReturnsTooLargeBeforeMac()
        {
            byte[] msg = new byte[WireLimits.MaxCommandBytes + 1];
            var b = VectorCatalog.Builder();
            int n = b.Seal(MessageKind.Command, 1, VectorCatalog.Session, 0, 10);
            Assert.AreEqual(Envelope.Overhead + 10, n);
            Array.Copy(b.Buffer, msg, n);
            BigEndian.WriteUInt32(msg, 34, (uint)(msg.Length - Envelope.Overhead));
            Assert.AreEqual(WireError.TooLarge, OpenError(msg, msg.Length));
        }

        [TestMethod]
        public void Seal_PayloadAboveKindLimit_ReturnsTooLarge()
        {
            var b = VectorCatalog.Builder();
            Assert.AreEqual(-WireError.TooLarge, b.Seal(MessageKind.Command, 1, 1, 0, WireLimits.MaxCommandBytes));
            Assert.AreEqual(-WireError.TooLarge, b.Seal(MessageKind.Program, 1, 0, 0, WireLimits.MaxProgramBytes - Envelope.Overhead + 1));
            Assert.IsGreaterThan(0, b.Seal(MessageKind.Program, 1, 0, 0, WireLimits.MaxProgramBytes - Envelope.Overhead));
        }

        [TestMethod]
        public void Seal_BadArguments_ReturnNegativeErrors()
        {
            var header = new EnvelopeHeader { Kind = MessageKind.Command, KeyId = 0 };
            var mac = new HmacSha256(VectorCatalog.Key());
            Assert.AreEqual(-WireError.BadArgument, Envelope.Seal(new byte[100], 0, header, 1, mac));
            header.KeyId = 1;
            Assert.AreEqual(-WireError.BufferTooSmall, Envelope.Seal(new byte[70], 0, header, 1, mac));
            Assert.AreEqual(-WireError.BufferTooSmall, Envelope.Seal(new byte[100], 101, header, 1, mac));
            header.Flags = 1;
            Assert.AreEqual(-WireError.BadArgument, Envelope.Seal(new byte[100], 0, header, 1, mac));
        }

        [TestMethod]
        public void Write_CopiesPayload_SameAsBuilder()
        {
            byte[] payload = { 0xAA, Command.CodeReboot, 0x55 };
            var header = new EnvelopeHeader { Kind = MessageKind.Command, KeyId = 1, Sequence = 5, Session = 7 };
            header.SetBoardHash(BoardHash, 0);
            byte[] dest = new byte[200];
            int n = Envelope.Write(header, payload, 1, 1, new HmacSha256(VectorCatalog.Key()), dest, 10);
            var b = VectorCatalog.Builder();
            int m = b.BuildCommand(new Command { Code = Command.CodeReboot }, 5, 7, 0);
            Assert.AreEqual(m, n);
            CollectionAssert.AreEqual(b.Buffer.AsSpan(0, m).ToArray(), dest.AsSpan(10, n).ToArray());
        }

        [TestMethod]
        public void TryOpen_RandomBytes_NeverThrowsNeverOpens()
        {
            var keys = TestKit.VectorKeys();
            var header = new EnvelopeHeader();
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            {
                bool ok = Envelope.TryOpen(bytes, 0, bytes.Length, BoardHash, keys, header, out int error);
                return !ok && error != WireError.None;
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void TryOpen_RandomBodiesBehindValidHeader_NeverThrowAndAllocateNothing()
        {
            var keys = TestKit.VectorKeys();
            var header = new EnvelopeHeader();
            byte[] buf = new byte[600];
            byte[] template = VectorFile.Load("msg-program").Bytes;
            var rng = new TestKit.Rng(0xA5);
            Envelope.TryOpen(template, 0, template.Length, BoardHash, keys, header, out _);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++)
            {
                int n = rng.Below(buf.Length);
                for (int j = 0; j < n; j++)
                {
                    buf[j] = (byte)rng.Next();
                }

                int keep = Math.Min(n, rng.Below(40));
                Array.Copy(template, buf, keep);
                if (n >= 38 && rng.Below(2) == 0)
                {
                    BigEndian.WriteUInt32(buf, 34, (uint)(n - Envelope.Overhead));
                }

                Envelope.TryOpen(buf, 0, n, BoardHash, keys, header, out _);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void TryOpen_BadOffsetsOrLengths_ReturnTruncated()
        {
            byte[] msg = VectorFile.Load("msg-alert-clear").Bytes;
            var header = new EnvelopeHeader();
            var keys = TestKit.VectorKeys();
            Assert.IsFalse(Envelope.TryOpen(msg, -1, msg.Length, BoardHash, keys, header, out int e1));
            Assert.AreEqual(WireError.Truncated, e1);
            Assert.IsFalse(Envelope.TryOpen(msg, 1, msg.Length, BoardHash, keys, header, out int e2));
            Assert.AreEqual(WireError.Truncated, e2);
            Assert.IsFalse(Envelope.TryOpen(msg, 0, -5, BoardHash, keys, header, out int e3));
            Assert.AreEqual(WireError.Truncated, e3);
        }

        [TestMethod]
        public void TryOpen_AtOffsetInLargerBuffer_Opens()
        {
            byte[] msg = VectorFile.Load("msg-live-frame").Bytes;
            byte[] buf = new byte[msg.Length + 20];
            msg.CopyTo(buf, 7);
            var header = new EnvelopeHeader();
            Assert.IsTrue(Envelope.TryOpen(buf, 7, msg.Length, BoardHash, TestKit.VectorKeys(), header, out _));
            Assert.AreEqual(7 + Envelope.HeaderSize, header.PayloadOffset);
        }

        [TestMethod]
        public void KeyRing_RejectsBadKeys()
        {
            byte[] good = VectorCatalog.Key();
            good[0] = 0xA5;
            var ring = new KeyRing(1);
            Assert.IsFalse(ring.Add(0, good));
            Assert.IsFalse(ring.Add(256, good));
            Assert.IsFalse(ring.Add(1, new byte[16]));
            Assert.IsFalse(ring.Add(1, new byte[32]), "all-zero key");
            byte[] repeated = new byte[32];
            Array.Fill(repeated, (byte)0x88);
            Assert.IsFalse(ring.Add(1, repeated), "a single repeated byte (8888... like the 2023 default passwords)");
            Assert.IsFalse(ring.Add(1, VectorCatalog.Key()), "the key the test vectors publish");
            Assert.IsTrue(KeyRing.IsUnusable(VectorCatalog.Key()));
            Assert.IsTrue(KeyRing.IsUnusable(VectorCatalog.SecondKey()), "the second published vector key");
            Assert.AreEqual(0, ring.Count);
            Assert.IsTrue(ring.Add(1, good));
            Assert.IsFalse(ring.Add(2, good), "full");
            Assert.IsTrue(ring.Add(1, good), "replace same id");
            Assert.IsNull(ring.Find(0));
            Assert.IsFalse(ring.AddTestVectorKey(1, good), "AddTestVectorKey takes only the published key");
        }

        [TestMethod]
        public void KeyRing_HighestKeyIdAndKeyIds_ListWhatIsInstalled()
        {
            byte[] a = VectorCatalog.Key();
            a[0] = 0x11;
            byte[] b = VectorCatalog.Key();
            b[0] = 0x22;
            var ring = new KeyRing(2);
            Assert.AreEqual(0, ring.HighestKeyId);
            ring.Add(7, a);
            ring.Add(3, b);
            Assert.AreEqual(7, ring.HighestKeyId);
            byte[] ids = new byte[4];
            Assert.AreEqual(2, ring.CopyKeyIds(ids, 0));
            CollectionAssert.AreEqual(new byte[] { 3, 7, 0, 0 }, ids);
            ring.Remove(7);
            Assert.AreEqual(3, ring.HighestKeyId);
        }

        [TestMethod]
        public void BoardId_InvalidIds_AreRefused()
        {
            byte[] h = new byte[8];
            Assert.IsFalse(BoardId.ComputeHash("", h, 0));
            Assert.IsFalse(BoardId.ComputeHash("a/b", h, 0));
            Assert.IsFalse(BoardId.ComputeHash("A", h, 0));
            Assert.IsFalse(BoardId.ComputeHash("+", h, 0));
            Assert.IsFalse(BoardId.ComputeHash(new string('a', 65), h, 0));
            Assert.IsTrue(BoardId.ComputeHash(new string('a', 64), h, 0));
        }

        [TestMethod]
        public void Describe_EveryCode_HasText()
        {
            for (int code = 0; code <= WireError.MaxCode; code++)
            {
                Assert.DoesNotStartWith("error ", WireError.Describe(code), "code " + code);
            }

            Assert.AreEqual("error 99", WireError.Describe(99));
        }
    }
}
