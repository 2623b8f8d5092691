using System.Reflection;
using System.Runtime.InteropServices;

// The .nfproj has no SDK-generated AssemblyInfo, so the attributes live here, as in nanoFramework's own projects
// (e.g. nanoframework/System.Device.Spi v1.3.89 System.Device.Spi/Properties/AssemblyInfo.cs).
[assembly: AssemblyTitle("BoardKit.Firmware")]
[assembly: AssemblyDescription("BoardKit LED information board firmware for ESP32 (.NET nanoFramework 1.x)")]
[assembly: AssemblyProduct("BoardKit")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: ComVisible(false)]
