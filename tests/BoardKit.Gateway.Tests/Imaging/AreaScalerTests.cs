using System;
using BoardKit.Gateway.Imaging;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Imaging
{
    [TestClass]
    public sealed class AreaScalerTests
    {
        /// <summary>sRGB to light, written out from IEC 61966-2-1.</summary>
        private static double Light(int v) => v / 255.0 <= 0.04045 ? v / 255.0 / 12.92 : Math.Pow(((v / 255.0) + 0.055) / 1.055, 2.4);

        private static uint Grey(int v) => 0xFF000000u | (uint)(v << 16 | v << 8 | v);

        [TestMethod]
        public void Scale_IntegerFactor_EachPixelIsTheMeanLightOfItsBlock()
        {
            // 6x4 → 3x2: each target pixel is the mean light of a 2x2 block.
            int[,] v = { { 0, 255, 10, 20, 200, 100 }, { 255, 0, 30, 40, 50, 60 }, { 1, 2, 3, 4, 5, 6 }, { 128, 128, 250, 7, 8, 9 } };
            DecodedImage image = DecodedImage.FromRgba(6, 4, TestPictures.Rgba(6, 4, (x, y) => Grey(v[y, x])));

            LinearImage scaled = AreaScaler.Scale(image, 3, 2, ImageFit.Fill);

            for (int ty = 0; ty < 2; ty++)
            {
                for (int tx = 0; tx < 3; tx++)
                {
                    double expected = (Light(v[2 * ty, 2 * tx]) + Light(v[2 * ty, (2 * tx) + 1]) + Light(v[(2 * ty) + 1, 2 * tx]) + Light(v[(2 * ty) + 1, (2 * tx) + 1])) / 4;
                    Assert.AreEqual(expected, scaled[tx, ty, 0], 1e-5, $"({tx}, {ty})");
                }
            }
        }

        [TestMethod]
        public void Scale_BlackWhiteCheckerboard_HalfTheLightNotSrgbHalf()
        {
            DecodedImage image = DecodedImage.FromRgba(64, 32, TestPictures.Rgba(64, 32, (x, y) => ((x + y) & 1) == 0 ? Grey(255) : Grey(0)));

            LinearImage scaled = AreaScaler.Scale(image, 8, 4, ImageFit.Fill);

            Assert.AreEqual(0.5, scaled[3, 2, 1], 1e-5);
            Assert.AreEqual(186, LightCurves.LinearToWire(scaled[3, 2, 1], 2.2), "half light on a gamma-2.2 board is wire 186, not 128");
        }

        [TestMethod]
        public void Scale_FractionalFactor_WeightsByOverlap()
        {
            // 5 columns → 3: target column 0 covers source [0, 5/3): all of 0 and 2/3 of 1.
            int[] v = { 255, 0, 90, 180, 30 };
            DecodedImage image = DecodedImage.FromRgba(5, 1, TestPictures.Rgba(5, 1, (x, y) => Grey(v[x])));

            LinearImage scaled = AreaScaler.Scale(image, 3, 1, ImageFit.Fill);

            double f = 5.0 / 3;
            Assert.AreEqual((Light(255) + ((f - 1) * Light(0))) / f, scaled[0, 0, 0], 1e-5);
            Assert.AreEqual((((2 - f) * Light(0)) + Light(90) + (((2 * f) - 3) * Light(180))) / f, scaled[1, 0, 0], 1e-5);
            Assert.AreEqual((((4 - (2 * f)) * Light(180)) + Light(30)) / f, scaled[2, 0, 0], 1e-5);
        }

        [TestMethod]
        public void Scale_TransparentPixels_CountAsOff()
        {
            DecodedImage image = DecodedImage.FromRgba(2, 1, TestPictures.Rgba(2, 1, (x, y) => x == 0 ? 0x00FFFFFFu : 0xFFFFFFFFu));

            LinearImage scaled = AreaScaler.Scale(image, 1, 1, ImageFit.Fill);

            Assert.AreEqual(0.5, scaled[0, 0, 0], 1e-5);
        }

        [TestMethod]
        public void Place_FitFillCrop_Geometry()
        {
            // A 2000x1000 photo on a 64x16 panel.
            Assert.AreEqual(new FitGeometry(0, 0, 2000, 1000, 16, 0, 32, 16), FitGeometry.Place(2000, 1000, 64, 16, ImageFit.Fit));
            Assert.AreEqual(new FitGeometry(0, 0, 2000, 1000, 0, 0, 64, 16), FitGeometry.Place(2000, 1000, 64, 16, ImageFit.Fill));
            Assert.AreEqual(new FitGeometry(0, 250, 2000, 500, 0, 0, 64, 16), FitGeometry.Place(2000, 1000, 64, 16, ImageFit.Crop));
        }

        [TestMethod]
        public void Scale_Fit_LeavesBlackBars()
        {
            DecodedImage image = DecodedImage.FromRgba(20, 10, TestPictures.Rgba(20, 10, (x, y) => Grey(255)));

            LinearImage scaled = AreaScaler.Scale(image, 64, 16, ImageFit.Fit);

            Assert.AreEqual(0f, scaled[15, 8, 0]);
            Assert.AreEqual(1f, scaled[16, 8, 0], 1e-6);
            Assert.AreEqual(1f, scaled[47, 8, 0], 1e-6);
            Assert.AreEqual(0f, scaled[48, 8, 0]);
        }
    }
}
