using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BoardKit.Firmware.Core.Config;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Config
{
    /// <summary>Shared pieces of the config property tests: input mutations, a hang guard, document invariants.</summary>
    internal static class Fuzz
    {
        private static readonly byte[][] Tokens = new[]
        {
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD800", "0", "-", "1e99", "99999999999999", "2.2", "null", "true",
            "\"x\"", "\n", " ", "é", "-1", "65536", "\"top-left\"", "\"\"", "{}", "[]", "\"0000000000000000000000000000000000000000000000000000000000000000\"",
        }.Select(Encoding.UTF8.GetBytes).Concat(new[] { new byte[] { 0xFF }, new byte[] { 0x00 }, new byte[] { 0xC3 }, new byte[] { 0xED, 0xA0, 0x80 } }).ToArray();

        /// <summary>
        /// Random edits of a valid file: overwrite a byte, insert a token that matters to the grammar, delete a run,
        /// truncate, or duplicate a slice (repeats members and elements). Between 1 and 8 edits.
        /// </summary>
        public static Arbitrary<byte[]> Mutations(byte[] valid)
        {
            Gen<Func<byte[], byte[]>> edit = Gen.OneOf(
                Gen.Zip(Gen.Choose(0, valid.Length), ArbMap.Default.GeneratorFor<byte>())
                    .Select(t => (Func<byte[], byte[]>)(b => b.Length == 0 ? b : Set(b, t.Item1 % b.Length, t.Item2))),
                Gen.Zip(Gen.Choose(0, valid.Length), Gen.Elements(Tokens))
                    .Select(t => (Func<byte[], byte[]>)(b => Insert(b, t.Item1, t.Item2))),
                Gen.Zip(Gen.Choose(0, valid.Length), Gen.Choose(1, 40))
                    .Select(t => (Func<byte[], byte[]>)(b => Delete(b, t.Item1, t.Item2))),
                Gen.Choose(0, valid.Length)
                    .Select(n => (Func<byte[], byte[]>)(b => Slice(b, 0, n))),
                Gen.Zip(Gen.Choose(0, valid.Length), Gen.Choose(1, 120))
                    .Select(t => (Func<byte[], byte[]>)(b => Insert(b, t.Item1, Slice(b, t.Item1, t.Item2)))));
            return Arb.From(Gen.Choose(1, 8).SelectMany(n => Gen.ListOf(edit, n)).Select(edits => edits.Aggregate(valid, (b, f) => f(b))));
        }

        /// <summary>Runs check on a worker and fails if it throws or takes more than 10 s (a hang).</summary>
        public static bool Bounded(Func<bool> check)
        {
            Task<bool> run = Task.Run(check);
            if (!run.Wait(TimeSpan.FromSeconds(10)))
            {
                throw new AssertFailedException("did not finish within 10 s");
            }

            return run.Result;
        }

        /// <summary>Every documented limit holds for an accepted document, and every accessor answers.</summary>
        public static void AssertWithinLimits(JsonDocument doc)
        {
            Assert.IsTrue(doc.NodeCount >= 1 && doc.NodeCount <= JsonLimits.MaxNodes);
            Assert.AreEqual(JsonDocument.NoNode, doc.GetParent(JsonDocument.Root));
            for (int n = 0; n < doc.NodeCount; n++)
            {
                int kind = doc.GetKind(n);
                Assert.IsTrue(kind >= JsonKind.Object && kind <= JsonKind.Null);
                Assert.IsTrue(doc.GetParent(n) < n);
                int depth = kind == JsonKind.Object || kind == JsonKind.Array ? 1 : 0;
                for (int p = doc.GetParent(n); p != JsonDocument.NoNode; p = doc.GetParent(p))
                {
                    depth++;
                }

                Assert.IsTrue(depth <= JsonLimits.MaxDepth);
                int count = doc.GetCount(n);
                Assert.IsTrue(count <= (kind == JsonKind.Object ? JsonLimits.MaxObjectMembers : JsonLimits.MaxArrayLength));
                Assert.IsTrue(Encoding.UTF8.GetByteCount(doc.GetName(n)) <= JsonLimits.MaxStringBytes);
                if (kind == JsonKind.String)
                {
                    string s = doc.GetString(n);
                    Assert.IsTrue(Encoding.UTF8.GetByteCount(s) <= JsonLimits.MaxStringBytes);
                    Assert.AreEqual(s.Length, doc.GetStringLength(n));
                }

                if (kind == JsonKind.Number)
                {
                    Assert.IsTrue(Math.Abs(doc.GetMicros(n)) < 1000000000000000000L);
                }

                Assert.IsNotNull(doc.GetPath(n));
                StringAssert.StartsWith(doc.GetPosition(n), "line ");
                Assert.IsNotNull(doc.GetExcerpt(n));
            }
        }

        private static byte[] Set(byte[] b, int i, byte v)
        {
            byte[] c = (byte[])b.Clone();
            c[i] = v;
            return c;
        }

        private static byte[] Slice(byte[] b, int start, int count)
        {
            start = Math.Min(start, b.Length);
            count = Math.Min(count, b.Length - start);
            return b.AsSpan(start, count).ToArray();
        }

        private static byte[] Insert(byte[] b, int at, byte[] what)
        {
            at = Math.Min(at, b.Length);
            return [.. b.AsSpan(0, at), .. what, .. b.AsSpan(at)];
        }

        private static byte[] Delete(byte[] b, int at, int count)
        {
            at = Math.Min(at, b.Length);
            count = Math.Min(count, b.Length - at);
            return [.. b.AsSpan(0, at), .. b.AsSpan(at + count)];
        }
    }
}
