namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Reads and writes unsigned integers in network byte order (most significant byte first), the only byte order
    /// the BoardKit wire protocol uses. Callers check bounds first; these helpers do not.
    /// </summary>
    public static class BigEndian
    {
        /// <summary>Reads a 16-bit unsigned value at <paramref name="offset"/>.</summary>
        public static int ReadUInt16(byte[] src, int offset)
        {
            return (src[offset] << 8) | src[offset + 1];
        }

        /// <summary>Reads a 16-bit two's-complement signed value at <paramref name="offset"/>.</summary>
        public static int ReadInt16(byte[] src, int offset)
        {
            int v = ReadUInt16(src, offset);
            return v >= 0x8000 ? v - 0x10000 : v;
        }

        /// <summary>Reads a 32-bit unsigned value at <paramref name="offset"/>.</summary>
        public static uint ReadUInt32(byte[] src, int offset)
        {
            return ((uint)src[offset] << 24) | ((uint)src[offset + 1] << 16) | ((uint)src[offset + 2] << 8) | src[offset + 3];
        }

        /// <summary>Reads a 64-bit unsigned value at <paramref name="offset"/>.</summary>
        public static ulong ReadUInt64(byte[] src, int offset)
        {
            return ((ulong)ReadUInt32(src, offset) << 32) | ReadUInt32(src, offset + 4);
        }

        /// <summary>Writes the low 16 bits of <paramref name="value"/> at <paramref name="offset"/>.</summary>
        public static void WriteUInt16(byte[] dest, int offset, int value)
        {
            dest[offset] = (byte)(value >> 8);
            dest[offset + 1] = (byte)value;
        }

        /// <summary>Writes a 32-bit value at <paramref name="offset"/>.</summary>
        public static void WriteUInt32(byte[] dest, int offset, uint value)
        {
            dest[offset] = (byte)(value >> 24);
            dest[offset + 1] = (byte)(value >> 16);
            dest[offset + 2] = (byte)(value >> 8);
            dest[offset + 3] = (byte)value;
        }

        /// <summary>Writes a 64-bit value at <paramref name="offset"/>.</summary>
        public static void WriteUInt64(byte[] dest, int offset, ulong value)
        {
            WriteUInt32(dest, offset, (uint)(value >> 32));
            WriteUInt32(dest, offset + 4, (uint)value);
        }
    }
}
