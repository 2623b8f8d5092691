using System;
using System.Linq;
using BoardKit.Gateway.Site.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Audit
{
    /// <summary>The audit log on a real SQLite file: append-only through the API and the triggers, and every hand edit found by the chain.</summary>
    [TestClass]
    public sealed class AuditLogTests
    {
        private static AuditRecord Start(string actor = "cli:guard") => new(AuditAction.EmergencyStarted, actor, SiteKit.Site, 1, "\"vi: KHẨN CẤP | zh: 紧急\" until cleared",
            new[] { new AuditBoard("mlt-a", 1795315332499, "queued"), new AuditBoard("mlt-b", 1795315332500, "failed: not signed: no key") });

        private static AuditLog Log(SiteKit site) => new(site.Database, site.Time);

        /// <summary>Runs <paramref name="sql"/> on the file as someone with a SQLite tool would.</summary>
        private static void ByHand(SiteKit site, string sql)
        {
            using var connection = new SqliteConnection($"Data Source={site.DatabasePath};Pooling=False");
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private static AuditLog ThreeEntries(SiteKit site)
        {
            AuditLog log = Log(site);
            log.Append(Start());
            site.Time.UtcNow += TimeSpan.FromSeconds(5);
            log.Append(new AuditRecord(AuditAction.BoardAcknowledged, "board:mlt-a", SiteKit.Site, 1, "alert shown", new[] { new AuditBoard("mlt-a", 1795315332499, "shown") }));
            site.Time.UtcNow += TimeSpan.FromMinutes(30);
            log.Append(new AuditRecord(AuditAction.EmergencyCleared, "button:gpio17", SiteKit.Site, 1, "clear of emergency #1", Array.Empty<AuditBoard>()));
            return log;
        }

        [TestMethod]
        public void Append_ReadBack_EverythingKept_IdsFromOne_ChainedFromGenesis()
        {
            using var site = new SiteKit();
            AuditLog log = ThreeEntries(site);

            var entries = log.Read();

            CollectionAssert.AreEqual(new[] { 1L, 2L, 3L }, entries.Select(e => e.Id).ToArray());
            CollectionAssert.AreEqual(new[] { "start", "ack", "clear" }, entries.Select(e => e.Action).ToArray());
            Assert.AreEqual(AuditHash.Genesis, entries[0].PreviousHash);
            Assert.AreEqual(entries[0].Hash, entries[1].PreviousHash);
            Assert.AreEqual(entries[1].Hash, entries[2].PreviousHash);
            Assert.AreEqual(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero), entries[0].TimeUtc);
            Assert.AreEqual("cli:guard", entries[0].Actor);
            Assert.AreEqual("\"vi: KHẨN CẤP | zh: 紧急\" until cleared", entries[0].Summary);
            CollectionAssert.AreEqual(Start().Boards.ToArray(), entries[0].Boards.ToArray());
            Assert.AreEqual((3L, entries[2].Hash), log.Head());
            Assert.AreEqual(new AuditVerification(true, 3, entries[2].Hash, null, null), log.Verify());
        }

        [TestMethod]
        public void Hash_IsSha256OfPreviousHashAndCanonicalContent_AsDocumented()
        {
            using var site = new SiteKit();
            AuditLog log = Log(site);
            AuditEntry entry = log.Append(new AuditRecord(AuditAction.EmergencyCleared, "cli:root", "lc-mlt", null, "x", Array.Empty<AuditBoard>()));

            string canonical = "boardkit-audit-v1\nid=1:1\ntime=24:2026-11-29T08:00:00.000Z\naction=5:clear\nactor=8:cli:root\nsite=6:lc-mlt\nemergency=0:\nsummary=1:x\nboards=2:[]\n";
            byte[] input = new byte[32].Concat(System.Text.Encoding.UTF8.GetBytes(canonical)).ToArray();

            Assert.AreEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input)), entry.Hash);
        }

        [TestMethod]
        public void Update_ByHand_RefusedByTheTrigger_AndTheEntryUnchanged()
        {
            using var site = new SiteKit();
            AuditLog log = ThreeEntries(site);

            var e = Assert.ThrowsExactly<SqliteException>(() => ByHand(site, "UPDATE audit_log SET actor = 'nobody' WHERE id = 1"));
            StringAssert.Contains(e.Message, "append-only");
            Assert.AreEqual("cli:guard", log.Read()[0].Actor);
            Assert.IsTrue(log.Verify().Ok);
        }

        [TestMethod]
        public void Delete_ByHand_RefusedByTheTrigger_AndNothingLost()
        {
            using var site = new SiteKit();
            AuditLog log = ThreeEntries(site);

            var e = Assert.ThrowsExactly<SqliteException>(() => ByHand(site, "DELETE FROM audit_log WHERE id = 3"));
            StringAssert.Contains(e.Message, "append-only");
            Assert.AreEqual(3, log.Read().Count);
        }

        [TestMethod]
        [DataRow("actor", "'button:gpio17'")]
        [DataRow("summary", "'nothing happened'")]
        [DataRow("time_utc", "'2026-11-29T07:00:00.000Z'")]
        [DataRow("boards", "'[]'")]
        [DataRow("action", "'clear'")]
        [DataRow("emergency_id", "2")]
        public void Edit_AfterDroppingTheTriggers_VerifyNamesTheEditedEntry(string column, string value)
        {
            using var site = new SiteKit();
            AuditLog log = ThreeEntries(site);
            ByHand(site, $"DROP TRIGGER audit_log_no_update; UPDATE audit_log SET {column} = {value} WHERE id = 2");

            AuditVerification verdict = log.Verify();

            Assert.IsFalse(verdict.Ok);
            Assert.AreEqual(2L, verdict.FirstBadId);
            Assert.AreEqual(1L, verdict.Entries, "entries verified before the bad one");
            StringAssert.Contains(verdict.Problem, "entry 2 was changed");
        }

        [TestMethod]
        public void Edit_WithRecomputedHash_BreaksTheLinkOfTheNextEntry()
        {
            using var site = new SiteKit();
            AuditLog log = ThreeEntries(site);
            var first = log.Read()[0];
            // A careful forger recomputes entry 1's hash after editing it; entry 2 still points at the old one.
            string forged = AuditHash.Compute(AuditHash.Genesis, 1, "2026-11-29T08:00:00.000Z", "start", "cli:someone-else", first.Site, first.EmergencyId, first.Summary,
                "[{\"board\":\"mlt-a\",\"sequence\":1795315332499,\"outcome\":\"queued\"},{\"board\":\"mlt-b\",\"sequence\":1795315332500,\"outcome\":\"failed: not signed: no key\"}]");
            ByHand(site, $"DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'cli:someone-else', hash = '{forged}' WHERE id = 1");

            AuditVerification verdict = log.Verify();

            Assert.IsFalse(verdict.Ok);
            Assert.AreEqual(2L, verdict.FirstBadId);
            StringAssert.Contains(verdict.Problem, "does not follow entry 1");
        }

        [TestMethod]
        public void Delete_AfterDroppingTheTriggers_VerifyNamesTheMissingEntry()
        {
            using var site = new SiteKit();
            AuditLog log = ThreeEntries(site);
            ByHand(site, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2");

            AuditVerification verdict = log.Verify();

            Assert.IsFalse(verdict.Ok);
            Assert.AreEqual(2L, verdict.FirstBadId);
            StringAssert.Contains(verdict.Problem, "entry 2 is missing");
        }

        [TestMethod]
        public void Truncation_UndetectableByTheChain_DetectedWithTheAnchorFromTheJournal()
        {
            using var site = new SiteKit();
            AuditLog log = ThreeEntries(site);
            (long id, string hash) = log.Head();
            var anchor = new AuditAnchor(id, hash);
            ByHand(site, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 3");

            Assert.IsTrue(log.Verify().Ok, "the documented limit: cutting the tail leaves a valid chain");
            AuditVerification verdict = log.Verify(anchor);
            Assert.IsFalse(verdict.Ok);
            Assert.AreEqual(3L, verdict.FirstBadId);
            StringAssert.Contains(verdict.Problem, "truncated");
        }

        [TestMethod]
        public void Anchor_FromAnEarlierEntry_StillVerifiesAfterMoreAppends()
        {
            using var site = new SiteKit();
            AuditLog log = ThreeEntries(site);
            AuditAnchor anchor = AuditAnchor.Parse($"2:{log.Read()[1].Hash.ToUpperInvariant()}")!;
            log.Append(Start());

            Assert.IsTrue(log.Verify(anchor).Ok);
            Assert.IsFalse(log.Verify(new AuditAnchor(2, new string('a', 64))).Ok);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("3")]
        [DataRow("0:" + "00000000000000000000000000000000000000000000000000000000000000ab")]
        [DataRow("x:" + "00000000000000000000000000000000000000000000000000000000000000ab")]
        [DataRow("3:abc")]
        [DataRow("3:" + "zz000000000000000000000000000000000000000000000000000000000000ab")]
        public void AnchorParse_Malformed_Null(string text) => Assert.IsNull(AuditAnchor.Parse(text));

        [TestMethod]
        public void Appends_FromTwoProcessesWorthOfConnections_StayOneChain()
        {
            using var site = new SiteKit();
            AuditLog one = Log(site);
            AuditLog two = new(new Storage.SiteDatabase(site.DatabasePath), site.Time);

            System.Threading.Tasks.Parallel.For(0, 40, i => (i % 2 == 0 ? one : two).Append(Start("cli:" + i)));

            AuditVerification verdict = one.Verify();
            Assert.IsTrue(verdict.Ok, verdict.Problem);
            Assert.AreEqual(40L, verdict.Entries);
        }

        [TestMethod]
        public void Reopen_AfterRestart_ChainContinues()
        {
            using var site = new SiteKit();
            ThreeEntries(site);
            site.Reopen();
            AuditLog log = Log(site);

            AuditEntry fourth = log.Append(Start());

            Assert.AreEqual(4L, fourth.Id);
            Assert.IsTrue(log.Verify().Ok);
        }

        [TestMethod]
        public void EmptyLog_VerifiesWithGenesisHead()
        {
            using var site = new SiteKit();

            Assert.AreEqual(new AuditVerification(true, 0, AuditHash.Genesis, null, null), Log(site).Verify());
        }
    }
}
