using System;
using System.IO;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    /// <summary>Where the guard's inputs land in the test output directory (copied by the csproj).</summary>
    internal static class GuardFiles
    {
        public static string SurfacePath => Path.Combine(AppContext.BaseDirectory, "nanoframework", "api-surface.txt");

        public static string CoreAssemblyPath => Path.Combine(AppContext.BaseDirectory, "BoardKit.Firmware.Core.dll");

        public static string SamplesAssemblyPath => Path.Combine(AppContext.BaseDirectory, "BoardKit.SubsetGuard.Samples.dll");

        private static readonly Lazy<NanoApiSurface> LazySurface = new(() => NanoApiSurface.Load(SurfacePath));

        /// <summary>The repo's allowlist, parsed once per test run.</summary>
        public static NanoApiSurface Surface => LazySurface.Value;
    }
}
