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
        public void Compose_ScrollWithPictureScrolls_LeadInPictureGapTextInOneStrip()
        {
            // For boards whose firmware predates layout 3: the picture scrolls in ahead of the text (layout 1).
            RenderResult result = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = 64, PanelHeight = 16, Picture = new PictogramContent(PictogramKind.Warning),
                Text = Text("Cảnh báo", 64, 16, RenderMode.Scroll),
                PictureScrolls = true,
            });

            Assert.IsTrue(result.Ok, string.Join("; ", result.Errors));
            Assert.IsNull(result.Still);
            IndexedBitmap strip = result.Strip!;
            RenderResult text = TextRenderer.Render(new RenderRequest { Text = "Cảnh báo", PanelWidth = 47, PanelHeight = 16, Mode = RenderMode.Scroll, ScrollLeadIn = 0, Shaper = Text("x", 64, 16).Shaper });
            Assert.AreEqual(64 + 16 + 1 + text.Strip!.Width, strip.Width);
            Assert.IsTrue(Enumerable.Range(0, 64 * 16).All(i => strip.ColorAt(i % 64, i / 64) == 0), "lead-in blank");
            Assert.AreEqual(0xFF0000u, strip.ColorAt(64 + 7, 1), "the triangle's tip");
        }

        [TestMethod]
        public void Compose_ScrollWithPictogram_StillPictogramAndAStripForTheWindowBeside()
        {
            RenderResult result = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = 64, PanelHeight = 16, Picture = new PictogramContent(PictogramKind.Warning),
                Text = Text("Cảnh báo", 64, 16, RenderMode.Scroll),
            });

            Assert.IsTrue(result.Ok, string.Join("; ", result.Errors));
            Assert.AreEqual(RenderMode.Scroll, result.Mode);
            Assert.IsEmpty(result.Frames);
            IndexedBitmap still = result.Still!;
            IndexedBitmap warning = Pictograms.Pictograms.Draw(PictogramKind.Warning, 16);
            Assert.AreEqual(17, still.Width, "the 16-px pictogram and the 1-px gap");
            Assert.AreEqual(16, still.Height);
            CollectionAssert.AreEqual(warning.Palette, still.Palette, "the pictogram's own colours");
            for (int y = 0; y < 16; y++)
            {
                for (int x = 0; x < 16; x++)
                {
                    Assert.AreEqual(warning.ColorAt(x, y), still.ColorAt(x, y), $"pictogram ({x}, {y})");
                }

                Assert.AreEqual(0u, still.ColorAt(16, y), "the gap");
            }

            // The strip is the text alone as a 47-px panel would scroll it: led in by one window width (47 px).
            RenderResult text = TextRenderer.Render(new RenderRequest { Text = "Cảnh báo", PanelWidth = 47, PanelHeight = 16, Mode = RenderMode.Scroll, Shaper = Text("x", 64, 16).Shaper });
            IndexedBitmap strip = result.Strip!;
            Assert.AreEqual(text.Strip!.Width, strip.Width);
            Assert.IsTrue(Enumerable.Range(0, 47 * 16).All(i => strip.ColorAt(i % 47, i / 47) == 0), "lead-in blank");
            for (int y = 0; y < 16; y++)
            {
                for (int x = 0; x < strip.Width; x++)
                {
                    Assert.AreEqual(text.Strip.ColorAt(x, y), strip.ColorAt(x, y), $"strip ({x}, {y})");
                }
            }

            Assert.AreEqual(PixelFormat.Palette2, RenderResult.SmallestFormat(still.Palette.Length), "the pictogram's 4 colours");
            Assert.AreEqual(PixelFormat.Mono1, RenderResult.SmallestFormat(strip.Palette.Length), "the text stays 1 bit per LED");
            Assert.AreEqual(PixelFormat.Palette2, result.PixelFormat, "the wider of the two");
            CollectionAssert.AreEquivalent(still.Palette.Concat(strip.Palette).Distinct().ToArray(), result.Palette.ToArray(), "the union of both palettes");
        }

        [TestMethod]
        [DataRow(24, false)]
        [DataRow(25, true)]
        public void Compose_ScrollBesidePicture_WindowOfAtLeast8Px(int panelWidth, bool ok)
        {
            RenderResult result = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = panelWidth, PanelHeight = 16, Picture = new PictogramContent(PictogramKind.Flood),
                Text = Text("Lũ", panelWidth, 16, RenderMode.Scroll),
            });

            Assert.AreEqual(ok, result.Ok, string.Join("; ", result.Errors));
            if (ok)
            {
                Assert.AreEqual(17, result.Still!.Width);
                Assert.IsTrue(Enumerable.Range(0, 8).All(x => result.Strip!.ColorAt(x, 8) == 0), "led in by the 8-px window");
            }
            else
            {
                StringAssert.Contains(result.Errors.Single(), "a window of at least 8 px, and 7 px are left");
            }
        }

        [TestMethod]
        public void PictogramBesideScrollingText_ThroughTheWire_BoardHoldsItStillWhileTheTextMoves()
        {
            RenderResult composed = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = 64, PanelHeight = 16, Picture = new PictogramContent(PictogramKind.Flood),
                Text = Text("Lũ quét: sơ tán ngay", 64, 16, RenderMode.Scroll, BulletinLevel.Emergency),
            });
            Assert.IsTrue(composed.Ok, string.Join("; ", composed.Errors));
            var board = new BoardCoreRoundTrip();

            (int verdict, _) = board.Publish(new[] { new BulletinItem(composed, PlaySettings.Default with { ScrollSpeed = 25 }) }, 1);

            Assert.AreEqual(WireError.None, verdict);
            ShownItem shown = board.Shown().Single();
            Assert.AreEqual(ProgramItem.LayoutScrollBesideStill, shown.Layout);
            Assert.AreEqual(25, shown.ScrollSpeed);
            Assert.AreEqual(1000, shown.BlinkPeriodMs, "an emergency blinks, the still picture with it");
            IndexedBitmap[] sent = { composed.Still!, composed.Strip! };
            for (int f = 0; f < 2; f++)
            {
                PackedFrame expected = FramePacker.Pack(sent[f]);
                PackedFrame actual = FramePacker.Pack(shown.Frames[f], (PixelFormat)expected.Header.Format);
                CollectionAssert.AreEqual(expected.Pixels, actual.Pixels, f == 0 ? "frame 0: the still picture" : "frame 1: the strip");
                CollectionAssert.AreEqual(expected.Header.Palette, actual.Header.Palette, $"frame {f}: palette");
            }

            // The board's player, every 40 ms of the first 2 s: columns 0-16 always the still picture; columns 17-63 the
            // strip at offset floor(t x 25 / 1000) mod S (docs/protocol.md 15.3); all dark in the blink's second half.
            IndexedBitmap still = composed.Still!;
            IndexedBitmap strip = composed.Strip!;
            var player = board.NewPlayer(64, 16);
            int offsetsSeen = 0;
            int lastOffset = -1;
            for (long t = 0; t < 2000; t += 40)
            {
                player.Step(t, 0);
                bool lit = t % 1000 < 500;
                int offset = (int)(t * 25 / 1000 % strip.Width);
                for (int y = 0; y < 16; y++)
                {
                    for (int x = 0; x < 64; x++)
                    {
                        uint colour = !lit ? 0u : x < 17 ? still.ColorAt(x, y) : strip.ColorAt((offset + x - 17) % strip.Width, y);
                        Assert.AreEqual(colour, (uint)player.Panel.GetPixel(x, y), $"t {t}: ({x}, {y})");
                    }
                }

                if (lit && offset != lastOffset)
                {
                    offsetsSeen++;
                    lastOffset = offset;
                }
            }

            Assert.IsGreaterThan(20, offsetsSeen, "the text moved while the picture stood still");
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
