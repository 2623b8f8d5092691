using System;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.Json;
using BoardKit.Firmware.Core.Config;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using JsonDocument = BoardKit.Firmware.Core.Config.JsonDocument;
using StjDocument = System.Text.Json.JsonDocument;

namespace BoardKit.Firmware.Core.Tests.Config
{
    /// <summary>
    /// Property tests of <see cref="JsonReader"/>: any input ends in a document that keeps every documented limit, or in
    /// an error code with a message; never an exception or a hang. System.Text.Json is the oracle for what is JSON.
    /// </summary>
    [TestClass]
    public sealed class JsonReaderPropertyTests
    {
        private const string Sample =
            "{\"format\":1,\"board\":\"lc-mlt-gate-1\",\"panel\":{\"width\":64,\"height\":16},"
            + "\"tiles\":[{\"chain\":0,\"x\":0,\"serpentine\":true,\"origin\":\"top-left\"},{\"chain\":1,\"x\":32,\"serpentine\":false}],"
            + "\"led\":{\"gamma\":2.2,\"colorOrder\":\"grb\"},\"name\":\"B\\u1EA3ng tin x\\u00e3 \\uD83D\\uDE00\\n\",\"none\":null,\"e\":-1.5e-3,\"empty\":[],\"o\":{}}";

