using System;
using System.Drawing;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Tests.Led.Fakes;
using Iot.Device.Ws28xx;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Led
{
    [TestClass]
    public sealed class Ws2812SpiEncoderTests
    {
        [TestMethod]
        public void Pattern_HandWorkedBytes_ExpandEachBitToACell()
        {
            // 0x00: eight 100 cells = 100100100100100100100100 = 1001 0010 0100 1001 0010 0100.
            Assert.AreEqual(0x924924, Ws2812SpiEncoder.Pattern(0x00));
            // 0xFF: eight 110 cells = 1101 1011 0110 1101 1011 0110.
            Assert.AreEqual(0xDB6DB6, Ws2812SpiEncoder.Pattern(0xFF));
            // 0x80: 110 then seven 100 = 1101 0010 0100 1001 0010 0100.
            Assert.AreEqual(0xD24924, Ws2812SpiEncoder.Pattern(0x80));
            // 0x01: seven 100 then 110 = 1001 0010 0100 1001 0010 0110.
            Assert.AreEqual(0x924926, Ws2812SpiEncoder.Pattern(0x01));
            // 0xA5 = 1010 0101: 110 100 110 100 100 110 100 110 = 1101 0011 0100 1001 1010 0110.
            Assert.AreEqual(0xD349A6, Ws2812SpiEncoder.Pattern(0xA5));
        }

        [TestMethod]
        public void Encode_OneLed_WritesNineBytesThenThirtyZeros()
        {
            byte[] wire = new byte[Ws2812SpiEncoder.WireLength(1)];
            Array.Fill(wire, (byte)0x55);

            int n = Ws2812SpiEncoder.Encode(new byte[] { 0x80, 0x01, 0xA5 }, 1, wire);

            Assert.AreEqual(39, n);
            byte[] expected = new byte[39];
            new byte[] { 0xD2, 0x49, 0x24, 0x92, 0x49, 0x26, 0xD3, 0x49, 0xA6 }.CopyTo(expected, 0);
            CollectionAssert.AreEqual(expected, wire);
        }

        [TestMethod]
        public void WireLength_Counts_AreNinePerLedPlusLatch()
        {
            Assert.AreEqual(30, Ws2812SpiEncoder.WireLength(0));
            Assert.AreEqual(2334, Ws2812SpiEncoder.WireLength(256));
            Assert.AreEqual(9246, Ws2812SpiEncoder.WireLength(1024));
        }

        [TestMethod]
        public void Encode_ShortBuffers_ReturnsMinusOne()
        {
            Assert.AreEqual(-1, Ws2812SpiEncoder.Encode(new byte[6], 2, new byte[Ws2812SpiEncoder.WireLength(2) - 1]));
            Assert.AreEqual(-1, Ws2812SpiEncoder.Encode(new byte[5], 2, new byte[100]));
            Assert.AreEqual(-1, Ws2812SpiEncoder.Encode(new byte[6], -1, new byte[100]));
        }

        // Against the reference: .NET IoT's Iot.Device.Ws28xx.Ws2812b (NuGet Iot.Device.Bindings 4.2.0) writing to a
        // recording SPI device. The binding takes R, G, B colours and sends G, R, B; the core encoder takes the bytes
        // already in wire order.

        private static void AssertSameAsBinding(int width, int height, Func<int, (byte R, byte G, byte B)> colourOf)
        {
            var spi = new RecordingSpiDevice();
            var strip = new Ws2812b(spi, width, height);
            int count = width * height;
            byte[] grb = new byte[count * 3];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    int led = (y * width) + x; // the binding's LED order: offset = y x stride + x x 9
                    var c = colourOf(led);
                    strip.Image.SetPixel(x, y, Color.FromArgb(c.R, c.G, c.B));
                    grb[led * 3] = c.G;
                    grb[(led * 3) + 1] = c.R;
                    grb[(led * 3) + 2] = c.B;
                }
            }

            strip.Update();

            byte[] ours = new byte[Ws2812SpiEncoder.WireLength(count)];
            Assert.AreEqual(ours.Length, Ws2812SpiEncoder.Encode(grb, count, ours));
            Assert.HasCount(1, spi.Writes);
            CollectionAssert.AreEqual(spi.Last, ours);
        }

        [TestMethod]
        public void Encode_OneLedPatterns_MatchesIotBinding()
        {
            foreach (var c in new (byte, byte, byte)[] { (0, 0, 0), (0xFF, 0xFF, 0xFF), (0x01, 0x80, 0xA5), (0x80, 0xA5, 0x01), (0xA5, 0x01, 0x80) })
            {
                AssertSameAsBinding(1, 1, _ => c);
            }
        }

        [TestMethod]
        public void Encode_256LedsSingleBytePatterns_MatchesIotBinding()
        {
            foreach (byte v in new byte[] { 0x01, 0x80, 0xA5, 0x5A, 0xFF })
            {
                AssertSameAsBinding(256, 1, _ => (v, v, v));
            }

            // Every byte value once in each channel, shifted so R, G and B differ.
            AssertSameAsBinding(256, 1, i => ((byte)i, (byte)(i + 85), (byte)(i + 170)));
        }

        [TestMethod]
        public void Encode_RandomFrames_MatchesIotBinding()
        {
            var rng = new TestKit.Rng(0x2812);
            foreach (var (w, h) in new[] { (1, 1), (256, 1), (32, 8), (64, 16) })
            {
                for (int round = 0; round < 3; round++)
                {
                    AssertSameAsBinding(w, h, _ => ((byte)rng.Next(), (byte)rng.Next(), (byte)rng.Next()));
                }
            }
        }

        [TestMethod]
        public void Encode_1024LedsAlternating_MatchesIotBinding()
        {
            AssertSameAsBinding(64, 16, i => i % 2 == 0 ? ((byte)0x01, (byte)0x80, (byte)0xA5) : ((byte)0xA5, (byte)0x01, (byte)0x80));
        }
    }
}
