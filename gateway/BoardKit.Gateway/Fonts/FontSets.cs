using System;
using System.Collections.Generic;
using System.IO;

namespace BoardKit.Gateway.Fonts
{
    /// <summary>
    /// Chooses a <see cref="FontSet"/> for a panel height and loads the fonts it needs, once. Create one per process
    /// (it caches every loaded font; Unifont takes ~100 ms and ~5 MB) and share it; it is thread-safe.
    /// </summary>
    /// <remarks>
    /// Line height → set (see docs/text-rendering.md for the legibility table):
    /// <list type="bullet">
    /// <item>≥ 32 px: Unifont scaled by ⌊h / 16⌋ (at most <see cref="FontSetOptions.MaxScale"/>).</item>
    /// <item>16–31 px: optional primary font, then Unifont (16 px, ascent 14, descent 2, extra rows go above).</item>
    /// <item>12–15 px: a 12/13/15-px misc-fixed font, then Unifont for glyphs whose ink fits the line.</item>
    /// <item>under 12 px: a small font for unaccented text only; letters with diacritics are refused.</item>
    /// </list>
    /// </remarks>
    public sealed class FontSets
    {
        /// <summary>Shortest line (px) on which letters with diacritics are drawn. Below it, Vietnamese stacked marks
        /// (Ấ = A + circumflex + acute needs 9 rows of letter + 4 of marks) cannot be legible, so they are refused.</summary>
        public const int MinimumDiacriticLineHeight = 12;

        /// <summary>Unifont's line height; lines from this height up use Unifont.</summary>
        public const int UnifontLineHeight = 16;

        // X11 misc-fixed fonts from xfonts-base (all ISO10646-1) by pixel height. 6x13 and 9x15 hold all 134 Vietnamese
        // letters; 6x12 and the small ones do not.
        private static readonly (string File, int Height)[] MediumMiscFonts = { ("6x12.pcf.gz", 12), ("6x13.pcf.gz", 13), ("9x15.pcf.gz", 15) };
        private static readonly (string File, int Height)[] SmallMiscFonts = { ("5x7.pcf.gz", 7), ("5x8.pcf.gz", 8), ("6x9.pcf.gz", 9), ("6x10.pcf.gz", 10) };

        private readonly FontSetOptions options;
        private readonly Dictionary<string, IFont> loaded = new(StringComparer.Ordinal);
        private readonly object gate = new();

        /// <summary>Creates the factory; fonts are loaded on first use. <paramref name="options"/> null = Debian defaults.</summary>
        public FontSets(FontSetOptions? options = null)
        {
            this.options = options ?? new FontSetOptions();
            ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MaxScale, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(this.options.MaxScale, ScaledFont.MaxFactor);
        }

        /// <summary>The options in use.</summary>
        public FontSetOptions Options => options;

        /// <summary>Unifont, loaded on first use. Throws <see cref="FileNotFoundException"/> naming the Debian package when absent.</summary>
        public IFont Unifont => Load("unifont");

        /// <summary>
        /// The font set for a panel <paramref name="panelHeight"/> px tall showing <paramref name="lines"/> lines of text:
        /// each line is ⌊panelHeight / lines⌋ px (e.g. 64 px, 4 lines → four 16-px lines of Unifont; 64 px, 1 line →
        /// Unifont 4x). Throws <see cref="ArgumentOutOfRangeException"/> when a line would be under 1 px,
        /// <see cref="FileNotFoundException"/> when a needed font is not installed, <see cref="FontFormatException"/>
        /// when a font file is damaged, and <see cref="ArgumentException"/> when a configured font is taller than the line.
        /// </summary>
        public FontSet ForPanelHeight(int panelHeight, int lines = 1)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(lines, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(panelHeight, lines);
            return ForLineHeight(panelHeight / lines);
        }

