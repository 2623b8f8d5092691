using System;

namespace BoardKit.Gateway.Preview
{
    /// <summary>CRC-32 as PNG chunks use it (ISO 3309 / ITU-T V.42: reflected polynomial 0xEDB88320, initial and final
    /// XOR 0xFFFFFFFF). System.IO.Hashing is not part of the shared framework, hence this small table version.</summary>
    internal static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC-32 of <paramref name="first"/> followed by <paramref name="second"/>.</summary>
        public static uint Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
        {
            uint crc = 0xFFFFFFFFu;
            crc = Update(crc, first);
            crc = Update(crc, second);
            return crc ^ 0xFFFFFFFFu;
        }

        private static uint Update(uint crc, ReadOnlySpan<byte> data)
        {
            foreach (byte b in data)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
