namespace BoardKit.Firmware.Core.Ports
{
    /// <summary>
    /// The board's two clocks. The core's logic takes time as arguments (<c>long nowMs</c>); only the board loop reads
    /// this port, once per step, and passes the values on, so tests and the simulator drive time themselves.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; never goes back (ESP32: HighResTimer.GetCurrent() / 1000, firmware/nanoframework/facts.md §5).</summary>
        long MonotonicMs { get; }

        /// <summary>
        /// UTC in milliseconds since 1970 once the board's clock was set by network time (SNTP), otherwise 0. A board never
        /// trusts a clock nobody set: an ESP32 starts at 1970 after a power-on reset (a software reset keeps the RTC time).
        /// </summary>
        long UtcMs { get; }
    }
}
