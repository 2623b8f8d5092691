using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace BoardKit.Gateway.Site.Registry
{
    /// <summary>
    /// Board keys at rest: each key is sealed with AES-256-GCM under the site's master key before it touches the
    /// database, with the board id and key id as associated data (a sealed key copied to another board's row does not
    /// open). The master key is 32 random bytes in its own file (e.g. /etc/boardkit/master.key), readable by the
    /// gateway's user only, never in the database, never logged: a copy of site.db alone reveals no key. Whoever can
    /// read both files can sign for every board of the site; keep backups of the master key offline.
    /// </summary>
    public sealed class KeyVault
    {
        private const int NonceSize = 12;
        private const int TagSize = 16;
        private readonly byte[] _masterKey;

        private KeyVault(byte[] masterKey, string path)
        {
            _masterKey = masterKey;
            MasterKeyPath = path;
        }

        /// <summary>Where the master key is.</summary>
        public string MasterKeyPath { get; }

        /// <summary>
        /// Opens the master key at <paramref name="path"/>; with <paramref name="create"/> makes a new one (mode 0600)
        /// when the file does not exist.
        /// </summary>
        /// <exception cref="KeyVaultException">Missing (and not created), not 32 bytes, or readable by others.</exception>
        public static KeyVault Open(string path, bool create)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            if (!File.Exists(path))
            {
                if (!create)
                {
                    throw new KeyVaultException($"The master key {path} does not exist: create it with 'boardkit setup'.");
                }

                string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
                if (folder != null)
                {
                    Directory.CreateDirectory(folder);
                }

                byte[] fresh = RandomNumberGenerator.GetBytes(32);
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using (var stream = new FileStream(path, options))
                {
                    stream.Write(fresh);
                }

                return new KeyVault(fresh, path);
            }

            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            {
                throw new KeyVaultException($"The master key {path} is readable or writable by other users: run 'chmod 600 {path}'.");
            }

            byte[] key = File.ReadAllBytes(path);
            if (key.Length != 32)
            {
                throw new KeyVaultException($"The master key {path} is {key.Length} bytes, not 32: it is not a BoardKit master key.");
            }

            return new KeyVault(key, path);
        }

        /// <summary>Seals <paramref name="key"/> (32 bytes) of <paramref name="boardId"/>'s key <paramref name="keyId"/>: nonce, ciphertext, tag.</summary>
        public byte[] Seal(string boardId, int keyId, byte[] key)
        {
            ArgumentNullException.ThrowIfNull(key);
            byte[] sealedKey = new byte[NonceSize + key.Length + TagSize];
            Span<byte> nonce = sealedKey.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(_masterKey, TagSize);
            aes.Encrypt(nonce, key, sealedKey.AsSpan(NonceSize, key.Length), sealedKey.AsSpan(NonceSize + key.Length, TagSize), AssociatedData(boardId, keyId));
            return sealedKey;
        }

        /// <summary>Opens a sealed key; the caller clears the returned bytes once done with them.</summary>
        /// <exception cref="KeyVaultException">The blob does not open with this master key for this board and key id.</exception>
        public byte[] Open(string boardId, int keyId, byte[] sealedKey)
        {
            ArgumentNullException.ThrowIfNull(sealedKey);
            int length = sealedKey.Length - NonceSize - TagSize;
            if (length <= 0)
            {
                throw new KeyVaultException($"The stored key {keyId} of board {boardId} is damaged.");
            }

            byte[] key = new byte[length];
            try
            {
                using var aes = new AesGcm(_masterKey, TagSize);
                aes.Decrypt(sealedKey.AsSpan(0, NonceSize), sealedKey.AsSpan(NonceSize, length), sealedKey.AsSpan(NonceSize + length, TagSize), key, AssociatedData(boardId, keyId));
                return key;
            }
            catch (AuthenticationTagMismatchException e)
            {
                throw new KeyVaultException($"The stored key {keyId} of board {boardId} does not open with the master key {MasterKeyPath}: wrong master key, or the database row was altered.", e);
            }
        }

        private static byte[] AssociatedData(string boardId, int keyId) => Encoding.UTF8.GetBytes("boardkit-key-v1/" + boardId + "/" + keyId);
    }

    /// <summary>The site's key store cannot be used; the message says why and what to do.</summary>
    public sealed class KeyVaultException(string message, Exception? inner = null) : Exception(message, inner);
}
