using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using BoardKit.Gateway.Fonts;

namespace BoardKit.Gateway.Text
{
    /// <summary>
    /// Places the glyphs of one grapheme cluster: a base glyph plus combining marks, positioned from the font data.
    /// </summary>
    /// <remarks>
    /// <para>Horizontal: a mark is drawn in its own cell — for an advance-0 glyph (Unifont) the cell is its bitmap
    /// (<c>OffsetX</c>, e.g. −8, and width); for a mark with an advance (X11 misc-fixed) the cell is 0..advance. Marks
    /// above and below are centred cell-on-cell over the base; attached marks (horn, cedilla, overlays) are
    /// right-aligned to the base cell, as the font designer drew them.</para>
    /// <para>Vertical: marks above (combining class 230 etc., or ink above half the ascent when the class is unknown)
    /// are stacked in logical order, each above the ink of the one before; marks below likewise downward. Layout tries,
    /// in order: the designed position with one blank row between base and mark and between marks; then marks snapped
    /// onto the base with one blank row; without the row above the base; without rows between marks; packed tight.
    /// Before all that, the marks are left exactly where the font draws them if that keeps them inside the line and no
    /// two marks share a pixel (Unifont's combining glyphs are designed to overprint the previous cell).
    /// The first that keeps all ink within the line wins; if none does the cluster is refused with the number of rows
    /// it would need.</para>
    /// </remarks>
    internal sealed class MarkStacker
    {
        private static readonly (bool Designed, int BaseGap, int MarkGap)[] Passes =
        {
            (true, 1, 1), (false, 1, 1), (false, 0, 1), (false, 1, 0), (false, 0, 0),
        };

        private readonly FontSet set;
        private readonly UnicodeNames names;

        public MarkStacker(FontSet set, UnicodeNames names)
        {
            this.set = set;
            this.names = names;
        }

        private enum Placement
        {
            Above,
            Below,
            Designed,
        }

        public bool TryShape(List<int> runes, out IReadOnlyList<PlacedGlyph> glyphs, out int advance, out int failedCodePoint, out string? reason)
        {
            var placed = new List<PlacedGlyph>();
            var above = new List<(Glyph Glyph, int X, Ink Ink)>();
            var below = new List<(Glyph Glyph, int X, Ink Ink)>();
            var attached = new HashSet<(int X, int Y)>();
            glyphs = placed;
            advance = 0;
            failedCodePoint = runes[0];
            reason = null;
            int pen = 0;
            int baseAdvance = 0;
            Ink baseInk = Ink.None;
            IFont? baseFont = null;
            int i = 0;
            if (!IsMark(runes[0]))
            {
                if (!TryFittingGlyph(runes[0], out Glyph? baseGlyph, out baseFont, out reason))
                {
                    return false;
                }

                placed.Add(new PlacedGlyph(baseGlyph, 0, 0));
                baseAdvance = baseGlyph.Advance;
                baseInk = Ink.Of(baseGlyph);
                pen = baseAdvance;
                i = 1;
            }

            for (; i < runes.Count; i++)
            {
                int codePoint = runes[i];
                failedCodePoint = codePoint;
                if (TextShaper.IsDefaultIgnorable(codePoint))
                {
                    continue;
                }

                if (!IsMark(codePoint))
                {
                    // A spacing piece inside the cluster (Hangul jamo, spacing vowel sign, emoji modifier).
                    if (!TryFittingGlyph(codePoint, out Glyph? piece, out _, out reason))
                    {
                        return false;
                    }

                    placed.Add(new PlacedGlyph(piece, pen, 0));
                    pen += piece.Advance;
                    continue;
                }

                if (!TryMarkGlyph(codePoint, baseFont, out Glyph? mark, out IFont? markFont))
                {
                    reason = $"no glyph for this combining mark in {set.FontNames}";
                    return false;
                }

                int cellLeft = mark.Advance > 0 ? 0 : mark.OffsetX;
                int cellWidth = mark.Advance > 0 ? mark.Advance : mark.Width;
                if (placed.Count == 0 && above.Count == 0 && below.Count == 0)
                {
                    // A mark with no base (start of text): it gets a cell of its own.
                    baseAdvance = cellWidth;
                    pen = cellWidth;
                }

                var ink = Ink.Of(mark);
                Placement placement = Classify(codePoint, ink, markFont);
                if (placement == Placement.Designed)
                {
                    int x = baseAdvance - cellWidth - cellLeft;
                    if (!Fits(ink, 0))
                    {
                        reason = InkReason(ink, 0, markFont);
                        return false;
                    }

                    placed.Add(new PlacedGlyph(mark, x, 0));
                    AddPixels(attached, mark, x, 0);
                }
                else
                {
                    int x = ((baseAdvance - cellWidth) / 2) - cellLeft;
                    (placement == Placement.Above ? above : below).Add((mark, x, ink));
                }
            }

            if (above.Count + below.Count > 0 && AsDrawnFits(above, below, attached))
            {
                // The font designer's own placement: used when it keeps every mark inside the line and no two marks
                // share a pixel (a mark touching its base, like Tai Viet vowel U joining the consonant, is intended).
                foreach (var (glyph, x, _) in above)
                {
                    placed.Add(new PlacedGlyph(glyph, x, 0));
                }

                foreach (var (glyph, x, _) in below)
                {
                    placed.Add(new PlacedGlyph(glyph, x, 0));
                }

                above.Clear();
                below.Clear();
            }

            if (above.Count > 0)
            {
                int baseTop = baseInk.HasInk ? baseInk.Top : -1;
                if (!TryStack(above, baseTop, up: true, placed, attached, out int needed))
                {
                    failedCodePoint = runes[0];
                    reason = $"its {above.Count} diacritic(s) above need {needed} rows above the baseline even packed tight; the {set.LineHeight}-px line has {set.Ascent}";
                    return false;
                }
            }

            if (below.Count > 0)
            {
                int baseBottom = baseInk.HasInk ? baseInk.Bottom : 1;
                if (!TryStack(below, baseBottom, up: false, placed, attached, out int needed))
                {
                    failedCodePoint = runes[0];
                    reason = $"its {below.Count} diacritic(s) below need {needed} rows below the baseline even packed tight; the {set.LineHeight}-px line has {set.Descent}";
                    return false;
                }
            }

            advance = pen;
            failedCodePoint = 0;
            return true;
        }

