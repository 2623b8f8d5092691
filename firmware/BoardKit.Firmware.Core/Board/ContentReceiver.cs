using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// The board's receive path (docs/protocol.md 13): decides, for every message the board receives, whether to act
    /// on it, and if so stores it, updates the replay state and the <see cref="HeldContent"/>, or queues the command.
    /// The device glue, the simulator and <c>boardkit demo</c> all use this one class.
    /// <para>
    /// Order of work: <see cref="Envelope.TryOpen"/> (size limit before any MAC work, board hash, key id, tag, flags,
    /// kind, session rule); the replay check (<see cref="ReplayGuard"/> for program, alert, alert clear and preset;
    /// <see cref="SessionGuard"/> for live frames and commands); the time rules (a sequence far ahead of network time,
    /// an alert already expired, a too-old message while recovering a lost state); full validation of the payload;
    /// then, for a persistent stream, the content file FIRST and the replay state SECOND (docs/protocol.md 8.3), and
    /// only then the change in RAM. A message that fails any step changes nothing.
    /// </para>
    /// <para>
    /// Memory: nothing is allocated per message. Accepted content is kept BY REFERENCE to the caller's array, with the
    /// message's own length: the caller must not reuse an array after Receive or Restore returned None or Duplicate.
    /// Not thread-safe: call it from one thread, or under the one lock the board loop also holds.
    /// </para>
    /// </summary>
    public sealed class ContentReceiver
    {
        /// <summary>
        /// How far a persistent-stream sequence may run ahead of network time, milliseconds (1 day). Gateways number
        /// messages max(last + 1, unix time in ms); a sequence beyond this is a broken clock or a bug, and accepting it
        /// would lock the stream until a resync (docs/protocol.md 8.5).
        /// </summary>
        public const long MaxSequenceAheadMs = 86400000L;

        /// <summary>
        /// While recovering a lost state with network time: the oldest issue time accepted on a stream without a
        /// record, as seconds before now (7 days). The gateway re-signs its content when it sees the board's
        /// recovering flag, so legitimate content is fresh (docs/protocol.md 8.4).
        /// </summary>
        public const long MaxAgeWhileRecoveringSeconds = 7L * 24 * 3600;

        private readonly byte[] _boardHash = new byte[BoardId.HashSize];
        private readonly KeyRing _keys;
        private readonly ReplayGuard _replay;
        private readonly SessionGuard _session;
        private readonly BoardClock _clock;
        private readonly BoardStorage? _storage;
        private readonly HeldContent _content = new HeldContent();
        private readonly CommandQueue _commands = new CommandQueue();

        // Working space for validation, so that a rejected message leaves the held content untouched.
        private readonly EnvelopeHeader _header = new EnvelopeHeader();
        private readonly ProgramInfo _scratchInfo = new ProgramInfo();
        private readonly ProgramItem _scratchItem = new ProgramItem();
        private readonly FrameHeader _scratchFrame = new FrameHeader();

        /// <summary>
        /// Creates the receive path of board <paramref name="boardId"/> (BoardId rules) with its installed
        /// <paramref name="keys"/>, its <paramref name="replay"/> state (loaded at boot with BoardStorage.LoadState),
        /// the random non-zero 64-bit <paramref name="sessionNonce"/> drawn at this boot, the board's
        /// <paramref name="clock"/> (started from the saved lower bound) and its <paramref name="storage"/> (null: keep
        /// nothing on flash, e.g. the gateway's own checks). Allocates its working space once.
        /// </summary>
        /// <exception cref="System.ArgumentException">Invalid board id, missing keys, replay state or clock, or a nonce of 0.</exception>
        public ContentReceiver(string boardId, KeyRing keys, ReplayGuard replay, ulong sessionNonce, BoardClock clock, BoardStorage? storage)
        {
            if (!BoardId.ComputeHash(boardId, _boardHash, 0))
            {
                throw new System.ArgumentException("invalid board id", "boardId");
            }

            if (keys == null || replay == null || clock == null)
            {
                throw new System.ArgumentException("keys, replay state and clock are required");
            }

            if (sessionNonce == 0)
            {
                throw new System.ArgumentException("the session nonce must not be 0", "sessionNonce");
            }

            _keys = keys;
            _replay = replay;
            _clock = clock;
            _storage = storage;
            _session = new SessionGuard(sessionNonce);
        }

        /// <summary>What the board holds to show. Owned by the receiver.</summary>
        public HeldContent Content
        {
            get { return _content; }
        }

        /// <summary>Accepted commands waiting for the board runtime. Owned by the receiver.</summary>
        public CommandQueue Commands
        {
            get { return _commands; }
        }

        /// <summary>The board's clock (the receiver raises its lower bound with every accepted message's issue time).</summary>
        public BoardClock Clock
        {
            get { return _clock; }
        }

        /// <summary>The replay state (read-only use: epoch, recovery flag, positions for status).</summary>
        public ReplayGuard Replay
        {
            get { return _replay; }
        }

        /// <summary>This boot's session nonce: published in the board's status; live frames and commands must carry it.</summary>
        public ulong SessionNonce
        {
            get { return _session.Nonce; }
        }

        /// <summary>
        /// Kind (MessageKind) of the message of the last Receive or Restore if its tag verified; 0 if it did not: an
        /// unverified header says nothing. For status tag 0x0A and the "message rejected" event.
        /// </summary>
        public int LastKind { get; private set; }

        /// <summary>Sequence of the message of the last Receive or Restore if its tag verified, otherwise 0 (for the events).</summary>
        public ulong LastSequence { get; private set; }

        /// <summary>WireError of the last Receive or Restore (None, Duplicate, or the reason for refusing it).</summary>
        public int LastError { get; private set; }

        /// <summary>True if the last Receive or Restore changed what the board holds (program, alert stream, preset, live frame).</summary>
        public bool LastChangedContent { get; private set; }

        /// <summary>Sequence of the alert the last Receive or Restore ended (an alert clear that named it, or 0), else 0.</summary>
        public ulong LastEndedAlertSequence { get; private set; }

        /// <summary>True if the last Receive saved the replay state (so the runtime need not checkpoint it).</summary>
        public bool LastSavedState { get; private set; }

        /// <summary>Messages refused since boot (everything but None and Duplicate). Status tag 0x08, first counter.</summary>
        public int RejectedCount { get; private set; }

        /// <summary>Messages refused with BadTag since boot. Status tag 0x08, second counter.</summary>
        public int BadTagCount { get; private set; }

        /// <summary>Messages refused with Replay or Rollback since boot. Status tag 0x08, third counter.</summary>
        public int ReplayCount { get; private set; }

        /// <summary>
        /// Authentic messages, not replayed, refused because their payload did not validate, since boot. Status tag
        /// 0x08, fourth counter. Time rules (Expired, TooOld, SequenceAhead), a full command queue and flash failures are
        /// not decode errors: they count in RejectedCount only.
        /// </summary>
        public int DecodeErrorCount { get; private set; }

        /// <summary>
        /// Handles one received MQTT message <paramref name="message"/>[0..length) at board time
        /// <paramref name="monotonicMs"/>. Returns a WireError code: None = new and acted on (for a persistent stream:
        /// stored and the replay state saved); Duplicate = already had it (if the board had lost that content it is taken
        /// back and LastChangedContent is true); anything else = refused, nothing changed. Never throws; allocates nothing.
        /// </summary>
        public int Receive(byte[] message, int length, long monotonicMs)
        {
            return Finish(Handle(message, length, monotonicMs, false));
        }

        /// <summary>
        /// Restores at boot a program, alert-stream or preset message that BoardStorage kept on flash: opens and validates
        /// it again (tag, payload) and takes it if the replay guard says Duplicate (normally: it was the last accepted) or
        /// None (the state was saved before it: a power cut between content and state; or the state was lost). Then the
        /// state is saved. Returns that verdict, or why it was refused (e.g. Replay: the board has since accepted a newer
        /// one; BadTag: a partial file). Time rules do not apply to the board's own copies. The array is kept.
        /// </summary>
        public int Restore(byte[] message, int length, long monotonicMs)
        {
            return Finish(Handle(message, length, monotonicMs, true));
        }

        /// <summary>
        /// At boot: restores every stream's content file that <see cref="BoardStorage"/> kept (program, alert stream,
        /// preset) with <see cref="Restore"/>. Returns how many were taken back (None or Duplicate); a missing file is
        /// simply skipped, a damaged one (partial write, BadTag) is refused and counted like any rejection. Without
        /// storage returns 0.
        /// </summary>
        public int RestoreStoredContent(long monotonicMs)
        {
            if (_storage == null)
            {
                return 0;
            }

            int restored = 0;
            for (int stream = 0; stream < ReplayGuard.StreamCount; stream++)
            {
                byte[]? stored = _storage.ReadContent(stream);
                if (stored == null)
                {
                    continue;
                }

                int verdict = Restore(stored, stored.Length, monotonicMs);
                if (verdict == WireError.None || verdict == WireError.Duplicate)
                {
                    restored++;
                }
            }

            return restored;
        }

        /// <summary>
        /// Saves the replay state with the board's current time as its lower bound (after an alert expired, and
        /// periodically while the board has network time), so that after a reboot without network nothing that has
        /// expired plays again. False without storage or when the flash failed.
        /// </summary>
        public bool SaveCheckpoint(long monotonicMs)
        {
            return SaveState(monotonicMs);
        }

        private int Finish(int code)
        {
            LastError = code;
            if (code == WireError.None || code == WireError.Duplicate)
            {
                return code;
            }

            RejectedCount++;
            if (code == WireError.BadTag)
            {
                BadTagCount++;
            }
            else if (code == WireError.Replay || code == WireError.Rollback)
            {
                ReplayCount++;
            }

            return code;
        }

        private int Handle(byte[] message, int length, long monotonicMs, bool restoring)
        {
            LastChangedContent = false;
            LastKind = 0;
            LastSequence = 0;
            LastEndedAlertSequence = 0;
            LastSavedState = false;
            if (message == null)
            {
                return WireError.BadArgument;
            }

            int error;
            if (!Envelope.TryOpen(message, 0, length, _boardHash, _keys, _header, out error))
            {
                return error;
            }

            LastKind = _header.Kind;
            LastSequence = _header.Sequence;
            int kind = _header.Kind;
            if (MessageKind.IsPersistentStream(kind))
            {
                return HandlePersistent(message, length, monotonicMs, restoring);
            }

            if (restoring)
            {
                return WireError.BadArgument;
            }

            if (kind == MessageKind.LiveFrame || kind == MessageKind.Command)
            {
                return HandleSession(message, monotonicMs);
            }

            // Authentic, but not a kind a board acts on: status and events are the board's own (a reflected copy of
            // its own status opens with its own key and hash).
            return WireError.UnknownKind;
        }

        private int HandlePersistent(byte[] message, int length, long monotonicMs, bool restoring)
        {
            int kind = _header.Kind;
            int stream = ReplayGuard.StreamOf(kind);
            int verdict = _replay.Check(_header, message);
            if (verdict == WireError.WrongSession && _replay.Recovering && _header.Session <= 0xFFFFFFFFUL
                && (restoring || _header.IssuedAt >= _replay.RecoveryFloor))
            {
                // The lost state took the board's epoch with it: while recovering, a stored copy (or a message that passes
                // the recovery floor) brings the epoch back. Epochs only go up, so nothing older is reopened.
                _replay.AdoptEpochWhileRecovering((uint)_header.Session);
                verdict = _replay.Check(_header, message);
            }

            if (verdict == WireError.Duplicate && _content.HoldsStreamMessage(kind, _header.Sequence))
            {
                // The message the board already shows (a QoS 1 duplicate, the retained copy after reconnecting).
                return WireError.Duplicate;
            }

            if (verdict != WireError.None && verdict != WireError.Duplicate)
            {
                return verdict;
            }

            if (verdict == WireError.None && !restoring)
            {
                int timeError = CheckTimeRules(stream, monotonicMs);
                if (timeError != WireError.None)
                {
                    return timeError;
                }
            }

            int offset = _header.PayloadOffset;
            int payloadLength = _header.PayloadLength;
            ulong clearedSequence = 0;
            int error;
            if (kind == MessageKind.Program)
            {
                if (!ProgramCodec.TryRead(message, offset, payloadLength, _scratchInfo, _scratchItem, _scratchFrame, out error))
                {
                    return DecodeError(error);
                }
            }
            else if (kind == MessageKind.AlertClear)
            {
                if (!AlertClearCodec.TryRead(message, offset, payloadLength, out clearedSequence, out error))
                {
                    return DecodeError(error);
                }
            }
            else
            {
                // Alert and preset: the payload is one item record; bytes after it are ignored extensions.
                if (!ProgramCodec.TryReadItem(message, offset, payloadLength, _scratchItem, _scratchFrame, out error))
                {
                    return DecodeError(error);
                }

                if (kind == MessageKind.Alert && !restoring && verdict == WireError.None && AlertExpiredOnArrival(monotonicMs))
                {
                    return WireError.Expired;
                }
            }

            // Content first, state second (docs/protocol.md 8.3). A Duplicate that restores lost content rewrites its
            // file too; the state already names it.
            if (!restoring && _storage != null && !_storage.WriteContent(stream, message, length) && verdict == WireError.None)
            {
                return WireError.StorageFailed;
            }

            if (verdict == WireError.None)
            {
                _replay.Accept(_header, message);
                if (restoring)
                {
                    _replay.RaiseRecoveryFloor(_header.IssuedAt);
                }

                _clock.ObserveIssuedAt(_header.IssuedAt, monotonicMs);
                LastSavedState = SaveState(monotonicMs);
            }
            else if (!restoring)
            {
                // A Duplicate restored at boot was already counted in the saved lower bound when it was accepted (and
                // not believed, if network time then said its issue time was wrong); only a copy the board had lost
                // and now takes back from the broker adds to it.
                _clock.ObserveIssuedAt(_header.IssuedAt, monotonicMs);
            }

            Apply(kind, message, length, clearedSequence);
            LastChangedContent = true;
            return verdict;
        }

        private int CheckTimeRules(int stream, long monotonicMs)
        {
            if (_clock.HasNetworkTime)
            {
                long nowMs = _clock.NetworkUtcMs(monotonicMs);
                if (_header.Sequence > (ulong)(nowMs + MaxSequenceAheadMs))
                {
                    return WireError.SequenceAhead;
                }
            }

            if (_replay.Recovering && !_replay.HasRecord(stream))
            {
                if (_header.IssuedAt < _replay.RecoveryFloor)
                {
                    return WireError.TooOld;
                }

                if (_clock.HasNetworkTime && (long)_header.IssuedAt < _clock.NowUnixSeconds(monotonicMs) - MaxAgeWhileRecoveringSeconds)
                {
                    return WireError.TooOld;
                }
            }

            return WireError.None;
        }

        private bool AlertExpiredOnArrival(long monotonicMs)
        {
            if (_header.IssuedAt == 0)
            {
                return true; // an alert must say when it was issued, or its maximum lifetime cannot be enforced
            }

            long now = _clock.NowUnixSeconds(monotonicMs);
            if (now <= 0)
            {
                return false; // time unknown: an emergency is never held back
            }

            long expires = (long)_header.IssuedAt + HeldContent.MaxAlertLifetimeSeconds;
            if (_scratchItem.ValidUntil != 0 && _scratchItem.ValidUntil < expires)
            {
                expires = _scratchItem.ValidUntil;
            }

            return now >= expires;
        }

        private void Apply(int kind, byte[] message, int length, ulong clearedSequence)
        {
            if (kind == MessageKind.Program)
            {
                _content.SetProgram(_scratchInfo, message, length, _header.Sequence);
            }
            else if (kind == MessageKind.Alert)
            {
                _content.SetAlert(_scratchItem, message, length, _header.Sequence, _header.IssuedAt);
            }
            else if (kind == MessageKind.AlertClear)
            {
                LastEndedAlertSequence = _content.ApplyClear(clearedSequence, _header.Sequence, message, length);
            }
            else
            {
                _content.SetPreset(_scratchItem, message, length, _header.Sequence);
            }
        }

        private int HandleSession(byte[] message, long monotonicMs)
        {
            int verdict = _session.Check(_header);
            if (verdict != WireError.None)
            {
                return verdict;
            }

            int offset = _header.PayloadOffset;
            int payloadLength = _header.PayloadLength;
            int error;
            if (_header.Kind == MessageKind.LiveFrame)
            {
                if (!FrameCodec.TryDecode(message, offset, payloadLength, WireLimits.MaxPanelWidth, _scratchFrame, null, out error))
                {
                    return DecodeError(error);
                }

                _session.Accept(_header);
                _clock.ObserveIssuedAt(_header.IssuedAt, monotonicMs);
                _content.SetLiveFrame(message, offset, payloadLength, monotonicMs);
                LastChangedContent = true;
                return WireError.None;
            }

            if (_commands.IsFull)
            {
                // Not recorded in the session guard: the gateway may send it again with a new sequence.
                return WireError.CommandQueueFull;
            }

            Command slot = _commands.NextFree;
            if (!CommandCodec.TryRead(message, offset, payloadLength, slot, out error))
            {
                return DecodeError(error);
            }

            if (slot.Code == Command.CodeResync && slot.Epoch <= _replay.Epoch)
            {
                return DecodeError(WireError.BadField);
            }

            _session.Accept(_header);
            slot.Sequence = _header.Sequence;
            if (slot.Code == Command.CodeResync)
            {
                // A new content epoch: every persistent stream starts over, and the time lower bound becomes this
                // command's issue time (a bound pushed ahead by a wrong gateway clock is repaired).
                _replay.StartEpoch(slot.Epoch, _header.IssuedAt);
                if (_header.IssuedAt != 0)
                {
                    _clock.ResetLowerBound(_header.IssuedAt, monotonicMs);
                }

                LastSavedState = SaveState(monotonicMs);
            }
            else
            {
                _clock.ObserveIssuedAt(_header.IssuedAt, monotonicMs);
            }

            _commands.Commit();
            return WireError.None;
        }

        private bool SaveState(long monotonicMs)
        {
            if (_storage == null)
            {
                return false;
            }

            if (_clock.Quality != BoardClock.QualityUnknown)
            {
                _replay.TimeLowerBound = _clock.LowerBoundToSave(monotonicMs);
            }

            return _storage.SaveState(_replay);
        }

        private int DecodeError(int error)
        {
            DecodeErrorCount++;
            return error;
        }
    }
}
