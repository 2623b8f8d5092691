using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Cli
{
    /// <summary>
    /// The README's first command, <c>gateway/boardkit demo</c>, run as a newcomer runs it: the shell script, which
    /// checks the Debian packages and starts the CLI from source. The in-process tests cannot catch a broken script.
    /// </summary>
    [TestClass]
    public sealed class ReadmeCommandTests
    {
        [TestMethod]
        [Timeout(600_000, CooperativeCancellation = true)] // a hung build must not hang CI; a normal run takes ~20 s
        public void BoardkitScript_Demo_RunsTheWholePathAndExitsZero()
        {
            string root = RepositoryRoot();
            string output = Path.Combine(Path.GetTempPath(), "bk-readme-demo-" + Guid.NewGuid().ToString("N"));
            try
            {
                var start = new ProcessStartInfo("bash")
                {
                    WorkingDirectory = root,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                start.ArgumentList.Add(Path.Combine(root, "gateway", "boardkit"));
                start.ArgumentList.Add("demo");
                start.ArgumentList.Add("--out");
                start.ArgumentList.Add(output);
                using Process process = Process.Start(start)!;
                var stderr = process.StandardError.ReadToEndAsync();
                string stdout = process.StandardOutput.ReadToEnd();
                process.WaitForExit();

                Assert.AreEqual(0, process.ExitCode, stderr.Result);
                StringAssert.Contains(stdout, "-> accepted");
                StringAssert.Contains(stdout, "-> REJECTED: bad authentication tag");
                Assert.IsTrue(File.Exists(Path.Combine(output, "program-scroll.png")));
            }
            finally
            {
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }
        }

        /// <summary>The checkout this test was compiled from (tests/BoardKit.Gateway.Tests/Cli/ is three levels down).</summary>
        private static string RepositoryRoot([CallerFilePath] string thisFile = "")
        {
            string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
            Assert.IsTrue(File.Exists(Path.Combine(root, "BoardKit.sln")), "BoardKit.sln not found in " + root);
            return root;
        }
    }
}
