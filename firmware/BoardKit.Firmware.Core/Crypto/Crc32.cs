namespace BoardKit.Firmware.Core.Crypto
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF; the zlib/PNG CRC).
    /// Detects torn or corrupted writes of stored state; it is not a security check (the state is not secret and an
    /// attacker who can write flash already has the key).
    /// </summary>
    public static class Crc32
    {
        /// <summary>CRC-32 of data[offset..offset+count). Bitwise, no table: state files are ~100 bytes.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = 0; i < count; i++)
            {
                crc ^= data[offset + i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
