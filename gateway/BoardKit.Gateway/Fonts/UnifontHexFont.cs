using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Text;

namespace BoardKit.Gateway.Fonts
{
    /// <summary>
    /// GNU Unifont read from its <c>.hex</c> source (Debian package <c>unifont</c>): one line per code point,
    /// <c>XXXX:bits</c> with 4–6 hex digits of code point and 32 (8x16 glyph) or 64 (16x16 glyph) hex digits of bitmap,
    /// rows top first, most significant bit = leftmost pixel.
    /// </summary>
    /// <remarks>
    /// <para>Loading is one pass over the raw bytes that records, per code point, where its bitmap digits start
    /// (two <c>int</c> arrays, ~460 KB for the 57 000 glyphs of plane 0, plus the ~3.9 MB file kept as bytes).
    /// A glyph is decoded on first use and cached; the font is safe to share between threads.</para>
    /// <para>Vertical metrics: every Unifont glyph fills a 16-row cell whose baseline lies 2 rows above the bottom
    /// (capital 'A' uses rows 4–13, the descender of 'g' and 'p' reaches rows 14–15), so ascent 14, descent 2.</para>
    /// <para>Combining marks: <c>plane00-combining.txt</c> lists each combining code point with an x offset
    /// (<c>0300:-8</c>). Their hex glyphs are drawn without a dotted circle, in an 8- or 16-pixel cell meant to overprint
    /// the previous character: offset −8 puts an 8-wide mark over the previous 8-wide cell, −16 a 16-wide mark over
    /// a 16-wide cell (Devanagari, Tai Viet), −12 the enclosing marks, 0 the right-to-left scripts. Such glyphs get
    /// <see cref="Glyph.Advance"/> 0 and <see cref="Glyph.OffsetX"/> = that offset. Marks above (U+0300 grave,
    /// U+0301 acute, U+0302 circumflex, U+0303 tilde, U+0306 breve) sit in rows 0–3, i.e. above a capital's top row 4;
    /// U+0309 hook above uses rows 0–4, U+031B horn rows 2–6 at the right, U+0323 dot below rows 14–15.</para>
    /// </remarks>
    public sealed class UnifontHexFont : IFont
    {
        /// <summary>Where Debian's <c>unifont</c> package installs the hex source.</summary>
        public const string DefaultHexPath = "/usr/share/unifont/unifont.hex";

        /// <summary>Where Debian's <c>unifont</c> package installs the list of combining code points and offsets.</summary>
        public const string DefaultCombiningPath = "/usr/share/unifont/plane00-combining.txt";

        /// <summary>Rows of every Unifont glyph.</summary>
        public const int CellHeight = 16;

        /// <summary>Rows above the baseline (rows 0–13 of the cell).</summary>
        public const int UnifontAscent = 14;

        /// <summary>Rows below the baseline (rows 14–15 of the cell).</summary>
        public const int UnifontDescent = 2;

        // A hex file larger than this is not Unifont (the full plane 0-15 source is ~10 MB); refuse rather than read it.
        private const long MaxFileBytes = 64L * 1024 * 1024;

        // Combining offsets outside ±64 px cannot belong to a 16-px-wide glyph.
        private const int MaxCombiningOffset = 64;

        private readonly byte[] data;
        private readonly int[] codePoints;
        private readonly int[] bitmapOffsets;
        private readonly Dictionary<int, int> combiningOffsets;
        private readonly ConcurrentDictionary<int, Glyph> cache = new();

        private UnifontHexFont(string name, byte[] data, int[] codePoints, int[] bitmapOffsets, Dictionary<int, int> combiningOffsets)
        {
            Name = name;
            this.data = data;
            this.codePoints = codePoints;
            this.bitmapOffsets = bitmapOffsets;
            this.combiningOffsets = combiningOffsets;
        }

        /// <summary>Name for messages: the file name without extension ("unifont") when loaded from a file.</summary>
        public string Name { get; private set; }

        /// <inheritdoc/>
        public int Ascent => UnifontAscent;

        /// <inheritdoc/>
        public int Descent => UnifontDescent;

        /// <summary>Number of glyphs in the font.</summary>
        public int GlyphCount => codePoints.Length;

        /// <summary>Code points that have a glyph, ascending.</summary>
        public IReadOnlyList<int> CodePoints => codePoints;

