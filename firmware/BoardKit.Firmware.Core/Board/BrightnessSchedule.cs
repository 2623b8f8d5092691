namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// The brightness level the board asks of its LEDs before the power budget (docs/protocol.md 15.7): the day level,
    /// or the night level inside the nightly window of local time; a brightness command overrides both until the
    /// next command or reboot; emergencies (alert, local emergency, emergency-level items) are shown at least at the
    /// day level, so they stay readable at night. Levels 0..255. The power budget may still lower what is applied.
    /// </summary>
    public sealed class BrightnessSchedule
    {
        private int _override = -1;

        /// <summary>
        /// A schedule with <paramref name="dayLevel"/> and <paramref name="nightLevel"/> (0..255), the night running
        /// from minute <paramref name="nightFromMinute"/> to <paramref name="nightUntilMinute"/> of the local day (0..1439;
        /// from &gt; until crosses midnight; equal means no night) at <paramref name="utcOffsetMinutes"/> from UTC.
        /// </summary>
        /// <exception cref="System.ArgumentException">A value out of range.</exception>
        public BrightnessSchedule(int dayLevel, int nightLevel, int nightFromMinute, int nightUntilMinute, int utcOffsetMinutes)
        {
            if (dayLevel < 0 || dayLevel > 255 || nightLevel < 0 || nightLevel > 255 || nightFromMinute < 0 || nightFromMinute > 1439
                || nightUntilMinute < 0 || nightUntilMinute > 1439 || utcOffsetMinutes < -720 || utcOffsetMinutes > 840)
            {
                throw new System.ArgumentException("brightness levels 0..255, minutes 0..1439, UTC offset -720..840");
            }

            DayLevel = dayLevel;
            NightLevel = nightLevel;
            NightFromMinute = nightFromMinute;
            NightUntilMinute = nightUntilMinute;
            UtcOffsetMinutes = utcOffsetMinutes;
        }

        /// <summary>Day level, 0..255.</summary>
        public int DayLevel { get; private set; }

        /// <summary>Night level, 0..255.</summary>
        public int NightLevel { get; private set; }

        /// <summary>First minute of the night, local time.</summary>
        public int NightFromMinute { get; private set; }

        /// <summary>First minute of the day again, local time.</summary>
        public int NightUntilMinute { get; private set; }

        /// <summary>Local time offset, minutes (Vietnam: 420).</summary>
        public int UtcOffsetMinutes { get; private set; }

        /// <summary>Sets the command override (0..255), or -1 to return to the schedule.</summary>
        public void SetOverride(int level)
        {
            _override = level < 0 ? -1 : (level > 255 ? 255 : level);
        }

        /// <summary>True when <paramref name="nowUnixSeconds"/> (0 = unknown: day) falls in the night window.</summary>
        public bool IsNight(long nowUnixSeconds)
        {
            if (nowUnixSeconds <= 0 || NightFromMinute == NightUntilMinute)
            {
                return false;
            }

            long local = nowUnixSeconds + (UtcOffsetMinutes * 60L);
            int minute = (int)(((local % 86400) + 86400) % 86400 / 60);
            if (NightFromMinute < NightUntilMinute)
            {
                return minute >= NightFromMinute && minute < NightUntilMinute;
            }

            return minute >= NightFromMinute || minute < NightUntilMinute;
        }

        /// <summary>The level to ask for at <paramref name="nowUnixSeconds"/>; <paramref name="emergency"/> raises it to at least the day level.</summary>
        public int LevelAt(long nowUnixSeconds, bool emergency)
        {
            int level = _override >= 0 ? _override : (IsNight(nowUnixSeconds) ? NightLevel : DayLevel);
            return emergency && level < DayLevel ? DayLevel : level;
        }
    }
}
