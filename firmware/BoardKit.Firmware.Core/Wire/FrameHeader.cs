namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Structured header of one frame (docs/protocol.md, "Frame"). Mutable and reusable: a decoder fills a
    /// caller-owned instance, so decoding allocates nothing. The palette array is allocated once (16 entries).
    /// </summary>
    public sealed class FrameHeader
    {
        /// <summary>Pixel format: a <see cref="PixelFormat"/> value (1, 2, 4 or 24).</summary>
        public int Format { get; set; }

        /// <summary>Width in pixels, 1..WireLimits.MaxStripWidth (1..MaxPanelWidth where a whole frame is shown).</summary>
        public int Width { get; set; }

        /// <summary>Height in pixels, 1..WireLimits.MaxHeight.</summary>
        public int Height { get; set; }

        /// <summary>
        /// Decoder: true when the frame was sent run-length compressed. Encoder: ignored (the encoder decides; see
        /// FrameCodec.Encode's allowCompression).
        /// </summary>
        public bool Compressed { get; set; }

        /// <summary>Palette as R,G,B bytes; entries used = PaletteEntries(Format). Owned by this header, 48 bytes.</summary>
        public byte[] Palette { get; } = new byte[WireLimits.MaxPaletteEntries * 3];

        /// <summary>Decoder: bytes of pixel data on the wire (after the header).</summary>
        public int DataLength { get; set; }

        /// <summary>Decoder: total bytes the frame occupies on the wire (header, palette, length, data).</summary>
        public int EncodedLength { get; set; }

        /// <summary>Sets palette entry <paramref name="index"/> to the given colour.</summary>
        public void SetPaletteEntry(int index, byte red, byte green, byte blue)
        {
            Palette[index * 3] = red;
            Palette[index * 3 + 1] = green;
            Palette[index * 3 + 2] = blue;
        }

        /// <summary>Sets format and size in one call and returns this header.</summary>
        public FrameHeader Set(int format, int width, int height)
        {
            Format = format;
            Width = width;
            Height = height;
            return this;
        }

        /// <summary>Copies every field of <paramref name="other"/> into this header.</summary>
        public void CopyFrom(FrameHeader other)
        {
            Format = other.Format;
            Width = other.Width;
            Height = other.Height;
            Compressed = other.Compressed;
            DataLength = other.DataLength;
            EncodedLength = other.EncodedLength;
            for (int i = 0; i < Palette.Length; i++)
            {
                Palette[i] = other.Palette[i];
            }
        }
    }
}
