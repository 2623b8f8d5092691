using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Composition;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Imaging;
using BoardKit.Gateway.Pictograms;
using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Fonts;
using BoardKit.Gateway.Tests.Imaging;
using BoardKit.Gateway.Tests.Publishing;
using BoardKit.Gateway.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Pictures
{
    [TestClass]
    public sealed class PictureComposerTests
    {
        private static RenderRequest Text(string text, int w, int h, RenderMode mode = RenderMode.Static, BulletinLevel level = BulletinLevel.Normal) => new()
        {
            Text = text, PanelWidth = w, PanelHeight = h, Mode = mode, Level = level,
            Shaper = new TextShaper(InstalledFonts.Sets.ForPanelHeight(h, Math.Max(1, h / 16))),
        };

        private static DecodedImage Photo(int w, int h) => DecodedImage.FromRgba(w, h, TestPictures.Rgba(w, h, (x, y) => TestPictures.Photo(x, y, w, h)));

        [TestMethod]
        public void Compose_PictogramBesideEmergencyText_PictogramLeftTextRenderedForTheRest()
        {
            RenderResult result = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = 64, PanelHeight = 16, Picture = new PictogramContent(PictogramKind.Flood),
                Text = Text("Lũ", 64, 16, level: BulletinLevel.Emergency),
            });

            Assert.IsTrue(result.Ok, string.Join("; ", result.Errors));
            IndexedBitmap frame = result.Frames.Single();
            IndexedBitmap flood = Pictograms.Pictograms.Draw(PictogramKind.Flood, 16);
            RenderResult text = TextRenderer.Render(Text("Lũ", 47, 16, level: BulletinLevel.Emergency));
            for (int y = 0; y < 16; y++)
            {
                for (int x = 0; x < 16; x++)
                {
                    Assert.AreEqual(flood.ColorAt(x, y), frame.ColorAt(x, y), $"pictogram ({x}, {y})");
                }

                Assert.AreEqual(0u, frame.ColorAt(16, y), "the gap");
                for (int x = 0; x < 47; x++)
                {
                    Assert.AreEqual(text.Frames[0].ColorAt(x, y), frame.ColorAt(17 + x, y), $"text ({x}, {y})");
                }
            }

            Assert.AreEqual(1000, result.BlinkPeriodMs);
            Assert.AreEqual(PixelFormat.Palette2, result.PixelFormat, "black, red, white, blue");
            StringAssert.Contains(result.Picture!.Description, "pictogram flood, 16-px drawing at 16x16 px");
        }

        [TestMethod]
        public void Compose_ScrollWithPictogram_LeadInPictureGapText()
        {
            RenderResult result = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = 64, PanelHeight = 16, Picture = new PictogramContent(PictogramKind.Warning),
                Text = Text("Cảnh báo", 64, 16, RenderMode.Scroll),
            });

            Assert.IsTrue(result.Ok, string.Join("; ", result.Errors));
            IndexedBitmap strip = result.Strip!;
            RenderResult text = TextRenderer.Render(new RenderRequest { Text = "Cảnh báo", PanelWidth = 47, PanelHeight = 16, Mode = RenderMode.Scroll, ScrollLeadIn = 0, Shaper = Text("x", 64, 16).Shaper });
            Assert.AreEqual(64 + 16 + 1 + text.Strip!.Width, strip.Width);
            Assert.IsTrue(Enumerable.Range(0, 64 * 16).All(i => strip.ColorAt(i % 64, i / 64) == 0), "lead-in blank");
            Assert.AreEqual(0xFF0000u, strip.ColorAt(64 + 7, 1), "the triangle's tip");
        }

        [TestMethod]
        public void Compose_PhotoBesideText_PaletteBuiltAroundTheTextColour()
        {
            RenderResult result = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = 128, PanelHeight = 32, Picture = new ImageContent(Photo(300, 200), PictureOptions.Default with { Colours = PictureColours.Sixteen }),
                Text = Text("Tiêm chủng", 128, 32, RenderMode.Pages),
            });

            Assert.IsTrue(result.Ok, string.Join("; ", result.Errors));
            Assert.AreEqual(0x000000u, result.Palette[0]);
            Assert.AreEqual(0xFFA000u, result.Palette[1], "the text colour stays where the text put it");
            Assert.IsLessThanOrEqualTo(16, result.Palette.Count);
            Assert.AreEqual(48, PicturePixels(result.Frames[0], 48, 32), "a 3:2 photo 32 px tall is 48 px wide");
        }

        [TestMethod]
        public void Compose_PictureAloneOn8PxPanel_RefusedNotThrown()
        {
            RenderResult result = PictureComposer.Compose(new PictureRequest { PanelWidth = 32, PanelHeight = 8, Picture = new PictogramContent(PictogramKind.Fire) });

            Assert.IsFalse(result.Ok);
            StringAssert.Contains(result.Errors.Single(), "too low to show it");
        }

        [TestMethod]
        public void PictureItem_ThroughTheWire_BoardDecodesItByteForByte()
        {
            // An Rgb888 photo alone on 64x32 (6 KiB raw) and a Palette2 pictogram page item, in one program.
            RenderResult photo = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = 64, PanelHeight = 32, Picture = new ImageContent(Photo(640, 320), PictureOptions.Default with { Colours = PictureColours.Rgb }),
            });
            RenderResult pages = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = 64, PanelHeight = 32, Picture = new PictogramContent(PictogramKind.Epidemic),
                Text = Text("Phòng dịch: rửa tay, đeo khẩu trang", 64, 32, RenderMode.Pages),
            });
            Assert.IsTrue(photo.Ok && pages.Ok, string.Join("; ", photo.Errors.Concat(pages.Errors)));
            Assert.AreEqual(PixelFormat.Rgb888, photo.PixelFormat);
            var board = new BoardCoreRoundTrip();

            (int verdict, _) = board.Publish(new[] { new BulletinItem(photo), new BulletinItem(pages) }, 1);

            Assert.AreEqual(WireError.None, verdict);
            IReadOnlyList<ShownItem> shown = board.Shown();
            var sent = new[] { photo.Frames, pages.Frames };
            for (int i = 0; i < 2; i++)
            {
                Assert.AreEqual(sent[i].Count, shown[i].Frames.Count);
                for (int f = 0; f < sent[i].Count; f++)
                {
                    PackedFrame expected = FramePacker.Pack(sent[i][f]);
                    PackedFrame actual = FramePacker.Pack(shown[i].Frames[f], (PixelFormat)expected.Header.Format);
                    CollectionAssert.AreEqual(expected.Pixels, actual.Pixels, $"item {i}, frame {f}: packed pixels");
                    CollectionAssert.AreEqual(expected.Header.Palette, actual.Header.Palette, $"item {i}, frame {f}: palette");
                }
            }
        }

        [TestMethod]
        public void AlertWithPictogram_BoardAcceptsIt()
        {
            RenderResult alert = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = 128, PanelHeight = 16, Picture = new PictogramContent(PictogramKind.Landslide),
                Text = Text("Sạt lở đất", 128, 16, level: BulletinLevel.Emergency),
            });
            var board = new BoardCoreRoundTrip();

            int length = ProgramComposer.ComposeAlert(board.Gateway, new BulletinItem(alert), 1, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds());

            Assert.AreEqual(WireError.None, board.Receive(board.Gateway.Buffer, length));
        }

        [TestMethod]
        public void Power_FullColourPictureDrawsFarMoreThanText()
        {
            RenderResult photo = PictureComposer.Compose(new PictureRequest { PanelWidth = 64, PanelHeight = 32, Picture = new ImageContent(Photo(640, 320), PictureOptions.Default) });
            RenderResult text = TextRenderer.Render(Text("Họp dân 19h", 64, 32));

            PowerEstimate picture = PowerEstimate.For(photo.Frames, null, 64, 32);
            PowerEstimate words = PowerEstimate.For(text.Frames, null, 64, 32);

            Assert.IsGreaterThan(3 * words.Milliamps, picture.Milliamps);
            Assert.AreEqual(2048, words.DarkMilliamps);
            Assert.AreEqual(2048 + (2048 * 60), words.FullWhiteMilliamps);
        }

        /// <summary>Columns from the left where any LED is lit in a colour other than the text's, within the first <paramref name="max"/>.</summary>
        private static int PicturePixels(IndexedBitmap frame, int max, int height)
        {
            int width = 0;
            for (int x = 0; x < max + 4; x++)
            {
                for (int y = 0; y < height; y++)
                {
                    if (frame[x, y] > 1)
                    {
                        width = x + 1;
                    }
                }
            }

            return width;
        }
    }
}
