using System;
using System.IO;
using System.Globalization;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Tests.Shared;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    [TestClass]
    public sealed class VectorTests
    {
        /// <summary>
        /// Every vector file is exactly what VectorCatalog generates, annotations included, so the files, the codec and
        /// docs/protocol.md cannot drift apart. After a deliberate protocol change, run with BK_WRITE_VECTORS=1 to
        /// rewrite the files (the comparison then still runs), and review the diff of the .hex files before committing.
        /// </summary>
        [TestMethod]
        public void Files_AreWhatTheCatalogGenerates()
        {
            bool write = Environment.GetEnvironmentVariable("BK_WRITE_VECTORS") == "1";
            string dir = VectorFile.FindSourceDirectory() ?? throw new DirectoryNotFoundException("tests/vectors");
            int checkedFiles = 0;
            foreach (var (name, text) in GeneratedFiles())
            {
                string path = Path.Combine(dir, name + ".hex");
                if (write)
                {
                    File.WriteAllText(path, text);
                }

                Assert.AreEqual(text, File.ReadAllText(path),
                    name + ".hex is not what VectorCatalog generates; after a deliberate protocol change run the tests with BK_WRITE_VECTORS=1 and review the diff.");
                checkedFiles++;
            }

            Assert.AreEqual(VectorCatalog.Frames().Length + VectorCatalog.Messages().Length, checkedFiles);
        }

        private static System.Collections.Generic.IEnumerable<(string Name, string Text)> GeneratedFiles()
        {
            foreach (var spec in VectorCatalog.Frames())
            {
                byte[] bytes = VectorCatalog.EncodeFrame(spec);
                var w = new VectorFileWriter()
                    .Meta("vector", spec.Name)
                    .Meta("description", spec.Description)
                    .Meta("format", spec.Header.Format.ToString(CultureInfo.InvariantCulture))
                    .Meta("width", spec.Header.Width.ToString(CultureInfo.InvariantCulture))
                    .Meta("height", spec.Header.Height.ToString(CultureInfo.InvariantCulture))
                    .Meta("palette", VectorFile.ToHex(spec.Header.Palette, 0, 3 * PixelPacking.PaletteEntries(spec.Header.Format)))
                    .Meta("pixels", VectorFile.ToHex(spec.Pixels, 0, spec.Pixels.Length))
                    .Meta("compressed", (bytes[1] & 1) != 0 ? "true" : "false")
                    .Comment("Encoder input: FrameCodec.Encode(header, pixels, allowCompression: " + (spec.AllowCompression ? "true" : "false") + ")");
                VectorAnnotator.AnnotateFrame(bytes, w);
                yield return (spec.Name, w.ToString());
            }

            foreach (var spec in VectorCatalog.Messages())
            {
                byte[] bytes = spec.Build();
                var w = new VectorFileWriter()
                    .Meta("vector", spec.Name)
                    .Meta("description", spec.Description)
                    .Meta("key", VectorFile.ToHex(VectorCatalog.Key(), 0, 32))
                    .Meta("key-id", VectorCatalog.KeyId.ToString(CultureInfo.InvariantCulture))
                    .Meta("board", VectorCatalog.BoardIdText)
                    .Meta("board-hash", VectorFile.ToHex(VectorCatalog.BoardHash(), 0, 8))
                    .Meta("session", "0x" + VectorCatalog.Session.ToString("X16", CultureInfo.InvariantCulture));
                VectorAnnotator.AnnotateMessage(bytes, w);
                yield return (spec.Name, w.ToString());
            }
        }

        [TestMethod]
        public void Files_EveryCatalogEntry_HasAFile()
        {
            string[] names = VectorFile.AllNames();
            foreach (var f in VectorCatalog.Frames())
            {
                CollectionAssert.Contains(names, f.Name);
            }

            foreach (var m in VectorCatalog.Messages())
            {
                CollectionAssert.Contains(names, m.Name);
            }
        }

        [TestMethod]
        public void EncodeFrame_EveryFrameVector_ReproducesFile()
        {
            foreach (var spec in VectorCatalog.Frames())
            {
                VectorFile file = VectorFile.Load(spec.Name);
                CollectionAssert.AreEqual(file.Bytes, VectorCatalog.EncodeFrame(spec), spec.Name);
            }
        }

        [TestMethod]
        public void Build_EveryMessageVector_ReproducesFile()
        {
            foreach (var spec in VectorCatalog.Messages())
            {
                VectorFile file = VectorFile.Load(spec.Name);
                CollectionAssert.AreEqual(file.Bytes, spec.Build(), spec.Name);
            }
        }

        [TestMethod]
        public void DecodeFrame_EveryFrameVector_GivesMetadataValues()
        {
            foreach (var spec in VectorCatalog.Frames())
            {
                VectorFile file = VectorFile.Load(spec.Name);
                var header = new FrameHeader();
                byte[] pixels = new byte[PixelPacking.RawLength((int)file.GetInt("format"), (int)file.GetInt("width"), (int)file.GetInt("height"))];
                Assert.IsTrue(FrameCodec.TryDecode(file.Bytes, 0, file.Bytes.Length, header, pixels, out int error), spec.Name + ": " + WireError.Describe(error));
                Assert.AreEqual((int)file.GetInt("format"), header.Format, spec.Name);
                Assert.AreEqual((int)file.GetInt("width"), header.Width, spec.Name);
                Assert.AreEqual((int)file.GetInt("height"), header.Height, spec.Name);
                Assert.AreEqual(file.Get("compressed") == "true", header.Compressed, spec.Name);
                Assert.AreEqual(file.Bytes.Length, header.EncodedLength, spec.Name);
                CollectionAssert.AreEqual(file.GetHex("pixels"), pixels, spec.Name);
                byte[] palette = file.GetHex("palette");
                CollectionAssert.AreEqual(palette, header.Palette.AsSpan(0, palette.Length).ToArray(), spec.Name);
            }
        }

        [TestMethod]
        public void DecodeFrame_CompressedVectors_AreSmallerThanRaw()
        {
            foreach (var spec in VectorCatalog.Frames())
            {
                if (spec.AllowCompression)
                {
                    VectorFile rle = VectorFile.Load(spec.Name);
                    VectorFile raw = VectorFile.Load(spec.Name.Replace("-rle", "-raw", StringComparison.Ordinal));
                    Assert.AreEqual("true", rle.Get("compressed"), spec.Name);
                    Assert.IsLessThan(raw.Bytes.Length, rle.Bytes.Length, spec.Name);
                }
            }
        }

        [TestMethod]
        public void Open_EveryMessageVector_VerifiesWithVectorKey()
        {
            foreach (var spec in VectorCatalog.Messages())
            {
                VectorFile file = VectorFile.Load(spec.Name);
                var ring = new KeyRing(1);
                ring.AddTestVectorKey((int)file.GetInt("key-id"), file.GetHex("key"));
                byte[] boardHash = new byte[8];
                Assert.IsTrue(BoardId.ComputeHash(file.Get("board"), boardHash, 0));
                CollectionAssert.AreEqual(file.GetHex("board-hash"), boardHash);
                var header = new EnvelopeHeader();
                Assert.IsTrue(Envelope.TryOpen(file.Bytes, 0, file.Bytes.Length, boardHash, ring, header, out int error), spec.Name + ": " + WireError.Describe(error));
            }
        }

        [TestMethod]
        public void DecodeProgram_Vector_GivesCatalogValues()
        {
            byte[] msg = VectorFile.Load("msg-program").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(MessageKind.Program, h.Kind);
            Assert.AreEqual(VectorCatalog.ProgramSequence, h.Sequence);
            Assert.AreEqual(0UL, h.Session);
            Assert.AreEqual(VectorCatalog.IssuedAt, h.IssuedAt);
            var info = new ProgramInfo();
            var item = new ProgramItem();
            var frame = new FrameHeader();
            Assert.IsTrue(ProgramCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, info, item, frame, out int error), WireError.Describe(error));
            Assert.AreEqual(420, info.UtcOffsetMinutes);
            Assert.AreEqual(2, info.ItemCount);

            Assert.IsTrue(ProgramCodec.TryReadItem(msg, info.ItemOffsets[0], info.ItemLengths[0], item, frame, out error));
            AssertItem(VectorCatalog.ProgramItem0(), item, 1);
            AssertFrame(msg, item, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());

            Assert.IsTrue(ProgramCodec.TryReadItem(msg, info.ItemOffsets[1], info.ItemLengths[1], item, frame, out error));
            AssertItem(VectorCatalog.ProgramItem1(), item, 2);
            AssertFrame(msg, item, 0, VectorCatalog.Palette2Header(), VectorCatalog.Palette2Pixels());
            AssertFrame(msg, item, 1, VectorCatalog.Rgb888Header(), VectorCatalog.Rgb888Pixels());
        }

        [TestMethod]
        public void DecodeAlert_Vector_GivesCatalogValues()
        {
            byte[] msg = VectorFile.Load("msg-alert").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(MessageKind.Alert, h.Kind);
            Assert.AreEqual(VectorCatalog.AlertSequence, h.Sequence);
            var item = new ProgramItem();
            Assert.IsTrue(ProgramCodec.TryReadItem(msg, h.PayloadOffset, h.PayloadLength, item, new FrameHeader(), out int error), WireError.Describe(error));
            AssertItem(VectorCatalog.AlertItem(), item, 1);
            AssertFrame(msg, item, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());
        }

        [TestMethod]
        public void DecodeAlertClear_Vector_NamesAlertSequence()
        {
            byte[] msg = VectorFile.Load("msg-alert-clear").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(MessageKind.AlertClear, h.Kind);
            Assert.AreEqual(VectorCatalog.AlertClearSequence, h.Sequence);
            Assert.IsTrue(AlertClearCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, out ulong alertSeq, out _));
            Assert.AreEqual(VectorCatalog.AlertSequence, alertSeq);
        }

        [TestMethod]
        public void DecodeCommand_Vectors_GiveCatalogValues()
        {
            var cmd = new Command();
            byte[] msg = VectorFile.Load("msg-command-brightness").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(MessageKind.Command, h.Kind);
            Assert.AreEqual(VectorCatalog.Session, h.Session);
            Assert.IsTrue(CommandCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, cmd, out _));
            Assert.AreEqual(Command.CodeBrightness, cmd.Code);
            Assert.AreEqual(Command.BrightnessModePercent, cmd.BrightnessMode);
            Assert.AreEqual(80, cmd.BrightnessValue);
            Assert.AreEqual(204, cmd.BrightnessLevel);

            msg = VectorFile.Load("msg-command-identify").Bytes;
            h = TestKit.Open(msg);
            Assert.IsTrue(CommandCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, cmd, out _));
            Assert.AreEqual(Command.CodeIdentify, cmd.Code);
            Assert.AreEqual(300, cmd.IdentifySeconds);
        }

        [TestMethod]
        public void DecodeLiveFrame_Vector_GivesCatalogFrame()
        {
            byte[] msg = VectorFile.Load("msg-live-frame").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(MessageKind.LiveFrame, h.Kind);
            Assert.AreEqual(VectorCatalog.LiveFrameSequence, h.Sequence);
            var header = new FrameHeader();
            byte[] pixels = new byte[24];
            Assert.IsTrue(FrameCodec.TryDecode(msg, h.PayloadOffset, h.PayloadLength, WireLimits.MaxPanelWidth, header, pixels, out _));
            Assert.IsTrue(header.Compressed);
            CollectionAssert.AreEqual(VectorCatalog.Rgb888Pixels(), pixels);
        }

        [TestMethod]
        public void DecodeStatus_Vector_GivesCatalogValues()
        {
            byte[] msg = VectorFile.Load("msg-status").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(MessageKind.Status, h.Kind);
            var s = new BoardStatus();
            Assert.IsTrue(StatusCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, s, out _));
            BoardStatus e = VectorCatalog.StatusValue();
            Assert.AreEqual(e.Present, s.Present);
            Assert.AreEqual("1.0.0-a5", s.GetFirmwareVersion());
            Assert.AreEqual(e.UptimeSeconds, s.UptimeSeconds);
            Assert.AreEqual(e.FreeHeapBytes, s.FreeHeapBytes);
            Assert.AreEqual(-67, s.WifiRssiDbm);
            Assert.AreEqual(e.ProgramSequence, s.ProgramSequence);
            Assert.AreEqual(1, s.ProgramItemIndex);
            Assert.AreEqual(BoardStatus.AlertCleared, s.AlertState);
            Assert.AreEqual(e.AlertSequence, s.AlertSequence);
            Assert.AreEqual(850U, s.LedCurrentMa);
            Assert.AreEqual(3U, s.RejectedCount);
            Assert.AreEqual(1U, s.BadTagCount);
            Assert.AreEqual(2U, s.ReplayCount);
            Assert.AreEqual(0U, s.DecodeErrorCount);
            Assert.AreEqual(0x80U, s.ButtonPresses);
            Assert.AreEqual(WireError.Replay, s.LastRejectionCode);
            Assert.AreEqual(MessageKind.Program, s.LastRejectionKind);
            Assert.AreEqual(0xA5, s.Brightness);
            Assert.AreEqual(2, s.KeyIdCount);
            Assert.AreEqual(2, s.KeyIds[1]);
        }

        [TestMethod]
        public void DecodeEvent_Vector_GivesCatalogValues()
        {
            byte[] msg = VectorFile.Load("msg-event").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(MessageKind.Event, h.Kind);
            var ev = new BoardEvent();
            Assert.IsTrue(EventCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, ev, out _));
            BoardEvent e = VectorCatalog.EventValue();
            Assert.AreEqual(e.Code, ev.Code);
            Assert.AreEqual(e.Detail, ev.Detail);
            Assert.AreEqual(e.Kind, ev.Kind);
            Assert.AreEqual(e.Sequence, ev.Sequence);
            Assert.AreEqual(e.UptimeSeconds, ev.UptimeSeconds);
        }

        private static void AssertItem(ProgramItem expected, ProgramItem actual, int frames)
        {
            Assert.AreEqual(expected.Layout, actual.Layout);
            Assert.AreEqual(expected.Level, actual.Level);
            Assert.AreEqual(expected.DwellMs, actual.DwellMs);
            Assert.AreEqual(expected.ScrollSpeed, actual.ScrollSpeed);
            Assert.AreEqual(expected.ValidFrom, actual.ValidFrom);
            Assert.AreEqual(expected.ValidUntil, actual.ValidUntil);
            Assert.AreEqual(expected.ScheduleStartMinute, actual.ScheduleStartMinute);
            Assert.AreEqual(expected.ScheduleEndMinute, actual.ScheduleEndMinute);
            Assert.AreEqual(expected.BlinkPeriodMs, actual.BlinkPeriodMs);
            Assert.AreEqual(frames, actual.FrameCount);
        }

        private static void AssertFrame(byte[] msg, ProgramItem item, int index, FrameHeader expected, byte[] expectedPixels)
        {
            var header = new FrameHeader();
            byte[] pixels = new byte[expectedPixels.Length];
            Assert.IsTrue(FrameCodec.TryDecode(msg, item.FrameOffsets[index], item.FrameLengths[index], header, pixels, out int error), WireError.Describe(error));
            Assert.AreEqual(item.FrameLengths[index], header.EncodedLength);
            Assert.AreEqual(expected.Format, header.Format);
            Assert.AreEqual(expected.Width, header.Width);
            Assert.AreEqual(expected.Height, header.Height);
            CollectionAssert.AreEqual(expected.Palette, header.Palette);
            CollectionAssert.AreEqual(expectedPixels, pixels);
        }
    }
}
