namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// board.json "brightness" (optional, as are its fields): LED brightness by local time of day. Night runs from
    /// <see cref="NightFromMinute"/> up to (not including) <see cref="NightUntilMinute"/>, across midnight when
    /// from &gt; until. Local time is UTC plus BoardConfig.UtcOffsetMinutes.
    /// </summary>
    public sealed class BrightnessConfig
    {
        /// <summary>Highest brightness level, 255 (full).</summary>
        public const int MaxLevel = 255;

        /// <summary>Default day level, 255: outdoor boards need full brightness in daylight.</summary>
        public const int DefaultDay = 255;

        /// <summary>Default night level, 96 (about 38 %): readable at night without glare.</summary>
        public const int DefaultNight = 96;

        /// <summary>Default start of night, 19:00 (1140 minutes): after dusk in Vietnam all year.</summary>
        public const int DefaultNightFromMinute = 19 * 60;

        /// <summary>Default end of night, 06:00 (360 minutes): around dawn in Vietnam.</summary>
        public const int DefaultNightUntilMinute = 6 * 60;

        /// <summary>Minutes in a day: times are 0..1439.</summary>
        public const int MinutesPerDay = 1440;

        /// <summary>"day": brightness by day, 0..255, default 255.</summary>
        public int Day { get; set; } = DefaultDay;

        /// <summary>"night": brightness by night, 0..255, default 96.</summary>
        public int Night { get; set; } = DefaultNight;

        /// <summary>"nightFrom": start of night in minutes after local midnight, 0..1439, from "HH:MM"; default "19:00".</summary>
        public int NightFromMinute { get; set; } = DefaultNightFromMinute;

        /// <summary>"nightUntil": end of night in minutes after local midnight, 0..1439, from "HH:MM"; default "06:00". Differs from NightFromMinute.</summary>
        public int NightUntilMinute { get; set; } = DefaultNightUntilMinute;
    }
}
