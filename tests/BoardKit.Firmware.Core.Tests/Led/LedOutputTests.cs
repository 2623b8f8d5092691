using System;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Tests.Led.Fakes;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Led
{
    [TestClass]
    public sealed class LedOutputTests
    {
        private static RecordingPixelSink[] Sinks(PixelMap map, int[]? clock = null)
        {
            var sinks = new RecordingPixelSink[map.ChainCount];
            for (int c = 0; c < sinks.Length; c++)
            {
                sinks[c] = new RecordingPixelSink(Ws2812SpiEncoder.WireLength(map.LedCount(c)), clock);
            }

            return sinks;
        }

        private static LedOutput Output(PixelMap map, RecordingPixelSink[] sinks, double gamma = 1.0, int order = ColorOrder.Grb, int budgetMa = int.MaxValue)
        {
            return new LedOutput(map, new GammaTable(gamma), order, new PowerBudget(budgetMa), sinks);
        }

        /// <summary>The LED bytes (wire order) a sink last received, decoded strictly.</summary>
        private static byte[] Decoded(RecordingPixelSink sink)
        {
            byte[] leds = new byte[(sink.LastLength - Ws2812SpiEncoder.LatchBytes) / 3];
            Assert.IsTrue(Ws2812SpiDecoder.TryDecode(sink.Last, sink.LastLength, leds, out _, out int error, out _), Ws2812SpiDecoder.Describe(error));
            return leds;
        }

        private static PixelMap Board64x16()
        {
            var tiles = new TileLayout[4];
            for (int i = 0; i < 4; i++)
            {
                tiles[i] = PixelMapTests.Tile(32, 8, columnMajor: true, serpentine: true, x: (i % 2) * 32, y: (i / 2) * 8, firstLed: i * 256);
            }

            return new PixelMap(tiles, 64, 16, 1);
        }

        [TestMethod]
        public void Show_TwoPixelStrip_WritesHandWorkedBytes()
        {
            var map = new PixelMap(new[] { PixelMapTests.Tile(2, 1) }, 2, 1, 1);
            var sinks = Sinks(map);
            var output = Output(map, sinks);
            var frame = new PanelFrame(2, 1);
            frame.SetPixel(0, 0, 0x8001A5); // R 0x80, G 0x01, B 0xA5
            frame.SetPixel(1, 0, 0xFF0000);

            Assert.IsTrue(output.Show(frame, 255));

            byte[] expected = new byte[2 * 9 + 30];
            new byte[]
            {
                0x92, 0x49, 0x26, 0xD2, 0x49, 0x24, 0xD3, 0x49, 0xA6, // LED 0: G 0x01, R 0x80, B 0xA5
                0x92, 0x49, 0x24, 0xDB, 0x6D, 0xB6, 0x92, 0x49, 0x24, // LED 1: G 0x00, R 0xFF, B 0x00
            }.CopyTo(expected, 0);
            CollectionAssert.AreEqual(expected, sinks[0].LastBytes());
        }

        [TestMethod]
        public void Show_SerpentineModule_SendsPixelsInChainOrder()
        {
            // 4 x 3 serpentine rows from top-left (PixelMapTests grid): LED 4 is pixel (3, 1), LED 7 is (0, 1).
            var map = new PixelMap(new[] { PixelMapTests.Tile(4, 3, serpentine: true) }, 4, 3, 1);
            var sinks = Sinks(map);
            var frame = new PanelFrame(4, 3);
            frame.SetPixel(3, 1, 0x102030);
            frame.SetPixel(0, 1, 0x405060);

            Output(map, sinks).Show(frame, 255);

            byte[] leds = Decoded(sinks[0]);
            byte[] expected = new byte[36];
            new byte[] { 0x20, 0x10, 0x30 }.CopyTo(expected, 4 * 3);
            new byte[] { 0x50, 0x40, 0x60 }.CopyTo(expected, 7 * 3);
            CollectionAssert.AreEqual(expected, leds);
        }

        [TestMethod]
        public void Show_RandomFrameEveryColorOrder_DecodesToMappedPixels()
        {
            var map = Board64x16();
            var rng = new TestKit.Rng(16);
            var frame = new PanelFrame(64, 16);
            rng.Next();
            for (int i = 0; i < frame.Rgb.Length; i++)
            {
                frame.Rgb[i] = (byte)rng.Next();
            }

            for (int order = ColorOrder.Rgb; order <= ColorOrder.Bgr; order++)
            {
                var sinks = Sinks(map);
                Output(map, sinks, order: order).Show(frame, 255);
                byte[] leds = Decoded(sinks[0]);
                for (int led = 0; led < 1024; led++)
                {
                    int p = map.PixelOf(0, led) * 3;
                    for (int slot = 0; slot < 3; slot++)
                    {
                        Assert.AreEqual(frame.Rgb[p + ColorOrder.Channel(order, slot)], leds[(led * 3) + slot], $"{ColorOrder.Name(order)} LED {led}");
                    }
                }
            }
        }

        [TestMethod]
        public void Show_GammaAndBrightness_AppliesTruncatedProduct()
        {
            var map = new PixelMap(new[] { PixelMapTests.Tile(1, 1) }, 1, 1, 1);
            var sinks = Sinks(map);
            var frame = new PanelFrame(1, 1);
            frame.SetPixel(0, 0, 0x80FF40); // R 128, G 255, B 64

            var output = Output(map, sinks, gamma: 2.2);
            output.Show(frame, 100);

            // gamma 2.2: 128 -> 56, 255 -> 255, 64 -> 12; x 100 / 255 floored: 21, 100, 4. Sent G, R, B.
            CollectionAssert.AreEqual(new byte[] { 100, 21, 4 }, Decoded(sinks[0]));
            Assert.AreEqual(100, output.AppliedBrightness);
            Assert.IsFalse(output.BudgetLimited);
        }

        [TestMethod]
        public void Show_FullWhiteOn40A_LimitsBrightnessTo161()
        {
            var map = Board64x16();
            var sinks = Sinks(map);
            var frame = new PanelFrame(64, 16);
            Array.Fill(frame.Rgb, (byte)255);
            var output = Output(map, sinks, gamma: 2.2, budgetMa: 40000);

            output.Show(frame, 255);

            // PowerBudgetTests.FitBrightness_FullWhiteOn40A_Caps161: 161 and 39816 mA.
            Assert.AreEqual(161, output.AppliedBrightness);
            Assert.AreEqual(255, output.RequestedBrightness);
            Assert.IsTrue(output.BudgetLimited);
            Assert.AreEqual(39816, output.EstimatedCurrentMa);
            byte[] leds = Decoded(sinks[0]);
            Assert.IsTrue(Array.TrueForAll(leds, b => b == 161)); // 255 x 161 / 255
        }

        [TestMethod]
        public void Show_BlackFrame_DrawsIdleOnlyAtRequestedBrightness()
        {
            var map = Board64x16();
            var output = Output(map, Sinks(map), budgetMa: 2000);

            output.Show(new PanelFrame(64, 16), 200);

            Assert.AreEqual(200, output.AppliedBrightness);
            Assert.IsFalse(output.BudgetLimited);
            Assert.AreEqual(1024, output.EstimatedCurrentMa);
        }

        [TestMethod]
        public void Show_TextLikeFrame_EstimatesFromLitLeds()
        {
            // 133 of 1024 LEDs red at full (hardware/power.md's 13 % bulletin): 1024 + 2660 = 3684 mA at 255.
            var map = Board64x16();
            var frame = new PanelFrame(64, 16);
            for (int i = 0; i < 133; i++)
            {
                frame.SetPixel(i % 64, (i / 64) * 5, 0xFF0000);
            }

            var output = Output(map, Sinks(map), gamma: 2.2, budgetMa: 3000);
            output.Show(frame, 255);

            // Capped as in PowerBudgetTests.FitBrightness_RedTextOn3A_Caps189.
            Assert.AreEqual(189, output.AppliedBrightness);
            Assert.AreEqual(2996, output.EstimatedCurrentMa);

            var unlimited = Output(map, Sinks(map), gamma: 2.2);
            unlimited.Show(frame, 255);
            Assert.AreEqual(3684, unlimited.EstimatedCurrentMa);
        }

        [TestMethod]
        public void Show_MirroredFacesOnTwoChains_CountsBothAndSendsChain0First()
        {
            var tiles = new[] { PixelMapTests.Tile(2, 2, chain: 0), PixelMapTests.Tile(2, 2, chain: 1, origin: TileLayout.OriginBottomRight) };
            var map = new PixelMap(tiles, 2, 2, 2);
            int[] clock = new int[1];
            var sinks = Sinks(map, clock);
            var frame = new PanelFrame(2, 2);
            frame.SetPixel(0, 0, 0xFFFFFF);

            var output = Output(map, sinks);
            output.Show(frame, 255);

            // 8 LEDs x 1 mA + two LEDs full white 2 x 60 mA.
            Assert.AreEqual(128, output.EstimatedCurrentMa);
            Assert.AreEqual((1, 2), (sinks[0].ShownAt, sinks[1].ShownAt));
            // Chain 0: LED 0 is (0, 0). Chain 1 starts bottom-right: (0, 0) is its last LED, 3.
            CollectionAssert.AreEqual(new byte[] { 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, Decoded(sinks[0]));
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255 }, Decoded(sinks[1]));
        }

        [TestMethod]
        public void Show_GapLeds_AreSentDarkAndDrawIdle()
        {
            var map = new PixelMap(new[] { PixelMapTests.Tile(1, 1, firstLed: 1) }, 1, 1, 1);
            var sinks = Sinks(map);
            var frame = new PanelFrame(1, 1);
            frame.SetPixel(0, 0, 0x0A0B0C);

            var output = Output(map, sinks);
            output.Show(frame, 255);

            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0x0B, 0x0A, 0x0C }, Decoded(sinks[0]));
            // 2 LEDs x 1 mA + ceil((10 + 11 + 12) x 255 x 20 / 65025) = 2 + ceil(2.59) = 5.
            Assert.AreEqual(5, output.EstimatedCurrentMa);
        }

        [TestMethod]
        public void Show_WrongFrameSize_SendsNothing()
        {
            var map = Board64x16();
            var sinks = Sinks(map);
            var output = Output(map, sinks);

            Assert.IsFalse(output.Show(new PanelFrame(64, 8), 255));
            Assert.IsFalse(output.Show(null!, 255));
            Assert.AreEqual(0, sinks[0].Calls);
            Assert.AreEqual(0, output.AppliedBrightness);
        }

        [TestMethod]
        public void Show_RepeatedFramesAndBrightness_AllocatesNothing()
        {
            var map = Board64x16();
            var sinks = Sinks(map);
            var output = Output(map, sinks, gamma: 2.2, budgetMa: 20000);
            var frame = new PanelFrame(64, 16);
            var rng = new TestKit.Rng(7);
            output.Show(frame, 255);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++)
            {
                frame.SetPixel(rng.Below(64), rng.Below(16), (int)(rng.Next() & 0xFFFFFF));
                if (i % 10 == 0)
                {
                    Array.Fill(frame.Rgb, (byte)(i * 5));
                }

                output.Show(frame, rng.Below(256));
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.AreEqual(51, sinks[0].Calls);
        }

        [TestMethod]
        public void Constructor_BadArguments_Throw()
        {
            var map = Board64x16();
            var gamma = new GammaTable(2.2);
            var budget = new PowerBudget(1000);

            Assert.ThrowsExactly<ArgumentException>(() => new LedOutput(map, gamma, 6, budget, Sinks(map)));
            Assert.ThrowsExactly<ArgumentException>(() => new LedOutput(map, gamma, ColorOrder.Grb, budget, new IPixelSink[2]));
            Assert.ThrowsExactly<ArgumentException>(() => new LedOutput(map, gamma, ColorOrder.Grb, budget, new IPixelSink[1]));
            Assert.ThrowsExactly<ArgumentException>(() => new LedOutput(null!, gamma, ColorOrder.Grb, budget, Sinks(map)));
        }

        [TestMethod]
        public void HeapBytes_BoardSizes_MatchHandTable()
        {
            // 11 bytes per LED (2 map + 9 SPI) + 30 per chain (latch) + 1280 fixed (256 gamma + 256 levels + 768 cells).
            Assert.AreEqual(4126, LedOutput.HeapBytes(32 * 8, 1));    // 2816 + 30 + 1280
            Assert.AreEqual(12574, LedOutput.HeapBytes(64 * 16, 1));  // 11264 + 30 + 1280
            Assert.AreEqual(23838, LedOutput.HeapBytes(64 * 32, 1));  // 22528 + 30 + 1280
            Assert.AreEqual(23868, LedOutput.HeapBytes(64 * 32, 2));  // two chains of 1024: one more latch
            Assert.AreEqual(46366, LedOutput.HeapBytes(128 * 32, 1)); // 45056 + 30 + 1280
        }

        [TestMethod]
        public void HeapBytes_RealBuffers_AddUpToFormula()
        {
            var map = Board64x16();
            var output = Output(map, Sinks(map));

            int bytes = (2 * map.Table(0).Length) + output.Wire(0).Length + 256 + 256 + 768;
            Assert.AreEqual(LedOutput.HeapBytes(map.TotalLedCount, map.ChainCount), bytes);
        }
    }
}
