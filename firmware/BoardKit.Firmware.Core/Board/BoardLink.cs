using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// The board's side of MQTT (docs/protocol.md 15.4), the same on the device and in the simulator:
    /// <list type="number">
    /// <item>Connect as the board id (client id and user name), clean session, keepalive 60 s, last will "offline"
    /// retained at QoS 1 on the status topic. A failed attempt waits 1 s, then twice as long each time up to 60 s,
    /// each wait shortened by up to a quarter at random so that boards of a site do not retry in step.</item>
    /// <item>Subscribe to program, alert, preset and cmd at QoS 1 and frame at QoS 0; the broker then delivers the
    /// retained program, alert and preset.</item>
    /// <item>Publish the status (retained, QoS 1) first: the gateway learns the new boot's nonce before it verifies
    /// events. Then the waiting events, oldest first, QoS 1, not retained; an event leaves the outbox only once the
    /// broker acknowledged it.</item>
    /// <item>While connected: a status on every change (at most every 5 s) and every 5 minutes.</item>
    /// </list>
    /// Status and events are signed with the highest installed key id and the boot's nonce; one sequence counter for
    /// both starts at 1 each boot. The port is called outside the runtime's lock; messages are built under it.
    /// </summary>
    public sealed class BoardLink
    {
        /// <summary>MQTT keepalive, seconds: the broker declares a silent board offline after 1.5 x this (90 s).</summary>
        public const int KeepAliveSeconds = 60;

        /// <summary>First wait after a failed connection attempt, ms.</summary>
        public const long FirstRetryMs = 1000;

        /// <summary>Longest wait between connection attempts, ms.</summary>
        public const long MaxRetryMs = 60000;

        private readonly BoardRuntime _runtime;
        private readonly IMqttPort _port;
        private readonly BoardTopics _topics;
        private readonly string _boardId;
        private readonly string? _password;
        private readonly MessageBuilder? _builder;
        private readonly ulong _nonce;
        private ulong _sequence;
        private ulong _jitter;
        private long _retryMs = FirstRetryMs;
        private long _nextAttemptMs;
        private long _lastStatusMs;
        private bool _statusPublishedThisSession;

        /// <summary>A link for the runtime's board over <paramref name="port"/>. Allocates its message buffer (1 KiB).</summary>
        internal BoardLink(BoardRuntime runtime, IMqttPort port, BoardTopics topics, string boardId, string? password, KeyRing keys, ulong nonce)
        {
            _runtime = runtime;
            _port = port;
            _topics = topics;
            _boardId = boardId;
            _password = password;
            _nonce = nonce;
            _jitter = nonce | 1;
            int keyId = keys.HighestKeyId;
            HmacSha256? mac = keys.Find(keyId);
            if (mac != null)
            {
                byte[] hash = new byte[BoardId.HashSize];
                BoardId.ComputeHash(boardId, hash, 0);
                _builder = new MessageBuilder(hash, keyId, mac, WireLimits.MaxStatusBytes);
            }
        }

        /// <summary>The board's topics.</summary>
        public BoardTopics Topics
        {
            get { return _topics; }
        }

        /// <summary>Successful connections since boot.</summary>
        public int Connections { get; private set; }

        /// <summary>Statuses published since boot.</summary>
        public int StatusesPublished { get; private set; }

        /// <summary>Events published since boot.</summary>
        public int EventsPublished { get; private set; }

        /// <summary>True while the port reports a session.</summary>
        public bool IsConnected
        {
            get { return _port.IsConnected; }
        }

        /// <summary>One network step at <paramref name="monotonicMs"/>: connect when due, then publish what is due.</summary>
        public void Step(long monotonicMs)
        {
            if (_builder == null)
            {
                return;
            }

            if (!_port.IsConnected)
            {
                _statusPublishedThisSession = false;
                if (monotonicMs < _nextAttemptMs || !Connect())
                {
                    if (monotonicMs >= _nextAttemptMs)
                    {
                        _nextAttemptMs = monotonicMs + NextRetryMs();
                    }

                    return;
                }

                Connections++;
                _retryMs = FirstRetryMs;
            }

            if (!PublishStatusIfDue(monotonicMs))
            {
                return;
            }

            PublishEvents(monotonicMs);
        }

        private bool Connect()
        {
            if (!_port.Connect(_boardId, _boardId, _password, _topics.Status, BoardTopics.OfflineWill, KeepAliveSeconds, true))
            {
                return false;
            }

            if (!_port.Subscribe(_topics.Inbound, _topics.InboundQos))
            {
                _port.Disconnect();
                return false;
            }

            return true;
        }

        private long NextRetryMs()
        {
            // xorshift64 seeded by the boot nonce: different on every board and every boot, no allocation.
            _jitter ^= _jitter << 13;
            _jitter ^= _jitter >> 7;
            _jitter ^= _jitter << 17;
            long wait = _retryMs - (long)(_jitter % (ulong)((_retryMs / 4) + 1));
            _retryMs = _retryMs * 2 > MaxRetryMs ? MaxRetryMs : _retryMs * 2;
            return wait;
        }

        private bool PublishStatusIfDue(long monotonicMs)
        {
            bool due = !_statusPublishedThisSession
                || monotonicMs - _lastStatusMs >= StatusReport.HeartbeatMs
                || (_runtime.StatusChanged && monotonicMs - _lastStatusMs >= StatusReport.MinChangeIntervalMs);
            if (!due)
            {
                return true;
            }

            int length;
            lock (_runtime.SyncRoot)
            {
                BoardStatus status = _runtime.FillStatus(monotonicMs);
                length = _builder!.BuildStatus(status, ++_sequence, _nonce, _runtime.Clock.LowerBoundToSave(monotonicMs));
                _runtime.StatusChanged = false;
            }

            if (length <= 0 || !_port.Publish(_topics.Status, _builder!.Buffer, length, 1, true))
            {
                lock (_runtime.SyncRoot)
                {
                    _runtime.StatusChanged = true;
                }

                return false;
            }

            _statusPublishedThisSession = true;
            _lastStatusMs = monotonicMs;
            StatusesPublished++;
            return true;
        }

        private void PublishEvents(long monotonicMs)
        {
            while (true)
            {
                int length;
                lock (_runtime.SyncRoot)
                {
                    if (_runtime.Outbox.Count == 0)
                    {
                        return;
                    }

                    length = _builder!.BuildEvent(_runtime.Outbox.Oldest, ++_sequence, _nonce, _runtime.Clock.LowerBoundToSave(monotonicMs));
                }

                if (length <= 0)
                {
                    lock (_runtime.SyncRoot)
                    {
                        _runtime.Outbox.RemoveOldest(); // cannot be encoded: never will be
                    }

                    continue;
                }

                if (!_port.Publish(_topics.Event, _builder!.Buffer, length, 1, false))
                {
                    return;
                }

                EventsPublished++;
                lock (_runtime.SyncRoot)
                {
                    _runtime.EventDelivered();
                }
            }
        }
    }
}
