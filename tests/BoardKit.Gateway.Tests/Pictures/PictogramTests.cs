using System;
using System.Linq;
using BoardKit.Gateway.Pictograms;
using BoardKit.Gateway.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Pictures
{
    [TestClass]
    public sealed class PictogramTests
    {
        [TestMethod]
        public void Art_EveryDrawingSquareWithKnownKeys()
        {
            foreach (PictogramKind kind in Pictograms.Pictograms.Kinds)
            {
                foreach (int size in new[] { 16, 32 })
                {
                    var art = Pictograms.Pictograms.Art(kind, size);
                    Assert.AreEqual(size, art.Count, $"{kind} {size}");
                    Assert.IsTrue(art.All(row => row.Length == size), $"{kind} {size}: every row {size} wide");
                    Assert.IsTrue(art.All(row => row.All(c => ".RAYWB".Contains(c))), $"{kind} {size}: keys");
                    Assert.IsGreaterThan(size * size / 10, art.Sum(row => row.Count(c => c != '.')), $"{kind} {size}: drawn");
                }
            }
        }

        [TestMethod]
        public void Art_EmergenciesInRedNoticesWithout()
        {
            foreach (PictogramKind kind in Pictograms.Pictograms.Kinds)
            {
                bool red = Pictograms.Pictograms.Art(kind, 16).Any(row => row.Contains('R'));
                Assert.AreEqual(Pictograms.Pictograms.IsEmergency(kind) || kind == PictogramKind.PowerCut, red, kind.ToString());
            }
        }

        [TestMethod]
        [DataRow(16, 16)]
        [DataRow(24, 16)]
        [DataRow(32, 32)]
        [DataRow(48, 48)]
        [DataRow(64, 64)]
        public void Draw_LargestWholeEnlargementThatFits(int height, int side)
        {
            IndexedBitmap bitmap = Pictograms.Pictograms.Draw(PictogramKind.Fire, height);

            Assert.AreEqual(side, bitmap.Width);
            Assert.AreEqual(side, bitmap.Height);
        }

        [TestMethod]
        public void Draw_At64_EachPixelOfThe32DrawingIsATwoByTwoBlock()
        {
            IndexedBitmap bitmap = Pictograms.Pictograms.Draw(PictogramKind.Flood, 64);
            var art = Pictograms.Pictograms.Art(PictogramKind.Flood, 32);

            for (int y = 0; y < 64; y++)
            {
                for (int x = 0; x < 64; x++)
                {
                    Assert.AreEqual(PictogramColours.Of(art[y / 2][x / 2]), bitmap.ColorAt(x, y));
                }
            }
        }

        [TestMethod]
        public void Draw_Below16_RefusedSayingWhy()
        {
            var e = Assert.ThrowsExactly<ArgumentException>(() => Pictograms.Pictograms.Draw(PictogramKind.Storm, 12));

            StringAssert.Contains(e.Message, "drawn for 16 and 32 px; 12 px is too low");
        }

        [TestMethod]
        public void Names_RoundTrip()
        {
            foreach (PictogramKind kind in Pictograms.Pictograms.Kinds)
            {
                Assert.AreEqual(kind, Pictograms.Pictograms.Parse(Pictograms.Pictograms.NameOf(kind)));
            }

            Assert.IsNull(Pictograms.Pictograms.Parse("tsunami"));
        }
    }
}
