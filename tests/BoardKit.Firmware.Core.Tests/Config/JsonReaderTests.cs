using System.Linq;
using System.Text;
using BoardKit.Firmware.Core.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Config
{
    [TestClass]
    public sealed class JsonReaderTests
    {
        internal static JsonDocument ReadOk(string json)
        {
            var reader = new JsonReader();
            JsonDocument? doc = reader.Read(Encoding.UTF8.GetBytes(json), false);
            Assert.IsNotNull(doc, "refused: " + reader.ErrorMessage);
            Assert.AreEqual(ConfigError.None, reader.ErrorCode);
            Assert.AreEqual(string.Empty, reader.ErrorMessage);
            return doc;
        }

        internal static JsonReader ReadBad(byte[] bytes, int expectedCode, bool redact = false)
        {
            var reader = new JsonReader();
            JsonDocument? doc = reader.Read(bytes, redact);
            Assert.IsNull(doc, "accepted, expected " + ConfigError.Describe(expectedCode));
            Assert.AreEqual(expectedCode, reader.ErrorCode, reader.ErrorMessage);
            Assert.AreNotEqual(string.Empty, reader.ErrorMessage);
            return reader;
        }

        internal static JsonReader ReadBad(string json, int expectedCode) => ReadBad(Encoding.UTF8.GetBytes(json), expectedCode);

        [TestMethod]
        public void Read_NestedDocument_NavigatesInFileOrder()
        {
            JsonDocument doc = ReadOk(" {\"a\": [1, {\"b\": true}, null], \"c\": \"x\", \"d\": {}, \"e\": []}\n");
            Assert.AreEqual(JsonKind.Object, doc.GetKind(JsonDocument.Root));
            Assert.AreEqual(4, doc.GetCount(JsonDocument.Root));
            int a = doc.GetMember(JsonDocument.Root, "a");
            Assert.AreEqual(JsonKind.Array, doc.GetKind(a));
            Assert.AreEqual(3, doc.GetCount(a));
            int one = doc.GetFirstChild(a);
            Assert.AreEqual(1000000L, doc.GetMicros(one));
            int obj = doc.GetNext(one);
            Assert.AreEqual(JsonKind.True, doc.GetKind(doc.GetMember(obj, "b")));
            Assert.AreEqual(JsonKind.Null, doc.GetKind(doc.GetNext(obj)));
            Assert.AreEqual(JsonDocument.NoNode, doc.GetNext(doc.GetNext(obj)));
            Assert.AreEqual("a[1].b", doc.GetPath(doc.GetMember(obj, "b")));
            Assert.AreEqual("x", doc.GetString(doc.GetMember(JsonDocument.Root, "c")));
            Assert.AreEqual(JsonDocument.NoNode, doc.GetFirstChild(doc.GetMember(JsonDocument.Root, "d")));
            Assert.AreEqual(0, doc.GetCount(doc.GetMember(JsonDocument.Root, "e")));
            Assert.AreEqual(JsonDocument.NoNode, doc.GetMember(JsonDocument.Root, "z"));
            Assert.AreEqual(JsonDocument.NoNode, doc.GetMember(a, "a"), "arrays have no members");
            Assert.AreEqual(9, doc.NodeCount, "root, a, 1, {b}, b, null, c, d, e");
        }

        [TestMethod]
        public void Read_EveryEscape_DecodesToItsCharacter()
        {
            JsonDocument doc = ReadOk("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u1EA0 \\uD83D\\uDE00 ệ 😀\"]");
            int s = doc.GetFirstChild(JsonDocument.Root);
            string expected = "\" \\ / \b \f \n \r \t é Ạ 😀 ệ 😀";
            Assert.AreEqual(expected, doc.GetString(s));
            Assert.AreEqual(expected.Length, doc.GetStringLength(s));
            char[] dest = new char[expected.Length + 1];
            Assert.AreEqual(expected.Length, doc.CopyString(s, dest, 1));
            Assert.AreEqual(expected, new string(dest, 1, expected.Length));
            Assert.AreEqual(-1, doc.CopyString(s, new char[expected.Length - 1], 0), "does not fit");
        }

        [TestMethod]
        public void Read_EscapedMemberName_MatchesPlainName()
        {
            JsonDocument doc = ReadOk("{\"\\u0070anel\": 1, \"\\uD83D\\uDE00\": 2}");
            Assert.AreNotEqual(JsonDocument.NoNode, doc.GetMember(JsonDocument.Root, "panel"));
            Assert.AreNotEqual(JsonDocument.NoNode, doc.GetMember(JsonDocument.Root, "😀"));
            Assert.AreEqual("panel", doc.GetName(doc.GetFirstChild(JsonDocument.Root)));
            Assert.AreEqual(JsonDocument.NoNode, doc.GetMember(JsonDocument.Root, "pane"));
            Assert.AreEqual(JsonDocument.NoNode, doc.GetMember(JsonDocument.Root, "panels"));
        }

        [TestMethod]
        [DataRow("0", 0L)]
        [DataRow("-0", 0L)]
        [DataRow("2.2", 2200000L)]
        [DataRow("-2.25", -2250000L)]
        [DataRow("1E3", 1000000000L)]
        [DataRow("2.2e0", 2200000L)]
        [DataRow("220e-2", 2200000L)]
        [DataRow("0.000001", 1L)]
        [DataRow("1.50000000000", 1500000L)]
        [DataRow("999999999999.999999", 999999999999999999L)]
        [DataRow("-999999999999", -999999999999000000L)]
        [DataRow("0e20", 0L)]
        [DataRow("0.0000000000", 0L)]
        [DataRow("1e-6", 1L)]
        [DataRow("1e11", 100000000000000000L)]
        public void Read_Number_IsExactMillionths(string text, long micros)
        {
            JsonDocument doc = ReadOk("[" + text + "]");
            int n = doc.GetFirstChild(JsonDocument.Root);
            Assert.AreEqual(JsonKind.Number, doc.GetKind(n));
            Assert.AreEqual(micros, doc.GetMicros(n));
            Assert.AreEqual(micros % 1000000 == 0, doc.IsInteger(n));
            Assert.AreEqual(text, doc.GetExcerpt(n));
        }

        [TestMethod]
        [DataRow("1000000000000", ConfigError.LimitExceeded, "smaller than 10^12")]
        [DataRow("1e12", ConfigError.LimitExceeded, "smaller than 10^12")]
        [DataRow("123456789012345678901234567890", ConfigError.LimitExceeded, "smaller than 10^12")]
        [DataRow("1.0000001", ConfigError.LimitExceeded, "6 decimal places")]
        [DataRow("1e-7", ConfigError.LimitExceeded, "6 decimal places")]
        [DataRow("1e21", ConfigError.LimitExceeded, "exponent out of range")]
        [DataRow("0e99", ConfigError.LimitExceeded, "exponent out of range")]
        [DataRow("1e-99999999999999999999", ConfigError.LimitExceeded, "exponent out of range")]
        [DataRow("01", ConfigError.Syntax, "leading zeros")]
        [DataRow("+1", ConfigError.Syntax, "expected a value")]
        [DataRow(".5", ConfigError.Syntax, "expected a value")]
        [DataRow("1.", ConfigError.Syntax, "digit must follow the decimal point")]
        [DataRow("1e", ConfigError.Syntax, "exponent needs digits")]
        [DataRow("-", ConfigError.Syntax, "needs a digit")]
        [DataRow("NaN", ConfigError.Syntax, "expected a value")]
        [DataRow("Infinity", ConfigError.Syntax, "expected a value")]
        [DataRow("-Infinity", ConfigError.Syntax, "needs a digit")]
        [DataRow("0x10", ConfigError.Syntax, "expected ',' or ']'")]
        public void Read_BadNumber_IsRefusedWithReason(string text, int code, string reason)
        {
            JsonReader reader = ReadBad("[" + text + "]", code);
            StringAssert.Contains(reader.ErrorMessage, reason);
            StringAssert.StartsWith(reader.ErrorMessage, "line 1, column ");
        }

        [TestMethod]
        [DataRow("", ConfigError.Syntax, "the file is empty")]
        [DataRow(" \r\n\t ", ConfigError.Syntax, "the file is empty")]
        [DataRow("{\"a\":1,}", ConfigError.Syntax, "line 1, column 8: trailing comma")]
        [DataRow("[1,2,]", ConfigError.Syntax, "line 1, column 6: trailing comma")]
        [DataRow("[1,,2]", ConfigError.Syntax, "line 1, column 4: expected a value")]
        [DataRow("{\"a\" 1}", ConfigError.Syntax, "line 1, column 6: expected ':'")]
        [DataRow("{\"a\":1 \"b\":2}", ConfigError.Syntax, "line 1, column 8: expected ',' or '}'")]
        [DataRow("{'a':1}", ConfigError.Syntax, "line 1, column 2: expected a member name in double quotes")]
        [DataRow("['a']", ConfigError.Syntax, "line 1, column 2: JSON strings need double quotes")]
        [DataRow("{a:1}", ConfigError.Syntax, "line 1, column 2: expected a member name")]
        [DataRow("{\n  // note\n}", ConfigError.Syntax, "line 2, column 3: expected a member name")]
        [DataRow("[\n  /* note */ 1]", ConfigError.Syntax, "line 2, column 3: JSON has no comments")]
        [DataRow("{\"a\":1}}", ConfigError.Syntax, "line 1, column 8: unexpected text after the end")]
        [DataRow("{\"a\":1} {}", ConfigError.Syntax, "line 1, column 9: unexpected text")]
        [DataRow("{\"a\":1", ConfigError.Syntax, "'}' is missing")]
        [DataRow("[1", ConfigError.Syntax, "']' is missing")]
        [DataRow("{\"a\":", ConfigError.Syntax, "the file ends here")]
        [DataRow("{\"a", ConfigError.Syntax, "line 1, column 2: string not closed")]
        [DataRow("[\"a\nb\"]", ConfigError.Syntax, "line 1, column 4: line break inside a string")]
        [DataRow("[\"a\tb\"]", ConfigError.Syntax, "line 1, column 4: control character")]
        [DataRow("[\"\\x\"]", ConfigError.Syntax, "unknown escape")]
        [DataRow("[\"\\u12\"]", ConfigError.Syntax, "4 hex digits")]
        [DataRow("[\"\\u12G4\"]", ConfigError.Syntax, "4 hex digits")]
        [DataRow("[\"\\uDE00\"]", ConfigError.Syntax, "lone low surrogate")]
        [DataRow("[\"\\uD83D\"]", ConfigError.Syntax, "followed by one of a low surrogate")]
        [DataRow("[\"\\uD83Dx\"]", ConfigError.Syntax, "followed by one of a low surrogate")]
        [DataRow("[\"\\uD83D\\uD83D\"]", ConfigError.Syntax, "followed by one of a low surrogate")]
        [DataRow("[\"\\uD83D\\n\"]", ConfigError.Syntax, "followed by one of a low surrogate")]
        [DataRow("[True]", ConfigError.Syntax, "lower case")]
        [DataRow("[nul]", ConfigError.Syntax, "expected a value")]
        [DataRow("[tru", ConfigError.Syntax, "expected a value")]
        [DataRow("{\"tiles\": [\n  {\"x\": 1},\n  {\"x\": 2\n  ]\n}", ConfigError.Syntax, "line 4, column 3: expected ',' or '}'")]
        public void Read_SyntaxError_GivesLineColumnAndReason(string json, int code, string expected)
        {
            JsonReader reader = ReadBad(json, code);
            StringAssert.Contains(reader.ErrorMessage, expected);
        }

        [TestMethod]
        public void Read_ColumnsCountCharactersNotBytes()
        {
            JsonReader reader = ReadBad("{\"tên\": \"Hà Nội\" \"x\"}", ConfigError.Syntax);
            Assert.AreEqual("line 1, column 18: expected ',' or '}' after the member's value", reader.ErrorMessage);
        }

        [TestMethod]
        public void Read_NullData_IsFileMissing()
        {
            var reader = new JsonReader();
            Assert.IsNull(reader.Read(null, false));
            Assert.AreEqual(ConfigError.FileMissing, reader.ErrorCode);
            Assert.AreEqual("file not found", reader.ErrorMessage);
        }

        [TestMethod]
        public void Read_Utf8ByteOrderMark_IsSkippedAndNotCounted()
        {
            byte[] bom = { 0xEF, 0xBB, 0xBF };
            byte[] bytes = [.. bom, .. Encoding.UTF8.GetBytes("{\"a\":1}")];
            var reader = new JsonReader();
            Assert.IsNotNull(reader.Read(bytes, false));
            byte[] bad = [.. bom, .. Encoding.UTF8.GetBytes("{\"a\" 1}")];
            JsonReader r = ReadBad(bad, ConfigError.Syntax);
            StringAssert.StartsWith(r.ErrorMessage, "line 1, column 6:");
        }

        [TestMethod]
        public void Read_Utf16File_IsEncodingError()
        {
            ReadBad(Encoding.Unicode.GetBytes("{\"a\":1}"), ConfigError.Encoding);
            ReadBad(Encoding.BigEndianUnicode.GetBytes("{\"a\":1}"), ConfigError.Encoding);
            ReadBad([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{}")], ConfigError.Encoding);
        }

        [TestMethod]
        [DataRow(new byte[] { 0xC0, 0x80 }, DisplayName = "overlong NUL")]
        [DataRow(new byte[] { 0xE0, 0x80, 0x80 }, DisplayName = "overlong 3-byte")]
        [DataRow(new byte[] { 0xED, 0xA0, 0x80 }, DisplayName = "encoded surrogate")]
        [DataRow(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, DisplayName = "above U+10FFFF")]
        [DataRow(new byte[] { 0xF5, 0x80, 0x80, 0x80 }, DisplayName = "F5 lead")]
        [DataRow(new byte[] { 0x80 }, DisplayName = "stray continuation")]
        [DataRow(new byte[] { 0xC3 }, DisplayName = "truncated")]
        [DataRow(new byte[] { 0xE1, 0xBB }, DisplayName = "truncated 3-byte")]
        [DataRow(new byte[] { 0xC3, 0x41 }, DisplayName = "bad continuation")]
        [DataRow(new byte[] { 0xFF }, DisplayName = "FF")]
        public void Read_InvalidUtf8InString_IsEncodingError(byte[] bad)
        {
            byte[] bytes = [(byte)'[', (byte)'"', (byte)'a', .. bad, (byte)'"', (byte)']'];
            JsonReader reader = ReadBad(bytes, ConfigError.Encoding);
            StringAssert.StartsWith(reader.ErrorMessage, "line 1, column 4:");
        }

        [TestMethod]
        public void Read_NonAsciiOutsideString_IsSyntaxError()
        {
            ReadBad("[1, é]", ConfigError.Syntax);
            ReadBad(new byte[] { (byte)'[', 0xFF, (byte)']' }, ConfigError.Syntax);
        }

        [TestMethod]
        [DataRow("{\"a\":1,\"a\":2}", "\"a\" appears twice in this object (first at line 1, column 2)")]
        [DataRow("{\"a\":1,\"\\u0061\":2}", "\"a\" appears twice")]
        [DataRow("{\"b\":{\"x\":1},\"c\":{\"x\":1,\"y\":2,\"x\":3}}", "line 1, column 31: \"x\" appears twice in this object (first at line 1, column 19)")]
        public void Read_DuplicateMember_IsRefused(string json, string expected)
        {
            JsonReader reader = ReadBad(json, ConfigError.DuplicateKey);
            StringAssert.Contains(reader.ErrorMessage, expected);
        }

        [TestMethod]
        public void Read_SameNameInDifferentObjects_IsAccepted()
        {
            JsonDocument doc = ReadOk("{\"a\":{\"x\":1},\"b\":{\"x\":2},\"c\":[{\"x\":3},{\"x\":4}]}");
            Assert.AreEqual("c[1].x", doc.GetPath(doc.GetMember(doc.GetNext(doc.GetFirstChild(doc.GetMember(JsonDocument.Root, "c"))), "x")));
        }

        [TestMethod]
        public void Read_Redacted_NeverQuotesMemberNames()
        {
            string secret = "000102030405060708090a0b0c0d0e0f";
            JsonReader reader = ReadBad(Encoding.UTF8.GetBytes("{\"" + secret + "\":1,\"" + secret + "\":2}"), ConfigError.DuplicateKey, redact: true);
            Assert.IsFalse(reader.ErrorMessage.Contains("0001"), reader.ErrorMessage);
            StringAssert.Contains(reader.ErrorMessage, "this member name appears twice");
        }

        [TestMethod]
        public void Read_DepthLimit_EightLevelsPassNineFail()
        {
            ReadOk(new string('[', 8) + new string(']', 8));
            ReadOk("{\"a\":" + new string('[', 7) + new string(']', 7) + "}");
            JsonReader reader = ReadBad(new string('[', 9) + new string(']', 9), ConfigError.LimitExceeded);
            Assert.AreEqual("line 1, column 9: nested deeper than 8 levels", reader.ErrorMessage);
            ReadBad(new string('[', 5000), ConfigError.LimitExceeded);
            ReadBad(new string('{', 5000), ConfigError.Syntax);
        }

        [TestMethod]
        public void Read_ArrayLimit_64ElementsPass65Fail()
        {
            ReadOk("[" + string.Join(",", new string[64].Select(_ => "0")) + "]");
            JsonReader reader = ReadBad("[" + string.Join(",", new string[65].Select(_ => "0")) + "]", ConfigError.LimitExceeded);
            StringAssert.Contains(reader.ErrorMessage, "more than 64 elements");
        }

        [TestMethod]
        public void Read_ObjectLimit_64MembersPass65Fail()
        {
            ReadOk("{" + string.Join(",", Enumerable.Range(0, 64).Select(i => "\"m" + i + "\":0")) + "}");
            JsonReader reader = ReadBad("{" + string.Join(",", Enumerable.Range(0, 65).Select(i => "\"m" + i + "\":0")) + "}", ConfigError.LimitExceeded);
            StringAssert.Contains(reader.ErrorMessage, "more than 64 members");
        }

        [TestMethod]
        public void Read_StringLimit_256Utf8BytesPass257Fail()
        {
            ReadOk("[\"" + new string('a', 256) + "\"]");
            ReadOk("[\"" + new string('é', 128) + "\"]");
            ReadOk("[\"" + string.Concat(Enumerable.Repeat("\\u00e9", 128)) + "\"]");
            ReadBad("[\"" + new string('a', 257) + "\"]", ConfigError.LimitExceeded);
            ReadBad("[\"" + new string('é', 128) + "a\"]", ConfigError.LimitExceeded);
            JsonReader reader = ReadBad("{\"" + new string('k', 257) + "\":1}", ConfigError.LimitExceeded);
            Assert.AreEqual("line 1, column 2: string longer than 256 bytes", reader.ErrorMessage);
        }

        [TestMethod]
        public void Read_NodeLimit_1024ValuesPassMoreFail()
        {
            // 16 arrays of 63 zeros: 1 + 16 x 64 = 1025 nodes; one element fewer in the last array gives 1024.
            string row = "[" + string.Join(",", new string[63].Select(_ => "0")) + "]";
            string last = "[" + string.Join(",", new string[62].Select(_ => "0")) + "]";
            string ok = "[" + string.Join(",", Enumerable.Repeat(row, 15)) + "," + last + "]";
            Assert.AreEqual(1024, ReadOk(ok).NodeCount);
            JsonReader reader = ReadBad("[" + string.Join(",", Enumerable.Repeat(row, 16)) + "]", ConfigError.LimitExceeded);
            StringAssert.Contains(reader.ErrorMessage, "more than 1024 values");
        }

        [TestMethod]
        public void Read_SizeLimit_8192BytesPass8193Fail()
        {
            string pad(int size) => "[\"" + new string(' ', size - 4) + "\"]";
            ReadBad(pad(8192), ConfigError.LimitExceeded); // the string is too long, but the size passed
            string spaces(int size) => "{}" + new string(' ', size - 2);
            ReadOk(spaces(8192));
            JsonReader reader = ReadBad(spaces(8193), ConfigError.FileTooLarge);
            Assert.AreEqual("the file has 8193 bytes, more than the 8192 allowed", reader.ErrorMessage);
        }

        [TestMethod]
        public void Read_ScalarTopLevel_IsAccepted()
        {
            Assert.AreEqual(JsonKind.String, ReadOk("\"x\"").GetKind(JsonDocument.Root));
            Assert.AreEqual(JsonKind.False, ReadOk("false").GetKind(JsonDocument.Root));
            Assert.AreEqual(string.Empty, ReadOk("1").GetPath(JsonDocument.Root));
        }

        [TestMethod]
        public void GetExcerpt_LongOrControlString_IsQuotedAndCut()
        {
            JsonDocument doc = ReadOk("[\"" + new string('x', 40) + "\", \"a\\nb\", {}, []]");
            int s = doc.GetFirstChild(JsonDocument.Root);
            Assert.AreEqual("\"" + new string('x', 32) + "...\"", doc.GetExcerpt(s));
            Assert.AreEqual("\"a?b\"", doc.GetExcerpt(doc.GetNext(s)));
            Assert.AreEqual("an object", doc.GetExcerpt(doc.GetNext(doc.GetNext(s))));
            Assert.AreEqual("a list", doc.GetExcerpt(doc.GetNext(doc.GetNext(doc.GetNext(s)))));
        }

        [TestMethod]
        public void GetPosition_PointsAtValueAndName()
        {
            JsonDocument doc = ReadOk("{\n  \"panel\": {\n    \"width\":  64\n  }\n}");
            int width = doc.GetMember(doc.GetMember(JsonDocument.Root, "panel"), "width");
            Assert.AreEqual("line 3, column 15", doc.GetPosition(width));
            Assert.AreEqual("line 3, column 5", doc.GetNamePosition(width));
            Assert.AreEqual("panel.width", doc.GetPath(width));
        }

        [TestMethod]
        public void Read_WorstCaseDuplicateNameChecks_FinishQuickly()
        {
            // 64 escaped names that agree up to their last character: every check compares two long names to the end.
            string prefix = string.Concat(Enumerable.Repeat("\\u0061", 18));
            string json = "{" + string.Join(",", Enumerable.Range(0, 64).Select(i => "\"" + prefix + i.ToString("D2") + "\":0")) + "}";
            Assert.IsLessThanOrEqualTo(JsonLimits.MaxInputBytes, json.Length);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (int i = 0; i < 20; i++)
            {
                ReadOk(json);
            }

            Assert.IsLessThan(2000, watch.ElapsedMilliseconds, "20 reads of the worst object took " + watch.ElapsedMilliseconds + " ms");
        }
    }
}
