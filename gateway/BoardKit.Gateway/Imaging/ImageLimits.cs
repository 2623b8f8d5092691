namespace BoardKit.Gateway.Imaging
{
    /// <summary>
    /// Hard limits on a picture file, checked before any pixel is decoded: the file's length first (before it is read),
    /// then the width and height its header declares. A decompression bomb (a small file that declares a huge picture)
    /// is refused from its header; nothing is allocated for its pixels.
    /// </summary>
    public sealed record ImageLimits
    {
        /// <summary>The defaults: 25 MiB, 40 megapixels, 20,000 px a side.</summary>
        public static ImageLimits Default { get; } = new();

        /// <summary>Largest file accepted, bytes (1 or more). Default 25 MiB: a 48-megapixel phone JPEG is ~15 MB.</summary>
        public long MaxFileBytes { get; init; } = 25L * 1024 * 1024;

        /// <summary>Most pixels (width x height, after nothing is decoded) accepted, 1 or more. Default 40,000,000: a
        /// 12-megapixel phone photo passes three times over; decoding holds 4 bytes per pixel, so at most 160 MB.</summary>
        public long MaxPixels { get; init; } = 40_000_000;

        /// <summary>Longest side accepted, px (1 or more). Default 20,000: a 1x20,000 banner is not a picture for a panel.</summary>
        public int MaxSide { get; init; } = 20_000;
    }
}
