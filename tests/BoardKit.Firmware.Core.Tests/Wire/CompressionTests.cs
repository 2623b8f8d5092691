using System;
using System.IO;
using System.IO.Compression;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Wire
{
    /// <summary>
    /// Measures the frame compression on a typical text frame (docs/protocol.md, "Compression measurements"):
    /// "BIÊN GIỚI" (border) in a 5x7 font with its diacritics on a 64x16 panel, about 13 % of LEDs lit.
    /// </summary>
    [TestClass]
    public sealed class CompressionTests
    {
        public TestContext TestContext { get; set; } = null!;

        // 5x7 glyphs, one byte per row, bit 4 = leftmost column. Drawn for this test.
        private static readonly (char Letter, byte[] Rows)[] Font =
        {
            ('B', new byte[] { 0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E }),
            ('I', new byte[] { 0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E }),
            ('E', new byte[] { 0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F }),
            ('N', new byte[] { 0x11, 0x19, 0x15, 0x13, 0x11, 0x11, 0x11 }),
            ('G', new byte[] { 0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F }),
            ('O', new byte[] { 0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E }),
            (' ', new byte[7]),
        };

        /// <summary>Renders the text frame as palette indices (0 = dark, 1 = lit), packed Mono1.</summary>
        internal static byte[] TextFrameMono1(out int lit)
        {
            const int width = 64, height = 16, top = 6, left = 5;
            byte[] px = new byte[width * height / 8];
            string text = "BIEN GIOI";
            lit = 0;
            for (int c = 0; c < text.Length; c++)
            {
                byte[] rows = Array.Find(Font, g => g.Letter == text[c]).Rows;
                for (int y = 0; y < 7; y++)
                {
                    for (int x = 0; x < 5; x++)
                    {
                        if ((rows[y] & (0x10 >> x)) != 0)
                        {
                            PixelPacking.SetPixel(1, width, px, left + 6 * c + x, top + y, 1);
                            lit++;
                        }
                    }
                }
            }

            // Diacritics: circumflex over E (Ê), acute and horn on O (Ớ).
            int ex = left + 6 * 2;
            int[][] marks =
            {
                new[] { ex + 2, top - 3 }, new[] { ex + 1, top - 2 }, new[] { ex + 3, top - 2 },
                new[] { left + 6 * 7 + 3, top - 3 }, new[] { left + 6 * 7 + 2, top - 2 },
                new[] { left + 6 * 7 + 5, top - 1 }, new[] { left + 6 * 7 + 5, top },
            };
            foreach (int[] m in marks)
            {
                PixelPacking.SetPixel(1, width, px, m[0], m[1], 1);
                lit++;
            }

            return px;
        }

        private static int Deflate(byte[] data)
        {
            using var ms = new MemoryStream();
            using (var z = new DeflateStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                z.Write(data, 0, data.Length);
            }

            return (int)ms.Length;
        }

        [TestMethod]
        public void Encode_TypicalTextFrame_AtLeast20xSmallerThanRawRgb888()
        {
            byte[] mono = TextFrameMono1(out int lit);
            double litShare = lit / 1024.0;
            Assert.IsTrue(litShare > 0.11 && litShare < 0.15, "lit share " + litShare);

            var header = new FrameHeader().Set((int)PixelFormat.Mono1, 64, 16);
            header.SetPaletteEntry(1, 0xFF, 0xA5, 0x01);
            byte[] dest = new byte[4096];
            int monoRle = FrameCodec.Encode(header, mono, mono.Length, dest, 0, true);
            int monoRaw = FrameCodec.Encode(header, mono, mono.Length, dest, 0, false);

            byte[] rgb = new byte[64 * 16 * 3];
            for (int y = 0; y < 16; y++)
            {
                for (int x = 0; x < 64; x++)
                {
                    if (PixelPacking.GetPixel(1, 64, mono, x, y) == 1)
                    {
                        PixelPacking.SetPixel(24, 64, rgb, x, y, 0xFFA501);
                    }
                }
            }

            var rgbHeader = new FrameHeader().Set((int)PixelFormat.Rgb888, 64, 16);
            int rgbRle = FrameCodec.Encode(rgbHeader, rgb, rgb.Length, dest, 0, true);
            int deflateRgb = Deflate(rgb);
            int deflateMono = Deflate(mono);

            // Alternative considered: runs of pixel indices, 1 byte per run (7-bit length, 1-bit value).
            int pixelRuns = 0;
            int prev = -1, runLength = 0;
            for (int i = 0; i < 1024; i++)
            {
                int v = PixelPacking.GetPixel(1, 64, mono, i % 64, i / 64);
                if (v != prev || runLength == 128)
                {
                    pixelRuns++;
                    runLength = 0;
                    prev = v;
                }

                runLength++;
            }

            int pixelRunFrame = FrameCodec.HeaderSize(1) + pixelRuns;
            string report =
                "lit " + lit + "/1024 = " + (100 * litShare).ToString("F1") + " %\n" +
                "raw RGB888 pixels: 3072 B\n" +
                "Mono1 frame, raw: " + monoRaw + " B (x" + (3072.0 / monoRaw).ToString("F1") + ")\n" +
                "Mono1 frame, run-length: " + monoRle + " B (x" + (3072.0 / monoRle).ToString("F1") + ")\n" +
                "Rgb888 frame, run-length (3-byte units): " + rgbRle + " B (x" + (3072.0 / rgbRle).ToString("F1") + ")\n" +
                "Deflate (smallest) of raw RGB888: " + deflateRgb + " B (x" + (3072.0 / deflateRgb).ToString("F1") + ")\n" +
                "Deflate (smallest) of Mono1 packed: " + deflateMono + " B\n" +
                "alternative, pixel-index runs: " + pixelRunFrame + " B\n" +
                "envelope overhead per message: " + Envelope.Overhead + " B";
            TestContext.WriteLine(report);
            Console.WriteLine(report);

            Assert.IsLessThanOrEqualTo(3072 / 20, monoRle, report);
            Assert.IsLessThan(monoRaw, monoRle, report);
            Assert.IsLessThan(pixelRunFrame, monoRle, "chosen scheme must beat the alternative: " + report);
        }
    }
}
