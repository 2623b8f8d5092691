namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// What the board knows about the time (docs/protocol.md 15.2). Three levels, best first:
    /// <list type="number">
    /// <item>Network: UTC from SNTP in this boot (<see cref="SetNetworkTime"/>), advanced by the monotonic clock.</item>
    /// <item>Lower bound: real time is at least the bound: the issue time of the newest message the board accepted,
    /// the bound saved before the last reboot, or network time saved then; advanced by the monotonic clock since it
    /// was learned. Never moves backwards except by a resync command.</item>
    /// <item>Unknown: nothing at all yet (a fresh board that has accepted no message): <see cref="NowUnixSeconds"/> is 0.</item>
    /// </list>
    /// All times in: monotonic milliseconds since boot; out: unix seconds. Allocates nothing.
    /// </summary>
    public sealed class BoardClock
    {
        /// <summary>Quality: nothing known; now is 0.</summary>
        public const int QualityUnknown = 0;

        /// <summary>Quality: a lower bound from messages or from before the reboot; real time is at least now.</summary>
        public const int QualityLowerBound = 1;

        /// <summary>Quality: network time (SNTP) in this boot.</summary>
        public const int QualityNetwork = 2;

        /// <summary>
        /// How far a message's issue time may run ahead of network time before the board stops trusting it as a lower
        /// bound, seconds (1 day): a gateway clock far ahead must not push the board into the future, where every
        /// program item and alert looks expired.
        /// </summary>
        public const long MaxIssuedAheadSeconds = 86400;

        private long _networkUtcMs;
        private long _networkAtMonoMs;
        private long _boundUnixSeconds;
        private long _boundAtMonoMs;

        /// <summary>The best time quality now: QualityUnknown, QualityLowerBound or QualityNetwork.</summary>
        public int Quality
        {
            get
            {
                if (_networkUtcMs > 0)
                {
                    return QualityNetwork;
                }

                return _boundUnixSeconds > 0 ? QualityLowerBound : QualityUnknown;
            }
        }

        /// <summary>True once the board has network time in this boot.</summary>
        public bool HasNetworkTime
        {
            get { return _networkUtcMs > 0; }
        }

        /// <summary>
        /// The board's time at <paramref name="monotonicMs"/>, unix seconds: network time if known, else the lower bound
        /// advanced by the time since it was learned, else 0 (unknown).
        /// </summary>
        public long NowUnixSeconds(long monotonicMs)
        {
            if (_networkUtcMs > 0)
            {
                return (_networkUtcMs + (monotonicMs - _networkAtMonoMs)) / 1000;
            }

            if (_boundUnixSeconds > 0)
            {
                return _boundUnixSeconds + ((monotonicMs - _boundAtMonoMs) / 1000);
            }

            return 0;
        }

        /// <summary>Network time at <paramref name="monotonicMs"/> in milliseconds since 1970, or 0 without network time.</summary>
        public long NetworkUtcMs(long monotonicMs)
        {
            return _networkUtcMs > 0 ? _networkUtcMs + (monotonicMs - _networkAtMonoMs) : 0;
        }

        /// <summary>
        /// Starts the boot with the lower bound saved before it (ReplayGuard.TimeLowerBound, unix seconds, 0 = none),
        /// valid from monotonic time <paramref name="monotonicMs"/> (normally the boot, 0).
        /// </summary>
        public void Start(long savedLowerBound, long monotonicMs)
        {
            _networkUtcMs = 0;
            _boundUnixSeconds = savedLowerBound > 0 ? savedLowerBound : 0;
            _boundAtMonoMs = monotonicMs;
        }

        /// <summary>Network time (SNTP) is <paramref name="utcMs"/> (ms since 1970, &gt; 0) at <paramref name="monotonicMs"/>.</summary>
        public void SetNetworkTime(long utcMs, long monotonicMs)
        {
            if (utcMs <= 0)
            {
                return;
            }

            _networkUtcMs = utcMs;
            _networkAtMonoMs = monotonicMs;
        }

        /// <summary>
        /// An accepted message was issued at <paramref name="issuedAt"/> (unix seconds, 0 = unknown) and arrived at
        /// <paramref name="monotonicMs"/>: real time is at least that, so the lower bound rises to it. With network
        /// time, an issue time more than <see cref="MaxIssuedAheadSeconds"/> ahead of it is not believed.
        /// </summary>
        public void ObserveIssuedAt(uint issuedAt, long monotonicMs)
        {
            if (issuedAt == 0)
            {
                return;
            }

            if (_networkUtcMs > 0 && issuedAt > NowUnixSeconds(monotonicMs) + MaxIssuedAheadSeconds)
            {
                return;
            }

            RaiseLowerBound(issuedAt, monotonicMs);
        }

        /// <summary>
        /// Replaces the lower bound with <paramref name="unixSeconds"/> learned at <paramref name="monotonicMs"/>, even
        /// downwards: only for a verified resync command, which repairs a bound pushed ahead by a wrong gateway clock.
        /// </summary>
        public void ResetLowerBound(uint unixSeconds, long monotonicMs)
        {
            _boundUnixSeconds = unixSeconds;
            _boundAtMonoMs = monotonicMs;
        }

        /// <summary>
        /// What to save as ReplayGuard.TimeLowerBound at <paramref name="monotonicMs"/>: the board's time now, whichever
        /// level it comes from (0 when unknown), so that after a reboot without network an expired alert stays expired.
        /// </summary>
        public uint LowerBoundToSave(long monotonicMs)
        {
            long now = NowUnixSeconds(monotonicMs);
            return now > 0 && now <= 0xFFFFFFFFL ? (uint)now : 0;
        }

        private void RaiseLowerBound(long unixSeconds, long monotonicMs)
        {
            if (unixSeconds > NowLowerBound(monotonicMs))
            {
                _boundUnixSeconds = unixSeconds;
                _boundAtMonoMs = monotonicMs;
            }
        }

        private long NowLowerBound(long monotonicMs)
        {
            return _boundUnixSeconds > 0 ? _boundUnixSeconds + ((monotonicMs - _boundAtMonoMs) / 1000) : 0;
        }
    }
}
