using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BoardKit.Gateway.Preview;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Bench
{
    /// <summary>
    /// The fit check with splitting (<see cref="BulletinPlanner"/>) on long notices for a 64x16 scroll board: one that
    /// fits as two strips, one too long for a program (the search for the longest start that fits included), text at
    /// the 16 KiB input bound, and the 400 KB text refused before any work.
    /// </summary>
    [MemoryDiagnoser]
    [ShortRunJob]
    public class PlanningBenchmarks
    {
        private RenderRequest fits = null!;
        private RenderRequest tooLong = null!;
        private RenderRequest atBound = null!;
        private RenderRequest fourHundredKilobytes = null!;

        /// <summary>Builds the requests and warms the font caches.</summary>
        [GlobalSetup]
        public void Setup()
        {
            var shaper = new TextShaper(SampleContent.Fonts.ForLineHeight(16));
            RenderRequest Scroll(string text) => new() { Text = text, PanelWidth = 64, PanelHeight = 16, Mode = RenderMode.Scroll, Shaper = shaper };
            string repeated = string.Concat(Enumerable.Repeat(SampleContent.Notice + " ", 10));
            fits = Scroll(SampleContent.Notice[..1000]);
            tooLong = Scroll(SampleContent.Notice);
            atBound = Scroll(Truncate(repeated, InputBounds.MaxTextBytes));
            fourHundredKilobytes = Scroll(string.Concat(Enumerable.Repeat(SampleContent.Notice + " ", 160))[..(400 * 1024 / 2)]);
            BulletinPlanner.Plan(tooLong);
        }

        /// <summary>1,000 characters: split into two strips, rendered, packed and measured; fits (12,120 bytes).</summary>
        [Benchmark]
        public BulletinPlan NoticeFitsAsTwoStrips() => BulletinPlanner.Plan(fits);

        /// <summary>1,975 characters: four strips, 24 KB; refused with the longest start that fits (1,327 characters).</summary>
        [Benchmark]
        public BulletinPlan NoticeTooLongRefusedWithAdvice() => BulletinPlanner.Plan(tooLong);

        /// <summary>16,384 bytes of UTF-8 (~12,300 characters): the most the planner ever shapes and splits.</summary>
        [Benchmark]
        public BulletinPlan AtTheInputBoundRefusedWithAdvice() => BulletinPlanner.Plan(atBound);

        /// <summary>~400 KB of UTF-8: refused by its size alone, nothing shaped.</summary>
        [Benchmark]
        public BulletinPlan FourHundredKilobytesRefused() => BulletinPlanner.Plan(fourHundredKilobytes);

        private static string Truncate(string text, int utf8Bytes)
        {
            int length = text.Length;
            while (System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > utf8Bytes)
            {
                length -= (System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) - utf8Bytes + 2) / 3;
            }

            return text[..length];
        }
    }

    /// <summary>
    /// The bounded scroll preview <c>boardkit render --out</c> writes for a long notice: the 1,500-frame animation at
    /// scale 4, and the most any preview may draw (<see cref="PreviewBounds.MaxTotalPixels"/>).
    /// </summary>
    [MemoryDiagnoser]
    [ShortRunJob]
    public class PreviewBenchmarks
    {
        private IndexedBitmap[] strips = null!;

        /// <summary>Plans the 1,000-character notice as two strips for 64x16.</summary>
        [GlobalSetup]
        public void Setup()
        {
            var shaper = new TextShaper(SampleContent.Fonts.ForLineHeight(16));
            BulletinPlan plan = BulletinPlanner.Plan(new RenderRequest
            {
                Text = SampleContent.Notice[..1000], PanelWidth = 64, PanelHeight = 16, Mode = RenderMode.Scroll, Shaper = shaper,
            });
            strips = plan.Pieces.Select(p => p.Strip!).ToArray();
        }

        /// <summary>The default preview of a long scroll: 1,500 frames at scale 4 (25 Mpx), APNG-encoded.</summary>
        [Benchmark]
        public int LongScrollAnimationScale4() => Animate(4);

        /// <summary>The bound: 1,024 frames at scale 8 (64 Mi picture pixels), APNG-encoded.</summary>
        [Benchmark]
        public int AnimationAtTotalPixelBound() => Animate(8);

        private int Animate(int scale)
        {
            ScrollPreview preview = ScrollPreview.Build(strips, 64, PreviewBounds.AnimationFrames(64, 16, scale, usedPixels: 0));
            return ApngWriter.Encode(LedPreview.RenderAll(preview.Frames, scale), ScrollAnimation.DefaultStepMs).Length;
        }
    }
}
