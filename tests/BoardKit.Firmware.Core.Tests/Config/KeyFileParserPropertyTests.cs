using System;
using System.Linq;
using System.Text.Json.Nodes;
using BoardKit.Firmware.Core.Config;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Config
{
    /// <summary>
    /// Whatever board.key holds, the parser returns keys that keep every rule, or an error code with a message that
    /// carries no key material; never an exception or a hang.
    /// </summary>
    [TestClass]
    public sealed class KeyFileParserPropertyTests
    {
        [TestMethod]
        public void Parse_RandomBytes_ValidKeysOrErrorWithoutKeyMaterial()
        {
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => Fuzz.Bounded(() => Check(bytes) || true))
                .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000));
        }

        [TestMethod]
        public void Parse_ByteMutationsOfExample_ValidKeysOrErrorWithoutKeyMaterial()
        {
            int accepted = 0;
            Prop.ForAll(Fuzz.Mutations(ConfigFiles.ExampleKey()), bytes => Fuzz.Bounded(() =>
            {
                if (Check(bytes))
                {
                    System.Threading.Interlocked.Increment(ref accepted);
                }

                return true;
            })).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000));
            Assert.IsGreaterThan(10, accepted, "some mutations keep the file valid");
        }

        [TestMethod]
        public void Parse_FieldMutationsOfExample_ValidKeysOrErrorWithoutKeyMaterial()
        {
            JsonObject example = ConfigFiles.Key();
            example["keys"]!.AsArray().Add(JsonNode.Parse("{\"id\":2,\"key\":\"3c5e1f0a9b2d4c6e8f7a1b3d5e7f9a2b4c6d8e0f1a3b5c7d9e2f4a6b8c0d1e3f\"}"));
            string[] paths = BoardConfigParserPropertyTests.Paths(example, string.Empty).ToArray();
            string[] values = BoardConfigParserPropertyTests.Awkward.Concat(new[]
            {
                "\"" + KeyFileParserTests.ExampleKeyHex + "\"", "\"" + KeyFileParserTests.ExampleKeyHex.ToUpperInvariant() + "\"",
                "\"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\"", "\"" + new string('0', 64) + "\"", "\"" + new string('z', 64) + "\"",
                "\"" + KeyFileParserTests.ExampleKeyHex.Substring(1) + "\"", "\"lc-mlt-gate-2\"", "\"12345678\"", "\"" + new string('p', 129) + "\"",
            }).ToArray();
            Gen<(string Path, int Action, string Value)> edit =
                from path in Gen.Elements(paths)
                from action in Gen.Choose(0, 9)
                from value in Gen.Elements(values)
                select (path, action, value);
            int accepted = 0;
            Prop.ForAll(Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(edit, n)).ToArbitrary(), edits => Fuzz.Bounded(() =>
            {
                JsonObject j = (JsonObject)example.DeepClone();
                foreach ((string path, int action, string value) in edits)
                {
                    BoardConfigParserPropertyTests.Apply(j, path, action, value);
                }

                if (Check(j.Bytes()))
                {
                    System.Threading.Interlocked.Increment(ref accepted);
                }

                return true;
            })).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000));
            Assert.IsGreaterThan(100, accepted);
        }

        [TestMethod]
        public void Parse_EveryTruncationOfExample_IsRefused()
        {
            byte[] full = ConfigFiles.ExampleKey();
            int last = Array.LastIndexOf(full, (byte)'}');
            for (int n = 0; n < full.Length; n++)
            {
                KeyFileResult r = KeyFileParser.Parse(full.AsSpan(0, n).ToArray(), KeyFileParserTests.Board);
                Assert.AreEqual(n > last, r.Succeeded, n + ": " + r.Message);
                if (!r.Succeeded)
                {
                    Assert.AreEqual(ConfigError.Syntax, r.ErrorCode, r.Message);
                    Assert.AreEqual("K04", r.OnPanelCode);
                    KeyFileParserTests.AssertNoKeyMaterial(r.Message);
                }
            }
        }

        /// <summary>Parses for the example board; asserts the rules of success or of failure. Returns success.</summary>
        private static bool Check(byte[] bytes)
        {
            KeyFileResult r = KeyFileParser.Parse(bytes, KeyFileParserTests.Board);
            if (r.Succeeded)
            {
                KeyFile k = r.KeyFile!;
                Assert.AreEqual(KeyFileParserTests.Board, k.Board);
                Assert.IsTrue(k.KeyIds.Length is >= 1 and <= 2);
                Assert.AreEqual(k.KeyIds.Length, k.KeyIds.Distinct().Count());
                foreach (int id in k.KeyIds)
                {
                    Assert.IsTrue(id is >= 1 and <= 255);
                    Assert.IsNotNull(k.Keys.Find(id));
                }

                Assert.IsTrue(k.MqttPassword == null || k.MqttPassword.Length is >= 8 and <= 128);
                return true;
            }

            Assert.IsNull(r.KeyFile);
            Assert.IsTrue(r.ErrorCode >= 1 && r.ErrorCode <= ConfigError.MaxCode && r.ErrorCode != ConfigError.BadPin, r.ErrorCode + " " + r.Message);
            Assert.IsFalse(string.IsNullOrWhiteSpace(r.Message));
            Assert.AreEqual(3, r.OnPanelCode.Length);
            Assert.AreEqual('K', r.OnPanelCode[0]);
            KeyFileParserTests.AssertNoKeyMaterial(r.Message);
            return false;
        }
    }
}
