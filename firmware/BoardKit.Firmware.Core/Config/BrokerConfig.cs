namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// board.json "broker" (required, for "host"): the MQTT broker. The board's MQTT username and client id are its
    /// board id (docs/protocol.md section 2); a password, if the broker wants one, is in board.key.
    /// </summary>
    public sealed class BrokerConfig
    {
        /// <summary>Longest host name, 128 characters (a DNS name may be 253, but an installer types these).</summary>
        public const int MaxHostLength = 128;

        /// <summary>Default port, 8883: MQTT over TLS.</summary>
        public const int DefaultPort = 8883;

        /// <summary>Highest TCP port, 65535.</summary>
        public const int MaxPort = 65535;

        /// <summary>"host": DNS name or IPv4 address, 1..128 characters (<see cref="HostName.IsValid"/>). Required.</summary>
        public string Host { get; set; } = string.Empty;

        /// <summary>"port": TCP port, 1..65535, default 8883.</summary>
        public int Port { get; set; } = DefaultPort;

        /// <summary>
        /// "tls": connect with TLS, default true. false sends the MQTT password in clear text on the network; content
        /// stays protected by its HMAC either way.
        /// </summary>
        public bool Tls { get; set; } = true;
    }
}
