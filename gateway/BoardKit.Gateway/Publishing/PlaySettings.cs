namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// How a board plays and schedules the items of one bulletin (docs/protocol.md 5.2, "Item record"). Every item a
    /// bulletin is split into gets the same settings, so the board shows or skips the pieces together.
    /// </summary>
    public sealed record PlaySettings
    {
        /// <summary>The defaults: 8 s dwell, 24 px/s, valid always, all day.</summary>
        public static PlaySettings Default { get; } = new();

        /// <summary>Static: time shown; pages: per page; scroll: minimum time on screen (0 = one pass). Milliseconds. Default 8000.</summary>
        public uint DwellMs { get; init; } = 8000;

        /// <summary>Scroll speed in pixels per second (1–1000); used by scroll items only. Default 24 (a 64-px panel in ~2.7 s).</summary>
        public int ScrollSpeed { get; init; } = 24;

        /// <summary>Start of validity, unix seconds UTC; 0 = from now on.</summary>
        public uint ValidFrom { get; init; }

        /// <summary>End of validity (exclusive), unix seconds UTC; 0 = no end. For an alert, its expiry.</summary>
        public uint ValidUntil { get; init; }

        /// <summary>Daily window start, minute of the local day (0–1439). Equal to <see cref="ScheduleEndMinute"/> = all day.</summary>
        public int ScheduleStartMinute { get; init; }

        /// <summary>Daily window end, minute of the local day (0–1440), exclusive; less than the start = across midnight.</summary>
        public int ScheduleEndMinute { get; init; }
    }
}
