namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Encodes and decodes one frame's header and data (docs/protocol.md 6.1); the pixel packing is
    /// <see cref="PixelPacking"/>'s and the run-length code <see cref="RunLength"/>'s:
    /// <code>
    /// 0     1   format (PixelFormat: 1, 2, 4, 24)
    /// 1     1   flags: bit 0 = pixel data is run-length compressed; bits 1-7 reserved, must be 0
    /// 2     2   width, pixels (big-endian)
    /// 4     2   height, pixels
    /// 6     3P  palette, P = 2 / 4 / 16 / 0 entries of R,G,B
    /// 6+3P  2   data length, bytes
    /// 8+3P  n   pixel data: raw packed pixels, or the run-length stream
    /// </code>
    /// No method allocates; none throws on any input.
    /// </summary>
    public static class FrameCodec
    {
        /// <summary>Flags bit 0: pixel data is run-length compressed.</summary>
        public const int FlagCompressed = 0x01;

        /// <summary>Header bytes without palette: format, flags, width, height, data length.</summary>
        public const int FixedHeaderSize = 8;

        /// <summary>Header size on the wire for <paramref name="format"/> (8 + 3 x palette entries).</summary>
        public static int HeaderSize(int format)
        {
            return FixedHeaderSize + 3 * PixelPacking.PaletteEntries(format);
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
            int bpp = PixelPacking.BitsPerPixel(format);
            if (bpp == 0)
            {
                return -WireError.BadPixelFormat;
            }

            if (header.Width < 1 || header.Width > WireLimits.MaxStripWidth || header.Height < 1 || header.Height > WireLimits.MaxHeight)
            {
                return -WireError.BadDimensions;
            }

            int raw = PixelPacking.RawLength(format, header.Width, header.Height);
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
                int packed = RunLength.Pack(pixels, raw, unit, null, 0);
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
            int paletteBytes = 3 * PixelPacking.PaletteEntries(format);
            for (int i = 0; i < paletteBytes; i++)
            {
                dest[p + i] = header.Palette[i];
            }

            p += paletteBytes;
            BigEndian.WriteUInt16(dest, p, dataLength);
            p += 2;
            if (compress)
            {
                RunLength.Pack(pixels, raw, unit, dest, p);
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
            int bpp = PixelPacking.BitsPerPixel(format);
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

            int raw = PixelPacking.RawLength(format, width, height);
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
            return TryDecode(src, offset, length, maxWidth, header, pixelsOut, 0, out errorCode);
        }

        /// <summary>
        /// As <see cref="TryDecode(byte[], int, int, int, FrameHeader, byte[], out int)"/>, writing the packed pixels
        /// from pixelsOut[<paramref name="pixelsOffset"/>] on (0 or more; BufferTooSmall unless the raw size fits after
        /// it): a board holds the still frame and the strip of a scroll beside a still frame in one buffer, one after
        /// the other.
        /// </summary>
        public static bool TryDecode(byte[] src, int offset, int length, int maxWidth, FrameHeader header, byte[]? pixelsOut, int pixelsOffset, out int errorCode)
        {
            if (!TryReadHeader(src, offset, length, maxWidth, header, out errorCode))
            {
                return false;
            }

            int raw = PixelPacking.RawLength(header.Format, header.Width, header.Height);
            if (pixelsOut != null && (pixelsOffset < 0 || pixelsOffset > pixelsOut.Length || pixelsOut.Length - pixelsOffset < raw))
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
                        pixelsOut[pixelsOffset + i] = src[dataStart + i];
                    }
                }

                errorCode = WireError.None;
                return true;
            }

            int unit = header.Format == (int)PixelFormat.Rgb888 ? 3 : 1;
            if (!RunLength.Unpack(src, dataStart, header.DataLength, unit, pixelsOut, pixelsOffset, raw))
            {
                errorCode = WireError.BadCompression;
                return false;
            }

            errorCode = WireError.None;
            return true;
        }
    }
}
