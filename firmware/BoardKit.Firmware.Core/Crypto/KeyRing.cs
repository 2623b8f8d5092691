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
        /// with the same id. Returns false if the id or length is invalid, the ring is full, or the key is one nobody
        /// may use (<see cref="IsUnusable"/>: a single repeated byte such as all zeros, or the key the test vectors publish).
        /// </summary>
        public bool Add(int keyId, byte[] key)
        {
            if (key == null || IsUnusable(key))
            {
                return false;
            }

            return Install(keyId, key);
        }

        /// <summary>
        /// Installs a key published with the test vectors (docs/protocol.md 14). Only for checking those vectors on the
        /// host; a board loads its keys with Config.KeyFile, which goes through <see cref="Add"/> and so refuses them.
        /// </summary>
        public bool AddTestVectorKey(int keyId, byte[] key)
        {
            if (key == null || !IsPublishedTestKey(key))
            {
                return false;
            }

            return Install(keyId, key);
        }

        /// <summary>
        /// True for keys that must never protect a board (<see cref="UnusableReason"/> says why): a board with a known
        /// key is a board anybody can write to (the 2023 hijackings used published default passwords).
        /// </summary>
        public static bool IsUnusable(byte[] key)
        {
            return UnusableReason(key) != null;
        }

        /// <summary>
        /// Why <paramref name="key"/> must never protect a board, or null when it may: not 32 bytes; a single byte
        /// repeated (all zeros is what an unprovisioned flash reads as); the two keys the test vectors publish (00 01 ..
        /// 1F and its reverse 1F 1E .. 00); the key of firmware/examples/board.key.example (BADC0FFEE0DDF00D four
        /// times). English, never showing key bytes.
        /// </summary>
        public static string? UnusableReason(byte[] key)
        {
            if (key == null || key.Length != KeySize)
            {
                return "a key is exactly 32 bytes";
            }

            bool repeated = true;
            bool example = true;
            for (int i = 0; i < key.Length; i++)
            {
                repeated &= key[i] == key[0];
                example &= key[i] == ExampleKeyPattern[i % ExampleKeyPattern.Length];
            }

            if (repeated)
            {
                return "one byte repeated 32 times is not a key";
            }

            if (IsPublishedTestKey(key))
            {
                return "this is a published test-vector key (000102...1E1F or 1F1E...0100, docs/protocol.md section 14)";
            }

            return example ? "this is the example key of firmware/examples/board.key.example" : null;
        }

        /// <summary>Number of keys installed (0..capacity).</summary>
        public int Count
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _ids.Length; i++)
                {
                    if (_ids[i] != 0)
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>
        /// The highest installed key id, 0 when empty. A board signs its status and events with it: during a rotation
        /// the gateway already holds the new key (it made it), so the board can move to it as soon as it is installed.
        /// </summary>
        public int HighestKeyId
        {
            get
            {
                int highest = 0;
                for (int i = 0; i < _ids.Length; i++)
                {
                    if (_ids[i] > highest)
                    {
                        highest = _ids[i];
                    }
                }

                return highest;
            }
        }

        /// <summary>Writes the installed key ids in ascending order to dest at offset and returns how many (status tag 0x0C).</summary>
        public int CopyKeyIds(byte[] dest, int offset)
        {
            int n = 0;
            for (int id = 1; id <= 255; id++)
            {
                for (int i = 0; i < _ids.Length; i++)
                {
                    if (_ids[i] == id && offset + n < dest.Length)
                    {
                        dest[offset + n] = (byte)id;
                        n++;
                    }
                }
            }

            return n;
        }

        // firmware/examples/board.key.example's key is these 8 bytes four times: public, so never usable.
        private static readonly byte[] ExampleKeyPattern = { 0xBA, 0xDC, 0x0F, 0xFE, 0xE0, 0xDD, 0xF0, 0x0D };

        private static bool IsPublishedTestKey(byte[] key)
        {
            if (key.Length != KeySize)
            {
                return false;
            }

            bool ascending = true;
            bool descending = true;
            for (int i = 0; i < key.Length; i++)
            {
                ascending &= key[i] == i;
                descending &= key[i] == KeySize - 1 - i;
            }

            return ascending || descending;
        }

        private bool Install(int keyId, byte[] key)
        {
            if (keyId < 1 || keyId > 255 || key.Length != KeySize)
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