        /// <summary>
        /// Loads Unifont from <paramref name="hexPath"/> and, when <paramref name="combiningPath"/> is not null, the list
        /// of combining code points. Throws <see cref="FileNotFoundException"/> (naming the Debian package) when a file is
        /// missing and <see cref="FontFormatException"/> when one is malformed.
        /// </summary>
        public static UnifontHexFont Load(string hexPath = DefaultHexPath, string? combiningPath = DefaultCombiningPath)
        {
            ArgumentNullException.ThrowIfNull(hexPath);
            RequireFile(hexPath);
            var info = new FileInfo(hexPath);
            if (info.Length > MaxFileBytes)
            {
                throw new FontFormatException(hexPath, 0, $"file is {info.Length} bytes; a Unifont hex file is under {MaxFileBytes} bytes.");
            }

            byte[] hex = File.ReadAllBytes(hexPath);
            string? combining = null;
            if (combiningPath is not null)
            {
                RequireFile(combiningPath);
                combining = File.ReadAllText(combiningPath, Encoding.ASCII);
            }

            var font = Parse(hex, hexPath, combining, combiningPath ?? "combining");
            font.Name = Path.GetFileNameWithoutExtension(hexPath);
            return font;
        }

        /// <summary>
        /// Parses Unifont hex data held in memory. <paramref name="name"/> names the data in messages. Throws only
        /// <see cref="FontFormatException"/> for malformed content: a line that is not <c>XXXX:</c> + 32 or 64 hex digits,
        /// a code point above U+10FFFF or a surrogate, a duplicate code point, or a bad combining line.
        /// </summary>
        public static UnifontHexFont Parse(byte[] hexData, string name, string? combiningText = null, string combiningName = "combining")
        {
            ArgumentNullException.ThrowIfNull(hexData);
            ArgumentNullException.ThrowIfNull(name);
            var points = new List<int>(65536);
            var offsets = new List<int>(65536);
            int position = 0;
            int lineNumber = 0;
            while (position < hexData.Length)
            {
                lineNumber++;
                int end = Array.IndexOf(hexData, (byte)'\n', position);
                if (end < 0)
                {
                    end = hexData.Length;
                }

                int lineEnd = end;
                if (lineEnd > position && hexData[lineEnd - 1] == (byte)'\r')
                {
                    lineEnd--;
                }

                if (lineEnd > position)
                {
                    ParseLine(hexData, position, lineEnd, name, lineNumber, out int codePoint, out int bitmapStart);
                    points.Add(codePoint);
                    offsets.Add(bitmapStart);
                }

                position = end + 1;
            }

            int[] sortedPoints = points.ToArray();
            int[] sortedOffsets = offsets.ToArray();
            if (!IsAscending(sortedPoints))
            {
                Array.Sort(sortedPoints, sortedOffsets);
            }

            for (int i = 1; i < sortedPoints.Length; i++)
            {
                if (sortedPoints[i] == sortedPoints[i - 1])
                {
                    throw new FontFormatException(name, LineOf(hexData, sortedOffsets[i]), $"duplicate code point U+{sortedPoints[i]:X4}.");
                }
            }

            var combining = combiningText is null ? new Dictionary<int, int>() : ParseCombining(combiningText, combiningName);
            return new UnifontHexFont(name, hexData, sortedPoints, sortedOffsets, combining);
        }

        /// <summary>True when the font has a glyph for <paramref name="codePoint"/> (no decoding).</summary>
        public bool Contains(int codePoint) => Array.BinarySearch(codePoints, codePoint) >= 0;

        /// <summary>True when <paramref name="codePoint"/> is listed in the combining file (drawn over the previous cell).</summary>
        public bool IsCombining(int codePoint) => combiningOffsets.ContainsKey(codePoint);

        /// <inheritdoc/>
        public bool TryGetGlyph(int codePoint, [NotNullWhen(true)] out Glyph? glyph)
        {
            if (cache.TryGetValue(codePoint, out glyph))
            {
                return true;
            }

            int index = Array.BinarySearch(codePoints, codePoint);
            if (index < 0)
            {
                glyph = null;
                return false;
            }

            glyph = cache.GetOrAdd(codePoint, Decode(codePoint, bitmapOffsets[index]));
            return true;
        }

        private Glyph Decode(int codePoint, int start)
        {
            // Validated when indexed: 32 digits = 8 px wide, 64 digits = 16 px wide, 16 rows either way.
            bool wide = start + 32 < data.Length && IsHex(data[start + 32]);
            int width = wide ? 16 : 8;
            int digits = wide ? 64 : 32;
            var rows = new byte[digits / 2];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = (byte)((HexValue(data[start + (2 * i)]) << 4) | HexValue(data[start + (2 * i) + 1]));
            }

