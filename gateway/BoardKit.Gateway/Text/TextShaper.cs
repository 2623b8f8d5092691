using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using BoardKit.Gateway.Fonts;

namespace BoardKit.Gateway.Text
{
    /// <summary>
    /// Shapes text with one <see cref="FontSet"/>: NFC normalisation, extended grapheme clusters (UAX #29, as .NET's
    /// <see cref="StringInfo"/> implements it), one glyph per precomposed character or a base glyph with combining marks
    /// stacked from the font data. Thread-safe; cheap to create.
    /// </summary>
    /// <remarks>
    /// <para>Each cluster of the caller's text is normalised on its own, so every shaped cluster and every
    /// <see cref="MissingCharacter"/> maps back to an exact position in the original text.</para>
    /// <para>Glyph choice: a single code point takes the glyph of the first font in the set that has it and whose ink
    /// fits the line. A cluster of several code points (or a precomposed letter no font draws) is composed from its
    /// base and marks; see <see cref="MarkStacker"/> for how marks are placed.</para>
    /// </remarks>
    public sealed class TextShaper : ITextShaper
    {
        private readonly FontSet set;
        private readonly UnicodeNames names;

        /// <summary>Creates a shaper over <paramref name="fontSet"/>; <paramref name="names"/> defaults to
        /// <see cref="UnicodeNames.Default"/> (also used for combining classes).</summary>
        public TextShaper(FontSet fontSet, UnicodeNames? names = null)
        {
            ArgumentNullException.ThrowIfNull(fontSet);
            set = fontSet;
            this.names = names ?? UnicodeNames.Default;
        }

        /// <summary>The font set glyphs come from.</summary>
        public FontSet FontSet => set;

        /// <inheritdoc/>
        public ShapedText Shape(string text)
        {
            text ??= string.Empty;
            var clusters = new List<ShapedCluster>();
            var missing = new List<MissingCharacter>();
            var normalized = new StringBuilder(text.Length);
            int line = 1;
            int column = 0;
            int index = 0;
            while (index < text.Length)
            {
                int length = StringInfo.GetNextTextElementLength(text.AsSpan(index));
                if (length <= 0)
                {
                    length = 1;
                }

                string original = text.Substring(index, length);
                column++;
                var origin = new Origin(text, index, line, column);
                foreach (ShapedCluster cluster in ShapeOriginalCluster(original, origin, normalized, missing))
                {
                    clusters.Add(cluster);
                    if (cluster.IsLineBreak)
                    {
                        line++;
                        column = 0;
                    }
                }

                index += length;
            }

            SetBreakOpportunities(clusters);
            return new ShapedText
            {
                NormalizedText = normalized.ToString(),
                Clusters = clusters,
                Ascent = set.Ascent,
                Descent = set.Descent,
                Missing = missing,
            };
        }

        private IEnumerable<ShapedCluster> ShapeOriginalCluster(string original, Origin origin, StringBuilder normalized, List<MissingCharacter> missing)
        {
            if (!IsValidUtf16(original, out int badUnit, out int badOffset))
            {
                missing.Add(Missing(badUnit, origin, badOffset, "lone UTF-16 surrogate: the text was damaged (a character was cut in half when it was stored or sent)"));
                yield return Empty("\uFFFD", normalized);
                yield break;
            }

            string nfc;
            try
            {
                nfc = original.Normalize(NormalizationForm.FormC);
            }
            catch (ArgumentException)
            {
                nfc = original;
            }

            int offset = 0;
            while (offset < nfc.Length)
            {
                int length = StringInfo.GetNextTextElementLength(nfc.AsSpan(offset));
                if (length <= 0)
                {
                    length = 1;
                }

                yield return ShapeCluster(nfc.Substring(offset, length), origin, normalized, missing);
                offset += length;
            }
        }

        private ShapedCluster ShapeCluster(string cluster, Origin origin, StringBuilder normalized, List<MissingCharacter> missing)
        {
            int first = Rune.GetRuneAt(cluster, 0).Value;
            if (cluster == "\n" || cluster == "\r\n" || first == 0x2028 || first == 0x2029)
            {
                int at = normalized.Length;
                normalized.Append(cluster);
                return new ShapedCluster { Text = cluster, Index = at, Advance = 0, Glyphs = Array.Empty<PlacedGlyph>(), IsLineBreak = true };
            }

            UnicodeCategory category = Rune.GetUnicodeCategory(new Rune(first));
            if (category == UnicodeCategory.Control)
            {
                missing.Add(Missing(first, origin, cluster, "control character: it cannot be shown; remove it (use spaces for gaps and line breaks for new lines)"));
                return Empty(cluster, normalized);
            }

            if (first == 0xFFFD)
            {
                missing.Add(Missing(first, origin, cluster, "replacement character: the text contained bytes that are not valid UTF-8 (or was damaged before it arrived); retype it"));
                return Empty(cluster, normalized);
            }

            if (IsDefaultIgnorable(first) && cluster.Length == new Rune(first).Utf16SequenceLength)
            {
                // Invisible by definition (zero width space, joiners, byte order mark, soft hyphen, variation selectors).
                return Empty(cluster, normalized);
            }

            if (category == UnicodeCategory.SpaceSeparator && cluster.Length == new Rune(first).Utf16SequenceLength)
            {
                int at = normalized.Length;
                normalized.Append(cluster);
                bool breaks = first != 0x00A0 && first != 0x2007 && first != 0x202F;
                return new ShapedCluster { Text = cluster, Index = at, Advance = SpaceAdvance(first), Glyphs = Array.Empty<PlacedGlyph>(), IsSpace = breaks };
            }

            if (!set.AllowsDiacritics && HasMark(cluster))
            {
                missing.Add(Missing(first, origin, cluster, set.DiacriticsRefusal));
                return Empty(cluster, normalized);
            }

            var runes = Runes(cluster);
            var stacker = new MarkStacker(set, names);
            if (stacker.TryShape(runes, out var glyphs, out int advance, out int failedCodePoint, out string? reason))
            {
                int at = normalized.Length;
                normalized.Append(cluster);
                return new ShapedCluster { Text = cluster, Index = at, Advance = advance, Glyphs = glyphs };
            }

            // A precomposed letter no font draws whole may still be composed from its decomposition (NFD).
            string nfd = cluster.Normalize(NormalizationForm.FormD);
            if (nfd != cluster)
            {
                if (stacker.TryShape(Runes(nfd), out glyphs, out advance, out int nfdFailed, out string? nfdReason))
                {
                    int at = normalized.Length;
                    normalized.Append(cluster);
                    return new ShapedCluster { Text = cluster, Index = at, Advance = advance, Glyphs = glyphs };
                }

                // The composition attempt says more (which mark, how many rows), but name the letter the editor typed.
                reason = $"no font has it whole and composing it failed: {nfdReason}";
                failedCodePoint = nfdFailed == Rune.GetRuneAt(nfd, 0).Value ? failedCodePoint : nfdFailed;
            }

            missing.Add(Missing(failedCodePoint, origin, cluster, reason ?? "cannot be drawn"));
            return Empty(cluster, normalized);
        }

