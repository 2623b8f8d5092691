using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Qr
{
    /// <summary>A QR code drawn for a panel: one LED per module, the 4-module quiet zone included.</summary>
    public sealed class QrCode
    {
        /// <summary>The code, square, <see cref="Side"/> px: palette [black, the light colour]; dark modules are LEDs off,
        /// light modules and the quiet zone are lit.</summary>
        public required IndexedBitmap Bitmap { get; init; }

        /// <summary>The URL the code holds, as encoded (absolute, ASCII with percent escapes).</summary>
        public required string Url { get; init; }

        /// <summary>QR version, 1–40: 17 + 4·version modules a side.</summary>
        public required int Version { get; init; }

        /// <summary>Error correction level: 'M' (15 % of the code may be lost) when it fits, else 'L' (7 %).</summary>
        public required char ErrorCorrection { get; init; }

        /// <summary>Side in LEDs: 17 + 4·<see cref="Version"/> + 2·4 quiet modules.</summary>
        public int Side => Bitmap.Width;
    }
}
