using System;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Wire
{
    [TestClass]
    public sealed class ProgramCodecTests
    {
        private static int ReadError(byte[] payload, int length)
        {
            bool ok = ProgramCodec.TryRead(payload, 0, length, new ProgramInfo(), new ProgramItem(), new FrameHeader(), out int error);
            Assert.AreEqual(ok, error == WireError.None);
            return error;
        }

        private static byte[] Payload()
        {
            byte[] msg = VectorFile.Load("msg-program").Bytes;
            return msg.AsSpan(Envelope.HeaderSize, msg.Length - Envelope.Overhead).ToArray();
        }

        private static ProgramItem Static() => new ProgramItem { Layout = ProgramItem.LayoutStatic, DwellMs = 1000 };

        [TestMethod]
        public void TryRead_TruncatedAtEveryOffset_ReturnsError()
        {
            byte[] p = Payload();
            Assert.AreEqual(WireError.None, ReadError(p, p.Length));
            for (int n = 0; n < p.Length; n++)
            {
                int error = ReadError(p.AsSpan(0, n).ToArray(), n);
                Assert.AreNotEqual(WireError.None, error, "length " + n);
            }
        }

        [TestMethod]
        public void TryRead_EverySingleBitFlip_NeverThrows()
        {
            byte[] p = Payload();
            for (int bit = 0; bit < p.Length * 8; bit++)
            {
                p[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                ReadError(p, p.Length);
                p[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            }
        }

        [TestMethod]
        public void TryRead_HeaderFieldErrors_ReturnTheirCodes()
        {
            byte[] p = Payload();
            byte[] q = (byte[])p.Clone();
            q[2] = 0;
            Assert.AreEqual(WireError.BadItemCount, ReadError(q, q.Length));
            q[2] = 17;
            Assert.AreEqual(WireError.BadItemCount, ReadError(q, q.Length));
            q[2] = 3;
            Assert.AreEqual(WireError.Truncated, ReadError(q, q.Length), "third item missing");
            q = (byte[])p.Clone();
            q[3] = 1;
            Assert.AreEqual(WireError.ReservedBitsSet, ReadError(q, q.Length));
            q = (byte[])p.Clone();
            BigEndian.WriteUInt16(q, 0, 841);
            Assert.AreEqual(WireError.BadField, ReadError(q, q.Length));
            q = (byte[])p.Clone();
            BigEndian.WriteUInt16(q, 4, 0xFFFF);
            Assert.AreEqual(WireError.Truncated, ReadError(q, q.Length), "item length above remaining");
            q = (byte[])p.Clone();
            BigEndian.WriteUInt16(q, 4, 5);
            Assert.AreEqual(WireError.LengthMismatch, ReadError(q, q.Length), "item length below its header");
        }

        [TestMethod]
        public void TryRead_ItemFieldErrors_ReturnBadField()
        {
            // Item 0 starts at payload offset 4: layout at +2, level at +3, speed at +8, schedule at +18/+20, frame count at +22.
            // Layout 4 is unknown: BadField, as layout 3 is on a board from before "scroll beside a still frame". Here layout
            // 3 passes the settings (a scroll speed is set) and meets its frame count rule: 2 frames, not 1.
            (int Offset, byte Value, int Error)[] cases =
            {
                (6, 4, WireError.BadField), (6, 0xFF, WireError.BadField), (6, 3, WireError.BadFrameCount), (7, 3, WireError.BadField), (13, 0, WireError.BadField),
                (22, 0x06, WireError.BadField), (24, 0x06, WireError.BadField), (26, 0, WireError.BadFrameCount),
                (26, 2, WireError.BadFrameCount), (6, 0, WireError.BadField),
            };
            foreach (var c in cases)
            {
                byte[] q = Payload();
                q[c.Offset] = c.Value;
                Assert.AreEqual(c.Error, ReadError(q, q.Length), "offset " + c.Offset);
            }
        }

        [TestMethod]
        public void TryRead_BlinkPeriodOutOfRange_ReturnsBadField()
        {
            // Item 0 starts at payload offset 4; its blink period is at +23..+24 = payload 27..28.
            int[] rejected = { 1, 199, 200, 499, 10001, 0xFFFF };
            foreach (int blink in rejected)
            {
                byte[] q = Payload();
                BigEndian.WriteUInt16(q, 4 + ProgramCodec.ItemBlinkPeriodOffset, blink);
                Assert.AreEqual(WireError.BadField, ReadError(q, q.Length), "blink " + blink);
            }

            int[] accepted = { 0, ProgramItem.MinBlinkPeriodMs, 1000, ProgramItem.MaxBlinkPeriodMs };
            foreach (int blink in accepted)
            {
                byte[] q = Payload();
                BigEndian.WriteUInt16(q, 4 + ProgramCodec.ItemBlinkPeriodOffset, blink);
                Assert.AreEqual(WireError.None, ReadError(q, q.Length), "blink " + blink);
            }
        }

        [TestMethod]
        public void Writer_BlinkPeriodOutOfRange_ReturnsBadArgument()
        {
            byte[] buf = new byte[256];
            foreach (int blink in new[] { -1, 1, 199, 499, 10001, 0x10000 })
            {
                var w = new ProgramWriter(buf, 0);
                w.BeginAlert();
                w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutStatic, Level = ProgramItem.LevelEmergency, BlinkPeriodMs = blink });
                Assert.AreEqual(-WireError.BadArgument, w.Finish(), "blink " + blink);
            }
        }

        [TestMethod]
        public void Writer_BlinkPeriod_RoundTripsAndIsCopied()
        {
            byte[] buf = new byte[256];
            foreach (int blink in new[] { 0, ProgramItem.MinBlinkPeriodMs, 1000, 0x0A5A, ProgramItem.MaxBlinkPeriodMs })
            {
                var w = new ProgramWriter(buf, 0);
                w.BeginAlert();
                w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutStatic, Level = ProgramItem.LevelEmergency, DwellMs = 5000, BlinkPeriodMs = blink });
                w.AddFrame(VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels(), 8, true);
                w.EndItem();
                int n = w.Finish();
                Assert.IsGreaterThan(0, n, WireError.Describe(-n));
                Assert.AreEqual(blink, BigEndian.ReadUInt16(buf, ProgramCodec.ItemBlinkPeriodOffset), "written big-endian at offset 23");
                Assert.AreEqual(ProgramCodec.ItemHeaderSize, 25);
                Assert.AreEqual((int)PixelFormat.Mono1, buf[ProgramCodec.ItemHeaderSize], "the first frame starts at offset 25");
                var read = new ProgramItem { BlinkPeriodMs = 0x7777 };
                Assert.IsTrue(ProgramCodec.TryReadItem(buf, 0, n, read, new FrameHeader(), out int error), WireError.Describe(error));
                Assert.AreEqual(blink, read.BlinkPeriodMs);
                var copy = new ProgramItem();
                copy.CopySettingsFrom(read);
                Assert.AreEqual(blink, copy.BlinkPeriodMs);
            }
        }

        [TestMethod]
        public void Writer_RoundTrip_ManyItemsAndExtensionBytesIgnored()
        {
            byte[] buf = new byte[WireLimits.MaxProgramBytes];
            var w = new ProgramWriter(buf, 0);
            w.BeginProgram(-300);
            for (int i = 0; i < WireLimits.MaxItems; i++)
            {
                ProgramItem item = i % 2 == 0 ? Static() : new ProgramItem { Layout = ProgramItem.LayoutPage, Level = 2, DwellMs = (uint)i, ScheduleStartMinute = 60, ScheduleEndMinute = 1440 };
                w.BeginItem(item);
                w.AddFrame(VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels(), 8, i % 3 == 0);
                if (item.Layout == ProgramItem.LayoutPage)
                {
                    w.AddFrame(VectorCatalog.Palette4Header(), VectorCatalog.Palette4Pixels(), 12, true);
                }

                w.EndItem();
            }

            int n = w.Finish();
            Assert.IsGreaterThan(0, n, WireError.Describe(-n));
            var info = new ProgramInfo();
            var read = new ProgramItem();
            var frame = new FrameHeader();
            Assert.IsTrue(ProgramCodec.TryRead(buf, 0, n, info, read, frame, out _));
            Assert.AreEqual(-300, info.UtcOffsetMinutes);
            Assert.AreEqual(WireLimits.MaxItems, info.ItemCount);
            Assert.IsTrue(ProgramCodec.TryReadItem(buf, info.ItemOffsets[5], info.ItemLengths[5], read, frame, out _));
            Assert.AreEqual(2, read.FrameCount);
            Assert.AreEqual(5U, read.DwellMs);

            // Extension bytes at the end of an item and of the program are skipped by v1 readers.
            byte[] ext = new byte[n + 10];
            Array.Copy(buf, ext, info.ItemOffsets[1]);
            int firstEnd = info.ItemOffsets[1];
            ext[firstEnd] = 0xEE;
            ext[firstEnd + 1] = 0xA5;
            Array.Copy(buf, firstEnd, ext, firstEnd + 2, n - firstEnd);
            BigEndian.WriteUInt16(ext, 4, BigEndian.ReadUInt16(buf, 4) + 2);
            ext[n + 2] = 0x80;
            Assert.IsTrue(ProgramCodec.TryRead(ext, 0, n + 3, info, read, frame, out int error), WireError.Describe(error));
            Assert.AreEqual(WireLimits.MaxItems, info.ItemCount);
        }

        [TestMethod]
        public void Writer_Limits_AreEnforced()
        {
            byte[] buf = new byte[WireLimits.MaxProgramBytes];
            var w = new ProgramWriter(buf, 0);
            w.BeginProgram(0);
            for (int i = 0; i <= WireLimits.MaxItems; i++)
            {
                w.BeginItem(Static());
                w.AddFrame(VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels(), 8, true);
                w.EndItem();
            }

            Assert.AreEqual(-WireError.BadItemCount, w.Finish());

            w = new ProgramWriter(buf, 0);
            w.BeginProgram(0);
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutPage });
            for (int i = 0; i <= WireLimits.MaxFramesPerItem; i++)
            {
                w.AddFrame(VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels(), 8, true);
            }

            Assert.AreEqual(WireError.BadFrameCount, w.Error);

            w = new ProgramWriter(buf, 0);
            w.BeginProgram(0);
            w.BeginItem(Static());
            w.AddFrame(new FrameHeader().Set(1, 513, 1), new byte[65], 65, true);
            Assert.AreEqual(WireError.BadDimensions, w.Error);

            w = new ProgramWriter(buf, 0);
            w.BeginProgram(0);
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutScroll, ScrollSpeed = 30 });
            w.AddFrame(new FrameHeader().Set(1, 4096, 16), new byte[8192], 8192, true);
            w.EndItem();
            Assert.IsGreaterThan(0, w.Finish());

            w = new ProgramWriter(new byte[100], 0);
            w.BeginProgram(0);
            w.BeginItem(Static());
            w.AddFrame(new FrameHeader().Set(24, 8, 8), new byte[192], 192, false);
            Assert.AreEqual(-WireError.BufferTooSmall, w.Finish());

            w = new ProgramWriter(buf, 0);
            w.BeginProgram(0);
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutScroll, ScrollSpeed = 0 });
            Assert.AreEqual(-WireError.BadArgument, w.Finish());

            w = new ProgramWriter(buf, 0);
            w.BeginProgram(0);
            Assert.AreEqual(-WireError.BadItemCount, w.Finish());
        }

        [TestMethod]
        public void TryRead_StaticFrameWiderThanPanel_ReturnsBadDimensions()
        {
            byte[] buf = new byte[2000];
            var w = new ProgramWriter(buf, 0);
            w.BeginProgram(0);
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutScroll, ScrollSpeed = 10 });
            w.AddFrame(new FrameHeader().Set(1, 600, 1), new byte[75], 75, false);
            w.EndItem();
            int n = w.Finish();
            Assert.AreEqual(WireError.None, ReadError(buf, n));
            buf[6] = ProgramItem.LayoutStatic;
            buf[12] = 0;
            buf[13] = 0;
            Assert.AreEqual(WireError.BadDimensions, ReadError(buf, n));
        }

        [TestMethod]
        public void TryRead_RandomBytes_NeverThrowAndAllocateNothing()
        {
            var info = new ProgramInfo();
            var item = new ProgramItem();
            var frame = new FrameHeader();
            byte[] p = Payload();
            byte[] buf = new byte[p.Length + 50];
            var rng = new TestKit.Rng(0x01);
            ProgramCodec.TryRead(p, 0, p.Length, info, item, frame, out _);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 5000; i++)
            {
                Array.Copy(p, buf, p.Length);
                int flips = 1 + rng.Below(6);
                for (int f = 0; f < flips; f++)
                {
                    buf[rng.Below(buf.Length)] = (byte)rng.Next();
                }

                ProgramCodec.TryRead(buf, 0, rng.Below(buf.Length + 1), info, item, frame, out _);
                ProgramCodec.TryReadItem(buf, 4, buf.Length - 4, item, frame, out _);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void ProgramItem_ScheduleAndValidity_Windows()
        {
            var item = new ProgramItem { ScheduleStartMinute = 1320, ScheduleEndMinute = 360, ValidFrom = 100, ValidUntil = 200 };
            Assert.IsTrue(item.IsScheduledAt(1400));
            Assert.IsTrue(item.IsScheduledAt(0));
            Assert.IsFalse(item.IsScheduledAt(360));
            Assert.IsFalse(item.IsScheduledAt(720));
            Assert.IsTrue(item.IsValidAt(100));
            Assert.IsFalse(item.IsValidAt(200));
            Assert.IsFalse(item.IsValidAt(99));
            Assert.IsTrue(new ProgramItem().IsScheduledAt(5));
            Assert.IsTrue(new ProgramItem().IsValidAt(0));
        }
    }

    [TestClass]
    public sealed class PayloadCodecTests
    {
        [TestMethod]
        public void CommandCodec_RoundTripAndErrors()
        {
            byte[] buf = new byte[8];
            var c = new Command();
            foreach (var cmd in new[]
            {
                new Command { Code = Command.CodeBrightness, BrightnessMode = 0, BrightnessValue = 255 },
                new Command { Code = Command.CodeIdentify, IdentifySeconds = 3600 },
                new Command { Code = Command.CodeReboot },
                new Command { Code = Command.CodeRequestStatus },
            })
            {
                int n = CommandCodec.Write(cmd, buf, 0);
                Assert.IsTrue(CommandCodec.TryRead(buf, 0, n, c, out _));
                Assert.AreEqual(cmd.Code, c.Code);
                Assert.AreEqual(cmd.BrightnessValue, c.BrightnessValue);
                Assert.AreEqual(cmd.IdentifySeconds, c.IdentifySeconds);
                for (int k = 0; k < n; k++)
                {
                    Assert.IsFalse(CommandCodec.TryRead(buf, 0, k, c, out int e) && k < n && cmd.Code <= 2, "length " + k);
                }
            }

            Assert.AreEqual(-WireError.BadArgument, CommandCodec.Write(new Command { Code = 9 }, buf, 0));
            Assert.AreEqual(-WireError.BadArgument, CommandCodec.Write(new Command { Code = 1, BrightnessMode = 1, BrightnessValue = 101 }, buf, 0));
            Assert.AreEqual(-WireError.BadArgument, CommandCodec.Write(new Command { Code = 2, IdentifySeconds = 0 }, buf, 0));
            Assert.IsFalse(CommandCodec.TryRead(new byte[] { 9 }, 0, 1, c, out int unknown));
            Assert.AreEqual(WireError.UnknownCommand, unknown);
            Assert.IsFalse(CommandCodec.TryRead(new byte[] { 1, 2, 0 }, 0, 3, c, out int mode));
            Assert.AreEqual(WireError.BadField, mode);
            Assert.IsFalse(CommandCodec.TryRead(new byte[] { 2, 0x0E, 0x11 }, 0, 3, c, out int secs));
            Assert.AreEqual(WireError.BadField, secs);
            Assert.IsTrue(CommandCodec.TryRead(new byte[] { 3, 0xEE }, 0, 2, c, out _), "extension byte ignored");
        }

        [TestMethod]
        public void StatusCodec_UnknownTagSkipped_BadLengthRejected()
        {
            byte[] p = { 0x7E, 2, 0xAA, 0xBB, BoardStatus.TagBrightness, 1, 0x80 };
            var s = new BoardStatus();
            Assert.IsTrue(StatusCodec.TryRead(p, 0, p.Length, s, out _));
            Assert.AreEqual(0x80, s.Brightness);
            Assert.AreEqual(1 << BoardStatus.TagBrightness, s.Present);
            p[5] = 2;
            Assert.IsFalse(StatusCodec.TryRead(p, 0, p.Length, s, out int e));
            Assert.AreEqual(WireError.Truncated, e);
            byte[] q = { BoardStatus.TagUptime, 2, 0, 1 };
            Assert.IsFalse(StatusCodec.TryRead(q, 0, q.Length, s, out e));
            Assert.AreEqual(WireError.BadField, e);
            Assert.IsTrue(StatusCodec.TryRead(q, 0, 0, s, out _), "empty status is valid");
            Assert.AreEqual(string.Empty, s.GetFirmwareVersion());
        }

        [TestMethod]
        public void StatusCodec_TruncatedAtEveryOffset_NeverThrows()
        {
            byte[] msg = VectorFile.Load("msg-status").Bytes;
            int len = msg.Length - Envelope.Overhead;
            var s = new BoardStatus();
            int rejected = 0;
            for (int n = 0; n < len; n++)
            {
                if (!StatusCodec.TryRead(msg, Envelope.HeaderSize, n, s, out _))
                {
                    rejected++;
                }
            }

            Assert.IsGreaterThan(len / 2, rejected);
        }

        [TestMethod]
        public void EventAndAlertClear_TruncatedAndRandom_NeverThrow()
        {
            var ev = new BoardEvent();
            var rng = new TestKit.Rng(3);
            byte[] buf = new byte[40];
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 3000; i++)
            {
                for (int j = 0; j < buf.Length; j++)
                {
                    buf[j] = (byte)rng.Next();
                }

                int n = rng.Below(buf.Length);
                EventCodec.TryRead(buf, 0, n, ev, out _);
                AlertClearCodec.TryRead(buf, 0, n, out _, out _);
                CommandCodec.TryRead(buf, 0, n, new Command(), out _);
            }

            Assert.IsFalse(EventCodec.TryRead(buf, 0, 15, ev, out int e));
            Assert.AreEqual(WireError.Truncated, e);
            Assert.IsFalse(AlertClearCodec.TryRead(buf, 0, 7, out _, out e));
            Assert.AreEqual(WireError.Truncated, e);
        }

        [TestMethod]
        public void StatusCodec_RandomBytes_AllocateNothing()
        {
            var s = new BoardStatus();
            var rng = new TestKit.Rng(11);
            byte[] buf = new byte[300];
            StatusCodec.TryRead(buf, 0, 10, s, out _);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 5000; i++)
            {
                for (int j = 0; j < buf.Length; j++)
                {
                    buf[j] = rng.Below(4) == 0 ? (byte)rng.Below(14) : (byte)rng.Next();
                }

                StatusCodec.TryRead(buf, 0, rng.Below(buf.Length), s, out _);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
