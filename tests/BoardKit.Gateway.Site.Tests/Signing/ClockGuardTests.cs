using System;
using BoardKit.Gateway.Site.Signing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Signing
{
    [TestClass]
    public sealed class ClockGuardTests
    {
        [TestMethod]
        public void Next_ClockNeverSet_RefusedAndNothingConsumed()
        {
            using var site = new SiteKit();
            site.AddBoard("mlt-a");
            site.Time.UtcNow = new DateTimeOffset(1970, 1, 1, 0, 0, 42, TimeSpan.Zero);

            var e = Assert.ThrowsExactly<UncheckedClockException>(() => site.Sequences.Next("mlt-a", SequenceStream.Program));

            StringAssert.Contains(e.Message, "never set");
            Assert.AreEqual(0ul, site.Sequences.Last("mlt-a", SequenceStream.Program));
            Assert.AreEqual(0, site.Clock.HighWaterMs);
        }

        [TestMethod]
        public void Next_ClockStepsBackWithinFiveMinutes_Accepted()
        {
            using var site = new SiteKit();
            ulong first = site.Sequences.Next("mlt-a", SequenceStream.Program).Sequence;
            site.Time.UtcNow -= TimeSpan.FromMinutes(4);

            ulong second = site.Sequences.Next("mlt-a", SequenceStream.Program).Sequence;

            Assert.AreEqual(first + 1, second, "a clock behind continues from the last sequence");
        }

        [TestMethod]
        public void Next_ClockMoreThanFiveMinutesBehind_RefusedUntilTrusted()
        {
            using var site = new SiteKit();
            site.Sequences.Next("mlt-a", SequenceStream.Program);
            long highWater = site.Clock.HighWaterMs;
            site.Time.UtcNow -= TimeSpan.FromMinutes(6);

            var e = Assert.ThrowsExactly<UncheckedClockException>(() => site.Sequences.Next("mlt-a", SequenceStream.Program));
            StringAssert.Contains(e.Message, "boardkit clock trust");
            Assert.AreEqual(highWater, site.Clock.HighWaterMs);

            site.Clock.TrustCurrentClock();
            site.Sequences.Next("mlt-a", SequenceStream.Program);
            Assert.AreEqual(site.Time.UtcNow.ToUnixTimeMilliseconds(), site.Clock.HighWaterMs);
        }

        [TestMethod]
        public void Next_ClockMoreThanSevenDaysAhead_RefusedUnlessNtpSynchronised()
        {
            using var site = new SiteKit();
            site.Sequences.Next("mlt-a", SequenceStream.Program);
            site.Time.UtcNow += TimeSpan.FromDays(8);

            foreach (bool? synchronised in new bool?[] { null, false })
            {
                site.Time.IsSynchronized = synchronised;
                StringAssert.Contains(Assert.ThrowsExactly<UncheckedClockException>(() => site.Sequences.Next("mlt-a", SequenceStream.Program)).Message, "NTP");
            }

            site.Time.IsSynchronized = true;
            (ulong sequence, long nowMs) = site.Sequences.Next("mlt-a", SequenceStream.Program);
            Assert.AreEqual((ulong)site.Time.UtcNow.ToUnixTimeMilliseconds(), sequence);
            Assert.AreEqual(site.Time.UtcNow.ToUnixTimeMilliseconds(), nowMs);
        }

        [TestMethod]
        public void Next_SixDaysAheadUnsynchronised_Accepted()
        {
            using var site = new SiteKit();
            site.Sequences.Next("mlt-a", SequenceStream.Program);
            site.Time.UtcNow += TimeSpan.FromDays(6);

            Assert.AreEqual((ulong)site.Time.UtcNow.ToUnixTimeMilliseconds(), site.Sequences.Next("mlt-a", SequenceStream.Program).Sequence);
        }

        [TestMethod]
        public void HighWater_SurvivesRestart()
        {
            using var site = new SiteKit();
            site.Sequences.Next("mlt-a", SequenceStream.Alert);
            site.Reopen();
            site.Time.UtcNow -= TimeSpan.FromHours(1);

            Assert.ThrowsExactly<UncheckedClockException>(() => site.Sequences.Next("mlt-a", SequenceStream.Program));
        }
    }
}
