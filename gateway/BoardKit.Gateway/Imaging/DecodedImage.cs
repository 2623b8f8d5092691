using System;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// A decoded picture as the viewer sees it: sRGB, 8 bits per channel, unpremultiplied alpha, <see cref="Width"/> x
    /// <see cref="Height"/> after the file's EXIF orientation (a phone photo taken upright is upright here). The pixels
    /// stay in the order the file stored them; the orientation is applied as an index mapping, not a copy.
    /// </summary>
    public sealed class DecodedImage
    {
        private readonly byte[] _rgba;
        private readonly int _offset;
        private readonly int _stepX;
        private readonly int _stepY;

        private DecodedImage(byte[] rgba, int storedWidth, int storedHeight, int origin, string format)
        {
            _rgba = rgba;
            Format = format;
            Origin = origin;

            // EXIF orientation 1-8: displayed (x, y) comes from stored (sx, sy). Orientations 5-8 swap the axes.
            bool swap = origin >= 5;
            Width = swap ? storedHeight : storedWidth;
            Height = swap ? storedWidth : storedHeight;
            int right = 4;
            int down = storedWidth * 4;
            (int sxFromX, int sxFromY, int syFromX, int syFromY, bool flipSx, bool flipSy) = origin switch
            {
                2 => (1, 0, 0, 1, true, false),
                3 => (1, 0, 0, 1, true, true),
                4 => (1, 0, 0, 1, false, true),
                5 => (0, 1, 1, 0, false, false),
                6 => (0, 1, 1, 0, false, true),
                7 => (0, 1, 1, 0, true, true),
                8 => (0, 1, 1, 0, true, false),
                _ => (1, 0, 0, 1, false, false),
            };

            // sx = flipSx ? storedWidth - 1 - u : u, with u = x (or y when swapped); likewise sy.
            int sxSign = flipSx ? -1 : 1;
            int sySign = flipSy ? -1 : 1;
            _offset = ((flipSx ? storedWidth - 1 : 0) * right) + ((flipSy ? storedHeight - 1 : 0) * down);
            _stepX = (sxFromX * sxSign * right) + (syFromX * sySign * down);
            _stepY = (sxFromY * sxSign * right) + (syFromY * sySign * down);
        }

        /// <summary>Width as displayed, px.</summary>
        public int Width { get; }

        /// <summary>Height as displayed, px.</summary>
        public int Height { get; }

        /// <summary>The file's format as SkiaSharp names it ("Png", "Jpeg", "Webp", "Gif", "Bmp"), or "Rgba" for
        /// <see cref="FromRgba"/>.</summary>
        public string Format { get; }

        /// <summary>The EXIF orientation that was applied, 1 (as stored) to 8.</summary>
        public int Origin { get; }

        /// <summary>Pixel (x, y) as displayed, 0xAARRGGBB (sRGB, unpremultiplied).</summary>
        public uint this[int x, int y]
        {
            get
            {
                if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
                {
                    throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside the {Width}x{Height} picture.");
                }

                int i = IndexOf(x, y);
                return ((uint)_rgba[i + 3] << 24) | ((uint)_rgba[i] << 16) | ((uint)_rgba[i + 1] << 8) | _rgba[i + 2];
            }
        }

        /// <summary>A picture from raw pixels: R, G, B, A per pixel (sRGB, unpremultiplied), row-major from the top-left;
        /// the array is used as is, not copied.</summary>
        /// <param name="width">Width in px, 1 or more.</param>
        /// <param name="height">Height in px, 1 or more.</param>
        /// <param name="rgba">Exactly width x height x 4 bytes.</param>
        public static DecodedImage FromRgba(int width, int height, byte[] rgba)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
            ArgumentNullException.ThrowIfNull(rgba);
            if (rgba.LongLength != (long)width * height * 4)
            {
                throw new ArgumentException($"A {width}x{height} picture has {(long)width * height * 4} RGBA bytes, not {rgba.LongLength}.", nameof(rgba));
            }

            return new DecodedImage(rgba, width, height, 1, "Rgba");
        }

        /// <summary>A decoded file's pixels, stored <paramref name="storedWidth"/> x <paramref name="storedHeight"/>,
        /// shown with EXIF <paramref name="origin"/> (1-8).</summary>
        internal static DecodedImage FromStored(byte[] rgba, int storedWidth, int storedHeight, int origin, string format) =>
            new(rgba, storedWidth, storedHeight, origin is >= 1 and <= 8 ? origin : 1, format);

        /// <summary>The stored pixels, for the scaler (read with <see cref="IndexOf"/>).</summary>
        internal byte[] Rgba => _rgba;

        /// <summary>Offset of displayed pixel (x, y)'s R byte in <see cref="Rgba"/>; G, B, A follow.</summary>
        internal int IndexOf(int x, int y) => _offset + (x * _stepX) + (y * _stepY);
    }
}
