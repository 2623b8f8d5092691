using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>Every wire and board limit the fit check names, on hand-made items, and its agreement with the composer.</summary>
    [TestClass]
    public sealed class FitCheckTests
    {
        private static readonly uint[] Amber = { 0x000000, 0xFFA000 };

        private static BulletinItem Static(int width, int height, uint[]? palette = null) =>
            new(new RenderResult { Mode = RenderMode.Static, Frames = new[] { new IndexedBitmap(width, height, palette ?? Amber) } });

        private static BulletinItem Scroll(int width, int height, PlaySettings? settings = null) =>
            new(new RenderResult { Mode = RenderMode.Scroll, Strip = new IndexedBitmap(width, height, Amber) }, settings ?? PlaySettings.Default);

        private static BulletinItem Pages(int count) =>
            new(new RenderResult { Mode = RenderMode.Pages, Frames = Enumerable.Range(0, count).Select(_ => new IndexedBitmap(64, 16, Amber)).ToArray() });

        /// <summary>A 16-colour frame of random pixels: run-length cannot shrink it, so its wire size is its raw size.</summary>
        private static BulletinItem Noise(int width, int height, int seed, RenderMode mode = RenderMode.Static)
        {
            var palette = Enumerable.Range(0, 16).Select(i => (uint)(i * 0x0F0F0F)).ToArray();
            var frame = new IndexedBitmap(width, height, palette);
            new Random(seed).NextBytes(frame.Pixels);
            for (int i = 0; i < frame.Pixels.Length; i++)
            {
                frame.Pixels[i] &= 0x0F;
            }

            return new BulletinItem(mode == RenderMode.Scroll
                ? new RenderResult { Mode = mode, Strip = frame }
                : new RenderResult { Mode = mode, Frames = new[] { frame } });
        }

        private static MessageBuilder Gateway() => new(new byte[BoardId.HashSize], 1, new byte[KeyRing.KeySize]);

        [TestMethod]
        public void CheckProgram_SmallItems_OkAndSizeIsWhatTheComposerWrites()
        {
            var items = new[] { Static(64, 16), Scroll(700, 16), Pages(3) };

            FitReport report = FitCheck.CheckProgram(items);

            Assert.IsTrue(report.Ok, string.Join(" | ", report.Problems));
            Assert.AreEqual(ProgramComposer.ComposeProgram(Gateway(), items, 1, 0), report.MessageBytes);
            Assert.AreEqual(WireLimits.MaxProgramBytes, report.MaxMessageBytes);
            Assert.AreEqual(report.MessageBytes - Envelope.Overhead - ProgramCodec.ProgramHeaderSize, report.ItemBytes.Sum());
        }

        [TestMethod]
        public void CheckProgram_SeventeenItems_NamesItemLimitAndCut()
        {
            FitReport report = FitCheck.CheckProgram(Enumerable.Range(0, 17).Select(_ => Static(8, 8)).ToArray());

            FitProblem problem = report.Problems.Single();
            Assert.AreEqual(FitLimit.ItemsPerProgram, problem.Limit);
            Assert.AreEqual(17L, problem.Actual);
            Assert.AreEqual(16L, problem.Maximum);
            Assert.AreEqual(1L, problem.Excess);
            StringAssert.Contains(problem.Message, "needs 17 items");
            StringAssert.Contains(problem.Message, "cut 1 item");
        }

        [TestMethod]
        public void CheckProgram_NoItems_Refused()
        {
            Assert.AreEqual(FitLimit.ItemsPerProgram, FitCheck.CheckProgram(Array.Empty<BulletinItem>()).Problems.Single().Limit);
        }

        [TestMethod]
        public void CheckProgram_StripWiderThan4096_NamesPixelsToCut()
        {
            FitProblem problem = FitCheck.CheckProgram(new[] { Static(64, 16), Scroll(4100, 16) }).Problems.Single();

            Assert.AreEqual(FitLimit.StripWidth, problem.Limit);
            Assert.AreEqual(4L, problem.Excess);
            StringAssert.Contains(problem.Message, "Item 2: its scroll strip is 4,100 px wide");
            StringAssert.Contains(problem.Message, "at most 4,096 px: cut 4 px");
        }

        [TestMethod]
        public void CheckProgram_StaticFrameWiderThan512_NamesFrameWidth()
        {
            FitProblem problem = FitCheck.CheckProgram(new[] { Static(600, 16) }).Problems.Single();

            Assert.AreEqual(FitLimit.FrameWidth, problem.Limit);
            Assert.AreEqual(88L, problem.Excess);
            StringAssert.Contains(problem.Message, "600 px wide");
        }

        [TestMethod]
        public void CheckProgram_FrameTallerThan64_NamesHeight()
        {
            FitProblem problem = FitCheck.CheckProgram(new[] { Static(64, 96) }).Problems.Single();

            Assert.AreEqual(FitLimit.FrameHeight, problem.Limit);
            Assert.AreEqual(32L, problem.Excess);
        }

        [TestMethod]
        public void CheckProgram_SeventeenPages_NamesPagesToCut()
        {
            FitProblem problem = FitCheck.CheckProgram(new[] { Pages(17) }).Problems.Single();

            Assert.AreEqual(FitLimit.FramesPerItem, problem.Limit);
            StringAssert.Contains(problem.Message, "Item 1 has 17 pages");
            StringAssert.Contains(problem.Message, "cut 1 page");
        }

        [TestMethod]
        public void CheckProgram_SeventeenColoursSmall_FitsAsRgb888()
        {
            uint[] palette = Enumerable.Range(0, 17).Select(i => (uint)i).ToArray();

            FitReport report = FitCheck.CheckProgram(new[] { Static(8, 8, palette) });

            Assert.IsTrue(report.Ok, string.Join("; ", report.Problems));
        }

        [TestMethod]
        public void CheckProgram_SeventeenColoursOn128x64_NamesRawBytesAndPaletteWay()
        {
            // 128 x 64 x 3 bytes = 24,576: an Rgb888 picture this large must use a palette format.
            uint[] palette = Enumerable.Range(0, 17).Select(i => (uint)i).ToArray();

            FitProblem problem = FitCheck.CheckProgram(new[] { Static(128, 64, palette) }).Problems.Single();

            Assert.AreEqual(FitLimit.RawFrameBytes, problem.Limit);
            Assert.AreEqual(24576L, problem.Actual);
            StringAssert.Contains(problem.Message, "128x64 Rgb888, 17 colours");
            StringAssert.Contains(problem.Message, "or use at most 16 colours (Palette4: 4,096 bytes)");
        }

        [TestMethod]
        public void CheckProgram_FullStripOn64PxBoard_NamesRawBytesAndColumns()
        {
            // 4096 x 64 at 1 bit per pixel is 32 KiB: twice the board's frame buffer; 2048 columns must go.
            FitProblem problem = FitCheck.CheckProgram(new[] { Scroll(4096, 64) }).Problems.Single();

            Assert.AreEqual(FitLimit.RawFrameBytes, problem.Limit);
            Assert.AreEqual(32768L, problem.Actual);
            StringAssert.Contains(problem.Message, "cut 16,384 bytes (2,048 px of width)");
        }

        [TestMethod]
        public void CheckProgram_TwoIncompressibleHalfBufferFrames_NamesSignedSizeAndComposerRefuses()
        {
            // 512 x 32 at 4 bits per pixel: 8,192 bytes each, random so run-length cannot shrink them.
            var items = new[] { Noise(512, 32, 1), Noise(512, 32, 2) };

            FitReport report = FitCheck.CheckProgram(items);

            FitProblem problem = report.Problems.Single();
            Assert.AreEqual(FitLimit.MessageBytes, problem.Limit);
            Assert.AreEqual(report.MessageBytes, (int)problem.Actual!);
            Assert.IsGreaterThan(WireLimits.MaxProgramBytes, report.MessageBytes);
            StringAssert.Contains(problem.Message, "The first 1 of 2 items fit");
            var e = Assert.ThrowsExactly<BulletinDoesNotFitException>(() => ProgramComposer.ComposeProgram(Gateway(), items, 1, 0));
            Assert.AreEqual(FitLimit.MessageBytes, e.Report.Problems.Single().Limit);
        }

        [TestMethod]
        public void CheckProgram_ScrollSpeedZero_NamesSetting()
        {
            FitProblem problem = FitCheck.CheckProgram(new[] { Scroll(100, 16, new PlaySettings { ScrollSpeed = 0 }) }).Problems.Single();

            Assert.AreEqual(FitLimit.Settings, problem.Limit);
            StringAssert.Contains(problem.Message, "scroll speed 0 px/s");
        }

        [TestMethod]
        public void CheckProgram_BlinkFasterThanTwiceASecond_NamesSetting()
        {
            var item = new BulletinItem(new RenderResult { Mode = RenderMode.Static, Frames = new[] { new IndexedBitmap(8, 8, Amber) }, BlinkPeriodMs = 100 });

            StringAssert.Contains(FitCheck.CheckProgram(new[] { item }).Problems.Single().Message, "blink period 100 ms");
        }

        [TestMethod]
        public void CheckProgram_ValidUntilBeforeFrom_NamesSetting()
        {
            var item = Scroll(100, 16, new PlaySettings { ValidFrom = 2000, ValidUntil = 1000 });

            Assert.AreEqual(FitLimit.Settings, FitCheck.CheckProgram(new[] { item }).Problems.Single().Limit);
        }

        [TestMethod]
        public void CheckProgram_UtcOffsetOutOfRange_NamesSetting()
        {
            StringAssert.Contains(FitCheck.CheckProgram(new[] { Static(8, 8) }, utcOffsetMinutes: 900).Problems.Single().Message, "UTC offset 900");
        }

        [TestMethod]
        public void CheckAlert_IncompressibleHalfBufferFrame_OverAlertLimit()
        {
            BulletinItem alert = Noise(512, 32, 3);

            FitReport report = FitCheck.CheckAlert(alert);

            Assert.AreEqual(WireLimits.MaxAlertBytes, report.MaxMessageBytes);
            StringAssert.Contains(report.Problems.Single().Message, "The signed alert would be");
            Assert.ThrowsExactly<BulletinDoesNotFitException>(() => ProgramComposer.ComposeAlert(Gateway(), alert, 1, 0));
        }

        [TestMethod]
        public void CheckAlert_SmallFrame_SizeIsWhatTheComposerWrites()
        {
            BulletinItem alert = Static(64, 16);

            FitReport report = FitCheck.CheckAlert(alert);

            Assert.IsTrue(report.Ok);
            Assert.AreEqual(ProgramComposer.ComposeAlert(Gateway(), alert, 1, 0), report.MessageBytes);
        }

        [TestMethod]
        public void CheckProgram_SeveralProblems_ListsEachOnce()
        {
            var items = new List<BulletinItem> { Scroll(5000, 16), Static(64, 80) };
            items.AddRange(Enumerable.Range(0, 15).Select(_ => Static(8, 8)));

            FitLimit[] limits = FitCheck.CheckProgram(items).Problems.Select(p => p.Limit).ToArray();

            CollectionAssert.AreEquivalent(new[] { FitLimit.ItemsPerProgram, FitLimit.StripWidth, FitLimit.FrameHeight }, limits);
        }

        /// <summary>A scroll beside a still picture (wire layout 3): a still frame of <paramref name="stillWidth"/> and a
        /// strip of <paramref name="stripWidth"/>, both <paramref name="height"/> tall, 2 colours each.</summary>
        private static BulletinItem StillBesideStrip(int stillWidth, int stripWidth, int height, PlaySettings? settings = null) =>
            new(new RenderResult
            {
                Mode = RenderMode.Scroll,
                Still = new IndexedBitmap(stillWidth, height, new uint[] { 0x000000, 0xFF0000 }),
                Strip = new IndexedBitmap(stripWidth, height, Amber),
            }, settings ?? PlaySettings.Default);

        [TestMethod]
        public void CheckProgram_StillBesideStrip_OkAndTheComposerWritesLayout3()
        {
            var items = new[] { StillBesideStrip(17, 700, 16), Static(64, 16) };

            FitReport report = FitCheck.CheckProgram(items);

            Assert.IsTrue(report.Ok, string.Join(" | ", report.Problems));
            var board = new BoardCoreRoundTrip();
            (int verdict, int length) = board.Publish(items, 1);
            Assert.AreEqual(WireError.None, verdict);
            Assert.AreEqual(report.MessageBytes, length);
            ShownItem shown = board.Shown()[0];
            Assert.AreEqual(ProgramItem.LayoutScrollBesideStill, shown.Layout);
            Assert.AreEqual(PlaySettings.Default.ScrollSpeed, shown.ScrollSpeed);
            Assert.AreEqual(17, shown.Frames[0].Width, "frame 0: the still picture");
            Assert.AreEqual(700, shown.Frames[1].Width, "frame 1: the strip");
        }

        [TestMethod]
        public void CheckProgram_StillPictureWiderThan504_NamesFrameWidthAndTheWindow()
        {
            FitProblem problem = FitCheck.CheckProgram(new[] { StillBesideStrip(505, 100, 16) }).Problems.Single();

            Assert.AreEqual(FitLimit.FrameWidth, problem.Limit);
            Assert.AreEqual(505L, problem.Actual);
            Assert.AreEqual(504L, problem.Maximum);
            StringAssert.Contains(problem.Message, "Item 1: its still picture is 505 px wide");
            StringAssert.Contains(problem.Message, "a scroll window of at least 8 px: cut 1 px");
            Assert.IsTrue(FitCheck.CheckProgram(new[] { StillBesideStrip(504, 100, 16) }).Ok);
        }

        [TestMethod]
        public void CheckProgram_StillAndStripOverTheFrameBufferTogether_NamesBytesAndStripColumns()
        {
            // Still 8x32 Mono1 = 32 bytes, strip 4094x32 Mono1 = 16,376 bytes: 16,408 together, 24 bytes = 6 strip columns too many.
            FitProblem problem = FitCheck.CheckProgram(new[] { StillBesideStrip(8, 4094, 32) }).Problems.Single();

            Assert.AreEqual(FitLimit.RawFrameBytes, problem.Limit);
            Assert.AreEqual(16408L, problem.Actual);
            Assert.AreEqual(24L, problem.Excess);
            StringAssert.Contains(problem.Message, "cut 24 bytes (6 px of the strip's width)");
            Assert.IsTrue(FitCheck.CheckProgram(new[] { StillBesideStrip(8, 4088, 32) }).Ok, "6 px narrower fits");
            Assert.IsTrue(FitCheck.CheckProgram(new[] { Scroll(4094, 32) }).Ok, "the strip alone fits a scroll item");
        }

        [TestMethod]
        public void CheckProgram_StillBesideStripSpeedZero_NamesSetting()
        {
            FitProblem problem = FitCheck.CheckProgram(new[] { StillBesideStrip(17, 100, 16, PlaySettings.Default with { ScrollSpeed = 0 }) }).Problems.Single();

            Assert.AreEqual(FitLimit.Settings, problem.Limit);
            StringAssert.Contains(problem.Message, "scroll speed 0 px/s");
        }
    }
}
