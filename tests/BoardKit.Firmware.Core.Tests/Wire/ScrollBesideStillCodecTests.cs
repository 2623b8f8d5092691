using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Wire
{
    /// <summary>
    /// The wire rules of layout 3, "scroll beside a still frame" (docs/protocol.md 5.2): exactly 2 frames, the scroll
    /// speed rule of a scroll item, frame 0 (still) at most 504 px wide, frame 1 (strip) at most 4096, and the two raw
    /// sizes together at most the 16,384-byte frame buffer. The reader is fed records built byte by byte here (so it
    /// meets what the writer would refuse); the writer must refuse the same things.
    /// </summary>
    [TestClass]
    public sealed class ScrollBesideStillCodecTests
    {
        private const int ItemStart = ProgramCodec.ProgramHeaderSize;

        private sealed record WireFrame(FrameHeader Header, byte[] Pixels);

        /// <summary>A Mono1 frame of zero pixels except pixel (0, 0), amber on black.</summary>
        private static WireFrame Mono1(int width, int height)
        {
            var h = new FrameHeader().Set((int)PixelFormat.Mono1, width, height);
            h.SetPaletteEntry(1, 0xFF, 0xA5, 0x01);
            byte[] px = new byte[PixelPacking.RawLength(h.Format, width, height)];
            px[0] = 0x80;
            return new WireFrame(h, px);
        }

        private static WireFrame Palette2Vector() => new(VectorCatalog.Palette2Header(), VectorCatalog.Palette2Pixels());

        private static WireFrame Mono1Vector() => new(VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());

        /// <summary>
        /// A program payload of one item written byte by byte (no writer checks): UTC+7, the given layout and speed,
        /// dwell 0, no validity, all day, no blink, the frames run-length coded where that is smaller.
        /// </summary>
        private static byte[] RawProgram(int layout, int speed, params WireFrame[] frames)
        {
            var body = new List<byte>();
            foreach (WireFrame f in frames)
            {
                byte[] tmp = new byte[(2 * f.Pixels.Length) + 64];
                int n = FrameCodec.Encode(f.Header, f.Pixels, f.Pixels.Length, tmp, 0, true);
                Assert.IsGreaterThan(0, n, WireError.Describe(-n));
                body.AddRange(tmp.AsSpan(0, n).ToArray());
            }

            byte[] p = new byte[ItemStart + ProgramCodec.ItemHeaderSize + body.Count];
            BigEndian.WriteUInt16(p, 0, 420);
            p[2] = 1;
            BigEndian.WriteUInt16(p, ItemStart, ProgramCodec.ItemHeaderSize - 2 + body.Count);
            p[ItemStart + 2] = (byte)layout;
            BigEndian.WriteUInt16(p, ItemStart + 8, speed);
            p[ItemStart + ProgramCodec.ItemFrameCountOffset] = (byte)frames.Length;
            body.CopyTo(p, ItemStart + ProgramCodec.ItemHeaderSize);
            return p;
        }

        private static int ReadError(byte[] payload)
        {
            bool ok = ProgramCodec.TryRead(payload, 0, payload.Length, new ProgramInfo(), new ProgramItem(), new FrameHeader(), out int error);
            Assert.AreEqual(ok, error == WireError.None);
            return error;
        }

        /// <summary>What the writer makes of one layout-3 item with these frames: the payload length or the negated error.</summary>
        private static int Write(int speed, params WireFrame[] frames)
        {
            var w = new ProgramWriter(new byte[WireLimits.MaxProgramBytes + 1024], 0);
            w.BeginProgram(420);
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutScrollBesideStill, ScrollSpeed = speed });
            foreach (WireFrame f in frames)
            {
                w.AddFrame(f.Header, f.Pixels, f.Pixels.Length, true);
            }

            w.EndItem();
            return w.Finish();
        }

        [TestMethod]
        public void Writer_StillAndStrip_ReadBackAsLayout3WithBothFrames()
        {
            byte[] buf = new byte[1024];
            var w = new ProgramWriter(buf, 0);
            w.BeginProgram(420);
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutScrollBesideStill, ScrollSpeed = 25, DwellMs = 9000, BlinkPeriodMs = 1000 });
            w.AddFrame(VectorCatalog.Palette2Header(), VectorCatalog.Palette2Pixels(), 12, true);
            w.AddFrame(VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels(), 8, false);
            w.EndItem();
            int n = w.Finish();
            Assert.IsGreaterThan(0, n, WireError.Describe(-n));

            var info = new ProgramInfo();
            var item = new ProgramItem();
            var frame = new FrameHeader();
            Assert.IsTrue(ProgramCodec.TryRead(buf, 0, n, info, item, frame, out int error), WireError.Describe(error));
            Assert.IsTrue(ProgramCodec.TryReadItem(buf, info.ItemOffsets[0], info.ItemLengths[0], item, frame, out _));
            Assert.AreEqual(ProgramItem.LayoutScrollBesideStill, item.Layout);
            Assert.AreEqual(2, item.FrameCount);
            Assert.AreEqual(25, item.ScrollSpeed);
            Assert.AreEqual(9000U, item.DwellMs);
            Assert.AreEqual(1000, item.BlinkPeriodMs);
            byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
            Assert.IsTrue(FrameCodec.TryDecode(buf, item.FrameOffsets[0], item.FrameLengths[0], frame, pixels, out _));
            Assert.AreEqual((int)PixelFormat.Palette2, frame.Format, "frame 0: the still frame");
            Assert.AreEqual(8, frame.Width);
            CollectionAssert.AreEqual(VectorCatalog.Palette2Pixels(), pixels.AsSpan(0, 12).ToArray());
            Assert.IsTrue(FrameCodec.TryDecode(buf, item.FrameOffsets[1], item.FrameLengths[1], frame, pixels, out _));
            Assert.AreEqual((int)PixelFormat.Mono1, frame.Format, "frame 1: the strip");
            Assert.AreEqual(16, frame.Width);
            CollectionAssert.AreEqual(VectorCatalog.Mono1Pixels(), pixels.AsSpan(0, 8).ToArray());
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        public void TryRead_FrameCountNotTwo_ReturnsBadFrameCount(int frames)
        {
            var list = new WireFrame[frames];
            for (int i = 0; i < frames; i++)
            {
                list[i] = Mono1Vector();
            }

            Assert.AreEqual(WireError.BadFrameCount, ReadError(RawProgram(ProgramItem.LayoutScrollBesideStill, 20, list)));
            Assert.AreEqual(WireError.None, ReadError(RawProgram(ProgramItem.LayoutScrollBesideStill, 20, Mono1Vector(), Mono1Vector())));
        }

        [TestMethod]
        public void Writer_FrameCountNotTwo_ReturnsBadFrameCount()
        {
            Assert.AreEqual(-WireError.BadFrameCount, Write(20, Mono1Vector()), "one frame: the strip is missing");
            Assert.AreEqual(-WireError.BadFrameCount, Write(20, Mono1Vector(), Mono1Vector(), Mono1Vector()), "a third frame");
            Assert.IsGreaterThan(0, Write(20, Mono1Vector(), Mono1Vector()));
        }

        [TestMethod]
        [DataRow(0, WireError.BadField)]
        [DataRow(1, WireError.None)]
        [DataRow(1000, WireError.None)]
        [DataRow(1001, WireError.BadField)]
        public void TryRead_ScrollSpeed_AsForAScrollItem(int speed, int expected)
        {
            Assert.AreEqual(expected, ReadError(RawProgram(ProgramItem.LayoutScrollBesideStill, speed, Palette2Vector(), Mono1Vector())));
            Assert.AreEqual(expected, ReadError(RawProgram(ProgramItem.LayoutScroll, speed, Mono1Vector())), "the same verdict for layout 1");
            int written = Write(speed, Palette2Vector(), Mono1Vector());
            Assert.AreEqual(expected == WireError.None, written > 0, "the writer agrees");
            Assert.IsTrue(written > 0 || written == -WireError.BadArgument, "the writer refuses bad settings as BadArgument");
        }

        [TestMethod]
        [DataRow(1, WireError.None)]
        [DataRow(504, WireError.None)]
        [DataRow(505, WireError.BadDimensions)]
        [DataRow(512, WireError.BadDimensions)]
        public void TryRead_StillWidth_AtMost504(int width, int expected)
        {
            Assert.AreEqual(expected, ReadError(RawProgram(ProgramItem.LayoutScrollBesideStill, 10, Mono1(width, 8), Mono1(16, 8))));
            int written = Write(10, Mono1(width, 8), Mono1(16, 8));
            Assert.AreEqual(expected, written > 0 ? WireError.None : -written, "the writer agrees");
        }

        [TestMethod]
        public void TryRead_StripOf4096_OnlyAsFrame1()
        {
            Assert.AreEqual(WireError.None, ReadError(RawProgram(ProgramItem.LayoutScrollBesideStill, 10, Mono1(8, 8), Mono1(4096, 8))));
            Assert.AreEqual(WireError.BadDimensions, ReadError(RawProgram(ProgramItem.LayoutScrollBesideStill, 10, Mono1(4096, 8), Mono1(8, 8))),
                "frame 0 is the still frame: 504 px at most");
        }

        /// <summary>Still 8x8 Mono1 = 8 bytes raw; strip W x 32 Mono1 = 4W bytes: 4094 gives 16,384 together, 4095 gives 16,388.</summary>
        [TestMethod]
        [DataRow(4094, WireError.None)]
        [DataRow(4095, WireError.TooLarge)]
        public void TryRead_RawSizesTogether_AtMostTheFrameBuffer(int stripWidth, int expected)
        {
            Assert.AreEqual(8 + (stripWidth * 4) > WireLimits.MaxFrameRawBytes, expected == WireError.TooLarge, "the arithmetic of the case");
            Assert.AreEqual(expected, ReadError(RawProgram(ProgramItem.LayoutScrollBesideStill, 10, Mono1(8, 8), Mono1(stripWidth, 32))));
            Assert.AreEqual(WireError.None, ReadError(RawProgram(ProgramItem.LayoutScroll, 10, Mono1(stripWidth, 32))), "the strip alone fits a scroll item");
            int written = Write(10, Mono1(8, 8), Mono1(stripWidth, 32));
            Assert.AreEqual(expected, written > 0 ? WireError.None : -written, "the writer agrees");
        }

        [TestMethod]
        public void TryRead_Layout3Item_AllocatesNothing()
        {
            byte[] p = RawProgram(ProgramItem.LayoutScrollBesideStill, 20, Palette2Vector(), Mono1(300, 16));
            var info = new ProgramInfo();
            var item = new ProgramItem();
            var frame = new FrameHeader();
            Assert.IsTrue(ProgramCodec.TryRead(p, 0, p.Length, info, item, frame, out _));
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++)
            {
                ProgramCodec.TryRead(p, 0, p.Length, info, item, frame, out _);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void TryDecode_AtPixelOffset_WritesOnlyThere()
        {
            byte[] frame = VectorFileBytes("frame-mono1-rle");
            byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
            var header = new FrameHeader();
            Assert.IsTrue(FrameCodec.TryDecode(frame, 0, frame.Length, WireLimits.MaxStripWidth, header, pixels, 100, out int error), WireError.Describe(error));
            CollectionAssert.AreEqual(VectorCatalog.Mono1Pixels(), pixels.AsSpan(100, 8).ToArray());
            Assert.IsTrue(Array.TrueForAll(pixels.AsSpan(0, 100).ToArray(), b => b == 0) && Array.TrueForAll(pixels.AsSpan(108).ToArray(), b => b == 0), "nothing else written");

            byte[] raw = VectorFileBytes("frame-mono1-raw");
            Assert.IsTrue(FrameCodec.TryDecode(raw, 0, raw.Length, WireLimits.MaxStripWidth, header, pixels, WireLimits.MaxFrameRawBytes - 8, out _), "ends exactly at the buffer's end");
            CollectionAssert.AreEqual(VectorCatalog.Mono1Pixels(), pixels.AsSpan(WireLimits.MaxFrameRawBytes - 8).ToArray());
            Assert.IsFalse(FrameCodec.TryDecode(frame, 0, frame.Length, WireLimits.MaxStripWidth, header, pixels, WireLimits.MaxFrameRawBytes - 7, out error));
            Assert.AreEqual(WireError.BufferTooSmall, error);
            Assert.IsFalse(FrameCodec.TryDecode(frame, 0, frame.Length, WireLimits.MaxStripWidth, header, pixels, -1, out error));
            Assert.AreEqual(WireError.BufferTooSmall, error);
        }

        private static byte[] VectorFileBytes(string name) => BoardKit.Tests.Shared.VectorFile.Load(name).Bytes;
    }
}
