using System.Diagnostics.CodeAnalysis;

namespace BoardKit.Gateway.Fonts
{
    /// <summary>A bitmap font: glyphs by Unicode code point plus the vertical metrics of the whole font.</summary>
    public interface IFont
    {
        /// <summary>Name for messages, e.g. the file name or "unifont".</summary>
        string Name { get; }

        /// <summary>Pixels above the baseline that the font's tallest glyphs use (BDF FONT_ASCENT).</summary>
        int Ascent { get; }

        /// <summary>Pixels below the baseline (BDF FONT_DESCENT). Ascent + Descent = line height.</summary>
        int Descent { get; }

        /// <summary>Looks up the glyph for a Unicode scalar value. Returns false when the font has none.</summary>
        bool TryGetGlyph(int codePoint, [NotNullWhen(true)] out Glyph? glyph);
    }
}
