using System;

namespace BoardKit.Gateway.Preview
{
    /// <summary>
    /// Size bounds of the previews one <c>boardkit render</c> writes (docs/rendering.md, "Bounds"), which also bound the
    /// time spent on them: the work is proportional to the pixels drawn and compressed. Whatever the bulletin, one run
    /// draws at most <see cref="MaxTotalPixels"/> picture pixels.
    /// </summary>
    public static class PreviewBounds
    {
        /// <summary>Widest or tallest picture, in pixels: 16,384 (what common image viewers still open).</summary>
        public const int MaxPictureSide = 16384;

        /// <summary>Most pixels in one picture or animation frame: 16,777,216 (4096 x 4096).</summary>
        public const long MaxPicturePixels = 16L * 1024 * 1024;

        /// <summary>Most frames in a scroll animation: 1,500, one minute at 40 ms per 1-px step.</summary>
        public const int MaxAnimationFrames = 1500;

        /// <summary>Most picture pixels one run draws over all its pictures and animation frames: 67,108,864 (64 Mi). At
        /// 1 byte per pixel before compression this bounds the memory and time of a preview (docs/benchmarks.md).</summary>
        public const long MaxTotalPixels = 64L * 1024 * 1024;

        /// <summary>The largest scale, at most <paramref name="requested"/> and at least 1, at which a picture of
        /// <paramref name="width"/> x <paramref name="height"/> LEDs stays within <see cref="MaxPictureSide"/> and
        /// <see cref="MaxPicturePixels"/>.</summary>
        public static int ScaleFor(int width, int height, int requested)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
            int scale = Math.Max(1, requested);
            while (scale > 1 && !Fits(width, height, scale))
            {
                scale--;
            }

            return scale;
        }

        /// <summary>The largest scale, at most <paramref name="requested"/> and at least 1, at which
        /// <paramref name="count"/> pictures of <paramref name="width"/> x <paramref name="height"/> LEDs each stay within
        /// the picture bounds and together within <see cref="MaxTotalPixels"/>.</summary>
        public static int ScaleForAll(int count, int width, int height, int requested)
        {
            int scale = ScaleFor(width, height, requested);
            while (scale > 1 && (long)count * width * height * scale * scale > MaxTotalPixels)
            {
                scale--;
            }

            return scale;
        }

        /// <summary>How many animation frames of <paramref name="width"/> x <paramref name="height"/> LEDs at
        /// <paramref name="scale"/> fit in what is left of <see cref="MaxTotalPixels"/> after <paramref name="usedPixels"/>;
        /// at most <see cref="MaxAnimationFrames"/>, at least 1.</summary>
        public static int AnimationFrames(int width, int height, int scale, long usedPixels)
        {
            long perFrame = (long)width * height * scale * scale;
            long left = Math.Max(0, MaxTotalPixels - usedPixels);
            return (int)Math.Clamp(left / Math.Max(1, perFrame), 1, MaxAnimationFrames);
        }

        private static bool Fits(int width, int height, int scale) =>
            (long)width * scale <= MaxPictureSide && (long)height * scale <= MaxPictureSide && (long)width * height * scale * scale <= MaxPicturePixels;
    }
}
