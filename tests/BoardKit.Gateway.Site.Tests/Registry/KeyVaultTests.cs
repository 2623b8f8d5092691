using System;
using System.IO;
using System.Security.Cryptography;
using BoardKit.Gateway.Site.Registry;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Registry
{
    [TestClass]
    public sealed class KeyVaultTests
    {
        [TestMethod]
        public void SealThenOpen_SameBoardAndKeyId_GivesTheKeyBack()
        {
            using var site = new SiteKit();
            byte[] key = RandomNumberGenerator.GetBytes(32);

            byte[] sealedKey = site.Vault.Seal("mlt-a", 3, key);

            CollectionAssert.AreEqual(key, site.Vault.Open("mlt-a", 3, sealedKey));
            Assert.AreEqual(-1, IndexOf(sealedKey, key), "the sealed form must not contain the key");
        }

        [TestMethod]
        public void Open_SealedForAnotherBoardOrKeyId_Refused()
        {
            using var site = new SiteKit();
            byte[] sealedKey = site.Vault.Seal("mlt-a", 1, RandomNumberGenerator.GetBytes(32));

            Assert.ThrowsExactly<KeyVaultException>(() => site.Vault.Open("mlt-b", 1, sealedKey));
            Assert.ThrowsExactly<KeyVaultException>(() => site.Vault.Open("mlt-a", 2, sealedKey));
        }

        [TestMethod]
        public void Open_EveryFlippedBitOrCut_Refused()
        {
            using var site = new SiteKit();
            byte[] sealedKey = site.Vault.Seal("mlt-a", 1, RandomNumberGenerator.GetBytes(32));

            for (int bit = 0; bit < sealedKey.Length * 8; bit++)
            {
                byte[] tampered = (byte[])sealedKey.Clone();
                tampered[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.ThrowsExactly<KeyVaultException>(() => site.Vault.Open("mlt-a", 1, tampered), $"bit {bit}");
            }

            for (int length = 0; length < sealedKey.Length; length++)
            {
                Assert.ThrowsExactly<KeyVaultException>(() => site.Vault.Open("mlt-a", 1, sealedKey.AsSpan(0, length).ToArray()), $"length {length}");
            }
        }

        [TestMethod]
        public void Open_WithAnotherMasterKey_Refused()
        {
            using var site = new SiteKit();
            byte[] sealedKey = site.Vault.Seal("mlt-a", 1, RandomNumberGenerator.GetBytes(32));
            KeyVault other = KeyVault.Open(Path.Combine(site.Folder, "other.key"), create: true);

            Assert.ThrowsExactly<KeyVaultException>(() => other.Open("mlt-a", 1, sealedKey));
        }

        [TestMethod]
        public void Open_CreatesMasterKeyReadableByOwnerOnly_AndReopensTheSameKey()
        {
            using var site = new SiteKit();
            byte[] sealedKey = site.Vault.Seal("mlt-a", 1, new byte[32] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });

            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(site.MasterKeyPath));
            Assert.AreEqual(32, KeyVault.Open(site.MasterKeyPath, create: false).Open("mlt-a", 1, sealedKey)[31]);
        }

        [TestMethod]
        public void Open_MissingMasterKeyWithoutCreate_RefusedNamingTheFile()
        {
            using var site = new SiteKit();
            string missing = Path.Combine(site.Folder, "missing.key");

            var e = Assert.ThrowsExactly<KeyVaultException>(() => KeyVault.Open(missing, create: false));

            StringAssert.Contains(e.Message, missing);
            Assert.IsFalse(File.Exists(missing));
        }

        [TestMethod]
        public void Open_MasterKeyReadableByOthers_RefusedNamingTheFile()
        {
            using var site = new SiteKit();
            File.SetUnixFileMode(site.MasterKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

            var e = Assert.ThrowsExactly<KeyVaultException>(() => KeyVault.Open(site.MasterKeyPath, create: false));

            StringAssert.Contains(e.Message, site.MasterKeyPath);
        }

        [TestMethod]
        public void Open_MasterKeyOfWrongLength_Refused()
        {
            using var site = new SiteKit();
            string path = Path.Combine(site.Folder, "short.key");
            File.WriteAllBytes(path, new byte[16]);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            Assert.ThrowsExactly<KeyVaultException>(() => KeyVault.Open(path, create: false));
        }

        internal static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
    }
}