        /// <summary>The font set for one text line of <paramref name="lineHeight"/> px (1–255). See <see cref="ForPanelHeight"/>.</summary>
        public FontSet ForLineHeight(int lineHeight)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(lineHeight, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(lineHeight, 255);
            if (lineHeight >= 2 * UnifontLineHeight)
            {
                int factor = Math.Min(lineHeight / UnifontLineHeight, options.MaxScale);
                var scaled = new ScaledFont(Unifont, factor);
                return Create($"{lineHeight} px", new IFont[] { scaled }, lineHeight, scaled.Descent, true);
            }

            if (lineHeight >= UnifontLineHeight)
            {
                var fonts = new List<IFont>();
                if (options.PrimaryFontPath is not null)
                {
                    fonts.Add(Load(options.PrimaryFontPath));
                }

                fonts.Add(Unifont);
                return Create($"{lineHeight} px", fonts, lineHeight, MaxDescent(fonts), true);
            }

            if (lineHeight >= MinimumDiacriticLineHeight)
            {
                IFont medium = Load(options.MediumFontPath ?? MiscFont(MediumMiscFonts, lineHeight));
                var fonts = new IFont[] { medium, Unifont };
                return Create($"{lineHeight} px", fonts, lineHeight, medium.Descent, true);
            }

            string? small = options.SmallFontPath ?? TryMiscFont(SmallMiscFonts, lineHeight);
            var smallFonts = small is null ? Array.Empty<IFont>() : new[] { Load(small) };
            string refusal = $"the panel line is {lineHeight} px, too small for letters with diacritics: they need at least {MinimumDiacriticLineHeight} px (Vietnamese stacked marks need 13 px; 16 px recommended)";
            return Create($"{lineHeight} px", smallFonts, lineHeight, smallFonts.Length == 0 ? 0 : smallFonts[0].Descent, false, refusal);
        }

        private static FontSet Create(string name, IReadOnlyList<IFont> fonts, int lineHeight, int descent, bool allowsDiacritics, string? refusal = null)
        {
            foreach (IFont font in fonts)
            {
                if (font is not UnifontHexFont && font.Ascent + font.Descent > lineHeight)
                {
                    throw new ArgumentException($"Font {font.Name} is {font.Ascent + font.Descent} px tall; the panel line is only {lineHeight} px.");
                }
            }

            descent = Math.Min(descent, lineHeight - 1);
            string names = fonts.Count == 0 ? "no font" : string.Join(", ", System.Linq.Enumerable.Select(fonts, f => f.Name));
            return new FontSet($"{name}: {names}", fonts, lineHeight - descent, descent, allowsDiacritics, refusal);
        }

        private static int MaxDescent(IReadOnlyList<IFont> fonts)
        {
            int descent = 0;
            foreach (IFont font in fonts)
            {
                descent = Math.Max(descent, font.Descent);
            }

            return descent;
        }

        private string MiscFont((string File, int Height)[] table, int lineHeight)
        {
            return TryMiscFont(table, lineHeight)
                ?? throw new FileNotFoundException($"No X11 fixed font for a {lineHeight}-px line in {options.MiscFontDirectory}. Install: apt-get install -y xfonts-base pcf2bdf");
        }

        private string? TryMiscFont((string File, int Height)[] table, int lineHeight)
        {
            for (int i = table.Length - 1; i >= 0; i--)
            {
                string path = Path.Combine(options.MiscFontDirectory, table[i].File);
                if (table[i].Height <= lineHeight && File.Exists(path))
                {
                    return path;
                }
            }

            return null;
        }

        private IFont Load(string path)
        {
            lock (gate)
            {
                if (loaded.TryGetValue(path, out IFont? font))
                {
                    return font;
                }

                if (path == "unifont")
                {
                    font = UnifontHexFont.Load(options.UnifontPath, options.UnifontCombiningPath);
                }
                else if (path.EndsWith(".hex", StringComparison.OrdinalIgnoreCase))
                {
                    font = UnifontHexFont.Load(path, null);
                }
                else
                {
                    font = BdfFont.Load(path);
                }

                loaded[path] = font;
                return font;
            }
        }
    }
}
