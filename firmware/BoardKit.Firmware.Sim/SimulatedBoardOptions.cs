namespace BoardKit.Firmware.Sim
{
    /// <summary>How to run a <see cref="SimulatedBoard"/>.</summary>
    public sealed class SimulatedBoardOptions
    {
        /// <summary>The board's flash folder: board.json, board.key, its content and state files, panel.png.</summary>
        public required string DataFolder { get; init; }

        /// <summary>Broker host; null = board.json's broker.host.</summary>
        public string? BrokerHost { get; init; }

        /// <summary>Broker port (plain TCP); 0 = no MQTT at all (an offline board).</summary>
        public int BrokerPort { get; init; }

        /// <summary>Whether the board has network time (SNTP) from the start. Default true.</summary>
        public bool NetworkTime { get; init; } = true;

        /// <summary>Write panel.png on every change. Default true.</summary>
        public bool WritePng { get; init; } = true;

        /// <summary>Read the button's state from the "button" file in the data folder every step. Default true.</summary>
        public bool WatchButtonFile { get; init; } = true;

        /// <summary>Firmware version the board reports.</summary>
        public string FirmwareVersion { get; init; } = "sim-" + ThisAssembly.Version;
    }

    /// <summary>The simulator's own version, for status.</summary>
    internal static class ThisAssembly
    {
        public static readonly string Version = typeof(ThisAssembly).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
