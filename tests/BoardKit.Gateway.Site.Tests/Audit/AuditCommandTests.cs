using System.IO;
using System.Threading.Tasks;
using BoardKit.Cli;
using BoardKit.Gateway.Site.Emergencies;
using BoardKit.Gateway.Site.Tests.Emergencies;
using Microsoft.Data.Sqlite;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Audit
{
    /// <summary><c>boardkit audit show|verify</c> on a site database with a real emergency's entries.</summary>
    [TestClass]
    public sealed class AuditCommandTests
    {
        private static async Task<EmergencyKit> WithHistory()
        {
            var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");
            await kit.Emergency.StartAsync(EmergencyTexts.Of("KHẨN CẤP"), null, "button:gpio17");
            await kit.Emergency.ClearAsync("cli:guard");
            return kit;
        }

        [TestMethod]
        public async Task Show_PrintsEveryEntryWithBoardsAndSequences()
        {
            using EmergencyKit kit = await WithHistory();
            var stdout = new StringWriter();

            Assert.AreEqual(ExitCodes.Ok, AuditCommand.Show(kit.Site.DatabasePath, 1, int.MaxValue, stdout, new StringWriter()));

            string text = stdout.ToString();
            StringAssert.Contains(text, "start #1 by button:gpio17 at lc-mlt");
            StringAssert.Contains(text, "clear #1 by cli:guard");
            StringAssert.Contains(text, $"mlt-a {kit.Publisher.For("mlt-a")[0].Sequence} queued");
            StringAssert.Contains(text, "hash " + kit.Audit.Head().Hash);
        }

        [TestMethod]
        public async Task Verify_IntactLog_ExitZero_WithHead()
        {
            using EmergencyKit kit = await WithHistory();
            var stdout = new StringWriter();

            Assert.AreEqual(ExitCodes.Ok, AuditCommand.Verify(kit.Site.DatabasePath, null, stdout, new StringWriter()));
            StringAssert.Contains(stdout.ToString(), "Audit log OK: 2 entries, head " + kit.Audit.Head().Hash);
        }

        [TestMethod]
        public async Task Verify_HandEditedLog_ExitOne_NamingTheFirstBadEntry()
        {
            using EmergencyKit kit = await WithHistory();
            using (var connection = new SqliteConnection($"Data Source={kit.Site.DatabasePath};Pooling=False"))
            {
                connection.Open();
                using SqliteCommand edit = connection.CreateCommand();
                edit.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'cli:nobody' WHERE id = 1";
                edit.ExecuteNonQuery();
            }

            var stdout = new StringWriter();

            Assert.AreEqual(ExitCodes.Refused, AuditCommand.Verify(kit.Site.DatabasePath, null, stdout, new StringWriter()));
            StringAssert.Contains(stdout.ToString(), "BROKEN at entry 1");
        }

        [TestMethod]
        public async Task Verify_TruncatedLog_DetectedOnlyWithTheAnchor()
        {
            using EmergencyKit kit = await WithHistory();
            (long id, string hash) = kit.Audit.Head();
            using (var connection = new SqliteConnection($"Data Source={kit.Site.DatabasePath};Pooling=False"))
            {
                connection.Open();
                using SqliteCommand cut = connection.CreateCommand();
                cut.CommandText = "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2";
                cut.ExecuteNonQuery();
            }

            Assert.AreEqual(ExitCodes.Ok, AuditCommand.Verify(kit.Site.DatabasePath, null, new StringWriter(), new StringWriter()));
            var stdout = new StringWriter();
            Assert.AreEqual(ExitCodes.Refused, AuditCommand.Verify(kit.Site.DatabasePath, $"{id}:{hash}", stdout, new StringWriter()));
            StringAssert.Contains(stdout.ToString(), "truncated");
            Assert.AreEqual(ExitCodes.Usage, AuditCommand.Verify(kit.Site.DatabasePath, "2:xyz", new StringWriter(), new StringWriter()));
        }
    }
}
