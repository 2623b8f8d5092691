using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BoardKit.Gateway.Fonts;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Fonts
{
    /// <summary>
    /// Fonts from the machine's Debian packages, loaded once per test run, plus an independent reading of unifont.hex
    /// (plain string splitting, no code under test) for expected bitmaps.
    /// </summary>
    internal static class InstalledFonts
    {
        public const string AptLine = "apt-get install -y unifont xfonts-base pcf2bdf unicode-data";

        private static readonly Lazy<UnifontHexFont> LazyUnifont = new(() =>
        {
            Require(UnifontHexFont.DefaultHexPath);
            Require(UnifontHexFont.DefaultCombiningPath);
            return UnifontHexFont.Load();
        });

        private static readonly Lazy<FontSets> LazySets = new(() => new FontSets());

        private static readonly Lazy<Dictionary<int, string>> LazyRawHex = new(() =>
        {
            Require(UnifontHexFont.DefaultHexPath);
            return File.ReadLines(UnifontHexFont.DefaultHexPath)
                .Select(line => line.Split(':'))
                .ToDictionary(parts => int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), parts => parts[1]);
        });

        public static UnifontHexFont Unifont => LazyUnifont.Value;

        /// <summary>A shared factory; its Unifont is loaded from the default paths like <see cref="Unifont"/>.</summary>
        public static FontSets Sets => LazySets.Value;

        /// <summary>The 16-px set: Unifont alone.</summary>
        public static FontSet Line16 => Sets.ForPanelHeight(16);

        /// <summary>The bitmap hex digits of <paramref name="codePoint"/> exactly as written in unifont.hex, or null.</summary>
        public static string? RawHex(int codePoint) => LazyRawHex.Value.TryGetValue(codePoint, out string? hex) ? hex : null;

        /// <summary>Pixel (x, row) of a raw Unifont bitmap, decoded by hand: rows of width/4 hex digits, MSB left.</summary>
        public static bool RawPixel(string hex, int x, int row)
        {
            int digitsPerRow = hex.Length / 16;
            int digit = Convert.ToInt32(hex.Substring((row * digitsPerRow) + (x / 4), 1), 16);
            return (digit & (8 >> (x % 4))) != 0;
        }

        public static void Require(string path)
        {
            if (!File.Exists(path))
            {
                Assert.Fail($"{path} is missing. The test run installs fonts beforehand with: {AptLine}");
            }
        }
    }
}
