using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using BoardKit.Gateway.Imaging;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SkiaSharp;

namespace BoardKit.Gateway.Tests.Imaging
{
    [TestClass]
    public sealed class ImageDecoderTests
    {
        private static uint Pattern(int x, int y) => 0xFF000000u | (uint)((x * 37) & 0xFF) << 16 | (uint)((y * 53) & 0xFF) << 8 | (uint)((x + y) * 11 & 0xFF);

        [TestMethod]
        public void Decode_Png_GivesEveryPixelExactly()
        {
            byte[] png = TestPictures.Encode(7, 5, Pattern);

            DecodedImage image = ImageDecoder.Decode(png);

            Assert.AreEqual(7, image.Width);
            Assert.AreEqual(5, image.Height);
            Assert.AreEqual("Png", image.Format);
            for (int y = 0; y < 5; y++)
            {
                for (int x = 0; x < 7; x++)
                {
                    Assert.AreEqual(Pattern(x, y), image[x, y], $"({x}, {y})");
                }
            }
        }

        [TestMethod]
        public void Decode_Jpeg_CloseToTheOriginal()
        {
            byte[] jpeg = TestPictures.Encode(32, 16, (x, y) => 0xFF3080C0u, SKEncodedImageFormat.Jpeg);

            DecodedImage image = ImageDecoder.Decode(jpeg);

            Assert.AreEqual("Jpeg", image.Format);
            uint c = image[10, 8];
            Assert.IsLessThanOrEqualTo(4, Math.Abs((int)((c >> 16) & 0xFF) - 0x30));
            Assert.IsLessThanOrEqualTo(4, Math.Abs((int)((c >> 8) & 0xFF) - 0x80));
            Assert.IsLessThanOrEqualTo(4, Math.Abs((int)(c & 0xFF) - 0xC0));
        }

