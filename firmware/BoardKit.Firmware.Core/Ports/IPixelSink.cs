namespace BoardKit.Firmware.Core.Ports
{
    /// <summary>
    /// One LED chain (one data line). The core composes each frame, maps it to LED order, applies colour order, gamma,
    /// brightness and the power budget, and encodes the WS2812 bit stream; the device glue only writes the bytes out
    /// (ESP32: one SPI transfer on the chain's MOSI pin; simulator: decoded back into a virtual panel).
    /// </summary>
    public interface IPixelSink
    {
        /// <summary>
        /// Sends one frame: <paramref name="wire"/>[0..<paramref name="length"/>) is the chain's complete WS2812 SPI bit
        /// stream (3 SPI bits per WS2812 bit at 2.4 MHz, then the latch: see Led.Ws2812SpiEncoder). Blocks until the bytes
        /// are handed to the hardware. The caller owns <paramref name="wire"/> and rewrites it for the next frame once
        /// this returns.
        /// </summary>
        void Show(byte[] wire, int length);
    }
}
