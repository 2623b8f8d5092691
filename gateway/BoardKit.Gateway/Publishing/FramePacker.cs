using System;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>A frame ready for <see cref="FrameCodec.Encode"/>: header plus packed pixels.</summary>
    /// <param name="Header">Format, size and palette.</param>
    /// <param name="Pixels">Packed pixels, exactly <see cref="PixelPacking.RawLength"/> bytes.</param>
    public sealed record PackedFrame(FrameHeader Header, byte[] Pixels);

    /// <summary>
    /// Converts between rendered <see cref="IndexedBitmap"/>s and wire frames (header + packed pixels, docs/protocol.md
    /// "Pixel formats"): the gateway packs what it rendered; previews unpack what a board decoded.
    /// </summary>
    public static class FramePacker
    {
        /// <summary>Packs <paramref name="bitmap"/> in the smallest format for its palette (<see cref="RenderResult.SmallestFormat"/>).</summary>
        public static PackedFrame Pack(IndexedBitmap bitmap) => Pack(bitmap, RenderResult.SmallestFormat(bitmap.Palette.Length));

        /// <summary>
        /// Packs <paramref name="bitmap"/> in <paramref name="format"/>. Unused palette entries are black.
        /// Throws <see cref="ArgumentException"/> when the palette has more colours than the format carries or a pixel
        /// refers past the palette, and when the bitmap is larger than a wire frame may be.
        /// </summary>
        public static PackedFrame Pack(IndexedBitmap bitmap, PixelFormat format)
        {
            ArgumentNullException.ThrowIfNull(bitmap);
            int f = (int)format;
            int entries = PixelPacking.PaletteEntries(f);
            if (PixelPacking.BitsPerPixel(f) == 0)
            {
                throw new ArgumentException($"Unknown pixel format {format}.", nameof(format));
            }

            if (format != PixelFormat.Rgb888 && bitmap.Palette.Length > entries)
            {
                throw new ArgumentException(
                    $"{format} carries {entries} colours; the bitmap has {bitmap.Palette.Length}.", nameof(format));
            }

            if (bitmap.Width > WireLimits.MaxStripWidth || bitmap.Height > WireLimits.MaxHeight)
            {
                throw new ArgumentException(
                    $"A wire frame is at most {WireLimits.MaxStripWidth}x{WireLimits.MaxHeight} px; the bitmap is {bitmap.Width}x{bitmap.Height}.",
                    nameof(bitmap));
            }

            var header = new FrameHeader().Set(f, bitmap.Width, bitmap.Height);
            for (int i = 0; i < entries && i < bitmap.Palette.Length; i++)
            {
                uint c = bitmap.Palette[i];
                header.SetPaletteEntry(i, (byte)(c >> 16), (byte)(c >> 8), (byte)c);
            }

            var pixels = new byte[PixelPacking.RawLength(f, bitmap.Width, bitmap.Height)];
            for (int y = 0; y < bitmap.Height; y++)
            {
                for (int x = 0; x < bitmap.Width; x++)
                {
                    int index = bitmap[x, y];
                    if (index >= bitmap.Palette.Length)
                    {
                        throw new ArgumentException(
                            $"Pixel ({x}, {y}) uses palette index {index}; the palette has {bitmap.Palette.Length} colours.", nameof(bitmap));
                    }

                    int value = format == PixelFormat.Rgb888 ? (int)(bitmap.Palette[index] & 0xFFFFFF) : index;
                    PixelPacking.SetPixel(f, bitmap.Width, pixels, x, y, value);
                }
            }

            return new PackedFrame(header, pixels);
        }

        /// <summary>
        /// Unpacks a decoded wire frame back into an <see cref="IndexedBitmap"/> (what a board shows), e.g. for previews.
        /// Rgb888 frames get a palette built from their distinct colours (at most 256, else throws).
        /// </summary>
        public static IndexedBitmap Unpack(FrameHeader header, byte[] pixels)
        {
            ArgumentNullException.ThrowIfNull(header);
            ArgumentNullException.ThrowIfNull(pixels);
            int f = header.Format;
            int entries = PixelPacking.PaletteEntries(f);
            if (f == (int)PixelFormat.Rgb888)
            {
                var colours = new System.Collections.Generic.Dictionary<uint, byte>();
                var indices = new byte[header.Width * header.Height];
                for (int y = 0; y < header.Height; y++)
                {
                    for (int x = 0; x < header.Width; x++)
                    {
                        uint c = (uint)PixelPacking.GetPixel(f, header.Width, pixels, x, y);
                        if (!colours.TryGetValue(c, out byte index))
                        {
                            if (colours.Count == 256)
                            {
                                throw new ArgumentException("The frame has more than 256 colours.", nameof(pixels));
                            }

                            index = (byte)colours.Count;
                            colours.Add(c, index);
                        }

                        indices[(y * header.Width) + x] = index;
                    }
                }

                var palette = new uint[Math.Max(1, colours.Count)];
                foreach (var pair in colours)
                {
                    palette[pair.Value] = pair.Key;
                }

                var rgb = new IndexedBitmap(header.Width, header.Height, palette);
                indices.CopyTo(rgb.Pixels, 0);
                return rgb;
            }

            var paletteColours = new uint[entries];
            for (int i = 0; i < entries; i++)
            {
                paletteColours[i] = ((uint)header.Palette[i * 3] << 16) | ((uint)header.Palette[(i * 3) + 1] << 8) | header.Palette[(i * 3) + 2];
            }

            var bitmap = new IndexedBitmap(header.Width, header.Height, paletteColours);
            for (int y = 0; y < header.Height; y++)
            {
                for (int x = 0; x < header.Width; x++)
                {
                    bitmap[x, y] = (byte)PixelPacking.GetPixel(f, header.Width, pixels, x, y);
                }
            }

            return bitmap;
        }
    }
}
