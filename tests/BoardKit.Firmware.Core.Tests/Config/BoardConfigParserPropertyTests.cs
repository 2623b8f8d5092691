using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using BoardKit.Firmware.Core.Config;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Config
{
    /// <summary>
    /// Whatever board.json holds, the parser returns either a configuration that keeps every documented rule
    /// (<see cref="ConfigInvariants"/>) or an error code with a message and an on-panel code; never an exception or a hang.
    /// </summary>
    [TestClass]
    public sealed class BoardConfigParserPropertyTests
    {
        /// <summary>Values that sit on, beside or far from the documented limits, and of every JSON type.</summary>
        internal static readonly string[] Awkward =
        {
            "0", "1", "-1", "2", "8", "23", "27", "34", "45", "63", "64", "65", "90", "255", "256", "270", "511", "512", "513", "1023", "1024",
            "2047", "2048", "2049", "65535", "65536", "200000", "200001", "1e3", "2.2", "3.0001", "0.5", "-720", "841", "999999999999", "1e20",
            "true", "false", "null", "[]", "{}", "[1]", "{\"x\":1}", "\"\"", "\"x\"", "\"top-left\"", "\"columns\"", "\"rgb\"", "\"19:00\"", "\"24:00\"",
            "\"lc-mlt-gate-1\"", "\"LC\"", "\"a..b\"", "\"192.168.1.10\"", "\"\\u0000\"", "\"\\uD83D\\uDE00\"",
        };

        [TestMethod]
        public void Parse_RandomBytes_ValidConfigOrErrorWithMessage()
        {
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => Fuzz.Bounded(() => Check(bytes) || true))
                .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000));
        }

        [TestMethod]
        public void Parse_ByteMutationsOfExample_ValidConfigOrErrorWithMessage()
        {
            Prop.ForAll(Fuzz.Mutations(ConfigFiles.ExampleBoardJson()), bytes => Fuzz.Bounded(() => Check(bytes) || true))
                .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000));
        }

        [TestMethod]
        public void Parse_FieldMutationsOfExample_ValidConfigOrErrorWithMessage()
        {
            JsonObject example = ConfigFiles.Board();
            string[] paths = Paths(example, string.Empty).ToArray();
            Gen<(string Path, int Action, string Value)> edit =
                from path in Gen.Elements(paths)
                from action in Gen.Choose(0, 9)
                from value in Gen.Elements(Awkward)
                select (path, action, value);
            int accepted = 0;
            int refused = 0;
            Prop.ForAll(Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(edit, n)).ToArbitrary(), edits => Fuzz.Bounded(() =>
            {
                JsonObject j = ConfigFiles.Board();
                foreach ((string path, int action, string value) in edits)
                {
                    Apply(j, path, action, value);
                }

                if (Check(j.Bytes()))
                {
                    System.Threading.Interlocked.Increment(ref accepted);
                }
                else
                {
                    System.Threading.Interlocked.Increment(ref refused);
                }

                return true;
            })).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000));
            Assert.IsGreaterThan(100, accepted, "edits that keep the file valid must be accepted");
            Assert.IsGreaterThan(1000, refused);
        }

        [TestMethod]
        public void Parse_EveryTruncationOfExample_IsRefused()
        {
            byte[] full = ConfigFiles.ExampleBoardJson();
            int last = Array.LastIndexOf(full, (byte)'}');
            for (int n = 0; n < full.Length; n++)
            {
                BoardConfigResult r = BoardConfigParser.Parse(full.AsSpan(0, n).ToArray());
                Assert.AreEqual(n > last, r.Succeeded, n + ": " + r.Message);
                if (!r.Succeeded)
                {
                    Assert.AreEqual(ConfigError.Syntax, r.ErrorCode, r.Message);
                    Assert.AreEqual("C04", r.OnPanelCode);
                    StringAssert.StartsWith(r.Message, n == 0 ? "the file is empty" : "line ");
                }
            }
        }

        [TestMethod]
        public void Parse_HugeNumbersAnywhere_AreRefusedWithTheirPath()
        {
            JsonObject example = ConfigFiles.Board();
            string[] numbers = Paths(example, string.Empty).Where(p => Lookup(example, p) is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number).ToArray();
            Assert.IsGreaterThan(30, numbers.Length);
            foreach (string path in numbers)
            {
                foreach (string huge in new[] { "2147483648", "-2147483649", "999999999999", "1e11", "1e-6" })
                {
                    BoardConfigResult r = BoardConfigParser.Parse(ConfigFiles.Board().Set(path, ConfigFiles.Value(huge)).Bytes());
                    if (path == "format")
                    {
                        Assert.AreEqual(ConfigError.UnsupportedFormat, r.ErrorCode);
                        continue;
                    }

                    Assert.AreEqual(ConfigError.BadValue, r.ErrorCode, path + "=" + huge + ": " + r.Message);
                    StringAssert.StartsWith(r.Message, path + ": must be ");
                }

                BoardConfigResult beyond = BoardConfigParser.Parse(ConfigFiles.Board().Set(path, ConfigFiles.Value("1e21")).Bytes());
                Assert.AreEqual(ConfigError.LimitExceeded, beyond.ErrorCode, beyond.Message);
            }
        }

        /// <summary>Parses; on success asserts every rule, on failure a code, a message and a 3-character 'C' code. Returns success.</summary>
        private static bool Check(byte[] bytes)
        {
            BoardConfigResult r = BoardConfigParser.Parse(bytes);
            if (r.Succeeded)
            {
                Assert.IsNotNull(r.Config);
                ConfigInvariants.AssertValid(r.Config);
                return true;
            }

            Assert.IsNull(r.Config);
            Assert.IsTrue(r.ErrorCode >= 1 && r.ErrorCode <= ConfigError.MaxCode && r.ErrorCode != ConfigError.WrongBoard && r.ErrorCode != ConfigError.WeakKey, r.ErrorCode + " " + r.Message);
            Assert.IsFalse(string.IsNullOrWhiteSpace(r.Message));
            Assert.AreEqual(3, r.OnPanelCode.Length);
            Assert.AreEqual('C', r.OnPanelCode[0]);
            return false;
        }

        internal static IEnumerable<string> Paths(JsonNode node, string prefix)
        {
            if (node is JsonObject o)
            {
                foreach (KeyValuePair<string, JsonNode?> m in o)
                {
                    string p = prefix.Length == 0 ? m.Key : prefix + "." + m.Key;
                    yield return p;
                    foreach (string sub in m.Value is null ? Enumerable.Empty<string>() : Paths(m.Value, p))
                    {
                        yield return sub;
                    }
                }
            }
            else if (node is JsonArray a)
            {
                for (int i = 0; i < a.Count; i++)
                {
                    string p = prefix + "[" + i + "]";
                    yield return p;
                    foreach (string sub in a[i] is null ? Enumerable.Empty<string>() : Paths(a[i]!, p))
                    {
                        yield return sub;
                    }
                }
            }
        }

        /// <summary>One edit: actions 0..5 set the value, 6..7 remove the member, 8 adds an unknown member next to it, 9 duplicates the array element.</summary>
        internal static void Apply(JsonObject root, string path, int action, string value)
        {
            if (Lookup(root, path) is null && action >= 6)
            {
                return;
            }

            try
            {
                if (action <= 5)
                {
                    root.Set(path, ConfigFiles.Value(value));
                }
                else if (action <= 7)
                {
                    root.Without(path);
                }
                else if (action == 8 && Lookup(root, path) is JsonObject o)
                {
                    o["extra" + value.Length] = ConfigFiles.Value(value);
                }
                else if (action == 9 && Lookup(root, path) is JsonArray a && a.Count > 0)
                {
                    a.Add(a[0]!.DeepClone());
                }
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentOutOfRangeException || e is NullReferenceException || e is FormatException)
            {
                // An earlier edit changed the shape under this path: skip the edit.
            }
        }

        private static JsonNode? Lookup(JsonObject root, string path)
        {
            JsonNode? node = root;
            foreach (string part in path.Replace("[", ".[").Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith('['))
                {
                    int i = int.Parse(part.Trim('[', ']'));
                    node = node is JsonArray a && i < a.Count ? a[i] : null;
                }
                else
                {
                    node = node is JsonObject o && o.TryGetPropertyValue(part, out JsonNode? v) ? v : null;
                }
            }

            return node;
        }
    }
}
