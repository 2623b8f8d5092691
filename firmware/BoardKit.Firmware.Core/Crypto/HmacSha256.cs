namespace BoardKit.Firmware.Core.Crypto
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104) over (array, offset, count), allocation-free after construction. The hash states after
    /// the inner (key XOR 0x36) and outer (key XOR 0x5C) pad blocks are computed once per key, so each tag costs only
    /// the message blocks plus two. Keys longer than 64 bytes are hashed first, as RFC 2104 says; BoardKit keys are 32
    /// bytes. Not thread-safe; one instance per key per thread.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>Tag size in bytes (32).</summary>
        public const int TagSize = 32;

        private readonly Sha256 _sha = new Sha256();
        private readonly uint[] _innerState = new uint[8];
        private readonly uint[] _outerState = new uint[8];
        private readonly byte[] _innerHash = new byte[Sha256.HashSize];
        private readonly byte[] _scratchTag = new byte[TagSize];

        /// <summary>Creates an HMAC for <paramref name="key"/> (any length; BoardKit uses 32 bytes). The key array is not kept.</summary>
        public HmacSha256(byte[] key)
        {
            byte[] k = new byte[Sha256.BlockSize];
            if (key.Length > Sha256.BlockSize)
            {
                _sha.Update(key, 0, key.Length);
                _sha.Final(k, 0);
                _sha.Reset();
            }
            else
            {
                for (int i = 0; i < key.Length; i++)
                {
                    k[i] = key[i];
                }
            }

            byte[] pad = new byte[Sha256.BlockSize];
            for (int i = 0; i < pad.Length; i++)
            {
                pad[i] = (byte)(k[i] ^ 0x36);
            }

            _sha.Update(pad, 0, pad.Length);
            _sha.SaveState(_innerState);
            _sha.Reset();
            for (int i = 0; i < pad.Length; i++)
            {
                pad[i] = (byte)(k[i] ^ 0x5C);
            }

            _sha.Update(pad, 0, pad.Length);
            _sha.SaveState(_outerState);
            _sha.Reset();
            for (int i = 0; i < k.Length; i++)
            {
                k[i] = 0;
                pad[i] = 0;
            }
        }

        /// <summary>Computes the 32-byte tag of data[offset..offset+count) into dest[destOffset..destOffset+32). The caller checks bounds.</summary>
        public void ComputeTag(byte[] data, int offset, int count, byte[] dest, int destOffset)
        {
            _sha.LoadState(_innerState, Sha256.BlockSize);
            _sha.Update(data, offset, count);
            _sha.Final(_innerHash, 0);
            _sha.LoadState(_outerState, Sha256.BlockSize);
            _sha.Update(_innerHash, 0, _innerHash.Length);
            _sha.Final(dest, destOffset);
        }

        /// <summary>
        /// True when tag[tagOffset..+32) is the tag of data[offset..offset+count). The comparison takes the same time
        /// whichever byte differs, so a forger learns nothing from timing.
        /// </summary>
        public bool Verify(byte[] data, int offset, int count, byte[] tag, int tagOffset)
        {
            ComputeTag(data, offset, count, _scratchTag, 0);
            return FixedTimeEquals(_scratchTag, 0, tag, tagOffset, TagSize);
        }

        /// <summary>Compares two byte ranges in time that depends only on <paramref name="count"/>.</summary>
        public static bool FixedTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            int diff = 0;
            for (int i = 0; i < count; i++)
            {
                diff |= a[aOffset + i] ^ b[bOffset + i];
            }

            return diff == 0;
        }
    }
}
