using System;

using BoardKit.Firmware.Core.Ports;

using nanoFramework.Hardware.Esp32;

namespace BoardKit.Firmware.Adapters
{
    /// <summary>
    /// The board's clocks on the ESP32. Facts: firmware/nanoframework/facts.md §5.
    /// <para>
    /// <see cref="MonotonicMs"/> is the 64-bit microsecond timer since boot (esp_timer), in milliseconds: 1 ms resolution,
    /// no wrap. Environment.TickCount64 is not used: on the ESP32 it counts 10 ms FreeRTOS ticks and jumps back when the
    /// 32-bit tick count wraps after about 497 days.
    /// </para>
    /// <para>
    /// <see cref="UtcMs"/> is 0 until the system clock holds network time. The firmware starts SNTP by itself when
    /// Wi-Fi gets an IP address and tells managed code nothing about it, so the only evidence is the value: SNTP is
    /// the only writer of the clock in this firmware, and the clock starts near 1970 at power-on. A value at or after
    /// <see cref="NetworkTimeFloorUtc"/> therefore came from SNTP since power-on (in this boot, or in an earlier one
    /// before a software reset, which the ESP32 clock survives).
    /// </para>
    /// </summary>
    public sealed class DeviceClock : IClock
    {
        /// <summary>
        /// Earliest UTC accepted as network time: 2026-01-01T00:00:00Z, before this firmware existed, so no real clock
        /// can read earlier. (WifiNetworkHelper's own requiresDateTime check uses the year 2021.)
        /// </summary>
        public static readonly DateTime NetworkTimeFloorUtc = new DateTime(2026, 1, 1, 0, 0, 0);

        private const ulong MicrosecondsPerMillisecond = 1000;

        /// <inheritdoc/>
        public long MonotonicMs => (long)(HighResTimer.GetCurrent() / MicrosecondsPerMillisecond);

        /// <inheritdoc/>
        public long UtcMs
        {
            get
            {
                long ticks = DateTime.UtcNow.Ticks;
                if (ticks < NetworkTimeFloorUtc.Ticks)
                {
                    return 0;
                }

                return (ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
            }
        }
    }
}