        private int SpaceAdvance(int codePoint)
        {
            if (set.TryGetGlyph(codePoint, out Glyph? glyph, out _) && glyph.Advance > 0)
            {
                return glyph.Advance;
            }

            if (set.TryGetGlyph(' ', out glyph, out _) && glyph.Advance > 0)
            {
                return codePoint == 0x3000 ? 2 * glyph.Advance : glyph.Advance;
            }

            // No font has a space: a third of the line height is a usual word space.
            return Math.Max(1, set.LineHeight / 3);
        }

        private MissingCharacter Missing(int codePoint, Origin origin, string cluster, string reason)
        {
            // Point at the code point itself when it appears literally in the original cluster (e.g. one mark of several).
            string original = origin.Text.Substring(origin.Index, Math.Min(origin.Text.Length - origin.Index, Math.Max(cluster.Length, 1)));
            int within = 0;
            if (codePoint >= 0 && codePoint <= 0x10FFFF && !(codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                int found = original.IndexOf(char.ConvertFromUtf32(codePoint), StringComparison.Ordinal);
                within = found < 0 ? 0 : found;
            }

            return Missing(codePoint, origin, within, reason);
        }

        private MissingCharacter Missing(int codePoint, Origin origin, int offsetInCluster, string reason)
        {
            return new MissingCharacter(codePoint, names.GetName(codePoint), origin.Index + offsetInCluster, origin.Line, origin.Column, reason);
        }

        private static ShapedCluster Empty(string cluster, StringBuilder normalized)
        {
            int at = normalized.Length;
            normalized.Append(cluster);
            return new ShapedCluster { Text = cluster, Index = at, Advance = 0, Glyphs = Array.Empty<PlacedGlyph>() };
        }

        private static List<int> Runes(string s)
        {
            var result = new List<int>(s.Length);
            foreach (Rune rune in s.EnumerateRunes())
            {
                result.Add(rune.Value);
            }

            return result;
        }

        private static bool HasMark(string cluster)
        {
            foreach (Rune rune in cluster.Normalize(NormalizationForm.FormD).EnumerateRunes())
            {
                UnicodeCategory c = Rune.GetUnicodeCategory(rune);
                if (c == UnicodeCategory.NonSpacingMark || c == UnicodeCategory.EnclosingMark || c == UnicodeCategory.SpacingCombiningMark)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsValidUtf16(string s, out int badUnit, out int badOffset)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    i++;
                    continue;
                }

                if (char.IsSurrogate(c))
                {
                    badUnit = c;
                    badOffset = i;
                    return false;
                }
            }

            badUnit = 0;
            badOffset = 0;
            return true;
        }

        /// <summary>Default-ignorable code points (Unicode DerivedCoreProperties, the ones editors paste): drawn as nothing.</summary>
        internal static bool IsDefaultIgnorable(int c) =>
            c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x115F && c <= 0x1160) || (c >= 0x17B4 && c <= 0x17B5)
            || (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
            || (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0
            || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A)
            || (c >= 0xE0000 && c <= 0xE0FFF);

        private static void SetBreakOpportunities(List<ShapedCluster> clusters)
        {
            for (int i = 1; i < clusters.Count; i++)
            {
                ShapedCluster previous = clusters[i - 1];
                ShapedCluster current = clusters[i];
                if (current.IsSpace || current.IsLineBreak || previous.IsSpace || previous.IsLineBreak)
                {
                    continue;
                }

                int cur = Rune.GetRuneAt(current.Text, 0).Value;
                int prev = Rune.GetRuneAt(previous.Text, 0).Value;
                if ((LineBreaking.IsIdeographic(cur) || LineBreaking.IsIdeographic(prev))
                    && !LineBreaking.IsNoBreakBefore(cur) && !LineBreaking.IsNoBreakAfter(prev))
                {
                    clusters[i] = new ShapedCluster
                    {
                        Text = current.Text,
                        Index = current.Index,
                        Advance = current.Advance,
                        Glyphs = current.Glyphs,
                        IsSpace = current.IsSpace,
                        IsLineBreak = current.IsLineBreak,
                        CanBreakBefore = true,
                    };
                }
            }
        }

        /// <summary>Where an original cluster starts in the caller's text.</summary>
        private readonly record struct Origin(string Text, int Index, int Line, int Column);
    }
}
