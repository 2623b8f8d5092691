using System;
using BenchmarkDotNet.Attributes;
using BoardKit.Gateway.Imaging;
using SkiaSharp;

namespace BoardKit.Bench
{
    /// <summary>Decode + scale + quantise of a 12-megapixel JPEG (4000x3000, quality 85) to 64x32 and 128x64, the
    /// whole path of <c>boardkit render --image</c> with automatic colours and error diffusion.</summary>
    [MemoryDiagnoser]
    public class PictureBenchmarks
    {
        private byte[] jpeg = Array.Empty<byte>();

        /// <summary>Target panel, WIDTHxHEIGHT.</summary>
        [Params("64x32", "128x64")]
        public string Panel { get; set; } = "64x32";

        /// <summary>Makes the JPEG once.</summary>
        [GlobalSetup]
        public void Setup() => jpeg = SamplePictures.Jpeg12Mp();

        /// <summary>Decode only.</summary>
        [Benchmark]
        public int Decode() => ImageDecoder.Decode(jpeg).Width;

        /// <summary>Decode, scale, choose the format, quantise.</summary>
        [Benchmark]
        public int DecodeScaleQuantise()
        {
            string[] p = Panel.Split('x');
            return PictureRenderer.Render(ImageDecoder.Decode(jpeg), int.Parse(p[0]), int.Parse(p[1])).Bitmap.Palette.Length;
        }
    }

    /// <summary>The pictures the benchmarks and the size report use.</summary>
    public static class SamplePictures
    {
        /// <summary>A photo-like 4000x3000 picture (gradients, a disc, fine grain) as a quality-85 JPEG (~2–4 MB).</summary>
        public static byte[] Jpeg12Mp() => Jpeg(4000, 3000);

        /// <summary>The photo-like picture at <paramref name="width"/> x <paramref name="height"/> as a quality-85 JPEG.</summary>
        public static byte[] Jpeg(int width, int height)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            var pixels = new byte[width * height * 4];
            var random = new Random(12);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    double u = (double)x / width, v = (double)y / height;
                    double r = 0.5 + (0.5 * Math.Sin((u * 6) + (v * 2)));
                    double g = 0.5 + (0.5 * Math.Sin((v * 5) - (u * 3) + 1));
                    double b = 0.5 + (0.5 * Math.Cos((u * 4 * v) + 2));
                    if (((u - 0.3) * (u - 0.3)) + ((v - 0.5) * (v - 0.5)) < 0.04)
                    {
                        r = 0.95; g = 0.85; b = 0.2;
                    }

                    double grain = (random.NextDouble() - 0.5) * 0.08;
                    int i = ((y * width) + x) * 4;
                    pixels[i] = (byte)(Math.Clamp(r + grain, 0, 1) * 255);
                    pixels[i + 1] = (byte)(Math.Clamp(g + grain, 0, 1) * 255);
                    pixels[i + 2] = (byte)(Math.Clamp(b + grain, 0, 1) * 255);
                    pixels[i + 3] = 255;
                }
            }

            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
            using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
            return data.ToArray();
        }
    }
}
