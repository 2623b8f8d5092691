using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// The board's receive path (docs/protocol.md, "Implementing a board: the receive path"): takes every MQTT message
    /// the board receives and decides, with the board's key ring, replay state and session nonce, whether to act on
    /// it; then holds what the board shows (program, alert, live frame) and the commands it must carry out. The device
    /// glue, the simulator and <c>boardkit demo</c> all use this one class.
    /// <para>
    /// Order of work for every message: <see cref="Envelope.TryOpen"/> (magic, version, the kind's size limit before
    /// any MAC work, length, board hash, key id, tag, flags, kind, session rule), then the replay check
    /// (<see cref="ReplayGuard"/> for program, alert and alert clear; <see cref="SessionGuard"/> for live frames and
    /// commands), then full validation of the payload, and only then a state change. A message that fails any step
    /// changes nothing: the board keeps showing what it had.
    /// </para>
    /// <para>
    /// Memory: nothing is allocated per message. An accepted program, alert or live frame is kept BY REFERENCE to the
    /// caller's array (on the device M2Mqtt allocates a fresh array per message, so copying would double the cost of
    /// a 16 KiB program). The caller must therefore not reuse or change an array after Receive or Restore returned
    /// <see cref="WireError.None"/> or <see cref="WireError.Duplicate"/>. Rejected arrays are not kept.
    /// </para>
    /// <para>
    /// Alert rules (docs/protocol.md 5.3, 5.4): a new alert (higher sequence on the alert stream) replaces the one
    /// held. An alert clear ends the held alert if the sequence it names equals the held alert's sequence, or is 0
    /// (whatever alert is held); a clear naming any other alert (an older one, or one this board never received) is
    /// still accepted, because it advances the alert stream and so makes every earlier alert message useless, but it
    /// leaves the held alert on. An alert is active while it is held, not cleared and not expired: expired means the
    /// board knows the time (now &gt; 0) and now &gt;= its valid-until (when that is not 0). Its valid-from is not used:
    /// a board whose clock runs behind must not hold back an emergency.
    /// </para>
    /// <para>Not thread-safe: call it from one thread, or under one lock shared by the MQTT handler and the player.</para>
    /// </summary>
    public sealed class ContentReceiver
    {
        /// <summary>Item index of the alert for <see cref="TryDecodeFrame"/>.</summary>
        public const int ItemAlert = -1;

        /// <summary>Item index of the live frame for <see cref="TryDecodeFrame"/> (frame index 0).</summary>
        public const int ItemLive = -2;

        /// <summary>Commands held for the glue at most; a command arriving when all are held is refused (BufferTooSmall) and not recorded, so the gateway can send it again.</summary>
        public const int MaxPendingCommands = 4;

        private readonly byte[] _boardHash = new byte[BoardId.HashSize];
        private readonly KeyRing _keys;
        private readonly ReplayGuard _replay;
        private readonly SessionGuard _session;

        // Working space for validation, so that a rejected message leaves the held content untouched.
        private readonly EnvelopeHeader _header = new EnvelopeHeader();
        private readonly ProgramInfo _scratchInfo = new ProgramInfo();
        private readonly ProgramItem _scratchItem = new ProgramItem();
        private readonly FrameHeader _scratchFrame = new FrameHeader();

        // Program held.
        private readonly ProgramInfo _program = new ProgramInfo();
        private byte[]? _programMessage;
        private ulong _programSequence;

        // The item TryGetProgramItem / TryDecodeFrame last read from the program (re-reading validates every frame of
        // the item, so a page item's pages are not re-walked for every page shown).
        private readonly ProgramItem _cachedItem = new ProgramItem();
        private int _cachedItemIndex = -1;

        // Alert stream held: the alert (null when none or cleared) and the sequence of the last alert-stream message
        // applied (alert or clear), which tells a Duplicate that restores missing content from one that changes nothing.
        private readonly ProgramItem _alert = new ProgramItem();
        private byte[]? _alertMessage;
        private ulong _alertSequence;
        private bool _alertCleared;
        private ulong _alertStreamSequence;

        // Live frame held.
        private byte[]? _liveMessage;
        private int _liveOffset;
        private int _liveLength;

        // Pending commands, oldest first in a ring.
        private readonly Command[] _commands = new Command[MaxPendingCommands];
        private int _commandHead;
        private int _commandCount;

        /// <summary>
        /// Creates the receive path of board <paramref name="boardId"/> (BoardId rules: 1..64 of a-z 0-9 - _ .) with its
        /// installed <paramref name="keys"/>, its <paramref name="replay"/> state (loaded from flash by the glue with
        /// ReplayGuard.LoadNewest; the receiver updates it and the glue saves it) and the random non-zero 64-bit
        /// <paramref name="sessionNonce"/> drawn at this boot. Allocates its working space once.
        /// </summary>
        /// <exception cref="System.ArgumentException">Invalid board id, missing keys or replay guard, or a nonce of 0.</exception>
        public ContentReceiver(string boardId, KeyRing keys, ReplayGuard replay, ulong sessionNonce)
        {
            if (!BoardId.ComputeHash(boardId, _boardHash, 0))
            {
                throw new System.ArgumentException("invalid board id", "boardId");
            }

            if (keys == null || replay == null)
            {
                throw new System.ArgumentException("keys and replay state are required");
            }

            if (sessionNonce == 0)
            {
                throw new System.ArgumentException("the session nonce must not be 0", "sessionNonce");
            }

            _keys = keys;
            _replay = replay;
            _session = new SessionGuard(sessionNonce);
            for (int i = 0; i < MaxPendingCommands; i++)
            {
                _commands[i] = new Command();
            }
        }

        /// <summary>This boot's session nonce: published in the board's status; live frames and commands must carry it.</summary>
        public ulong SessionNonce
        {
            get { return _session.Nonce; }
        }

        /// <summary>
        /// Kind (MessageKind) of the message of the last Receive or Restore if its tag verified; 0 if it did not (or none
        /// yet): an unverified header says nothing. For status tag 0x0A and the "message rejected" event.
        /// </summary>
        public int LastKind { get; private set; }

        /// <summary>Sequence of the message of the last Receive or Restore if its tag verified, otherwise 0 (for the events).</summary>
        public ulong LastSequence { get; private set; }

        /// <summary>WireError of the last Receive or Restore (None, Duplicate, or the reason for refusing it).</summary>
        public int LastError { get; private set; }

        /// <summary>
        /// True if the last Receive or Restore changed what the board holds: a program, an alert-stream message (alert
        /// or clear) or a live frame. Redraw; for a program store <see cref="ProgramMessage"/>, for the alert stream
        /// <see cref="AlertMessage"/> on flash (after saving the replay state). Commands set it false.
        /// </summary>
        public bool LastChangedContent { get; private set; }

        /// <summary>Messages refused since boot (everything but None and Duplicate). Status tag 0x08, first counter.</summary>
        public int RejectedCount { get; private set; }

        /// <summary>Messages refused with BadTag since boot. Status tag 0x08, second counter.</summary>
        public int BadTagCount { get; private set; }

        /// <summary>Messages refused with Replay or Rollback since boot. Status tag 0x08, third counter.</summary>
        public int ReplayCount { get; private set; }

        /// <summary>Authentic, new messages refused because their payload did not validate, since boot. Status tag 0x08, fourth counter.</summary>
        public int DecodeErrorCount { get; private set; }

        /// <summary>
        /// True after a program, alert or alert clear was accepted as new: the replay state changed. The glue then writes
        /// it (slot = ReplayGuard.NextSlot, read first; ReplayGuard.Save; write that slot file) BEFORE storing and showing
        /// the message, and calls <see cref="MarkReplayStateSaved"/>.
        /// </summary>
        public bool ReplayStateChanged { get; private set; }

        /// <summary>Tells the receiver that the glue has saved the replay state.</summary>
        public void MarkReplayStateSaved()
        {
            ReplayStateChanged = false;
        }

        /// <summary>True once a program is held.</summary>
        public bool HasProgram
        {
            get { return _programMessage != null; }
        }

        /// <summary>Index of the held program (UTC offset, item count, item offsets in <see cref="ProgramMessage"/>). Owned by the receiver; changes when a new program is accepted.</summary>
        public ProgramInfo Program
        {
            get { return _program; }
        }

        /// <summary>Sequence of the held program (0 = none). Status tag 0x05.</summary>
        public ulong ProgramSequence
        {
            get { return _programSequence; }
        }

        /// <summary>The held program message (the caller's array, kept by reference), or null: what the glue stores on flash.</summary>
        public byte[]? ProgramMessage
        {
            get { return _programMessage; }
        }

        /// <summary>
        /// Fills <paramref name="item"/> with the settings and frame offsets of program item <paramref name="index"/>
        /// (0..Program.ItemCount-1). False if there is no program or no such item.
        /// </summary>
        public bool TryGetProgramItem(int index, ProgramItem item)
        {
            if (!LoadProgramItem(index, out _))
            {
                return false;
            }

            CopyItem(_cachedItem, item);
            return true;
        }

        /// <summary>True while an alert is held and was not cleared (it may have expired: see <see cref="IsAlertActiveAt"/>).</summary>
        public bool HasAlert
        {
            get { return _alertMessage != null; }
        }

        /// <summary>
        /// True if the held alert should be shown at <paramref name="nowUnixSeconds"/>: held, not cleared, and not
        /// expired. With nowUnixSeconds &lt;= 0 (the board does not know the time) a held alert is active until cleared.
        /// </summary>
        public bool IsAlertActiveAt(long nowUnixSeconds)
        {
            if (_alertMessage == null)
            {
                return false;
            }

            return nowUnixSeconds <= 0 || _alert.ValidUntil == 0 || nowUnixSeconds < _alert.ValidUntil;
        }

        /// <summary>Alert state for status tag 0x06: BoardStatus.AlertNone, AlertActive, AlertExpired or AlertCleared.</summary>
        public int AlertStateAt(long nowUnixSeconds)
        {
            if (_alertMessage != null)
            {
                return IsAlertActiveAt(nowUnixSeconds) ? BoardStatus.AlertActive : BoardStatus.AlertExpired;
            }

            return _alertCleared ? BoardStatus.AlertCleared : BoardStatus.AlertNone;
        }

        /// <summary>The held alert's item (settings and frame offsets in <see cref="AlertMessage"/>); meaningful while <see cref="HasAlert"/>. Owned by the receiver.</summary>
        public ProgramItem Alert
        {
            get { return _alert; }
        }

        /// <summary>Sequence of the held alert, or of the alert last cleared; 0 = none. Status tag 0x06.</summary>
        public ulong AlertSequence
        {
            get { return _alertSequence; }
        }

        /// <summary>The last alert-stream message applied (the alert, or the clear that ended it), kept by reference, or null: what the glue stores on flash.</summary>
        public byte[]? AlertMessage { get; private set; }

        /// <summary>True while a live frame is held (until <see cref="DropLiveFrame"/>; the player decides when it is stale).</summary>
        public bool HasLiveFrame
        {
            get { return _liveMessage != null; }
        }

        /// <summary>nowUnixSeconds passed to the Receive that brought the held live frame.</summary>
        public long LiveFrameReceivedAt { get; private set; }

        /// <summary>Forgets the live frame (the player's timeout, e.g. 10 s without a new one): the board goes back to its program.</summary>
        public void DropLiveFrame()
        {
            _liveMessage = null;
        }

        /// <summary>True while a command waits for the glue.</summary>
        public bool HasPendingCommand
        {
            get { return _commandCount > 0; }
        }

        /// <summary>The oldest command waiting (valid while <see cref="HasPendingCommand"/>). Owned by the receiver.</summary>
        public Command PendingCommand
        {
            get { return _commands[_commandHead]; }
        }

        /// <summary>The glue has carried out <see cref="PendingCommand"/> (and sent its CommandDone event): the next one, if any, becomes pending.</summary>
        public void CommandDone()
        {
            if (_commandCount == 0)
            {
                return;
            }

            _commandHead = (_commandHead + 1) % MaxPendingCommands;
            _commandCount--;
        }

        /// <summary>
        /// Handles one received MQTT message <paramref name="message"/>[0..length). <paramref name="nowUnixSeconds"/> is
        /// the board's time (0 = unknown); nothing is refused because of it. Returns a WireError code: None = new and
        /// acted on; Duplicate = already had it (not an error; if the board had lost that content, e.g. no flash copy,
        /// it is taken back and LastChangedContent is true); anything else = refused, nothing changed. Never throws;
        /// allocates nothing. After None or Duplicate the receiver may keep the array: do not reuse it.
        /// </summary>
        public int Receive(byte[] message, int length, long nowUnixSeconds)
        {
            return Finish(Handle(message, length, nowUnixSeconds, false));
        }

        /// <summary>
        /// Restores at boot a program or alert-stream message the glue stored on flash (the bytes as received): opens
        /// and validates it again (tag, payload) and takes it if the replay guard says Duplicate (normally: it was the
        /// last accepted) or None (the state was saved before it, e.g. the newest state copy was torn; the state then
        /// changes and ReplayStateChanged is true). Returns that verdict, or why it was refused (e.g. Replay: the board
        /// has since accepted a newer one). Live frames and commands cannot be restored (BadArgument). The array is kept.
        /// </summary>
        public int Restore(byte[] message, int length)
        {
            return Finish(Handle(message, length, 0, true));
        }

        /// <summary>
        /// Decodes frame <paramref name="frameIndex"/> of program item <paramref name="itemIndex"/>, of the alert
        /// (<see cref="ItemAlert"/>) or of the live frame (<see cref="ItemLive"/>, frame 0) into the caller's
        /// <paramref name="header"/> and <paramref name="pixelsOut"/> (packed pixels from index 0; up to
        /// WireLimits.MaxFrameRawBytes). No allocation. False with a WireError (BadArgument: nothing held there or no
        /// such frame; BufferTooSmall: pixelsOut too small).
        /// </summary>
        public bool TryDecodeFrame(int itemIndex, int frameIndex, FrameHeader header, byte[] pixelsOut, out int errorCode)
        {
            if (header == null || pixelsOut == null)
            {
                errorCode = WireError.BadArgument;
                return false;
            }

            if (itemIndex == ItemLive)
            {
                if (_liveMessage == null || frameIndex != 0)
                {
                    errorCode = WireError.BadArgument;
                    return false;
                }

                return FrameCodec.TryDecode(_liveMessage, _liveOffset, _liveLength, WireLimits.MaxPanelWidth, header, pixelsOut, out errorCode);
            }

            byte[]? src;
            ProgramItem item;
            if (itemIndex == ItemAlert)
            {
                src = _alertMessage;
                item = _alert;
                if (src == null)
                {
                    errorCode = WireError.BadArgument;
                    return false;
                }
            }
            else
            {
                if (!LoadProgramItem(itemIndex, out errorCode))
                {
                    return false;
                }

                src = _programMessage!;
                item = _cachedItem;
            }

            if (frameIndex < 0 || frameIndex >= item.FrameCount)
            {
                errorCode = WireError.BadArgument;
                return false;
            }

            int maxWidth = item.Layout == ProgramItem.LayoutScroll ? WireLimits.MaxStripWidth : WireLimits.MaxPanelWidth;
            return FrameCodec.TryDecode(src, item.FrameOffsets[frameIndex], item.FrameLengths[frameIndex], maxWidth, header, pixelsOut, out errorCode);
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

        private int Handle(byte[] message, int length, long nowUnixSeconds, bool restoring)
        {
            LastChangedContent = false;
            LastKind = 0;
            LastSequence = 0;
            if (message == null)
            {
                return WireError.BadArgument;
            }

            // Magic, version, the kind's size limit (checked before any MAC work), declared length, board hash, key id,
            // tag, flags, kind and session rule.
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
                return HandlePersistent(message, restoring);
            }

            if (restoring)
            {
                return WireError.BadArgument;
            }

            if (kind == MessageKind.LiveFrame || kind == MessageKind.Command)
            {
                return HandleSession(message, nowUnixSeconds);
            }

            // Authentic, but not a kind a board acts on: status and events are the board's own (a reflected copy of
            // its own status opens with its own key and hash).
            return WireError.UnknownKind;
        }

        private int HandlePersistent(byte[] message, bool restoring)
        {
            int verdict = _replay.Check(_header, message);
            if (verdict != WireError.None && verdict != WireError.Duplicate)
            {
                return verdict;
            }

            int kind = _header.Kind;
            ulong sequence = _header.Sequence;
            if (verdict == WireError.Duplicate && HoldsStreamMessage(kind, sequence))
            {
                // The message the board already shows (a QoS 1 duplicate, the retained copy after reconnecting).
                return WireError.Duplicate;
            }

            int offset = _header.PayloadOffset;
            int payloadLength = _header.PayloadLength;
            int error;
            ulong clearedSequence = 0;
            if (kind == MessageKind.Program)
            {
                if (!ProgramCodec.TryRead(message, offset, payloadLength, _scratchInfo, _scratchItem, _scratchFrame, out error))
                {
                    return DecodeError(error);
                }
            }
            else if (kind == MessageKind.Alert)
            {
                // The alert payload is one item record (docs/protocol.md 5.3); bytes after it are ignored extensions.
                if (!ProgramCodec.TryReadItem(message, offset, payloadLength, _scratchItem, _scratchFrame, out error))
                {
                    return DecodeError(error);
                }
            }
            else
            {
                if (!AlertClearCodec.TryRead(message, offset, payloadLength, out clearedSequence, out error))
                {
                    return DecodeError(error);
                }
            }

            if (verdict == WireError.None)
            {
                if (!_replay.Accept(_header, message))
                {
                    return WireError.Replay;
                }

                ReplayStateChanged = true;
            }

            if (kind == MessageKind.Program)
            {
                CopyInfo(_scratchInfo, _program);
                _programMessage = message;
                _programSequence = sequence;
                _cachedItemIndex = -1;
            }
            else if (kind == MessageKind.Alert)
            {
                CopyItem(_scratchItem, _alert);
                _alertMessage = message;
                _alertSequence = sequence;
                _alertCleared = false;
                _alertStreamSequence = sequence;
                AlertMessage = message;
            }
            else
            {
                ApplyClear(clearedSequence, sequence, message);
            }

            LastChangedContent = true;
            return verdict;
        }

        private void ApplyClear(ulong clearedSequence, ulong sequence, byte[] message)
        {
            // The clear is now the alert stream's newest message, so it is what the glue keeps on flash (restored at
            // boot it gives Duplicate). A clear of another alert leaves the held alert on, but only until a reboot:
            // that alert's own message is then below the stream's sequence and Restore refuses it (Replay).
            _alertStreamSequence = sequence;
            AlertMessage = message;
            if (_alertMessage != null && clearedSequence != 0 && clearedSequence != _alertSequence)
            {
                return;
            }

            _alertMessage = null;
            _alertCleared = true;
            if (clearedSequence != 0)
            {
                _alertSequence = clearedSequence;
            }
        }

        private bool HoldsStreamMessage(int kind, ulong sequence)
        {
            if (kind == MessageKind.Program)
            {
                return _programMessage != null && _programSequence == sequence;
            }

            return _alertStreamSequence == sequence;
        }

        private int HandleSession(byte[] message, long nowUnixSeconds)
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
                _liveMessage = message;
                _liveOffset = offset;
                _liveLength = payloadLength;
                LiveFrameReceivedAt = nowUnixSeconds;
                LastChangedContent = true;
                return WireError.None;
            }

            if (_commandCount == MaxPendingCommands)
            {
                // Not recorded in the session guard: the gateway may send it again with a new sequence.
                return WireError.BufferTooSmall;
            }

            Command slot = _commands[(_commandHead + _commandCount) % MaxPendingCommands];
            if (!CommandCodec.TryRead(message, offset, payloadLength, slot, out error))
            {
                return DecodeError(error);
            }

            _session.Accept(_header);
            _commandCount++;
            return WireError.None;
        }

        private int DecodeError(int error)
        {
            DecodeErrorCount++;
            return error;
        }

        private bool LoadProgramItem(int index, out int errorCode)
        {
            byte[]? src = _programMessage;
            if (src == null || index < 0 || index >= _program.ItemCount)
            {
                errorCode = WireError.BadArgument;
                return false;
            }

            if (_cachedItemIndex != index)
            {
                _cachedItemIndex = -1;
                if (!ProgramCodec.TryReadItem(src, _program.ItemOffsets[index], _program.ItemLengths[index], _cachedItem, _scratchFrame, out errorCode))
                {
                    return false;
                }

                _cachedItemIndex = index;
            }

            errorCode = WireError.None;
            return true;
        }

        private static void CopyInfo(ProgramInfo from, ProgramInfo to)
        {
            to.UtcOffsetMinutes = from.UtcOffsetMinutes;
            to.ItemCount = from.ItemCount;
            for (int i = 0; i < WireLimits.MaxItems; i++)
            {
                to.ItemOffsets[i] = from.ItemOffsets[i];
                to.ItemLengths[i] = from.ItemLengths[i];
            }
        }

        private static void CopyItem(ProgramItem from, ProgramItem to)
        {
            to.CopySettingsFrom(from);
            to.FrameCount = from.FrameCount;
            for (int i = 0; i < WireLimits.MaxFramesPerItem; i++)
            {
                to.FrameOffsets[i] = from.FrameOffsets[i];
                to.FrameLengths[i] = from.FrameLengths[i];
            }
        }
    }
}
