using System;
using System.Text;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Tests.Fakes;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Board
{
    /// <summary>
    /// How much managed heap a whole board takes before any content arrives (docs/protocol.md 15.9), measured on host
    /// .NET as the bytes allocated while building and booting a BoardRuntime for each panel size. nanoCLR's object
    /// headers differ from .NET's (12 bytes per object here vs a few on the device), so these are close upper figures,
    /// not the device's own reading (GC.Run on a board gives that).
    /// </summary>
    [TestClass]
    public sealed class BoardMemoryTests
    {
        /// <summary>Managed heap of an ESP32 without PSRAM, bytes (~80 KB: internal RAM minus ESP-IDF's share, firmware/nanoframework/facts.md).</summary>
        private const int HeapWithoutPsram = 80 * 1024;

        public TestContext TestContext { get; set; } = null!;

        private static long FixedBytes(int width, int height)
        {
            int leds = width * height;
            int chains = leds > 2048 ? 2 : 1;
            var tiles = new StringBuilder();
            int perChain = leds / chains;
            for (int i = 0; i < leds / 256; i++)
            {
                int chain = i * 256 / perChain;
                int x = (i * 32) % width;
                int y = (i * 32) / width * 8;
                tiles.Append(i == 0 ? string.Empty : ",").Append($"{{\"chain\":{chain},\"firstLed\":{(i * 256) % perChain},\"x\":{x},\"y\":{y},\"width\":32,\"height\":8,\"order\":\"columns\",\"serpentine\":true}}");
            }

            string chainJson = chains == 1
                ? $"{{\"spiBus\":1,\"mosiGpio\":23,\"clockGpio\":18,\"leds\":{leds}}}"
                : $"{{\"spiBus\":1,\"mosiGpio\":23,\"clockGpio\":18,\"leds\":{perChain}}},{{\"spiBus\":2,\"mosiGpio\":13,\"clockGpio\":14,\"leds\":{perChain}}}";
            string json = "{\"format\":1,\"board\":\"lc-mlt-gate-1\",\"site\":\"lc-mlt\",\"panel\":{\"width\":" + width + ",\"height\":" + height + "}," +
                "\"chains\":[" + chainJson + "],\"tiles\":[" + tiles + "],\"power\":{\"supplyMilliamps\":200000}," +
                "\"button\":{\"gpio\":27},\"broker\":{\"host\":\"192.168.1.10\"}}";
            var files = new MemoryFileStore();
            files.Write(BoardSetup.ConfigFile, Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetByteCount(json));
            byte[] key = Encoding.UTF8.GetBytes(RuntimeKit.KeyJson());
            files.Write(BoardSetup.KeyFile, key, key.Length);
            var sinks = new IPixelSink[chains];
            for (int i = 0; i < chains; i++)
            {
                sinks[i] = new DecodingPixelSink();
            }

            var port = new FakeMqttPort();
            BoardSetup setup = BoardSetup.Load(files, RuntimeKit.Fallback());
            Assert.IsTrue(setup.CanRun, setup.Message);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var runtime = new BoardRuntime(setup, sinks, new FakeButton(), files, port, 7, "1.0.0");
            runtime.Boot(0);
            runtime.Step(40, 0);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(runtime);
            return bytes;
        }

        [TestMethod]
        public void FixedHeap_PerPanelSize_64x16FitsWithoutPsramWithRoomForContent()
        {
            TestContext.WriteLine("panel  LEDs  fixed bytes  left of 80 KB");
            long board64x16 = 0;
            foreach ((int w, int h) in new[] { (32, 8), (64, 16), (64, 32), (128, 32) })
            {
                long bytes = FixedBytes(w, h);
                TestContext.WriteLine($"{w}x{h}  {w * h,5}  {bytes,11}  {HeapWithoutPsram - bytes,13}");
                if (w == 64 && h == 16)
                {
                    board64x16 = bytes;
                }
            }

            // A 64x16 board without PSRAM must keep at least 36 KB for content: a 12 KiB program held while the next
            // one arrives (2 x 12 KiB while M2Mqtt receives it) is 36 KiB.
            Assert.IsLessThan(HeapWithoutPsram - (36 * 1024), board64x16, "fixed heap of a 64x16 board: " + board64x16);
        }
    }
}
