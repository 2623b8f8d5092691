namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// The WS2812 bit stream as SPI bytes: the chain's data line is the SPI MOSI pin clocked at
    /// <see cref="SpiClockHz"/>, and every WS2812 data bit becomes a 3-bit cell, 1 -> 110 and 0 -> 100, most
    /// significant bit first. Each colour byte takes <see cref="BytesPerColorByte"/> SPI bytes, each LED
    /// <see cref="BytesPerLed"/> (its three bytes in the LED's colour order, see <see cref="ColorOrder"/>), and the
    /// stream ends with <see cref="LatchBytes"/> zero bytes. Byte for byte the stream of the .NET IoT binding
    /// (dotnet/iot:src/devices/Ws28xx/BitmapImageNeo3.cs@v4.2.0, NuGet Iot.Device.Bindings 4.2.0, class
    /// Iot.Device.Ws28xx.Ws2812b; tests/BoardKit.Firmware.Core.Tests/Led/Ws2812SpiEncoderTests compares them) and of
    /// nanoframework/nanoFramework.IoT.Device:devices/Ws28xx/BitmapImageNeo3.cs (same cells, same 30-byte tail).
    /// <para>
    /// Timing at 2.4 MHz: one SPI bit is 1 / 2.4 MHz = 416.7 ns, so a cell is 3 x 416.7 = 1250 ns (800 kbit/s, the
    /// WS2812B data rate) with the line high for 417 ns (a 0; datasheet T0H 0.4 µs ± 150 ns) or 833 ns (a 1; T1H
    /// 0.8 µs ± 150 ns). One LED = 24 cells = 30 µs. The latch: 30 bytes x 8 = 240 SPI bits x 416.7 ns = 100 µs low,
    /// twice the 50 µs reset of the original WS2812B datasheet (Worldsemi WS2812B, "RES above 50 µs"). Newer WS2812B
    /// revisions need ≥ 280 µs (hardware/README.md says ≥ 300 µs): the tail alone does not give that. It is met when
    /// the data line stays low between transfers until the next frame (frames are ≥ 8 ms apart); that idle level is
    /// the device glue's to guarantee (the SPI MOSI pin idling low, or a pull-down), not verified here.
    /// </para>
    /// </summary>
    public static class Ws2812SpiEncoder
    {
        /// <summary>SPI clock the stream assumes, Hz: 3 SPI bits per 1.25 µs WS2812 bit.</summary>
        public const int SpiClockHz = 2400000;

        /// <summary>SPI bits per WS2812 data bit.</summary>
        public const int SpiBitsPerCell = 3;

        /// <summary>SPI bytes per colour byte: 8 cells x 3 bits = 24 bits.</summary>
        public const int BytesPerColorByte = 3;

        /// <summary>SPI bytes per LED: 3 colour bytes x 3.</summary>
        public const int BytesPerLed = 9;

        /// <summary>Zero bytes after the last LED: 100 µs low at 2.4 MHz (see the class summary), as the .NET IoT binding appends.</summary>
        public const int LatchBytes = 30;

        /// <summary>Cell of a 1 bit (line high for two SPI bits, low for one).</summary>
        public const int OneCell = 6; // 0b110

        /// <summary>Cell of a 0 bit (high for one SPI bit, low for two).</summary>
        public const int ZeroCell = 4; // 0b100

        // The 3 SPI bytes for each of the 256 byte values, big-endian (768 bytes, built once): one table look-up per
        // colour byte instead of 8 bit operations, which matters on nanoCLR's interpreter.
        private static readonly byte[] Cells = BuildCells();

        /// <summary>SPI bytes for a chain of <paramref name="ledCount"/> LEDs, latch included: 9 x ledCount + 30.</summary>
        public static int WireLength(int ledCount)
        {
            return (ledCount * BytesPerLed) + LatchBytes;
        }

        /// <summary>
        /// The 24-bit SPI pattern of one colour byte (8 cells, the cell of bit 7 in bits 23..21). For example 0x00 ->
        /// 0x924924, 0xFF -> 0xDB6DB6, 0x80 -> 0xD24924.
        /// </summary>
        public static int Pattern(int value)
        {
            int pattern = 0;
            for (int bit = 7; bit >= 0; bit--)
            {
                int cell = ((value >> bit) & 1) != 0 ? OneCell : ZeroCell;
                pattern |= cell << (bit * SpiBitsPerCell);
            }

            return pattern;
        }

        /// <summary>
        /// Writes one LED, its bytes already in wire order (<paramref name="first"/> is what the LED takes first: G for
        /// a WS2812B), as 9 SPI bytes at <paramref name="offset"/> of <paramref name="wire"/>, which must have room.
        /// Returns offset + 9. Allocates nothing.
        /// </summary>
        public static int WriteLed(int first, int second, int third, byte[] wire, int offset)
        {
            byte[] cells = Cells;
            int c = (first & 0xFF) * BytesPerColorByte;
            wire[offset] = cells[c];
            wire[offset + 1] = cells[c + 1];
            wire[offset + 2] = cells[c + 2];
            c = (second & 0xFF) * BytesPerColorByte;
            wire[offset + 3] = cells[c];
            wire[offset + 4] = cells[c + 1];
            wire[offset + 5] = cells[c + 2];
            c = (third & 0xFF) * BytesPerColorByte;
            wire[offset + 6] = cells[c];
            wire[offset + 7] = cells[c + 1];
            wire[offset + 8] = cells[c + 2];
            return offset + BytesPerLed;
        }

        /// <summary>Writes the <see cref="LatchBytes"/> zero bytes at <paramref name="offset"/> (room required). Returns offset + 30.</summary>
        public static int WriteLatch(byte[] wire, int offset)
        {
            System.Array.Clear(wire, offset, LatchBytes);
            return offset + LatchBytes;
        }

        /// <summary>
        /// Encodes <paramref name="ledCount"/> LEDs from <paramref name="leds"/> (3 bytes per LED, already in wire order,
        /// e.g. G, R, B) into <paramref name="wire"/>, latch included. Returns the bytes written
        /// (<see cref="WireLength"/>), or -1 (nothing written) when ledCount is negative, leds holds fewer than
        /// 3 x ledCount bytes or wire fewer than WireLength(ledCount). Allocates nothing; for tests, tools and the
        /// simulator (the board's own path is <c>LedOutput</c>, which writes straight from the panel).
        /// </summary>
        public static int Encode(byte[] leds, int ledCount, byte[] wire)
        {
            if (ledCount < 0 || ledCount > (leds.Length / 3) || wire.Length < WireLength(ledCount))
            {
                return -1;
            }

            int p = 0;
            for (int i = 0; i < ledCount; i++)
            {
                int s = i * 3;
                p = WriteLed(leds[s], leds[s + 1], leds[s + 2], wire, p);
            }

            return WriteLatch(wire, p);
        }

        private static byte[] BuildCells()
        {
            byte[] cells = new byte[256 * BytesPerColorByte];
            for (int v = 0; v < 256; v++)
            {
                int pattern = Pattern(v);
                cells[v * BytesPerColorByte] = (byte)(pattern >> 16);
                cells[(v * BytesPerColorByte) + 1] = (byte)(pattern >> 8);
                cells[(v * BytesPerColorByte) + 2] = (byte)pattern;
            }

            return cells;
        }
    }
}
