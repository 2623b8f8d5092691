using System;
using System.Security.Cryptography;
using System.Text;
using BoardKit.Firmware.Core.Crypto;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Crypto
{
    [TestClass]
    public sealed class HmacSha256Tests
    {
        private static byte[] Fill(int n, byte b)
        {
            byte[] a = new byte[n];
            Array.Fill(a, b);
            return a;
        }

        private static byte[] Range(int from, int to)
        {
            byte[] a = new byte[to - from + 1];
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = (byte)(from + i);
            }

            return a;
        }

        private static byte[] Tag(byte[] key, byte[] data)
        {
            byte[] tag = new byte[32];
            new HmacSha256(key).ComputeTag(data, 0, data.Length, tag, 0);
            return tag;
        }

        /// <summary>RFC 4231 section 4 inputs; expected values from the RFC for cases 1 and 2, from .NET for all.</summary>
        [TestMethod]
        public void ComputeTag_Rfc4231Cases_MatchesDotNetAndRfc()
        {
            var cases = new (byte[] Key, byte[] Data)[]
            {
                (Fill(20, 0x0b), Encoding.ASCII.GetBytes("Hi There")),
                (Encoding.ASCII.GetBytes("Jefe"), Encoding.ASCII.GetBytes("what do ya want for nothing?")),
                (Fill(20, 0xaa), Fill(50, 0xdd)),
                (Range(0x01, 0x19), Fill(50, 0xcd)),
                (Fill(20, 0x0c), Encoding.ASCII.GetBytes("Test With Truncation")),
                (Fill(131, 0xaa), Encoding.ASCII.GetBytes("Test Using Larger Than Block-Size Key - Hash Key First")),
                (Fill(131, 0xaa), Encoding.ASCII.GetBytes("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")),
            };
            foreach (var c in cases)
            {
                CollectionAssert.AreEqual(HMACSHA256.HashData(c.Key, c.Data), Tag(c.Key, c.Data));
            }

            Assert.AreEqual("B0344C61D8DB38535CA8AFCEAF0BF12B881DC200C9833DA726E9376C2E32CFF7", Convert.ToHexString(Tag(cases[0].Key, cases[0].Data)));
            Assert.AreEqual("5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843", Convert.ToHexString(Tag(cases[1].Key, cases[1].Data)));
            Assert.StartsWith("A3B6167473100EE06E0C796C2955552B", Convert.ToHexString(Tag(cases[4].Key, cases[4].Data)));
        }

        [TestMethod]
        public void ComputeTag_RandomKeyDataAndOffset_MatchesDotNet()
        {
            var gen =
                from key in Gen.Choose(0, 200).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n))
                from data in Gen.Choose(0, 700).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n))
                from start in Gen.Choose(0, 70)
                select (key, data, start);
            Prop.ForAll(gen.ToArbitrary(), t =>
            {
                int start = Math.Min(t.start, t.data.Length);
                int count = t.data.Length - start;
                byte[] tag = new byte[40];
                new HmacSha256(t.key).ComputeTag(t.data, start, count, tag, 3);
                byte[] expected = HMACSHA256.HashData(t.key, t.data.AsSpan(start, count));
                return expected.AsSpan().SequenceEqual(tag.AsSpan(3, 32));
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void ComputeTag_SameInstanceManyMessages_MatchesDotNet()
        {
            byte[] key = Range(0, 31);
            var mac = new HmacSha256(key);
            var rng = new TestKit.Rng(7);
            for (int n = 0; n < 300; n++)
            {
                byte[] data = new byte[n];
                for (int i = 0; i < n; i++)
                {
                    data[i] = (byte)rng.Next();
                }

                byte[] tag = new byte[32];
                mac.ComputeTag(data, 0, n, tag, 0);
                CollectionAssert.AreEqual(HMACSHA256.HashData(key, data), tag, "length " + n);
            }
        }

        [TestMethod]
        public void Verify_CorrectTag_ReturnsTrue_AnyBitFlip_ReturnsFalse()
        {
            byte[] key = Range(0, 31);
            byte[] data = Encoding.ASCII.GetBytes("BoardKit");
            byte[] tag = Tag(key, data);
            var mac = new HmacSha256(key);
            Assert.IsTrue(mac.Verify(data, 0, data.Length, tag, 0));
            for (int bit = 0; bit < 256; bit++)
            {
                tag[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.IsFalse(mac.Verify(data, 0, data.Length, tag, 0));
                tag[bit / 8] ^= (byte)(1 << (bit % 8));
            }
        }

        [TestMethod]
        public void ComputeTag_AfterConstruction_AllocatesNothing()
        {
            var mac = new HmacSha256(Range(0, 31));
            byte[] data = new byte[1000];
            byte[] tag = new byte[32];
            mac.ComputeTag(data, 0, data.Length, tag, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                mac.ComputeTag(data, i, data.Length - i, tag, 0);
                mac.Verify(data, i, data.Length - i, tag, 0);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void FixedTimeEquals_DifferentBytes_ReturnsFalse()
        {
            byte[] a = { 1, 2, 3, 0x80 };
            byte[] b = { 1, 2, 3, 0x81 };
            Assert.IsFalse(HmacSha256.FixedTimeEquals(a, 0, b, 0, 4));
            Assert.IsTrue(HmacSha256.FixedTimeEquals(a, 0, b, 0, 3));
        }
    }

    [TestClass]
    public sealed class Sha256Tests
    {
        private static byte[] Hash(byte[] data, int offset, int count)
        {
            var sha = new Sha256();
            sha.Update(data, offset, count);
            byte[] d = new byte[32];
            sha.Final(d, 0);
            return d;
        }

        [TestMethod]
        public void Final_KnownInputs_MatchFips180Examples()
        {
            Assert.AreEqual("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", Convert.ToHexString(Hash(Array.Empty<byte>(), 0, 0)));
            Assert.AreEqual("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", Convert.ToHexString(Hash(Encoding.ASCII.GetBytes("abc"), 0, 3)));
            byte[] two = Encoding.ASCII.GetBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
            Assert.AreEqual("248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1", Convert.ToHexString(Hash(two, 0, two.Length)));
        }

        [TestMethod]
        public void Update_RandomDataInRandomPieces_MatchesDotNet()
        {
            var gen =
                from data in Gen.Choose(0, 1000).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n))
                from cuts in Gen.ArrayOf(Gen.Choose(0, 130), 6)
                select (data, cuts);
            Prop.ForAll(gen.ToArbitrary(), t =>
            {
                var sha = new Sha256();
                int p = 0;
                foreach (int c in t.cuts)
                {
                    int n = Math.Min(c, t.data.Length - p);
                    sha.Update(t.data, p, n);
                    p += n;
                }

                sha.Update(t.data, p, t.data.Length - p);
                byte[] d = new byte[32];
                sha.Final(d, 0);
                return SHA256.HashData(t.data).AsSpan().SequenceEqual(d);
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void Final_LengthsAroundBlockBoundary_MatchDotNet()
        {
            for (int n = 50; n < 140; n++)
            {
                byte[] data = new byte[n];
                for (int i = 0; i < n; i++)
                {
                    data[i] = (byte)(i * 7 + 1);
                }

                CollectionAssert.AreEqual(SHA256.HashData(data), Hash(data, 0, n), "length " + n);
            }
        }
    }

    [TestClass]
    public sealed class Crc32Tests
    {
        [TestMethod]
        public void Compute_CheckString_GivesStandardCheckValue()
        {
            byte[] data = Encoding.ASCII.GetBytes("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }
    }
}
