namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Error codes of the wire protocol (docs/protocol.md, "Error codes"). Decoders return one of these through an
    /// <c>out int errorCode</c>; encoders return the negated code instead of a byte count. Codes are stable: they are
    /// reported to the gateway in board status and events, so a number is never reused for another meaning.
    /// Plain int constants, not an enum: on nanoFramework enum.ToString() prints the number.
    /// </summary>
    public static class WireError
    {
        /// <summary>No error.</summary>
        public const int None = 0;
        /// <summary>Fewer bytes than the structure needs (a field or a declared length runs past the end).</summary>
        public const int Truncated = 1;
        /// <summary>The message does not start with "BK".</summary>
        public const int BadMagic = 2;
        /// <summary>Protocol version other than 1. The board keeps what it has and reports this.</summary>
        public const int UnsupportedVersion = 3;
        /// <summary>Authentic message of a kind this firmware does not know. Kept playing; reported.</summary>
        public const int UnknownKind = 4;
        /// <summary>A flags field has a bit set that this version defines as reserved (must be zero).</summary>
        public const int ReservedBitsSet = 5;
        /// <summary>Declared payload length does not match the bytes received (missing or trailing bytes).</summary>
        public const int LengthMismatch = 6;
        /// <summary>A length, count or size exceeds a protocol limit (WireLimits) before anything is allocated.</summary>
        public const int TooLarge = 7;
        /// <summary>The message names another board (board hash differs).</summary>
        public const int WrongBoard = 8;
        /// <summary>No key with this key id is installed on the board.</summary>
        public const int UnknownKeyId = 9;
        /// <summary>The HMAC-SHA256 tag does not verify: tampered, truncated or signed with another key.</summary>
        public const int BadTag = 10;
        /// <summary>Sequence number lower than (or, for session messages, equal to) the last accepted one.</summary>
        public const int Replay = 11;
        /// <summary>Same sequence number as the stored one but a different tag: two messages claim one number.</summary>
        public const int Rollback = 12;
        /// <summary>Not a failure: the stored message again (same sequence, same tag), e.g. the retained copy.</summary>
        public const int Duplicate = 13;
        /// <summary>Session-bound message for another session (before the board's last reboot) or with session 0, or a persistent-stream message for a content epoch the board has not started (its session field is the epoch).</summary>
        public const int WrongSession = 14;
        /// <summary>Pixel format byte is not 1, 2, 4 or 24.</summary>
        public const int BadPixelFormat = 15;
        /// <summary>Width or height is zero or above the limit for its use.</summary>
        public const int BadDimensions = 16;
        /// <summary>Compressed pixel data does not expand to exactly the frame's raw size.</summary>
        public const int BadCompression = 17;
        /// <summary>Raw pixel data length differs from width x height x bits per pixel.</summary>
        public const int BadFrameLength = 18;
        /// <summary>Item count is zero or above WireLimits.MaxItems.</summary>
        public const int BadItemCount = 19;
        /// <summary>Frame count is zero, above WireLimits.MaxFramesPerItem, or wrong for the item's layout.</summary>
        public const int BadFrameCount = 20;
        /// <summary>A field value outside its range (layout, level, schedule minute, brightness mode, ...).</summary>
        public const int BadField = 21;
        /// <summary>Authentic command with a command code this firmware does not know.</summary>
        public const int UnknownCommand = 22;
        /// <summary>Encoder only: the destination buffer is too small.</summary>
        public const int BufferTooSmall = 23;
        /// <summary>Encoder only: the structured input is invalid (e.g. pixel length differs from the header).</summary>
        public const int BadArgument = 24;
        /// <summary>Stored replay state failed its checksum or format check (torn write); the other copy is used. With both copies bad the board recovers with the rules of docs/protocol.md 8.4 and reports this.</summary>
        public const int StateCorrupt = 25;
        /// <summary>Authentic command refused because the board already holds ContentReceiver's maximum of waiting commands; its sequence is not used, so the gateway may send it again.</summary>
        public const int CommandQueueFull = 26;
        /// <summary>Persistent-stream sequence more than a day ahead of the board's network time (a gateway clock far ahead, ticks instead of milliseconds, 2^64-1): refused so one bad message cannot lock the stream.</summary>
        public const int SequenceAhead = 27;
        /// <summary>An alert whose expiry (valid until, or issued at + the maximum alert lifetime) has passed by the board's time when it arrives, or an alert without an issue time.</summary>
        public const int Expired = 28;
        /// <summary>After the board lost its replay state: a message issued before the newest content the board could still verify, or older than the lost-state bound by its network time.</summary>
        public const int TooOld = 29;
        /// <summary>The board could not write the message to flash: nothing changed, the gateway's retained copy will be tried again.</summary>
        public const int StorageFailed = 30;

        /// <summary>Highest code defined by this version.</summary>
        public const int MaxCode = 30;

        /// <summary>
        /// Short English description of <paramref name="code"/> for logs and the diagnostics screen;
        /// "error N" for codes this version does not know.
        /// </summary>
        public static string Describe(int code)
        {
            switch (code)
            {
                case None: return "ok";
                case Truncated: return "truncated";
                case BadMagic: return "bad magic";
                case UnsupportedVersion: return "unsupported protocol version";
                case UnknownKind: return "unknown message kind";
                case ReservedBitsSet: return "reserved bits set";
                case LengthMismatch: return "length mismatch";
                case TooLarge: return "too large";
                case WrongBoard: return "message for another board";
                case UnknownKeyId: return "unknown key id";
                case BadTag: return "bad authentication tag";
                case Replay: return "replayed (old sequence)";
                case Rollback: return "rollback (sequence reused)";
                case Duplicate: return "duplicate of stored message";
                case WrongSession: return "wrong session";
                case BadPixelFormat: return "bad pixel format";
                case BadDimensions: return "bad dimensions";
                case BadCompression: return "bad compressed data";
                case BadFrameLength: return "bad frame length";
                case BadItemCount: return "bad item count";
                case BadFrameCount: return "bad frame count";
                case BadField: return "field out of range";
                case UnknownCommand: return "unknown command";
                case BufferTooSmall: return "buffer too small";
                case BadArgument: return "bad argument";
                case StateCorrupt: return "replay state corrupt";
                case CommandQueueFull: return "command queue full";
                case SequenceAhead: return "sequence ahead of the board's clock";
                case Expired: return "expired";
                case TooOld: return "too old after lost state";
                case StorageFailed: return "storage failed";
                default: return "error " + code.ToString();
            }
        }
    }
}
