using System;
using System.Linq;
using System.Text;
using BoardKit.Gateway.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Text
{
    [TestClass]
    public sealed class TextInputTests
    {
        [TestMethod]
        public void DecodeUtf8Strict_ValidVietnameseWithBom_DecodesAndDropsBom()
        {
            // EF BB BF = BOM; 4D = M; E1 BB 93 = U+1ED3 ồ.
            Utf8DecodeResult result = TextInput.DecodeUtf8Strict(new byte[] { 0xEF, 0xBB, 0xBF, 0x4D, 0xE1, 0xBB, 0x93 });
            Assert.IsTrue(result.IsValid);
            Assert.AreEqual("M\u1ED3", result.Text);
        }

        [TestMethod]
        public void DecodeUtf8Strict_InvalidSequences_ReportedWithByteOffsets()
        {
            byte[] bytes =
            {
                0x41,             // 0: A
                0xC3, 0x28,       // 1: 2-byte lead interrupted by '('
                0x80,             // 3: continuation without lead
                0xC0, 0xAF,       // 4: overlong '/' (C0 never occurs)
                0xED, 0xA0, 0x80, // 6: UTF-8 encoded surrogate U+D800
                0x42,             // 9: B
                0xE1, 0xBB,       // 10: truncated 3-byte sequence
            };
            Utf8DecodeResult result = TextInput.DecodeUtf8Strict(bytes);
            Assert.IsFalse(result.IsValid);
            CollectionAssert.AreEqual(new[] { 1, 3, 4, 5, 6, 7, 8, 10 }, result.Errors.Select(e => e.ByteOffset).ToArray(), string.Join("; ", result.Errors));
            Assert.AreEqual("C3", result.Errors[0].Bytes);
            StringAssert.Contains(result.Errors[0].Reason, "interrupted by byte 0x28");
            StringAssert.Contains(result.Errors[1].Reason, "continuation byte");
            StringAssert.Contains(result.Errors.Last().Reason, "truncated");
            Assert.AreEqual("E1 BB", result.Errors.Last().Bytes);
            Assert.AreEqual("A\uFFFD(\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDB\uFFFD", result.Text);
        }

        [TestMethod]
        public void DecodeUtf8Strict_AnyValidString_RoundTripsWithoutErrors()
        {
            Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
            {
                // Lone surrogates have no UTF-8 form; the property is about text that can be encoded.
                string valid = text == null ? string.Empty : new string(text.Where(c => !char.IsSurrogate(c)).ToArray());
                if (valid.Length > 0 && valid[0] == '\uFEFF')
                {
                    valid = "x" + valid; // a leading U+FEFF is a byte order mark and is dropped on purpose
                }

                Utf8DecodeResult result = TextInput.DecodeUtf8Strict(Encoding.UTF8.GetBytes(valid));
                return result.IsValid && result.Text == valid;
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void DecodeUtf8Strict_AnyBytes_AgreesWithDotNetsStrictDecoderAndPointsInside()
        {
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            {
                bytes ??= Array.Empty<byte>();
                Utf8DecodeResult result = TextInput.DecodeUtf8Strict(bytes);
                bool dotnetValid;
                try
                {
                    strict.GetString(bytes);
                    dotnetValid = true;
                }
                catch (DecoderFallbackException)
                {
                    dotnetValid = false;
                }

                return result.IsValid == dotnetValid
                    && result.Errors.All(e => e.ByteOffset >= 0 && e.Length >= 1 && e.ByteOffset + e.Length <= bytes.Length);
            }).QuickCheckThrowOnFailure();
        }
    }
}
