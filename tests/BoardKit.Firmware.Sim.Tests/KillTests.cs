using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Preview;
using BoardKit.Tests.Shared;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Sim.Tests
{
    /// <summary>
    /// The boardkit-sim process killed (SIGKILL) at random moments while programs arrive, then started again offline:
    /// it comes back showing a program it had accepted, never older than the last one it reported, never a blank or
    /// broken panel. (Every byte of every flash write is covered by the core's PowerCutTests; this is the whole
    /// program, files and all.)
    /// </summary>
    [TestClass]
    public sealed class KillTests
    {
        private const int Cycles = 6;
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        public TestContext TestContext { get; set; } = null!;

        private static Process StartSim(string folder, string broker)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "boardkit-sim.dll");
            var info = new ProcessStartInfo("dotnet", $"\"{dll}\" --data \"{folder}\" --broker {broker}")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            };
            info.Environment["NO_COLOR"] = "1";
            Process p = Process.Start(info) ?? throw new InvalidOperationException("boardkit-sim did not start");
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            return p;
        }

        private static byte[]? ReadPanel(string folder, int width, int height)
        {
            string path = Path.Combine(folder, SimulatedBoard.PanelPngFile);
            if (!File.Exists(path))
            {
                return null;
            }

            byte[] png = File.ReadAllBytes(path);
            var chunks = PngReader.ReadChunks(png);
            byte[] idat = chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray();
            return PngReader.Unfilter(idat, height, width * 3);
        }

        [TestMethod]
        public void Killed_AtRandomMoments_ComesBackShowingAnAcceptedProgram()
        {
            using var broker = new Mosquitto();
            using var gateway = new TestGateway(broker.Port);
            var files = new TestBoardFiles("lc-mlt-gate-4", Directory.CreateTempSubdirectory("bk-kill-").FullName);
            var rng = new Random(0x80A5);
            var shown = new Dictionary<ulong, byte[]>();
            ulong sequence = 5000;
            ulong lastReported = 0;
            for (int cycle = 0; cycle < Cycles; cycle++)
            {
                Process sim = StartSim(files.Folder, "127.0.0.1:" + broker.Port);
                try
                {
                    // A burst of programs, then a kill at a random moment inside or just after it.
                    int burst = 2 + rng.Next(3);
                    for (int i = 0; i < burst; i++)
                    {
                        sequence++;
                        RenderResult rendered = TestGateway.Render("Tin " + sequence % 1000);
                        shown[sequence] = TestGateway.Pixels(rendered);
                        gateway.Publish(files.Topic("program"), TestGateway.Program(files, rendered, sequence));
                        if (i == 0)
                        {
                            ulong expect = sequence;
                            gateway.WaitForStatus(files, s => s.ProgramSequence >= expect, Patience);
                        }
                    }

                    Thread.Sleep(rng.Next(0, 400));
                    lastReported = Math.Max(lastReported, LatestReported(gateway, files));
                }
                finally
                {
                    sim.Kill();
                    sim.WaitForExit();
                }

                // Back offline: only the flash can say what to show.
                File.Delete(Path.Combine(files.Folder, SimulatedBoard.PanelPngFile));
                Process offline = StartSim(files.Folder, "none");
                try
                {
                    byte[]? panel = null;
                    ulong showing = 0;
                    Wait.Until(() =>
                    {
                        panel = ReadPanel(files.Folder, TestGateway.PanelWidth, TestGateway.PanelHeight);
                        showing = panel == null ? 0 : shown.FirstOrDefault(p => p.Value.AsSpan().SequenceEqual(panel)).Key;
                        return showing != 0;
                    }, Patience, $"cycle {cycle}: the panel showing one of the programs (last reported {lastReported})");
                    Assert.IsGreaterThanOrEqualTo(lastReported, showing, $"cycle {cycle}: never older than what the board reported");
                    Assert.IsLessThanOrEqualTo(sequence, showing);
                    TestContext.WriteLine($"cycle {cycle}: published up to {sequence}, reported {lastReported}, shows {showing}");
                }
                finally
                {
                    offline.Kill();
                    offline.WaitForExit();
                }
            }
        }

        private static ulong LatestReported(TestGateway gateway, TestBoardFiles files)
        {
            ulong latest = 0;
            foreach ((string topic, byte[] payload) in gateway.Received)
            {
                if (topic == files.Topic("status") && files.TryOpenStatus(payload, out var s))
                {
                    latest = Math.Max(latest, s!.ProgramSequence);
                }
            }

            return latest;
        }
    }
}
