using System;
using System.IO;
using System.Globalization;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Tests.Board;
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

            Assert.AreEqual(VectorCatalog.Frames().Length + VectorCatalog.Messages().Length + VectorCatalog.States().Length + VectorCatalog.Negatives().Length, checkedFiles);
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
                    .Meta("key", VectorFile.ToHex(spec.SignerKey(), 0, 32))
                    .Meta("key-id", spec.SignerKeyId.ToString(CultureInfo.InvariantCulture))
                    .Meta("board", VectorCatalog.BoardIdText)
                    .Meta("board-hash", VectorFile.ToHex(VectorCatalog.BoardHash(), 0, 8))
                    .Meta("session", "0x" + VectorCatalog.Session.ToString("X16", CultureInfo.InvariantCulture));
                VectorAnnotator.AnnotateMessage(bytes, w);
                yield return (spec.Name, w.ToString());
            }

            var tagNames = VectorCatalog.TagNames();
            foreach (var spec in VectorCatalog.States())
            {
                byte[] bytes = spec.Build();
                VectorCatalog.StateValues v = spec.Values;
                var w = new VectorFileWriter()
                    .Meta("vector", spec.Name)
                    .Meta("description", spec.Description)
                    .Meta("generation", v.Generation.ToString(CultureInfo.InvariantCulture))
                    .Meta("epoch", v.Epoch.ToString(CultureInfo.InvariantCulture))
                    .Meta("time-lower-bound", v.TimeLowerBound.ToString(CultureInfo.InvariantCulture))
                    .Meta("recovering", v.Recovering ? "true" : "false")
                    .Meta("recovery-floor", v.RecoveryFloor.ToString(CultureInfo.InvariantCulture));
                string[] streams = { "program", "alert", "preset" };
                for (int s = 0; s < streams.Length; s++)
                {
                    VectorCatalog.StreamRecord r = v.Stream(s);
                    w.Meta(streams[s] + "-key-id", r.KeyId.ToString(CultureInfo.InvariantCulture))
                        .Meta(streams[s] + "-sequence", "0x" + r.Sequence.ToString("X16", CultureInfo.InvariantCulture))
                        .Meta(streams[s] + "-tag", VectorFile.ToHex(r.Tag, 0, 32));
                }

                if (spec.RestoredProgram != null)
                {
                    w.Meta("restored-program", spec.RestoredProgram);
                }

                VectorAnnotator.AnnotateState(bytes, w, tagNames);
                yield return (spec.Name, w.ToString());
            }

            foreach (var spec in VectorCatalog.Negatives())
            {
                byte[] bytes = spec.Build();
                var w = new VectorFileWriter()
                    .Meta("vector", spec.Name)
                    .Meta("description", spec.Description)
                    .Meta("expect", WireErrorName.Of(spec.Expect));
                if (spec.BoardTime != 0)
                {
                    w.Meta("board-time", spec.BoardTime.ToString(CultureInfo.InvariantCulture));
                }

                if (spec.NetworkTime)
                {
                    w.Meta("network-time", "yes");
                }

                if (spec.State != null)
                {
                    w.Meta("state", spec.State);
                }

                if (spec.After != null)
                {
                    w.Meta("after", string.Join(" ", spec.After));
                }

                w.Meta("key", VectorFile.ToHex(VectorCatalog.Key(), 0, 32))
                    .Meta("key-id", VectorCatalog.KeyId.ToString(CultureInfo.InvariantCulture))
                    .Meta("board", VectorCatalog.BoardIdText)
                    .Meta("board-hash", VectorFile.ToHex(VectorCatalog.BoardHash(), 0, 8))
                    .Meta("session", "0x" + VectorCatalog.Session.ToString("X16", CultureInfo.InvariantCulture));
                VectorAnnotator.AnnotateMessage(bytes, w, spec.Notes);
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
        public void Files_EveryHexFile_IsACatalogEntry()
        {
            var expected = new System.Collections.Generic.List<string>();
            foreach (var f in VectorCatalog.Frames())
            {
                expected.Add(f.Name);
            }

            foreach (var m in VectorCatalog.Messages())
            {
                expected.Add(m.Name);
            }

            foreach (var s in VectorCatalog.States())
            {
                expected.Add(s.Name);
            }

            foreach (var n in VectorCatalog.Negatives())
            {
                expected.Add(n.Name);
            }

            expected.Sort(StringComparer.Ordinal);
            string dir = VectorFile.FindSourceDirectory() ?? VectorFile.Directory;
            string[] names = Array.ConvertAll(Directory.GetFiles(dir, "*.hex"), f => Path.GetFileNameWithoutExtension(f)!);
            Array.Sort(names, StringComparer.Ordinal);
            CollectionAssert.AreEqual(expected, names, "one .hex file per catalog entry, no strays");
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
                KeyRing ring = TestKit.KeysOf(file);
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

        [TestMethod]
        public void Open_EveryTruncationAndBitFlipOfEveryMessageVector_IsRefused()
        {
            foreach (var spec in VectorCatalog.Messages())
            {
                VectorFile file = VectorFile.Load(spec.Name);
                KeyRing ring = TestKit.KeysOf(file);
                byte[] hash = file.GetHex("board-hash");
                byte[] msg = (byte[])file.Bytes.Clone();
                var header = new EnvelopeHeader();
                for (int n = 0; n < msg.Length; n++)
                {
                    Assert.IsFalse(Envelope.TryOpen(msg, 0, n, hash, ring, header, out _), spec.Name + " cut to " + n);
                    Assert.IsFalse(Envelope.TryOpen(msg.AsSpan(0, n).ToArray(), 0, n, hash, ring, header, out _), spec.Name + " copy cut to " + n);
                }

                for (int bit = 0; bit < msg.Length * 8; bit++)
                {
                    msg[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                    Assert.IsFalse(Envelope.TryOpen(msg, 0, msg.Length, hash, ring, header, out _), spec.Name + " bit " + bit);
                    msg[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                }

                Assert.IsTrue(Envelope.TryOpen(msg, 0, msg.Length, hash, ring, header, out int error), spec.Name + ": " + WireError.Describe(error));
            }
        }

        [TestMethod]
        public void Open_SecondKeyVector_NeedsKeyId2AndTheSecondKey()
        {
            VectorFile file = VectorFile.Load("msg-program-key2");
            Assert.AreEqual(2L, file.GetInt("key-id"));
            CollectionAssert.AreEqual(VectorCatalog.SecondKey(), file.GetHex("key"));
            var header = new EnvelopeHeader();
            Assert.IsFalse(Envelope.TryOpen(file.Bytes, 0, file.Bytes.Length, VectorCatalog.BoardHash(), TestKit.VectorKeys(), header, out int error));
            Assert.AreEqual(WireError.UnknownKeyId, error);
            var wrongKey = new KeyRing(1);
            Assert.IsTrue(wrongKey.AddTestVectorKey(2, VectorCatalog.Key()));
            Assert.IsFalse(Envelope.TryOpen(file.Bytes, 0, file.Bytes.Length, VectorCatalog.BoardHash(), wrongKey, header, out error));
            Assert.AreEqual(WireError.BadTag, error, "key id 2 with the first key");
            Assert.IsTrue(Envelope.TryOpen(file.Bytes, 0, file.Bytes.Length, VectorCatalog.BoardHash(), TestKit.AllVectorKeys(), header, out error), WireError.Describe(error));
            Assert.AreEqual(2, header.KeyId);
        }

        [TestMethod]
        public void DecodePreset_Vector_GivesCatalogValues()
        {
            byte[] msg = VectorFile.Load("msg-preset").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(MessageKind.Preset, h.Kind);
            Assert.AreEqual(0x04, msg[3]);
            Assert.AreEqual(VectorCatalog.PresetSequence, h.Sequence);
            Assert.AreEqual(0UL, h.Session, "epoch 0");
            var item = new ProgramItem();
            Assert.IsTrue(ProgramCodec.TryReadItem(msg, h.PayloadOffset, h.PayloadLength, item, new FrameHeader(), out int error), WireError.Describe(error));
            AssertItem(VectorCatalog.PresetItem(), item, 1);
            Assert.AreEqual(ProgramItem.LevelEmergency, item.Level);
            AssertFrame(msg, item, 0, VectorCatalog.Palette2Header(), VectorCatalog.Palette2Pixels());
            var frame = new FrameHeader();
            Assert.IsTrue(FrameCodec.TryReadHeader(msg, item.FrameOffsets[0], item.FrameLengths[0], WireLimits.MaxPanelWidth, frame, out _));
            Assert.IsTrue(frame.Compressed);
        }

        [TestMethod]
        public void DecodeProgram_EpochAndKeyVectors_GiveTheirSessionKeyAndItem()
        {
            byte[] epoch1 = VectorFile.Load("msg-program-epoch1").Bytes;
            EnvelopeHeader h = TestKit.Open(epoch1);
            Assert.AreEqual(MessageKind.Program, h.Kind);
            Assert.AreEqual(1UL, h.Session, "the session field of a persistent message is its content epoch");
            Assert.AreEqual(VectorCatalog.ProgramSequence, h.Sequence);
            Assert.AreEqual(1, h.KeyId);
            AssertSmallProgram(epoch1, h);

            byte[] key2 = VectorFile.Load("msg-program-key2").Bytes;
            h = new EnvelopeHeader();
            Assert.IsTrue(Envelope.TryOpen(key2, 0, key2.Length, VectorCatalog.BoardHash(), TestKit.AllVectorKeys(), h, out int error), WireError.Describe(error));
            Assert.AreEqual(2, h.KeyId);
            Assert.AreEqual(0UL, h.Session);
            Assert.AreEqual(VectorCatalog.ProgramSequence, h.Sequence);
            AssertSmallProgram(key2, h);
        }

        [TestMethod]
        public void DecodeCommand_NewCommandVectors_GiveCatalogValues()
        {
            var cmd = new Command();
            byte[] msg = VectorFile.Load("msg-command-brightness-level").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(VectorCatalog.BrightnessLevelSequence, h.Sequence);
            Assert.AreEqual(VectorCatalog.Session, h.Session);
            Assert.IsTrue(CommandCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, cmd, out _));
            Assert.AreEqual(Command.CodeBrightness, cmd.Code);
            Assert.AreEqual(Command.BrightnessModeLevel, cmd.BrightnessMode);
            Assert.AreEqual(0xA5, cmd.BrightnessValue);
            Assert.AreEqual(165, cmd.BrightnessLevel, "level mode: the value is the level");

            msg = VectorFile.Load("msg-command-resync").Bytes;
            h = TestKit.Open(msg);
            Assert.AreEqual(VectorCatalog.ResyncSequence, h.Sequence);
            Assert.AreEqual(5, h.PayloadLength);
            Assert.IsTrue(CommandCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, cmd, out _));
            Assert.AreEqual(Command.CodeResync, cmd.Code);
            Assert.AreEqual(1U, cmd.Epoch);

            msg = VectorFile.Load("msg-command-end-emergency").Bytes;
            h = TestKit.Open(msg);
            Assert.AreEqual(VectorCatalog.EndEmergencySequence, h.Sequence);
            Assert.AreEqual(1, h.PayloadLength);
            Assert.IsTrue(CommandCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, cmd, out _));
            Assert.AreEqual(Command.CodeEndLocalEmergency, cmd.Code);

            msg = VectorFile.Load("msg-command-reboot").Bytes;
            h = TestKit.Open(msg);
            Assert.AreEqual(VectorCatalog.RebootSequence, h.Sequence);
            Assert.IsTrue(CommandCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, cmd, out _));
            Assert.AreEqual(Command.CodeReboot, cmd.Code);
        }

        [TestMethod]
        public void DecodeStatus_V2Vector_GivesEveryFieldIncludingTags0DTo10()
        {
            byte[] msg = VectorFile.Load("msg-status-v2").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(MessageKind.Status, h.Kind);
            Assert.AreEqual(VectorCatalog.StatusV2Sequence, h.Sequence);
            var s = new BoardStatus();
            Assert.IsTrue(StatusCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, s, out int error), WireError.Describe(error));
            for (int tag = 1; tag <= BoardStatus.MaxTag; tag++)
            {
                Assert.IsTrue(s.Has(tag), "tag " + tag);
            }

            Assert.AreEqual(0x10, BoardStatus.MaxTag);
            Assert.AreEqual("1.1.0-a5", s.GetFirmwareVersion());
            Assert.AreEqual(BoardStatus.AlertActive, s.AlertState);
            Assert.AreEqual(WireError.SequenceAhead, s.LastRejectionCode);
            Assert.AreEqual(BoardStatus.FlagLocalEmergency | BoardStatus.FlagPowerLimited, s.Flags);
            Assert.AreEqual(1U, s.Epoch);
            Assert.AreEqual(1767229200U, s.BoardTime);
            Assert.AreEqual(2, s.BoardTimeQuality);
            Assert.AreEqual(4, s.Showing);
            Assert.AreEqual(0xA5, s.Brightness);
            Assert.AreEqual(-67, s.WifiRssiDbm);
        }

        [TestMethod]
        public void DecodeEvent_EmergencyVector_GivesCodeDetailAndTime()
        {
            byte[] msg = VectorFile.Load("msg-event-emergency").Bytes;
            EnvelopeHeader h = TestKit.Open(msg);
            Assert.AreEqual(MessageKind.Event, h.Kind);
            Assert.AreEqual(BoardEvent.SizeWithTime, h.PayloadLength);
            var ev = new BoardEvent();
            Assert.IsTrue(EventCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, ev, out _));
            Assert.AreEqual(7, ev.Code);
            Assert.AreEqual(1, ev.Detail, "the button");
            Assert.AreEqual(0, ev.Kind);
            Assert.AreEqual(0UL, ev.Sequence);
            Assert.AreEqual(0x0A51U, ev.UptimeSeconds);
            Assert.AreEqual(1767225728U, ev.TimeUnixSeconds);
        }

        [TestMethod]
        public void Receive_NewPersistentVectors_AcceptedOnlyInTheirEpochAndKey()
        {
            var board = new TestBoard();
            Assert.AreEqual(WireError.None, board.Receive(VectorFile.Load("msg-preset").Bytes));
            Assert.IsTrue(board.Content.HasPreset);
            Assert.AreEqual(VectorCatalog.PresetSequence, board.Content.PresetSequence);
            Assert.AreEqual(VectorCatalog.PresetSequence, board.Replay.GetSequence(ReplayGuard.StreamPreset));

            byte[] epoch1 = VectorFile.Load("msg-program-epoch1").Bytes;
            Assert.AreEqual(WireError.WrongSession, board.Receive(epoch1), "epoch 1 has not started");
            Assert.AreEqual(WireError.None, board.Receive(VectorFile.Load("msg-command-resync").Bytes));
            Assert.AreEqual(1U, board.Replay.Epoch);
            Assert.AreEqual(WireError.None, board.Receive(epoch1));
            Assert.AreEqual(VectorCatalog.ProgramSequence, board.Content.ProgramSequence);

            var rotating = new TestBoard(keys: TestKit.AllVectorKeys());
            Assert.AreEqual(WireError.None, rotating.Receive(VectorFile.Load("msg-program").Bytes));
            Assert.AreEqual(WireError.None, rotating.Receive(VectorFile.Load("msg-program-key2").Bytes), "key id 2 starts the stream over");
            Assert.AreEqual(2, rotating.Replay.GetKeyId(ReplayGuard.StreamProgram));
            Assert.AreEqual(WireError.Replay, rotating.Receive(VectorFile.Load("msg-program").Bytes), "key id 1 is below key id 2");
        }

        private static void AssertSmallProgram(byte[] msg, EnvelopeHeader h)
        {
            var info = new ProgramInfo();
            var item = new ProgramItem();
            Assert.IsTrue(ProgramCodec.TryRead(msg, h.PayloadOffset, h.PayloadLength, info, item, new FrameHeader(), out int error), WireError.Describe(error));
            Assert.AreEqual(420, info.UtcOffsetMinutes);
            Assert.AreEqual(1, info.ItemCount);
            Assert.IsTrue(ProgramCodec.TryReadItem(msg, info.ItemOffsets[0], info.ItemLengths[0], item, new FrameHeader(), out error));
            AssertItem(VectorCatalog.SmallProgramItem(), item, 1);
            AssertFrame(msg, item, 0, VectorCatalog.Mono1Header(), VectorCatalog.Mono1Pixels());
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
