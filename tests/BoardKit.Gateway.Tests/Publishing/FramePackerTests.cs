using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Tests.Shared;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>
    /// The gateway's path from a rendered bitmap to wire bytes must give exactly the golden frame vectors that the
    /// firmware core tests decode (tests/vectors/frame-*.hex).
    /// </summary>
    [TestClass]
    public sealed class FramePackerTests
    {
        public static IEnumerable<object[]> FrameVectors() =>
            VectorFile.AllNames().Where(n => n.StartsWith("frame-", StringComparison.Ordinal)).Select(n => new object[] { n });

        [TestMethod]
        [DynamicData(nameof(FrameVectors))]
        public void Pack_BitmapFromVector_EncodesToVectorBytes(string name)
        {
            VectorFile vector = VectorFile.Load(name);
            IndexedBitmap bitmap = BitmapFromVector(vector, out PixelFormat format);

            PackedFrame packed = FramePacker.Pack(bitmap, format);
            var dest = new byte[WireLimits.MaxMessageBytes];
            int written = FrameCodec.Encode(packed.Header, packed.Pixels, packed.Pixels.Length, dest, 0,
                allowCompression: vector.Get("compressed") == "true");

            Assert.IsGreaterThan(0, written, WireError.Describe(-written));
            CollectionAssert.AreEqual(vector.Bytes, dest.AsSpan(0, written).ToArray(), name);
        }

        [TestMethod]
        [DynamicData(nameof(FrameVectors))]
        public void Unpack_DecodedVector_GivesTheVectorsPixels(string name)
        {
            VectorFile vector = VectorFile.Load(name);
            IndexedBitmap expected = BitmapFromVector(vector, out _);
            var header = new FrameHeader();
            var pixels = new byte[WireLimits.MaxFrameRawBytes];
            Assert.IsTrue(FrameCodec.TryDecode(vector.Bytes, 0, vector.Bytes.Length, header, pixels, out int error), WireError.Describe(error));

            IndexedBitmap actual = FramePacker.Unpack(header, pixels);

            Assert.AreEqual(expected.Width, actual.Width);
            Assert.AreEqual(expected.Height, actual.Height);
            for (int y = 0; y < expected.Height; y++)
            {
                for (int x = 0; x < expected.Width; x++)
                {
                    Assert.AreEqual(expected.ColorAt(x, y), actual.ColorAt(x, y), $"{name} pixel ({x}, {y})");
                }
            }
        }

        [TestMethod]
        public void Pack_ThreeColours_ChoosesPalette2()
        {
            var bitmap = new IndexedBitmap(5, 1, new uint[] { 0x000000, 0xFF0000, 0x00FF00 });
            bitmap[0, 0] = 1;
            bitmap[4, 0] = 2;

            PackedFrame packed = FramePacker.Pack(bitmap);

            Assert.AreEqual((int)PixelFormat.Palette2, packed.Header.Format);
            // 5 pixels x 2 bits: 01 00 00 00 | 10 (padding 0) -> 0x40, 0x80
            CollectionAssert.AreEqual(new byte[] { 0x40, 0x80 }, packed.Pixels);
        }

        [TestMethod]
        public void Pack_PaletteLargerThanFormat_Throws()
        {
            var bitmap = new IndexedBitmap(2, 1, new uint[] { 0, 1, 2 });
            Assert.ThrowsExactly<ArgumentException>(() => FramePacker.Pack(bitmap, PixelFormat.Mono1));
        }

        /// <summary>
        /// Builds the bitmap a vector describes from its metadata (format, width, height, palette, packed pixels),
        /// unpacking bits here rather than with the code under test.
        /// </summary>
        private static IndexedBitmap BitmapFromVector(VectorFile vector, out PixelFormat format)
        {
            format = (PixelFormat)vector.GetInt("format");
            int width = (int)vector.GetInt("width");
            int height = (int)vector.GetInt("height");
            byte[] packed = vector.GetHex("pixels");
            int bpp = (int)format;
            var values = new uint[width * height];
            for (int i = 0; i < values.Length; i++)
            {
                if (bpp == 24)
                {
                    values[i] = ((uint)packed[i * 3] << 16) | ((uint)packed[(i * 3) + 1] << 8) | packed[(i * 3) + 2];
                }
                else
                {
                    int bit = i * bpp;
                    values[i] = (uint)((packed[bit / 8] >> (8 - bpp - (bit % 8))) & ((1 << bpp) - 1));
                }
            }

            uint[] palette;
            byte[] paletteBytes = vector.GetHex("palette");
            if (bpp == 24)
            {
                palette = values.Distinct().ToArray();
            }
            else
            {
                palette = new uint[paletteBytes.Length / 3];
                for (int i = 0; i < palette.Length; i++)
                {
                    palette[i] = ((uint)paletteBytes[i * 3] << 16) | ((uint)paletteBytes[(i * 3) + 1] << 8) | paletteBytes[(i * 3) + 2];
                }
            }

            var bitmap = new IndexedBitmap(width, height, palette);
            for (int i = 0; i < values.Length; i++)
            {
                bitmap.Pixels[i] = bpp == 24 ? (byte)Array.IndexOf(palette, values[i]) : (byte)values[i];
            }

            return bitmap;
        }
    }
}