            if (combiningOffsets.TryGetValue(codePoint, out int offsetX))
            {
                return new Glyph(codePoint, width, CellHeight, offsetX, -UnifontDescent, 0, rows);
            }

            return new Glyph(codePoint, width, CellHeight, 0, -UnifontDescent, width, rows);
        }

        private static void ParseLine(byte[] data, int start, int end, string name, int lineNumber, out int codePoint, out int bitmapStart)
        {
            int colon = -1;
            for (int i = start; i < end && i <= start + 6; i++)
            {
                if (data[i] == (byte)':')
                {
                    colon = i;
                    break;
                }
            }

            int pointDigits = colon - start;
            if (colon < 0 || pointDigits < 4 || pointDigits > 6)
            {
                throw new FontFormatException(name, lineNumber, $"expected 4 to 6 hex digits of code point and ':', found \"{Excerpt(data, start, end)}\".");
            }

            codePoint = 0;
            for (int i = start; i < colon; i++)
            {
                if (!IsHex(data[i]))
                {
                    throw new FontFormatException(name, lineNumber, $"code point \"{Excerpt(data, start, colon)}\" is not hexadecimal.");
                }

                codePoint = (codePoint << 4) | HexValue(data[i]);
            }

            if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                throw new FontFormatException(name, lineNumber, $"U+{codePoint:X4} is not a Unicode scalar value.");
            }

            int bitmapDigits = end - colon - 1;
            if (bitmapDigits != 32 && bitmapDigits != 64)
            {
                throw new FontFormatException(name, lineNumber, $"U+{codePoint:X4} has {bitmapDigits} bitmap hex digits; expected 32 (8x16) or 64 (16x16).");
            }

            for (int i = colon + 1; i < end; i++)
            {
                if (!IsHex(data[i]))
                {
                    throw new FontFormatException(name, lineNumber, $"U+{codePoint:X4} bitmap has a non-hex character at column {i - start + 1}.");
                }
            }

            bitmapStart = colon + 1;
        }

        private static Dictionary<int, int> ParseCombining(string text, string name)
        {
            var result = new Dictionary<int, int>();
            int lineNumber = 0;
            foreach (string raw in text.Split('\n'))
            {
                lineNumber++;
                string line = raw.TrimEnd('\r').Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 4 || colon > 6
                    || !int.TryParse(line.AsSpan(0, colon), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int codePoint)
                    || !int.TryParse(line.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int offset)
                    || codePoint > 0x10FFFF
                    || Math.Abs(offset) > MaxCombiningOffset)
                {
                    throw new FontFormatException(name, lineNumber, $"expected \"XXXX:offset\" (hex code point, x offset in pixels within ±{MaxCombiningOffset}), found \"{Truncate(line)}\".");
                }

                result[codePoint] = offset;
            }

            return result;
        }

        private static void RequireFile(string path)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Unifont file {path} not found. Install it with: apt-get install -y unifont", path);
            }
        }

        private static bool IsAscending(int[] values)
        {
            for (int i = 1; i < values.Length; i++)
            {
                if (values[i] <= values[i - 1])
                {
                    return false;
                }
            }

            return true;
        }

        private static int LineOf(byte[] data, int offset)
        {
            int line = 1;
            for (int i = 0; i < offset && i < data.Length; i++)
            {
                if (data[i] == (byte)'\n')
                {
                    line++;
                }
            }

            return line;
        }

        private static bool IsHex(byte b) => (b >= (byte)'0' && b <= (byte)'9') || (b >= (byte)'A' && b <= (byte)'F') || (b >= (byte)'a' && b <= (byte)'f');

        private static int HexValue(byte b) => b <= (byte)'9' ? b - '0' : (b | 0x20) - 'a' + 10;

        private static string Excerpt(byte[] data, int start, int end)
        {
            int length = Math.Min(end - start, 40);
            var builder = new StringBuilder(length);
            for (int i = start; i < start + length; i++)
            {
                byte b = data[i];
                builder.Append(b >= 0x20 && b < 0x7F ? (char)b : '?');
            }

            return builder.ToString();
        }

        private static string Truncate(string s) => s.Length <= 40 ? s : s.Substring(0, 40) + "…";
    }
}
