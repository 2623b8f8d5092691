using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// The timing of one item on screen, as functions of t = milliseconds since the item (or the layer showing it)
    /// started: which frame, which scroll offset, whether the blink leaves it lit, and when a single play ends.
    /// <list type="bullet">
    /// <item>Static: frame 0 for the dwell (0 = <see cref="DefaultDwellMs"/>).</item>
    /// <item>Page: page floor(t / dwell) for frameCount x dwell (dwell 0 = <see cref="DefaultDwellMs"/>).</item>
    /// <item>Scroll: strip width S, speed v px/s: offset floor(t x v / 1000) mod S; one pass = ceil(S x 1000 / v) ms;
    /// passes = max(1, ceil(dwell / pass)) (dwell 0 = one pass); duration = passes x pass. The wire has no
    /// "passes" field: the dwell is the minimum time on screen, rounded up to whole passes.</item>
    /// <item>Scroll beside a still frame: exactly the scroll rules, S the width of its strip (frame 1); the still frame
    /// (frame 0) has no timing of its own.</item>
    /// <item>Blink period P &gt; 0: lit iff (t mod P) &lt; P / 2 (integer division).</item>
    /// </list>
    /// A looping timeline (alert, preset) never ends: pages cycle (page = floor(t / dwell) mod frameCount), a strip
    /// keeps wrapping, a static frame stays. t below 0 counts as 0. 64-bit arithmetic throughout; no allocation,
    /// never throws. Fixed memory: 8 fields, about 40 bytes.
    /// </summary>
    public sealed class ItemTimeline
    {
        /// <summary>Dwell used by static and page items whose dwell is 0, ms (5 s: about two readings of a short line).</summary>
        public const long DefaultDwellMs = 5000;

        /// <summary>Milliseconds per second, for px/s speeds.</summary>
        private const long MsPerSecond = 1000;

        private int _layout;
        private int _frameCount = 1;
        private int _stripWidth = 1;
        private int _speed = 1;
        private int _blinkPeriodMs;
        private long _dwellMs = DefaultDwellMs;
        private long _durationMs = DefaultDwellMs;
        private bool _loops;

        /// <summary>Layout of the item timed (ProgramItem.LayoutStatic, LayoutScroll, LayoutPage or LayoutScrollBesideStill).</summary>
        public int Layout
        {
            get { return _layout; }
        }

        /// <summary>True when the timeline loops (alert, preset): it never ends.</summary>
        public bool Loops
        {
            get { return _loops; }
        }

        /// <summary>Duration of one play, ms (see the class summary); at least 1.</summary>
        public long DurationMs
        {
            get { return _durationMs; }
        }

        /// <summary>Width of the scroll strip in pixels (1 for layouts that do not scroll).</summary>
        public int StripWidth
        {
            get { return _stripWidth; }
        }

        /// <summary>
        /// Times <paramref name="item"/>: its layout, dwell, frame count, scroll speed and blink period are copied.
        /// <paramref name="stripWidth"/> is the width of its strip frame (frame ProgramItem.StripFrameIndex of a scrolling
        /// layout; ignored otherwise; below 1 counts as 1). <paramref name="loops"/>: true for an alert or preset, false for a program item.
        /// </summary>
        public void Start(ProgramItem item, int stripWidth, bool loops)
        {
            _layout = item.Layout;
            _frameCount = item.FrameCount < 1 ? 1 : item.FrameCount;
            _stripWidth = ProgramItem.Scrolls(item.Layout) && stripWidth > 1 ? stripWidth : 1;
            _speed = item.ScrollSpeed < 1 ? 1 : item.ScrollSpeed;
            _blinkPeriodMs = item.BlinkPeriodMs;
            _dwellMs = item.DwellMs;
            _loops = loops;
            _durationMs = Duration(_layout, _dwellMs, _frameCount, _stripWidth, _speed);
        }

        /// <summary>True when a non-looping play has ended at <paramref name="t"/> ms: t &gt;= DurationMs.</summary>
        public bool HasEndedAt(long t)
        {
            return !_loops && t >= _durationMs;
        }

        /// <summary>Frame shown at <paramref name="t"/> ms: the page for page items (the last page after the end of a non-looping play), else 0.</summary>
        public int FrameAt(long t)
        {
            if (_layout != ProgramItem.LayoutPage)
            {
                return 0;
            }

            long page = NonNegative(t) / EffectiveDwellMs(_dwellMs);
            if (_loops)
            {
                return (int)(page % _frameCount);
            }

            return page >= _frameCount ? _frameCount - 1 : (int)page;
        }

        /// <summary>Scroll offset at <paramref name="t"/> ms, 0..StripWidth-1 (0 for layouts that do not scroll).</summary>
        public int ScrollOffsetAt(long t)
        {
            return ProgramItem.Scrolls(_layout) ? ScrollOffset(t, _speed, _stripWidth) : 0;
        }

        /// <summary>True when the item is lit at <paramref name="t"/> ms (always, without a blink period).</summary>
        public bool IsLitAt(long t)
        {
            return IsBlinkOn(t, _blinkPeriodMs);
        }

        /// <summary>The dwell that applies to static and page items: <paramref name="dwellMs"/>, or <see cref="DefaultDwellMs"/> for 0 (or less).</summary>
        public static long EffectiveDwellMs(long dwellMs)
        {
            return dwellMs > 0 ? dwellMs : DefaultDwellMs;
        }

        /// <summary>
        /// One pass of a strip of <paramref name="stripWidth"/> px at <paramref name="speed"/> px/s, ms:
        /// ceil(S x 1000 / v). Width and speed below 1 count as 1.
        /// </summary>
        public static long ScrollPassMs(int stripWidth, int speed)
        {
            long s = stripWidth < 1 ? 1 : stripWidth;
            long v = speed < 1 ? 1 : speed;
            return ((s * MsPerSecond) + v - 1) / v;
        }

        /// <summary>
        /// Scroll offset at <paramref name="t"/> ms: floor(t x v / 1000) mod S, in 0..S-1. Panel column x shows strip
        /// column (offset + x) mod S. Width and speed below 1 count as 1.
        /// </summary>
        public static int ScrollOffset(long t, int speed, int stripWidth)
        {
            long s = stripWidth < 1 ? 1 : stripWidth;
            long v = speed < 1 ? 1 : speed;
            return (int)((NonNegative(t) * v / MsPerSecond) % s);
        }

        /// <summary>True when a blink of period <paramref name="periodMs"/> is lit at <paramref name="t"/> ms: (t mod P) &lt; P / 2; always for P &lt;= 0.</summary>
        public static bool IsBlinkOn(long t, int periodMs)
        {
            if (periodMs <= 0)
            {
                return true;
            }

            return NonNegative(t) % periodMs < periodMs / 2;
        }

        /// <summary>
        /// Duration of one play, ms: static = dwell; page = frameCount x dwell (dwell 0 = DefaultDwellMs); scroll and
        /// scroll beside a still frame = max(1, ceil(dwell / pass)) x pass. At least 1.
        /// </summary>
        public static long Duration(int layout, long dwellMs, int frameCount, int stripWidth, int speed)
        {
            if (ProgramItem.Scrolls(layout))
            {
                long pass = ScrollPassMs(stripWidth, speed);
                long passes = dwellMs > 0 ? (dwellMs + pass - 1) / pass : 1;
                return (passes < 1 ? 1 : passes) * pass;
            }

            long dwell = EffectiveDwellMs(dwellMs);
            return layout == ProgramItem.LayoutPage ? dwell * (frameCount < 1 ? 1 : frameCount) : dwell;
        }

        private static long NonNegative(long t)
        {
            return t < 0 ? 0 : t;
        }
    }
}
