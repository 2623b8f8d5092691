using Microsoft.VisualStudio.TestTools.UnitTesting;

// Each test has its own site folder (and broker, where it needs one): they may run side by side.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel, Workers = 2)]

// The gateway runs on Linux (a Raspberry Pi); these tests use Unix file modes and Debian's Mosquitto.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
