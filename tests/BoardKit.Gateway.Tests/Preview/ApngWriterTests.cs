using System.Collections.Generic;
using System.Linq;
using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Preview
{
    [TestClass]
    public sealed class ApngWriterTests
    {
        private static IndexedBitmap Frame(int lit)
        {
            var frame = new IndexedBitmap(4, 2, new uint[] { 0x000000, 0xFF0000 });
            frame[lit, 1] = 1;
            return frame;
        }

        [TestMethod]
        public void Encode_ThreeFrames_ActlFctlFdatInOrder()
        {
            byte[] apng = ApngWriter.Encode(new[] { Frame(0), Frame(1), Frame(2) }, 40);
            List<PngChunk> chunks = PngReader.ReadChunks(apng);
            CollectionAssert.AreEqual(
                new[] { "IHDR", "acTL", "PLTE", "fcTL", "IDAT", "fcTL", "fdAT", "fcTL", "fdAT", "IEND" },
                chunks.Select(c => c.Type).ToArray());

            // acTL: num_frames 3, num_plays 0 (loop for ever).
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 3, 0, 0, 0, 0 }, chunks[1].Data);
        }

        [TestMethod]
        public void Encode_SequenceNumbers_CountFromZeroAcrossFctlAndFdat()
        {
            byte[] apng = ApngWriter.Encode(new[] { Frame(0), Frame(1), Frame(2) }, 40);
            uint[] sequence = PngReader.ReadChunks(apng)
                .Where(c => c.Type is "fcTL" or "fdAT")
                .Select(c => PngReader.ReadUInt32(c.Data, 0))
                .ToArray();
            CollectionAssert.AreEqual(new uint[] { 0, 1, 2, 3, 4 }, sequence);
        }

        [TestMethod]
        public void Encode_FrameControl_SizeDelayAndOps()
        {
            byte[] fctl = PngReader.ReadChunks(ApngWriter.Encode(new[] { Frame(0) }, 40)).First(c => c.Type == "fcTL").Data;

            // sequence 0, width 4, height 2, x 0, y 0, delay 40/1000 s, dispose 0, blend 0.
            CollectionAssert.AreEqual(
                new byte[] { 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0x03, 0xE8, 0, 0 },
                fctl);
        }

        [TestMethod]
        public void Encode_FrameData_DecodesToEachFrame()
        {
            byte[] apng = ApngWriter.Encode(new[] { Frame(0), Frame(1), Frame(3) }, 100);
            List<PngChunk> chunks = PngReader.ReadChunks(apng);
            byte[] first = PngReader.Unfilter(chunks.Single(c => c.Type == "IDAT").Data, 2, 4);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 1, 0, 0, 0 }, first);
            PngChunk[] fdats = chunks.Where(c => c.Type == "fdAT").ToArray();
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 0, 1, 0, 0 }, PngReader.Unfilter(fdats[0].Data[4..], 2, 4));
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 0, 0, 0, 1 }, PngReader.Unfilter(fdats[1].Data[4..], 2, 4));
        }

        [TestMethod]
        public void Encode_DefaultImage_IdatOutsideAnimationFramesInFdat()
        {
            byte[] apng = ApngWriter.Encode(new[] { Frame(0), Frame(1) }, 40, defaultImage: Frame(3));
            List<PngChunk> chunks = PngReader.ReadChunks(apng);
            CollectionAssert.AreEqual(
                new[] { "IHDR", "acTL", "PLTE", "IDAT", "fcTL", "fdAT", "fcTL", "fdAT", "IEND" },
                chunks.Select(c => c.Type).ToArray());
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 0, 0, 0, 1 }, PngReader.Unfilter(chunks[3].Data, 2, 4));
            uint[] sequence = chunks.Where(c => c.Type is "fcTL" or "fdAT").Select(c => PngReader.ReadUInt32(c.Data, 0)).ToArray();
            CollectionAssert.AreEqual(new uint[] { 0, 1, 2, 3 }, sequence);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 1, 0, 0, 0 }, PngReader.Unfilter(chunks[5].Data[4..], 2, 4));
        }

        [TestMethod]
        public void Encode_FramesOfDifferentSize_Throws()
        {
            var other = new IndexedBitmap(5, 2, new uint[] { 0x000000, 0xFF0000 });
            Assert.ThrowsExactly<System.ArgumentException>(() => ApngWriter.Encode(new[] { Frame(0), other }, 40));
        }
    }
}
