using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Fonts;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>
    /// Reads text back from LED pixels: every 8- or 16-column cell of a line is matched against the glyph bitmaps read
    /// straight from unifont.hex (<see cref="InstalledFonts.RawHex"/>, plain string splitting), enlarged by whole pixels.
    /// Independent of the gateway's font parser, shaper, renderer and splitter: what it reads is what the board shows.
    /// Only for text whose characters each have their own Unifont glyph (precomposed NFC letters, CJK, punctuation).
    /// </summary>
    internal sealed class UnifontReader
    {
        private const int CellRows = 16;

        private readonly int scale;
        private readonly Dictionary<string, string> glyphs = new();

        /// <summary>A reader for the characters of <paramref name="alphabet"/>, drawn <paramref name="scale"/> LEDs per font pixel.</summary>
        public UnifontReader(string alphabet, int scale)
        {
            this.scale = scale;
            foreach (Rune rune in alphabet.Normalize(NormalizationForm.FormC).EnumerateRunes().Where(r => !Rune.IsWhiteSpace(r)).Distinct())
            {
                string hex = InstalledFonts.RawHex(rune.Value) ?? throw new AssertFailedException($"U+{rune.Value:X4} is not in unifont.hex.");
                int width = hex.Length / 4;
                var key = new StringBuilder(width * CellRows + 3);
                key.Append(width.ToString(CultureInfo.InvariantCulture)).Append(':');
                for (int row = 0; row < CellRows; row++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        key.Append(InstalledFonts.RawPixel(hex, x, row) ? '1' : '0');
                    }
                }

                if (glyphs.TryGetValue(key.ToString(), out string? other))
                {
                    throw new AssertFailedException($"'{other}' and '{rune}' have the same glyph: the reader could not tell them apart.");
                }

                glyphs.Add(key.ToString(), rune.ToString());
            }
        }

        /// <summary>Width in LEDs of <paramref name="text"/> drawn on one line (8 or 16 font pixels per character).</summary>
        public static int WidthOf(string text, int scale) =>
            text.EnumerateRunes().Sum(r => (InstalledFonts.RawHex(r.Value) ?? throw new AssertFailedException($"U+{r.Value:X4} is not in unifont.hex.")).Length / 4) * scale;

        /// <summary>The characters of the line whose cells start at column <paramref name="left"/> and row
        /// <paramref name="top"/>, to the frame's right edge; a blank 8-column cell reads as a space. Null when a cell
        /// matches no glyph.</summary>
        public string? ReadLine(IndexedBitmap frame, int left, int top)
        {
            var text = new StringBuilder();
            int x = left;
            while (x < frame.Width)
            {
                if (Match(frame, x, top, 16) is string wide)
                {
                    text.Append(wide);
                    x += 16 * scale;
                }
                else if (Match(frame, x, top, 8) is string narrow)
                {
                    text.Append(narrow);
                    x += 8 * scale;
                }
                else if (IsBlank(frame, x, x + (8 * scale), top, top + (CellRows * scale)))
                {
                    x += 8 * scale;
                    text.Append(' ');
                }
                else
                {
                    return null;
                }
            }

            return text.ToString();
        }

        /// <summary>The lines of a page laid out as the renderer centres n lines of 16 font pixels (the first n from
        /// the most that fit down to 1 whose every cell reads and whose other rows are dark), joined by spaces.</summary>
        public string ReadPage(IndexedBitmap page)
        {
            int lineHeight = CellRows * scale;
            for (int n = page.Height / lineHeight; n >= 1; n--)
            {
                int top = (page.Height - (n * lineHeight)) / 2;
                var lines = new List<string>();
                for (int i = 0; i < n && lines.Count == i; i++)
                {
                    if (ReadLine(page, 0, top + (i * lineHeight)) is string line)
                    {
                        lines.Add(line);
                    }
                }

                if (lines.Count == n && IsBlank(page, 0, page.Width, 0, top) && IsBlank(page, 0, page.Width, top + (n * lineHeight), page.Height))
                {
                    return string.Join(" ", lines);
                }
            }

            throw new AssertFailedException("A page the board shows does not read as lines of Unifont text:\n" + Rendering.BitmapArt.ToArt(page));
        }

        /// <summary>The text of a scroll strip after its blank lead-in of <paramref name="leadIn"/> columns.</summary>
        public string ReadStrip(IndexedBitmap strip, int leadIn)
        {
            Assert.IsTrue(IsBlank(strip, 0, leadIn, 0, strip.Height), "the lead-in of a strip is dark");
            Assert.AreEqual(CellRows * scale, strip.Height, "one line fills the strip's height");
            return ReadLine(strip, leadIn, 0) ?? throw new AssertFailedException("A strip the board shows does not read as Unifont text.");
        }

        /// <summary>The characters of <paramref name="text"/> other than white space, in order: what must reach the board.</summary>
        public static string Ink(string text) =>
            string.Concat(text.Normalize(NormalizationForm.FormC).EnumerateRunes().Where(r => !Rune.IsWhiteSpace(r)).Select(r => r.ToString()));

        private string? Match(IndexedBitmap frame, int x, int top, int width)
        {
            if (x + (width * scale) > frame.Width || top + (CellRows * scale) > frame.Height)
            {
                return null;
            }

            var key = new StringBuilder(width * CellRows + 3);
            key.Append(width.ToString(CultureInfo.InvariantCulture)).Append(':');
            for (int row = 0; row < CellRows; row++)
            {
                for (int col = 0; col < width; col++)
                {
                    bool lit = frame[x + (col * scale), top + (row * scale)] != 0;
                    for (int dy = 0; dy < scale; dy++)
                    {
                        for (int dx = 0; dx < scale; dx++)
                        {
                            if ((frame[x + (col * scale) + dx, top + (row * scale) + dy] != 0) != lit)
                            {
                                return null;
                            }
                        }
                    }

                    key.Append(lit ? '1' : '0');
                }
            }

            return glyphs.GetValueOrDefault(key.ToString());
        }

        private static bool IsBlank(IndexedBitmap frame, int x0, int x1, int y0, int y1)
        {
            for (int y = y0; y < Math.Min(y1, frame.Height); y++)
            {
                for (int x = x0; x < Math.Min(x1, frame.Width); x++)
                {
                    if (frame[x, y] != 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
