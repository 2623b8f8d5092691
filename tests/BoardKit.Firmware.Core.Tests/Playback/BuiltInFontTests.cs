using System.Collections.Generic;
using BoardKit.Firmware.Core.Playback;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    [TestClass]
    public sealed class BuiltInFontTests
    {
        private const string Required = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._:!? ";

        [TestMethod]
        public void HasGlyph_EveryRequiredCharacter_True()
        {
            foreach (char c in Required)
            {
                Assert.IsTrue(BuiltInFont.HasGlyph(c), "'" + c + "'");
            }

            Assert.IsFalse(BuiltInFont.HasGlyph('#'));
            Assert.IsFalse(BuiltInFont.HasGlyph('Đ'));
        }

        [TestMethod]
        public void GlyphOf_Lowercase_IsTheUppercaseGlyph()
        {
            for (char c = 'a'; c <= 'z'; c++)
            {
                Assert.AreEqual(BuiltInFont.GlyphOf(char.ToUpperInvariant(c)), BuiltInFont.GlyphOf(c), "'" + c + "'");
            }
        }

        [TestMethod]
        public void GlyphOf_CharacterWithoutGlyph_IsQuestionMark()
        {
            Assert.AreEqual(BuiltInFont.GlyphOf('?'), BuiltInFont.GlyphOf('#'));
            Assert.AreEqual(BuiltInFont.GlyphOf('?'), BuiltInFont.GlyphOf('Ư'));
        }

        [TestMethod]
        public void GlyphOf_EveryRequiredCharacter_DistinctPixels()
        {
            var seen = new Dictionary<int, char>();
            foreach (char c in Required)
            {
                int g = BuiltInFont.GlyphOf(c);
                Assert.IsFalse(seen.ContainsKey(g), "'" + c + "' looks like '" + (seen.TryGetValue(g, out char o) ? o : ' ') + "'");
                seen[g] = c;
                Assert.AreEqual(0, g >> 15, "15 bits only");
                Assert.IsTrue(c == ' ' || g != 0, "'" + c + "' has pixels");
            }
        }

        [TestMethod]
        public void IsLit_LetterA_HandDrawnRows()
        {
            // .#. / #.# / ### / #.# / #.#
            string[] rows = { ".#.", "#.#", "###", "#.#", "#.#" };
            int a = BuiltInFont.GlyphOf('A');
            for (int r = 0; r < 5; r++)
            {
                for (int c = 0; c < 3; c++)
                {
                    Assert.AreEqual(rows[r][c] == '#', BuiltInFont.IsLit(a, c, r), "row " + r + " column " + c);
                }
            }

            Assert.IsFalse(BuiltInFont.IsLit(a, 3, 2), "the spacing column");
            Assert.IsFalse(BuiltInFont.IsLit(a, 1, 5), "below the glyph");
            Assert.IsFalse(BuiltInFont.IsLit(a, -1, 0));
        }

        [TestMethod]
        public void TextWidth_SevenCharacters_Is27AndFits32()
        {
            Assert.AreEqual(27, BuiltInFont.TextWidth(7, 1));
            Assert.AreEqual(54, BuiltInFont.TextWidth(7, 2));
            Assert.AreEqual(3, BuiltInFont.TextWidth(1, 1));
            Assert.AreEqual(0, BuiltInFont.TextWidth(0, 1));
        }
    }
}
