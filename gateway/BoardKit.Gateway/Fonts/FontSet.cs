using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace BoardKit.Gateway.Fonts
{
    /// <summary>
    /// An ordered fallback list of fonts for one text line of a panel. The shaper takes each character's glyph from the
    /// first font that has it and whose glyph fits the line (<see cref="Ascent"/> rows above the baseline,
    /// <see cref="Descent"/> below). Get one from <see cref="FontSets.ForPanelHeight"/>.
    /// </summary>
    public sealed class FontSet
    {
        /// <summary>
        /// Creates a set. <paramref name="fonts"/> are tried in order (may be empty: then every character is reported
        /// missing). <paramref name="ascent"/> and <paramref name="descent"/> are the line's rows above and below the
        /// baseline. When <paramref name="allowsDiacritics"/> is false (lines under <see cref="FontSets.MinimumDiacriticLineHeight"/> px),
        /// any letter carrying a combining mark is refused with <paramref name="diacriticsRefusal"/> as the reason.
        /// </summary>
        public FontSet(string name, IReadOnlyList<IFont> fonts, int ascent, int descent, bool allowsDiacritics = true, string? diacriticsRefusal = null)
        {
            ArgumentNullException.ThrowIfNull(name);
            ArgumentNullException.ThrowIfNull(fonts);
            ArgumentOutOfRangeException.ThrowIfNegative(ascent);
            ArgumentOutOfRangeException.ThrowIfNegative(descent);
            ArgumentOutOfRangeException.ThrowIfZero(ascent + descent);
            Name = name;
            Fonts = fonts.ToArray();
            Ascent = ascent;
            Descent = descent;
            AllowsDiacritics = allowsDiacritics;
            DiacriticsRefusal = diacriticsRefusal
                ?? $"the {ascent + descent}-px line is too small for letters with diacritics (they need lines of at least {FontSets.MinimumDiacriticLineHeight} px)";
        }

        /// <summary>Name for messages and logs, e.g. "16 px: unifont".</summary>
        public string Name { get; }

        /// <summary>Fonts in fallback order.</summary>
        public IReadOnlyList<IFont> Fonts { get; }

        /// <summary>Rows above the baseline available to glyphs and stacked diacritics.</summary>
        public int Ascent { get; }

        /// <summary>Rows below the baseline.</summary>
        public int Descent { get; }

        /// <summary>Line height in pixels: <see cref="Ascent"/> + <see cref="Descent"/>.</summary>
        public int LineHeight => Ascent + Descent;

        /// <summary>False when the line is too short for diacritics to be legible; such letters are then refused.</summary>
        public bool AllowsDiacritics { get; }

        /// <summary>Reason given for a refused letter with diacritics when <see cref="AllowsDiacritics"/> is false.</summary>
        public string DiacriticsRefusal { get; }

        /// <summary>Font names in order, comma separated, for messages ("unifont, 6x13.pcf.gz").</summary>
        public string FontNames => Fonts.Count == 0 ? "(no font)" : string.Join(", ", Fonts.Select(f => f.Name));

        /// <summary>Finds the glyph for <paramref name="codePoint"/> in the first font that has one (fit is not checked).</summary>
        public bool TryGetGlyph(int codePoint, [NotNullWhen(true)] out Glyph? glyph, [NotNullWhen(true)] out IFont? font)
        {
            foreach (IFont candidate in Fonts)
            {
                if (candidate.TryGetGlyph(codePoint, out glyph))
                {
                    font = candidate;
                    return true;
                }
            }

            glyph = null;
            font = null;
            return false;
        }

        /// <inheritdoc/>
        public override string ToString() => $"{Name} (ascent {Ascent}, descent {Descent}: {FontNames})";
    }
}
