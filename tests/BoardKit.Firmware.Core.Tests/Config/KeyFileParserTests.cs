using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Crypto;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Config
{
    [TestClass]
    public sealed class KeyFileParserTests
    {
        internal const string Board = "lc-mlt-gate-1";
        internal const string ExampleKeyHex = "5ca1ab1e0ddba11f7e57ab1ec0ffee0d5ca1ab1e0ddba11f7e57ab1ec0ffee0e";
        private const string VectorKeyHex = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";
        private const string OtherKeyHex = "3c5e1f0a9b2d4c6e8f7a1b3d5e7f9a2b4c6d8e0f1a3b5c7d9e2f4a6b8c0d1e3f";

        internal static KeyFile ParseOk(byte[] bytes, string board = Board)
        {
            KeyFileResult r = KeyFileParser.Parse(bytes, board);
            Assert.IsTrue(r.Succeeded, r.OnPanelCode + " " + r.Message);
            Assert.AreEqual("K00", r.OnPanelCode);
            Assert.IsNotNull(r.KeyFile);
            return r.KeyFile;
        }

        internal static KeyFileResult ParseBad(byte[]? bytes, int code, string expected, string board = Board)
        {
            KeyFileResult r = KeyFileParser.Parse(bytes, board);
            Assert.IsFalse(r.Succeeded, "accepted; expected " + expected);
            Assert.IsNull(r.KeyFile, "a refused file yields no keys");
            Assert.AreEqual(code, r.ErrorCode, r.Message);
            Assert.IsTrue(r.IsKeyFile);
            Assert.AreEqual("K" + code.ToString("00"), r.OnPanelCode);
            StringAssert.Contains(r.Message, expected);
            AssertNoKeyMaterial(r.Message);
            return r;
        }

        private static KeyFileResult ParseBad(JsonNode json, int code, string expected) => ParseBad(json.Bytes(), code, expected);

        /// <summary>No run of 8 or more hex digits (a quarter of a key) may appear in a message.</summary>
        internal static void AssertNoKeyMaterial(string message)
        {
            Assert.IsFalse(Regex.IsMatch(message, "[0-9a-fA-F]{8}"), "message shows key-like text: " + message);
        }

        private static void AssertRingHolds(KeyRing ring, int id, string hex)
        {
            HmacSha256? mac = ring.Find(id);
            Assert.IsNotNull(mac, "key id " + id);
            byte[] data = Encoding.ASCII.GetBytes("boardkit");
            byte[] expected = new byte[32];
            new HmacSha256(Convert.FromHexString(hex)).ComputeTag(data, 0, data.Length, expected, 0);
            byte[] actual = new byte[32];
            mac.ComputeTag(data, 0, data.Length, actual, 0);
            CollectionAssert.AreEqual(expected, actual, "the ring holds exactly this key under id " + id);
        }

        private static JsonObject TwoKeys() => ConfigFiles.Key().Set("keys", JsonNode.Parse(
            "[{\"id\":1,\"key\":\"" + ExampleKeyHex + "\"},{\"id\":7,\"key\":\"" + OtherKeyHex + "\"}]"));

        [TestMethod]
        public void Parse_ShippedExample_RefusedBecauseItsKeyIsPublic()
        {
            KeyFileResult r = KeyFileParser.Parse(ConfigFiles.ShippedExampleKey(), Board);
            Assert.IsFalse(r.Succeeded);
            Assert.AreEqual(ConfigError.WeakKey, r.ErrorCode);
            StringAssert.Contains(r.Message, "example key");
            Assert.AreEqual("K15", r.OnPanelCode);
        }

        [TestMethod]
        public void Parse_Example_InstallsKeyOneForTheExampleBoard()
        {
            KeyFile k = ParseOk(ConfigFiles.ExampleKey());
            Assert.AreEqual(Board, k.Board);
            CollectionAssert.AreEqual(new[] { 1 }, k.KeyIds);
            AssertRingHolds(k.Keys, 1, ExampleKeyHex);
            Assert.IsNull(k.Keys.Find(2));
            Assert.AreEqual("example-only-not-a-real-password", k.MqttPassword);
        }

        [TestMethod]
        public void Parse_ExamplePair_BoardIdsMatch()
        {
            BoardConfig config = BoardConfigParserTests.ParseOk(ConfigFiles.ExampleBoardJson());
            Assert.AreEqual(Board, ParseOk(ConfigFiles.ExampleKey(), config.Board).Board);
        }

        [TestMethod]
        public void Parse_TwoKeysForRotation_InstallsBoth()
        {
            KeyFile k = ParseOk(TwoKeys().Bytes());
            CollectionAssert.AreEqual(new[] { 1, 7 }, k.KeyIds);
            AssertRingHolds(k.Keys, 1, ExampleKeyHex);
            AssertRingHolds(k.Keys, 7, OtherKeyHex);
        }

        [TestMethod]
        public void Parse_UpperCaseAndEscapedHex_DecodeToTheSameKey()
        {
            AssertRingHolds(ParseOk(ConfigFiles.Key().Set("keys[0].key", ExampleKeyHex.ToUpperInvariant()).Bytes()).Keys, 1, ExampleKeyHex);
            string text = Encoding.UTF8.GetString(ConfigFiles.ExampleKey()).Replace("5ca1ab1e", "\\u0035ca1ab1e");
            AssertRingHolds(ParseOk(Encoding.UTF8.GetBytes(text)).Keys, 1, ExampleKeyHex);
        }

        [TestMethod]
        public void Parse_NoMqttPassword_IsNull()
        {
            Assert.IsNull(ParseOk(ConfigFiles.Key().Without("mqttPassword").Bytes()).MqttPassword);
        }

        [TestMethod]
        public void Parse_FileOfAnotherBoard_IsWrongBoardNamingBoth()
        {
            KeyFileResult r = ParseBad(ConfigFiles.ExampleKey(), ConfigError.WrongBoard,
                "board: this key file was made for \"lc-mlt-gate-1\", but board.json says this board is \"lc-mlt-gate-2\": deploy the key made for this board (line 3, column 12)",
                "lc-mlt-gate-2");
            Assert.AreEqual("K14", r.OnPanelCode);
        }

        [TestMethod]
        public void Parse_BoardIdThatCouldBeKeyMaterial_IsNotQuoted()
        {
            KeyFileResult r = ParseBad(ConfigFiles.Key().Set("board", ExampleKeyHex), ConfigError.WrongBoard, "this key file was made for another board");
            Assert.IsFalse(r.Message.Contains("badc", StringComparison.Ordinal));
        }

        [TestMethod]
        public void Parse_NoValidExpectedBoard_IsWrongBoard()
        {
            ParseBad(ConfigFiles.ExampleKey(), ConfigError.WrongBoard, "no valid board id to check it against", string.Empty);
            ParseBad(ConfigFiles.ExampleKey(), ConfigError.WrongBoard, "no valid board id to check it against", null!);
            ParseBad(ConfigFiles.ExampleKey(), ConfigError.WrongBoard, "no valid board id", "LC-MLT-GATE-1");
        }

        [TestMethod]
        public void Parse_PublishedTestVectorKey_IsWeakKey()
        {
            foreach (string hex in new[] { VectorKeyHex, VectorKeyHex.ToLowerInvariant() })
            {
                KeyFileResult r = ParseBad(ConfigFiles.Key().Set("keys[0].key", hex), ConfigError.WeakKey, "keys[0].key: this is a published test-vector key");
                Assert.AreEqual("K15", r.OnPanelCode);
                StringAssert.Contains(r.Message, "provisioning tool");
            }
        }

        [TestMethod]
        public void Parse_TestVectorKeyAsSecondKey_RefusesTheWholeFile()
        {
            JsonObject j = TwoKeys().Set("keys[1].key", VectorKeyHex);
            ParseBad(j, ConfigError.WeakKey, "keys[1].key: this is a published test-vector key");
        }

        [TestMethod]
        [DataRow("00")]
        [DataRow("ff")]
        [DataRow("AA")]
        [DataRow("01")]
        public void Parse_OneRepeatedByte_IsWeakKey(string b)
        {
            ParseBad(ConfigFiles.Key().Set("keys[0].key", string.Concat(Enumerable.Repeat(b, 32))), ConfigError.WeakKey, "keys[0].key: one byte repeated 32 times is not a key");
        }

        [TestMethod]
        public void Parse_AlmostWeakKeys_AreAccepted()
        {
            ParseOk(ConfigFiles.Key().Set("keys[0].key", "00" + string.Concat(Enumerable.Repeat("11", 31))).Bytes());
            ParseOk(ConfigFiles.Key().Set("keys[0].key", VectorKeyHex.Substring(0, 62) + "20").Bytes());
        }

        [TestMethod]
        public void Parse_NotHex_NamesThePositionNotTheCharacter()
        {
            string bad = ExampleKeyHex.Substring(0, 16) + "g" + ExampleKeyHex.Substring(17);
            KeyFileResult r = ParseBad(ConfigFiles.Key().Set("keys[0].key", bad), ConfigError.BadValue, "keys[0].key: character 17 of 64 is not a hexadecimal digit (0-9, a-f, A-F) (line ");
            Assert.IsFalse(r.Message.Contains('g'.ToString() + "\"", StringComparison.Ordinal));
            ParseBad(ConfigFiles.Key().Set("keys[0].key", ExampleKeyHex.Substring(0, 63) + " "), ConfigError.BadValue, "character 64 of 64");
            ParseBad(ConfigFiles.Key().Set("keys[0].key", "0x" + ExampleKeyHex.Substring(2)), ConfigError.BadValue, "character 2 of 64");
        }

        [TestMethod]
        [DataRow(63)]
        [DataRow(65)]
        [DataRow(0)]
        [DataRow(128)]
        public void Parse_WrongKeyLength_IsBadValueWithLengthOnly(int length)
        {
            string hex = string.Concat(Enumerable.Repeat(ExampleKeyHex, 3)).Substring(0, length);
            ParseBad(ConfigFiles.Key().Set("keys[0].key", hex), ConfigError.BadValue, "keys[0].key: must be 64 hexadecimal digits (32 bytes), not " + length + " characters");
        }

        [TestMethod]
        public void Parse_KeyAsNumberOrArray_IsWrongType()
        {
            ParseBad(ConfigFiles.Key().Set("keys[0].key", ConfigFiles.Value("12345678901")), ConfigError.WrongType, "keys[0].key: must be a string of 64 hexadecimal digits, not a number");
            ParseBad(ConfigFiles.Key().Set("keys[0]", ExampleKeyHex), ConfigError.WrongType, "keys[0]: must be an object, not a string");
        }

        [TestMethod]
        public void Parse_KeyIdRules_AreEnforced()
        {
            ParseBad(ConfigFiles.Key().Set("keys[0].id", 0), ConfigError.BadValue, "keys[0].id: must be 1..255 (line");
            ParseBad(ConfigFiles.Key().Set("keys[0].id", 256), ConfigError.BadValue, "keys[0].id: must be 1..255 (line");
            ParseBad(TwoKeys().Set("keys[1].id", 1), ConfigError.Conflict, "keys[1].id: key id 1 is used twice (also keys[0])");
            ParseBad(ConfigFiles.Key().Set("keys", new JsonArray()), ConfigError.BadValue, "keys: must have 1..2 elements, not 0");
            JsonObject three = TwoKeys();
            three["keys"]!.AsArray().Add(JsonNode.Parse("{\"id\":9,\"key\":\"" + OtherKeyHex + "\"}"));
            ParseBad(three, ConfigError.BadValue, "keys: must have 1..2 elements, not 3");
            ParseBad(ConfigFiles.Key().Without("keys[0].id"), ConfigError.MissingField, "keys[0].id: required field missing");
            ParseBad(ConfigFiles.Key().Without("keys[0].key"), ConfigError.MissingField, "keys[0].key: required field missing");
            ParseBad(ConfigFiles.Key().Without("keys"), ConfigError.MissingField, "keys: required field missing");
        }

        [TestMethod]
        public void Parse_UnknownField_IsRefusedWithoutItsName()
        {
            ParseBad(ConfigFiles.Key().Set(ExampleKeyHex, 1), ConfigError.UnknownField, "the top level: unknown field (names are not shown for this file)");
            JsonObject j = ConfigFiles.Key();
            j["keys"]![0]!.AsObject()["secret"] = ExampleKeyHex;
            ParseBad(j, ConfigError.UnknownField, "keys[0]: unknown field (names are not shown for this file)");
        }

        [TestMethod]
        public void Parse_DuplicateMember_IsRefusedWithoutItsName()
        {
            string text = Encoding.UTF8.GetString(ConfigFiles.ExampleKey()).Replace("\"format\": 1,", "\"format\": 1, \"" + ExampleKeyHex + "\": 1, \"" + ExampleKeyHex + "\": 2,");
            ParseBad(Encoding.UTF8.GetBytes(text), ConfigError.DuplicateKey, "this member name appears twice");
        }

        [TestMethod]
        public void Parse_KeyInTheWrongPlace_NeverReachesTheMessage()
        {
            foreach (string path in new[] { "board", "format", "keys[0].id", "keys", "keys[0]" })
            {
                KeyFileResult r = KeyFileParser.Parse(ConfigFiles.Key().Set(path, ExampleKeyHex).Bytes(), Board);
                Assert.IsFalse(r.Succeeded, path);
                StringAssert.StartsWith(r.Message, path + ": ");
                AssertNoKeyMaterial(r.Message);
            }
        }

        [TestMethod]
        public void Parse_MqttPasswordLength_ReportsLengthOnly()
        {
            KeyFileResult r = ParseBad(ConfigFiles.Key().Set("mqttPassword", "short"), ConfigError.BadValue, "mqttPassword: must have 8..128 characters, not 5");
            Assert.IsFalse(r.Message.Contains("short", StringComparison.Ordinal));
            ParseBad(ConfigFiles.Key().Set("mqttPassword", new string('p', 129)), ConfigError.BadValue, "not 129");
            ParseBad(ConfigFiles.Key().Set("mqttPassword", 12345678), ConfigError.WrongType, "mqttPassword: must be a string, not a number");
            Assert.AreEqual(new string('p', 128), ParseOk(ConfigFiles.Key().Set("mqttPassword", new string('p', 128)).Bytes()).MqttPassword);
        }

        [TestMethod]
        public void Parse_FormatOtherThanOne_IsUnsupportedWithoutQuotingIt()
        {
            ParseBad(ConfigFiles.Key().Set("format", 2), ConfigError.UnsupportedFormat, "format: this firmware reads format 1: update the firmware");
            ParseBad(ConfigFiles.Key().Without("format"), ConfigError.UnsupportedFormat, "format: missing");
        }

        [TestMethod]
        public void Parse_MissingFile_IsNotProvisioned()
        {
            KeyFileResult r = ParseBad((byte[]?)null, ConfigError.FileMissing, "file not found: the board is not provisioned");
            Assert.AreEqual("K01", r.OnPanelCode);
        }

        [TestMethod]
        public void Parse_SyntaxErrorInsideKey_GivesPositionOnly()
        {
            string text = Encoding.UTF8.GetString(ConfigFiles.ExampleKey()).Replace(ExampleKeyHex, ExampleKeyHex.Substring(0, 20) + "\n" + ExampleKeyHex.Substring(21));
            ParseBad(Encoding.UTF8.GetBytes(text), ConfigError.Syntax, "line 5, column 44: line break inside a string");
            ParseBad(Encoding.UTF8.GetBytes("{\"keys\": [f" + ExampleKeyHex + "]}"), ConfigError.Syntax, "line 1, column 11: expected a value");
        }

        [TestMethod]
        public void Parse_TopLevelNotObject_IsWrongType()
        {
            ParseBad(Encoding.UTF8.GetBytes("[\"" + ExampleKeyHex + "\"]"), ConfigError.WrongType, "board.key must be one JSON object { ... }, not a list");
        }
    }
}
