using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Preview
{
    /// <summary>A PNG chunk as read back in tests.</summary>
    public sealed record PngChunk(string Type, byte[] Data);

    /// <summary>
    /// An independent PNG reader for tests: checks the signature and every chunk's CRC-32 (bit-by-bit, not the
    /// production table), and inflates image data. Supports what the writers produce: 8-bit, filter type 0.
    /// </summary>
    public static class PngReader
    {
        public static List<PngChunk> ReadChunks(byte[] png)
        {
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8], "signature");
            var chunks = new List<PngChunk>();
            int offset = 8;
            while (offset < png.Length)
            {
                int length = (png[offset] << 24) | (png[offset + 1] << 16) | (png[offset + 2] << 8) | png[offset + 3];
                string type = Encoding.ASCII.GetString(png, offset + 4, 4);
                byte[] data = png[(offset + 8)..(offset + 8 + length)];
                uint stored = ReadUInt32(png, offset + 8 + length);
                Assert.AreEqual(BitwiseCrc(png.AsSpan(offset + 4, 4 + length)), stored, $"CRC of {type} chunk at byte {offset}");
                chunks.Add(new PngChunk(type, data));
                offset += 12 + length;
            }

            Assert.AreEqual(png.Length, offset, "chunks end exactly at the end of the file");
            Assert.AreEqual("IHDR", chunks[0].Type);
            Assert.AreEqual("IEND", chunks[^1].Type);
            return chunks;
        }

        public static uint ReadUInt32(byte[] data, int offset) =>
            ((uint)data[offset] << 24) | ((uint)data[offset + 1] << 16) | ((uint)data[offset + 2] << 8) | data[offset + 3];

        /// <summary>Inflates zlib data and strips the filter byte (which must be 0) from each of <paramref name="height"/> rows.</summary>
        public static byte[] Unfilter(byte[] zlibData, int height, int rowBytes)
        {
            using var input = new ZLibStream(new MemoryStream(zlibData), CompressionMode.Decompress);
            using var raw = new MemoryStream();
            input.CopyTo(raw);
            byte[] bytes = raw.ToArray();
            Assert.AreEqual(height * (rowBytes + 1), bytes.Length, "inflated size");
            var pixels = new byte[height * rowBytes];
            for (int y = 0; y < height; y++)
            {
                Assert.AreEqual(0, bytes[y * (rowBytes + 1)], $"filter type of row {y}");
                Array.Copy(bytes, (y * (rowBytes + 1)) + 1, pixels, y * rowBytes, rowBytes);
            }

            return pixels;
        }

        /// <summary>CRC-32 (ISO 3309) computed one bit at a time.</summary>
        private static uint BitwiseCrc(ReadOnlySpan<byte> data)
        {
            uint crc = 0xFFFFFFFF;
            foreach (byte b in data)
            {
                crc ^= b;
                for (int i = 0; i < 8; i++)
                {
                    crc = (crc & 1) == 1 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
