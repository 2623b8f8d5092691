using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// What the board holds to show: the program, the alert, the emergency preset and the live frame, each kept BY
    /// REFERENCE to the accepted message array (M2Mqtt allocates a fresh array per message; copying would double the
    /// cost of a 16 KiB program) together with the message's own length. Only ContentReceiver changes it; the player
    /// reads it. Frames are decoded one at a time straight from the held messages into the caller's buffers.
    /// Allocates nothing after construction. Not thread-safe (one lock for receiver and player).
    /// </summary>
    public sealed class HeldContent
    {
        /// <summary>Item index of the alert for <see cref="TryDecodeFrame"/>.</summary>
        public const int ItemAlert = -1;

        /// <summary>Item index of the live frame for <see cref="TryDecodeFrame"/> (frame index 0).</summary>
        public const int ItemLive = -2;

        /// <summary>Item index of the emergency preset for <see cref="TryDecodeFrame"/>.</summary>
        public const int ItemPreset = -3;

        /// <summary>
        /// Longest an alert stays active after it was issued, seconds (7 days), whatever its valid-until says (0 = none):
        /// an alert the gateway forgot must not hold a public board for ever. A longer emergency is re-issued.
        /// </summary>
        public const long MaxAlertLifetimeSeconds = 7L * 24 * 3600;

        private readonly ProgramInfo _program = new ProgramInfo();
        private readonly ProgramItem _alert = new ProgramItem();
        private readonly ProgramItem _preset = new ProgramItem();
        private readonly ProgramItem _cachedItem = new ProgramItem();
        private readonly FrameHeader _scratchFrame = new FrameHeader();
        private int _cachedItemIndex = -1;

        private byte[]? _programMessage;
        private int _programLength;
        private byte[]? _alertStreamMessage;
        private int _alertStreamLength;
        private byte[]? _alertMessage;
        private byte[]? _presetMessage;
        private int _presetLength;
        private byte[]? _liveMessage;
        private int _liveOffset;
        private int _liveLength;

        /// <summary>Incremented by every change (program, alert stream, preset, live frame), so the player sees news with one compare.</summary>
        public int Version { get; private set; }

        /// <summary>
        /// Incremented each time a program is held (a new one, or the same one taken back after it was lost), so the
        /// player sees "a new program arrived" with one compare even when a new content epoch reuses a sequence.
        /// </summary>
        public int ProgramVersion { get; private set; }

        /// <summary>Incremented each time an alert is held (not by a clear), as <see cref="ProgramVersion"/>.</summary>
        public int AlertVersion { get; private set; }

        /// <summary>Incremented each time an emergency preset is held, as <see cref="ProgramVersion"/>; 0 = never held.</summary>
        public int PresetVersion { get; private set; }

        /// <summary>Incremented each time a live frame is held, as <see cref="ProgramVersion"/>.</summary>
        public int LiveFrameVersion { get; private set; }

        /// <summary>True once a program is held.</summary>
        public bool HasProgram
        {
            get { return _programMessage != null; }
        }

        /// <summary>Index of the held program (UTC offset, item count, item offsets). Owned here; changes with each new program.</summary>
        public ProgramInfo Program
        {
            get { return _program; }
        }

        /// <summary>Sequence of the held program (0 = none). Status tag 0x05.</summary>
        public ulong ProgramSequence { get; private set; }

        /// <summary>The held program message (kept by reference) or null: what the board stores as program.bin.</summary>
        public byte[]? ProgramMessage
        {
            get { return _programMessage; }
        }

        /// <summary>Length of <see cref="ProgramMessage"/> (the message's own length, not its array's).</summary>
        public int ProgramLength
        {
            get { return _programLength; }
        }

        /// <summary>True while an alert is held and not cleared (it may have expired: see <see cref="IsAlertActiveAt"/>).</summary>
        public bool HasAlert
        {
            get { return _alertMessage != null; }
        }

        /// <summary>The held alert's item (settings and frame offsets); meaningful while <see cref="HasAlert"/>. Owned here.</summary>
        public ProgramItem Alert
        {
            get { return _alert; }
        }

        /// <summary>Sequence of the held alert, or of the alert last cleared; 0 = none. Status tag 0x06.</summary>
        public ulong AlertSequence { get; private set; }

        /// <summary>
        /// When the held alert stops being active, unix seconds: its valid-until, or its issue time plus
        /// <see cref="MaxAlertLifetimeSeconds"/> if that is sooner or valid-until is 0.
        /// </summary>
        public long AlertExpiresAt { get; private set; }

        /// <summary>True when the last alert-stream message was a clear that ended the alert.</summary>
        public bool AlertCleared { get; private set; }

        /// <summary>Sequence of the last alert-stream message applied (alert or clear).</summary>
        public ulong AlertStreamSequence { get; private set; }

        /// <summary>The last alert-stream message applied (alert, or the clear that ended it) or null: what the board stores as alert.bin.</summary>
        public byte[]? AlertStreamMessage
        {
            get { return _alertStreamMessage; }
        }

        /// <summary>Length of <see cref="AlertStreamMessage"/>.</summary>
        public int AlertStreamLength
        {
            get { return _alertStreamLength; }
        }

        /// <summary>True once an emergency preset is held.</summary>
        public bool HasPreset
        {
            get { return _presetMessage != null; }
        }

        /// <summary>The held preset's item; meaningful while <see cref="HasPreset"/>. Owned here.</summary>
        public ProgramItem Preset
        {
            get { return _preset; }
        }

        /// <summary>Sequence of the held preset (0 = none).</summary>
        public ulong PresetSequence { get; private set; }

        /// <summary>The held preset message or null: what the board stores as preset.bin.</summary>
        public byte[]? PresetMessage
        {
            get { return _presetMessage; }
        }

        /// <summary>Length of <see cref="PresetMessage"/>.</summary>
        public int PresetLength
        {
            get { return _presetLength; }
        }

        /// <summary>True while a live frame is held (until <see cref="DropLiveFrame"/>: the player decides when it is stale).</summary>
        public bool HasLiveFrame
        {
            get { return _liveMessage != null; }
        }

        /// <summary>Monotonic milliseconds at which the held live frame arrived.</summary>
        public long LiveFrameReceivedAtMs { get; private set; }

        /// <summary>
        /// True if the held alert should be shown at <paramref name="nowUnixSeconds"/>: held, not cleared, not expired.
        /// With nowUnixSeconds &lt;= 0 (the board does not know the time) a held alert is active until cleared.
        /// </summary>
        public bool IsAlertActiveAt(long nowUnixSeconds)
        {
            if (_alertMessage == null)
            {
                return false;
            }

            return nowUnixSeconds <= 0 || nowUnixSeconds < AlertExpiresAt;
        }

        /// <summary>Alert state for status tag 0x06: BoardStatus.AlertNone, AlertActive, AlertExpired or AlertCleared.</summary>
        public int AlertStateAt(long nowUnixSeconds)
        {
            if (_alertMessage != null)
            {
                return IsAlertActiveAt(nowUnixSeconds) ? BoardStatus.AlertActive : BoardStatus.AlertExpired;
            }

            return AlertCleared ? BoardStatus.AlertCleared : BoardStatus.AlertNone;
        }

        /// <summary>
        /// Fills <paramref name="item"/> with the settings and frame offsets of program item <paramref name="index"/>
        /// (0..Program.ItemCount-1). False if there is no program or no such item.
        /// </summary>
        public bool TryGetProgramItem(int index, ProgramItem item)
        {
            int error;
            if (!LoadProgramItem(index, out error))
            {
                return false;
            }

            CopyItem(_cachedItem, item);
            return true;
        }

        /// <summary>
        /// Decodes frame <paramref name="frameIndex"/> of program item <paramref name="itemIndex"/>, of the alert
        /// (<see cref="ItemAlert"/>), of the preset (<see cref="ItemPreset"/>) or of the live frame (<see cref="ItemLive"/>,
        /// frame 0) into the caller's <paramref name="header"/> and <paramref name="pixelsOut"/> (packed pixels from index
        /// 0; up to WireLimits.MaxFrameRawBytes). No allocation. False with a WireError (BadArgument: nothing held there
        /// or no such frame; BufferTooSmall: pixelsOut too small).
        /// </summary>
        public bool TryDecodeFrame(int itemIndex, int frameIndex, FrameHeader header, byte[] pixelsOut, out int errorCode)
        {
            return TryDecodeFrameAt(itemIndex, frameIndex, header, pixelsOut, 0, out errorCode);
        }

        /// <summary>
        /// As <see cref="TryDecodeFrame"/>, the packed pixels written from
        /// pixelsOut[<paramref name="pixelsOffset"/>] on (the strip of a scroll beside a still frame goes after the still
        /// frame in the player's one buffer).
        /// </summary>
        public bool TryDecodeFrameAt(int itemIndex, int frameIndex, FrameHeader header, byte[] pixelsOut, int pixelsOffset, out int errorCode)
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

                return FrameCodec.TryDecode(_liveMessage, _liveOffset, _liveLength, WireLimits.MaxPanelWidth, header, pixelsOut, pixelsOffset, out errorCode);
            }

            byte[]? src;
            ProgramItem? item;
            if (!ResolveItem(itemIndex, frameIndex, out src, out item, out errorCode))
            {
                return false;
            }

            int maxWidth = ProgramCodec.MaxFrameWidth(item!.Layout, frameIndex);
            return FrameCodec.TryDecode(src!, item!.FrameOffsets[frameIndex], item.FrameLengths[frameIndex], maxWidth, header, pixelsOut, pixelsOffset, out errorCode);
        }

        /// <summary>
        /// Reads the header of frame <paramref name="frameIndex"/> of an item (as <see cref="TryDecodeFrame"/>) without
        /// decoding its pixels: to learn a strip's width or a frame's raw size.
        /// </summary>
        public bool TryReadFrameHeader(int itemIndex, int frameIndex, FrameHeader header, out int errorCode)
        {
            if (itemIndex == ItemLive)
            {
                if (_liveMessage == null || frameIndex != 0)
                {
                    errorCode = WireError.BadArgument;
                    return false;
                }

                return FrameCodec.TryReadHeader(_liveMessage, _liveOffset, _liveLength, WireLimits.MaxPanelWidth, header, out errorCode);
            }

            byte[]? src;
            ProgramItem? item;
            if (!ResolveItem(itemIndex, frameIndex, out src, out item, out errorCode))
            {
                return false;
            }

            int maxWidth = ProgramCodec.MaxFrameWidth(item!.Layout, frameIndex);
            return FrameCodec.TryReadHeader(src!, item!.FrameOffsets[frameIndex], item.FrameLengths[frameIndex], maxWidth, header, out errorCode);
        }

        /// <summary>Forgets the live frame (the player's timeout): the board goes back to its program.</summary>
        public void DropLiveFrame()
        {
            if (_liveMessage != null)
            {
                _liveMessage = null;
                Version++;
            }
        }

        /// <summary>Receiver: holds a validated program (<paramref name="info"/> as read from message[0..length)).</summary>
        internal void SetProgram(ProgramInfo info, byte[] message, int length, ulong sequence)
        {
            _program.UtcOffsetMinutes = info.UtcOffsetMinutes;
            _program.ItemCount = info.ItemCount;
            for (int i = 0; i < WireLimits.MaxItems; i++)
            {
                _program.ItemOffsets[i] = info.ItemOffsets[i];
                _program.ItemLengths[i] = info.ItemLengths[i];
            }

            _programMessage = message;
            _programLength = length;
            ProgramSequence = sequence;
            _cachedItemIndex = -1;
            ProgramVersion++;
            Version++;
        }

        /// <summary>Receiver: holds a validated alert, which replaces any alert held.</summary>
        internal void SetAlert(ProgramItem item, byte[] message, int length, ulong sequence, uint issuedAt)
        {
            CopyItem(item, _alert);
            _alertMessage = message;
            _alertStreamMessage = message;
            _alertStreamLength = length;
            AlertSequence = sequence;
            AlertStreamSequence = sequence;
            AlertCleared = false;
            long expires = (long)issuedAt + MaxAlertLifetimeSeconds;
            if (item.ValidUntil != 0 && item.ValidUntil < expires)
            {
                expires = item.ValidUntil;
            }

            AlertExpiresAt = expires;
            AlertVersion++;
            Version++;
        }

        /// <summary>
        /// Receiver: applies an alert clear (sequence <paramref name="sequence"/>) naming <paramref name="clearedSequence"/>
        /// (0 = whatever alert is held). It becomes the alert stream's newest message either way; it ends the held alert
        /// only if it names it or 0. Returns the sequence of the alert it ended, 0 if none.
        /// </summary>
        internal ulong ApplyClear(ulong clearedSequence, ulong sequence, byte[] message, int length)
        {
            _alertStreamMessage = message;
            _alertStreamLength = length;
            AlertStreamSequence = sequence;
            Version++;
            if (_alertMessage != null && clearedSequence != 0 && clearedSequence != AlertSequence)
            {
                return 0;
            }

            ulong ended = _alertMessage != null ? AlertSequence : 0;
            _alertMessage = null;
            AlertCleared = true;
            if (clearedSequence != 0)
            {
                AlertSequence = clearedSequence;
            }

            return ended;
        }

        /// <summary>Receiver: holds a validated emergency preset.</summary>
        internal void SetPreset(ProgramItem item, byte[] message, int length, ulong sequence)
        {
            CopyItem(item, _preset);
            _presetMessage = message;
            _presetLength = length;
            PresetSequence = sequence;
            PresetVersion++;
            Version++;
        }

        /// <summary>Receiver: holds a validated live frame at message[offset..offset+length).</summary>
        internal void SetLiveFrame(byte[] message, int offset, int length, long receivedAtMs)
        {
            _liveMessage = message;
            _liveOffset = offset;
            _liveLength = length;
            LiveFrameReceivedAtMs = receivedAtMs;
            LiveFrameVersion++;
            Version++;
        }

        /// <summary>True when <paramref name="sequence"/> is the held message of the stream of <paramref name="kind"/>.</summary>
        internal bool HoldsStreamMessage(int kind, ulong sequence)
        {
            if (kind == MessageKind.Program)
            {
                return _programMessage != null && ProgramSequence == sequence;
            }

            if (kind == MessageKind.Preset)
            {
                return _presetMessage != null && PresetSequence == sequence;
            }

            return _alertStreamMessage != null && AlertStreamSequence == sequence;
        }

        private bool ResolveItem(int itemIndex, int frameIndex, out byte[]? src, out ProgramItem? item, out int errorCode)
        {
            if (itemIndex == ItemAlert)
            {
                src = _alertMessage;
                item = _alert;
            }
            else if (itemIndex == ItemPreset)
            {
                src = _presetMessage;
                item = _preset;
            }
            else if (itemIndex >= 0 && LoadProgramItem(itemIndex, out errorCode))
            {
                src = _programMessage;
                item = _cachedItem;
            }
            else
            {
                src = null;
                item = null;
            }

            if (src == null || item == null || frameIndex < 0 || frameIndex >= item.FrameCount)
            {
                errorCode = WireError.BadArgument;
                return false;
            }

            errorCode = WireError.None;
            return true;
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
