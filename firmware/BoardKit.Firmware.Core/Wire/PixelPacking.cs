namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// How a frame's pixels are packed (docs/protocol.md 6.2): bits per pixel and palette size of each
    /// <see cref="PixelFormat"/>, the raw size, and reading or writing one pixel. Pixels are row-major from the top-left,
    /// one continuous bit string, each byte filled from its most significant bit; rows are not padded. Rgb888 is 3 bytes
    /// R, G, B per pixel. Nothing here allocates or throws on valid arguments; callers check bounds.
    /// </summary>
    public static class PixelPacking
    {
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
    }
}
