using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace BoardKit.Gateway.Fonts
{
    /// <summary>
    /// A bitmap font in Glyph Bitmap Distribution Format 2.1 (BDF), the format of the X11 misc-fixed fonts and of
    /// hzeller's LED matrix library. Glyphs are keyed by their ENCODING, taken as a Unicode code point (the font must be
    /// ISO10646-1 or ISO8859-1, whose encodings equal code points).
    /// </summary>
    /// <remarks>
    /// The parser is strict and bounded: it throws only <see cref="FontFormatException"/> for bad content (with the
    /// 1-based line), refuses lines over <see cref="MaxLineLength"/> characters, glyphs over
    /// <see cref="MaxGlyphSide"/> pixels a side, more than <see cref="MaxGlyphs"/> glyphs and input over
    /// <see cref="MaxInputChars"/> characters, so a damaged or hostile file can neither hang it nor exhaust memory.
    /// Unencoded glyphs (ENCODING −1) are skipped; when an encoding repeats, the first glyph wins.
    /// </remarks>
    public sealed class BdfFont : IFont
    {
        /// <summary>Largest glyph width or height accepted, in pixels.</summary>
        public const int MaxGlyphSide = 256;

        /// <summary>Most glyphs accepted in one font (more than any real BDF font, fewer than Unicode's 1.1 M).</summary>
        public const int MaxGlyphs = 200_000;

        /// <summary>Longest line accepted, in characters (a 256-px bitmap row is 64 hex digits).</summary>
        public const int MaxLineLength = 1024;

        /// <summary>Most characters read from one font, 64 Mi (the largest X11 BDF fonts are ~10 MB); guards against gzip bombs.</summary>
        public const long MaxInputChars = 64L * 1024 * 1024;

        // Metrics beyond this magnitude (pixels) cannot belong to an LED panel font.
        private const int MaxMetric = 4096;

        private readonly Dictionary<int, Glyph> glyphs;

        private BdfFont(string name, string fontName, int ascent, int descent, Dictionary<int, Glyph> glyphs)
        {
            Name = name;
            FontName = fontName;
            Ascent = ascent;
            Descent = descent;
            this.glyphs = glyphs;
        }

        /// <inheritdoc/>
        public string Name { get; }

        /// <summary>The FONT line's value (an XLFD name such as <c>-Misc-Fixed-Medium-R-SemiCondensed--13-...</c>).</summary>
        public string FontName { get; }

        /// <inheritdoc/>
        public int Ascent { get; }

        /// <inheritdoc/>
        public int Descent { get; }

        /// <summary>Number of encoded glyphs.</summary>
        public int GlyphCount => glyphs.Count;

        /// <summary>Code points that have a glyph (no particular order).</summary>
        public IEnumerable<int> CodePoints => glyphs.Keys;

        /// <inheritdoc/>
        public bool TryGetGlyph(int codePoint, [NotNullWhen(true)] out Glyph? glyph) => glyphs.TryGetValue(codePoint, out glyph);

        /// <summary>
        /// Loads a font file: <c>.bdf</c>, gzip-compressed <c>.bdf.gz</c>, or X11 <c>.pcf</c>/<c>.pcf.gz</c>, which is
        /// converted by running Debian's <c>pcf2bdf</c>. The font's <see cref="Name"/> is the file name without directory.
        /// </summary>
        public static BdfFont Load(string path)
        {
            ArgumentNullException.ThrowIfNull(path);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Font file {path} not found. X11 fixed fonts come from: apt-get install -y xfonts-base pcf2bdf", path);
            }

            string name = Path.GetFileName(path);
            if (path.EndsWith(".pcf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pcf.gz", StringComparison.OrdinalIgnoreCase))
            {
                return LoadPcf(path, name);
            }

            using var file = File.OpenRead(path);
            Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(stream, Encoding.Latin1);
            return Parse(reader, name);
        }

        /// <summary>Parses BDF text. <paramref name="name"/> names the font in messages and in <see cref="Name"/>.</summary>
        public static BdfFont Parse(string text, string name)
        {
            ArgumentNullException.ThrowIfNull(text);
            using var reader = new StringReader(text);
            return Parse(reader, name);
        }

        /// <summary>Parses BDF from <paramref name="reader"/> (not disposed). Throws <see cref="FontFormatException"/>
        /// naming the line for malformed content.</summary>
        public static BdfFont Parse(TextReader reader, string name)
        {
            ArgumentNullException.ThrowIfNull(reader);
            ArgumentNullException.ThrowIfNull(name);
            return new Parser(reader, name).ParseFont();
        }

        private static BdfFont LoadPcf(string path, string name)
        {
            var start = new ProcessStartInfo("pcf2bdf")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.Latin1,
            };
            start.ArgumentList.Add(path);
            Process? process;
            try
            {
                process = Process.Start(start);
            }
            catch (Win32Exception e)
            {
                throw new FileNotFoundException($"Cannot convert {path}: pcf2bdf is not installed ({e.Message}). Install it with: apt-get install -y pcf2bdf", "pcf2bdf", e);
            }

            if (process is null)
            {
                throw new IOException($"Cannot start pcf2bdf for {path}.");
            }

            using (process)
            {
                var errors = process.StandardError.ReadToEndAsync();
                BdfFont font;
                try
                {
                    font = Parse(process.StandardOutput, name);
                }
                catch (FontFormatException)
                {
                    process.StandardOutput.ReadToEnd();
                    process.WaitForExit();
                    if (process.ExitCode != 0)
                    {
                        throw new FontFormatException(name, 0, $"pcf2bdf failed (exit code {process.ExitCode}): {errors.Result.Trim()}");
                    }

                    throw;
                }

                process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return font;
            }
        }

        /// <summary>One pass over the lines of a BDF file.</summary>
        private sealed class Parser
        {
            private readonly TextReader reader;
            private readonly string name;
            private readonly StringBuilder line = new(80);
            private int lineNumber;
            private long charsRead;

            public Parser(TextReader reader, string name)
            {
                this.reader = reader;
                this.name = name;
            }

            public BdfFont ParseFont()
            {
                string[] first = NextTokens() ?? throw Error("file is empty; expected STARTFONT 2.1.");
                if (first[0] != "STARTFONT" || first.Length < 2 || !first[1].StartsWith("2.", StringComparison.Ordinal))
                {
                    throw Error("expected \"STARTFONT 2.1\" as the first line.");
                }

                string fontName = string.Empty;
                int? ascent = null;
                int? descent = null;
                int[]? boundingBox = null;
                int[]? defaultWidth = null;
                var glyphs = new Dictionary<int, Glyph>();
                int glyphsSeen = 0;
                while (true)
                {
                    string[] tokens = NextTokens() ?? throw Error("file ends without ENDFONT.");
                    switch (tokens[0])
                    {
                        case "FONT":
                            fontName = tokens.Length > 1 ? string.Join(' ', tokens, 1, tokens.Length - 1) : string.Empty;
                            break;
                        case "FONTBOUNDINGBOX":
                            boundingBox = Numbers(tokens, 4);
                            CheckBox(boundingBox[0], boundingBox[1]);
                            break;
                        case "DWIDTH":
                            defaultWidth = Numbers(tokens, 2);
                            break;
                        case "STARTPROPERTIES":
                            ParseProperties(Numbers(tokens, 1)[0], ref ascent, ref descent);
                            break;
                        case "STARTCHAR":
                            if (++glyphsSeen > MaxGlyphs)
                            {
                                throw Error($"more than {MaxGlyphs} glyphs.");
                            }

                            var glyph = ParseGlyph(boundingBox, defaultWidth, out int encoding);
                            if (glyph is not null)
                            {
                                glyphs.TryAdd(encoding, glyph);
                            }

                            break;
                        case "ENDFONT":
                            int finalAscent = ascent ?? (boundingBox is null ? -1 : boundingBox[1] + boundingBox[3]);
                            int finalDescent = descent ?? (boundingBox is null ? -1 : -boundingBox[3]);
                            if (finalAscent < 0 || finalDescent < 0 || finalAscent + finalDescent == 0 || finalAscent + finalDescent > MaxGlyphSide)
                            {
                                throw Error("no usable FONT_ASCENT/FONT_DESCENT properties or FONTBOUNDINGBOX before ENDFONT.");
                            }

                            return new BdfFont(name, fontName, finalAscent, finalDescent, glyphs);
                        default:
                            // SIZE, CHARS, METRICSSET, SWIDTH, CONTENTVERSION and extensions do not affect rendering.
                            break;
                    }
                }
            }

            private void ParseProperties(int count, ref int? ascent, ref int? descent)
            {
                if (count < 0 || count > 10_000)
                {
                    throw Error($"STARTPROPERTIES count {count} is out of range.");
                }

                string? registry = null;
                string? registryEncoding = null;
                int registryLine = 0;
                while (true)
                {
                    string[] tokens = NextTokens() ?? throw Error("file ends inside properties; expected ENDPROPERTIES.");
                    switch (tokens[0])
                    {
                        case "ENDPROPERTIES":
                            if (registry is not null && registry != "ISO10646" && !(registry == "ISO8859" && registryEncoding == "1"))
                            {
                                throw new FontFormatException(name, registryLine, $"font encoding is {registry}-{registryEncoding}; only Unicode fonts (ISO10646-1, or ISO8859-1) can be used.");
                            }

                            return;
                        case "FONT_ASCENT":
                            ascent = Numbers(tokens, 1)[0];
                            CheckMetric(ascent.Value, "FONT_ASCENT");
                            break;
                        case "FONT_DESCENT":
                            descent = Numbers(tokens, 1)[0];
                            CheckMetric(descent.Value, "FONT_DESCENT");
                            break;
                        case "CHARSET_REGISTRY":
                            registry = Unquote(tokens);
                            registryLine = lineNumber;
                            break;
                        case "CHARSET_ENCODING":
                            registryEncoding = Unquote(tokens);
                            break;
                        case "STARTCHAR":
                        case "ENDFONT":
                            throw Error($"{tokens[0]} inside properties; expected ENDPROPERTIES.");
                        default:
                            break;
                    }
                }
            }

            private Glyph? ParseGlyph(int[]? fontBox, int[]? defaultWidth, out int encoding)
            {
                encoding = int.MinValue;
                int[]? box = fontBox;
                int advance = defaultWidth?[0] ?? int.MinValue;
                while (true)
                {
                    string[] tokens = NextTokens() ?? throw Error("file ends inside a glyph; expected ENDCHAR.");
                    switch (tokens[0])
                    {
                        case "ENCODING":
                            encoding = Numbers(tokens, 1)[0];
                            if (encoding != -1 && (encoding < 0 || encoding > 0x10FFFF || (encoding >= 0xD800 && encoding <= 0xDFFF)))
                            {
                                throw Error($"ENCODING {encoding} is not a Unicode scalar value or -1.");
                            }

                            break;
                        case "DWIDTH":
                            advance = Numbers(tokens, 2)[0];
                            CheckMetric(advance, "DWIDTH");
                            break;
                        case "BBX":
                            box = Numbers(tokens, 4);
                            CheckBox(box[0], box[1]);
                            CheckMetric(box[2], "BBX x offset");
                            CheckMetric(box[3], "BBX y offset");
                            break;
                        case "BITMAP":
                            if (encoding == int.MinValue)
                            {
                                throw Error("BITMAP before ENCODING.");
                            }

                            if (box is null)
                            {
                                throw Error("BITMAP without BBX (and no FONTBOUNDINGBOX).");
                            }

                            var rows = ReadRows(box[0], box[1]);
                            string[] end = NextTokens() ?? throw Error("file ends inside a glyph; expected ENDCHAR.");
                            if (end[0] != "ENDCHAR")
                            {
                                throw Error($"expected ENDCHAR after {box[1]} bitmap rows, found \"{end[0]}\".");
                            }

                            if (encoding == -1)
                            {
                                return null;
                            }

                            return new Glyph(encoding, box[0], box[1], box[2], box[3], advance == int.MinValue ? box[0] : advance, rows);
                        case "ENDCHAR":
                            throw Error("ENDCHAR without BITMAP.");
                        case "STARTCHAR":
                        case "ENDFONT":
                            throw Error($"{tokens[0]} inside a glyph; expected ENDCHAR.");
                        default:
                            break;
                    }
                }
            }

            private byte[] ReadRows(int width, int height)
            {
                int stride = (width + 7) / 8;
                var rows = new byte[stride * height];
                for (int y = 0; y < height; y++)
                {
                    if (!ReadLine())
                    {
                        throw Error($"file ends inside a bitmap; expected {height - y} more rows.");
                    }

                    string text = line.ToString().Trim();
                    if (text.Length < 2 * stride || text.Length > MaxLineLength)
                    {
                        throw Error($"bitmap row \"{Truncate(text)}\" has {text.Length} hex digits; a {width}-px row needs {2 * stride}.");
                    }

                    for (int i = 0; i < text.Length; i++)
                    {
                        if (!Uri.IsHexDigit(text[i]))
                        {
                            throw Error($"bitmap row \"{Truncate(text)}\" is not hexadecimal.");
                        }
                    }

                    for (int i = 0; i < stride; i++)
                    {
                        rows[(y * stride) + i] = byte.Parse(text.AsSpan(2 * i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    }

                    // Clear padding bits right of the glyph so they can never light a pixel.
                    int spare = (stride * 8) - width;
                    if (spare > 0)
                    {
                        rows[(y * stride) + stride - 1] &= (byte)(0xFF << spare);
                    }
                }

                return rows;
            }

            private int[] Numbers(string[] tokens, int count)
            {
                if (tokens.Length < count + 1)
                {
                    throw Error($"{tokens[0]} needs {count} number(s).");
                }

                var values = new int[count];
                for (int i = 0; i < count; i++)
                {
                    if (!int.TryParse(tokens[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
                    {
                        throw Error($"{tokens[0]}: \"{Truncate(tokens[i + 1])}\" is not an integer.");
                    }
                }

                return values;
            }

            private void CheckBox(int width, int height)
            {
                if (width < 0 || height < 0 || width > MaxGlyphSide || height > MaxGlyphSide)
                {
                    throw Error($"glyph box {width}x{height} is outside 0..{MaxGlyphSide} pixels a side.");
                }
            }

            private void CheckMetric(int value, string what)
            {
                if (Math.Abs(value) > MaxMetric)
                {
                    throw Error($"{what} {value} is outside ±{MaxMetric} pixels.");
                }
            }

            private string[]? NextTokens()
            {
                while (ReadLine())
                {
                    string text = line.ToString();
                    string[] tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (tokens.Length == 0 || tokens[0] == "COMMENT")
                    {
                        continue;
                    }

                    return tokens;
                }

                return null;
            }

            private bool ReadLine()
            {
                line.Clear();
                int c = reader.Read();
                if (c < 0)
                {
                    return false;
                }

                lineNumber++;
                while (true)
                {
                    if (++charsRead > MaxInputChars)
                    {
                        throw Error($"font is larger than {MaxInputChars} characters.");
                    }

                    if (c < 0 || c == '\n')
                    {
                        break;
                    }

                    if (c != '\r')
                    {
                        if (line.Length >= MaxLineLength)
                        {
                            throw Error($"line is longer than {MaxLineLength} characters.");
                        }

                        line.Append((char)c);
                    }

                    c = reader.Read();
                }

                return true;
            }

            private FontFormatException Error(string problem) => new(name, lineNumber, problem);

            private static string Unquote(string[] tokens) => tokens.Length < 2 ? string.Empty : string.Join(' ', tokens, 1, tokens.Length - 1).Trim('"');

            private static string Truncate(string s) => s.Length <= 24 ? s : s.Substring(0, 24) + "…";
        }
    }
}