        private bool AsDrawnFits(List<(Glyph Glyph, int X, Ink Ink)> above, List<(Glyph Glyph, int X, Ink Ink)> below, HashSet<(int X, int Y)> attached)
        {
            var marks = new List<(Glyph Glyph, int X, Ink Ink)>(above);
            marks.AddRange(below);
            var seen = new HashSet<(int X, int Y)>(attached);
            foreach (var (glyph, x, ink) in marks)
            {
                if (!Fits(ink, 0))
                {
                    return false;
                }

                for (int row = 0; row < glyph.Height; row++)
                {
                    for (int column = 0; column < glyph.Width; column++)
                    {
                        if (glyph.IsSet(column, row) && !seen.Add((x + glyph.OffsetX + column, glyph.OffsetY + glyph.Height - 1 - row)))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        private bool TryStack(List<(Glyph Glyph, int X, Ink Ink)> marks, int baseEdge, bool up, List<PlacedGlyph> placed, HashSet<(int X, int Y)> attached, out int needed)
        {
            if (TryStackFrom(marks, baseEdge, up, placed, attached, out needed))
            {
                return true;
            }

            // Stacked marks ran into an attached mark (horn, cedilla): stack them past it instead.
            if (attached.Count == 0)
            {
                return false;
            }

            int attachedEdge = baseEdge;
            foreach (var (_, y) in attached)
            {
                attachedEdge = up ? Math.Max(attachedEdge, y) : Math.Min(attachedEdge, y);
            }

            return attachedEdge != baseEdge && TryStackFrom(marks, attachedEdge, up, placed, attached, out needed);
        }

        private bool TryStackFrom(List<(Glyph Glyph, int X, Ink Ink)> marks, int baseEdge, bool up, List<PlacedGlyph> placed, HashSet<(int X, int Y)> attached, out int needed)
        {
            var shifts = new int[marks.Count];
            needed = 0;
            foreach (var (designed, baseGap, markGap) in Passes)
            {
                int edge = baseEdge;
                for (int m = 0; m < marks.Count; m++)
                {
                    Ink ink = marks[m].Ink;
                    int gap = m == 0 ? baseGap : markGap;
                    if (!ink.HasInk)
                    {
                        shifts[m] = 0;
                        continue;
                    }

                    if (up)
                    {
                        int required = edge + 1 + gap;
                        shifts[m] = designed ? Math.Max(0, required - ink.Bottom) : required - ink.Bottom;
                        edge = ink.Top + shifts[m];
                    }
                    else
                    {
                        int required = edge - 1 - gap;
                        shifts[m] = designed ? Math.Min(0, required - ink.Top) : required - ink.Top;
                        edge = ink.Bottom + shifts[m];
                    }
                }

                bool fits = up ? edge <= set.Ascent - 1 : edge >= -set.Descent;
                needed = up ? edge + 1 : -edge;
                if (fits && !HitsAttached(marks, shifts, attached))
                {
                    for (int m = 0; m < marks.Count; m++)
                    {
                        placed.Add(new PlacedGlyph(marks[m].Glyph, marks[m].X, shifts[m]));
                    }

                    return true;
                }
            }

            return false;
        }

        private static bool HitsAttached(List<(Glyph Glyph, int X, Ink Ink)> marks, int[] shifts, HashSet<(int X, int Y)> attached)
        {
            if (attached.Count == 0)
            {
                return false;
            }

            var pixels = new HashSet<(int X, int Y)>();
            for (int m = 0; m < marks.Count; m++)
            {
                AddPixels(pixels, marks[m].Glyph, marks[m].X, shifts[m]);
            }

            return pixels.Overlaps(attached);
        }

        private static void AddPixels(HashSet<(int X, int Y)> pixels, Glyph glyph, int x, int y)
        {
            for (int row = 0; row < glyph.Height; row++)
            {
                for (int column = 0; column < glyph.Width; column++)
                {
                    if (glyph.IsSet(column, row))
                    {
                        pixels.Add((x + glyph.OffsetX + column, y + glyph.OffsetY + glyph.Height - 1 - row));
                    }
                }
            }
        }

        private Placement Classify(int codePoint, Ink ink, IFont font)
        {
            switch (names.GetCombiningClass(codePoint))
            {
                case 214: // attached above
                case 228: // above left
                case 230: // above
                case 232: // above right
                case 234: // double above
                    return Placement.Above;
                case 218: // below left
                case 220: // below
                case 222: // below right
                case 233: // double below
                    return Placement.Below;
                case 1: // overlay
                case 202: // attached below (cedilla, ogonek)
                case 216: // attached above right (horn)
                case 240: // iota subscript
                    return Placement.Designed;
                default:
                    break;
            }

            // Class unknown (no UnicodeData.txt) or script-specific (Thai vowels, class 0/103/107): judge by the ink.
            if (!ink.HasInk)
            {
                return Placement.Designed;
            }

            if (ink.Top < 0)
            {
                return Placement.Below;
            }

            return ink.Bottom >= font.Ascent / 2 ? Placement.Above : Placement.Designed;
        }

        private bool TryFittingGlyph(int codePoint, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Glyph? glyph, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IFont? font, out string? reason)
        {
            reason = null;
            foreach (IFont candidate in set.Fonts)
            {
                if (!candidate.TryGetGlyph(codePoint, out Glyph? found))
                {
                    continue;
                }

                var ink = Ink.Of(found);
                if (Fits(ink, 0))
                {
                    glyph = found;
                    font = candidate;
                    return true;
                }

                reason ??= InkReason(ink, 0, candidate);
            }

            glyph = null;
            font = null;
            reason ??= NoGlyphReason(codePoint);
            return false;
        }

        private bool TryMarkGlyph(int codePoint, IFont? preferred, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Glyph? glyph, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IFont? font)
        {
            if (preferred is not null && preferred.TryGetGlyph(codePoint, out glyph))
            {
                font = preferred;
                return true;
            }

            return set.TryGetGlyph(codePoint, out glyph, out font);
        }

        private string NoGlyphReason(int codePoint)
        {
            string fonts = set.Fonts.Count == 0 ? $"no font fits a {set.LineHeight}-px line" : $"no glyph in {set.FontNames}";
            return Rune.GetUnicodeCategory(new Rune(codePoint)) switch
            {
                UnicodeCategory.PrivateUse => $"private-use character (its look depends on a vendor font; no standard glyph exists): {fonts}",
                UnicodeCategory.OtherNotAssigned => $"not an assigned Unicode character: {fonts}",
                _ => fonts,
            };
        }

        private string InkReason(Ink ink, int shift, IFont font)
        {
            return $"glyph in {font.Name} reaches {ink.Top + shift + 1} rows above and {Math.Max(0, -(ink.Bottom + shift))} below the baseline; the {set.LineHeight}-px line has {set.Ascent} above and {set.Descent} below";
        }

        private bool Fits(Ink ink, int shift) => !ink.HasInk || (ink.Top + shift <= set.Ascent - 1 && ink.Bottom + shift >= -set.Descent);

        private static bool IsMark(int codePoint)
        {
            UnicodeCategory category = Rune.GetUnicodeCategory(new Rune(codePoint));
            return category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.EnclosingMark;
        }
    }

    /// <summary>Vertical extent of a glyph's set pixels, in baseline coordinates (y up; the row just above the baseline is 0).</summary>
    internal readonly record struct Ink(bool HasInk, int Top, int Bottom)
    {
        public static Ink None => new(false, 0, 0);

        public static Ink Of(Glyph glyph)
        {
            int topRow = -1;
            int bottomRow = -1;
            for (int y = 0; y < glyph.Height; y++)
            {
                for (int b = 0; b < glyph.Stride; b++)
                {
                    if (glyph.Rows[(y * glyph.Stride) + b] != 0)
                    {
                        if (topRow < 0)
                        {
                            topRow = y;
                        }

                        bottomRow = y;
                        break;
                    }
                }
            }

            if (topRow < 0)
            {
                return None;
            }

            // Bitmap row r sits at y = OffsetY + Height - 1 - r.
            return new Ink(true, glyph.OffsetY + glyph.Height - 1 - topRow, glyph.OffsetY + glyph.Height - 1 - bottomRow);
        }
    }
}
