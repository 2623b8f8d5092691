using System.Collections.Generic;
using System.Linq;
using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Preview
{
    [TestClass]
    public sealed class PngWriterTests
    {
        [TestMethod]
        public void EncodeIndexed_Bitmap_ChunksInOrderWithValidCrcs()
        {
            var bitmap = new IndexedBitmap(3, 2, new uint[] { 0x000000, 0xFFA000, 0x0080FF });
            List<PngChunk> chunks = PngReader.ReadChunks(PngWriter.EncodeIndexed(bitmap));
            CollectionAssert.AreEqual(new[] { "IHDR", "PLTE", "IDAT", "IEND" }, chunks.Select(c => c.Type).ToArray());
            Assert.IsEmpty(chunks[3].Data);
        }

        [TestMethod]
        public void EncodeIndexed_Header_DescribesEightBitPalette()
        {
            var bitmap = new IndexedBitmap(300, 2, new uint[] { 0x000000, 0xFFFFFF });
            byte[] ihdr = PngReader.ReadChunks(PngWriter.EncodeIndexed(bitmap))[0].Data;

            // width 300 = 0x012C, height 2, bit depth 8, colour type 3, compression 0, filter 0, interlace 0.
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0x01, 0x2C, 0, 0, 0, 2, 8, 3, 0, 0, 0 }, ihdr);
        }

        [TestMethod]
        public void EncodeIndexed_PaletteAndPixels_RoundTrip()
        {
            var bitmap = new IndexedBitmap(3, 2, new uint[] { 0x000000, 0xA51280, 0x0180FE });
            bitmap[0, 0] = 1;
            bitmap[2, 0] = 2;
            bitmap[1, 1] = 2;
            List<PngChunk> chunks = PngReader.ReadChunks(PngWriter.EncodeIndexed(bitmap));
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0xA5, 0x12, 0x80, 0x01, 0x80, 0xFE }, chunks[1].Data);
            CollectionAssert.AreEqual(new byte[] { 1, 0, 2, 0, 2, 0 }, PngReader.Unfilter(chunks[2].Data, 2, 3));
        }

        [TestMethod]
        public void EncodeRgb_Pixels_RoundTrip()
        {
            byte[] rgb = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
            List<PngChunk> chunks = PngReader.ReadChunks(PngWriter.EncodeRgb(2, 2, rgb));
            CollectionAssert.AreEqual(new[] { "IHDR", "IDAT", "IEND" }, chunks.Select(c => c.Type).ToArray());
            Assert.AreEqual(2, chunks[0].Data[9], "colour type 2 (RGB)");
            CollectionAssert.AreEqual(rgb, PngReader.Unfilter(chunks[1].Data, 2, 6));
        }

        [TestMethod]
        public void EncodeRgba_Pixels_RoundTrip()
        {
            byte[] rgba = { 0xFF, 0, 0, 0x80, 0, 0xFF, 0, 0xFF };
            List<PngChunk> chunks = PngReader.ReadChunks(PngWriter.EncodeRgba(2, 1, rgba));
            Assert.AreEqual(6, chunks[0].Data[9], "colour type 6 (RGBA)");
            CollectionAssert.AreEqual(rgba, PngReader.Unfilter(chunks[1].Data, 1, 8));
        }

        [TestMethod]
        public void EncodeRgb_WrongLength_Throws()
        {
            Assert.ThrowsExactly<System.ArgumentException>(() => PngWriter.EncodeRgb(2, 2, new byte[11]));
        }
    }
}
