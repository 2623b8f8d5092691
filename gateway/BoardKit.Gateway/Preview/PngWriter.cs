using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Preview
{
    /// <summary>
    /// Writes PNG files (ISO/IEC 15948): 8-bit palette images from an <see cref="IndexedBitmap"/>, or 8-bit RGB / RGBA.
    /// No filtering (filter type 0 on every row): LED pictures are flat colour, which deflate packs well as it is.
    /// </summary>
    public static class PngWriter
    {
        /// <summary>The 8-byte PNG signature.</summary>
        internal static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        /// <summary>PNG colour type 2: RGB triples.</summary>
        private const byte ColorTypeRgb = 2;

        /// <summary>PNG colour type 3: palette indices (PLTE chunk).</summary>
        private const byte ColorTypeIndexed = 3;

        /// <summary>PNG colour type 6: RGBA quadruples.</summary>
        private const byte ColorTypeRgba = 6;

        /// <summary>Encodes <paramref name="bitmap"/> as a palette PNG (colour type 3, 8 bits per pixel, its palette as PLTE).</summary>
        /// <returns>The whole PNG file.</returns>
        public static byte[] EncodeIndexed(IndexedBitmap bitmap)
        {
            ArgumentNullException.ThrowIfNull(bitmap);
            using var png = new MemoryStream();
            png.Write(Signature);
            WriteChunk(png, "IHDR", Header(bitmap.Width, bitmap.Height, ColorTypeIndexed));
            WriteChunk(png, "PLTE", Plte(bitmap.Palette));
            WriteChunk(png, "IDAT", CompressIndexed(bitmap));
            WriteChunk(png, "IEND", ReadOnlySpan<byte>.Empty);
            return png.ToArray();
        }

        /// <summary>Encodes RGB pixels (3 bytes per pixel, R G B, row-major from the top-left) as a colour-type-2 PNG.</summary>
        public static byte[] EncodeRgb(int width, int height, ReadOnlySpan<byte> rgb) => EncodeTrueColour(width, height, rgb, 3, ColorTypeRgb);

        /// <summary>Encodes RGBA pixels (4 bytes per pixel, R G B A, straight alpha, row-major) as a colour-type-6 PNG.</summary>
        public static byte[] EncodeRgba(int width, int height, ReadOnlySpan<byte> rgba) => EncodeTrueColour(width, height, rgba, 4, ColorTypeRgba);

        private static byte[] EncodeTrueColour(int width, int height, ReadOnlySpan<byte> pixels, int bytesPerPixel, byte colourType)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
            int stride = checked(width * bytesPerPixel);
            if (pixels.Length != checked(stride * height))
            {
                throw new ArgumentException($"Expected {stride * height} bytes for {width}x{height} pixels.", nameof(pixels));
            }

            using var raw = new MemoryStream();
            using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (int y = 0; y < height; y++)
                {
                    zlib.WriteByte(0);
                    zlib.Write(pixels.Slice(y * stride, stride));
                }
            }

            using var png = new MemoryStream();
            png.Write(Signature);
            WriteChunk(png, "IHDR", Header(width, height, colourType));
            WriteChunk(png, "IDAT", raw.ToArray());
            WriteChunk(png, "IEND", ReadOnlySpan<byte>.Empty);
            return png.ToArray();
        }

        /// <summary>IHDR payload: width, height, bit depth 8, colour type, compression 0, filter 0, interlace 0.</summary>
        internal static byte[] Header(int width, int height, byte colourType)
        {
            var ihdr = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(0), width);
            BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
            ihdr[8] = 8;
            ihdr[9] = colourType;
            return ihdr;
        }

        /// <summary>IHDR payload for an 8-bit palette image.</summary>
        internal static byte[] IndexedHeader(int width, int height) => Header(width, height, ColorTypeIndexed);

        /// <summary>PLTE payload: R, G, B per entry.</summary>
        internal static byte[] Plte(uint[] palette)
        {
            var plte = new byte[palette.Length * 3];
            for (int i = 0; i < palette.Length; i++)
            {
                plte[i * 3] = (byte)(palette[i] >> 16);
                plte[(i * 3) + 1] = (byte)(palette[i] >> 8);
                plte[(i * 3) + 2] = (byte)palette[i];
            }

            return plte;
        }

        /// <summary>Zlib stream of the bitmap's rows, each preceded by filter type 0.</summary>
        internal static byte[] CompressIndexed(IndexedBitmap bitmap)
        {
            using var raw = new MemoryStream();
            using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (int y = 0; y < bitmap.Height; y++)
                {
                    zlib.WriteByte(0);
                    zlib.Write(bitmap.Pixels, y * bitmap.Width, bitmap.Width);
                }
            }

            return raw.ToArray();
        }

        /// <summary>Writes one chunk: length, type, data, CRC-32 of type and data (the same CRC-32 the firmware core
        /// uses for stored state).</summary>
        internal static void WriteChunk(Stream stream, string type, ReadOnlySpan<byte> data)
        {
            Span<byte> word = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
            stream.Write(word);
            byte[] typeAndData = new byte[4 + data.Length];
            Encoding.ASCII.GetBytes(type, 0, 4, typeAndData, 0);
            data.CopyTo(typeAndData.AsSpan(4));
            stream.Write(typeAndData);
            BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typeAndData, 0, typeAndData.Length));
            stream.Write(word);
        }
    }
}
