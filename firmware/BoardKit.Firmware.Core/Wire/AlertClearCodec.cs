namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Alert-clear payload (docs/protocol.md, "Alert clear"): 8 bytes, the sequence of the alert to end
    /// (0 = whatever alert is active). Its own sequence comes from the same alert stream, so it outranks the alert
    /// and, published retained on the same topic, replaces it at the broker: one action clears the alert everywhere.
    /// Bytes after the 8 are ignored.
    /// </summary>
    public static class AlertClearCodec
    {
        /// <summary>Payload size.</summary>
        public const int Size = 8;

        /// <summary>Writes the payload; returns 8 or -BufferTooSmall.</summary>
        public static int Write(ulong alertSequence, byte[] dest, int offset)
        {
            if (offset < 0 || offset > dest.Length || dest.Length - offset < Size)
            {
                return -WireError.BufferTooSmall;
            }

            BigEndian.WriteUInt64(dest, offset, alertSequence);
            return Size;
        }

        /// <summary>Reads the payload. Error: Truncated.</summary>
        public static bool TryRead(byte[] src, int offset, int length, out ulong alertSequence, out int errorCode)
        {
            if (offset < 0 || length < Size || offset > src.Length || src.Length - offset < length)
            {
                alertSequence = 0;
                errorCode = WireError.Truncated;
                return false;
            }

            alertSequence = BigEndian.ReadUInt64(src, offset);
            errorCode = WireError.None;
            return true;
        }
    }
}
