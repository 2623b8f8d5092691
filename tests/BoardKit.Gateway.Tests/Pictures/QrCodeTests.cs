using System;
using BoardKit.Gateway.Qr;
using BoardKit.Gateway.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace BoardKit.Gateway.Tests.Pictures
{
    [TestClass]
    public sealed class QrCodeTests
    {
        /// <summary>Reads a code back with ZXing as a camera would see the board: each LED 4x4 picture pixels, lit = light.</summary>
        internal static string? Read(IndexedBitmap code, int x0 = 0, int y0 = 0, int side = -1)
        {
            side = side < 0 ? code.Width : side;
            const int Scale = 4;
            int size = side * Scale;
            var grey = new byte[size * size];
            for (int y = 0; y < size; y++)
            {
                for (int x = 0; x < size; x++)
                {
                    uint c = code.ColorAt(x0 + (x / Scale), y0 + (y / Scale));
                    grey[(y * size) + x] = (byte)(c == 0 ? 0 : 255);
                }
            }

            var source = new RGBLuminanceSource(grey, size, size, RGBLuminanceSource.BitmapFormat.Gray8);
            Result? result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
            return result?.Text;
        }

        [TestMethod]
        [DataRow("https://x.vn/b/12", 32, 1)]
        [DataRow("https://xa-ma-ly-ho.gov.vn/ban-tin/2026/lu-quet-12", 64, 4)]
        [DataRow("https://cong-thong-tin.laocai.gov.vn/ban-tin/2026/11/29/canh-bao-lu-quet-sat-lo-dat-xa-ma-ly-ho-phong-tho?id=123456", 64, 7)]
        public void Draw_ReadsBackAsTheUrl(string url, int panel, int version)
        {
            QrCode code = QrCodes.Draw(url, 128, panel);

            Assert.AreEqual(version, code.Version);
            Assert.AreEqual(17 + (4 * version) + 8, code.Side);
            Assert.AreEqual(url, Read(code.Bitmap));
        }

        [TestMethod]
        public void Draw_QuietZoneIsLitAndFourWide()
        {
            QrCode code = QrCodes.Draw("https://x.vn/b/12", 64, 32);

            for (int i = 0; i < code.Side; i++)
            {
                for (int q = 0; q < 4; q++)
                {
                    Assert.AreEqual(1, code.Bitmap[i, q]);
                    Assert.AreEqual(1, code.Bitmap[q, i]);
                    Assert.AreEqual(1, code.Bitmap[i, code.Side - 1 - q]);
                    Assert.AreEqual(1, code.Bitmap[code.Side - 1 - q, i]);
                }
            }

            Assert.AreEqual(0, code.Bitmap[4, 4], "the finder pattern's corner is dark (LED off)");
        }

        [TestMethod]
        public void Draw_PrefersMWhenItFits()
        {
            QrCode code = QrCodes.Draw("https://x.vn/b/12", 64, 64);

            Assert.AreEqual('M', code.ErrorCorrection);
            Assert.AreEqual(2, code.Version, "17 bytes need version 2 at M");
        }

        [TestMethod]
        public void Draw_TooLongFor32Px_RefusedWithWhatItNeeds()
        {
            var e = Assert.ThrowsExactly<QrCodeDoesNotFitException>(() => QrCodes.Draw("https://xa-ma-ly-ho.gov.vn/b/12", 64, 32));

            Assert.AreEqual(33, e.NeededSide);
            Assert.AreEqual(32, e.AvailableSide);
            StringAssert.Contains(e.Message, "needs a version-2 QR code, 33x33 LEDs");
            StringAssert.Contains(e.Message, "holds at most version 1 (29 LEDs): shorten the URL to at most 17 bytes");
        }

        [TestMethod]
        public void Draw_On16PxPanel_NoCodeFits()
        {
            var e = Assert.ThrowsExactly<QrCodeDoesNotFitException>(() => QrCodes.Draw("https://x.vn/", 64, 16));

            StringAssert.Contains(e.Message, "cannot hold even the smallest code (29x29 LEDs)");
        }

        [TestMethod]
        public void Draw_NotAnHttpUrl_ArgumentException()
        {
            Assert.ThrowsExactly<ArgumentException>(() => QrCodes.Draw("javascript:alert(1)", 64, 64));
        }
    }
}
