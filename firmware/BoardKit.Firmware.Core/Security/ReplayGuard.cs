using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Security
{
    /// <summary>
    /// Replay and rollback protection for the persistent streams (docs/protocol.md, "Replay and rollback"): the
    /// program stream, and the alert stream shared by alert and alert clear. Per stream it keeps the highest accepted
    /// sequence and that message's tag. The device glue saves the state to flash after every Accept, alternating
    /// between two slots, so a torn write leaves the previous copy usable, and loads it at boot; so an old captured
    /// message stays useless after a reboot.
    /// Rules, for an authentic message: seq &gt; stored: new; seq == stored with the same tag: Duplicate (the stored
    /// message again, e.g. the retained copy after reconnecting: not an error, nothing to do); seq == stored with
    /// another tag: Rollback; seq &lt; stored: Replay. Sequences start at 1.
    /// </summary>
    public sealed class ReplayGuard
    {
        /// <summary>Stream index of program messages.</summary>
        public const int StreamProgram = 0;

        /// <summary>Stream index of alert and alert-clear messages (one counter, so a clear outranks its alert).</summary>
        public const int StreamAlert = 1;

        /// <summary>Number of persistent streams in this version.</summary>
        public const int StreamCount = 2;

        /// <summary>Bytes per stream in the saved state: sequence (8) and tag (32).</summary>
        public const int StreamRecordSize = 8 + HmacSha256.TagSize;

        /// <summary>Size of the saved state: magic 2, format 1, stream count 1, generation 4, records, CRC-32 4 = 92 bytes.</summary>
        public const int StateSize = 8 + StreamCount * StreamRecordSize + 4;

        /// <summary>First byte of the saved state, 'B'.</summary>
        public const byte StateMagic0 = 0x42;

        /// <summary>Second byte of the saved state, 'R' (replay).</summary>
        public const byte StateMagic1 = 0x52;

        /// <summary>Format version of the saved state.</summary>
        public const byte StateFormat = 1;

        private readonly ulong[] _sequences = new ulong[StreamCount];
        private readonly byte[] _tags = new byte[StreamCount * HmacSha256.TagSize];

        /// <summary>Save counter: incremented by every Save; the copy with the higher generation wins at load.</summary>
        public uint Generation { get; private set; }

        /// <summary>
        /// The slot (0 or 1) the NEXT Save belongs in: (Generation + 1) modulo 2. Read it before calling Save and write
        /// the saved bytes there, never over the other slot, which holds the previous copy.
        /// </summary>
        public int NextSlot
        {
            get { return (int)((Generation + 1) & 1); }
        }

        /// <summary>Persistent stream of <paramref name="kind"/>, or -1 if the kind is not a persistent stream.</summary>
        public static int StreamOf(int kind)
        {
            switch (kind)
            {
                case MessageKind.Program: return StreamProgram;
                case MessageKind.Alert: return StreamAlert;
                case MessageKind.AlertClear: return StreamAlert;
                default: return -1;
            }
        }

        /// <summary>Highest accepted sequence of <paramref name="stream"/> (0 = nothing accepted yet).</summary>
        public ulong GetSequence(int stream)
        {
            return _sequences[stream];
        }

        /// <summary>
        /// Classifies an authentic message without changing state: WireError.None (new: act on it, then Accept),
        /// Duplicate (already have it), Rollback, Replay, or BadArgument if <paramref name="kind"/> is not a persistent
        /// stream or seq is 0.
        /// </summary>
        public int Check(int kind, ulong sequence, byte[] tag, int tagOffset)
        {
            int stream = StreamOf(kind);
            if (stream < 0 || sequence == 0)
            {
                return WireError.BadArgument;
            }

            ulong stored = _sequences[stream];
            if (sequence > stored)
            {
                return WireError.None;
            }

            if (sequence < stored)
            {
                return WireError.Replay;
            }

            return HmacSha256.FixedTimeEquals(_tags, stream * HmacSha256.TagSize, tag, tagOffset, HmacSha256.TagSize)
                ? WireError.Duplicate
                : WireError.Rollback;
        }

        /// <summary>Check for an opened envelope (header from Envelope.TryOpen over <paramref name="src"/>).</summary>
        public int Check(EnvelopeHeader header, byte[] src)
        {
            return Check(header.Kind, header.Sequence, src, header.TagOffset);
        }

        /// <summary>
        /// Records an accepted message (call after Check returned None and the payload decoded). Returns false and
        /// changes nothing if it would lower the stored sequence. Save the state before acting on the message.
        /// </summary>
        public bool Accept(int kind, ulong sequence, byte[] tag, int tagOffset)
        {
            int stream = StreamOf(kind);
            if (stream < 0 || sequence == 0 || sequence < _sequences[stream])
            {
                return false;
            }

            _sequences[stream] = sequence;
            for (int i = 0; i < HmacSha256.TagSize; i++)
            {
                _tags[stream * HmacSha256.TagSize + i] = tag[tagOffset + i];
            }

            return true;
        }

        /// <summary>Accept for an opened envelope.</summary>
        public bool Accept(EnvelopeHeader header, byte[] src)
        {
            return Accept(header.Kind, header.Sequence, src, header.TagOffset);
        }

        /// <summary>Forgets everything (a freshly provisioned board).</summary>
        public void Clear()
        {
            for (int i = 0; i < StreamCount; i++)
            {
                _sequences[i] = 0;
            }

            for (int i = 0; i < _tags.Length; i++)
            {
                _tags[i] = 0;
            }

            Generation = 0;
        }

        /// <summary>
        /// Increments Generation and writes the state (StateSize bytes) to dest at offset. Returns StateSize or
        /// -BufferTooSmall. Store the bytes in the slot NextSlot named before this call.
        /// </summary>
        public int Save(byte[] dest, int offset)
        {
            if (offset < 0 || offset > dest.Length || dest.Length - offset < StateSize)
            {
                return -WireError.BufferTooSmall;
            }

            Generation++;
            dest[offset] = StateMagic0;
            dest[offset + 1] = StateMagic1;
            dest[offset + 2] = StateFormat;
            dest[offset + 3] = StreamCount;
            BigEndian.WriteUInt32(dest, offset + 4, Generation);
            int p = offset + 8;
            for (int s = 0; s < StreamCount; s++)
            {
                BigEndian.WriteUInt64(dest, p, _sequences[s]);
                for (int i = 0; i < HmacSha256.TagSize; i++)
                {
                    dest[p + 8 + i] = _tags[s * HmacSha256.TagSize + i];
                }

                p += StreamRecordSize;
            }

            BigEndian.WriteUInt32(dest, p, Crc32.Compute(dest, offset, p - offset));
            return StateSize;
        }

        /// <summary>
        /// Loads one saved copy. Returns WireError.None, or StateCorrupt (wrong size, magic, format, stream count or
        /// CRC: a torn or damaged write) and leaves the state unchanged.
        /// </summary>
        public int Load(byte[] src, int offset, int length)
        {
            if (!IsValidState(src, offset, length))
            {
                return WireError.StateCorrupt;
            }

            Generation = BigEndian.ReadUInt32(src, offset + 4);
            int p = offset + 8;
            for (int s = 0; s < StreamCount; s++)
            {
                _sequences[s] = BigEndian.ReadUInt64(src, p);
                for (int i = 0; i < HmacSha256.TagSize; i++)
                {
                    _tags[s * HmacSha256.TagSize + i] = src[p + 8 + i];
                }

                p += StreamRecordSize;
            }

            return WireError.None;
        }

        /// <summary>
        /// Loads the newest valid of two slots (null or length 0 = slot file missing). Returns the slot used (0 or 1),
        /// or -1 if neither is valid, in which case the state is cleared (first boot, or both copies damaged: report
        /// StateCorrupt in status if any slot was present). <paramref name="corruptSlots"/> counts present but
        /// invalid slots.
        /// </summary>
        public int LoadNewest(byte[]? slot0, int length0, byte[]? slot1, int length1, out int corruptSlots)
        {
            corruptSlots = 0;
            bool ok0 = slot0 != null && length0 > 0 && IsValidState(slot0, 0, length0);
            bool ok1 = slot1 != null && length1 > 0 && IsValidState(slot1, 0, length1);
            if (slot0 != null && length0 > 0 && !ok0)
            {
                corruptSlots++;
            }

            if (slot1 != null && length1 > 0 && !ok1)
            {
                corruptSlots++;
            }

            if (ok0 && ok1)
            {
                uint g0 = BigEndian.ReadUInt32(slot0!, 4);
                uint g1 = BigEndian.ReadUInt32(slot1!, 4);
                if (g1 > g0)
                {
                    Load(slot1!, 0, length1);
                    return 1;
                }

                Load(slot0!, 0, length0);
                return 0;
            }

            if (ok0)
            {
                Load(slot0!, 0, length0);
                return 0;
            }

            if (ok1)
            {
                Load(slot1!, 0, length1);
                return 1;
            }

            Clear();
            return -1;
        }

        private static bool IsValidState(byte[] src, int offset, int length)
        {
            if (offset < 0 || length != StateSize || offset > src.Length || src.Length - offset < length)
            {
                return false;
            }

            if (src[offset] != StateMagic0 || src[offset + 1] != StateMagic1 || src[offset + 2] != StateFormat || src[offset + 3] != StreamCount)
            {
                return false;
            }

            return Crc32.Compute(src, offset, StateSize - 4) == BigEndian.ReadUInt32(src, offset + StateSize - 4);
        }
    }
}
