using System;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Tests
{
    /// <summary>Small helpers shared by the wire tests.</summary>
    internal static class TestKit
    {
        public static KeyRing VectorKeys()
        {
            var ring = new KeyRing(2);
            ring.AddTestVectorKey(VectorCatalog.KeyId, VectorCatalog.Key());
            return ring;
        }

        /// <summary>Both vector keys: the published key under key id 1 and the second key (reversed) under key id 2.</summary>
        public static KeyRing AllVectorKeys()
        {
            KeyRing ring = VectorKeys();
            if (!ring.AddTestVectorKey(VectorCatalog.SecondKeyId, VectorCatalog.SecondKey()))
            {
                throw new InvalidOperationException("the second vector key was refused");
            }

            return ring;
        }

        /// <summary>
        /// A ring with the key a vector file's metadata names (key, key-id): the published key through
        /// AddTestVectorKey, any other (the second key) through Add. Fails the test if the ring refuses it.
        /// </summary>
        public static KeyRing KeysOf(BoardKit.Tests.Shared.VectorFile file)
        {
            var ring = new KeyRing(1);
            int id = (int)file.GetInt("key-id");
            byte[] key = file.GetHex("key");
            if (!ring.AddTestVectorKey(id, key) && !ring.Add(id, key))
            {
                throw new InvalidOperationException(file.Name + ": the key of its metadata was refused");
            }

            return ring;
        }

        /// <summary>Opens a message addressed to the vector board with the vector key; fails the test if it does not open.</summary>
        public static EnvelopeHeader Open(byte[] message)
        {
            var header = new EnvelopeHeader();
            if (!Envelope.TryOpen(message, 0, message.Length, VectorCatalog.BoardHash(), VectorKeys(), header, out int error))
            {
                throw new InvalidOperationException("envelope did not open: " + WireError.Describe(error));
            }

            return header;
        }

        /// <summary>Re-signs message (header and payload as given) with the vector key: for building authentic but odd messages.</summary>
        public static byte[] Resign(byte[] message, byte[]? key = null)
        {
            byte[] copy = (byte[])message.Clone();
            var mac = new HmacSha256(key ?? VectorCatalog.Key());
            mac.ComputeTag(copy, 0, copy.Length - Envelope.TagSize, copy, copy.Length - Envelope.TagSize);
            return copy;
        }

        /// <summary>A deterministic pseudo-random generator for tests (xorshift64*), so failures reproduce.</summary>
        public sealed class Rng
        {
            private ulong _s;

            public Rng(ulong seed) => _s = seed == 0 ? 0x9E3779B97F4A7C15 : seed;

            public ulong Next()
            {
                _s ^= _s >> 12;
                _s ^= _s << 25;
                _s ^= _s >> 27;
                return _s * 0x2545F4914F6CDD1D;
            }

            public int Below(int n) => (int)(Next() % (ulong)n);
        }
    }
}
