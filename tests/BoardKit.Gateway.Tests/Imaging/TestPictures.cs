using System;
using SkiaSharp;

namespace BoardKit.Gateway.Tests.Imaging
{
    /// <summary>Pictures made in the tests: RGBA arrays and files encoded with SkiaSharp.</summary>
    internal static class TestPictures
    {
        /// <summary>R, G, B, A bytes of a picture whose pixel (x, y) is <paramref name="colour"/>(x, y) as 0xAARRGGBB.</summary>
        public static byte[] Rgba(int width, int height, Func<int, int, uint> colour)
        {
            var rgba = new byte[width * height * 4];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    uint c = colour(x, y);
                    int i = ((y * width) + x) * 4;
                    rgba[i] = (byte)(c >> 16);
                    rgba[i + 1] = (byte)(c >> 8);
                    rgba[i + 2] = (byte)c;
                    rgba[i + 3] = (byte)(c >> 24);
                }
            }

            return rgba;
        }

        /// <summary>The picture encoded as a file of <paramref name="format"/> (PNG lossless; JPEG at quality 90).</summary>
        public static byte[] Encode(int width, int height, Func<int, int, uint> colour, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    bitmap.SetPixel(x, y, new SKColor(colour(x, y)));
                }
            }

            using SKData data = bitmap.Encode(format, 90);
            return data.ToArray();
        }

        /// <summary>A photo-like picture: smooth colour gradients with a few shapes and fine texture.</summary>
        public static uint Photo(int x, int y, int width, int height)
        {
            double u = (double)x / width, v = (double)y / height;
            double r = 0.5 + (0.5 * Math.Sin((u * 6) + (v * 2)));
            double g = 0.5 + (0.5 * Math.Sin((v * 5) - (u * 3) + 1));
            double b = 0.5 + (0.5 * Math.Cos((u * 4 * v) + 2));
            if (Math.Pow(u - 0.3, 2) + Math.Pow(v - 0.5, 2) < 0.04)
            {
                r = 0.95; g = 0.85; b = 0.2;
            }

            double grain = ((x * 7) + (y * 13)) % 5 / 40.0;
            return 0xFF000000u | ((uint)(Math.Clamp(r + grain, 0, 1) * 255) << 16) | ((uint)(Math.Clamp(g, 0, 1) * 255) << 8) | (uint)(Math.Clamp(b - grain, 0, 1) * 255);
        }
    }
}
