using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Preview
{
    /// <summary>
    /// Writes animated PNGs (APNG 1.0): acTL, then per frame an fcTL and its image data (IDAT for the first frame, so
    /// viewers without APNG support show it, unless a separate still image is given; fdAT after that). fcTL and fdAT share one sequence counter from 0.
    /// Every frame is full-size and replaces the previous one (dispose none, blend source).
    /// </summary>
    public static class ApngWriter
    {
        /// <summary>Encodes <paramref name="frames"/> as an 8-bit palette APNG.</summary>
        /// <param name="frames">1 or more frames, all the same size and the same palette (the first frame's is written).</param>
        /// <param name="delayMs">How long each frame shows, in milliseconds (1–65535).</param>
        /// <param name="plays">Times to play the animation; 0 = loop for ever (default).</param>
        /// <param name="defaultImage">Optional still image, same size and palette, that viewers without APNG support
        /// show instead of the first frame (written as IDAT outside the animation). Null = the first frame is the still.</param>
        /// <returns>The whole APNG file.</returns>
        public static byte[] Encode(IReadOnlyList<IndexedBitmap> frames, int delayMs, int plays = 0, IndexedBitmap? defaultImage = null)
        {
            ArgumentNullException.ThrowIfNull(frames);
            if (frames.Count == 0)
            {
                throw new ArgumentException("An animation needs at least one frame.", nameof(frames));
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(delayMs, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(delayMs, ushort.MaxValue);
            ArgumentOutOfRangeException.ThrowIfNegative(plays);
            IndexedBitmap first = frames[0];
            var all = new List<IndexedBitmap>(frames);
            if (defaultImage is not null)
            {
                all.Add(defaultImage);
            }

            foreach (IndexedBitmap frame in all)
            {
                if (frame.Width != first.Width || frame.Height != first.Height || !frame.Palette.AsSpan().SequenceEqual(first.Palette))
                {
                    throw new ArgumentException("All frames must have the size and palette of the first.", nameof(frames));
                }
            }

            using var png = new MemoryStream();
            png.Write(PngWriter.Signature);
            PngWriter.WriteChunk(png, "IHDR", PngWriter.IndexedHeader(first.Width, first.Height));

            var actl = new byte[8];
            BinaryPrimitives.WriteInt32BigEndian(actl.AsSpan(0), frames.Count);
            BinaryPrimitives.WriteInt32BigEndian(actl.AsSpan(4), plays);
            PngWriter.WriteChunk(png, "acTL", actl);
            PngWriter.WriteChunk(png, "PLTE", PngWriter.Plte(first.Palette));

            if (defaultImage is not null)
            {
                // IDAT without an fcTL before it is the still image only, not part of the animation.
                PngWriter.WriteChunk(png, "IDAT", PngWriter.CompressIndexed(defaultImage));
            }

            int sequence = 0;
            for (int i = 0; i < frames.Count; i++)
            {
                PngWriter.WriteChunk(png, "fcTL", FrameControl(sequence++, first.Width, first.Height, delayMs));
                byte[] data = PngWriter.CompressIndexed(frames[i]);
                if (i == 0 && defaultImage is null)
                {
                    PngWriter.WriteChunk(png, "IDAT", data);
                }
                else
                {
                    var fdat = new byte[data.Length + 4];
                    BinaryPrimitives.WriteInt32BigEndian(fdat, sequence++);
                    data.CopyTo(fdat, 4);
                    PngWriter.WriteChunk(png, "fdAT", fdat);
                }
            }

            PngWriter.WriteChunk(png, "IEND", ReadOnlySpan<byte>.Empty);
            return png.ToArray();
        }

        /// <summary>fcTL payload (26 bytes): sequence, width, height, x and y offset 0, delay as milliseconds over 1000,
        /// dispose_op 0 (none), blend_op 0 (source).</summary>
        private static byte[] FrameControl(int sequence, int width, int height, int delayMs)
        {
            var fctl = new byte[26];
            BinaryPrimitives.WriteInt32BigEndian(fctl.AsSpan(0), sequence);
            BinaryPrimitives.WriteInt32BigEndian(fctl.AsSpan(4), width);
            BinaryPrimitives.WriteInt32BigEndian(fctl.AsSpan(8), height);
            BinaryPrimitives.WriteUInt16BigEndian(fctl.AsSpan(20), (ushort)delayMs);
            BinaryPrimitives.WriteUInt16BigEndian(fctl.AsSpan(22), 1000);
            return fctl;
        }
    }
}
