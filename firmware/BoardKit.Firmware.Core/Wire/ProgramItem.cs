namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// One item of a program (or the single item of an alert): how and when to show its frames
    /// (docs/protocol.md, "Item record"). Mutable and reusable; the decoder fills a caller-owned instance, including
    /// the offsets of the item's frames in the message so they can be decoded one at a time.
    /// </summary>
    public sealed class ProgramItem
    {
        /// <summary>Layout: static, one frame shown still.</summary>
        public const int LayoutStatic = 0;
        /// <summary>Layout: scroll, one strip frame (up to WireLimits.MaxStripWidth wide) moved right to left.</summary>
        public const int LayoutScroll = 1;
        /// <summary>Layout: page, 1..16 frames shown in turn, each for DwellMs.</summary>
        public const int LayoutPage = 2;
        /// <summary>
        /// Layout: scroll beside a still frame, exactly 2 frames. Frame 0 (at most WireLimits.MaxStillWidth wide) stays
        /// still at the panel's left; frame 1 is a strip (up to WireLimits.MaxStripWidth wide) that scrolls, by the
        /// rules of LayoutScroll, in the window of columns right of it. A pictogram beside scrolling text. Boards
        /// before this layout refuse it (BadField, as any unknown layout).
        /// </summary>
        public const int LayoutScrollBesideStill = 3;

        /// <summary>Bulletin level normal (scheduled by the commune).</summary>
        public const int LevelNormal = 0;
        /// <summary>Bulletin level priority (played ahead of normal items).</summary>
        public const int LevelPriority = 1;
        /// <summary>Bulletin level emergency (played immediately: disasters, fire, epidemics).</summary>
        public const int LevelEmergency = 2;

        /// <summary>Fastest scroll speed accepted, pixels per second.</summary>
        public const int MaxScrollSpeed = 1000;

        /// <summary>Minutes in a day; ScheduleEndMinute may equal it (until midnight).</summary>
        public const int MinutesPerDay = 1440;

        /// <summary>
        /// Shortest blink period other than 0, ms: 500 ms = 2 flashes a second. A public board must stay under the
        /// 3 flashes a second at which flashing can trigger photosensitive seizures (WCAG 2.3.1), with a margin for a
        /// board whose timer runs fast.
        /// </summary>
        public const int MinBlinkPeriodMs = 500;

        /// <summary>Longest blink period, ms (10 s): slower than that is no longer seen as blinking.</summary>
        public const int MaxBlinkPeriodMs = 10000;

        /// <summary>Layout: LayoutStatic, LayoutScroll, LayoutPage or LayoutScrollBesideStill.</summary>
        public int Layout { get; set; }

        /// <summary>Level: LevelNormal, LevelPriority or LevelEmergency.</summary>
        public int Level { get; set; }

        /// <summary>
        /// Milliseconds: static = how long the item is shown; page = per page; scroll and scroll beside a still frame =
        /// minimum time on screen (0 = one full pass of the strip).
        /// </summary>
        public uint DwellMs { get; set; }

        /// <summary>Scroll speed in pixels per second, 1..1000 for the scrolling layouts (LayoutScroll, LayoutScrollBesideStill); must be 0 for the others.</summary>
        public int ScrollSpeed { get; set; }

        /// <summary>Start of validity, unix seconds UTC, inclusive; 0 = no start.</summary>
        public uint ValidFrom { get; set; }

        /// <summary>End of validity, unix seconds UTC, exclusive; 0 = no end. For an alert, its expiry.</summary>
        public uint ValidUntil { get; set; }

        /// <summary>Daily schedule start, minute of the local day 0..1439 (local = UTC + program's offset).</summary>
        public int ScheduleStartMinute { get; set; }

        /// <summary>
        /// Daily schedule end, minute of the local day 0..1440, exclusive. Equal to the start: no daily schedule
        /// (all day). Less than the start: the window crosses midnight (e.g. 1320..360 = 22:00 to 06:00).
        /// </summary>
        public int ScheduleEndMinute { get; set; }

        /// <summary>
        /// Blink period in milliseconds: 0 = steady; otherwise 500..10000 and the whole item is shown for the first
        /// half of each period and dark for the second half (version 1 blinks the whole item; a later version may
        /// blink only a border). The gateway gives emergency bulletins 1000 ms.
        /// </summary>
        public int BlinkPeriodMs { get; set; }

        /// <summary>Decoder: number of frames (1..16).</summary>
        public int FrameCount { get; set; }

        /// <summary>Decoder: offset of each frame in the source array (first FrameCount entries used).</summary>
        public int[] FrameOffsets { get; } = new int[WireLimits.MaxFramesPerItem];

        /// <summary>Decoder: encoded length of each frame.</summary>
        public int[] FrameLengths { get; } = new int[WireLimits.MaxFramesPerItem];

        /// <summary>True for the layouts whose strip scrolls: LayoutScroll and LayoutScrollBesideStill.</summary>
        public static bool Scrolls(int layout)
        {
            return layout == LayoutScroll || layout == LayoutScrollBesideStill;
        }

        /// <summary>Index of the strip frame of a scrolling layout: 1 for LayoutScrollBesideStill (frame 0 is the still frame), else 0.</summary>
        public static int StripFrameIndex(int layout)
        {
            return layout == LayoutScrollBesideStill ? 1 : 0;
        }

        /// <summary>True if the validity window contains <paramref name="nowUnixSeconds"/>.</summary>
        public bool IsValidAt(long nowUnixSeconds)
        {
            if (ValidFrom != 0 && nowUnixSeconds < ValidFrom)
            {
                return false;
            }

            return ValidUntil == 0 || nowUnixSeconds < ValidUntil;
        }

        /// <summary>True if the daily schedule contains <paramref name="minuteOfLocalDay"/> (0..1439).</summary>
        public bool IsScheduledAt(int minuteOfLocalDay)
        {
            int start = ScheduleStartMinute;
            int end = ScheduleEndMinute;
            if (start == end)
            {
                return true;
            }

            if (start < end)
            {
                return minuteOfLocalDay >= start && minuteOfLocalDay < end;
            }

            return minuteOfLocalDay >= start || minuteOfLocalDay < end;
        }

        /// <summary>Copies the schedule and display fields (not the frame offsets) from <paramref name="other"/>.</summary>
        public void CopySettingsFrom(ProgramItem other)
        {
            Layout = other.Layout;
            Level = other.Level;
            DwellMs = other.DwellMs;
            ScrollSpeed = other.ScrollSpeed;
            ValidFrom = other.ValidFrom;
            ValidUntil = other.ValidUntil;
            ScheduleStartMinute = other.ScheduleStartMinute;
            ScheduleEndMinute = other.ScheduleEndMinute;
            BlinkPeriodMs = other.BlinkPeriodMs;
        }
    }
}
