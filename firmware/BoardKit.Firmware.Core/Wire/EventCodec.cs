namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>Writes and reads event payloads (see <see cref="BoardEvent"/>). No allocation, no exceptions.</summary>
    public static class EventCodec
    {
        /// <summary>Writes <paramref name="boardEvent"/>; returns 16 (time unknown) or 20 (with the time field), or a negated WireError.</summary>
        public static int Write(BoardEvent boardEvent, byte[] dest, int offset)
        {
            if (boardEvent.Code < 1 || boardEvent.Code > 255 || boardEvent.Detail < 0 || boardEvent.Detail > 0xFFFF
                || boardEvent.Kind < 0 || boardEvent.Kind > 255)
            {
                return -WireError.BadArgument;
            }

            int size = boardEvent.TimeUnixSeconds != 0 ? BoardEvent.SizeWithTime : BoardEvent.Size;
            if (offset < 0 || offset > dest.Length || dest.Length - offset < size)
            {
                return -WireError.BufferTooSmall;
            }

            dest[offset] = (byte)boardEvent.Code;
            BigEndian.WriteUInt16(dest, offset + 1, boardEvent.Detail);
            dest[offset + 3] = (byte)boardEvent.Kind;
            BigEndian.WriteUInt64(dest, offset + 4, boardEvent.Sequence);
            BigEndian.WriteUInt32(dest, offset + 12, boardEvent.UptimeSeconds);
            if (size == BoardEvent.SizeWithTime)
            {
                BigEndian.WriteUInt32(dest, offset + 16, boardEvent.TimeUnixSeconds);
            }

            return size;
        }

        /// <summary>Reads an event payload. Errors: Truncated, BadField (code 0).</summary>
        public static bool TryRead(byte[] src, int offset, int length, BoardEvent boardEvent, out int errorCode)
        {
            if (offset < 0 || length < BoardEvent.Size || offset > src.Length || src.Length - offset < length)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            if (src[offset] == 0)
            {
                errorCode = WireError.BadField;
                return false;
            }

            boardEvent.Code = src[offset];
            boardEvent.Detail = BigEndian.ReadUInt16(src, offset + 1);
            boardEvent.Kind = src[offset + 3];
            boardEvent.Sequence = BigEndian.ReadUInt64(src, offset + 4);
            boardEvent.UptimeSeconds = BigEndian.ReadUInt32(src, offset + 12);
            boardEvent.TimeUnixSeconds = length >= BoardEvent.SizeWithTime ? BigEndian.ReadUInt32(src, offset + 16) : 0;
            errorCode = WireError.None;
            return true;
        }
    }
}
