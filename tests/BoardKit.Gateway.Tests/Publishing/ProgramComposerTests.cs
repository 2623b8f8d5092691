using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Tests.Shared;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>
    /// The gateway's publishing path against the golden message vectors (tests/vectors/msg-*.hex) that the firmware
    /// core tests decode: what the gateway builds for the same content is byte for byte the vector, and what a board
    /// accepts from a vector unpacks into bitmaps the gateway packs back to the same frames.
    /// </summary>
    [TestClass]
    public sealed class ProgramComposerTests
    {
        [TestMethod]
        public void ComposeAlert_ContentOfAlertVector_ReproducesVectorBytes()
        {
            VectorFile vector = VectorFile.Load("msg-alert");
            ContentReceiver board = BoardFor(vector);
            Assert.AreEqual(WireError.None, board.Receive(vector.Bytes, vector.Bytes.Length, 0));
            EnvelopeHeader envelope = HeaderOf(vector);
            ProgramItem alert = board.Content.Alert;
            RenderResult rendered = RenderedFromBoard(board, HeldContent.ItemAlert, alert);

            MessageBuilder gateway = BuilderFor(vector);
            int length = ProgramComposer.ComposeAlert(gateway, new BulletinItem(rendered)
            {
                DwellMs = alert.DwellMs,
                ValidFrom = alert.ValidFrom,
                ValidUntil = alert.ValidUntil,
                ScheduleStartMinute = alert.ScheduleStartMinute,
                ScheduleEndMinute = alert.ScheduleEndMinute,
            }, envelope.Sequence, envelope.IssuedAt);

            CollectionAssert.AreEqual(vector.Bytes, gateway.Buffer.AsSpan(0, length).ToArray());
        }

        [TestMethod]
        public void BuildAlertClear_ReferenceOfClearVector_ReproducesVectorBytes()
        {
            VectorFile vector = VectorFile.Load("msg-alert-clear");
            EnvelopeHeader envelope = HeaderOf(vector);
            Assert.IsTrue(AlertClearCodec.TryRead(vector.Bytes, envelope.PayloadOffset, envelope.PayloadLength, out ulong alertSequence, out int error),
                WireError.Describe(error));

            MessageBuilder gateway = BuilderFor(vector);
            int length = gateway.BuildAlertClear(alertSequence, envelope.Sequence, envelope.IssuedAt);

            CollectionAssert.AreEqual(vector.Bytes, gateway.Buffer.AsSpan(0, length).ToArray());
        }

        [TestMethod]
        public void ProgramVector_EveryFrameTheBoardAccepts_PacksBackToTheSameBytes()
        {
            VectorFile vector = VectorFile.Load("msg-program");
            ContentReceiver board = BoardFor(vector);
            Assert.AreEqual(WireError.None, board.Receive(vector.Bytes, vector.Bytes.Length, 0));
            var item = new ProgramItem();
            var header = new FrameHeader();
            var pixels = new byte[WireLimits.MaxFrameRawBytes];
            var encoded = new byte[WireLimits.MaxMessageBytes];
            int frames = 0;
            for (int i = 0; i < board.Content.Program.ItemCount; i++)
            {
                Assert.IsTrue(board.Content.TryGetProgramItem(i, item));
                for (int f = 0; f < item.FrameCount; f++)
                {
                    Assert.IsTrue(board.Content.TryDecodeFrame(i, f, header, pixels, out int error), WireError.Describe(error));
                    IndexedBitmap bitmap = FramePacker.Unpack(header, pixels);

                    PackedFrame packed = FramePacker.Pack(bitmap, (PixelFormat)header.Format);
                    int n = FrameCodec.Encode(packed.Header, packed.Pixels, packed.Pixels.Length, encoded, 0, allowCompression: header.Compressed);

                    CollectionAssert.AreEqual(
                        vector.Bytes.AsSpan(item.FrameOffsets[f], item.FrameLengths[f]).ToArray(), encoded.AsSpan(0, n).ToArray(),
                        $"item {i}, frame {f}");
                    frames++;
                }
            }

            Assert.AreEqual(3, frames, "msg-program carries a scroll strip and a two-page item");
        }

        [TestMethod]
        public void ComposeProgram_RefusedRender_CannotBecomeAnItem()
        {
            var refused = new RenderResult { Errors = new[] { "Cannot draw U+E000" } };
            Assert.ThrowsExactly<ArgumentException>(() => new BulletinItem(refused));
        }

        [TestMethod]
        public void ComposeProgram_SeventeenItems_ThrowsNamingTheLimit()
        {
            var frame = new IndexedBitmap(8, 8, new uint[] { 0, 0xFFA000 });
            var rendered = new RenderResult { Frames = new[] { frame }, Mode = RenderMode.Static };
            var items = new List<BulletinItem>();
            for (int i = 0; i <= WireLimits.MaxItems; i++)
            {
                items.Add(new BulletinItem(rendered));
            }

            var gateway = new MessageBuilder(new byte[BoardId.HashSize], 1, new byte[KeyRing.KeySize]);
            var e = Assert.ThrowsExactly<BulletinDoesNotFitException>(() => ProgramComposer.ComposeProgram(gateway, items, 1, 0));
            Assert.AreEqual(FitLimit.ItemsPerProgram, e.Report.Problems.Single().Limit);
            StringAssert.Contains(e.Message, "17 items");
        }

        /// <summary>What the board shows, as the renderer would have produced it: the decoded frame with the item's
        /// layout, level and blink.</summary>
        private static RenderResult RenderedFromBoard(ContentReceiver board, int itemIndex, ProgramItem item)
        {
            var header = new FrameHeader();
            var pixels = new byte[WireLimits.MaxFrameRawBytes];
            Assert.IsTrue(board.Content.TryDecodeFrame(itemIndex, 0, header, pixels, out int error), WireError.Describe(error));
            Assert.AreEqual(ProgramItem.LayoutStatic, item.Layout);
            return new RenderResult
            {
                Frames = new[] { FramePacker.Unpack(header, pixels) },
                Mode = RenderMode.Static,
                Level = item.Level == ProgramItem.LevelEmergency ? BulletinLevel.Emergency
                    : item.Level == ProgramItem.LevelPriority ? BulletinLevel.Priority : BulletinLevel.Normal,
                BlinkPeriodMs = item.BlinkPeriodMs,
            };
        }

        private static ContentReceiver BoardFor(VectorFile vector)
        {
            var keys = new KeyRing(1);
            keys.AddTestVectorKey((int)vector.GetInt("key-id"), vector.GetHex("key"));
            return new ContentReceiver(vector.Get("board"), keys, new ReplayGuard(), vector.GetUInt64("session"), new BoardClock(), null);
        }

        private static MessageBuilder BuilderFor(VectorFile vector) =>
            new MessageBuilder(vector.GetHex("board-hash"), (int)vector.GetInt("key-id"), vector.GetHex("key"));

        private static EnvelopeHeader HeaderOf(VectorFile vector)
        {
            var header = new EnvelopeHeader();
            Assert.IsTrue(Envelope.TryReadHeader(vector.Bytes, 0, vector.Bytes.Length, header, out int error), WireError.Describe(error));
            return header;
        }
    }
}
