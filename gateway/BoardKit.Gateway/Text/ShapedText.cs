using System.Collections.Generic;
using BoardKit.Gateway.Fonts;

namespace BoardKit.Gateway.Text
{
    /// <summary>
    /// A glyph placed inside a <see cref="ShapedCluster"/>. (X, Y) is the glyph's pen origin relative to the cluster's
    /// pen origin on the baseline, in pixels, x to the right and y up (BDF convention); a stacked diacritic has Y &gt; 0.
    /// </summary>
    public sealed record PlacedGlyph(Glyph Glyph, int X, int Y);

    /// <summary>
    /// One user-perceived character (extended grapheme cluster, UAX #29) after NFC normalisation, with the glyphs that
    /// draw it. Layout never splits a cluster.
    /// </summary>
    public sealed class ShapedCluster
    {
        /// <summary>The cluster's text (NFC).</summary>
        public required string Text { get; init; }

        /// <summary>UTF-16 index of the cluster in <see cref="ShapedText.NormalizedText"/>.</summary>
        public required int Index { get; init; }

        /// <summary>Pixels the pen moves right after the cluster.</summary>
        public required int Advance { get; init; }

        /// <summary>Glyphs to draw; empty for a missing character (which is also listed in <see cref="ShapedText.Missing"/>).</summary>
        public required IReadOnlyList<PlacedGlyph> Glyphs { get; init; }

        /// <summary>True for white space (U+0020 and other Zs); a line may break at it and it is dropped at line ends.</summary>
        public bool IsSpace { get; init; }

        /// <summary>True for a hard line break (U+000A, U+2028).</summary>
        public bool IsLineBreak { get; init; }

        /// <summary>True when a line may break before this cluster without a space (between CJK ideographs, kana, Hangul syllables).</summary>
        public bool CanBreakBefore { get; init; }
    }

    /// <summary>A character the font set cannot draw, as shown to an editor before publishing.</summary>
    /// <param name="CodePoint">Unicode scalar value.</param>
    /// <param name="Name">Unicode character name (from UnicodeData.txt) or "U+XXXX" when unknown.</param>
    /// <param name="Index">UTF-16 index in the caller's original (not normalised) text.</param>
    /// <param name="Line">1-based line number in the original text.</param>
    /// <param name="Column">1-based column (in user-perceived characters) in the original text.</param>
    /// <param name="Reason">Why it cannot be drawn, e.g. "no glyph in unifont, 6x13" or "glyph 16 px tall, line is 13 px".</param>
    public sealed record MissingCharacter(int CodePoint, string Name, int Index, int Line, int Column, string Reason)
    {
        /// <inheritdoc/>
        public override string ToString() => $"U+{CodePoint:X4} {Name} at line {Line}, column {Column}: {Reason}";
    }

    /// <summary>Text shaped with one font set: clusters in logical order plus everything that could not be drawn.</summary>
    public sealed class ShapedText
    {
        /// <summary>The input after NFC normalisation.</summary>
        public required string NormalizedText { get; init; }

        /// <summary>Clusters in reading order.</summary>
        public required IReadOnlyList<ShapedCluster> Clusters { get; init; }

        /// <summary>Line ascent in pixels above the baseline (the font set's largest).</summary>
        public required int Ascent { get; init; }

        /// <summary>Line descent in pixels below the baseline.</summary>
        public required int Descent { get; init; }

        /// <summary>Characters that cannot be drawn. Publishing must refuse the text while this is not empty.</summary>
        public required IReadOnlyList<MissingCharacter> Missing { get; init; }

        /// <summary>Line height in pixels: <see cref="Ascent"/> + <see cref="Descent"/>.</summary>
        public int LineHeight => Ascent + Descent;
    }

    /// <summary>Turns text into positioned glyphs with one font set.</summary>
    public interface ITextShaper
    {
        /// <summary>Normalises <paramref name="text"/> to NFC, splits it into grapheme clusters and places glyphs.
        /// Never throws for any string; undrawable characters are reported in <see cref="ShapedText.Missing"/>.</summary>
        ShapedText Shape(string text);
    }
}
