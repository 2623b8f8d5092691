using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BoardKit.Cli;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Emergencies
{
    /// <summary><c>boardkit emergency start|clear|status</c> run in process on a site database on disk.</summary>
    [TestClass]
    public sealed class EmergencyCommandTests
    {
        private static EmergencyArguments Arguments(EmergencyKit kit) => new(kit.Site.DatabasePath, kit.Site.MasterKeyPath, null);

        [TestMethod]
        public async Task Start_Status_Clear_ThroughTheCommands_BoardsAccept()
        {
            using var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");
            kit.AddBoard("mlt-b", "B");
            var a = kit.Board("mlt-a");
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            int started = await EmergencyCommand.StartAsync(Arguments(kit), "KHẨN CẤP", "紧急", "6h", _ => kit.Publisher, stdout, stderr, time: kit.Site.Time);

            Assert.AreEqual(ExitCodes.Ok, started, stderr.ToString());
            StringAssert.Contains(stdout.ToString(), "Queued for all 2 boards");
            Assert.AreEqual(WireError.None, kit.Deliver(a, kit.Publisher.For("mlt-a").Single()));
            Assert.AreEqual(kit.Now.AddHours(6).ToUnixTimeSeconds(), a.Content.AlertExpiresAt);

            var status = new StringWriter();
            Assert.AreEqual(ExitCodes.Ok, EmergencyCommand.Status(kit.Site.DatabasePath, null, kit.Site.Time, status, stderr));
            StringAssert.Contains(status.ToString(), "emergency #1 ACTIVE");
            StringAssert.Contains(status.ToString(), "vi: KHẨN CẤP | zh: 紧急");
            StringAssert.Contains(status.ToString(), kit.Publisher.For("mlt-b").Single().Sequence.ToString());

            Assert.AreEqual(ExitCodes.Ok, await EmergencyCommand.ClearAsync(Arguments(kit), _ => kit.Publisher, stdout, stderr, time: kit.Site.Time));
            Assert.AreEqual(WireError.None, kit.Deliver(a, kit.Publisher.For("mlt-a").Last()));
            Assert.IsFalse(a.Content.IsAlertActiveAt(kit.NowSeconds));
            StringAssert.StartsWith(kit.Audit.Read().Last().Actor, "cli:");
        }

        [TestMethod]
        public async Task Start_MissingGlyph_ExitOne_NamesIt_NothingSent()
        {
            using var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");
            var stderr = new StringWriter();

            int code = await EmergencyCommand.StartAsync(Arguments(kit), "Lũ 🐃", null, null, _ => kit.Publisher, new StringWriter(), stderr, time: kit.Site.Time);

            Assert.AreEqual(ExitCodes.Refused, code);
            StringAssert.Contains(stderr.ToString(), "U+1F403");
            Assert.AreEqual(0, kit.Publisher.Messages.Count);
        }

        [TestMethod]
        public async Task Start_WithoutTransport_RefusedBeforeSigning_SaysWhatIsMissing()
        {
            using var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");
            var stderr = new StringWriter();

            int code = await EmergencyCommand.StartAsync(Arguments(kit), "KHẨN CẤP", null, null, EmergencyCommand.NoTransport, new StringWriter(), stderr, time: kit.Site.Time);

            Assert.AreEqual(ExitCodes.Refused, code);
            StringAssert.Contains(stderr.ToString(), "no MQTT transport");
            Assert.AreEqual(0ul, kit.Site.Sequences.Last("mlt-a", BoardKit.Gateway.Site.Signing.SequenceStream.Alert));
            Assert.AreEqual(0, kit.Audit.Read().Count);
        }

        [TestMethod]
        public async Task Start_PartialFailure_ExitOne_NamesTheBoard()
        {
            using var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");
            kit.AddBoard("mlt-b", "B");
            kit.Publisher.RefuseFor.Add("mlt-b");
            var stdout = new StringWriter();

            int code = await EmergencyCommand.StartAsync(Arguments(kit), "KHẨN CẤP", null, null, _ => kit.Publisher, stdout, new StringWriter(), time: kit.Site.Time);

            Assert.AreEqual(ExitCodes.Refused, code);
            StringAssert.Contains(stdout.ToString(), "mlt-b");
            StringAssert.Contains(stdout.ToString(), "NOT SENT");
            StringAssert.Contains(stdout.ToString(), "1 of 2 boards did not get it");
        }

        [TestMethod]
        public async Task BadArguments_UsageExit_NoDatabaseCreated()
        {
            using var kit = new EmergencyKit();
            var stderr = new StringWriter();
            string missing = Path.Combine(kit.Site.Folder, "nowhere", "site.db");

            Assert.AreEqual(ExitCodes.Usage, await EmergencyCommand.StartAsync(Arguments(kit), "KHẨN CẤP", null, "tomorrow", _ => kit.Publisher, new StringWriter(), stderr, time: kit.Site.Time));
            Assert.AreEqual(ExitCodes.Refused, await EmergencyCommand.ClearAsync(new EmergencyArguments(missing, kit.Site.MasterKeyPath, null), _ => kit.Publisher, new StringWriter(), stderr, time: kit.Site.Time));
            StringAssert.Contains(stderr.ToString(), "no site database");
            Assert.IsFalse(File.Exists(missing));
        }

        [TestMethod]
        [DataRow("90m", 90 * 60)]
        [DataRow("6h", 6 * 3600)]
        [DataRow("3d", 3 * 86400)]
        [DataRow("2026-11-29T18:00+07:00", 3 * 3600)]
        [DataRow("2026-11-29T11:00:00Z", 3 * 3600)]
        public void ParseUntil_DurationsAndTimesWithOffset(string text, int secondsFromNow)
        {
            var now = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

            Assert.AreEqual(now.AddSeconds(secondsFromNow), EmergencyCommand.ParseUntil(text, now));
        }

        [TestMethod]
        [DataRow("2026-11-29T18:00")]
        [DataRow("0h")]
        [DataRow("6w")]
        [DataRow("")]
        public void ParseUntil_AmbiguousOrMalformed_Null(string text) =>
            Assert.IsNull(EmergencyCommand.ParseUntil(text, new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero)));
    }
}
