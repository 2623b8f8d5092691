using System;
using System.Threading;

using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Ports;

using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace BoardKit.Firmware.Adapters
{
    /// <summary>Receives one MQTT message: its topic and its payload (a fresh array per message).</summary>
    /// <param name="topic">The topic the message arrived on.</param>
    /// <param name="message">The payload; never null (an empty payload is an empty array).</param>
    public delegate void MqttMessageHandler(string topic, byte[] message);

    /// <summary>
    /// The board's MQTT 3.1.1 session on nanoFramework.M2Mqtt 5.1.220 (firmware/nanoframework/facts.md §7). Every call
    /// comes from the board's network thread and blocks until the broker answered, the connection closed or
    /// <see cref="AnswerTimeoutMs"/> passed; no call throws (the client's exceptions become false).
    /// <para>
    /// One <see cref="MqttClient"/> per session: <see cref="Connect"/> closes the previous client and makes a new one,
    /// because the client resolves the broker's host name once, in its constructor, and throws when there is no
    /// address (so a board that booted without network or whose broker moved recovers at the next attempt). The old
    /// client's handlers are removed before it is closed, and an answer from any client but the current one is ignored.
    /// </para>
    /// <para>
    /// Delivery (facts §7): M2Mqtt's Publish only queues the message and returns its id; its own thread sends it,
    /// resends it up to 3 times 1 s apart and raises <c>MqttMsgPublished</c> with that id: IsPublished true once the
    /// PUBACK arrived, false after the last retry. When the connection closes it clears its queues and raises nothing
    /// for the messages still in flight, so a close while waiting counts as not delivered. A QoS 0 publish raises no
    /// event at all: it returns true once queued on a connected client (BoardLink publishes everything at QoS 1).
    /// Subscribe is the same: SUBACK arrives as <c>MqttMsgSubscribed</c> with the id and the granted levels, and no
    /// event is raised when it never comes.
    /// </para>
    /// <para>
    /// Payload copy: M2Mqtt's Publish takes a whole byte[] and keeps a reference to it until the message is
    /// acknowledged, serialising it again on every send and retry (facts §7). The caller (BoardLink) rewrites its buffer
    /// for the next message, so <see cref="Publish"/> copies payload[0..length) into a new array of exactly
    /// <c>length</c> bytes: one allocation per publish (a status or an event, at most a few hundred bytes, a few per
    /// minute), which is acceptable; frames are never published by the board.
    /// </para>
    /// <para>
    /// TLS (BrokerConfig.Tls, default true): TLS 1.2 with no CA passed in code: every TLS connection trusts the CA
    /// certificates deployed to the device with <c>nanoff --networkdeployment</c> (CACertificates), and the server
    /// certificate is verified (M2Mqtt's ValidateServerCertificate defaults to true). Verification checks the
    /// certificate's validity dates against the board's clock, so TLS works only once the clock holds real time
    /// (SNTP, facts §5 and §7).
    /// </para>
    /// </summary>
    public sealed class M2MqttPort : IMqttPort
    {
        /// <summary>
        /// Longest wait for a SUBACK or PUBACK, ms. M2Mqtt gives up after 3 sends 1 s apart (facts §7), so 10 s leaves
        /// room for its event thread, which also carries every received message to the board.
        /// </summary>
        public const int AnswerTimeoutMs = 10000;

        // Answers remembered for the waiting call: an answer may arrive before Publish/Subscribe returned its id, and
        // a late answer to an earlier, timed-out publish may arrive in between. A fixed ring, allocated once.
        private const int AnswerSlots = 8;
        private const int KindPublished = 1;
        private const int KindSubscribed = 2;

        private static readonly byte[] EmptyPayload = new byte[0];

        private readonly string _host;
        private readonly int _port;
        private readonly bool _tls;
        private readonly IClock _clock;
        private readonly object _gate = new object();
        private readonly AutoResetEvent _answered = new AutoResetEvent(false);
        private readonly int[] _answerKind = new int[AnswerSlots];
        private readonly ushort[] _answerId = new ushort[AnswerSlots];
        private readonly bool[] _answerOk = new bool[AnswerSlots];
        private int _answerNext;
        private MqttClient? _client;
        private bool _closed = true;

        /// <summary>A port to <paramref name="broker"/> (host, port, TLS); <paramref name="clock"/> times the waits.</summary>
        public M2MqttPort(BrokerConfig broker, IClock clock)
        {
            if (broker == null || clock == null)
            {
                throw new ArgumentNullException(broker == null ? nameof(broker) : nameof(clock));
            }

            _host = broker.Host;
            _port = broker.Port;
            _tls = broker.Tls;
            _clock = clock;
        }

        /// <summary>
        /// Raised on M2Mqtt's event thread for every message the current client receives. A handler's exception is caught
        /// here: one reaching M2Mqtt's event thread would make it close the connection (facts §7).
        /// </summary>
        public event MqttMessageHandler? MessageReceived;

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                lock (_gate)
                {
                    return _client != null && !_closed && _client.IsConnected;
                }
            }
        }

        /// <inheritdoc/>
        public bool Connect(string clientId, string username, string? password, string willTopic, string willMessage, int keepAliveSeconds, bool cleanSession)
        {
            CloseClient();
            MqttClient client;
            try
            {
                // Resolves the host name now (facts §7). No CA and no client certificate in code: the device's deployed
                // CA store is used, and the device certificate if one is stored.
                client = new MqttClient(_host, _port, _tls, null, null, _tls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            }
            catch (Exception)
            {
                return false; // no network, no DNS answer, ...
            }

            client.MqttMsgPublishReceived += OnPublishReceived;
            client.MqttMsgPublished += OnPublished;
            client.MqttMsgSubscribed += OnSubscribed;
            client.ConnectionClosed += OnConnectionClosed;
            lock (_gate)
            {
                _client = client;
                _closed = false;
                for (int i = 0; i < AnswerSlots; i++)
                {
                    _answerKind[i] = 0;
                }
            }

            ushort keepAlive = (ushort)(keepAliveSeconds < 0 ? 0 : (keepAliveSeconds > 65535 ? 65535 : keepAliveSeconds));
            try
            {
                // The 10-argument Connect: will retained at QoS 1 (facts §7). The will is a string sent as UTF-8;
                // BoardLink's "offline" is ASCII. Blocks up to 30 s for the CONNACK.
                MqttReasonCode code = client.Connect(clientId, username, password, true, MqttQoSLevel.AtLeastOnce, true, willTopic, willMessage, cleanSession, keepAlive);
                if (code == MqttReasonCode.Success && client.IsConnected)
                {
                    return true;
                }
            }
            catch (Exception)
            {
                // MqttConnectionException (socket, TLS), MqttCommunicationException (no CONNACK), MqttClientException.
            }

            // A failed Connect leaves the client's receive thread and socket open: close them.
            CloseClient();
            return false;
        }

        /// <inheritdoc/>
        public bool Subscribe(string[] topics, int[] qos)
        {
            MqttClient? client = Current();
            if (client == null || topics == null || qos == null || topics.Length == 0 || topics.Length != qos.Length)
            {
                return false;
            }

            var levels = new MqttQoSLevel[qos.Length];
            for (int i = 0; i < qos.Length; i++)
            {
                levels[i] = qos[i] > 0 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;
            }

            ushort id;
            try
            {
                id = client.Subscribe(topics, levels);
            }
            catch (Exception)
            {
                return false;
            }

            return WaitForAnswer(client, KindSubscribed, id);
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
        {
            MqttClient? client = Current();
            if (client == null || topic == null || payload == null || length < 0 || length > payload.Length)
            {
                return false;
            }

            // The one allocation per publish (see the class summary): M2Mqtt keeps this array until the PUBACK.
            byte[] message = new byte[length];
            Array.Copy(payload, 0, message, 0, length);
            ushort id;
            try
            {
                // The 6-argument overload is the only one with QoS and retain (facts §7); content type and user
                // properties are MQTT 5 only and stay null.
                id = client.Publish(topic, message, null, null, qos > 0 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce, retain);
            }
            catch (Exception)
            {
                return false; // e.g. MqttClientException(InflightQueueFull)
            }

            if (qos <= 0)
            {
                return true; // no event exists for QoS 0 (class summary)
            }

            return WaitForAnswer(client, KindPublished, id);
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            MqttClient? client;
            lock (_gate)
            {
                client = _client;
                _client = null;
                _closed = true;
            }

            if (client == null)
            {
                return;
            }

            Detach(client);
            try
            {
                // Sends DISCONNECT (so the broker drops the will) and lets the client close itself.
                client.Disconnect();
            }
            catch (Exception)
            {
                // The DISCONNECT could not be sent (connection already broken): close the socket ourselves.
                CloseQuietly(client);
            }

            _answered.Set();
        }

        private MqttClient? Current()
        {
            lock (_gate)
            {
                return _client != null && !_closed && _client.IsConnected ? _client : null;
            }
        }

        private bool WaitForAnswer(MqttClient client, int kind, ushort id)
        {
            long deadline = _clock.MonotonicMs + AnswerTimeoutMs;
            while (true)
            {
                lock (_gate)
                {
                    for (int i = 0; i < AnswerSlots; i++)
                    {
                        if (_answerKind[i] == kind && _answerId[i] == id)
                        {
                            _answerKind[i] = 0;
                            return _answerOk[i];
                        }
                    }

                    // Closed, or replaced: the client dropped what was in flight and will raise nothing more for it.
                    if (_closed || _client != client)
                    {
                        return false;
                    }
                }

                long left = deadline - _clock.MonotonicMs;
                if (left <= 0)
                {
                    return false;
                }

                // WaitOne(int, bool): the overload mscorlib 1.x has.
                _answered.WaitOne((int)left, false);
            }
        }

        private void Remember(object sender, int kind, ushort id, bool ok)
        {
            lock (_gate)
            {
                if (sender != _client)
                {
                    return; // an answer from a client already replaced
                }

                _answerKind[_answerNext] = kind;
                _answerId[_answerNext] = id;
                _answerOk[_answerNext] = ok;
                _answerNext = (_answerNext + 1) % AnswerSlots;
            }

            _answered.Set();
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            Remember(sender, KindPublished, e.MessageId, e.IsPublished);
        }

        private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
        {
            // Refused topics come back as GrantedFailure (0x80).
            MqttQoSLevel[] granted = e.GrantedQoSLevels;
            bool ok = false;
            if (granted != null && granted.Length > 0)
            {
                ok = true;
                for (int i = 0; i < granted.Length; i++)
                {
                    if (granted[i] == MqttQoSLevel.GrantedFailure)
                    {
                        ok = false;
                    }
                }
            }

            Remember(sender, KindSubscribed, e.MessageId, ok);
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            lock (_gate)
            {
                if (sender == _client)
                {
                    _closed = true;
                }
            }

            _answered.Set();
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            MqttMessageHandler? handler = MessageReceived;
            if (handler == null)
            {
                return;
            }

            try
            {
                handler(e.Topic, e.Message ?? EmptyPayload);
            }
            catch (Exception)
            {
                // Never let it reach M2Mqtt's event thread (it would close the connection, facts §7).
            }
        }

        private void CloseClient()
        {
            MqttClient? client;
            lock (_gate)
            {
                client = _client;
                _client = null;
                _closed = true;
            }

            if (client != null)
            {
                Detach(client);
                CloseQuietly(client);
            }

            _answered.Set();
        }

        private void Detach(MqttClient client)
        {
            client.MqttMsgPublished -= OnPublished;
            client.MqttMsgSubscribed -= OnSubscribed;
            client.ConnectionClosed -= OnConnectionClosed;
            client.MqttMsgPublishReceived -= OnPublishReceived;
        }

        private static void CloseQuietly(MqttClient client)
        {
            try
            {
                // Stops the client's threads (bounded joins, about 0.2-2 s) and closes its socket.
                client.Close();
            }
            catch (Exception)
            {
                // Close is best effort upstream too.
            }
        }
    }
}
