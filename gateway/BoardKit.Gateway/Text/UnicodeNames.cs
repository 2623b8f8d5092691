using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;

namespace BoardKit.Gateway.Text
{
    /// <summary>
    /// Unicode character names and canonical combining classes from <c>UnicodeData.txt</c> (Debian package
    /// <c>unicode-data</c>), read on first use into compact sorted arrays (~35 000 entries, the names kept as the file's
    /// bytes). When the file is absent every name is "U+XXXX" and every combining class 0. Thread-safe.
    /// </summary>
    public sealed class UnicodeNames
    {
        /// <summary>Where Debian's <c>unicode-data</c> package installs the file.</summary>
        public const string DefaultPath = "/usr/share/unicode/UnicodeData.txt";

        private static readonly Lazy<UnicodeNames> SharedInstance = new(() => new UnicodeNames(DefaultPath), LazyThreadSafetyMode.ExecutionAndPublication);

        // Hangul syllable names are not listed in the file; Unicode derives them from the jamo (chapter 3.12).
        private static readonly string[] JamoL = { "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H" };
        private static readonly string[] JamoV = { "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I" };
        private static readonly string[] JamoT = { "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H" };

        private readonly Lazy<Table> table;

        /// <summary>Creates a lookup over the file at <paramref name="path"/>; nothing is read until the first query.</summary>
        public UnicodeNames(string path)
        {
            ArgumentNullException.ThrowIfNull(path);
            Path = path;
            table = new Lazy<Table>(() => Table.Load(path), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The shared lookup over <see cref="DefaultPath"/>.</summary>
        public static UnicodeNames Default => SharedInstance.Value;

        /// <summary>The file this lookup reads.</summary>
        public string Path { get; }

        /// <summary>True when the file could be read.</summary>
        public bool IsAvailable => table.Value.Codes.Length > 0;

        /// <summary>
        /// The character's name, e.g. "LATIN CAPITAL LETTER A WITH CIRCUMFLEX AND ACUTE", "CJK UNIFIED IDEOGRAPH-53E3",
        /// "HANGUL SYLLABLE HAN"; for controls the Unicode 1.0 name ("CHARACTER TABULATION"); "U+XXXX" when unknown
        /// (unassigned, private use, surrogate, or no file).
        /// </summary>
        public string GetName(int codePoint)
        {
            string fallback = $"U+{codePoint:X4}";
            if (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
            {
                int s = codePoint - 0xAC00;
                return "HANGUL SYLLABLE " + JamoL[s / 588] + JamoV[(s % 588) / 28] + JamoT[s % 28];
            }

            Table t = table.Value;
            int index = Array.BinarySearch(t.Codes, codePoint);
            if (index >= 0)
            {
                return t.Names[index];
            }

            foreach (var (first, last, prefix) in t.Ranges)
            {
                if (codePoint >= first && codePoint <= last)
                {
                    return prefix is null ? fallback : prefix + codePoint.ToString("X4", CultureInfo.InvariantCulture);
                }
            }

            return fallback;
        }

        /// <summary>Canonical combining class (0–254): 230 = above, 220 = below, 216 = attached above right, etc.
        /// 0 for starters, unknown code points, or when the file is absent.</summary>
        public int GetCombiningClass(int codePoint)
        {
            Table t = table.Value;
            int index = Array.BinarySearch(t.Codes, codePoint);
            return index >= 0 ? t.CombiningClasses[index] : 0;
        }

        private sealed class Table
        {
            public Table(int[] codes, string[] names, byte[] combiningClasses, List<(int First, int Last, string? Prefix)> ranges)
            {
                Codes = codes;
                Names = names;
                CombiningClasses = combiningClasses;
                Ranges = ranges;
            }

            public int[] Codes { get; }

            public string[] Names { get; }

            public byte[] CombiningClasses { get; }

            public List<(int First, int Last, string? Prefix)> Ranges { get; }

            public static Table Load(string path)
            {
                var codes = new List<int>(40_000);
                var names = new List<string>(40_000);
                var classes = new List<byte>(40_000);
                var ranges = new List<(int, int, string?)>();
                if (!File.Exists(path))
                {
                    return new Table(Array.Empty<int>(), Array.Empty<string>(), Array.Empty<byte>(), ranges);
                }

                int rangeStart = -1;
                foreach (string line in File.ReadLines(path, Encoding.ASCII))
                {
                    string[] fields = line.Split(';');
                    if (fields.Length < 11
                        || !int.TryParse(fields[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        continue;
                    }

                    string name = fields[1];
                    if (name.StartsWith('<') && name.EndsWith(", First>", StringComparison.Ordinal))
                    {
                        rangeStart = code;
                        continue;
                    }

                    if (name.StartsWith('<') && name.EndsWith(", Last>", StringComparison.Ordinal) && rangeStart >= 0)
                    {
                        string? prefix = name.StartsWith("<CJK Ideograph", StringComparison.Ordinal) ? "CJK UNIFIED IDEOGRAPH-"
                            : name.StartsWith("<Tangut Ideograph", StringComparison.Ordinal) ? "TANGUT IDEOGRAPH-"
                            : null;
                        ranges.Add((rangeStart, code, prefix));
                        rangeStart = -1;
                        continue;
                    }

                    if (name == "<control>")
                    {
                        name = fields[10].Length > 0 ? fields[10] : $"U+{code:X4}";
                    }

                    byte.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out byte combiningClass);
                    codes.Add(code);
                    names.Add(name);
                    classes.Add(combiningClass);
                }

                return new Table(codes.ToArray(), names.ToArray(), classes.ToArray(), ranges);
            }
        }
    }
}
