namespace BoardKit.Firmware
{
    /// <summary>
    /// Defaults for the reference board, hardware/boards/esp32-devkitc-v4.json (ESP32-WROOM-32E, 4 MB flash, no
    /// PSRAM), used until the core parses I:\board.json (later work). Every value here must match that file.
    /// </summary>
    internal static class ReferenceBoard
    {
        /// <summary>Internal flash drive: LittleFS on the `config` partition, 256 KB on 4 MB boards (facts.md §6).</summary>
        public const string StorageRoot = "I:\\";

        /// <summary>Board config with the pin map (hardware/README.md). Deployed with nanoff --filedeployment.</summary>
        public const string ConfigFile = "board.json";

        /// <summary>This board's HMAC key (see ../README.md, "Board key and config"). Never in code or in git.</summary>
        public const string KeyFile = "board.key";

        /// <summary>The last verified program, written by the player once it exists (later work).</summary>
        public const string ProgramFile = "program.bin";

        /// <summary>LED data GPIO of chain 0 ("ledData"[0].gpio); through a 74AHCT125 level shifter.</summary>
        public const int LedDataGpio = 18;

        /// <summary>RMT channel of chain 0 ("ledData"[0].rmtChannel); ESP32 has 8 (facts.md §3).</summary>
        public const int LedRmtChannel = 0;

        /// <summary>
        /// LEDs on chain 0: a 32 x 8 matrix, 256 LEDs (the chain size hardware/README.md budgets at ~125 fps and
        /// 24.6 KB of RMT buffer, which fits a board without PSRAM). Replaced by the board config's panel size.
        /// </summary>
        public const int LedCount = 256;

        /// <summary>Emergency button GPIO ("emergencyButton".gpio): normally open to GND, internal pull-up, active low.</summary>
        public const int EmergencyButtonGpio = 27;

        /// <summary>Button debounce in ms ("emergencyButton".debounceMs); filtered natively by GpioPin.DebounceTimeout.</summary>
        public const int EmergencyButtonDebounceMs = 50;
    }
}
