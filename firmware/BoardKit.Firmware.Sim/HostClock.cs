using System;
using System.Diagnostics;
using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Sim
{
    /// <summary>
    /// The simulated board's clocks: a Stopwatch as the monotonic clock; this machine's UTC as "network time" once
    /// <see cref="NetworkTime"/> is on (a board that has reached an SNTP server), 0 otherwise.
    /// </summary>
    public sealed class HostClock : IClock
    {
        private readonly Stopwatch _sinceBoot = Stopwatch.StartNew();

        /// <summary>Whether the board has network time. Default true.</summary>
        public bool NetworkTime { get; set; } = true;

        /// <inheritdoc/>
        public long MonotonicMs => _sinceBoot.ElapsedMilliseconds;

        /// <inheritdoc/>
        public long UtcMs => NetworkTime ? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() : 0;
    }
}
