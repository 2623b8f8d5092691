using System;
using System.Device.Spi;

using BoardKit.Firmware.Core.Ports;

using nanoFramework.Hardware.Esp32;

namespace BoardKit.Firmware.Adapters
{
    /// <summary>
    /// One WS2812B chain on an ESP32 SPI bus: the chain's data line is the bus's MOSI pin, and each frame the core has
    /// already encoded (3 SPI bits per WS2812 bit at 2.4 MHz, then the latch zeros) goes out in one
    /// <see cref="SpiDevice.Write(SpanByte)"/>. Facts: firmware/nanoframework/facts.md §2.
    /// <para>
    /// Limits of one transfer on the ESP32 (facts.md §2.4): at most <see cref="MaxTransferBytes"/> bytes, rejected
    /// otherwise by ESP-IDF ("txdata transfer &gt; host maximum"); nanoFramework does not split a write. The call
    /// blocks for the whole wire time (about 30 µs per LED) because the driver uses a polling DMA transaction.
    /// </para>
    /// </summary>
    public sealed class SpiPixelSink : IPixelSink, IDisposable
    {
        /// <summary>
        /// The SPI clock the WS2812 encoding assumes: 3 SPI bits per 1.25 µs WS2812 bit, as the upstream Ws28xx SPI
        /// binding uses (facts.md §2.1: nanoframework/nanoFramework.IoT.Device devices/Ws28xx/samples/Program.cs).
        /// </summary>
        public const int ClockFrequencyHz = 2_400_000;

        /// <summary>
        /// Largest single transfer the ESP32 driver accepts: nanoFramework asks ESP-IDF v5.5.4 for max_transfer_sz
        /// 16384, which ESP-IDF rounds up to 5 DMA descriptors of 4092 bytes (facts.md §2.4, [derived]).
        /// </summary>
        public const int MaxTransferBytes = 5 * 4092;

        private SpiDevice? _device;

        /// <summary>
        /// The MISO pin the glue gives bus <paramref name="busId"/>: GPIO 39 for bus 1, GPIO 36 for bus 2. Both are
        /// input-only (no output driver, so nothing is ever driven on them) and board.json can never name them
        /// (Esp32Pins refuses 34-39), so they cannot clash with a chain's pins or the button; each bus needs its own,
        /// because opening a bus reserves its pins (facts.md §2.3). With them both buses open full duplex, as the
        /// upstream Ws28xx sample does; without a MISO, bus 1 would keep its default MISO, GPIO 25, which board.json may
        /// give to the button or the other chain. The pins must stay unconnected.
        /// </summary>
        public static int ParkedMisoGpio(int busId)
        {
            return busId == 1 ? 39 : 36;
        }

        /// <summary>
        /// Routes the bus's pins and opens SPI bus <paramref name="busId"/> (1 or 2 on the ESP32) for one chain.
        /// Call before anything else opens these GPIOs: the bus reserves all three pins (facts.md §2.3).
        /// </summary>
        /// <param name="busId">1 (DeviceFunction.SPI1_*) or 2 (DeviceFunction.SPI2_*).</param>
        /// <param name="dataGpio">The chain's data line (MOSI). Must be able to drive an output (not GPIO 34-39).</param>
        /// <param name="clockGpio">
        /// The bus clock. It toggles at 2.4 MHz during every frame, so it must be a free, unconnected GPIO that can
        /// drive an output. Always set: bus 1 otherwise keeps its default clock pin, GPIO 19.
        /// </param>
        /// <param name="misoGpio">
        /// The bus's MISO pin, or -1. With a pin the bus opens full duplex, as the upstream Ws28xx sample does; an
        /// input-only GPIO (35, 36, 39) that is otherwise unused is the natural choice. With -1 the bus opens half
        /// duplex, which needs only clock and MOSI (facts.md §2.3); bus 1 then still claims its default MISO, GPIO 25.
        /// </param>
        public SpiPixelSink(int busId, int dataGpio, int clockGpio, int misoGpio)
        {
            if (busId != 1 && busId != 2)
            {
                throw new ArgumentOutOfRangeException(nameof(busId));
            }

            // The pin map is read when the bus opens, so it must be set first (facts.md §2.3).
            if (busId == 1)
            {
                Configuration.SetPinFunction(dataGpio, DeviceFunction.SPI1_MOSI);
                Configuration.SetPinFunction(clockGpio, DeviceFunction.SPI1_CLOCK);
                if (misoGpio >= 0)
                {
                    Configuration.SetPinFunction(misoGpio, DeviceFunction.SPI1_MISO);
                }
            }
            else
            {
                Configuration.SetPinFunction(dataGpio, DeviceFunction.SPI2_MOSI);
                Configuration.SetPinFunction(clockGpio, DeviceFunction.SPI2_CLOCK);
                if (misoGpio >= 0)
                {
                    Configuration.SetPinFunction(misoGpio, DeviceFunction.SPI2_MISO);
                }
            }

            // No chip select (-1). Mode 0, MSB first: the encoding's first bit is the colour byte's top bit.
            // DataBitLength is not read by the ESP32 driver for byte writes (facts.md §2.2); set for clarity.
            var settings = new SpiConnectionSettings(busId, -1)
            {
                ClockFrequency = ClockFrequencyHz,
                Mode = SpiMode.Mode0,
                DataFlow = DataFlow.MsbFirst,
                DataBitLength = 8,
                Configuration = misoGpio >= 0 ? SpiBusConfiguration.FullDuplex : SpiBusConfiguration.HalfDuplex,
            };

            // Opening sends two zero bytes once (facts.md §2.4): the data line stays low, a WS2812 reset.
            _device = SpiDevice.Create(settings);
        }

        /// <summary>
        /// Writes <paramref name="wire"/>[0..<paramref name="length"/>) as one SPI transfer and returns when the last bit
        /// has left the pin. <paramref name="length"/> must be 1..<see cref="MaxTransferBytes"/>.
        /// </summary>
        public void Show(byte[] wire, int length)
        {
            if (wire == null)
            {
                throw new ArgumentNullException(nameof(wire));
            }

            if (length < 1 || length > wire.Length || length > MaxTransferBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            SpiDevice device = _device ?? throw new ObjectDisposedException(nameof(SpiPixelSink));

            // The span limits the transfer to wire[0..length) without copying (facts.md §2.2).
            device.Write(new SpanByte(wire, 0, length));
        }

        /// <summary>Closes the SPI device; the last device on a bus also frees the bus and its pins.</summary>
        public void Dispose()
        {
            SpiDevice? device = _device;
            _device = null;
            device?.Dispose();
        }
    }
}
