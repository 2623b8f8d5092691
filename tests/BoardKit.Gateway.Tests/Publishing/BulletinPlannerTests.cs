using System;
using System.Globalization;
using System.Linq;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Rendering.Fakes;
using BoardKit.Gateway.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>The planner with <see cref="FakeShaper"/>: input bound before any work, layout problems, program limits
    /// with exact advice, and agreement with the composer.</summary>
    [TestClass]
    public sealed class BulletinPlannerTests
    {
        private static string Words(int count) => string.Join(" ", Enumerable.Repeat("LT", count));

        private static RenderRequest Scroll(string text, ITextShaper? shaper = null) => new()
        {
            Text = text,
            PanelWidth = 20,
            PanelHeight = 5,
            Mode = RenderMode.Scroll,
            ScrollLeadIn = 20,
            Shaper = shaper ?? new FakeShaper(),
        };

        /// <summary>Counts calls, to prove that nothing was shaped.</summary>
        private sealed class CountingShaper : ITextShaper
        {
            public int Calls { get; private set; }

            public ShapedText Shape(string text)
            {
                Calls++;
                return new FakeShaper().Shape(text);
            }
        }

        [TestMethod]
        public void Plan_FourHundredKilobytes_RefusedBeforeShaping()
        {
            var shaper = new CountingShaper();

            BulletinPlan plan = BulletinPlanner.Plan(Scroll(new string('L', 400 * 1024), shaper));

            FitProblem problem = plan.Problems.Single();
            Assert.AreEqual(FitLimit.InputSize, problem.Limit);
            Assert.AreEqual(409600L, problem.Actual);
            Assert.AreEqual((long)InputBounds.MaxTextBytes, problem.Maximum);
            StringAssert.Contains(problem.Message, "409,600 bytes");
            StringAssert.Contains(problem.Message, "at most 16,384 bytes");
            Assert.AreEqual(0, shaper.Calls);
            Assert.IsEmpty(plan.Items);
        }

        [TestMethod]
        public void Plan_ExactlyTheInputBound_Shaped()
        {
            var shaper = new CountingShaper();

            BulletinPlanner.Plan(Scroll(new string('L', InputBounds.MaxTextBytes), shaper));

            Assert.IsGreaterThan(0, shaper.Calls);
        }

        [TestMethod]
        public void Plan_RunsTogetherOverTheBound_Refused()
        {
            var request = new RenderRequest
            {
                Runs = new[] { new TextRun(new string('L', 10000)), new TextRun(new string('T', 10000), 0x00FF00) },
                PanelWidth = 20, PanelHeight = 5, Mode = RenderMode.Scroll, Shaper = new FakeShaper(),
            };

            Assert.AreEqual(FitLimit.InputSize, BulletinPlanner.Plan(request).Problems.Single().Limit);
        }

        [TestMethod]
        public void Plan_TwoStrips_TwoItemsWithSettingsAndComposedSizeMatches()
        {
            var settings = new PlaySettings { ScrollSpeed = 40, ScheduleStartMinute = 360, ScheduleEndMinute = 1320 };

            BulletinPlan plan = BulletinPlanner.Plan(Scroll(Words(600)), settings);

            Assert.IsTrue(plan.Ok, string.Join(" | ", plan.Problems));
            Assert.HasCount(2, plan.Items);
            Assert.IsTrue(plan.Items.All(i => i.ScrollSpeed == 40 && i.ScheduleStartMinute == 360 && i.ScheduleEndMinute == 1320));
            var gateway = new MessageBuilder(new byte[BoardId.HashSize], 1, new byte[KeyRing.KeySize]);
            Assert.AreEqual(ProgramComposer.ComposeProgram(gateway, plan.Items, 1, 0), plan.MessageBytes);
            Assert.AreEqual(1799, plan.Characters, "600 words of 2 letters and 599 spaces");
            Assert.IsNull(plan.Advice);
        }

        [TestMethod]
        public void Plan_MissingCharacter_CoverageProblemNoItems()
        {
            BulletinPlan plan = BulletinPlanner.Plan(Scroll("LT Q"));

            Assert.AreEqual(FitLimit.Coverage, plan.Problems.Single().Limit);
            Assert.IsEmpty(plan.Items);
        }

        [TestMethod]
        public void Plan_StaticWiderThanABoard_FrameWidthFromTheFitCheck()
        {
            var request = new RenderRequest { Text = "LT", PanelWidth = 600, PanelHeight = 5, Shaper = new FakeShaper() };

            BulletinPlan plan = BulletinPlanner.Plan(request);

            Assert.AreEqual(FitLimit.FrameWidth, plan.Problems.Single().Limit);
            Assert.IsNull(plan.Advice, "cutting text does not narrow a panel");
        }

        [TestMethod]
        public void Plan_BadScrollSpeed_SettingsProblem()
        {
            BulletinPlan plan = BulletinPlanner.Plan(Scroll("LT"), new PlaySettings { ScrollSpeed = 5000 });

            Assert.AreEqual(FitLimit.Settings, plan.Problems.Single().Limit);
        }

        [TestMethod]
        public void Plan_TooLongForOneProgram_AdviceIsTheLongestStartThatFits()
        {
            // On a 64-row board a strip is at most 2,048 px (the frame buffer): 1,600 words of 8 L's (34 px each) take 27
            // strips, far over 16 items and 16 KiB.
            string text = string.Join(" ", Enumerable.Repeat("LLLLLLLL", 1600));
            RenderRequest Tall(string t) => new()
            {
                Text = t, PanelWidth = 20, PanelHeight = 64, Mode = RenderMode.Scroll, ScrollLeadIn = 20, Shaper = new FakeShaper(),
            };

            BulletinPlan plan = BulletinPlanner.Plan(Tall(text));

            Assert.IsFalse(plan.Ok);
            Assert.IsEmpty(plan.Items);
            CollectionAssert.AreEquivalent(new[] { FitLimit.ItemsPerProgram, FitLimit.MessageBytes }, plan.Problems.Select(p => p.Limit).ToArray());
            Assert.IsNotNull(plan.FittingText);
            StringAssert.StartsWith(text, plan.FittingText);
            Assert.AreEqual(plan.FittingText.Length, plan.FittingCharacters);
            Assert.IsTrue(BulletinPlanner.Plan(Tall(plan.FittingText)).Ok, "the advised start fits");
            Assert.IsFalse(BulletinPlanner.Plan(Tall(plan.FittingText + " LLLLLLLL")).Ok, "one word more does not");
            StringAssert.Contains(plan.Advice, string.Create(CultureInfo.InvariantCulture, $"The first {plan.FittingCharacters:N0} of {text.Length:N0} characters fit one program"));
            StringAssert.Contains(plan.Advice, "does not play several programs in turn");
        }

        [TestMethod]
        public void Plan_NoItemsForEmptyText_StillOneBlankStrip()
        {
            BulletinPlan plan = BulletinPlanner.Plan(Scroll(string.Empty));

            Assert.IsTrue(plan.Ok, string.Join(" | ", plan.Problems));
            Assert.HasCount(1, plan.Items);
        }
    }
}
