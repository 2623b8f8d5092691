using System;
using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Imaging;
using BoardKit.Gateway.Rendering;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Imaging
{
    [TestClass]
    public sealed class QuantiserTests
    {
        private static LinearImage Flat(int w, int h, float r, float g, float b)
        {
            var image = new LinearImage(w, h);
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    image[x, y, 0] = r;
                    image[x, y, 1] = g;
                    image[x, y, 2] = b;
                }
            }

            return image;
        }

        [TestMethod]
        public void Map_None_EachPixelItsNearestByWeightedWireDistance()
        {
            uint[] palette = { 0x000000, 0xFF0000, 0x00FF00, 0x2020FF };
            var random = new Random(7);
            var image = new LinearImage(16, 8);
            for (int i = 0; i < image.Values.Length; i++)
            {
                image.Values[i] = (float)random.NextDouble();
            }

            IndexedBitmap mapped = Quantiser.Map(image, palette, 2.2, DitherMode.None);

            for (int p = 0; p < 128; p++)
            {
                // Written out: wire value = 255·L^(1/2.2); d² = 2ΔR² + 4ΔG² + 3ΔB²; the first smallest wins.
                double[] wire = Enumerable.Range(0, 3).Select(c => 255 * Math.Pow(image.Values[(p * 3) + c], 1 / 2.2)).ToArray();
                double best = double.MaxValue;
                int expected = -1;
                for (int i = 0; i < palette.Length; i++)
                {
                    double dr = wire[0] - ((palette[i] >> 16) & 0xFF), dg = wire[1] - ((palette[i] >> 8) & 0xFF), db = wire[2] - (palette[i] & 0xFF);
                    double d = (2 * dr * dr) + (4 * dg * dg) + (3 * db * db);
                    if (d < best - 1e-3)
                    {
                        best = d;
                        expected = i;
                    }
                }

                Assert.AreEqual(expected, mapped.Pixels[p], $"pixel {p}");
            }
        }

        [TestMethod]
        public void Map_OrderedHalfLight_LightsHalfOfEveryEightByEightTile()
        {
            IndexedBitmap mapped = Quantiser.Map(Flat(16, 16, 0.5f, 0.5f, 0.5f), new uint[] { 0x000000, 0xFFFFFF }, 2.2, DitherMode.Ordered);

            for (int ty = 0; ty < 2; ty++)
            {
                for (int tx = 0; tx < 2; tx++)
                {
                    int lit = 0;
                    for (int y = 0; y < 8; y++)
                    {
                        for (int x = 0; x < 8; x++)
                        {
                            lit += mapped[(tx * 8) + x, (ty * 8) + y];
                        }
                    }

                    Assert.AreEqual(32, lit, $"tile ({tx}, {ty})");
                }
            }
        }

        [TestMethod]
        public void Map_DiffusionQuarterLight_KeepsTheMeanLight()
        {
            IndexedBitmap mapped = Quantiser.Map(Flat(64, 32, 0.25f, 0.25f, 0.25f), new uint[] { 0x000000, 0xFFFFFF }, 2.2, DitherMode.Diffusion);

            double lit = mapped.Pixels.Count(p => p == 1) / 2048.0;
            Assert.AreEqual(0.25, lit, 0.01);
        }

        [TestMethod]
        public void Map_NoneQuarterLight_IsFlat()
        {
            IndexedBitmap mapped = Quantiser.Map(Flat(8, 8, 0.25f, 0.25f, 0.25f), new uint[] { 0x000000, 0xFFFFFF }, 2.2, DitherMode.None);

            // Light 0.25 is wire 136 on a gamma-2.2 board: nearer white (255) than black by wire value.
            Assert.IsTrue(mapped.Pixels.All(p => p == 1));
        }

        [TestMethod]
        public void Build_FewColours_ExactlyThemMostUsedFirstAfterFixed()
        {
            var image = Flat(10, 1, 1f, 0f, 0f);
            for (int x = 0; x < 3; x++)
            {
                image[x, 0, 0] = 0f;
                image[x, 0, 2] = 1f;
            }

            uint[] palette = PaletteBuilder.Build(image, 2.2, 16, new uint[] { 0xFFA000 });

            CollectionAssert.AreEqual(new uint[] { 0x000000, 0xFFA000, 0xFF0000, 0x0000FF }, palette);
        }

        [TestMethod]
        public void Build_AnyPicture_BlackAndFixedFirstAtMostMax()
        {
            Prop.ForAll(
                (from seed in Gen.Choose(0, 10_000) from max in Gen.Elements(2, 4, 16, 240) from fixedCount in Gen.Choose(0, 3) select (seed, max, fixedCount)).ToArbitrary(),
                t =>
                {
                    var random = new Random(t.seed);
                    var image = new LinearImage(24, 12);
                    for (int i = 0; i < image.Values.Length; i++)
                    {
                        image.Values[i] = (float)random.NextDouble();
                    }

                    uint[] fixedColours = Enumerable.Range(0, t.fixedCount).Select(i => (uint)random.Next(1, 0xFFFFFF)).ToArray();
                    uint[] palette = PaletteBuilder.Build(image, 2.2, t.max, fixedColours);
                    IndexedBitmap mapped = Quantiser.Map(image, palette, 2.2, (DitherMode)(t.seed % 3));
                    return palette.Length <= t.max && palette[0] == 0 && palette.Distinct().Count() == palette.Length
                        && fixedColours.Take(t.max - 1).All(c => palette.Contains(c))
                        && mapped.Pixels.All(p => p < palette.Length);
                }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
        }

        [TestMethod]
        public void Render_ThreeColourDrawing_AutoPicksPalette2Exactly()
        {
            DecodedImage drawing = DecodedImage.FromRgba(128, 64, TestPictures.Rgba(128, 64, (x, y) => x < 40 ? 0xFF000000u : (y < 32 ? 0xFFFFA000u : 0xFF0080FFu)));

            PictureRender render = PictureRenderer.Render(drawing, 64, 32, new PictureOptions { Fit = ImageFit.Fill });

            Assert.AreEqual(PixelFormat.Palette2, render.Format);
            Assert.AreEqual(3, render.Bitmap.Palette.Length);
            StringAssert.Contains(render.Reason, "Palette2 (3 colours): the smallest format within the error target");
            StringAssert.Contains(render.Reason, "Mono1");
        }

        [TestMethod]
        public void Render_Photo_AutoNeedsMoreThanFourColoursAndSaysWhy()
        {
            DecodedImage photo = DecodedImage.FromRgba(400, 200, TestPictures.Rgba(400, 200, (x, y) => TestPictures.Photo(x, y, 400, 200)));

            PictureRender render = PictureRenderer.Render(photo, 64, 32);

            Assert.IsTrue(render.Format is PixelFormat.Palette4 or PixelFormat.Rgb888, render.Reason);
            Assert.IsTrue(render.Trials.First(t => t.Format == PixelFormat.Mono1).Error > render.Error);
            Assert.IsLessThanOrEqualTo(8.0, render.Error, render.Reason);
        }

        [TestMethod]
        public void Render_RgbOn128x64_NotPossibleFallsBackToPalette4()
        {
            DecodedImage photo = DecodedImage.FromRgba(400, 200, TestPictures.Rgba(400, 200, (x, y) => TestPictures.Photo(x, y, 400, 200)));

            PictureRender render = PictureRenderer.Render(photo, 128, 64, new PictureOptions { MaxError = 0 });

            FormatTrial rgb = render.Trials.Single(t => t.Format == PixelFormat.Rgb888);
            Assert.IsFalse(rgb.Tried);
            StringAssert.Contains(rgb.Note, "24,576 bytes, over the board's 16,384-byte frame buffer");
            Assert.AreEqual(PixelFormat.Palette4, render.Format);
        }

        [TestMethod]
        public void Render_CrispText_NoBlendedColours()
        {
            // White 3-px strokes on black at 4x the target: majority scaling keeps pure white and black only.
            DecodedImage text = DecodedImage.FromRgba(256, 64, TestPictures.Rgba(256, 64, (x, y) => (x / 3 % 4 == 0 || y / 3 % 5 == 0) ? 0xFFFFFFFFu : 0xFF000000u));

            PictureRender render = PictureRenderer.Render(text, 64, 16, new PictureOptions { Crisp = true, Fit = ImageFit.Fill });

            CollectionAssert.AreEqual(new uint[] { 0x000000, 0xFFFFFF }, render.Bitmap.Palette);
            Assert.AreEqual(PixelFormat.Mono1, render.Format);
        }
    }
}
