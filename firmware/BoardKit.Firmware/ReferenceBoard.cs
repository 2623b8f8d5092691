namespace BoardKit.Firmware
{
    /// <summary>
    /// Defaults for the reference board, hardware/boards/esp32-devkitc-v4.json (ESP32-WROOM-32E, 4 MB flash, no
    /// PSRAM), used until the core parses I:\board.json (later work). Every value here must match that file, except the
    /// three LED SPI settings, which the file does not have yet (it still names an RMT channel per chain).
    /// </summary>
    internal static class ReferenceBoard
    {
        /// <summary>Internal flash drive: LittleFS on the `config` partition, 256 KB on 4 MB boards (nanoframework/facts.md §4).</summary>
        public const string StorageRoot = "I:\\";

        /// <summary>Board config with the pin map (hardware/README.md). Deployed with nanoff --filedeployment.</summary>
        public const string ConfigFile = "board.json";

        /// <summary>This board's HMAC key (see ../README.md, "Board key and config"). Never in code or in git.</summary>
        public const string KeyFile = "board.key";

        /// <summary>The last verified program, written by the player once it exists (later work).</summary>
        public const string ProgramFile = "program.bin";

        /// <summary>LED data GPIO of chain 0 ("ledData"[0].gpio), the SPI bus's MOSI; through a 74AHCT125 level shifter.</summary>
        public const int LedDataGpio = 18;

        /// <summary>
        /// SPI bus of chain 0: 1 or 2 on the ESP32 (nanoframework/facts.md §2.3). Chain 1 would take the other bus.
        /// </summary>
        public const int LedSpiBus = 1;

        /// <summary>
        /// SPI clock GPIO of chain 0's bus. It toggles at 2.4 MHz during each frame, so nothing may be connected to it.
        /// GPIO 32 is unused in the board file and is neither a strapping nor a flash pin; it is one of the two 32 kHz
        /// crystal pins, so it is usable only where no crystal is fitted (to be confirmed on the hardware).
        /// </summary>
        public const int LedSpiClockGpio = 32;

        /// <summary>
        /// MISO GPIO of chain 0's bus (the bus opens full duplex, as the upstream Ws28xx sample does): input-only GPIO 35,
        /// otherwise unused. Without it, bus 1 would claim its default MISO, GPIO 25 (nanoframework/facts.md §2.3).
        /// </summary>
        public const int LedSpiMisoGpio = 35;

        /// <summary>
        /// LEDs on chain 0: a 32 x 8 matrix, 256 LEDs. Its SPI bit stream is 9 bytes per LED plus the latch, about
        /// 2.3 KB, far below the 20,460-byte limit of one ESP32 SPI transfer (nanoframework/facts.md §2.4). Replaced by
        /// the board config's panel size.
        /// </summary>
        public const int LedCount = 256;

        /// <summary>Emergency button GPIO ("emergencyButton".gpio): normally open to GND, internal pull-up, active low.</summary>
        public const int EmergencyButtonGpio = 27;

        /// <summary>Button debounce in ms ("emergencyButton".debounceMs); filtered natively by GpioPin.DebounceTimeout.</summary>
        public const int EmergencyButtonDebounceMs = 50;
    }
}
