using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Security
{
    /// <summary>
    /// The board's persisted replay state (docs/protocol.md 8.1 and 8.4): for each persistent stream (program; alert
    /// and alert clear; preset) the position of the last accepted message and its tag, plus the board's content epoch,
    /// its time lower bound and whether it is recovering from a lost state. The glue never touches the bytes:
    /// Board.BoardStorage saves them to two alternating flash slots and loads the newest valid one at boot.
    /// <para>
    /// Order of messages on a stream: by (epoch, key id, sequence), compared left to right. The epoch is the envelope's
    /// session field and must equal the board's current epoch (older: Replay; newer: WrongSession, the board has not
    /// started it: only a resync command starts an epoch). Within the epoch a higher key id starts over (a key
    /// rotation makes fresh sequences possible), and a lower key id is a replay. Rules for an authentic message:
    /// same tag as the stored one: Duplicate (the stored message itself, whatever its epoch); sequence 0: Replay;
    /// stream empty in this epoch: new; (key id, sequence) above the stored: new; equal with another tag: Rollback;
    /// below: Replay.
    /// </para>
    /// <para>
    /// Why epochs and key ids: a single authentic message with an absurd sequence (a gateway clock once at 2100, .NET
    /// ticks instead of milliseconds, 2^64-1) would otherwise lock a stream for ever, including emergency alerts.
    /// A resync command (session-bound, so it can be neither replayed nor used after a reboot) starts a new epoch;
    /// every message of the old epoch, including the absurd one, is refused from then on.
    /// </para>
    /// </summary>
    public sealed class ReplayGuard
    {
        /// <summary>Stream index of program messages.</summary>
        public const int StreamProgram = 0;

        /// <summary>Stream index of alert and alert-clear messages (one counter, so a clear outranks its alert).</summary>
        public const int StreamAlert = 1;

        /// <summary>Stream index of emergency preset messages.</summary>
        public const int StreamPreset = 2;

        /// <summary>Number of persistent streams in this version.</summary>
        public const int StreamCount = 3;

        /// <summary>Bytes per stream in the saved state: key id (1), sequence (8), tag (32).</summary>
        public const int StreamRecordSize = 1 + 8 + HmacSha256.TagSize;

        /// <summary>Offset of the first stream record in the saved state.</summary>
        public const int RecordsOffset = 21;

        /// <summary>
        /// Size of the saved state: magic 2, format 1, stream count 1, generation 4, epoch 4, time lower bound 4,
        /// flags 1, lost-state floor 4, 3 stream records of 41, CRC-32 4 = 148 bytes.
        /// </summary>
        public const int StateSize = RecordsOffset + (StreamCount * StreamRecordSize) + 4;

        /// <summary>First byte of the saved state, 'B'.</summary>
        public const byte StateMagic0 = 0x42;

        /// <summary>Second byte of the saved state, 'R' (replay).</summary>
        public const byte StateMagic1 = 0x52;

        /// <summary>Format version of the saved state (2: epochs, key ids, time bound, preset stream).</summary>
        public const byte StateFormat = 2;

        /// <summary>Flags bit 0: the state was lost and the board is recovering (docs/protocol.md 8.4).</summary>
        public const int FlagRecovering = 0x01;

        private readonly int[] _keyIds = new int[StreamCount];
        private readonly ulong[] _sequences = new ulong[StreamCount];
        private readonly bool[] _hasTag = new bool[StreamCount];
        private readonly byte[] _tags = new byte[StreamCount * HmacSha256.TagSize];

        /// <summary>Save counter: incremented by every Save; the copy with the higher generation wins at load.</summary>
        public uint Generation { get; private set; }

        /// <summary>The board's content epoch: 0 from provisioning until a resync command starts a new one.</summary>
        public uint Epoch { get; private set; }

        /// <summary>
        /// The board's time lower bound, unix seconds (0 = none): real time is at least this. Kept here so that it
        /// survives a reboot; Board.BoardClock owns its meaning and updates it before each save.
        /// </summary>
        public uint TimeLowerBound { get; set; }

        /// <summary>
        /// True while recovering from a lost state (both saved copies damaged): a stream with no record in this epoch
        /// takes only messages issued at or after <see cref="RecoveryFloor"/> (docs/protocol.md 8.4).
        /// </summary>
        public bool Recovering { get; private set; }

        /// <summary>While <see cref="Recovering"/>: the oldest issue time (unix seconds) a message may have on a stream without a record.</summary>
        public uint RecoveryFloor { get; private set; }

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
                case MessageKind.Preset: return StreamPreset;
                default: return -1;
            }
        }

        /// <summary>Sequence of the last message accepted on <paramref name="stream"/> in this epoch (0 = none).</summary>
        public ulong GetSequence(int stream)
        {
            return _sequences[stream];
        }

        /// <summary>Key id of the last message accepted on <paramref name="stream"/> in this epoch (0 = none).</summary>
        public int GetKeyId(int stream)
        {
            return _keyIds[stream];
        }

        /// <summary>True when <paramref name="stream"/> has accepted a message in this epoch.</summary>
        public bool HasRecord(int stream)
        {
            return _keyIds[stream] != 0;
        }

        /// <summary>
        /// Classifies an authentic persistent message without changing state: WireError.None (new: validate it, then
        /// Accept), Duplicate (the stored message again), Rollback, Replay, WrongSession (an epoch the board has not
        /// started), or BadArgument for a kind that is not a persistent stream.
        /// </summary>
        /// <param name="kind">MessageKind of the message.</param>
        /// <param name="keyId">Key id that signed it (1..255).</param>
        /// <param name="epoch">The envelope's session field.</param>
        /// <param name="sequence">The envelope's sequence.</param>
        /// <param name="tag">Array holding the message's 32-byte tag at <paramref name="tagOffset"/>.</param>
        /// <param name="tagOffset">Offset of the tag.</param>
        public int Check(int kind, int keyId, ulong epoch, ulong sequence, byte[] tag, int tagOffset)
        {
            int stream = StreamOf(kind);
            if (stream < 0)
            {
                return WireError.BadArgument;
            }

            // The stored message itself, in whatever epoch it was accepted: the retained copy after reconnecting, a QoS 1
            // duplicate, the board's own flash copy at boot (also right after a resync, before anything new arrived).
            if (_hasTag[stream] && HmacSha256.FixedTimeEquals(_tags, stream * HmacSha256.TagSize, tag, tagOffset, HmacSha256.TagSize))
            {
                return WireError.Duplicate;
            }

            if (epoch < Epoch)
            {
                return WireError.Replay;
            }

            if (epoch > Epoch)
            {
                return WireError.WrongSession;
            }

            if (sequence == 0)
            {
                return WireError.Replay;
            }

            int storedKey = _keyIds[stream];
            if (storedKey == 0 || keyId > storedKey)
            {
                return WireError.None;
            }

            if (keyId < storedKey)
            {
                return WireError.Replay;
            }

            ulong stored = _sequences[stream];
            if (sequence > stored)
            {
                return WireError.None;
            }

            return sequence < stored ? WireError.Replay : WireError.Rollback;
        }

        /// <summary>Check for an opened envelope (header from Envelope.TryOpen over <paramref name="src"/>).</summary>
        public int Check(EnvelopeHeader header, byte[] src)
        {
            return Check(header.Kind, header.KeyId, header.Session, header.Sequence, src, header.TagOffset);
        }

        /// <summary>
        /// Records an accepted message (after Check returned None and the payload validated). Returns false and changes
        /// nothing unless Check says None.
        /// </summary>
        public bool Accept(EnvelopeHeader header, byte[] src)
        {
            if (Check(header, src) != WireError.None)
            {
                return false;
            }

            int stream = StreamOf(header.Kind);
            _keyIds[stream] = header.KeyId;
            _sequences[stream] = header.Sequence;
            _hasTag[stream] = true;
            for (int i = 0; i < HmacSha256.TagSize; i++)
            {
                _tags[stream * HmacSha256.TagSize + i] = src[header.TagOffset + i];
            }

            return true;
        }

        /// <summary>
        /// Starts content epoch <paramref name="newEpoch"/> (a verified resync command): every stream's position is
        /// forgotten (their tags are kept, so the board's own flash copies still restore as Duplicate), recovery ends,
        /// and the time lower bound becomes <paramref name="issuedAt"/> when that is not 0 (it may go down: a resync is
        /// how a bound poisoned by a gateway clock far ahead is repaired). False, and nothing changes, unless
        /// newEpoch is above the current epoch.
        /// </summary>
        public bool StartEpoch(uint newEpoch, uint issuedAt)
        {
            if (newEpoch <= Epoch)
            {
                return false;
            }

            Epoch = newEpoch;
            for (int s = 0; s < StreamCount; s++)
            {
                _keyIds[s] = 0;
                _sequences[s] = 0;
            }

            Recovering = false;
            RecoveryFloor = 0;
            if (issuedAt != 0)
            {
                TimeLowerBound = issuedAt;
            }

            return true;
        }

        /// <summary>
        /// While recovering a lost state, moves to the higher content epoch <paramref name="epoch"/> that an authentic
        /// stored copy (or a message passing the recovery floor) names: the lost state took the epoch with it. Stream
        /// positions start over as in <see cref="StartEpoch"/>; recovery and its floor stay. False, and nothing changes,
        /// when not recovering or the epoch is not higher.
        /// </summary>
        public bool AdoptEpochWhileRecovering(uint epoch)
        {
            if (!Recovering || epoch <= Epoch)
            {
                return false;
            }

            Epoch = epoch;
            for (int s = 0; s < StreamCount; s++)
            {
                _keyIds[s] = 0;
                _sequences[s] = 0;
            }

            return true;
        }

        /// <summary>
        /// Enters recovery after a lost state (both saved copies damaged): streams without a record take only messages
        /// issued at or after the floor, which <see cref="RaiseRecoveryFloor"/> sets.
        /// </summary>
        public void BeginRecovery()
        {
            Recovering = true;
        }

        /// <summary>While recovering, raises the floor to <paramref name="issuedAt"/> if that is higher.</summary>
        public void RaiseRecoveryFloor(uint issuedAt)
        {
            if (Recovering && issuedAt > RecoveryFloor)
            {
                RecoveryFloor = issuedAt;
            }
        }

        /// <summary>Forgets everything (a freshly provisioned board).</summary>
        public void Clear()
        {
            for (int s = 0; s < StreamCount; s++)
            {
                _keyIds[s] = 0;
                _sequences[s] = 0;
                _hasTag[s] = false;
            }

            System.Array.Clear(_tags, 0, _tags.Length);
            Generation = 0;
            Epoch = 0;
            TimeLowerBound = 0;
            Recovering = false;
            RecoveryFloor = 0;
        }

        /// <summary>
        /// Increments Generation and writes the state (StateSize bytes) to dest at offset. Returns StateSize or
        /// -BufferTooSmall. Store the bytes in the slot NextSlot named before this call. Allocates nothing.
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
            BigEndian.WriteUInt32(dest, offset + 8, Epoch);
            BigEndian.WriteUInt32(dest, offset + 12, TimeLowerBound);
            dest[offset + 16] = (byte)(Recovering ? FlagRecovering : 0);
            BigEndian.WriteUInt32(dest, offset + 17, RecoveryFloor);
            int p = offset + RecordsOffset;
            for (int s = 0; s < StreamCount; s++)
            {
                dest[p] = (byte)_keyIds[s];
                BigEndian.WriteUInt64(dest, p + 1, _sequences[s]);
                for (int i = 0; i < HmacSha256.TagSize; i++)
                {
                    dest[p + 9 + i] = _tags[s * HmacSha256.TagSize + i];
                }

                p += StreamRecordSize;
            }

            BigEndian.WriteUInt32(dest, p, Crc32.Compute(dest, offset, p - offset));
            return StateSize;
        }

        /// <summary>
        /// Loads one saved copy. Returns WireError.None, or StateCorrupt (wrong size, magic, format, stream count,
        /// reserved flag bits or CRC: a torn or damaged write) and leaves the state unchanged.
        /// </summary>
        public int Load(byte[] src, int offset, int length)
        {
            if (!IsValidState(src, offset, length))
            {
                return WireError.StateCorrupt;
            }

            Generation = BigEndian.ReadUInt32(src, offset + 4);
            Epoch = BigEndian.ReadUInt32(src, offset + 8);
            TimeLowerBound = BigEndian.ReadUInt32(src, offset + 12);
            Recovering = (src[offset + 16] & FlagRecovering) != 0;
            RecoveryFloor = BigEndian.ReadUInt32(src, offset + 17);
            int p = offset + RecordsOffset;
            for (int s = 0; s < StreamCount; s++)
            {
                _keyIds[s] = src[p];
                _sequences[s] = BigEndian.ReadUInt64(src, p + 1);
                bool any = false;
                for (int i = 0; i < HmacSha256.TagSize; i++)
                {
                    byte b = src[p + 9 + i];
                    _tags[s * HmacSha256.TagSize + i] = b;
                    any |= b != 0;
                }

                // An all-zero tag is "no message stored" (a real HMAC-SHA256 tag is all zero with probability 2^-256).
                _hasTag[s] = any;
                p += StreamRecordSize;
            }

            return WireError.None;
        }

        /// <summary>
        /// Loads the newest valid of two slots (null or length 0 = slot file missing). Returns the slot used (0 or 1),
        /// or -1 if neither is valid, in which case the state is cleared. <paramref name="corruptSlots"/> counts present
        /// but invalid slots: -1 with corruptSlots &gt; 0 is a lost state (call BeginRecovery), -1 with 0 a fresh board.
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

            if (src[offset] != StateMagic0 || src[offset + 1] != StateMagic1 || src[offset + 2] != StateFormat
                || src[offset + 3] != StreamCount || (src[offset + 16] & ~FlagRecovering) != 0)
            {
                return false;
            }

            return Crc32.Compute(src, offset, StateSize - 4) == BigEndian.ReadUInt32(src, offset + StateSize - 4);
        }
    }
}
