using BoardKit.Firmware.Core.Crypto;

namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Builds complete signed messages for one board into one reusable buffer (the gateway per board; the board for
    /// its own status and events). Each Build* method writes the payload at offset Envelope.HeaderSize of
    /// <see cref="Buffer"/>, seals it and returns the message length (publish Buffer[0..length)) or a negated
    /// WireError. The message stays valid until the next call. Sequences and sessions are the caller's: see
    /// docs/protocol.md, "Replay and rollback".
    /// </summary>
    public sealed class MessageBuilder
    {
        private readonly EnvelopeHeader _header = new EnvelopeHeader();
        private readonly HmacSha256 _mac;
        private ProgramWriter? _writer;
        private int _writerKind;

        /// <summary>
        /// Creates a builder for the board whose 8-byte hash is boardHash[0..8) (BoardId.ComputeHash), signing with
        /// <paramref name="key"/> (32 bytes) under <paramref name="keyId"/> (1..255). The buffer holds
        /// WireLimits.MaxMessageBytes.
        /// </summary>
        public MessageBuilder(byte[] boardHash, int keyId, byte[] key)
            : this(boardHash, keyId, new HmacSha256(key), WireLimits.MaxMessageBytes)
        {
        }

        /// <summary>
        /// Creates a builder signing with an existing <paramref name="mac"/> (a board's KeyRing entry) into a buffer of
        /// <paramref name="bufferSize"/> bytes: a board builds only status and events, so WireLimits.MaxStatusBytes
        /// (1 KiB) is enough and spares 15 KiB of its heap.
        /// </summary>
        public MessageBuilder(byte[] boardHash, int keyId, HmacSha256 mac, int bufferSize)
        {
            _header.SetBoardHash(boardHash, 0);
            _header.KeyId = keyId;
            _mac = mac;
            Buffer = new byte[bufferSize];
        }

        /// <summary>The message buffer (WireLimits.MaxMessageBytes unless sized at construction). Owned by the builder.</summary>
        public byte[] Buffer { get; private set; }

        /// <summary>
        /// The board's content epoch, written in the session field of persistent messages (program, alert, alert clear,
        /// preset). 0 until the gateway starts a new epoch with a resync command (docs/protocol.md 8.5). Default 0.
        /// </summary>
        public ulong Epoch { get; set; }

        /// <summary>Starts a program payload; fill the returned writer, then call <see cref="SealProgramOrAlert"/>.</summary>
        public ProgramWriter StartProgram(int utcOffsetMinutes)
        {
            ProgramWriter w = new ProgramWriter(Buffer, Envelope.HeaderSize);
            w.BeginProgram(utcOffsetMinutes);
            _writer = w;
            _writerKind = MessageKind.Program;
            return w;
        }

        /// <summary>Starts an alert payload (one item); fill the returned writer, then call <see cref="SealProgramOrAlert"/>.</summary>
        public ProgramWriter StartAlert()
        {
            ProgramWriter w = new ProgramWriter(Buffer, Envelope.HeaderSize);
            w.BeginAlert();
            _writer = w;
            _writerKind = MessageKind.Alert;
            return w;
        }

        /// <summary>
        /// Starts an emergency preset payload (one item, like an alert: the item the board plays when its button is
        /// held); fill the returned writer, then call <see cref="SealProgramOrAlert"/>.
        /// </summary>
        public ProgramWriter StartPreset()
        {
            ProgramWriter w = new ProgramWriter(Buffer, Envelope.HeaderSize);
            w.BeginAlert();
            _writer = w;
            _writerKind = MessageKind.Preset;
            return w;
        }

        /// <summary>Finishes the payload started by StartProgram, StartAlert or StartPreset and seals it (session field = <see cref="Epoch"/>).</summary>
        public int SealProgramOrAlert(ulong sequence, uint issuedAt)
        {
            if (_writer == null)
            {
                return -WireError.BadArgument;
            }

            int n = _writer.Finish();
            _writer = null;
            return n < 0 ? n : Seal(_writerKind, sequence, Epoch, issuedAt, n);
        }

        /// <summary>Builds an alert clear for the alert with <paramref name="alertSequence"/> (0 = any active alert), in <see cref="Epoch"/>.</summary>
        public int BuildAlertClear(ulong alertSequence, ulong sequence, uint issuedAt)
        {
            int n = AlertClearCodec.Write(alertSequence, Buffer, Envelope.HeaderSize);
            return n < 0 ? n : Seal(MessageKind.AlertClear, sequence, Epoch, issuedAt, n);
        }

        /// <summary>Builds a live frame for the board's current <paramref name="session"/>.</summary>
        public int BuildLiveFrame(FrameHeader header, byte[] pixels, int pixelsLength, bool allowCompression, ulong sequence, ulong session, uint issuedAt)
        {
            if (header.Width > WireLimits.MaxPanelWidth)
            {
                return -WireError.BadDimensions;
            }

            int n = FrameCodec.Encode(header, pixels, pixelsLength, Buffer, Envelope.HeaderSize, allowCompression);
            return n < 0 ? n : Seal(MessageKind.LiveFrame, sequence, session, issuedAt, n);
        }

        /// <summary>Builds a command for the board's current <paramref name="session"/>.</summary>
        public int BuildCommand(Command command, ulong sequence, ulong session, uint issuedAt)
        {
            int n = CommandCodec.Write(command, Buffer, Envelope.HeaderSize);
            return n < 0 ? n : Seal(MessageKind.Command, sequence, session, issuedAt, n);
        }

        /// <summary>Builds a status message (board side: own session nonce, own sequence).</summary>
        public int BuildStatus(BoardStatus status, ulong sequence, ulong session, uint issuedAt)
        {
            int n = StatusCodec.Write(status, Buffer, Envelope.HeaderSize);
            return n < 0 ? n : Seal(MessageKind.Status, sequence, session, issuedAt, n);
        }

        /// <summary>Builds an event message (board side: own session nonce, own sequence).</summary>
        public int BuildEvent(BoardEvent boardEvent, ulong sequence, ulong session, uint issuedAt)
        {
            int n = EventCodec.Write(boardEvent, Buffer, Envelope.HeaderSize);
            return n < 0 ? n : Seal(MessageKind.Event, sequence, session, issuedAt, n);
        }

        /// <summary>Seals a payload the caller wrote at Buffer[Envelope.HeaderSize ..] (any kind, e.g. for tests of newer kinds).</summary>
        public int Seal(int kind, ulong sequence, ulong session, uint issuedAt, int payloadLength)
        {
            _header.Kind = kind;
            _header.Flags = 0;
            _header.Sequence = sequence;
            _header.Session = session;
            _header.IssuedAt = issuedAt;
            return Envelope.Seal(Buffer, 0, _header, payloadLength, _mac);
        }
    }
}
