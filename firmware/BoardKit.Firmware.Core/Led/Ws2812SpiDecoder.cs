namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// The inverse of <see cref="Ws2812SpiEncoder"/>: a chain's SPI bytes back to the LED bytes in wire order (G, R, B
    /// for a WS2812B), for the simulator and tests. Strict: every 3-bit cell must be 110 or 100, the length must be
    /// 9 x LEDs + 30 and the 30 latch bytes must be zero; anything else is refused with an error code. Allocates
    /// nothing; never throws.
    /// </summary>
    public static class Ws2812SpiDecoder
    {
        /// <summary>The stream decoded.</summary>
        public const int Ok = 0;

        /// <summary>Length is negative, beyond the array, shorter than the latch, or not 9 x LEDs + 30.</summary>
        public const int BadLength = 1;

        /// <summary>A 3-bit cell is neither 110 (a 1) nor 100 (a 0).</summary>
        public const int BadCell = 2;

        /// <summary>A byte of the 30-byte latch tail is not zero.</summary>
        public const int BadLatch = 3;

        /// <summary>The destination holds fewer than 3 bytes per LED in the stream.</summary>
        public const int BufferTooSmall = 4;

        /// <summary>Short English description of a decoder error code.</summary>
        public static string Describe(int error)
        {
            switch (error)
            {
                case Ok: return "ok";
                case BadLength: return "length is not 9 bytes per LED plus the 30-byte latch";
                case BadCell: return "bit cell is neither 110 nor 100";
                case BadLatch: return "latch bytes are not zero";
                case BufferTooSmall: return "destination too small";
                default: return "error " + error.ToString();
            }
        }

        /// <summary>
        /// Decodes <paramref name="wire"/>[0..<paramref name="length"/>) into <paramref name="leds"/> (3 bytes per LED
        /// from offset 0) and returns true with the LED count, or false with an error code and
        /// <paramref name="errorOffset"/>, the wire offset of the first bad byte (for BadCell, the first byte of the
        /// bad colour byte's 3; -1 when the fault is not a byte's). On failure leds may be partly written.
        /// </summary>
        public static bool TryDecode(byte[] wire, int length, byte[] leds, out int ledCount, out int error, out int errorOffset)
        {
            ledCount = 0;
            errorOffset = -1;
            int data = length - Ws2812SpiEncoder.LatchBytes;
            if (length < 0 || length > wire.Length || data < 0 || data % Ws2812SpiEncoder.BytesPerLed != 0)
            {
                error = BadLength;
                return false;
            }

            int count = data / Ws2812SpiEncoder.BytesPerLed;
            if (leds.Length < count * 3)
            {
                error = BufferTooSmall;
                return false;
            }

            for (int i = data; i < length; i++)
            {
                if (wire[i] != 0)
                {
                    error = BadLatch;
                    errorOffset = i;
                    return false;
                }
            }

            for (int b = 0; b < count * 3; b++)
            {
                int p = b * Ws2812SpiEncoder.BytesPerColorByte;
                int value = DecodeByte(wire[p], wire[p + 1], wire[p + 2]);
                if (value < 0)
                {
                    error = BadCell;
                    errorOffset = p;
                    return false;
                }

                leds[b] = (byte)value;
            }

            ledCount = count;
            error = Ok;
            return true;
        }

        /// <summary>
        /// The colour byte that 3 SPI bytes (8 cells, big-endian) carry, or -1 when a cell is neither 110 nor 100.
        /// </summary>
        public static int DecodeByte(int b0, int b1, int b2)
        {
            int pattern = ((b0 & 0xFF) << 16) | ((b1 & 0xFF) << 8) | (b2 & 0xFF);
            int value = 0;
            for (int bit = 7; bit >= 0; bit--)
            {
                int cell = (pattern >> (bit * Ws2812SpiEncoder.SpiBitsPerCell)) & 7;
                if (cell == Ws2812SpiEncoder.OneCell)
                {
                    value |= 1 << bit;
                }
                else if (cell != Ws2812SpiEncoder.ZeroCell)
                {
                    return -1;
                }
            }

            return value;
        }
    }
}
