namespace BoardKit.Gateway.Fonts
{
    /// <summary>
    /// Where <see cref="FontSets"/> finds fonts. Every path may be a Unifont <c>.hex</c> file, a BDF file
    /// (<c>.bdf</c>, <c>.bdf.gz</c>), an X11 PCF file (<c>.pcf</c>, <c>.pcf.gz</c>, converted with Debian's <c>pcf2bdf</c>)
    /// or the word <c>unifont</c> for <see cref="UnifontPath"/>. Fonts are never vendored: they come from Debian packages.
    /// </summary>
    public sealed class FontSetOptions
    {
        /// <summary>Unifont hex source. Default <c>/usr/share/unifont/unifont.hex</c> (package <c>unifont</c>). Config: Fonts:Unifont.</summary>
        public string UnifontPath { get; init; } = UnifontHexFont.DefaultHexPath;

        /// <summary>Unifont's combining list; null = no combining offsets. Default <c>/usr/share/unifont/plane00-combining.txt</c>.</summary>
        public string? UnifontCombiningPath { get; init; } = UnifontHexFont.DefaultCombiningPath;

        /// <summary>Optional font tried before Unifont on lines of 16–31 px (e.g. a Latin/Vietnamese BDF); it must fit the
        /// line. Default null (Unifont only). Config: Fonts:Primary.</summary>
        public string? PrimaryFontPath { get; init; }

        /// <summary>Font for lines of 12–15 px. Default null = the tallest X11 misc-fixed font that fits (6x12, 6x13 or 9x15
        /// from <see cref="MiscFontDirectory"/>), with Unifont as fallback for glyphs that fit. Config: Fonts:Medium.</summary>
        public string? MediumFontPath { get; init; }

        /// <summary>Font for lines under 12 px (ASCII and other unaccented text only). Default null = the tallest X11
        /// misc-fixed font that fits (5x7, 5x8, 6x9 or 6x10). Config: Fonts:Small.</summary>
        public string? SmallFontPath { get; init; }

        /// <summary>Directory of the X11 misc-fixed fonts. Default <c>/usr/share/fonts/X11/misc</c> (package <c>xfonts-base</c>).</summary>
        public string MiscFontDirectory { get; init; } = "/usr/share/fonts/X11/misc";

        /// <summary>Largest factor Unifont is scaled by on tall lines (1–8). Default 4 (a 64-px line of 4x Unifont).</summary>
        public int MaxScale { get; init; } = 4;
    }
}
