using System;
using System.Collections.Generic;
using System.Device.Spi;

namespace BoardKit.Firmware.Core.Tests.Led.Fakes
{
    /// <summary>
    /// An SPI device that records every Write, for capturing what the .NET IoT Ws2812b binding sends. Reads and
    /// full-duplex transfers are not used by that binding and fail the test if called.
    /// </summary>
    internal sealed class RecordingSpiDevice : SpiDevice
    {
        // 2.4 MHz: the clock the WS2812B SPI binding expects (dotnet/iot:src/devices/Ws28xx/README.md@v4.2.0).
        private readonly SpiConnectionSettings _settings = new SpiConnectionSettings(0, 0) { ClockFrequency = 2_400_000 };

        public List<byte[]> Writes { get; } = new List<byte[]>();

        public override SpiConnectionSettings ConnectionSettings => _settings;

        public byte[] Last => Writes[Writes.Count - 1];

        public override void Write(ReadOnlySpan<byte> buffer) => Writes.Add(buffer.ToArray());

        public override void WriteByte(byte value) => Writes.Add(new[] { value });

        public override void Read(Span<byte> buffer) => throw new NotSupportedException("the WS2812B binding only writes");

        public override byte ReadByte() => throw new NotSupportedException("the WS2812B binding only writes");

        public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) =>
            throw new NotSupportedException("the WS2812B binding only writes");
    }
}
