using System;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Wire
{
    [TestClass]
    public sealed class FrameCodecTests
    {
        private static readonly int[] Formats = { 1, 2, 4, 24 };

        private static byte[] Frame(int format, int width, int height, bool compressed, byte[] data)
        {
            int header = FrameCodec.HeaderSize(format);
            byte[] f = new byte[header + data.Length];
            f[0] = (byte)format;
            f[1] = (byte)(compressed ? 1 : 0);
            BigEndian.WriteUInt16(f, 2, width);
            BigEndian.WriteUInt16(f, 4, height);
            BigEndian.WriteUInt16(f, header - 2, data.Length);
            data.CopyTo(f, header);
            return f;
        }

        private static int DecodeError(byte[] frame, int maxWidth = WireLimits.MaxStripWidth, byte[]? pixels = null)
        {
            var header = new FrameHeader();
            bool ok = FrameCodec.TryDecode(frame, 0, frame.Length, maxWidth, header, pixels ?? new byte[WireLimits.MaxFrameRawBytes], out int error);
            Assert.AreEqual(ok, error == WireError.None);
            return error;
        }

        [TestMethod]
        public void TryDecode_TruncatedAtEveryOffset_ReturnsError()
        {
            foreach (var spec in VectorCatalog.Frames())
            {
                byte[] f = VectorFile.Load(spec.Name).Bytes;
                for (int n = 0; n < f.Length; n++)
                {
                    var header = new FrameHeader();
                    Assert.IsFalse(FrameCodec.TryDecode(f, 0, n, header, new byte[64], out int error), spec.Name + " length " + n);
                    Assert.IsTrue(error == WireError.Truncated || error == WireError.BadCompression, spec.Name + " " + n + " " + WireError.Describe(error));
                }
            }
        }

        /// <summary>
        /// A bare frame has no tag: a flipped pixel bit can be a valid other frame. What must hold: no exception, and
        /// either a clear error or a frame that stays inside the bytes given. (Inside an envelope the tag rejects all
        /// flips: EnvelopeTests.TryOpen_EverySingleBitFlip_IsRejected.)
        /// </summary>
        [TestMethod]
        public void TryDecode_EverySingleBitFlip_RejectedOrInBounds()
        {
            foreach (var spec in VectorCatalog.Frames())
            {
                byte[] f = (byte[])VectorFile.Load(spec.Name).Bytes.Clone();
                int rejected = 0;
                for (int bit = 0; bit < f.Length * 8; bit++)
                {
                    f[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                    var header = new FrameHeader();
                    if (FrameCodec.TryDecode(f, 0, f.Length, header, new byte[WireLimits.MaxFrameRawBytes], out int error))
                    {
                        Assert.IsLessThanOrEqualTo(f.Length, header.EncodedLength);
                    }
                    else
                    {
                        Assert.AreNotEqual(WireError.None, error);
                        rejected++;
                    }

                    f[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                }

                Assert.IsGreaterThan(0, rejected, spec.Name);
            }
        }

        [TestMethod]
        public void TryDecode_StructuralErrors_ReturnTheirCodes()
        {
            Assert.AreEqual(WireError.BadPixelFormat, DecodeError(Frame(3, 1, 1, false, new byte[1])));
            Assert.AreEqual(WireError.BadPixelFormat, DecodeError(Frame(0, 1, 1, false, new byte[1])));
            byte[] flags = Frame(24, 1, 1, false, new byte[3]);
            flags[1] = 0x02;
            Assert.AreEqual(WireError.ReservedBitsSet, DecodeError(flags));
            Assert.AreEqual(WireError.BadDimensions, DecodeError(Frame(1, 0, 1, false, Array.Empty<byte>())));
            Assert.AreEqual(WireError.BadDimensions, DecodeError(Frame(1, 1, 0, false, Array.Empty<byte>())));
            Assert.AreEqual(WireError.BadDimensions, DecodeError(Frame(1, 8, 65, false, new byte[65])));
            Assert.AreEqual(WireError.BadDimensions, DecodeError(Frame(1, 4097, 1, false, new byte[513])));
            Assert.AreEqual(WireError.BadDimensions, DecodeError(Frame(1, 513, 1, false, new byte[65]), WireLimits.MaxPanelWidth));
            Assert.AreEqual(WireError.None, DecodeError(Frame(1, 4096, 1, false, new byte[512])));
            Assert.AreEqual(WireError.TooLarge, DecodeError(Frame(24, 128, 64, false, Array.Empty<byte>())));
            Assert.AreEqual(WireError.BadFrameLength, DecodeError(Frame(1, 8, 2, false, new byte[3])));
            Assert.AreEqual(WireError.BadFrameLength, DecodeError(Frame(1, 8, 2, false, new byte[1])));
            Assert.AreEqual(WireError.BadCompression, DecodeError(Frame(1, 8, 2, true, Array.Empty<byte>())));
        }

        [TestMethod]
        public void TryDecode_DeclaredDataLengthAboveRemaining_ReturnsTruncated()
        {
            byte[] f = Frame(1, 8, 2, false, new byte[2]);
            BigEndian.WriteUInt16(f, 12, 0xFFFF);
            Assert.AreEqual(WireError.Truncated, DecodeError(f));
        }

        [TestMethod]
        public void TryDecode_RunLengthStreamErrors_ReturnBadCompression()
        {
            // 8x2 Mono1 = 2 raw bytes.
            Assert.AreEqual(WireError.None, DecodeError(Frame(1, 8, 2, true, new byte[] { 0x80, 0xA5 })));
            Assert.AreEqual(WireError.BadCompression, DecodeError(Frame(1, 8, 2, true, new byte[] { 0x81, 0xA5 })), "run overruns");
            Assert.AreEqual(WireError.BadCompression, DecodeError(Frame(1, 8, 2, true, new byte[] { 0x02, 1, 2, 3 })), "literal overruns");
            Assert.AreEqual(WireError.BadCompression, DecodeError(Frame(1, 8, 2, true, new byte[] { 0x00, 1 })), "stops short");
            Assert.AreEqual(WireError.BadCompression, DecodeError(Frame(1, 8, 2, true, new byte[] { 0x01, 1 })), "literal past end of data");
            Assert.AreEqual(WireError.BadCompression, DecodeError(Frame(1, 8, 2, true, new byte[] { 0x80 })), "run without unit");
            Assert.AreEqual(WireError.BadCompression, DecodeError(Frame(1, 8, 2, true, new byte[] { 0x80, 0xA5, 0x00, 0x01 })), "data after full frame");
            Assert.AreEqual(WireError.BadCompression, DecodeError(Frame(24, 1, 2, true, new byte[] { 0x80, 1, 2 })), "Rgb888 unit cut");
        }

        [TestMethod]
        public void TryDecode_PixelBufferTooSmall_ReturnsBufferTooSmall()
        {
            Assert.AreEqual(WireError.BufferTooSmall, DecodeError(Frame(1, 16, 2, false, new byte[4]), pixels: new byte[3]));
        }

        [TestMethod]
        public void Encode_InvalidInput_ReturnsNegativeErrors()
        {
            byte[] dest = new byte[100];
            Assert.AreEqual(-WireError.BadPixelFormat, FrameCodec.Encode(new FrameHeader().Set(8, 1, 1), new byte[1], 1, dest, 0, true));
            Assert.AreEqual(-WireError.BadDimensions, FrameCodec.Encode(new FrameHeader().Set(1, 0, 1), new byte[1], 0, dest, 0, true));
            Assert.AreEqual(-WireError.BadArgument, FrameCodec.Encode(new FrameHeader().Set(1, 8, 1), new byte[2], 2, dest, 0, true));
            Assert.AreEqual(-WireError.BufferTooSmall, FrameCodec.Encode(new FrameHeader().Set(24, 8, 8), new byte[192], 192, dest, 0, false));
            Assert.AreEqual(-WireError.TooLarge, FrameCodec.Encode(new FrameHeader().Set(24, 128, 64), new byte[24576], 24576, new byte[30000], 0, false));
        }

        [TestMethod]
        public void SetPixel_Mono1Origin_IsMostSignificantBit()
        {
            byte[] px = new byte[2];
            PixelPacking.SetPixel(1, 16, px, 0, 0, 1);
            PixelPacking.SetPixel(1, 16, px, 15, 0, 1);
            CollectionAssert.AreEqual(new byte[] { 0x80, 0x01 }, px);
            byte[] p2 = new byte[1];
            PixelPacking.SetPixel(2, 4, p2, 1, 0, 3);
            Assert.AreEqual(0x30, p2[0]);
            byte[] p4 = new byte[1];
            PixelPacking.SetPixel(4, 2, p4, 0, 0, 0xA);
            PixelPacking.SetPixel(4, 2, p4, 1, 0, 0x5);
            Assert.AreEqual(0xA5, p4[0]);
            Assert.AreEqual(0x5, PixelPacking.GetPixel(4, 2, p4, 1, 0));
            byte[] rgb = new byte[6];
            PixelPacking.SetPixel(24, 2, rgb, 1, 0, 0x0180A5);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0x01, 0x80, 0xA5 }, rgb);
        }

        [TestMethod]
        public void EncodeDecode_RandomFramesOfEveryFormat_RoundTrip()
        {
            var gen =
                from format in Gen.Elements(Formats)
                from width in Gen.Choose(1, 80)
                from height in Gen.Choose(1, 20)
                from density in Gen.Choose(0, 100)
                from seed in ArbMap.Default.GeneratorFor<ulong>()
                from compress in ArbMap.Default.GeneratorFor<bool>()
                select (format, width, height, density, seed, compress);
            byte[] dest = new byte[40000];
            byte[] back = new byte[WireLimits.MaxFrameRawBytes];
            Prop.ForAll(gen.ToArbitrary(), t =>
            {
                var rng = new TestKit.Rng(t.seed);
                var header = new FrameHeader().Set(t.format, t.width, t.height);
                for (int i = 0; i < header.Palette.Length; i++)
                {
                    header.Palette[i] = (byte)rng.Next();
                }

                int raw = PixelPacking.RawLength(t.format, t.width, t.height);
                byte[] pixels = new byte[raw];
                int max = t.format == 24 ? 0xFFFFFF : (1 << t.format) - 1;
                int colour = (int)(rng.Next() & (ulong)max);
                for (int y = 0; y < t.height; y++)
                {
                    for (int x = 0; x < t.width; x++)
                    {
                        if (rng.Below(100) < t.density)
                        {
                            PixelPacking.SetPixel(t.format, t.width, pixels, x, y, rng.Below(4) == 0 ? (int)(rng.Next() & (ulong)max) : colour);
                        }
                    }
                }

                int n = FrameCodec.Encode(header, pixels, raw, dest, 3, t.compress);
                if (n <= 0)
                {
                    return false;
                }

                var decoded = new FrameHeader();
                Array.Clear(back);
                bool ok = FrameCodec.TryDecode(dest, 3, n, decoded, back, out int error);
                int palette = 3 * PixelPacking.PaletteEntries(t.format);
                return ok && error == 0 && decoded.EncodedLength == n && decoded.Format == t.format
                    && decoded.Width == t.width && decoded.Height == t.height
                    && back.AsSpan(0, raw).SequenceEqual(pixels)
                    && decoded.Palette.AsSpan(0, palette).SequenceEqual(header.Palette.AsSpan(0, palette))
                    && (!decoded.Compressed || t.compress)
                    && n <= FrameCodec.HeaderSize(t.format) + raw;
            }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300));
        }

        [TestMethod]
        public void RunLengthPack_LongRunsAndLiterals_SplitAtControlLimits()
        {
            byte[] src = new byte[1000];
            for (int i = 500; i < 1000; i++)
            {
                src[i] = (byte)(i * 13);
            }

            byte[] packed = new byte[2000];
            int n = RunLength.Pack(src, src.Length, 1, packed, 0);
            Assert.AreEqual(n, RunLength.Pack(src, src.Length, 1, null, 0));
            byte[] back = new byte[1000];
            Assert.IsTrue(RunLength.Unpack(packed, 0, n, 1, back, 1000));
            CollectionAssert.AreEqual(src, back);
        }

        [TestMethod]
        public void TryDecode_RandomBytes_NeverThrowsAndAllocatesNothing()
        {
            var header = new FrameHeader();
            byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
            byte[] buf = new byte[400];
            var rng = new TestKit.Rng(0x80);
            FrameCodec.TryDecode(buf, 0, buf.Length, header, pixels, out _);
            long before = GC.GetAllocatedBytesForCurrentThread();
            int accepted = 0;
            for (int i = 0; i < 20000; i++)
            {
                int n = rng.Below(buf.Length);
                for (int j = 0; j < n; j++)
                {
                    buf[j] = (byte)rng.Next();
                }

                // Bias towards plausible headers so the deeper checks run too.
                if (n > 8)
                {
                    buf[0] = (byte)Formats[rng.Below(4)];
                    buf[1] &= 1;
                    buf[2] = 0;
                    buf[4] = 0;
                    buf[5] &= 0x0F;
                }

                if (FrameCodec.TryDecode(buf, 0, n, header, rng.Below(2) == 0 ? pixels : null, out _))
                {
                    accepted++;
                }
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void TryDecode_RandomArrays_NeverThrow()
        {
            var header = new FrameHeader();
            byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<int>(), (bytes, offset) =>
            {
                FrameCodec.TryDecode(bytes, offset, bytes.Length, header, pixels, out int e1);
                FrameCodec.TryDecode(bytes, 0, bytes.Length, header, pixels, out int e2);
                return true;
            }).QuickCheckThrowOnFailure();
        }
    }
}
