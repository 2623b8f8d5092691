using System;
using System.IO;
using BoardKit.Cli;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Tests.Preview;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Cli
{
    /// <summary>
    /// <c>boardkit demo</c> is the README's first command: it must run the real path (fonts, renderer, signing, the
    /// firmware core's receive path) and tell the truth about what the board accepted and refused.
    /// </summary>
    [TestClass]
    public sealed class DemoCommandTests
    {
        private static string output = string.Empty;
        private static string errors = string.Empty;
        private static string folder = string.Empty;
        private static int exitCode;

        [ClassInitialize]
        public static void RunDemoOnce(TestContext context)
        {
            folder = Path.Combine(Path.GetTempPath(), "bk-demo-" + Guid.NewGuid().ToString("N"));
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            exitCode = DemoCommand.Run(folder, stdout, stderr);
            output = stdout.ToString();
            errors = stderr.ToString();
        }

        [ClassCleanup]
        public static void DeleteFolder()
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [TestMethod]
        public void Run_Default_ExitsZeroWithNoErrors()
        {
            Assert.AreEqual(ExitCodes.Ok, exitCode, errors);
            Assert.AreEqual(string.Empty, errors);
            StringAssert.Contains(output, "coverage: every character can be drawn");
        }

        [TestMethod]
        public void Run_Default_BoardAcceptsTheSignedProgram()
        {
            StringAssert.Contains(output, Line("the program", "accepted"));
        }

        [TestMethod]
        public void Run_Default_BoardRefusesTamperedForeignForgedAndOlderPrograms()
        {
            StringAssert.Contains(output, Line("one bit changed in transit", "REJECTED: " + WireError.Describe(WireError.BadTag)));
            StringAssert.Contains(output, Line("the same program again (the broker's retained copy)", "already has it: nothing to do"));
            StringAssert.Contains(output, Line("a properly signed but older program (rollback)", "REJECTED: " + WireError.Describe(WireError.Replay)));
            StringAssert.Contains(output, Line("a program signed for another board", "REJECTED: " + WireError.Describe(WireError.WrongBoard)));
            StringAssert.Contains(output, Line("a program signed with a guessed key", "REJECTED: " + WireError.Describe(WireError.BadTag)));
        }

        [TestMethod]
        public void Run_Default_AfterRebootRestoresProgramAndRefusesReplay()
        {
            StringAssert.Contains(output, Line("the program kept on flash", "verified again and shown"));
            StringAssert.Contains(output, Line("the older program re-published by an attacker", "REJECTED: " + WireError.Describe(WireError.Replay)));
        }

        [TestMethod]
        public void Run_Default_AlertPlaysAndOneActionClearsIt()
        {
            StringAssert.Contains(output, Line("the alert", "accepted"));
            StringAssert.Contains(output, Line("the one-action clear", "accepted"));
            StringAssert.Contains(output, "alert active: no");
        }

        [TestMethod]
        public void Run_Default_ReportsTheCharacterNoFontHas()
        {
            StringAssert.Contains(output, "refused before publishing: U+1F403 WATER BUFFALO at line 1, column 11");
        }

        [TestMethod]
        public void Run_Default_WritesLedPreviews()
        {
            var scroll = PngReader.ReadChunks(File.ReadAllBytes(Path.Combine(folder, "program-scroll.png")));
            var alert = PngReader.ReadChunks(File.ReadAllBytes(Path.Combine(folder, "alert.png")));
            Assert.IsTrue(scroll.Exists(c => c.Type == "acTL"), "the scroll preview is animated");
            Assert.AreEqual("IHDR", alert[0].Type);
            // 64x16 LEDs at 4 picture pixels per LED.
            CollectionAssert.AreEqual(new byte[] { 0, 0, 1, 0, 0, 0, 0, 64 }, alert[0].Data[..8]);
        }

        private static string Line(string what, string verdict) => $"   {what,-52} -> {verdict}";
    }
}
