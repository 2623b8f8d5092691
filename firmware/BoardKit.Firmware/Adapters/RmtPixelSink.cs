using System;
using nanoFramework.Hardware.Esp32.Rmt;

using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Adapters
{
    /// <summary>
    /// A WS2812B chain on one ESP32 RMT channel. One channel and one pre-serialised RMT buffer are created once
    /// and reused for every frame (the "low memory" pattern of
    /// Samples:samples/Hardware.Esp32.Rmt/NeoPixelStripLowMemory/NeoPixel/NeopixelChain.cs), and each frame goes
    /// out with a single TransmitterChannel.SendData(byte[], bool) call (facts.md §3 and §12: the Ws28xx.Esp32
    /// Update() path costs hundreds of ms per 50 LEDs; nanoframework/Home#1540).
    /// </summary>
    public sealed class RmtPixelSink : IPixelSink, IDisposable
    {
        // 80 MHz APB clock / 2 = 40 MHz: one RMT tick is 25 ns (facts.md §3, Ws2812b row: divider 2).
        private const byte RmtClockDivider = 2;

        // WS2812B bit cells in 25 ns ticks (facts.md §3, Ws2812b row): a 1 is 0.80 µs high + 0.45 µs low, a 0 is
        // 0.40 µs high + 0.85 µs low; both 1.25 µs, i.e. 800 kbit/s, 30 µs per LED.
        private const int OneHighTicks = 32;
        private const int OneLowTicks = 18;
        private const int ZeroHighTicks = 16;
        private const int ZeroLowTicks = 34;

        // Latch: the line held low for 2 x 6000 ticks = 300 µs, the newer WS2812B minimum (hardware/README.md:
        // "latch ≥ 300 µs"). 6000 fits the 15-bit duration field of an RMT item (max 32767 ticks).
        private const int LatchTicks = 6000;

        // One RMT item (rmt_item32_t) is 4 bytes and encodes one WS2812 bit (facts.md §3; byte layout as
        // nanoFramework.Hardware.Esp32.Rmt:nanoFramework.Hardware.Esp32.Rmt/TransmitterChannel.cs SerializeCommands:
        // duration0 low byte, level0 << 7 | duration0 high 7 bits, duration1 low byte, level1 << 7 | duration1 high).
        private const int BytesPerItem = 4;
        private const int BitsPerLed = 24;

        // The 32 RMT bytes for each of the 256 byte values (8 KB), so a frame costs one Array.Copy per colour byte
        // instead of 8 x 4 managed stores: per-bit managed work is what makes the stock driver slow (facts.md §12).
        private static byte[]? _byteToItems;

        private readonly TransmitterChannel _channel;
        private readonly byte[] _items;
        private readonly int _ledCount;

        /// <summary>
        /// Opens RMT channel <paramref name="rmtChannel"/> (0-7 on ESP32) on <paramref name="gpioPin"/> (not 34-39:
        /// input-only) for a chain of <paramref name="ledCount"/> LEDs and allocates its buffer:
        /// (24 x ledCount + 1) x 4 bytes, e.g. 24.6 KB for 256 LEDs (facts.md §12). Keep chains of more than
        /// ~512 LEDs to boards with PSRAM (hardware/README.md).
        /// </summary>
        public RmtPixelSink(int rmtChannel, int gpioPin, int ledCount)
        {
            if (ledCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(ledCount));
            }

            _ledCount = ledCount;
            _items = new byte[((BitsPerLed * ledCount) + 1) * BytesPerItem];
            if (_byteToItems == null)
            {
                _byteToItems = BuildByteTable();
            }

            // Settings as the Ws28xx.Esp32 driver uses them (facts.md §3): no carrier, idle low.
            var settings = new TransmitChannelSettings(rmtChannel, gpioPin)
            {
                EnableCarrierWave = false,
                IdleLevel = false,
                ClockDivider = RmtClockDivider,
            };
            _channel = new TransmitterChannel(settings);

            // The latch item never changes: write it once after the last bit.
            WriteItem(_items, BitsPerLed * ledCount * BytesPerItem, LatchTicks, false, LatchTicks, false);
        }

        /// <summary>LEDs in this chain.</summary>
        public int LedCount => _ledCount;

        /// <summary>
        /// Sends a full frame; <paramref name="length"/> must be exactly 3 x <see cref="LedCount"/>. Blocks for the
        /// wire time (30 µs per LED, 7.7 ms for 256) because the buffer is rewritten for the next frame and it is
        /// not verified that the native side copies it before returning (facts.md §3 has waitTxDone only).
        /// </summary>
        public void Show(byte[] grb, int length)
        {
            if (length != _ledCount * 3 || grb.Length < length)
            {
                throw new ArgumentException("frame must be 3 bytes per LED of this chain");
            }

            byte[] table = _byteToItems!;
            int itemsPerByte = 8 * BytesPerItem;
            for (int i = 0; i < length; i++)
            {
                Array.Copy(table, grb[i] * itemsPerByte, _items, i * itemsPerByte, itemsPerByte);
            }

            _channel.SendData(_items, true);
        }

        /// <summary>Releases the RMT channel.</summary>
        public void Dispose() => _channel.Dispose();

        private static byte[] BuildByteTable()
        {
            var table = new byte[256 * 8 * BytesPerItem];
            for (int value = 0; value < 256; value++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    // WS2812 takes each colour byte most significant bit first.
                    bool one = (value & (0x80 >> bit)) != 0;
                    int offset = ((value * 8) + bit) * BytesPerItem;
                    if (one)
                    {
                        WriteItem(table, offset, OneHighTicks, true, OneLowTicks, false);
                    }
                    else
                    {
                        WriteItem(table, offset, ZeroHighTicks, true, ZeroLowTicks, false);
                    }
                }
            }

            return table;
        }

        private static void WriteItem(byte[] dest, int offset, int duration0, bool level0, int duration1, bool level1)
        {
            dest[offset] = (byte)(duration0 & 0xFF);
            dest[offset + 1] = (byte)((level0 ? 0x80 : 0) | ((duration0 >> 8) & 0x7F));
            dest[offset + 2] = (byte)(duration1 & 0xFF);
            dest[offset + 3] = (byte)((level1 ? 0x80 : 0) | ((duration1 >> 8) & 0x7F));
        }
    }
}