        [TestMethod]
        public void Read_RandomBytes_AcceptsWithinLimitsOrFailsWithMessage()
        {
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => Fuzz.Bounded(() => CheckAny(bytes)))
                .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000));
        }

        [TestMethod]
        public void Read_RandomJsonLikeText_AgreesWithSystemTextJson()
        {
            Gen<string> text = Gen.ListOf(Gen.Elements(
                "{", "}", "[", "]", ",", ":", " ", "\n", "\"", "\"a\"", "\"b\"", "\"\\u0061\"", "1", "-0", "2.2", "1e3", "01", "1.", "true",
                "false", "null", "nul", "\\", "\\u", "\\uD83D", "\\uDE00", "é", "\t", "/", "'")).Select(parts => string.Concat(parts));
            int accepted = 0;
            Prop.ForAll(text.ToArbitrary(), s => Fuzz.Bounded(() => CheckAgainstOracle(Encoding.UTF8.GetBytes(s), ref accepted)))
                .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000));
            Assert.IsGreaterThan(20, accepted, "the generator must also produce valid JSON");
        }

        [TestMethod]
        public void Read_MutationsOfValidJson_AgreeWithSystemTextJson()
        {
            int accepted = 0;
            Prop.ForAll(Fuzz.Mutations(Encoding.UTF8.GetBytes(Sample)), bytes => Fuzz.Bounded(() => CheckAgainstOracle(bytes, ref accepted)))
                .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000));
            Assert.IsGreaterThan(20, accepted, "some mutations must stay valid JSON");
        }

        [TestMethod]
        public void Read_EveryTruncation_IsRefusedWithPosition()
        {
            byte[] full = Encoding.UTF8.GetBytes(Sample);
            int accepted = 0;
            CheckAgainstOracle(full, ref accepted);
            Assert.AreEqual(1, accepted);
            for (int n = 0; n < full.Length; n++)
            {
                var reader = new JsonReader();
                Assert.IsNull(reader.Read(full.AsSpan(0, n).ToArray(), false), "prefix of " + n + " bytes accepted");
                Assert.IsTrue(reader.ErrorCode == ConfigError.Syntax || reader.ErrorCode == ConfigError.Encoding, n + ": " + reader.ErrorMessage);
                Assert.IsTrue(n == 0 || reader.ErrorMessage.StartsWith("line 1, column ", StringComparison.Ordinal), reader.ErrorMessage);
            }
        }

        [TestMethod]
        public void Read_DeepNesting_RefusedPastEightLevels()
        {
            Gen<(int depth, bool objects, bool closed)> gen =
                from depth in Gen.Choose(1, 6000)
                from objects in ArbMap.Default.GeneratorFor<bool>()
                from closed in ArbMap.Default.GeneratorFor<bool>()
                select (depth, objects, closed);
            Prop.ForAll(gen.ToArbitrary(), t => Fuzz.Bounded(() =>
            {
                var sb = new StringBuilder();
                for (int i = 0; i < t.depth; i++)
                {
                    sb.Append(t.objects && i > 0 ? "{\"k\":[" : "[");
                }

                if (t.closed)
                {
                    for (int i = t.depth - 1; i >= 0; i--)
                    {
                        sb.Append(t.objects && i > 0 ? "]}" : "]");
                    }
                }

                byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
                var reader = new JsonReader();
                JsonDocument? doc = reader.Read(bytes, false);
                int levels = t.objects ? (2 * t.depth) - 1 : t.depth;
                if (bytes.Length > JsonLimits.MaxInputBytes)
                {
                    Assert.AreEqual(ConfigError.FileTooLarge, reader.ErrorCode);
                }
                else if (levels > JsonLimits.MaxDepth)
                {
                    Assert.AreEqual(ConfigError.LimitExceeded, reader.ErrorCode, reader.ErrorMessage);
                }
                else
                {
                    Assert.AreEqual(t.closed, doc != null, reader.ErrorMessage);
                }

                return true;
            })).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300));
        }

        [TestMethod]
        public void Read_AnyNumber_AcceptedExactlyWhenInsideDocumentedRange()
        {
            Gen<string> digits = Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), n)).Select(a => new string(a));
            Gen<string> number =
                from negative in ArbMap.Default.GeneratorFor<bool>()
                from intPart in Gen.OneOf(Gen.Constant("0"), digits.Select(d => d.TrimStart('0')).Where(d => d.Length > 0))
                from frac in Gen.OneOf(Gen.Constant(string.Empty), digits.Select(d => "." + d))
                from exp in Gen.OneOf(Gen.Constant(string.Empty), Gen.Choose(-30, 30).Select(e => "e" + e), digits.Select(d => "E+" + d))
                select (negative ? "-" : string.Empty) + intPart + frac + exp;
            Prop.ForAll(number.ToArbitrary(), s => Fuzz.Bounded(() =>
            {
                var reader = new JsonReader();
                JsonDocument? doc = reader.Read(Encoding.ASCII.GetBytes("[" + s + "]"), false);
                (bool inRange, long micros) = ExpectedMicros(s);
                Assert.AreEqual(inRange, doc != null, s + ": " + reader.ErrorMessage);
                if (doc != null)
                {
                    Assert.AreEqual(micros, doc.GetMicros(doc.GetFirstChild(JsonDocument.Root)), s);
                }
                else
                {
                    Assert.AreEqual(ConfigError.LimitExceeded, reader.ErrorCode, s + ": " + reader.ErrorMessage);
                }

                return true;
            })).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000));
        }

        [TestMethod]
        public void Read_AnyString_RoundTripsOrIsTooLong()
        {
            Gen<string> text = Gen.ArrayOf(Gen.OneOf(
                Gen.Choose(0, 0x7F), Gen.Choose(0x80, 0x7FF), Gen.Choose(0x800, 0xFFFF).Where(c => c < 0xD800 || c > 0xDFFF), Gen.Choose(0x10000, 0x10FFFF)))
                .Select(cps => string.Concat(cps.Select(char.ConvertFromUtf32)));
            Gen<bool> escapeAll = ArbMap.Default.GeneratorFor<bool>();
            Prop.ForAll(text.ToArbitrary(), escapeAll.ToArbitrary(), (s, ascii) => Fuzz.Bounded(() =>
            {
                var options = new JsonSerializerOptions { Encoder = ascii ? System.Text.Encodings.Web.JavaScriptEncoder.Default : System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
                byte[] bytes = Encoding.UTF8.GetBytes("{" + JsonSerializer.Serialize(s, options) + ":" + JsonSerializer.Serialize(s, options) + "}");
                var reader = new JsonReader();
                JsonDocument? doc = reader.Read(bytes, false);
                if (Encoding.UTF8.GetByteCount(s) > JsonLimits.MaxStringBytes)
                {
                    Assert.AreEqual(ConfigError.LimitExceeded, reader.ErrorCode);
                    return true;
                }

                Assert.IsNotNull(doc, reader.ErrorMessage);
                int member = doc.GetFirstChild(JsonDocument.Root);
                Assert.AreEqual(s, doc.GetName(member));
                Assert.AreEqual(s, doc.GetString(member));
                Assert.AreEqual(s.Length, doc.GetStringLength(member));
                Assert.AreEqual(member, doc.GetMember(JsonDocument.Root, s));
                return true;
            })).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000));
        }

        /// <summary>What the documented number rule says about s: accepted, and its value in millionths.</summary>
        private static (bool InRange, long Micros) ExpectedMicros(string s)
        {
            bool negative = s.StartsWith('-');
            string body = negative ? s.Substring(1) : s;
            int e = body.IndexOfAny(new[] { 'e', 'E' });
            string mantissa = e < 0 ? body : body.Substring(0, e);
            BigInteger exponent = e < 0 ? BigInteger.Zero : BigInteger.Parse(body.Substring(e + 1).TrimStart('+'));
            if (BigInteger.Abs(exponent) > JsonLimits.MaxExponent)
            {
                return (false, 0);
            }

            int dot = mantissa.IndexOf('.');
            string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
            int fraction = dot < 0 ? 0 : mantissa.Length - dot - 1;
            BigInteger value = BigInteger.Parse(digits);
            int scale = (int)exponent - fraction + 6;
            BigInteger micros;
            if (scale >= 0)
            {
                micros = value * BigInteger.Pow(10, scale);
            }
            else
            {
                BigInteger div = BigInteger.Pow(10, -scale);
                if (value % div != 0)
                {
                    return (false, 0);
                }

                micros = value / div;
            }

            if (micros >= BigInteger.Pow(10, 18))
            {
                return (false, 0);
            }

            return (true, (long)(negative ? -micros : micros));
        }

        private static bool CheckAny(byte[] bytes)
        {
            var reader = new JsonReader();
            JsonDocument? doc = reader.Read(bytes, false);
            if (doc == null)
            {
                Assert.IsTrue(reader.ErrorCode >= 1 && reader.ErrorCode <= ConfigError.MaxCode, "code " + reader.ErrorCode);
                Assert.IsFalse(string.IsNullOrEmpty(reader.ErrorMessage));
            }
            else
            {
                Fuzz.AssertWithinLimits(doc);
            }

            return true;
        }

        /// <summary>
        /// Our verdict against System.Text.Json's: whatever we accept, it accepts with the same values; whatever it
        /// refuses, we refuse. We may refuse more, but only for a documented reason (limits, duplicates, numbers).
        /// </summary>
        private static bool CheckAgainstOracle(byte[] bytes, ref int accepted)
        {
            var reader = new JsonReader();
            JsonDocument? doc = reader.Read(bytes, false);
            JsonElement? oracle = null;
            try
            {
                // System.Text.Json checks UTF-8 only when a string is read, so the oracle also decodes the whole file strictly.
                new UTF8Encoding(false, true).GetString(bytes);
                oracle = StjDocument.Parse(bytes).RootElement;
            }
            catch (JsonException)
            {
            }
            catch (DecoderFallbackException)
            {
            }

            if (doc != null)
            {
                System.Threading.Interlocked.Increment(ref accepted);
                Fuzz.AssertWithinLimits(doc);
                Assert.IsNotNull(oracle, "accepted what System.Text.Json refuses: " + Encoding.UTF8.GetString(bytes));
                AssertSame(doc, JsonDocument.Root, oracle.Value);
            }
            else if (oracle != null)
            {
                int code = reader.ErrorCode;
                bool documented = code == ConfigError.LimitExceeded || code == ConfigError.DuplicateKey || code == ConfigError.FileTooLarge
                    || (code == ConfigError.Syntax && reader.ErrorMessage.Contains("surrogate"));
                Assert.IsTrue(documented, "refused what System.Text.Json accepts: " + reader.ErrorMessage + " in " + Encoding.UTF8.GetString(bytes));
            }

            return true;
        }

        private static void AssertSame(JsonDocument doc, int node, JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    Assert.AreEqual(JsonKind.Object, doc.GetKind(node));
                    var names = e.EnumerateObject().ToArray();
                    Assert.AreEqual(names.Length, doc.GetCount(node));
                    int c = doc.GetFirstChild(node);
                    foreach (JsonProperty p in names)
                    {
                        Assert.AreEqual(p.Name, doc.GetName(c));
                        AssertSame(doc, c, p.Value);
                        c = doc.GetNext(c);
                    }

                    break;
                case JsonValueKind.Array:
                    Assert.AreEqual(JsonKind.Array, doc.GetKind(node));
                    Assert.AreEqual(e.GetArrayLength(), doc.GetCount(node));
                    int child = doc.GetFirstChild(node);
                    foreach (JsonElement item in e.EnumerateArray())
                    {
                        AssertSame(doc, child, item);
                        child = doc.GetNext(child);
                    }

                    break;
                case JsonValueKind.String:
                    Assert.AreEqual(JsonKind.String, doc.GetKind(node));
                    Assert.AreEqual(e.GetString(), doc.GetString(node));
                    break;
                case JsonValueKind.Number:
                    Assert.AreEqual(JsonKind.Number, doc.GetKind(node));
                    Assert.AreEqual(decimal.Parse(e.GetRawText(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) * 1000000m, doc.GetMicros(node));
                    break;
                case JsonValueKind.True:
                    Assert.AreEqual(JsonKind.True, doc.GetKind(node));
                    break;
                case JsonValueKind.False:
                    Assert.AreEqual(JsonKind.False, doc.GetKind(node));
                    break;
                default:
                    Assert.AreEqual(JsonKind.Null, doc.GetKind(node));
                    break;
            }
        }
    }
}