        [TestMethod]
        public void Decode_JpegWithExifOrientation6_IsUpright()
        {
            // A phone held upright stores a landscape picture and EXIF orientation 6 (rotate 90° clockwise to show).
            // Stored 8x4: left half red, right half blue. Shown 4x8: top half red, bottom half blue.
            byte[] jpeg = TestPictures.Encode(8, 4, (x, y) => x < 4 ? 0xFFFF0000u : 0xFF0000FFu, SKEncodedImageFormat.Jpeg);
            byte[] tiff = { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0 };
            byte[] exif = new byte[] { (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0 }.Concat(tiff).ToArray();
            byte[] app1 = new byte[] { 0xFF, 0xE1, 0, (byte)(exif.Length + 2) }.Concat(exif).ToArray();
            byte[] withExif = jpeg[..2].Concat(app1).Concat(jpeg[2..]).ToArray();

            DecodedImage image = ImageDecoder.Decode(withExif);

            Assert.AreEqual(6, image.Origin);
            Assert.AreEqual(4, image.Width);
            Assert.AreEqual(8, image.Height);
            Assert.IsGreaterThan(200u, (image[2, 1] >> 16) & 0xFF, "top is red");
            Assert.IsGreaterThan(200u, image[2, 6] & 0xFF, "bottom is blue");
        }

        [TestMethod]
        public void Decode_TruncatedPng_IsTruncatedNotGrey()
        {
            byte[] png = TestPictures.Encode(64, 64, Pattern);

            var e = Assert.ThrowsExactly<ImageDecodeException>(() => ImageDecoder.Decode(png[..(png.Length * 2 / 3)]));

            Assert.AreEqual(ImageError.Truncated, e.Error);
            StringAssert.Contains(e.Message, "cut off");
        }

        [TestMethod]
        public void Decode_TruncatedJpeg_IsTruncated()
        {
            byte[] jpeg = TestPictures.Encode(64, 64, (x, y) => TestPictures.Photo(x, y, 64, 64), SKEncodedImageFormat.Jpeg);

            var e = Assert.ThrowsExactly<ImageDecodeException>(() => ImageDecoder.Decode(jpeg[..(jpeg.Length / 2)]));

            Assert.AreEqual(ImageError.Truncated, e.Error);
        }

        [TestMethod]
        public void Decode_FileOverTheLimit_RefusedByLengthUnread()
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllBytes(path, new byte[2000]);
                var e = Assert.ThrowsExactly<ImageDecodeException>(() => ImageDecoder.DecodeFile(path, new ImageLimits { MaxFileBytes = 1999 }));
                Assert.AreEqual(ImageError.FileTooLarge, e.Error);
                StringAssert.Contains(e.Message, "at most 1,999 bytes");
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        public void Decode_PngBombDeclaring15000Squared_RefusedFromItsHeader()
        {
            // 225 megapixels declared in a 60-byte file: 900 MB if it were decoded.
            byte[] bomb = Png(15000, 15000);

            var e = Assert.ThrowsExactly<ImageDecodeException>(() => ImageDecoder.Decode(bomb));

            Assert.AreEqual(ImageError.TooManyPixels, e.Error);
            StringAssert.Contains(e.Message, "15,000x15,000 px = 225,000,000 pixels");
            StringAssert.Contains(e.Message, "Nothing was decoded");
        }

        [TestMethod]
        public void Decode_PngDeclaringAHugeSide_RefusedFromItsHeader()
        {
            var e = Assert.ThrowsExactly<ImageDecodeException>(() => ImageDecoder.Decode(Png(100_000, 1)));

            Assert.AreEqual(ImageError.SideTooLong, e.Error);
        }

        [TestMethod]
        public void Decode_NotAPicture_UnknownFormat()
        {
            var e = Assert.ThrowsExactly<ImageDecodeException>(() => ImageDecoder.Decode(System.Text.Encoding.UTF8.GetBytes("<html>not a picture</html>")));

            Assert.AreEqual(ImageError.UnknownFormat, e.Error);
            StringAssert.Contains(e.Message, "PNG, JPEG, WebP, GIF or BMP");
        }

        [TestMethod]
        public void Decode_Empty_Empty()
        {
            Assert.AreEqual(ImageError.Empty, Assert.ThrowsExactly<ImageDecodeException>(() => ImageDecoder.Decode(Array.Empty<byte>())).Error);
        }

        [TestMethod]
        public void Decode_StreamLongerThanTheLimit_StopsReading()
        {
            using var stream = new MemoryStream(new byte[300_000]);

            var e = Assert.ThrowsExactly<ImageDecodeException>(() => ImageDecoder.Decode(stream, new ImageLimits { MaxFileBytes = 100_000 }));

            Assert.AreEqual(ImageError.FileTooLarge, e.Error);
            Assert.IsLessThan(300_000L, stream.Position, "reading stopped at the limit");
        }

        [TestMethod]
        public void Decode_DamagedPngOrJpeg_OnlyImageDecodeExceptionOrAPicture()
        {
            byte[] png = TestPictures.Encode(24, 24, Pattern);
            byte[] jpeg = TestPictures.Encode(24, 24, Pattern, SKEncodedImageFormat.Jpeg);
            Prop.ForAll(
                (from which in Gen.Choose(0, 1)
                 from at in Gen.Choose(0, 1_000_000)
                 from value in Gen.Choose(0, 255)
                 from cut in Gen.Choose(0, 1_000_000)
                 select (which, at, value, cut)).ToArbitrary(),
                t =>
                {
                    (int which, int at, int value, int cut) = t;
                    byte[] file = which == 0 ? png : jpeg;
                    byte[] damaged = (byte[])file.Clone();
                    damaged[at % damaged.Length] = (byte)value;
                    damaged = damaged[..Math.Max(1, cut % (damaged.Length + 1))];
                    try
                    {
                        DecodedImage image = ImageDecoder.Decode(damaged);
                        return image.Width == 24 && image.Height == 24;
                    }
                    catch (ImageDecodeException)
                    {
                        return true;
                    }
                }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
        }

        [TestMethod]
        public void Decode_AnyDeclaredSizeOverTheLimits_RefusedBeforeDecoding()
        {
            var limits = new ImageLimits { MaxPixels = 10_000, MaxSide = 500 };
            Prop.ForAll(
                Gen.Zip(Gen.Choose(1, 5000), Gen.Choose(1, 5000)).ToArbitrary(),
                t =>
                {
                    (int w, int h) = t;
                    bool over = w > 500 || h > 500 || (long)w * h > 10_000;
                    try
                    {
                        ImageDecoder.Decode(Png(w, h), limits);
                        return !over;
                    }
                    catch (ImageDecodeException e)
                    {
                        return over ? e.Error is ImageError.SideTooLong or ImageError.TooManyPixels : e.Error is ImageError.Truncated or ImageError.Corrupt;
                    }
                }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
        }

        /// <summary>A PNG whose IHDR declares <paramref name="width"/> x <paramref name="height"/> (8-bit grey) followed by
        /// one tiny IDAT and IEND: a valid header, almost no data.</summary>
        private static byte[] Png(int width, int height)
        {
            using var stream = new MemoryStream();
            stream.Write(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
            var ihdr = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
            BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
            ihdr[8] = 8;
            Chunk(stream, "IHDR", ihdr);
            Chunk(stream, "IDAT", new byte[] { 0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01 });
            Chunk(stream, "IEND", Array.Empty<byte>());
            return stream.ToArray();
        }

        /// <summary>CRC-32 (PNG, ISO 3309), bit by bit.</summary>
        private static uint Crc(byte[] data)
        {
            uint crc = 0xFFFFFFFF;
            foreach (byte b in data)
            {
                crc ^= b;
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }

        private static void Chunk(Stream stream, string type, byte[] data)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            stream.Write(length);
            byte[] typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            stream.Write(typeAndData);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc(typeAndData));
            stream.Write(crc);
        }
    }
}
