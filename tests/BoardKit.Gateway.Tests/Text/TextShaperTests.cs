using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Tests.Fonts;
using BoardKit.Gateway.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Text
{
    [TestClass]
    public sealed class TextShaperTests
    {
        private static TextShaper Shaper16 => new(InstalledFonts.Line16);

        // ---- 1. Vietnamese: all 134 letters ----

        [TestMethod]
        public void VietnameseAlphabet_Built_Has134PrecomposedLettersInTheVietnameseRanges()
        {
            IReadOnlyList<string> letters = VietnameseAlphabet.Letters;
            Assert.HasCount(134, letters);
            Assert.HasCount(134, letters.Distinct().ToList());
            foreach (string letter in letters)
            {
                Assert.AreEqual(1, letter.Length, letter);
                int c = letter[0];
                Assert.IsTrue((c >= 0xC0 && c <= 0x1B0) || (c >= 0x1EA0 && c <= 0x1EF9), $"U+{c:X4}");
            }
        }

        [TestMethod]
        public void Shape_EveryVietnameseLetterPrecomposedOrDecomposed_SamePlacement()
        {
            TextShaper shaper = Shaper16;
            foreach (string letter in VietnameseAlphabet.Letters)
            {
                string nfd = letter.Normalize(NormalizationForm.FormD);
                Assert.AreEqual(letter is "\u0111" or "\u0110", letter == nfd, $"{letter}: only đ/Đ have no decomposition");
                ShapedText composed = shaper.Shape(letter);
                ShapedText decomposed = shaper.Shape(nfd);
                Assert.AreEqual(letter, decomposed.NormalizedText);
                Assert.IsEmpty(decomposed.Missing, letter);
                Assert.HasCount(1, decomposed.Clusters, letter);
                CollectionAssert.AreEqual(Placement(composed), Placement(decomposed), letter);
            }
        }

        [TestMethod]
        public void Shape_EveryVietnameseLetter_UsesUnifontsOwnPrecomposedGlyph()
        {
            TextShaper shaper = Shaper16;
            foreach (string letter in VietnameseAlphabet.Letters)
            {
                int code = letter[0];
                string hex = InstalledFonts.RawHex(code) ?? throw new AssertFailedException($"unifont.hex has no U+{code:X4}");
                ShapedCluster cluster = shaper.Shape(letter).Clusters.Single();
                PlacedGlyph placed = cluster.Glyphs.Single();
                Assert.AreEqual(code, placed.Glyph.CodePoint);
                Assert.AreEqual(8, cluster.Advance);
                for (int row = 0; row < 16; row++)
                {
                    for (int x = 0; x < 8; x++)
                    {
                        Assert.AreEqual(InstalledFonts.RawPixel(hex, x, row), placed.Glyph.IsSet(x, row), $"{letter} ({x},{row})");
                    }
                }
            }
        }

        [TestMethod]
        public void Shape_EveryVietnameseLetter_NoPixelOutside16RowLine()
        {
            TextShaper shaper = Shaper16;
            foreach (string letter in VietnameseAlphabet.Letters)
            {
                ShapedText shaped = shaper.Shape(letter);
                Assert.AreEqual(16, shaped.LineHeight);
                var pixels = ClusterRaster.Pixels(shaped.Clusters.Single(), shaped.Ascent);
                Assert.IsNotEmpty(pixels, letter);
                Assert.IsTrue(pixels.All(p => p.Row >= 0 && p.Row < 16 && p.X >= 0 && p.X < 8), letter);
                // The mark above must be visible: capitals with a mark above use one of the top 4 rows.
            }
        }

        [TestMethod]
        public void Shape_ComposedFromBaseAndMarks_StaysInsideLineOrIsRefusedWithRows()
        {
            // Hide every precomposed letter, so the shaper must compose each from NFD base + Unifont's combining glyphs.
            var font = new HidingFont(InstalledFonts.Unifont, c => c > 0x7F && c != 0x0111 && c != 0x0110 && !(c >= 0x0300 && c <= 0x036F));
            var set = new FontSet("composing", new IFont[] { font }, 14, 2);
            var shaper = new TextShaper(set);
            var refused = new List<string>();
            foreach (string letter in VietnameseAlphabet.Letters)
            {
                ShapedText shaped = shaper.Shape(letter);
                if (shaped.Missing.Count > 0)
                {
                    StringAssert.Contains(shaped.Missing[0].Reason, "rows", $"{letter}: {shaped.Missing[0]}");
                    refused.Add(letter);
                    continue;
                }

                ShapedCluster cluster = shaped.Clusters.Single();
                if (letter[0] != 0x0111 && letter[0] != 0x0110)
                {
                    Assert.IsGreaterThan(1, cluster.Glyphs.Count, letter);
                }

                var pixels = ClusterRaster.Pixels(cluster, shaped.Ascent);
                Assert.IsTrue(pixels.All(p => p.Row >= 0 && p.Row < 16), $"{letter} sticks out of the line");
                // Marks above and below never share a pixel with another mark.
                var markPixels = pixels.Where(p => p.Glyph > 0).GroupBy(p => (p.X, p.Row)).Where(g => g.Count() > 1).ToList();
                Assert.IsEmpty(markPixels, $"{letter}: two marks overlap");
            }

            Console.WriteLine($"composed: {134 - refused.Count}, refused (need more than 14 rows above the baseline): {string.Join(" ", refused)}");
            // Every letter with one tone mark or one vowel mark composes; only double marks can run out of rows.
            foreach (string letter in refused)
            {
                Assert.IsGreaterThan(2, letter.Normalize(NormalizationForm.FormD).Length, letter);
            }
        }

        [TestMethod]
        public void Shape_ComposedCircumflexAndAcute_AcuteStacksAboveCircumflex()
        {
            var font = new HidingFont(InstalledFonts.Unifont, c => c == 0x1EA4);
            var set = new FontSet("composing", new IFont[] { font }, 14, 2);
            ShapedText shaped = new TextShaper(set).Shape("A\u0302\u0301");
            Assert.IsEmpty(shaped.Missing);
            var pixels = ClusterRaster.Pixels(shaped.Clusters.Single(), shaped.Ascent);
            int baseTop = pixels.Where(p => p.Glyph == 0).Min(p => p.Row);
            int circumflexTop = pixels.Where(p => p.Glyph == 1).Min(p => p.Row);
            int circumflexBottom = pixels.Where(p => p.Glyph == 1).Max(p => p.Row);
            int acuteBottom = pixels.Where(p => p.Glyph == 2).Max(p => p.Row);
            Assert.IsLessThan(baseTop, circumflexBottom, "circumflex above the A");
            Assert.IsLessThan(circumflexTop, acuteBottom, "acute above the circumflex");
            Assert.IsTrue(pixels.All(p => p.Row >= 0), "nothing above the top row");
        }

        // ---- 2. Place names and other scripts ----

        [TestMethod]
        [DataRow("Pa Vệ Sủ", 8)]
        [DataRow("Mù Cả", 5)]
        [DataRow("Nậm Khao", 8)]
        [DataRow("Tả Phìn", 7)]
        [DataRow("Mồ Sì San", 9)]
        [DataRow("Cửa khẩu Ma Lù Thàng", 20)]
        public void Shape_CommuneName_AllCoveredOneClusterPerLetter(string name, int letters)
        {
            foreach (string form in new[] { name, name.Normalize(NormalizationForm.FormD) })
            {
                ShapedText shaped = Shaper16.Shape(form);
                Assert.IsEmpty(shaped.Missing, string.Join("; ", shaped.Missing));
                Assert.AreEqual(name.Normalize(NormalizationForm.FormC), shaped.NormalizedText);
                Assert.HasCount(letters, shaped.Clusters);
                Assert.AreEqual(8 * letters, shaped.Clusters.Sum(c => c.Advance));
                Assert.AreEqual(name.Count(c => c == ' '), shaped.Clusters.Count(c => c.IsSpace));
            }
        }

        [TestMethod]
        [DataRow("口岸")]
        [DataRow("马鹿塘")]
        public void Shape_Chinese_SixteenWideAndBreakableBetweenIdeographs(string text)
        {
            ShapedText shaped = Shaper16.Shape(text);
            Assert.IsEmpty(shaped.Missing);
            Assert.HasCount(text.Length, shaped.Clusters);
            Assert.IsTrue(shaped.Clusters.All(c => c.Advance == 16));
            Assert.IsFalse(shaped.Clusters[0].CanBreakBefore);
            Assert.IsTrue(shaped.Clusters.Skip(1).All(c => c.CanBreakBefore));
        }

        [TestMethod]
        public void Shape_ChineseClosingPunctuation_NoBreakBefore()
        {
            ShapedText shaped = Shaper16.Shape("口岸。");
            Assert.IsTrue(shaped.Clusters[1].CanBreakBefore);
            Assert.IsFalse(shaped.Clusters[2].CanBreakBefore);
        }

        [TestMethod]
        [DataRow("Nyob zoo")]
        [DataRow("Txais tos")]
        [DataRow("Border gate information")]
        public void Shape_HmongRpaAndEnglish_PlainLatinCovered(string text)
        {
            ShapedText shaped = Shaper16.Shape(text);
            Assert.IsEmpty(shaped.Missing);
            Assert.HasCount(text.Length, shaped.Clusters);
            Assert.IsFalse(shaped.Clusters.Any(c => c.CanBreakBefore));
        }

        [TestMethod]
        public void Shape_TaiVietLettersWithVowels_MarksJoinTheirConsonantInsideTheLine()
        {
            // ꪁ + vowel sign I (above), ꪀ + vowel sign U (below right), ꪉ alone.
            string text = "\uAA81\uAAB2\uAA80\uAAB4\uAA89";
            ShapedText shaped = Shaper16.Shape(text);
            Assert.IsEmpty(shaped.Missing, string.Join("; ", shaped.Missing));
            Assert.HasCount(3, shaped.Clusters);
            Assert.HasCount(2, shaped.Clusters[0].Glyphs);
            Assert.HasCount(2, shaped.Clusters[1].Glyphs);
            foreach (ShapedCluster cluster in shaped.Clusters)
            {
                Assert.AreEqual(16, cluster.Advance);
                Assert.IsTrue(ClusterRaster.Pixels(cluster, shaped.Ascent).All(p => p.Row >= 0 && p.Row < 16 && p.X >= 0 && p.X < 16));
            }

            var first = ClusterRaster.Pixels(shaped.Clusters[0], shaped.Ascent);
            Assert.IsLessThan(first.Where(p => p.Glyph == 0).Min(p => p.Row), first.Where(p => p.Glyph == 1).Max(p => p.Row), "vowel I sits above the consonant");
        }

        // ---- 3. What cannot be drawn is reported exactly ----

        [TestMethod]
        public void Shape_PrivateUseCharacter_ReportedWithLineColumnAndIndex()
        {
            string text = "Xin chào\nA\uE000B";
            ShapedText shaped = Shaper16.Shape(text);
            MissingCharacter missing = shaped.Missing.Single();
            Assert.AreEqual(0xE000, missing.CodePoint);
            Assert.AreEqual(2, missing.Line);
            Assert.AreEqual(2, missing.Column);
            Assert.AreEqual(text.IndexOf('\uE000', StringComparison.Ordinal), missing.Index);
            Assert.AreEqual("U+E000", missing.Name);
            StringAssert.Contains(missing.Reason, "private-use");
            StringAssert.Contains(missing.ToString(), "line 2, column 2");
        }

        [TestMethod]
        public void Shape_PlaneTwoIdeographAfterDecomposedText_ColumnsCountOriginalClusters()
        {
            // "Mồ" typed decomposed (o + circumflex + grave): 2 clusters, 4 UTF-16 units; then a space and U+20000.
            string text = "Mo\u0302\u0300 \U00020000";
            ShapedText shaped = Shaper16.Shape(text);
            MissingCharacter missing = shaped.Missing.Single();
            Assert.AreEqual(0x20000, missing.CodePoint);
            Assert.AreEqual("CJK UNIFIED IDEOGRAPH-20000", missing.Name);
            Assert.AreEqual(1, missing.Line);
            Assert.AreEqual(4, missing.Column);
            Assert.AreEqual(5, missing.Index);
            StringAssert.Contains(missing.Reason, "no glyph in unifont", missing.Reason);
        }

        [TestMethod]
        public void Shape_LoneSurrogate_ReportedNotThrown()
        {
            string text = "a\uD800b\n\uDC00";
            ShapedText shaped = Shaper16.Shape(text);
            Assert.HasCount(2, shaped.Missing);
            Assert.AreEqual(0xD800, shaped.Missing[0].CodePoint);
            Assert.AreEqual((1, 2, 1), (shaped.Missing[0].Line, shaped.Missing[0].Column, shaped.Missing[0].Index));
            Assert.AreEqual(0xDC00, shaped.Missing[1].CodePoint);
            Assert.AreEqual((2, 1, 4), (shaped.Missing[1].Line, shaped.Missing[1].Column, shaped.Missing[1].Index));
            StringAssert.Contains(shaped.Missing[0].Reason, "surrogate");
        }

        [TestMethod]
        public void Shape_ReplacementCharacterFromBadUtf8_Reported()
        {
            Utf8DecodeResult decoded = TextInput.DecodeUtf8Strict(new byte[] { 0x4D, 0xC3, 0xB9, 0x20, 0xFF, 0x43 });
            ShapedText shaped = Shaper16.Shape(decoded.Text);
            MissingCharacter missing = shaped.Missing.Single();
            Assert.AreEqual(0xFFFD, missing.CodePoint);
            Assert.AreEqual("REPLACEMENT CHARACTER", missing.Name);
            Assert.AreEqual(4, missing.Column);
            StringAssert.Contains(missing.Reason, "UTF-8");
        }

        [TestMethod]
        public void Shape_TabAndOtherControls_ReportedButNewlinesBreakLines()
        {
            ShapedText shaped = Shaper16.Shape("a\tb\r\nc\nd\u0007");
            CollectionAssert.AreEqual(new[] { 0x09, 0x07 }, shaped.Missing.Select(m => m.CodePoint).ToArray());
            Assert.AreEqual("CHARACTER TABULATION", shaped.Missing[0].Name);
            Assert.AreEqual((3, 2), (shaped.Missing[1].Line, shaped.Missing[1].Column));
            Assert.AreEqual(2, shaped.Clusters.Count(c => c.IsLineBreak));
            Assert.AreEqual("\r\n", shaped.Clusters.First(c => c.IsLineBreak).Text);
        }

        [TestMethod]
        public void Shape_InvisibleFormatCharacters_DrawNothingAndAreNotMissing()
        {
            ShapedText shaped = Shaper16.Shape("\uFEFFA\u200BB\u00AD");
            Assert.IsEmpty(shaped.Missing);
            Assert.AreEqual(16, shaped.Clusters.Sum(c => c.Advance));
        }

        [TestMethod]
        public void Shape_Spaces_MarkedAsSpacesExceptNoBreakSpace()
        {
            ShapedText shaped = Shaper16.Shape("a b\u00A0c\u3000d");
            Assert.IsTrue(shaped.Clusters[1].IsSpace);
            Assert.AreEqual(8, shaped.Clusters[1].Advance);
            Assert.IsFalse(shaped.Clusters[3].IsSpace);
            Assert.AreEqual(8, shaped.Clusters[3].Advance);
            Assert.IsTrue(shaped.Clusters[5].IsSpace);
            Assert.AreEqual(16, shaped.Clusters[5].Advance);
        }

        [TestMethod]
        public void Shape_ClusterIndex_PointsIntoNormalizedText()
        {
            ShapedText shaped = Shaper16.Shape("Vie\u0302\u0323t 口");
            foreach (ShapedCluster cluster in shaped.Clusters)
            {
                Assert.AreEqual(cluster.Text, shaped.NormalizedText.Substring(cluster.Index, cluster.Text.Length));
            }
        }

        [TestMethod]
        public void Shape_NullOrEmpty_ReturnsEmpty()
        {
            ShapedText shaped = Shaper16.Shape(null!);
            Assert.IsEmpty(shaped.Clusters);
            Assert.IsEmpty(shaped.Missing);
            Assert.AreEqual(string.Empty, shaped.NormalizedText);
        }

        [TestMethod]
        public void Normalize_ThisMachine_ComposesVietnamese()
        {
            // The shaper depends on string.Normalize (ICU on Linux); prove it works here.
            Assert.AreEqual("\u1EA4", "A\u0302\u0301".Normalize(NormalizationForm.FormC));
            Assert.AreEqual("\u1EC7", "e\u0323\u0302".Normalize(NormalizationForm.FormC), "canonical reordering of dot below and circumflex");
        }

        private static List<string> Placement(ShapedText shaped) =>
            shaped.Clusters.SelectMany(c => c.Glyphs.Select(g => $"{c.Index}:{g.Glyph.CodePoint:X4}@{g.X},{g.Y}+{c.Advance}")).ToList();
    }
}
