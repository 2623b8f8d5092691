using System;

namespace BoardKit.Gateway.Rendering
{
    /// <summary>
    /// A rendered picture for a panel: one palette index per LED, row-major from the top-left, plus the palette.
    /// This is what the renderer produces and what is packed into a wire frame (see <c>PixelFormat</c>).
    /// </summary>
    public sealed class IndexedBitmap
    {
        /// <summary>Creates a bitmap of <paramref name="width"/> x <paramref name="height"/> pixels, all index 0.</summary>
        /// <param name="width">Width in pixels, 1 or more.</param>
        /// <param name="height">Height in pixels, 1 or more.</param>
        /// <param name="palette">Colours as 0xRRGGBB; 1 to 256 entries. Entry 0 is the background (normally black = LEDs off).</param>
        public IndexedBitmap(int width, int height, uint[] palette)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
            ArgumentNullException.ThrowIfNull(palette);
            if (palette.Length is < 1 or > 256)
            {
                throw new ArgumentException("A palette has 1 to 256 colours.", nameof(palette));
            }

            Width = width;
            Height = height;
            Palette = palette;
            Pixels = new byte[checked(width * height)];
        }

        /// <summary>Width in pixels.</summary>
        public int Width { get; }

        /// <summary>Height in pixels.</summary>
        public int Height { get; }

        /// <summary>Colours as 0xRRGGBB, indexed by the values in <see cref="Pixels"/>. Owned by this bitmap.</summary>
        public uint[] Palette { get; }

        /// <summary>One palette index per pixel, row-major: pixel (x, y) is at <c>y * Width + x</c>. Owned by this bitmap.</summary>
        public byte[] Pixels { get; }

        /// <summary>Palette index at (x, y); both must be inside the bitmap.</summary>
        public byte this[int x, int y]
        {
            get => Pixels[(y * Width) + x];
            set => Pixels[(y * Width) + x] = value;
        }

        /// <summary>Colour at (x, y) as 0xRRGGBB.</summary>
        public uint ColorAt(int x, int y) => Palette[this[x, y]];
    }
}
