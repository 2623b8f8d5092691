using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Rendering
{
    /// <summary>
    /// Golden renders with the real fonts at 16 px: the expected bitmap is built here straight from the lines of
    /// unifont.hex (code point, then 32 or 64 hex digits = 16 rows of 8 or 16 px), independently of the font parser,
    /// the shaper and the renderer, and the rendered frame must match it pixel for pixel.
    /// </summary>
    [TestClass]
    public sealed class UnifontGoldenTests
    {
        private const string HexPath = "/usr/share/unifont/unifont.hex";
        private const string CombiningPath = "/usr/share/unifont/plane00-combining.txt";

        private static Dictionary<int, string>? hexLines;
        private static Dictionary<int, int>? combiningOffsets;
        private static FontSet? fontSet;

        [ClassInitialize]
        public static void LoadFonts(TestContext context)
        {
            if (!File.Exists(HexPath))
            {
                Assert.Fail($"{HexPath} is missing: install it with `apt-get install -y unifont`.");
            }

            hexLines = new Dictionary<int, string>();
            foreach (string line in File.ReadLines(HexPath))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                hexLines[Convert.ToInt32(line[..colon], 16)] = line[(colon + 1)..];
            }

            // "XXXX:-16": a combining mark drawn to overprint the cell before it, at that x offset, advancing nothing.
            combiningOffsets = new Dictionary<int, int>();
            foreach (string line in File.ReadLines(CombiningPath))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                combiningOffsets[Convert.ToInt32(line[..colon], 16)] = int.Parse(line[(colon + 1)..]);
            }

            fontSet = new FontSets().ForPanelHeight(16);
        }

        [TestMethod]
        [DataRow("Cửa khẩu Ma Lù Thàng")]
        [DataRow("Pa Vệ Sủ")]
        [DataRow("Mù Cả")]
        [DataRow("Nậm Khao")]
        [DataRow("Tả Phìn")]
        [DataRow("Mồ Sì San")]
        [DataRow("口岸 马鹿塘")]
        [DataRow("Peb yog neeg Hmoob, nyob zoo os!")]
        [DataRow("Border gate open 07:00-19:00")]
        [DataRow("ẤẦẨẪẬ ấầẩẫậ Ưư Đđ Ơơ")]
        [DataRow("\uAA80\uAAB0 \uAA81\uAAB4 \uAA8E\uAAB1")] // Tai Viet: ko + mai kang (above), kho + u (below), ma + aa
        public void Render_Unifont16_MatchesHexFile(string text)
        {
            (string expected, int width) = ExpectedFromHex(text);
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Text = text,
                PanelWidth = width,
                PanelHeight = 16,
                Shaper = new TextShaper(fontSet!),
            });
            Assert.IsTrue(result.Ok, string.Join(" | ", result.Errors));
            Assert.AreEqual(expected, BitmapArt.ToArt(result.Frames[0]), $"\nexpected:\n{expected}\nactual:\n{BitmapArt.ToArt(result.Frames[0])}");
        }

        [TestMethod]
        public void Render_Unifont16DecomposedInput_DrawsPrecomposedGlyph()
        {
            // "Cửa" typed with U+0301-style combining marks: u + horn + hook above. NFC gives U+1EED, Unifont's glyph.
            (string expected, int width) = ExpectedFromHex("Cửa");
            RenderResult result = TextRenderer.Render(new RenderRequest
            {
                Text = "Cu\u031B\u0309a",
                PanelWidth = width,
                PanelHeight = 16,
                Shaper = new TextShaper(fontSet!),
            });
            Assert.IsTrue(result.Ok, string.Join(" | ", result.Errors));
            Assert.AreEqual(expected, BitmapArt.ToArt(result.Frames[0]));
        }

        /// <summary>Blits each code point's hex rows left to right: 32 digits = 8 px wide, 64 = 16 px. A combining mark
        /// (listed in plane00-combining.txt) is overprinted at its offset from the pen and does not advance it.</summary>
        private static (string Art, int Width) ExpectedFromHex(string text)
        {
            var glyphs = new List<(string Hex, int X)>();
            int width = 0;
            foreach (Rune rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
            {
                Assert.IsTrue(hexLines!.TryGetValue(rune.Value, out string? hex), $"U+{rune.Value:X4} not in {HexPath}");
                if (combiningOffsets!.TryGetValue(rune.Value, out int offset))
                {
                    glyphs.Add((hex, width + offset));
                }
                else
                {
                    glyphs.Add((hex, width));
                    width += hex.Length / 4;
                }
            }

            var rows = new char[16][];
            for (int y = 0; y < 16; y++)
            {
                rows[y] = new string('.', width).ToCharArray();
            }

            foreach ((string hex, int x0) in glyphs)
            {
                int glyphWidth = hex.Length / 4;
                int digitsPerRow = glyphWidth / 4;
                for (int y = 0; y < 16; y++)
                {
                    ulong bits = Convert.ToUInt64(hex.Substring(y * digitsPerRow, digitsPerRow), 16);
                    for (int x = 0; x < glyphWidth; x++)
                    {
                        if ((bits & (1UL << (glyphWidth - 1 - x))) != 0)
                        {
                            rows[y][x0 + x] = '1';
                        }
                    }
                }
            }

            var art = new StringBuilder();
            foreach (char[] row in rows)
            {
                art.Append(row).Append('\n');
            }

            return (art.ToString(), width);
        }
    }
}
