using System;
using System.Globalization;
using System.IO;
using SkiaSharp;

namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// Reads picture files with SkiaSharp: PNG, JPEG, WebP, GIF (the first frame) and BMP, as editors send them (phone
    /// photos with an EXIF orientation, embedded colour profiles such as Display P3, grey, palette and 16-bit PNG,
    /// transparency). Every picture comes out as sRGB, 8 bits per channel, upright (<see cref="DecodedImage"/>).
    /// <para>
    /// Limits (<see cref="ImageLimits"/>) are checked before decoding: the length before the file is read, the declared
    /// size from the header alone. A truncated file, damaged data, an unknown format or a decompression bomb is an
    /// <see cref="ImageDecodeException"/> naming the problem, never an out-of-memory or a half-grey picture. Thread-safe.
    /// </para>
    /// </summary>
    public static class ImageDecoder
    {
        /// <summary>Reads and decodes the file at <paramref name="path"/>; its length is checked before it is read.</summary>
        /// <exception cref="ImageDecodeException">Over a limit, empty, unknown, truncated or damaged.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        public static DecodedImage DecodeFile(string path, ImageLimits? limits = null)
        {
            ArgumentNullException.ThrowIfNull(path);
            limits ??= ImageLimits.Default;
            long length = new FileInfo(path).Length;
            CheckLength(length, limits);
            using FileStream stream = File.OpenRead(path);
            return Decode(stream, limits);
        }

        /// <summary>Reads at most <see cref="ImageLimits.MaxFileBytes"/> + 1 bytes of <paramref name="stream"/> and decodes them.</summary>
        /// <exception cref="ImageDecodeException">Over a limit, empty, unknown, truncated or damaged.</exception>
        public static DecodedImage Decode(Stream stream, ImageLimits? limits = null)
        {
            ArgumentNullException.ThrowIfNull(stream);
            limits ??= ImageLimits.Default;
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                CheckLength(buffer.Length, limits);
            }

            return Decode(buffer.ToArray(), limits);
        }

        /// <summary>Decodes <paramref name="file"/>, the whole file's bytes.</summary>
        /// <exception cref="ImageDecodeException">Over a limit, empty, unknown, truncated or damaged.</exception>
        public static DecodedImage Decode(byte[] file, ImageLimits? limits = null)
        {
            ArgumentNullException.ThrowIfNull(file);
            limits ??= ImageLimits.Default;
            CheckLength(file.LongLength, limits);
            if (file.Length == 0)
            {
                throw new ImageDecodeException(ImageError.Empty, "The picture file is empty.");
            }

            // The codec takes ownership of the stream (SkiaSharp revokes the managed handle's ownership).
            var stream = new SKMemoryStream(file);
            using SKCodec? codec = SKCodec.Create(stream, out SKCodecResult opened);
            if (codec is null)
            {
                stream.Dispose();
            }

            if (codec is null)
            {
                throw opened == SKCodecResult.IncompleteInput && KnownSignature(file)
                    ? new ImageDecodeException(ImageError.Truncated, $"The picture file ends inside its header ({N(file.Length)} bytes).")
                    : new ImageDecodeException(ImageError.UnknownFormat,
                        $"The file ({N(file.Length)} bytes) is not a picture the gateway reads: PNG, JPEG, WebP, GIF or BMP.");
            }

            int width = codec.Info.Width;
            int height = codec.Info.Height;
            string format = codec.EncodedFormat.ToString();
            CheckSize(width, height, format, limits);

            var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul, SKColorSpace.CreateSrgb());
            var pixels = new byte[checked(width * height * 4)];
            SKCodecResult result = codec.GetPixels(info, pixels);
            switch (result)
            {
                case SKCodecResult.Success:
                    break;
                case SKCodecResult.IncompleteInput:
                    throw new ImageDecodeException(ImageError.Truncated,
                        $"The {format} picture ({width}x{height} px) is cut off: the file ({N(file.Length)} bytes) ends before its last row. Upload it again.");
                case SKCodecResult.ErrorInInput:
                case SKCodecResult.InvalidInput:
                    throw new ImageDecodeException(ImageError.Corrupt, $"The {format} picture ({width}x{height} px) is damaged: its data cannot be decoded.");
                default:
                    throw new ImageDecodeException(ImageError.Corrupt, $"The {format} picture ({width}x{height} px) cannot be decoded ({result}).");
            }

            return DecodedImage.FromStored(pixels, width, height, (int)codec.EncodedOrigin, format);
        }

        /// <summary>True when the file starts as a PNG, JPEG, GIF, BMP or WebP file does.</summary>
        private static bool KnownSignature(byte[] file)
        {
            ReadOnlySpan<byte> f = file;
            return f.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }) || f.StartsWith(new byte[] { 0xFF, 0xD8 })
                || f.StartsWith("GIF8"u8) || f.StartsWith("BM"u8) || (f.StartsWith("RIFF"u8) && f.Length >= 12 && f[8..12].SequenceEqual("WEBP"u8));
        }

        private static void CheckLength(long length, ImageLimits limits)
        {
            if (length > limits.MaxFileBytes)
            {
                throw new ImageDecodeException(ImageError.FileTooLarge,
                    $"The picture file is {N(length)} bytes or more; the gateway takes at most {N(limits.MaxFileBytes)} bytes. Send a smaller copy.");
            }
        }

        private static void CheckSize(int width, int height, string format, ImageLimits limits)
        {
            if (width < 1 || height < 1)
            {
                throw new ImageDecodeException(ImageError.Corrupt, $"The {format} header declares {width}x{height} px.");
            }

            if (Math.Max(width, height) > limits.MaxSide)
            {
                throw new ImageDecodeException(ImageError.SideTooLong,
                    $"The {format} picture is {N(width)}x{N(height)} px; a side may be at most {N(limits.MaxSide)} px. Nothing was decoded.");
            }

            long pixels = (long)width * height;
            if (pixels > limits.MaxPixels)
            {
                throw new ImageDecodeException(ImageError.TooManyPixels,
                    $"The {format} picture is {N(width)}x{N(height)} px = {N(pixels)} pixels; the gateway decodes at most {N(limits.MaxPixels)}. " +
                    "Nothing was decoded. Send a smaller copy.");
            }
        }

        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
