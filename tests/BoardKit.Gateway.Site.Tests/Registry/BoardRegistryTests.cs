using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Gateway.Site.Registry;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Registry
{
    [TestClass]
    public sealed class BoardRegistryTests
    {
        [TestMethod]
        public void Add_ThenGetAfterRestart_SameRecord()
        {
            using var site = new SiteKit();
            BoardRecord added = site.AddBoard("mlt-a", face: "A");
            site.Reopen();

            BoardRecord read = site.Registry.Get("mlt-a");

            Assert.AreEqual(added.BoardJson, read.BoardJson);
            Assert.AreEqual("A", read.Face);
            Assert.AreEqual(SiteKit.Site, read.Site);
            CollectionAssert.AreEqual(new[] { "vi", "zh" }, read.Languages.ToArray());
            Assert.AreEqual(1, read.KeyId);
            Assert.AreEqual(64, read.Config.Panel.Width);
        }

        [TestMethod]
        public void List_BySite_OrderedById()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-b");
            site.AddBoard("mlt-a");
            site.Registry.Add(new BoardRecord("hall", "lc-commune", null, new[] { "vi" }, SiteKit.BoardJson("hall", "lc-commune"), 1, 0),
                new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) });

            CollectionAssert.AreEqual(new[] { "mlt-a", "mlt-b" }, site.Registry.List(SiteKit.Site).Select(b => b.BoardId).ToArray());
            Assert.AreEqual(3, site.Registry.List().Count);
        }

        [TestMethod]
        public void Add_KeysAreNeverInTheDatabaseFilesInPlainText()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");
            site.AddBoard("mlt-b");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            foreach (string file in Directory.GetFiles(site.Folder, "site.db*"))
            {
                byte[] bytes = File.ReadAllBytes(file);
                foreach (byte[] key in site.BoardKeys.Values)
                {
                    Assert.AreEqual(-1, KeyVaultTests.IndexOf(bytes, key), file);
                    Assert.AreEqual(-1, KeyVaultTests.IndexOf(bytes, System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(key))), file);
                }
            }
        }

        [TestMethod]
        public void Add_Twice_RefusedAndFirstKept()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");

            var e = Assert.ThrowsExactly<RegistryException>(() => site.AddBoard("mlt-a", face: "B"));

            StringAssert.Contains(e.Message, "already registered");
            Assert.IsNull(site.Registry.Get("mlt-a").Face);
        }

        [TestMethod]
        [DataRow("MLT-A", "lc-mlt", "ids")]
        [DataRow("mlt a", "lc-mlt", "ids")]
        [DataRow("mlt-a", "", "ids")]
        public void Add_InvalidIds_Refused(string boardId, string siteId, string expected)
        {
            using var site = new SiteKit();
            var record = new BoardRecord(boardId, siteId, null, new[] { "vi" }, SiteKit.BoardJson("mlt-a"), 1, 0);

            var e = Assert.ThrowsExactly<RegistryException>(() => site.Registry.Add(record, new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }));

            StringAssert.Contains(e.Message, expected);
            Assert.AreEqual(0, site.Registry.List().Count);
        }

        [TestMethod]
        public void Add_BoardJsonNamingAnotherBoard_RefusedNamingBoth()
        {
            using var site = new SiteKit();
            var record = new BoardRecord("mlt-a", SiteKit.Site, null, new[] { "vi" }, SiteKit.BoardJson("mlt-b"), 1, 0);

            var e = Assert.ThrowsExactly<RegistryException>(() => site.Registry.Add(record, new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }));

            StringAssert.Contains(e.Message, "mlt-b");
            Assert.IsNull(site.Registry.Find("mlt-a"));
        }

        [TestMethod]
        public void Add_InvalidBoardJson_RefusedWithTheBoardsOwnCode()
        {
            using var site = new SiteKit();
            var record = new BoardRecord("mlt-a", SiteKit.Site, null, new[] { "vi" }, "{\"format\":1,", 1, 0);

            var e = Assert.ThrowsExactly<RegistryException>(() => site.Registry.Add(record, new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }));

            StringAssert.Contains(e.Message, "board.json is not valid (C");
        }

        [TestMethod]
        public void Add_UnusableKeys_Refused()
        {
            using var site = new SiteKit();
            var record = new BoardRecord("mlt-a", SiteKit.Site, null, new[] { "vi" }, SiteKit.BoardJson("mlt-a"), 1, 0);
            byte[] published = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

            foreach (byte[] key in new[] { new byte[32], Enumerable.Repeat((byte)0xAA, 32).ToArray(), published, new byte[16] })
            {
                Assert.ThrowsExactly<RegistryException>(() => site.Registry.Add(record, new Dictionary<int, byte[]> { [1] = key }));
            }

            Assert.ThrowsExactly<RegistryException>(() => site.Registry.Add(record, new Dictionary<int, byte[]> { [2] = RandomNumberGenerator.GetBytes(32) }), "signing key id not among the keys");
            Assert.ThrowsExactly<RegistryException>(() => site.Registry.Add(record with { KeyId = 0 }, new Dictionary<int, byte[]> { [0] = RandomNumberGenerator.GetBytes(32) }));
            Assert.IsNull(site.Registry.Find("mlt-a"));
        }

        [TestMethod]
        public void Rotation_AddKeyUseKeyRemoveOld_SignsWithNewAndVerifiesBoth()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");

            site.Registry.AddKey("mlt-a", 2, site.NewKey("mlt-a", 2));
            CollectionAssert.AreEqual(new[] { 1, 2 }, site.Registry.KeyIds("mlt-a").ToArray());
            Assert.AreEqual(1, site.Registry.SigningKey("mlt-a").KeyId, "adding a key does not switch to it");

            site.Registry.UseKey("mlt-a", 2);
            Assert.AreEqual(2, site.Registry.SigningKey("mlt-a").KeyId);
            KeyRing ring = site.Registry.Keys("mlt-a");
            Assert.AreEqual(2, ring.Count);

            site.Registry.RemoveKey("mlt-a", 1);
            CollectionAssert.AreEqual(new[] { 2 }, site.Registry.KeyIds("mlt-a").ToArray());
        }

        [TestMethod]
        public void AddKey_IdNotAboveOrThirdKey_Refused()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a", keyId: 5);

            StringAssert.Contains(Assert.ThrowsExactly<RegistryException>(() => site.Registry.AddKey("mlt-a", 5, RandomNumberGenerator.GetBytes(32))).Message, "only go up");
            StringAssert.Contains(Assert.ThrowsExactly<RegistryException>(() => site.Registry.AddKey("mlt-a", 4, RandomNumberGenerator.GetBytes(32))).Message, "only go up");
            site.Registry.AddKey("mlt-a", 6, RandomNumberGenerator.GetBytes(32));
            StringAssert.Contains(Assert.ThrowsExactly<RegistryException>(() => site.Registry.AddKey("mlt-a", 7, RandomNumberGenerator.GetBytes(32))).Message, "already holds 2");
            Assert.ThrowsExactly<RegistryException>(() => site.Registry.AddKey("nobody", 1, RandomNumberGenerator.GetBytes(32)));
        }

        [TestMethod]
        public void RemoveKey_TheSigningKey_Refused()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");

            Assert.ThrowsExactly<RegistryException>(() => site.Registry.RemoveKey("mlt-a", 1));
            Assert.ThrowsExactly<RegistryException>(() => site.Registry.UseKey("mlt-a", 9));
            CollectionAssert.AreEqual(new[] { 1 }, site.Registry.KeyIds("mlt-a").ToArray());
        }

        [TestMethod]
        public void SetEpoch_Persists_AndUnknownBoardRefused()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");

            site.Registry.SetEpoch("mlt-a", 0xFFFFFFF0);
            site.Reopen();

            Assert.AreEqual(0xFFFFFFF0u, site.Registry.Get("mlt-a").Epoch);
            Assert.ThrowsExactly<RegistryException>(() => site.Registry.SetEpoch("nobody", 1));
        }

        [TestMethod]
        public void Remove_TakesTheKeysWithIt()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");

            Assert.IsTrue(site.Registry.Remove("mlt-a"));

            Assert.IsFalse(site.Registry.Remove("mlt-a"));
            Assert.AreEqual(0, site.Registry.KeyIds("mlt-a").Count);
            Assert.ThrowsExactly<RegistryException>(() => site.Registry.SigningKey("mlt-a"));
        }
    }
}
