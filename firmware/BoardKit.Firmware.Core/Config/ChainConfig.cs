namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// board.json "chains[i]": one LED data line, driven as a WS2812 bit stream on the MOSI pin of one of the ESP32's
    /// two free SPI controllers (IPixelSink). Tiles name their chain by index (0 = the first element). All fields required.
    /// </summary>
    public sealed class ChainConfig
    {
        /// <summary>Most chains, 2: the ESP32 has two SPI controllers free for LEDs (the other two serve the flash).</summary>
        public const int MaxChains = 2;

        /// <summary>
        /// Most LEDs on one chain, 2048: at 800 kbit/s and 24 bits per LED a frame takes 61 ms, about 16 frames per
        /// second (hardware/README.md), the slowest refresh a scrolling text stays readable at.
        /// </summary>
        public const int MaxLeds = 2048;

        /// <summary>"spiBus": nanoFramework SPI bus id, 1 or 2; each chain needs its own bus.</summary>
        public int SpiBus { get; set; }

        /// <summary>"mosiGpio": GPIO of the data line (the bus's MOSI, routed through the GPIO matrix); one of <see cref="Esp32Pins.UsableList"/>.</summary>
        public int MosiGpio { get; set; }

        /// <summary>
        /// "clockGpio": GPIO the bus's clock is routed to, one of <see cref="Esp32Pins.UsableList"/>, never connected to
        /// anything: WS2812B reads only the data line, but an ESP32 SPI bus needs its clock on a pin
        /// (firmware/nanoframework/facts.md §2.3). A 2.4 MHz square wave runs on it while a frame goes out.
        /// </summary>
        public int ClockGpio { get; set; }

        /// <summary>"leds": LEDs on the chain, 1..2048; tiles may use LEDs 0 .. Leds - 1.</summary>
        public int Leds { get; set; }
    }
}
