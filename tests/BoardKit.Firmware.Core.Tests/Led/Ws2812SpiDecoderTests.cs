using System;
using BoardKit.Firmware.Core.Led;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Led
{
    [TestClass]
    public sealed class Ws2812SpiDecoderTests
    {
        private static byte[] Encode(byte[] leds)
        {
            int count = leds.Length / 3;
            byte[] wire = new byte[Ws2812SpiEncoder.WireLength(count)];
            Assert.AreEqual(wire.Length, Ws2812SpiEncoder.Encode(leds, count, wire));
            return wire;
        }

        private static (bool Ok, int Count, int Error, int Offset) Decode(byte[] wire, int length, byte[] leds)
        {
            bool ok = Ws2812SpiDecoder.TryDecode(wire, length, leds, out int count, out int error, out int offset);
            Assert.AreEqual(ok, error == Ws2812SpiDecoder.Ok);
            return (ok, count, error, offset);
        }

        [TestMethod]
        public void TryDecode_HandWorkedLed_ReturnsItsBytes()
        {
            byte[] wire = new byte[39];
            new byte[] { 0xD2, 0x49, 0x24, 0x92, 0x49, 0x26, 0xD3, 0x49, 0xA6 }.CopyTo(wire, 0);
            byte[] leds = new byte[3];

            Assert.AreEqual((true, 1, Ws2812SpiDecoder.Ok, -1), Decode(wire, 39, leds));
            CollectionAssert.AreEqual(new byte[] { 0x80, 0x01, 0xA5 }, leds);
        }

        [TestMethod]
        public void TryDecode_LatchOnly_ReturnsZeroLeds()
        {
            Assert.AreEqual((true, 0, Ws2812SpiDecoder.Ok, -1), Decode(new byte[30], 30, Array.Empty<byte>()));
        }

        [TestMethod]
        public void TryDecode_EncodedRandomBytes_RoundTrips()
        {
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), data =>
            {
                byte[] leds = new byte[data.Length / 3 * 3];
                Array.Copy(data, leds, leds.Length);
                byte[] wire = Encode(leds);
                byte[] back = new byte[leds.Length];
                var r = Decode(wire, wire.Length, back);
                return r.Ok && r.Count == leds.Length / 3 && back.AsSpan().SequenceEqual(leds);
            }).QuickCheckThrowOnFailure();
        }

        /// <summary>
        /// Flipping wire bit (byte q, bit j, 7 = MSB) of a colour byte's 3-byte group: its position from the group's
        /// first bit is (q % 3) x 8 + 7 - j; cell = position / 3 carries data bit 7 - cell. A flip of the cell's middle
        /// bit turns 100 into 110 or back, a valid cell: the byte decodes with that one data bit flipped. A flip of
        /// the first or last bit gives 0x0 or 1x1: refused as BadCell at the group's first byte.
        /// </summary>
        private static void AssertFlipEffect(byte[] leds, int q, int j)
        {
            byte[] wire = Encode(leds);
            wire[q] ^= (byte)(1 << j);
            byte[] back = new byte[leds.Length];
            var r = Decode(wire, wire.Length, back);

            int group = q / 3;
            int position = ((q % 3) * 8) + 7 - j;
            int cell = position / 3;
            if (position % 3 == 1)
            {
                Assert.IsTrue(r.Ok, $"byte {q} bit {j}");
                byte[] expected = (byte[])leds.Clone();
                expected[group] ^= (byte)(1 << (7 - cell));
                CollectionAssert.AreEqual(expected, back, $"byte {q} bit {j}");
            }
            else
            {
                Assert.AreEqual((false, Ws2812SpiDecoder.BadCell, group * 3), (r.Ok, r.Error, r.Offset), $"byte {q} bit {j}");
            }
        }

        [TestMethod]
        public void TryDecode_EverySingleBitFlipInTwoLeds_IsRefusedOrFlipsThatDataBit()
        {
            byte[] leds = { 0x00, 0xFF, 0xA5, 0x5A, 0x01, 0x80 };
            for (int q = 0; q < 18; q++)
            {
                for (int j = 0; j < 8; j++)
                {
                    AssertFlipEffect(leds, q, j);
                }
            }
        }

        [TestMethod]
        public void TryDecode_RandomSingleBitFlipInData_IsRefusedOrFlipsThatDataBit()
        {
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<int>(), (data, where) =>
            {
                byte[] leds = new byte[Math.Max(3, data.Length / 3 * 3)];
                Array.Copy(data, leds, Math.Min(data.Length, leds.Length));
                int bit = (int)((uint)where % (uint)(leds.Length * 3 * 8));
                AssertFlipEffect(leds, bit / 8, bit % 8);
            }).QuickCheckThrowOnFailure();
        }

        [TestMethod]
        public void TryDecode_AnyBitFlipInLatch_ReturnsBadLatch()
        {
            byte[] leds = { 1, 2, 3 };
            for (int q = 9; q < 39; q++)
            {
                for (int j = 0; j < 8; j++)
                {
                    byte[] wire = Encode(leds);
                    wire[q] ^= (byte)(1 << j);
                    Assert.AreEqual((false, 0, Ws2812SpiDecoder.BadLatch, q), Decode(wire, wire.Length, new byte[3]));
                }
            }
        }

        [TestMethod]
        public void TryDecode_WrongLengths_ReturnsBadLength()
        {
            byte[] wire = Encode(new byte[6]); // 2 LEDs: 48 bytes
            foreach (int length in new[] { -1, 0, 29, 31, 38, 40, 47, 49 })
            {
                Assert.AreEqual(Ws2812SpiDecoder.BadLength, Decode(wire, length, new byte[100]).Error, $"length {length}");
            }

            Assert.AreEqual(Ws2812SpiDecoder.BadLength, Decode(new byte[39], 48, new byte[100]).Error);
        }

        [TestMethod]
        public void TryDecode_ShortDestination_ReturnsBufferTooSmall()
        {
            Assert.AreEqual(Ws2812SpiDecoder.BufferTooSmall, Decode(Encode(new byte[6]), 48, new byte[5]).Error);
        }

        [TestMethod]
        public void TryDecode_AllZeroCell_ReturnsBadCellAtGroup()
        {
            byte[] wire = Encode(new byte[] { 7, 8, 9, 10, 11, 12 });
            wire[12] = 0; // second LED's first colour byte (group 4, bytes 12..14)

            Assert.AreEqual((false, 0, Ws2812SpiDecoder.BadCell, 12), Decode(wire, wire.Length, new byte[6]));
        }

        [TestMethod]
        public void DecodeByte_EveryValue_InvertsPattern()
        {
            for (int v = 0; v < 256; v++)
            {
                int p = Ws2812SpiEncoder.Pattern(v);
                Assert.AreEqual(v, Ws2812SpiDecoder.DecodeByte(p >> 16, p >> 8, p));
            }

            Assert.AreEqual(-1, Ws2812SpiDecoder.DecodeByte(0, 0, 0));
            Assert.AreEqual(-1, Ws2812SpiDecoder.DecodeByte(0xFF, 0xFF, 0xFF));
        }
    }
}
