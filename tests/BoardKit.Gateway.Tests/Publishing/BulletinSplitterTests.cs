using System.Collections.Generic;
using System.Linq;
using System.Text;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Rendering;
using BoardKit.Gateway.Tests.Rendering.Fakes;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>
    /// Splitting with <see cref="FakeShaper"/>: 'L' and 'T' advance 4 px, a space 2 px, so "LT " is 10 px and every strip
    /// width below is arithmetic. A board takes strips of up to 4,096 px; with a 20-px lead-in 4,076 px are left for text:
    /// 407 words of "LT" (407 x 10 - 2 = 4,068 px), not 408 (4,078 px).
    /// </summary>
    [TestClass]
    public sealed class BulletinSplitterTests
    {
        private const int LeadIn = 20;

        private static string Words(int count, string word = "LT") => string.Join(" ", Enumerable.Repeat(word, count));

        private static RenderRequest Scroll(string text, int height = 5, int leadIn = LeadIn, BulletinLevel level = BulletinLevel.Normal) => new()
        {
            Text = text,
            PanelWidth = 20,
            PanelHeight = height,
            Mode = RenderMode.Scroll,
            ScrollLeadIn = leadIn,
            Level = level,
            Shaper = new FakeShaper(),
        };

        private static IReadOnlyList<RenderResult> Pieces(RenderRequest request)
        {
            SplitResult split = BulletinSplitter.Split(request);
            Assert.IsTrue(split.Ok, string.Join(" | ", split.Problems));
            return split.Pieces;
        }

        /// <summary>The letters drawn in a strip after its lead-in, read back from the pixels: 'L' has its top-left and
        /// bottom row lit, 'T' its whole top row; a 2-px blank column pair is a space.</summary>
        private static string ReadLT(IndexedBitmap strip, int leadIn = LeadIn)
        {
            var text = new StringBuilder();
            int x = leadIn;
            while (x < strip.Width)
            {
                bool lit = Enumerable.Range(0, strip.Height).Any(y => strip[x, y] != 0);
                if (!lit)
                {
                    text.Append(' ');
                    x += 2;
                    continue;
                }

                text.Append(strip[x + 2, 0] != 0 ? 'T' : 'L');
                x += 4;
            }

            return text.ToString();
        }

        [TestMethod]
        public void Split_FitsOneStrip_OneStripSameAsRenderer()
        {
            RenderRequest request = Scroll(Words(407));

            IReadOnlyList<RenderResult> pieces = Pieces(request);

            Assert.HasCount(1, pieces);
            Assert.AreEqual(LeadIn + 4068, pieces[0].Strip!.Width);
            CollectionAssert.AreEqual(TextRenderer.Render(request).Strip!.Pixels, pieces[0].Strip!.Pixels);
        }

        [TestMethod]
        public void Split_OneWordMoreThanAStrip_TwoStripsBrokenAtTheSpace()
        {
            IReadOnlyList<RenderResult> pieces = Pieces(Scroll(Words(408)));

            Assert.HasCount(2, pieces);
            Assert.AreEqual(LeadIn + 4068, pieces[0].Strip!.Width);
            Assert.AreEqual(LeadIn + 8, pieces[1].Strip!.Width, "the second strip is its own lead-in and the last word; the space at the cut is dropped");
            Assert.AreEqual(Words(407), ReadLT(pieces[0].Strip!));
            Assert.AreEqual("LT", ReadLT(pieces[1].Strip!));
        }

        [TestMethod]
        public void Split_ThreeStripsOfText_EveryWordOnceInOrderAndEachStripWithinLimit()
        {
            // "LTL " is 14 px: 291 words fill a strip, so 800 words and 5 of "TT" take three strips.
            IReadOnlyList<RenderResult> pieces = Pieces(Scroll(Words(800, "LTL") + " " + Words(5, "TT")));

            Assert.HasCount(3, pieces);
            Assert.IsTrue(pieces.All(p => p.Strip!.Width <= 4096 && p.Mode == RenderMode.Scroll));
            Assert.IsTrue(pieces.All(p => Enumerable.Range(0, LeadIn).All(x => Enumerable.Range(0, 5).All(y => p.Strip![x, y] == 0))),
                "every strip starts with the blank lead-in, so each piece enters from the right like the first");
            string joined = string.Join(" ", pieces.Select(p => ReadLT(p.Strip!)));
            Assert.AreEqual(Words(800, "LTL") + " " + Words(5, "TT"), joined);
        }

        [TestMethod]
        public void Split_WordLongerThanAStrip_BrokenBetweenLetters()
        {
            // 1,100 L's are 4,400 px: 1,019 (4,076 px) fill the first strip, the other 81 the second.
            IReadOnlyList<RenderResult> pieces = Pieces(Scroll(new string('L', 1100)));

            Assert.HasCount(2, pieces);
            Assert.AreEqual(new string('L', 1019), ReadLT(pieces[0].Strip!));
            Assert.AreEqual(new string('L', 81), ReadLT(pieces[1].Strip!));
        }

        [TestMethod]
        public void Split_LetterWithStackedMarkAtTheCut_NeverSeparatedFromItsMark()
        {
            // Â is A + U+0302 in one cluster; 4,076 / 4 = 1,019 clusters fit. Each strip's first letter keeps its circumflex.
            string word = string.Concat(Enumerable.Repeat("A\u0302", 1100));

            IReadOnlyList<RenderResult> pieces = Pieces(Scroll(word, height: 8));

            Assert.HasCount(2, pieces);
            Assert.AreEqual(LeadIn + (1019 * 4), pieces[0].Strip!.Width);
            foreach (RenderResult piece in pieces)
            {
                // The A's middle column is lit at its apex and its bar; the circumflex adds a third pixel above the apex.
                IndexedBitmap strip = piece.Strip!;
                Assert.AreEqual(3, Enumerable.Range(0, strip.Height).Count(y => strip[LeadIn + 1, y] != 0), "circumflex, apex and bar of the first Â");
            }
        }

        [TestMethod]
        public void Split_CjkWithoutSpaces_BrokenBetweenIdeographs()
        {
            // 口 and 中 advance 4 px and may break before them: 1,019 fit the first strip.
            IReadOnlyList<RenderResult> pieces = Pieces(Scroll(string.Concat(Enumerable.Repeat("口中", 550))));

            Assert.HasCount(2, pieces);
            Assert.AreEqual(LeadIn + (1019 * 4), pieces[0].Strip!.Width);
        }

        [TestMethod]
        public void Split_HardBreakAtTheCut_NoGapAtEndOrStart()
        {
            // 407 words end at 4,068 px; the line break's 5-px gap and the next word do not fit: the cut takes the break.
            IReadOnlyList<RenderResult> pieces = Pieces(Scroll(Words(407) + "\n" + Words(3)));

            Assert.HasCount(2, pieces);
            Assert.AreEqual(LeadIn + 4068, pieces[0].Strip!.Width);
            Assert.AreEqual(LeadIn + 28, pieces[1].Strip!.Width);
            Assert.AreEqual(Words(3), ReadLT(pieces[1].Strip!));
        }

        [TestMethod]
        public void Split_RunsAcrossTheCut_EachPieceKeepsItsColoursAndOnlyThose()
        {
            var request = new RenderRequest
            {
                Runs = new[] { new TextRun(Words(300) + " "), new TextRun(Words(300), 0x00FF00) },
                PanelWidth = 20,
                PanelHeight = 5,
                Mode = RenderMode.Scroll,
                ScrollLeadIn = LeadIn,
                Shaper = new FakeShaper(),
            };

            IReadOnlyList<RenderResult> pieces = Pieces(request);

            Assert.HasCount(2, pieces);
            CollectionAssert.AreEqual(new uint[] { 0x000000, BulletinStyle.Amber, 0x00FF00 }, pieces[0].Palette.ToArray());
            CollectionAssert.AreEqual(new uint[] { 0x000000, 0x00FF00 }, pieces[1].Palette.ToArray());
            Assert.AreEqual(0x00FF00u, pieces[0].Strip!.ColorAt(LeadIn + 3000, 3), "word 301 is the first green one");
        }

        [TestMethod]
        public void Split_PieceStartingWithOverhangAndNoLeadIn_ErrorNamesPositionInBulletin()
        {
            // Without a lead-in 409 words fill 4,088 px of 4,096; the next piece starts with J, whose ink is 1 px left of its pen.
            SplitResult split = BulletinSplitter.Split(Scroll(Words(409) + " JL", leadIn: 0));

            Assert.IsFalse(split.Ok);
            FitProblem problem = split.Problems.Single();
            Assert.AreEqual(FitLimit.PanelLayout, problem.Limit);
            StringAssert.Contains(problem.Message, "'J' (U+004A) at line 1, character 1228");
            Assert.IsEmpty(split.Pieces);
        }

        [TestMethod]
        public void Split_LeadInFillsTheStrip_RefusedNamingStripWidth()
        {
            SplitResult split = BulletinSplitter.Split(Scroll(Words(10), leadIn: 4096));

            FitProblem problem = split.Problems.Single();
            Assert.AreEqual(FitLimit.StripWidth, problem.Limit);
            StringAssert.Contains(problem.Message, "lead-in of 4096 px");
        }

        [TestMethod]
        public void Split_LetterWiderThanWhatTheLeadInLeaves_RefusedNamingIt()
        {
            SplitResult split = BulletinSplitter.Split(Scroll(Words(2000), leadIn: 4093));

            FitProblem problem = split.Problems.Single();
            Assert.AreEqual(FitLimit.StripWidth, problem.Limit);
            StringAssert.Contains(problem.Message, "'L' at line 1, character 1 is 4 px wide");
        }

        [TestMethod]
        public void Split_TallPanel_StripsNarrowerSoTheFrameBufferHoldsThem()
        {
            // 64 rows at 1 bit per pixel: a 16,384-byte frame buffer holds 2,048 columns.
            IReadOnlyList<RenderResult> pieces = Pieces(Scroll(Words(300), height: 64));

            Assert.HasCount(2, pieces);
            Assert.IsTrue(pieces.All(p => p.Strip!.Width <= 2048));
        }

        [TestMethod]
        public void Split_EmergencyPieceWithoutRoomForBorder_NoPieceHasTheBorder()
        {
            // On a 6-row panel the border leaves 4 rows: enough for L and T, not for Â over a y's descender.
            SplitResult split = BulletinSplitter.Split(Scroll(Words(407) + " A\u0302y", height: 6, level: BulletinLevel.Emergency));

            Assert.IsTrue(split.Ok, string.Join(" | ", split.Problems));
            Assert.HasCount(2, split.Pieces);
            Assert.IsTrue(split.Pieces.All(p => p.BorderLeftOut));
            Assert.IsTrue(Enumerable.Range(0, LeadIn).All(x => split.Pieces[0].Strip![x, 0] == 0), "no border row on the first strip either");
            StringAssert.Contains(split.Warnings.Single(), "border was left out");
        }

        [TestMethod]
        public void Split_MissingCharacter_CoverageProblem()
        {
            FitProblem problem = BulletinSplitter.Split(Scroll(Words(500) + " X")).Problems.Single();

            Assert.AreEqual(FitLimit.Coverage, problem.Limit);
            StringAssert.Contains(problem.Message, "U+0058");
        }

        [TestMethod]
        public void Split_TwentyPages_TwoPageItemsOfSixteenAndFour()
        {
            var request = new RenderRequest { Text = Words(20), PanelWidth = 10, PanelHeight = 5, Mode = RenderMode.Pages, Shaper = new FakeShaper() };

            IReadOnlyList<RenderResult> pieces = Pieces(request);

            CollectionAssert.AreEqual(new[] { 16, 4 }, pieces.Select(p => p.Frames.Count).ToArray());
            CollectionAssert.AreEqual(new[] { 16, 4 }, pieces.Select(p => p.LineCount).ToArray());
            RenderResult whole = TextRenderer.Render(request);
            for (int i = 0; i < 20; i++)
            {
                Assert.AreEqual(BitmapArt.ToArt(whole.Frames[i]), BitmapArt.ToArt(pieces[i / 16].Frames[i % 16]), $"page {i + 1} in order");
            }
        }

        [TestMethod]
        public void Split_StaticTooWide_RendererRefusalAsPanelLayout()
        {
            var request = new RenderRequest { Text = Words(5), PanelWidth = 10, PanelHeight = 5, Shaper = new FakeShaper() };

            Assert.AreEqual(FitLimit.PanelLayout, BulletinSplitter.Split(request).Problems.Single().Limit);
        }
    }
}
