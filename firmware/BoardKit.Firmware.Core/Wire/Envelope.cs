using BoardKit.Firmware.Core.Crypto;

namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// The signed envelope around every message (docs/protocol.md, "Envelope"). Big-endian:
    /// <code>
    /// 0    2  magic "BK" (0x42 0x4B)
    /// 2    1  version (1)
    /// 3    1  kind (MessageKind)
    /// 4    1  flags (0 in version 1)
    /// 5    1  key id (1..255)
    /// 6    8  board hash (BoardId)
    /// 14   8  sequence
    /// 22   8  session: the board's boot nonce (session-bound kinds) or content epoch (persistent kinds)
    /// 30   4  issued at, unix seconds (0 = unknown)
    /// 34   4  payload length n
    /// 38   n  payload
    /// 38+n 32 HMAC-SHA256(key, bytes 0 .. 38+n-1)
    /// </code>
    /// One MQTT message carries exactly one envelope: trailing bytes are an error. Nothing here allocates or throws.
    /// </summary>
    public static class Envelope
    {
        /// <summary>Bytes before the payload.</summary>
        public const int HeaderSize = 38;

        /// <summary>Bytes of the tag after the payload.</summary>
        public const int TagSize = HmacSha256.TagSize;

        /// <summary>Header plus tag: the fixed cost of every message.</summary>
        public const int Overhead = HeaderSize + TagSize;

        /// <summary>The only version this code reads and writes.</summary>
        public const int Version = 1;

        /// <summary>First magic byte, 'B'.</summary>
        public const byte Magic0 = 0x42;

        /// <summary>Second magic byte, 'K'.</summary>
        public const byte Magic1 = 0x4B;

        /// <summary>
        /// Seals a message whose payload the caller has already written at buffer[offset + HeaderSize ..
        /// + payloadLength): writes the header from <paramref name="header"/> in front and the tag behind it. Returns
        /// the total length, or a negated WireError (BadArgument for an invalid kind, flags, key id or payload length;
        /// TooLarge above the kind's limit; BufferTooSmall). Sets header.PayloadOffset/PayloadLength/TagOffset/TotalLength.
        /// </summary>
        public static int Seal(byte[] buffer, int offset, EnvelopeHeader header, int payloadLength, HmacSha256 mac)
        {
            if (header.Kind < 0 || header.Kind > 255 || header.Flags != 0 || header.KeyId < 1 || header.KeyId > 255 || payloadLength < 0)
            {
                return -WireError.BadArgument;
            }

            int total = Overhead + payloadLength;
            if (total > WireLimits.MaxBytesForKind(header.Kind))
            {
                return -WireError.TooLarge;
            }

            if (offset < 0 || offset > buffer.Length || buffer.Length - offset < total)
            {
                return -WireError.BufferTooSmall;
            }

            buffer[offset] = Magic0;
            buffer[offset + 1] = Magic1;
            buffer[offset + 2] = Version;
            buffer[offset + 3] = (byte)header.Kind;
            buffer[offset + 4] = (byte)header.Flags;
            buffer[offset + 5] = (byte)header.KeyId;
            for (int i = 0; i < BoardId.HashSize; i++)
            {
                buffer[offset + 6 + i] = header.BoardHash[i];
            }

            BigEndian.WriteUInt64(buffer, offset + 14, header.Sequence);
            BigEndian.WriteUInt64(buffer, offset + 22, header.Session);
            BigEndian.WriteUInt32(buffer, offset + 30, header.IssuedAt);
            BigEndian.WriteUInt32(buffer, offset + 34, (uint)payloadLength);
            int tagOffset = offset + HeaderSize + payloadLength;
            mac.ComputeTag(buffer, offset, HeaderSize + payloadLength, buffer, tagOffset);
            header.PayloadOffset = offset + HeaderSize;
            header.PayloadLength = payloadLength;
            header.TagOffset = tagOffset;
            header.TotalLength = total;
            return total;
        }

        /// <summary>
        /// Copies payload[payloadOffset..+payloadLength) to dest[destOffset + HeaderSize] and seals it (see Seal).
        /// </summary>
        public static int Write(EnvelopeHeader header, byte[] payload, int payloadOffset, int payloadLength, HmacSha256 mac, byte[] dest, int destOffset)
        {
            if (payloadLength < 0 || payloadOffset < 0 || payloadOffset > payload.Length || payload.Length - payloadOffset < payloadLength)
            {
                return -WireError.BadArgument;
            }

            if (destOffset < 0 || destOffset > dest.Length || dest.Length - destOffset < Overhead + payloadLength)
            {
                return -WireError.BufferTooSmall;
            }

            for (int i = 0; i < payloadLength; i++)
            {
                dest[destOffset + HeaderSize + i] = payload[payloadOffset + i];
            }

            return Seal(dest, destOffset, header, payloadLength, mac);
        }

        /// <summary>
        /// Parses and checks the header at src[offset..offset+length) WITHOUT verifying the tag: magic, version,
        /// flags, the kind's size limit, and payload length against the bytes received (exact). For logging and for
        /// TryOpen; never act on a message checked only by this.
        /// </summary>
        public static bool TryReadHeader(byte[] src, int offset, int length, EnvelopeHeader header, out int errorCode)
        {
            if (offset < 0 || length < 0 || offset > src.Length || src.Length - offset < length)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            if (length < 3)
            {
                errorCode = length >= 1 && src[offset] != Magic0 ? WireError.BadMagic
                    : length >= 2 && src[offset + 1] != Magic1 ? WireError.BadMagic
                    : WireError.Truncated;
                return false;
            }

            if (src[offset] != Magic0 || src[offset + 1] != Magic1)
            {
                errorCode = WireError.BadMagic;
                return false;
            }

            if (src[offset + 2] != Version)
            {
                errorCode = WireError.UnsupportedVersion;
                return false;
            }

            if (length < Overhead)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            int kind = src[offset + 3];
            if (length > WireLimits.MaxBytesForKind(kind))
            {
                errorCode = WireError.TooLarge;
                return false;
            }

            uint declared = BigEndian.ReadUInt32(src, offset + 34);
            if (declared > (uint)(length - Overhead))
            {
                errorCode = declared > (uint)WireLimits.MaxMessageBytes ? WireError.TooLarge : WireError.Truncated;
                return false;
            }

            if (declared != (uint)(length - Overhead))
            {
                errorCode = WireError.LengthMismatch;
                return false;
            }

            header.Kind = kind;
            header.Flags = src[offset + 4];
            header.KeyId = src[offset + 5];
            header.SetBoardHash(src, offset + 6);
            header.Sequence = BigEndian.ReadUInt64(src, offset + 14);
            header.Session = BigEndian.ReadUInt64(src, offset + 22);
            header.IssuedAt = BigEndian.ReadUInt32(src, offset + 30);
            header.PayloadOffset = offset + HeaderSize;
            header.PayloadLength = (int)declared;
            header.TagOffset = offset + HeaderSize + (int)declared;
            header.TotalLength = length;
            errorCode = WireError.None;
            return true;
        }

        /// <summary>
        /// Opens a received message src[offset..offset+length): checks the header (TryReadHeader), that it names
        /// <paramref name="expectedBoardHash"/> (WrongBoard), that the key id is installed (UnknownKeyId), the tag in
        /// constant time (BadTag), then reserved flags (ReservedBitsSet), the kind (UnknownKind) and that a session-bound
        /// kind has a non-zero session (WrongSession). Replay checks are separate (ReplayGuard, SessionGuard),
        /// as is payload decoding. On success <paramref name="header"/> is filled and the payload is authentic.
        /// </summary>
        public static bool TryOpen(byte[] src, int offset, int length, byte[] expectedBoardHash, KeyRing keys, EnvelopeHeader header, out int errorCode)
        {
            if (!TryReadHeader(src, offset, length, header, out errorCode))
            {
                return false;
            }

            if (!HmacSha256.FixedTimeEquals(header.BoardHash, 0, expectedBoardHash, 0, BoardId.HashSize))
            {
                errorCode = WireError.WrongBoard;
                return false;
            }

            HmacSha256? mac = keys.Find(header.KeyId);
            if (mac == null)
            {
                errorCode = WireError.UnknownKeyId;
                return false;
            }

            if (!mac.Verify(src, offset, HeaderSize + header.PayloadLength, src, header.TagOffset))
            {
                errorCode = WireError.BadTag;
                return false;
            }

            if (header.Flags != 0)
            {
                errorCode = WireError.ReservedBitsSet;
                return false;
            }

            if (!MessageKind.IsKnown(header.Kind))
            {
                errorCode = WireError.UnknownKind;
                return false;
            }

            // Session-bound kinds carry the board's boot nonce, never 0. Persistent kinds carry the board's content
            // epoch there (0 until a resync command starts a new one); ReplayGuard judges it.
            if (MessageKind.IsSessionBound(header.Kind) && header.Session == 0)
            {
                errorCode = WireError.WrongSession;
                return false;
            }

            errorCode = WireError.None;
            return true;
        }
    }
}
