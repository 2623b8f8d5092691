using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Fonts;
using BoardKit.Gateway.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>
    /// Long notices from editor text to the board core and back: planned, composed and signed by the gateway, received
    /// and decoded by the board's receive path, then read back from the decoded pixels with <see cref="UnifontReader"/>
    /// (glyphs from unifont.hex, not the gateway's fonts). Every character must be there, in play order.
    /// A "strip" is the widest a board scrolls: 4,096 px, less the panel-wide lead-in.
    /// </summary>
    [TestClass]
    public sealed class PublishRoundTripTests
    {
        /// <summary>The longest start of the notice, ending at a space, whose one-line width is at most
        /// <paramref name="strips"/> strips of a <paramref name="panelWidth"/>-px board drawn at <paramref name="scale"/>.</summary>
        private static string NoticeOfStrips(double strips, int panelWidth, int scale)
        {
            int limit = (int)(strips * (WireLimits.MaxStripWidth - panelWidth));
            string[] words = CommuneNotice.Text.Split(' ');
            int count = 0;
            while (count < words.Length && UnifontReader.WidthOf(string.Join(" ", words.Take(count + 1)), scale) <= limit)
            {
                count++;
            }

            Assert.IsLessThan(words.Length, count, "the notice is longer than the length asked for");
            return string.Join(" ", words.Take(count));
        }

        private static RenderRequest Request(string text, int width, int height, RenderMode mode)
        {
            int lines = mode == RenderMode.Pages ? height / 16 : 1;
            return new RenderRequest
            {
                Text = text,
                PanelWidth = width,
                PanelHeight = height,
                Mode = mode,
                LinesPerPanel = mode == RenderMode.Pages ? lines : null,
                Shaper = new TextShaper(InstalledFonts.Sets.ForPanelHeight(height, lines)),
            };
        }

        /// <summary>Publishes <paramref name="plan"/> to a board and reads back, in play order, the text the board shows.</summary>
        private static string PublishAndRead(BulletinPlan plan, int panelWidth, int scale, RenderMode mode, string alphabet)
        {
            var board = new BoardCoreRoundTrip();
            (int verdict, int length) = board.Publish(plan.Items, sequence: 1);
            Assert.AreEqual(WireError.None, verdict, WireError.Describe(verdict));
            Assert.AreEqual(plan.MessageBytes, length, "the plan's size is the size on the wire");

            IReadOnlyList<ShownItem> shown = board.Shown();
            Assert.HasCount(plan.Items.Count, shown);
            int layout = mode == RenderMode.Scroll ? ProgramItem.LayoutScroll : ProgramItem.LayoutPage;
            Assert.IsTrue(shown.All(i => i.Layout == layout && i.Level == ProgramItem.LevelNormal && i.DwellMs == PlaySettings.Default.DwellMs));
            var reader = new UnifontReader(alphabet, scale);
            IEnumerable<string> read = mode == RenderMode.Scroll
                ? shown.Select(i => reader.ReadStrip(i.Frames.Single(), leadIn: panelWidth))
                : shown.SelectMany(i => i.Frames).Select(reader.ReadPage);
            return string.Join(" ", read);
        }

        [TestMethod]
        [DataRow(64, 16, 1, 1.0, 1)]
        [DataRow(64, 16, 1, 1.5, 2)]
        [DataRow(128, 32, 2, 1.0, 1)]
        [DataRow(128, 32, 2, 1.5, 2)] // 15,392 bytes signed: the 32-px line costs four times the bits of a 16-px one
        public void Publish_ScrollNotice_BoardShowsEveryCharacterInOrder(int width, int height, int scale, double strips, int items)
        {
            string notice = NoticeOfStrips(strips, width, scale);

            BulletinPlan plan = BulletinPlanner.Plan(Request(notice, width, height, RenderMode.Scroll));

            Assert.IsTrue(plan.Ok, string.Join(" | ", plan.Problems));
            Assert.HasCount(items, plan.Items);
            string shown = PublishAndRead(plan, width, scale, RenderMode.Scroll, notice);
            Assert.AreEqual(UnifontReader.Ink(notice), UnifontReader.Ink(shown));
        }

        [TestMethod]
        [DataRow(64, 16, 1)]
        [DataRow(128, 32, 2)]
        public void Publish_ThreeStripNotice_RefusedNamingTheSizeAndTheFittingStartRoundTrips(int width, int height, int scale)
        {
            // Three full strips are 18 KB signed on 64x16 and 31 KB on 128x32: no program holds them.
            string notice = NoticeOfStrips(3.0, width, scale);

            BulletinPlan plan = BulletinPlanner.Plan(Request(notice, width, height, RenderMode.Scroll));

            Assert.IsFalse(plan.Ok);
            Assert.IsEmpty(plan.Items);
            FitProblem problem = plan.Problems.Single();
            Assert.AreEqual(FitLimit.MessageBytes, problem.Limit);
            Assert.AreEqual((long)WireLimits.MaxProgramBytes, problem.Maximum);
            Assert.AreEqual(problem.Actual - problem.Maximum, problem.Excess);
            StringAssert.Contains(problem.Message, string.Create(CultureInfo.InvariantCulture, $"cut {problem.Excess:N0} bytes"));
            StringAssert.Contains(plan.Advice, string.Create(CultureInfo.InvariantCulture, $"The first {plan.FittingCharacters:N0} of {plan.Characters:N0} characters fit one program"));
            StringAssert.Contains(plan.Advice, "does not play several programs in turn");

            BulletinPlan fitting = BulletinPlanner.Plan(Request(plan.FittingText!, width, height, RenderMode.Scroll));
            Assert.IsTrue(fitting.Ok, string.Join(" | ", fitting.Problems));
            string shown = PublishAndRead(fitting, width, scale, RenderMode.Scroll, notice);
            Assert.AreEqual(UnifontReader.Ink(plan.FittingText!), UnifontReader.Ink(shown));
            StringAssert.StartsWith(UnifontReader.Ink(notice), UnifontReader.Ink(shown));
        }

        [TestMethod]
        public void Publish_ThreeStripNoticeAsPagesOn128x32_TwoPageItemsEveryCharacterInOrder()
        {
            string notice = NoticeOfStrips(3.0, 128, 2);

            BulletinPlan plan = BulletinPlanner.Plan(Request(notice, 128, 32, RenderMode.Pages));

            Assert.IsTrue(plan.Ok, string.Join(" | ", plan.Problems));
            CollectionAssert.AreEqual(new[] { 16, 9 }, plan.Items.Select(i => i.Rendered.Frames.Count).ToArray());
            string shown = PublishAndRead(plan, 128, 1, RenderMode.Pages, notice);
            Assert.AreEqual(UnifontReader.Ink(notice), UnifontReader.Ink(shown));
        }

        [TestMethod]
        public void Publish_OneStripNoticeAsPagesOn64x16_FivePageItemsEveryCharacterInOrder()
        {
            string notice = NoticeOfStrips(1.0, 64, 1);

            BulletinPlan plan = BulletinPlanner.Plan(Request(notice, 64, 16, RenderMode.Pages));

            Assert.IsTrue(plan.Ok, string.Join(" | ", plan.Problems));
            Assert.HasCount(5, plan.Items);
            string shown = PublishAndRead(plan, 64, 1, RenderMode.Pages, notice);
            Assert.AreEqual(UnifontReader.Ink(notice), UnifontReader.Ink(shown));
        }
    }
}
