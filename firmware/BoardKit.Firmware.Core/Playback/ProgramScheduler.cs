using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// Decides which program item plays (docs: board behaviour, program loop). An item is eligible at board time now
    /// (unix s) when now &lt;= 0 (time unknown: every item is eligible, validity and schedules are ignored), or when
    /// validFrom &lt;= now (if validFrom != 0), now &lt; validUntil (if validUntil != 0) and its daily schedule contains
    /// the local minute floor(((now + utcOffsetMinutes x 60) mod 86400) / 60).
    /// <list type="bullet">
    /// <item>While any emergency-level item is eligible only emergency items play, in index order, round robin
    /// (entering that mode starts at the lowest eligible index).</item>
    /// <item>Otherwise a cycle plays every eligible priority item in index order, then every eligible normal item in
    /// index order, then starts over: the next item is the first eligible one after the current one in that order,
    /// wrapping to the first eligible one (the only eligible item simply restarts).</item>
    /// <item>An item ends when its duration has elapsed, when it stops being eligible, when (non-emergency) an
    /// emergency item becomes eligible, or when a new program is held (the cycle starts again from its
    /// beginning). The next item starts at the step that ended the previous one.</item>
    /// <item>An item interrupted by a layer above it (or a normal/priority item by emergency items) restarts from its
    /// beginning when it is on screen again, or, if no longer eligible, the next eligible item after it plays.</item>
    /// <item>No eligible item: nothing plays (dark) and the next eligible item starts the cycle from its beginning.</item>
    /// </list>
    /// Eligibility settings are read once per program; per step only arrays are compared. Fixed memory: 5 arrays of
    /// 16 = 320 B, one ProgramItem (about 170 B), one FrameHeader (about 80 B), one ItemTimeline, about 0.6 KB.
    /// No allocation after construction; never throws.
    /// </summary>
    public sealed class ProgramScheduler
    {
        /// <summary>Index meaning "no item".</summary>
        public const int NoItem = -1;

        /// <summary>Seconds in a day, for the local minute.</summary>
        private const long SecondsPerDay = 86400;

        /// <summary>Seconds in a minute.</summary>
        private const long SecondsPerMinute = 60;

        /// <summary>Level recorded for an item that could not be read: never eligible.</summary>
        private const int Unreadable = -1;

        private readonly HeldContent _content;
        private readonly ProgramItem _item = new ProgramItem();
        private readonly FrameHeader _stripHeader = new FrameHeader();
        private readonly ItemTimeline _timeline = new ItemTimeline();
        private readonly int[] _levels = new int[WireLimits.MaxItems];
        private readonly uint[] _validFrom = new uint[WireLimits.MaxItems];
        private readonly uint[] _validUntil = new uint[WireLimits.MaxItems];
        private readonly int[] _scheduleStart = new int[WireLimits.MaxItems];
        private readonly int[] _scheduleEnd = new int[WireLimits.MaxItems];
        private int _itemCount;
        private int _utcOffsetMinutes;
        private int _loadedVersion = -1;
        private int _current = NoItem;
        private int _resume = NoItem;
        private long _startedAtMs;
        private bool _interrupted;

        /// <summary>Schedules the program held in <paramref name="content"/> (read, never changed, except by HeldContent's own item cache).</summary>
        public ProgramScheduler(HeldContent content)
        {
            _content = content;
        }

        /// <summary>The item playing, or interrupted and waiting to restart; <see cref="NoItem"/> if none.</summary>
        public int Current
        {
            get { return _current; }
        }

        /// <summary>Monotonic ms at which <see cref="Current"/> (re)started.</summary>
        public long StartedAtMs
        {
            get { return _startedAtMs; }
        }

        /// <summary>Timing of <see cref="Current"/> (non-looping). Owned here.</summary>
        public ItemTimeline Timeline
        {
            get { return _timeline; }
        }

        /// <summary>
        /// Minute of the local day, 0..1439, at unix time <paramref name="nowUnixSeconds"/> with the program's offset
        /// <paramref name="utcOffsetMinutes"/>: floor(((now + offset x 60) mod 86400) / 60), the modulo taken non-negative.
        /// </summary>
        public static int LocalMinuteOfDay(long nowUnixSeconds, int utcOffsetMinutes)
        {
            long seconds = (nowUnixSeconds + (utcOffsetMinutes * SecondsPerMinute)) % SecondsPerDay;
            if (seconds < 0)
            {
                seconds += SecondsPerDay;
            }

            return (int)(seconds / SecondsPerMinute);
        }

        /// <summary>True if program item <paramref name="index"/> of the held program is eligible at <paramref name="nowUnixSeconds"/> (see the class summary).</summary>
        public bool IsEligible(int index, long nowUnixSeconds)
        {
            Refresh();
            return Eligible(index, nowUnixSeconds);
        }

        /// <summary>
        /// The program item to show at this step, or <see cref="NoItem"/>. Emergency items are returned whatever the
        /// lower layers want; otherwise, with <paramref name="lowerLayerWaiting"/> (identify or a live frame would
        /// show), the program is suspended and NoItem is returned. Ends and starts items as the class summary says.
        /// </summary>
        public int Select(long monotonicMs, long nowUnixSeconds, bool lowerLayerWaiting)
        {
            Refresh();
            if (AnyEmergencyEligible(nowUnixSeconds))
            {
                if (_current != NoItem && _levels[_current] != ProgramItem.LevelEmergency)
                {
                    _resume = _current;
                    _current = NoItem;
                }

                Advance(monotonicMs, nowUnixSeconds, true);
                return _current;
            }

            if (_current != NoItem && _levels[_current] == ProgramItem.LevelEmergency)
            {
                // The emergency is over: the item it interrupted (if any) restarts, or the next one after it.
                _current = _resume;
                _resume = NoItem;
                _interrupted = true;
            }

            if (lowerLayerWaiting)
            {
                Suspend();
                return NoItem;
            }

            Advance(monotonicMs, nowUnixSeconds, false);
            return _current;
        }

        /// <summary>A layer above the program covers it at this step: the current item will restart when shown again.</summary>
        public void Suspend()
        {
            if (_current != NoItem)
            {
                _interrupted = true;
            }
        }

        private void Advance(long monotonicMs, long now, bool emergency)
        {
            if (_current == NoItem)
            {
                StartItem(NextEligible(-1, emergency, now), monotonicMs);
            }
            else if (_interrupted)
            {
                StartItem(Eligible(_current, now) ? _current : NextEligible(OrderKey(_current), emergency, now), monotonicMs);
            }
            else if (!Eligible(_current, now) || _timeline.HasEndedAt(monotonicMs - _startedAtMs))
            {
                StartItem(NextEligible(OrderKey(_current), emergency, now), monotonicMs);
            }
        }

        private void StartItem(int index, long monotonicMs)
        {
            _interrupted = false;
            _current = NoItem;
            if (index == NoItem || !_content.TryGetProgramItem(index, _item))
            {
                return;
            }

            int stripWidth = 1;
            int error;
            if (ProgramItem.Scrolls(_item.Layout) && _content.TryReadFrameHeader(index, ProgramItem.StripFrameIndex(_item.Layout), _stripHeader, out error))
            {
                stripWidth = _stripHeader.Width;
            }

            _timeline.Start(_item, stripWidth, false);
            _current = index;
            _startedAtMs = monotonicMs;
        }

        /// <summary>Lowest order key above <paramref name="afterKey"/> among eligible items of the mode, else the lowest of all, else NoItem.</summary>
        private int NextEligible(int afterKey, bool emergency, long now)
        {
            int next = NoItem;
            int nextKey = int.MaxValue;
            int first = NoItem;
            int firstKey = int.MaxValue;
            for (int i = 0; i < _itemCount; i++)
            {
                if (!Eligible(i, now) || (_levels[i] == ProgramItem.LevelEmergency) != emergency)
                {
                    continue;
                }

                int key = OrderKey(i);
                if (key < firstKey)
                {
                    first = i;
                    firstKey = key;
                }

                if (key > afterKey && key < nextKey)
                {
                    next = i;
                    nextKey = key;
                }
            }

            return next != NoItem ? next : first;
        }

        /// <summary>Position in the play order: priority items 0..15, normal items 16..31 (emergency items: their index).</summary>
        private int OrderKey(int index)
        {
            return _levels[index] == ProgramItem.LevelNormal ? WireLimits.MaxItems + index : index;
        }

        private bool AnyEmergencyEligible(long now)
        {
            for (int i = 0; i < _itemCount; i++)
            {
                if (_levels[i] == ProgramItem.LevelEmergency && Eligible(i, now))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Eligible(int index, long now)
        {
            if (index < 0 || index >= _itemCount)
            {
                return false;
            }

            int level = _levels[index];
            if (level != ProgramItem.LevelNormal && level != ProgramItem.LevelPriority && level != ProgramItem.LevelEmergency)
            {
                return false;
            }

            if (now <= 0)
            {
                return true;
            }

            // The rules themselves are ProgramItem's: one scratch item carries this item's four fields.
            _item.ValidFrom = _validFrom[index];
            _item.ValidUntil = _validUntil[index];
            _item.ScheduleStartMinute = _scheduleStart[index];
            _item.ScheduleEndMinute = _scheduleEnd[index];
            return _item.IsValidAt(now) && _item.IsScheduledAt(LocalMinuteOfDay(now, _utcOffsetMinutes));
        }

        /// <summary>Reads the eligibility settings of a newly held program and starts its cycle from the beginning.</summary>
        private void Refresh()
        {
            int version = _content.ProgramVersion;
            if (version == _loadedVersion)
            {
                return;
            }

            _loadedVersion = version;
            _current = NoItem;
            _resume = NoItem;
            _interrupted = false;
            _itemCount = 0;
            if (!_content.HasProgram)
            {
                return;
            }

            int count = _content.Program.ItemCount;
            _itemCount = count < 0 ? 0 : (count > WireLimits.MaxItems ? WireLimits.MaxItems : count);
            _utcOffsetMinutes = _content.Program.UtcOffsetMinutes;
            for (int i = 0; i < _itemCount; i++)
            {
                if (!_content.TryGetProgramItem(i, _item))
                {
                    _levels[i] = Unreadable;
                    continue;
                }

                _levels[i] = _item.Level;
                _validFrom[i] = _item.ValidFrom;
                _validUntil[i] = _item.ValidUntil;
                _scheduleStart[i] = _item.ScheduleStartMinute;
                _scheduleEnd[i] = _item.ScheduleEndMinute;
            }
        }
    }
}
