namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// board.json "button": the emergency button, normally open to GND on a GPIO with the internal pull-up (pressed =
    /// low, hardware/README.md). "button": null in the file means the board has none.
    /// </summary>
    public sealed class ButtonConfig
    {
        /// <summary>Shortest hold, 500 ms: shorter would trigger on a knock.</summary>
        public const int MinHoldMs = 500;

        /// <summary>Longest hold, 10000 ms: longer and a person in an emergency gives up.</summary>
        public const int MaxHoldMs = 10000;

        /// <summary>Default hold, 2000 ms (hardware/boards "holdToTriggerMs").</summary>
        public const int DefaultHoldMs = 2000;

        /// <summary>Shortest debounce, 10 ms: mechanical contacts bounce for a few ms.</summary>
        public const int MinDebounceMs = 10;

        /// <summary>Longest debounce, 500 ms: no longer than the shortest hold.</summary>
        public const int MaxDebounceMs = 500;

        /// <summary>Default debounce, 50 ms (hardware/boards "debounceMs").</summary>
        public const int DefaultDebounceMs = 50;

        /// <summary>"gpio": the button's GPIO, one of <see cref="Esp32Pins.UsableList"/>, not an LED data pin. Required.</summary>
        public int Gpio { get; set; }

        /// <summary>"holdMs": how long the button must be held to trigger, 500..10000 ms, default 2000.</summary>
        public int HoldMs { get; set; } = DefaultHoldMs;

        /// <summary>"debounceMs": contact debounce filter, 10..500 ms, default 50.</summary>
        public int DebounceMs { get; set; } = DefaultDebounceMs;
    }
}
