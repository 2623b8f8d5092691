using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using BoardKit.Gateway.Rendering;
using QRCoder;
using QRCoder.Exceptions;

namespace BoardKit.Gateway.Qr
{
    /// <summary>
    /// QR codes (QRCoder) that link a board's bulletin to its full text on the source system. Rules: one LED per module
    /// (an LED board cannot draw half a module, and enlarging would only waste LEDs a phone does not need); the
    /// 4-module quiet zone the standard requires, lit, around a code whose dark modules are LEDs off, so it reads as the
    /// dark-on-light code every phone camera expects; the smallest QR version that holds the URL, at error correction M
    /// when that fits the area and at L otherwise. When not even L fits, the code is refused with what it needs
    /// (<see cref="QrCodeDoesNotFitException"/>). A 32-px panel holds only version 1 (29 LEDs: at most 17 bytes of URL
    /// at L); a 64-px panel up to version 9 (61 LEDs: 230 bytes at L). Thread-safe.
    /// </summary>
    public static class QrCodes
    {
        /// <summary>Quiet modules on each side, as ISO/IEC 18004 requires.</summary>
        public const int QuietZone = 4;

        /// <summary>Longest URL accepted, characters (before any QR limit).</summary>
        public const int MaxUrlLength = 2048;

        /// <summary>The default colour of light modules: white, the most contrast for a camera.</summary>
        public const uint DefaultLight = 0xFFFFFF;

        /// <summary>LEDs a side of a version-<paramref name="version"/> code with its quiet zone: 17 + 4·v + 8.</summary>
        public static int SideOf(int version) => 17 + (4 * version) + (2 * QuietZone);

        /// <summary>
        /// The QR code of <paramref name="url"/> (an absolute http or https URL) for an area of
        /// <paramref name="maxWidth"/> x <paramref name="maxHeight"/> LEDs, light modules in <paramref name="light"/>.
        /// </summary>
        /// <exception cref="ArgumentException">Not an absolute http(s) URL, or longer than <see cref="MaxUrlLength"/>.</exception>
        /// <exception cref="QrCodeDoesNotFitException">The area cannot hold a code of the URL.</exception>
        public static QrCode Draw(string url, int maxWidth, int maxHeight, uint light = DefaultLight)
        {
            ArgumentNullException.ThrowIfNull(url);
            if (url.Length > MaxUrlLength)
            {
                throw new ArgumentException($"The URL is {url.Length} characters; a QR link may be at most {MaxUrlLength}.", nameof(url));
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"'{url}' is not an absolute http or https URL.", nameof(url));
            }

            if (light is 0 or > 0xFFFFFF)
            {
                throw new ArgumentException("The light colour must be a 0xRRGGBB colour other than black.", nameof(light));
            }

            string text = uri.AbsoluteUri;
            int side = Math.Min(maxWidth, maxHeight);
            int fitting = (side - 17 - (2 * QuietZone)) / 4;
            foreach ((QRCodeGenerator.ECCLevel level, char name) in new[] { (QRCodeGenerator.ECCLevel.M, 'M'), (QRCodeGenerator.ECCLevel.L, 'L') })
            {
                int version = SmallestVersion(text, level);
                if (version > 0 && SideOf(version) <= side)
                {
                    return new QrCode { Bitmap = Bitmap(text, level, version, light), Url = text, Version = version, ErrorCorrection = name };
                }
            }

            int needed = SmallestVersion(text, QRCodeGenerator.ECCLevel.L);
            string need = needed > 0
                ? $"needs a version-{needed} QR code, {SideOf(needed)}x{SideOf(needed)} LEDs with its quiet zone"
                : "is too long for any QR code";
            string have = fitting >= 1
                ? $"holds at most version {fitting} ({SideOf(fitting)} LEDs): shorten the URL to at most {N(MaxBytes(fitting))} bytes"
                : $"cannot hold even the smallest code ({SideOf(1)}x{SideOf(1)} LEDs)";
            throw new QrCodeDoesNotFitException(
                $"The link {text} ({N(text.Length)} bytes) {need}; the {maxWidth}x{maxHeight} area {have}, or use a taller panel " +
                "(one LED per module and a 4-module quiet zone are needed for a phone to read it).",
                needed > 0 ? SideOf(needed) : 0,
                side);
        }

        /// <summary>The smallest version holding <paramref name="text"/> at <paramref name="level"/>, or 0 if none.</summary>
        private static int SmallestVersion(string text, QRCodeGenerator.ECCLevel level)
        {
            try
            {
                using QRCodeData data = QRCodeGenerator.GenerateQrCode(text, level);
                return data.Version;
            }
            catch (DataTooLongException)
            {
                return 0;
            }
        }

        /// <summary>The longest URL of plain lowercase ASCII that a version-<paramref name="version"/> code holds at L.</summary>
        private static int MaxBytes(int version)
        {
            int low = 0, high = 3000;
            while (low < high)
            {
                int mid = (low + high + 1) / 2;
                int v = SmallestVersion("https://" + new string('a', Math.Max(0, mid - 8)), QRCodeGenerator.ECCLevel.L);
                if (v > 0 && v <= version)
                {
                    low = mid;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return low;
        }

        private static IndexedBitmap Bitmap(string text, QRCodeGenerator.ECCLevel level, int version, uint light)
        {
            using QRCodeData data = QRCodeGenerator.GenerateQrCode(text, level, requestedVersion: version);
            List<BitArray> matrix = data.ModuleMatrix;
            int side = SideOf(version);
            if (matrix.Count != side)
            {
                throw new InvalidOperationException($"Internal error: QRCoder gave {matrix.Count} modules a side for version {version}, not {side}.");
            }

            var bitmap = new IndexedBitmap(side, side, new uint[] { 0x000000, light });
            for (int y = 0; y < side; y++)
            {
                for (int x = 0; x < side; x++)
                {
                    bitmap[x, y] = (byte)(matrix[y][x] ? 0 : 1);
                }
            }

            return bitmap;
        }

        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
