namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Encodes and decodes one frame (docs/protocol.md, "Frame"):
    /// <code>
    /// 0     1   format (PixelFormat: 1, 2, 4, 24)
    /// 1     1   flags: bit 0 = pixel data is run-length compressed; bits 1-7 reserved, must be 0
    /// 2     2   width, pixels (big-endian)
    /// 4     2   height, pixels
    /// 6     3P  palette, P = 2 / 4 / 16 / 0 entries of R,G,B
    /// 6+3P  2   data length, bytes
    /// 8+3P  n   pixel data: raw packed pixels, or the run-length stream
    /// </code>
    /// Pixels are packed row-major from the top-left, each byte filled from its most significant bit, rows not padded.
    /// Run-length stream: units are 1 byte of packed pixels (Mono1, Palette2, Palette4) or 3 bytes = one pixel
    /// (Rgb888). Control byte c: c &lt; 0x80: c+1 literal units follow; c &gt;= 0x80: the next unit repeats (c - 0x80) + 2
    /// times. The stream must expand to exactly the raw size and be consumed exactly.
    /// No method allocates; none throws on any input.
    /// </summary>
    public static class FrameCodec
    {
        /// <summary>Flags bit 0: pixel data is run-length compressed.</summary>
        public const int FlagCompressed = 0x01;

        /// <summary>Header bytes without palette: format, flags, width, height, data length.</summary>
        public const int FixedHeaderSize = 8;

        /// <summary>Longest literal or run in one control byte (128 literal units, 129 repeated units).</summary>
        public const int MaxLiteral = 128;

        /// <summary>Longest run in one control byte.</summary>
        public const int MaxRun = 129;

        /// <summary>Bits per pixel of <paramref name="format"/>, or 0 if it is not a known PixelFormat.</summary>
        public static int BitsPerPixel(int format)
        {
            switch (format)
            {
                case (int)PixelFormat.Mono1: return 1;
                case (int)PixelFormat.Palette2: return 2;
                case (int)PixelFormat.Palette4: return 4;
                case (int)PixelFormat.Rgb888: return 24;
                default: return 0;
            }
        }

        /// <summary>Palette entries carried in the header for <paramref name="format"/> (2, 4, 16, or 0 for Rgb888).</summary>
        public static int PaletteEntries(int format)
        {
            switch (format)
            {
                case (int)PixelFormat.Mono1: return 2;
                case (int)PixelFormat.Palette2: return 4;
                case (int)PixelFormat.Palette4: return 16;
                default: return 0;
            }
        }

        /// <summary>Bytes of packed pixels for the given format and size: ceil(width x height x bpp / 8). 0 for an unknown format.</summary>
        public static int RawLength(int format, int width, int height)
        {
            int bpp = BitsPerPixel(format);
            return (width * height * bpp + 7) / 8;
        }

        /// <summary>Header size on the wire for <paramref name="format"/> (8 + 3 x palette entries).</summary>
        public static int HeaderSize(int format)
        {
            return FixedHeaderSize + 3 * PaletteEntries(format);
        }

        /// <summary>
        /// Reads pixel (x, y) of packed pixels: the palette index for palette formats, or 0xRRGGBB for Rgb888.
        /// The caller checks that x and y are inside the frame.
        /// </summary>
        public static int GetPixel(int format, int width, byte[] pixels, int x, int y)
        {
            int bpp = BitsPerPixel(format);
            int index = y * width + x;
            if (bpp == 24)
            {
                int p = index * 3;
                return (pixels[p] << 16) | (pixels[p + 1] << 8) | pixels[p + 2];
            }

            int bit = index * bpp;
            int shift = 8 - bpp - (bit & 7);
            return (pixels[bit >> 3] >> shift) & ((1 << bpp) - 1);
        }

        /// <summary>Writes pixel (x, y) into packed pixels (see <see cref="GetPixel"/> for the value). The caller checks bounds.</summary>
        public static void SetPixel(int format, int width, byte[] pixels, int x, int y, int value)
        {
            int bpp = BitsPerPixel(format);
            int index = y * width + x;
            if (bpp == 24)
            {
                int p = index * 3;
                pixels[p] = (byte)(value >> 16);
                pixels[p + 1] = (byte)(value >> 8);
                pixels[p + 2] = (byte)value;
                return;
            }

            int bit = index * bpp;
            int shift = 8 - bpp - (bit & 7);
            int mask = ((1 << bpp) - 1) << shift;
            pixels[bit >> 3] = (byte)((pixels[bit >> 3] & ~mask) | ((value << shift) & mask));
        }

        /// <summary>
        /// Encodes a frame into dest at destOffset and returns the bytes written, or a negated WireError
        /// (BadPixelFormat, BadDimensions, BadArgument when pixelsLength is not the raw length, BufferTooSmall).
        /// With <paramref name="allowCompression"/> the run-length form is used when it is strictly smaller than raw.
        /// Padding bits in the last byte are written as given; senders should leave them 0.
        /// </summary>
        public static int Encode(FrameHeader header, byte[] pixels, int pixelsLength, byte[] dest, int destOffset, bool allowCompression)
        {
            int format = header.Format;
            int bpp = BitsPerPixel(format);
            if (bpp == 0)
            {
                return -WireError.BadPixelFormat;
            }

            if (header.Width < 1 || header.Width > WireLimits.MaxStripWidth || header.Height < 1 || header.Height > WireLimits.MaxHeight)
            {
                return -WireError.BadDimensions;
            }

            int raw = RawLength(format, header.Width, header.Height);
            if (raw > WireLimits.MaxFrameRawBytes)
            {
                return -WireError.TooLarge;
            }

            if (pixelsLength != raw || pixels.Length < raw)
            {
                return -WireError.BadArgument;
            }

            int unit = bpp == 24 ? 3 : 1;
            int dataLength = raw;
            bool compress = false;
            if (allowCompression)
            {
                int packed = PackRuns(pixels, raw, unit, null, 0);
                if (packed < raw)
                {
                    compress = true;
                    dataLength = packed;
                }
            }

            int headerSize = HeaderSize(format);
            if (destOffset < 0 || destOffset > dest.Length || dest.Length - destOffset < headerSize + dataLength)
            {
                return -WireError.BufferTooSmall;
            }

            int p = destOffset;
            dest[p] = (byte)format;
            dest[p + 1] = (byte)(compress ? FlagCompressed : 0);
            BigEndian.WriteUInt16(dest, p + 2, header.Width);
            BigEndian.WriteUInt16(dest, p + 4, header.Height);
            p += 6;
            int paletteBytes = 3 * PaletteEntries(format);
            for (int i = 0; i < paletteBytes; i++)
            {
                dest[p + i] = header.Palette[i];
            }

            p += paletteBytes;
            BigEndian.WriteUInt16(dest, p, dataLength);
            p += 2;
            if (compress)
            {
                PackRuns(pixels, raw, unit, dest, p);
            }
            else
            {
                for (int i = 0; i < raw; i++)
                {
                    dest[p + i] = pixels[i];
                }
            }

            return headerSize + dataLength;
        }

        /// <summary>
        /// Reads and checks a frame header at src[offset..offset+length) without touching the pixel data beyond its
        /// declared length: format, reserved flags, dimensions (width up to <paramref name="maxWidth"/>), raw size limit,
        /// data length against the remaining bytes and, for raw frames, against the raw size. Fills
        /// <paramref name="header"/> including EncodedLength. Use it to size the pixel buffer before TryDecode.
        /// </summary>
        public static bool TryReadHeader(byte[] src, int offset, int length, int maxWidth, FrameHeader header, out int errorCode)
        {
            if (offset < 0 || length < 0 || offset > src.Length || src.Length - offset < length)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            if (length < 6)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            int format = src[offset];
            int bpp = BitsPerPixel(format);
            if (bpp == 0)
            {
                errorCode = WireError.BadPixelFormat;
                return false;
            }

            int flags = src[offset + 1];
            if ((flags & ~FlagCompressed) != 0)
            {
                errorCode = WireError.ReservedBitsSet;
                return false;
            }

            int width = BigEndian.ReadUInt16(src, offset + 2);
            int height = BigEndian.ReadUInt16(src, offset + 4);
            if (width < 1 || width > maxWidth || width > WireLimits.MaxStripWidth || height < 1 || height > WireLimits.MaxHeight)
            {
                errorCode = WireError.BadDimensions;
                return false;
            }

            int raw = RawLength(format, width, height);
            if (raw > WireLimits.MaxFrameRawBytes)
            {
                errorCode = WireError.TooLarge;
                return false;
            }

            int headerSize = HeaderSize(format);
            if (length < headerSize)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            int dataLength = BigEndian.ReadUInt16(src, offset + headerSize - 2);
            if (dataLength > length - headerSize)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            bool compressed = (flags & FlagCompressed) != 0;
            if (!compressed && dataLength != raw)
            {
                errorCode = WireError.BadFrameLength;
                return false;
            }

            if (compressed && dataLength == 0)
            {
                errorCode = WireError.BadCompression;
                return false;
            }

            header.Format = format;
            header.Width = width;
            header.Height = height;
            header.Compressed = compressed;
            int paletteBytes = headerSize - FixedHeaderSize;
            for (int i = 0; i < header.Palette.Length; i++)
            {
                header.Palette[i] = i < paletteBytes ? src[offset + 6 + i] : (byte)0;
            }

            header.DataLength = dataLength;
            header.EncodedLength = headerSize + dataLength;
            errorCode = WireError.None;
            return true;
        }

        /// <summary>
        /// Decodes one frame at src[offset..offset+length) into <paramref name="pixelsOut"/> (packed, row-major,
        /// RawLength bytes from index 0) and fills <paramref name="header"/>. Bytes after the frame are not read;
        /// header.EncodedLength tells how many were used. With <paramref name="pixelsOut"/> null the frame is only
        /// validated (the run-length stream is walked without output). Width is limited to WireLimits.MaxStripWidth;
        /// callers that show a whole frame also check WireLimits.MaxPanelWidth. Returns false with a WireError code on
        /// any malformed input (including a pixel buffer smaller than the raw size: BufferTooSmall); never throws.
        /// </summary>
        public static bool TryDecode(byte[] src, int offset, int length, FrameHeader header, byte[]? pixelsOut, out int errorCode)
        {
            return TryDecode(src, offset, length, WireLimits.MaxStripWidth, header, pixelsOut, out errorCode);
        }

        /// <summary>As <see cref="TryDecode(byte[], int, int, FrameHeader, byte[], out int)"/> with an explicit width limit.</summary>
        public static bool TryDecode(byte[] src, int offset, int length, int maxWidth, FrameHeader header, byte[]? pixelsOut, out int errorCode)
        {
            if (!TryReadHeader(src, offset, length, maxWidth, header, out errorCode))
            {
                return false;
            }

            int raw = RawLength(header.Format, header.Width, header.Height);
            if (pixelsOut != null && pixelsOut.Length < raw)
            {
                errorCode = WireError.BufferTooSmall;
                return false;
            }

            int dataStart = offset + HeaderSize(header.Format);
            if (!header.Compressed)
            {
                if (pixelsOut != null)
                {
                    for (int i = 0; i < raw; i++)
                    {
                        pixelsOut[i] = src[dataStart + i];
                    }
                }

                errorCode = WireError.None;
                return true;
            }

            int unit = header.Format == (int)PixelFormat.Rgb888 ? 3 : 1;
            if (!UnpackRuns(src, dataStart, header.DataLength, unit, pixelsOut, raw))
            {
                errorCode = WireError.BadCompression;
                return false;
            }

            errorCode = WireError.None;
            return true;
        }

        /// <summary>
        /// Expands a run-length stream src[offset..offset+count) of units of <paramref name="unit"/> bytes into
        /// exactly <paramref name="rawLength"/> bytes of dest (or only checks it when dest is null). False if the stream
        /// would write past rawLength, ends inside a control's data, or stops short of rawLength.
        /// </summary>
        public static bool UnpackRuns(byte[] src, int offset, int count, int unit, byte[]? dest, int rawLength)
        {
            int end = offset + count;
            int p = offset;
            int o = 0;
            while (p < end)
            {
                int c = src[p++];
                if (c < 0x80)
                {
                    int n = (c + 1) * unit;
                    if (n > end - p || n > rawLength - o)
                    {
                        return false;
                    }

                    if (dest != null)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            dest[o + i] = src[p + i];
                        }
                    }

                    p += n;
                    o += n;
                }
                else
                {
                    int repeats = (c - 0x80) + 2;
                    if (unit > end - p || repeats * unit > rawLength - o)
                    {
                        return false;
                    }

                    if (dest != null)
                    {
                        for (int r = 0; r < repeats; r++)
                        {
                            for (int i = 0; i < unit; i++)
                            {
                                dest[o + i] = src[p + i];
                            }

                            o += unit;
                        }
                    }
                    else
                    {
                        o += repeats * unit;
                    }

                    p += unit;
                }
            }

            return o == rawLength;
        }

        /// <summary>
        /// Compresses src[0..rawLength) (a whole number of units) into dest at destOffset and returns the stream length;
        /// with dest null only measures. Greedy: a run of 2+ equal units is emitted as a run, except a run of exactly 2
        /// inside a literal, which stays literal (same size, fewer control bytes). The caller sizes dest with a
        /// measuring call first. Decoders accept any valid stream; this choice is not part of the protocol.
        /// </summary>
        public static int PackRuns(byte[] src, int rawLength, int unit, byte[]? dest, int destOffset)
        {
            int units = rawLength / unit;
            int o = destOffset;
            int i = 0;
            int literalStart = -1;
            while (i < units)
            {
                int run = 1;
                while (i + run < units && run < MaxRun && UnitsEqual(src, i * unit, (i + run) * unit, unit))
                {
                    run++;
                }

                bool inLiteral = literalStart >= 0;
                if (run >= 3 || (run == 2 && !inLiteral))
                {
                    if (inLiteral)
                    {
                        o = EmitLiteral(src, literalStart, i - literalStart, unit, dest, o);
                        literalStart = -1;
                    }

                    if (dest != null)
                    {
                        dest[o] = (byte)(0x80 + run - 2);
                        for (int b = 0; b < unit; b++)
                        {
                            dest[o + 1 + b] = src[i * unit + b];
                        }
                    }

                    o += 1 + unit;
                    i += run;
                }
                else
                {
                    if (!inLiteral)
                    {
                        literalStart = i;
                    }

                    i++;
                    if (i - literalStart == MaxLiteral)
                    {
                        o = EmitLiteral(src, literalStart, MaxLiteral, unit, dest, o);
                        literalStart = -1;
                    }
                }
            }

            if (literalStart >= 0)
            {
                o = EmitLiteral(src, literalStart, units - literalStart, unit, dest, o);
            }

            return o - destOffset;
        }

        private static int EmitLiteral(byte[] src, int firstUnit, int count, int unit, byte[]? dest, int o)
        {
            if (dest != null)
            {
                dest[o] = (byte)(count - 1);
                int n = count * unit;
                int s = firstUnit * unit;
                for (int b = 0; b < n; b++)
                {
                    dest[o + 1 + b] = src[s + b];
                }
            }

            return o + 1 + count * unit;
        }

        private static bool UnitsEqual(byte[] src, int a, int b, int unit)
        {
            for (int i = 0; i < unit; i++)
            {
                if (src[a + i] != src[b + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
