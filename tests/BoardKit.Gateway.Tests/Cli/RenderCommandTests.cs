using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BoardKit.Cli;
using BoardKit.Gateway.Tests.Preview;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Cli
{
    /// <summary>Runs <c>boardkit render</c> in-process. Console output is process-wide, so this class never runs in parallel.</summary>
    [TestClass]
    [DoNotParallelize]
    public sealed class RenderCommandTests
    {
        private string directory = string.Empty;

        [TestInitialize]
        public void CreateDirectory()
        {
            directory = Path.Combine(Path.GetTempPath(), "bk-render-cli-" + Guid.NewGuid().ToString("N"));
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
                int exit = Program.Main(new[] { "render" }.Concat(args).ToArray());
                return (exit, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }

        private string PathOf(string name) => Path.Combine(directory, name);

        private static byte[] Ihdr(string path) => PngReader.ReadChunks(File.ReadAllBytes(path))[0].Data;

        [TestMethod]
        public void Render_StaticFits_WritesPngAndSummary()
        {
            string png = PathOf("mu-ca.png");
            (int exit, string output, string error) = Run("--text", "Mù Cả", "--panel", "64x16", "--scale", "1", "--out", png);
            Assert.AreEqual(0, exit, error);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 64, 0, 0, 0, 16 }, Ihdr(png)[..8]);
            StringAssert.Contains(output, "Panel 64x16, static mode");
            StringAssert.Contains(output, "Colours: 2");
            StringAssert.Contains(output, "Mono1");
        }

        [TestMethod]
        public void Render_ScaleFour_PreviewIsFourTimesPanel()
        {
            string png = PathOf("big.png");
            (int exit, _, string error) = Run("--text", "Tả Phìn", "--panel", "64x16", "--out", png);
            Assert.AreEqual(0, exit, error);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 1, 0, 0, 0, 0, 64 }, Ihdr(png)[..8]);
        }

        [TestMethod]
        public void Render_MissingCharacters_ExitOneListingEach()
        {
            string png = PathOf("missing.png");
            (int exit, _, string error) = Run("--text", "Nậm Khao\nok \U0001F600 \U0001F4A9", "--panel", "128x32", "--out", png);
            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "U+1F600 GRINNING FACE at line 2, column 4");
            StringAssert.Contains(error, "U+1F4A9 PILE OF POO at line 2, column 6");
            Assert.IsFalse(File.Exists(png));
        }

        [TestMethod]
        public void Render_TooWideForStatic_ExitOneWithPixels()
        {
            (int exit, _, string error) = Run("--text", "Cửa khẩu Ma Lù Thàng", "--panel", "64x16", "--check");
            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "96 px too wide");
        }

        [TestMethod]
        public void Render_Check_WritesNothing()
        {
            string png = PathOf("check.png");
            (int exit, string output, string error) = Run("--text", "Mồ Sì San", "--panel", "128x16", "--check", "--out", png);
            Assert.AreEqual(0, exit, error);
            Assert.IsFalse(File.Exists(png));
            StringAssert.Contains(output, "Check passed");
        }

        [TestMethod]
        public void Render_PagesSeveralFrames_WritesNumberedFiles()
        {
            string png = PathOf("pages.png");
            (int exit, string output, string error) = Run("--text", "Cửa khẩu Ma Lù Thàng 口岸", "--panel", "64x16", "--mode", "pages", "--out", png);
            Assert.AreEqual(0, exit, error);
            Assert.IsFalse(File.Exists(png));
            Assert.IsTrue(File.Exists(PathOf("pages-1.png")));
            Assert.IsTrue(File.Exists(PathOf("pages-4.png")));
            Assert.IsFalse(File.Exists(PathOf("pages-5.png")));
            StringAssert.Contains(output, "4 frame(s)");
        }

        [TestMethod]
        public void Render_PagesTwoLinesOn32_OneFrame()
        {
            string png = PathOf("two.png");
            (int exit, string output, string error) = Run("--text", "Pa Vệ Sủ Mù Cả", "--panel", "64x32", "--mode", "pages", "--scale", "1", "--out", png);
            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "1 frame(s), 2 line(s)");
            Assert.IsTrue(File.Exists(png));
        }

        [TestMethod]
        public void Render_ScrollScaleOne_WritesApngAndStrip()
        {
            string png = PathOf("scroll.png");
            (int exit, _, string error) = Run("--text", "口岸 马鹿塘", "--panel", "32x16", "--mode", "scroll", "--scale", "1", "--out", png);
            Assert.AreEqual(0, exit, error);

            // Strip: 32 lead-in + 5 ideographs x 16 + space 8 = 120 px; one animation frame per 1-px step.
            List<PngChunk> chunks = PngReader.ReadChunks(File.ReadAllBytes(png));
            PngChunk actl = chunks.Single(c => c.Type == "acTL");
            Assert.AreEqual(120u, PngReader.ReadUInt32(actl.Data, 0));
            Assert.AreEqual(120, chunks.Count(c => c.Type == "fcTL"));
            Assert.AreEqual(120, chunks.Count(c => c.Type == "fdAT"), "every step is an fdAT; the IDAT is the still for viewers without APNG");
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 120, 0, 0, 0, 16 }, Ihdr(PathOf("scroll-strip.png"))[..8]);
        }

        [TestMethod]
        public void Render_EmergencyLevel_SummarySaysBlink()
        {
            (int exit, string output, string error) = Run("--text", "Mù Cả", "--panel", "128x32", "--level", "emergency", "--lines", "1", "--check");
            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "emergency level (blink 1000 ms)");
            StringAssert.Contains(output, "#FF0000");
        }

        [TestMethod]
        public void Render_TextFileWithBadUtf8_ExitOneWithOffsets()
        {
            string file = PathOf("bad.txt");
            File.WriteAllBytes(file, new byte[] { (byte)'M', 0xC3, 0xB9, (byte)' ', 0xC3, (byte)'(' });
            (int exit, _, string error) = Run("--text-file", file, "--panel", "64x16", "--check");
            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "byte 4");
        }

        [TestMethod]
        public void Render_TextFile_ReadsUtf8()
        {
            string file = PathOf("ok.txt");
            File.WriteAllText(file, "Mù Cả", new System.Text.UTF8Encoding(true));
            (int exit, _, string error) = Run("--text-file", file, "--panel", "64x16", "--check");
            Assert.AreEqual(0, exit, error);
        }

        [TestMethod]
        [DataRow("--panel", "64by16")]
        [DataRow("--panel", "0x16")]
        [DataRow("--mode", "marquee")]
        [DataRow("--align", "middle")]
        [DataRow("--level", "urgent")]
        [DataRow("--scale", "0")]
        [DataRow("--color", "red")]
        [DataRow("--bogus", "1")]
        public void Render_BadOption_ExitTwo(string option, string value)
        {
            var args = new List<string> { "--text", "Mù Cả", "--panel", "64x16", "--check" };
            int at = args.IndexOf(option);
            if (at >= 0)
            {
                args[at + 1] = value;
            }
            else
            {
                args.AddRange(new[] { option, value });
            }

            (int exit, _, string error) = Run(args.ToArray());
            Assert.AreEqual(2, exit, error);
            StringAssert.Contains(error, "boardkit render:");
        }

        [TestMethod]
        public void Render_NoText_ExitTwo()
        {
            (int exit, _, string error) = Run("--panel", "64x16", "--check");
            Assert.AreEqual(2, exit);
            StringAssert.Contains(error, "--text");
        }

        [TestMethod]
        public void Render_NoOutWithoutCheck_ExitTwo()
        {
            (int exit, _, string error) = Run("--text", "Mù Cả", "--panel", "64x16");
            Assert.AreEqual(2, exit);
            StringAssert.Contains(error, "--out");
        }

        /// <summary>The first <paramref name="characters"/> characters of the commune notice, as an editor's text file.</summary>
        private string NoticeFile(int characters)
        {
            string file = PathOf("notice.txt");
            File.WriteAllText(file, Publishing.CommuneNotice.Text[..characters]);
            return file;
        }

        [TestMethod]
        public void Render_ThousandCharacterNoticeCheck_PassesAsStripsABoardTakes()
        {
            // The case: one strip would be ~8,100 px, twice what the wire carries.
            (int exit, string output, string error) = Run("--text-file", NoticeFile(1000), "--panel", "64x16", "--mode", "scroll", "--check");

            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "2 strips of 4080, 4040 px, 16 px tall, broken at word boundaries and played in turn");
            StringAssert.Contains(output, "Program: 2 item(s), 12,120 of 16,384 bytes signed.");
            StringAssert.Contains(output, "Check passed");
        }

        [TestMethod]
        public void Render_NoticeTooLongForOneProgram_ExitOneWithSizeAndWhereToCut()
        {
            (int exit, _, string error) = Run("--text-file", NoticeFile(1900), "--panel", "64x16", "--mode", "scroll", "--check");

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "a board accepts at most 16,384 bytes: cut ");
            StringAssert.Contains(error, "The first 1,327 of 1,900 characters fit one program");
            StringAssert.Contains(error, "does not play several programs in turn");
        }

        [TestMethod]
        public void Render_ScrollTooLongOn128x32_SaysPagesModeFits()
        {
            (int exit, _, string error) = Run("--text-file", NoticeFile(1000), "--panel", "128x32", "--mode", "scroll", "--check");

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "In pages mode (--mode pages) it fits: 33 pages in 3 item(s)");
        }

        [TestMethod]
        public void Render_FourHundredKilobyteFile_RefusedBeforeReadingAndNothingWritten()
        {
            string file = PathOf("book.txt");
            File.WriteAllText(file, new string('a', 400 * 1024));
            string png = PathOf("book.png");

            (int exit, string output, string error) = Run("--text-file", file, "--panel", "64x16", "--mode", "scroll", "--out", png);

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "book.txt is 409,600 bytes of UTF-8; the gateway accepts at most 16,384 bytes");
            StringAssert.Contains(error, "Nothing was rendered");
            Assert.AreEqual(string.Empty, output);
            Assert.IsFalse(File.Exists(png));
        }

        [TestMethod]
        public void Render_FourHundredKilobyteText_Refused()
        {
            (int exit, _, string error) = Run("--text", new string('a', 400 * 1024), "--panel", "64x16", "--check");

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "409,600 bytes");
        }

        [TestMethod]
        public void Render_FontFileOverSixteenMebibytes_ExitTwoBeforeLoading()
        {
            string font = PathOf("huge.bdf");
            using (FileStream stream = File.Create(font))
            {
                stream.SetLength((16L * 1024 * 1024) + 1);
            }

            (int exit, _, string error) = Run("--text", "Mù Cả", "--panel", "64x16", "--font", font, "--check");

            Assert.AreEqual(2, exit);
            StringAssert.Contains(error, "huge.bdf is 16,777,217 bytes; a font file may be at most 16,777,216 bytes");
        }

        [TestMethod]
        public void Render_PanelWiderThanABoardShows_ExitOneNamingTheFrameWidth()
        {
            (int exit, _, string error) = Run("--text", "Mù Cả", "--panel", "600x16", "--check");

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error, "600 px wide; a board shows frames of at most 512 px: cut 88 px");
        }

        [TestMethod]
        public void Render_LongScrollPreview_ShortAnimationAndEveryStrip()
        {
            string png = PathOf("long.png");

            (int exit, string output, string error) = Run("--text-file", NoticeFile(1000), "--panel", "64x16", "--mode", "scroll", "--out", png);

            Assert.AreEqual(0, exit, error);
            List<PngChunk> chunks = PngReader.ReadChunks(File.ReadAllBytes(png));
            Assert.AreEqual(1500u, PngReader.ReadUInt32(chunks.Single(c => c.Type == "acTL").Data, 0), "one minute at the board's 1-px step");
            CollectionAssert.AreEqual(new byte[] { 0, 0, 1, 0, 0, 0, 0, 64 }, Ihdr(png)[..8], "the animation is the panel at scale 4");
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0x3F, 0xC0, 0, 0, 0, 64 }, Ihdr(PathOf("long-strip-1.png"))[..8], "4080 x 16 at scale 4");
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0x3F, 0x20, 0, 0, 0, 64 }, Ihdr(PathOf("long-strip-2.png"))[..8], "4040 x 16 at scale 4");
            Assert.IsFalse(File.Exists(PathOf("long-strip-3.png")));
            StringAssert.Contains(output, "the first 1,500 of 8,120 1-px steps, 1 min 0 s of 5 min 25 s");
            StringAssert.Contains(output, "the 2 strips in play order");
        }

        [TestMethod]
        public void Render_StripWiderThanPictureBound_StripPictureAtLowerScale()
        {
            string png = PathOf("wide.png");

            (int exit, string output, string error) = Run("--text-file", NoticeFile(500), "--panel", "64x16", "--mode", "scroll", "--scale", "8", "--out", png);

            Assert.AreEqual(0, exit, error);
            byte[] ihdr = Ihdr(PathOf("wide-strip.png"));
            int width = (ihdr[0] << 24) | (ihdr[1] << 16) | (ihdr[2] << 8) | ihdr[3];
            Assert.IsLessThanOrEqualTo(16384, width);
            StringAssert.Contains(output, "scale 4 to stay within 16,384 px");
        }

        [TestMethod]
        public void Render_Help_DocumentsNumberedPageFiles()
        {
            (int exit, string output, _) = Run("--help");
            Assert.AreEqual(0, exit);
            StringAssert.Contains(output, "FILE-1.png");
            StringAssert.Contains(output, "--check");
        }
    }
}
