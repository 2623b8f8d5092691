using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    /// <summary>
    /// The nanoFramework subset guard: the built BoardKit.Firmware.Core.dll may reference only what nanoFramework
    /// 1.x has (firmware/nanoframework/api-surface.txt). AssemblyReferenceScannerTests prove the scanner on
    /// deliberately bad and good samples.
    /// </summary>
    [TestClass]
    public sealed class FirmwareCoreApiSurfaceTests
    {
        [TestMethod]
        public void CoreAssembly_References_AreAllInNanoFramework1Surface()
        {
            IReadOnlyList<ApiSurfaceViolation> violations = AssemblyReferenceScanner.Scan(GuardFiles.CoreAssemblyPath, GuardFiles.Surface);

            Assert.IsEmpty(
                violations,
                "BoardKit.Firmware.Core uses APIs that nanoFramework 1.x lacks (see firmware/nanoframework/README.md):\n"
                + string.Join("\n", violations.Select(v => v.ToString())));
        }
    }
}
