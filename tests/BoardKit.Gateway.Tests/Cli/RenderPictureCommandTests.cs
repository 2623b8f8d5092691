using System;
using System.IO;
using System.Linq;
using BoardKit.Cli;
using BoardKit.Gateway.Tests.Imaging;
using BoardKit.Gateway.Tests.Preview;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SkiaSharp;

namespace BoardKit.Gateway.Tests.Cli
{
    /// <summary><c>boardkit render</c> with pictures, in-process. Console output is process-wide: never in parallel.</summary>
    [TestClass]
    [DoNotParallelize]
    public sealed class RenderPictureCommandTests
    {
        private string directory = string.Empty;

        [TestInitialize]
        public void CreateDirectory()
        {
            directory = Path.Combine(Path.GetTempPath(), "bk-render-pictures-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
        }

        [TestCleanup]
        public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

        private static (int Exit, string Out, string Err) Run(params string[] args)
        {
            TextWriter oldOut = Console.Out;
            TextWriter oldErr = Console.Error;
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                return (Program.Main(new[] { "render" }.Concat(args).ToArray()), stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }

        private string PathOf(string name) => Path.Combine(directory, name);

        private string Photo(string name, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
        {
            string path = PathOf(name);
            File.WriteAllBytes(path, TestPictures.Encode(600, 300, (x, y) => TestPictures.Photo(x, y, 600, 300), format));
            return path;
        }

        [TestMethod]
        public void Render_Image_WritesPreviewAndSaysFormatAndPower()
        {
            string png = PathOf("photo.png");
            (int exit, string output, string error) = Run("--image", Photo("photo.jpg"), "--panel", "64x32", "--scale", "1", "--out", png);

            Assert.AreEqual(0, exit, error);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 64, 0, 0, 0, 32 }, PngReader.ReadChunks(File.ReadAllBytes(png))[0].Data[..8]);
            StringAssert.Contains(output, "Picture: image 600x300 Jpeg, fit into 64x32 px, dither diffusion;");
            StringAssert.Contains(output, "the smallest format within the error target 8.0");
            StringAssert.Contains(output, "Power: up to ");
        }

        [TestMethod]
        public void Render_ImageTwoColoursOrdered_Mono1AsAsked()
        {
            (int exit, string output, string error) = Run("--image", Photo("p.png", SKEncodedImageFormat.Png), "--panel", "64x16", "--colours", "2", "--dither", "ordered", "--fit", "crop", "--check");

            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "wire format Mono1");
            StringAssert.Contains(output, "Mono1 (2 colours): as asked");
            StringAssert.Contains(output, "crop into 64x16 px, dither ordered");
        }

        [TestMethod]
        public void Render_TruncatedImage_RefusedExitOne()
        {
            string path = Photo("cut.jpg");
            byte[] bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

            (int exit, _, string error) = Run("--image", path, "--panel", "64x16", "--check");

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "is cut off");
        }

        [TestMethod]
        public void Render_PictogramWithText_OneFramePalette2()
        {
            string png = PathOf("flood.png");
            (int exit, string output, string error) = Run("--pictogram", "flood", "--text", "Lũ", "--level", "emergency", "--panel", "64x16", "--out", png);

            Assert.AreEqual(0, exit, error);
            Assert.IsTrue(File.Exists(png));
            StringAssert.Contains(output, "wire format Palette2");
            StringAssert.Contains(output, "pictogram flood, 16-px drawing");
        }

        [TestMethod]
        public void Render_QrTooLongForThePanel_RefusedWithWhatItNeeds()
        {
            (int exit, _, string error) = Run("--qr", "https://xa-ma-ly-ho.gov.vn/b/12", "--panel", "64x32", "--check");

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "needs a version-2 QR code, 33x33 LEDs");
        }

        [TestMethod]
        public void Render_QrOnTallPanel_Ok()
        {
            (int exit, string output, string error) = Run("--qr", "https://xa-ma-ly-ho.gov.vn/b/12", "--panel", "128x64", "--check");

            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "QR code version 3 (M)");
        }

        [TestMethod]
        public void Render_BadPictureOptions_UsageErrors()
        {
            Assert.AreEqual(2, Run("--pictogram", "tsunami", "--panel", "64x16", "--check").Exit);
            Assert.AreEqual(2, Run("--image", "x.png", "--colours", "8", "--panel", "64x16", "--check").Exit);
            Assert.AreEqual(2, Run("--pictogram", "fire", "--qr", "https://x.vn/", "--panel", "64x16", "--check").Exit);
            Assert.AreEqual(2, Run("--text", "a", "--dither", "none", "--panel", "64x16", "--check").Exit);
            Assert.AreEqual(2, Run("--image", PathOf("missing.png"), "--panel", "64x16", "--check").Exit);
        }

        [TestMethod]
        public void Render_PictogramBesideScrollingText_AnimationHoldsThePictogramStill()
        {
            string png = PathOf("flood.png");
            (int exit, string output, string error) = Run("--pictogram", "flood", "--text", "Lũ quét", "--level", "emergency", "--panel", "64x16",
                "--mode", "scroll", "--scale", "1", "--out", png);

            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "still picture 17x16 at the left, strip ");
            StringAssert.Contains(output, "scrolling in the 47-px window beside it (the board holds the picture still: wire layout 3)");
            StringAssert.Contains(output, "(still picture) and Mono1 (strip)");
            Assert.IsTrue(File.Exists(PathOf("flood-strip.png")));

            // Scale 1: one palette index per LED. Every animation step keeps columns 0-16 (pictogram and gap) as the
            // first step has them, while the 47 columns beside them change from step to step.
            var chunks = PngReader.ReadChunks(File.ReadAllBytes(png));
            byte[][] steps = chunks.Where(c => c.Type == "fdAT").Select(c => PngReader.Unfilter(c.Data[4..], 16, 64)).ToArray();
            Assert.IsGreaterThan(47, steps.Length, "at least the lead-in and the text");
            Assert.AreEqual((uint)steps.Length, PngReader.ReadUInt32(chunks.Single(c => c.Type == "acTL").Data, 0));
            static byte[] Columns(byte[] frame, int from, int to) =>
                Enumerable.Range(0, 16).SelectMany(y => frame.AsSpan((y * 64) + from, to - from).ToArray()).ToArray();
            byte[] pictogram = Columns(steps[0], 0, 17);
            Assert.IsTrue(pictogram.Any(i => i != pictogram[16 * 17 - 1]), "the pictogram is drawn, not blank");
            int windowsSeen = 0;
            for (int k = 0; k < steps.Length; k++)
            {
                CollectionAssert.AreEqual(pictogram, Columns(steps[k], 0, 17), $"step {k}: the pictogram columns");
                if (k > 0 && !Columns(steps[k], 17, 64).SequenceEqual(Columns(steps[k - 1], 17, 64)))
                {
                    windowsSeen++;
                }
            }

            Assert.IsGreaterThan(steps.Length / 2, windowsSeen, "the text moved in the window");
        }
    }
}
