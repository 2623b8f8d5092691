namespace BoardKit.Firmware.Core.Ports
{
    /// <summary>
    /// The board's MQTT 3.1.1 connection, as the core's Board.BoardLink drives it (docs/protocol.md 15.4). The device
    /// glue implements it with nanoFramework.M2Mqtt, the simulator with MQTTnet. Calls block and come from one thread
    /// (the board's network thread); received messages go the other way, from the client's receive callback into
    /// Board.BoardRuntime.OnMessage. No method throws: failures are false, and the link retries with backoff.
    /// </summary>
    public interface IMqttPort
    {
        /// <summary>True while the session is up (false after a connection loss, until the next successful Connect).</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Opens a session to the board's broker as <paramref name="clientId"/> with <paramref name="username"/> and
        /// <paramref name="password"/> (null: none), keepalive <paramref name="keepAliveSeconds"/>, clean session
        /// <paramref name="cleanSession"/>, and the last will: <paramref name="willMessage"/> (ASCII) on
        /// <paramref name="willTopic"/>, QoS 1, retained. True once the broker accepted it (CONNACK 0).
        /// </summary>
        bool Connect(string clientId, string username, string? password, string willTopic, string willMessage, int keepAliveSeconds, bool cleanSession);

        /// <summary>Subscribes to <paramref name="topics"/> with the QoS levels in <paramref name="qos"/> (0 or 1); true once acknowledged.</summary>
        bool Subscribe(string[] topics, int[] qos);

        /// <summary>
        /// Publishes payload[0..length) on <paramref name="topic"/> at <paramref name="qos"/> (0 or 1), retained or not.
        /// True only once delivered: at QoS 1 when the broker's PUBACK arrived, at QoS 0 when written. The port copies
        /// what it needs before returning; the caller reuses <paramref name="payload"/>.
        /// </summary>
        bool Publish(string topic, byte[] payload, int length, int qos, bool retain);

        /// <summary>Closes the session cleanly (the broker then does not publish the will).</summary>
        void Disconnect();
    }
}
