namespace BoardKit.Firmware.Core.Ports
{
    /// <summary>
    /// The board's two clocks. The core's logic takes time as arguments (<c>long nowMs</c>); only the board loop reads
    /// this port, once per step, and passes the values on, so tests and the simulator drive time themselves.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; never goes back (ESP32: Environment.TickCount64).</summary>
        long MonotonicMs { get; }

        /// <summary>
        /// UTC in milliseconds since 1970 when the board has network time (SNTP) in this boot, otherwise 0. A board
        /// never trusts a clock it did not sync: an ESP32 starts at 1970 after every reset.
        /// </summary>
        long UtcMs { get; }
    }
}
