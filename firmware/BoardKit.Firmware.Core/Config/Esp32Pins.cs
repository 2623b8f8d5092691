namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// Which ESP32 GPIOs board.json may give a job: an LED data line (SPI MOSI, an output) or the emergency button (an
    /// input with the internal pull-up, pressed = low). Both need a plain bidirectional pin that nothing else uses
    /// at boot, which on an ESP32-WROOM-32 / ESP32-WROVER module leaves 4, 13, 14, 16, 17, 18, 19, 21, 22, 23, 25,
    /// 26, 27, 32, 33 (see <see cref="Problem"/> for why each other number is refused). On WROVER modules GPIO 16
    /// and 17 drive the PSRAM: board.json cannot tell the module, so the installer guide must (hardware/boards).
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>Highest GPIO number of the ESP32 (GPIO 0..39).</summary>
        public const int MaxGpio = 39;

        /// <summary>The usable pins, lowest first, as messages list them.</summary>
        public const string UsableList = "4, 13, 14, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33";

        /// <summary>True when <paramref name="gpio"/> can carry LED data or read the button (<see cref="Problem"/> is null).</summary>
        public static bool IsUsable(int gpio)
        {
            return Problem(gpio) == null;
        }

        /// <summary>
        /// Why <paramref name="gpio"/> cannot be used, as a sentence for the installer, or null when it can:
        /// <list type="bullet">
        /// <item>outside 0..39, or 20, 24, 28..31: no such pin on the ESP32;</item>
        /// <item>34..39: input only, with no output driver and no internal pull-up (no LED data, no button without an external resistor);</item>
        /// <item>0, 2, 5, 12, 15: strapping pins, read at reset to choose the boot mode (0, 2), the flash voltage (12: high
        /// at reset powers the flash at 1.8 V and the board does not boot), SDIO timing (5, 15) and boot log (15); a
        /// pressed button or a line held by a level shifter at reset can stop the board from starting;</item>
        /// <item>6..11: wired to the module's SPI flash;</item>
        /// <item>1, 3: UART0 TX/RX, the USB serial port that nanoff and the nanoFramework debugger use for flashing and deployment.</item>
        /// </list>
        /// </summary>
        public static string? Problem(int gpio)
        {
            if (gpio < 0 || gpio > MaxGpio || gpio == 20 || gpio == 24 || (gpio >= 28 && gpio <= 31))
            {
                return "the ESP32 has no GPIO " + gpio.ToString();
            }

            if (gpio >= 34)
            {
                return "GPIO 34..39 are input-only, with no output driver and no internal pull-up";
            }

            if (gpio == 0 || gpio == 2 || gpio == 5 || gpio == 12 || gpio == 15)
            {
                return "GPIO " + gpio.ToString() + " is a strapping pin, read at reset to choose how the ESP32 boots: a line held there can stop the board starting";
            }

            if (gpio >= 6 && gpio <= 11)
            {
                return "GPIO 6..11 are wired to the module's SPI flash";
            }

            if (gpio == 1 || gpio == 3)
            {
                return "GPIO 1 and 3 are the USB serial port (UART0) used for flashing and deployment";
            }

            return null;
        }
    }
}
