using System.Reflection;
using System.Runtime.InteropServices;

// The .nfproj has no SDK-generated AssemblyInfo (nanoFramework samples keep this file: facts.md §10).
[assembly: AssemblyTitle("BoardKit.Firmware")]
[assembly: AssemblyDescription("BoardKit LED information board firmware for ESP32 (.NET nanoFramework 1.x)")]
[assembly: AssemblyProduct("BoardKit")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: ComVisible(false)]
