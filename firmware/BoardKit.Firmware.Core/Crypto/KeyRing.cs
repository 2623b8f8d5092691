namespace BoardKit.Firmware.Core.Crypto
{
    /// <summary>
    /// The keys a board (or the gateway, per board) holds, by key id 1..255. During rotation a board holds the
    /// current and the next key; the gateway switches key id once the board has reported the new one in use.
    /// Fixed capacity, no allocation on lookup.
    /// </summary>
    public sealed class KeyRing
    {
        /// <summary>Required key length in bytes (HMAC-SHA256 with a 256-bit key).</summary>
        public const int KeySize = 32;

        private readonly int[] _ids;
        private readonly HmacSha256?[] _macs;

        /// <summary>Creates an empty ring for up to <paramref name="capacity"/> keys (2 is enough for rotation).</summary>
        public KeyRing(int capacity)
        {
            _ids = new int[capacity];
            _macs = new HmacSha256?[capacity];
        }

        /// <summary>
        /// Installs <paramref name="key"/> (exactly 32 bytes) under <paramref name="keyId"/> (1..255), replacing a key
        /// with the same id. Returns false if the id or length is invalid, the key is all zero bytes, or the ring is full.
        /// </summary>
        public bool Add(int keyId, byte[] key)
        {
            if (keyId < 1 || keyId > 255 || key == null || key.Length != KeySize)
            {
                return false;
            }

            int any = 0;
            for (int i = 0; i < key.Length; i++)
            {
                any |= key[i];
            }

            if (any == 0)
            {
                return false;
            }

            int slot = -1;
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] == keyId || (slot < 0 && _ids[i] == 0))
                {
                    slot = i;
                    if (_ids[i] == keyId)
                    {
                        break;
                    }
                }
            }

            if (slot < 0)
            {
                return false;
            }

            _ids[slot] = keyId;
            _macs[slot] = new HmacSha256(key);
            return true;
        }

        /// <summary>Removes the key with <paramref name="keyId"/>; true if it was present.</summary>
        public bool Remove(int keyId)
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] == keyId && keyId != 0)
                {
                    _ids[i] = 0;
                    _macs[i] = null;
                    return true;
                }
            }

            return false;
        }

        /// <summary>The HMAC for <paramref name="keyId"/>, or null if no such key is installed.</summary>
        public HmacSha256? Find(int keyId)
        {
            if (keyId == 0)
            {
                return null;
            }

            for (int i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] == keyId)
                {
                    return _macs[i];
                }
            }

            return null;
        }
    }
}
