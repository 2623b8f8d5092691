using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// docs/protocol.md quotes every test vector file in full (section 14): an implementer reading the specification
    /// sees exactly the bytes the tests check, so the two cannot drift apart.
    /// </summary>
    [TestClass]
    public sealed class ProtocolDocumentTests
    {
        [TestMethod]
        public void ProtocolDocument_QuotesEveryVectorFileVerbatim()
        {
            string doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "protocol.md")).Replace("\r\n", "\n");
            string[] files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "vectors"))
                .Where(f => f.EndsWith(".hex", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal)).ToArray();
            Assert.IsGreaterThan(60, files.Length);
            string[] missing = files.Where(f => !doc.Contains(File.ReadAllText(f).Replace("\r\n", "\n").TrimEnd('\n'), StringComparison.Ordinal))
                .Select(Path.GetFileName).ToArray()!;
            Assert.AreEqual(0, missing.Length, "not quoted in docs/protocol.md: " + string.Join(", ", missing));
        }
    }
}
