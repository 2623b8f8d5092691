using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Led;

namespace BoardKit.Firmware
{
    /// <summary>
    /// What the firmware knows about the hardware without board.json: where the flash drive is, and the reference
    /// board's LED layout (hardware/boards/esp32-devkitc-v4.json, first chain), used only to show a diagnostic code
    /// when board.json is missing or cannot be used. Everything else comes from I:\board.json (BoardSetup.Load).
    /// </summary>
    internal static class ReferenceBoard
    {
        /// <summary>Internal flash drive: LittleFS on the `config` partition, 256 KB on 4 MB boards (nanoframework/facts.md §4).</summary>
        public const string StorageRoot = "I:\\";

        /// <summary>
        /// The layout BoardSetup falls back to when board.json cannot be used: chain 0 of the reference board, one 32 x 8
        /// WS2812B module (256 LEDs, columns, serpentine, first LED top-left: the usual 8 x 32 flexible matrix) on SPI
        /// bus 1 with its data line on GPIO 23 and the bus clock parked on the unconnected GPIO 18, as in
        /// hardware/boards/esp32-devkitc-v4.json and firmware/examples/board.json. A board wired differently shows the
        /// code garbled or not at all, but still reports it on the serial console.
        /// <para>
        /// The board cannot run on this configuration (BoardSetup: no keys, no network), so only the LED fields matter.
        /// Power: a 2 A supply (1.6 A LED budget at the default 80 %), the least a panel of this size is built with; a
        /// diagnostic code lights a few dozen LEDs, far below it. No button: a board that cannot run ignores it anyway.
        /// </para>
        /// </summary>
        public static BoardConfig FallbackConfig()
        {
            var config = new BoardConfig();
            config.Board = "unprovisioned";
            config.Site = "unprovisioned";
            config.Panel = new PanelConfig { Width = 32, Height = 8 };
            config.Chains = new ChainConfig[]
            {
                new ChainConfig { SpiBus = 1, MosiGpio = 23, ClockGpio = 18, Leds = 256 },
            };
            config.Tiles = new TileLayout[]
            {
                new TileLayout { Chain = 0, FirstLed = 0, X = 0, Y = 0, Width = 32, Height = 8, Origin = TileLayout.OriginTopLeft, ColumnMajor = true, Serpentine = true, Rotation = 0 },
            };
            config.Power = new PowerConfig { SupplyMilliamps = 2000 };
            config.Button = null;
            return config;
        }
    }
}
