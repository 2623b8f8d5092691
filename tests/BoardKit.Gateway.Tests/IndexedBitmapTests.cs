using BoardKit.Gateway.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests
{
    [TestClass]
    public sealed class IndexedBitmapTests
    {
        [TestMethod]
        public void Indexer_SetPixel_StoresRowMajor()
        {
            var bitmap = new IndexedBitmap(4, 2, new uint[] { 0x000000, 0xFF0000 });
            bitmap[3, 1] = 1;
            Assert.AreEqual(1, bitmap.Pixels[7]);
            Assert.AreEqual(0xFF0000u, bitmap.ColorAt(3, 1));
            Assert.AreEqual(0x000000u, bitmap.ColorAt(2, 1));
        }

        [TestMethod]
        public void Constructor_EmptyPalette_Throws()
        {
            Assert.ThrowsExactly<System.ArgumentException>(() => new IndexedBitmap(4, 2, new uint[0]));
        }
    }
}
