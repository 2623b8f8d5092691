using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using BoardKit.Gateway.Site.Signing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Signing
{
    [TestClass]
    public sealed class SequenceStoreTests
    {
        [TestMethod]
        public void Next_IsTheClockInMilliseconds_ThenLastPlusOneWithinTheSameMillisecond()
        {
            using var site = new SiteKit();
            ulong now = (ulong)site.Time.UtcNow.ToUnixTimeMilliseconds();

            ulong[] sequences = Enumerable.Range(0, 3).Select(_ => site.Sequences.Next("mlt-a", SequenceStream.Program).Sequence).ToArray();
            site.Time.UtcNow += TimeSpan.FromSeconds(1);
            ulong later = site.Sequences.Next("mlt-a", SequenceStream.Program).Sequence;

            CollectionAssert.AreEqual(new[] { now, now + 1, now + 2 }, sequences);
            Assert.AreEqual(now + 1000, later);
        }

        [TestMethod]
        public void Next_StreamsAndBoardsCountApart()
        {
            using var site = new SiteKit();
            site.Sequences.Next("mlt-a", SequenceStream.Program);
            site.Sequences.Next("mlt-a", SequenceStream.Program);
            ulong now = (ulong)site.Time.UtcNow.ToUnixTimeMilliseconds();

            Assert.AreEqual(now, site.Sequences.Next("mlt-a", SequenceStream.Alert).Sequence);
            Assert.AreEqual(now, site.Sequences.Next("mlt-b", SequenceStream.Program).Sequence);
            Assert.AreEqual(now + 1, site.Sequences.Last("mlt-a", SequenceStream.Program));
        }

        [TestMethod]
        public void Next_AfterRestartWithTheSameClock_NeverRepeats()
        {
            using var site = new SiteKit();
            ulong before = site.Sequences.Next("mlt-a", SequenceStream.Command).Sequence;
            site.Reopen();

            Assert.AreEqual(before + 1, site.Sequences.Next("mlt-a", SequenceStream.Command).Sequence);
        }

        [TestMethod]
        public void Next_FromManyThreadsAndTwoStores_AllDistinct()
        {
            using var site = new SiteKit();
            var second = new SequenceStore(new Storage.SiteDatabase(site.DatabasePath), new ClockGuard(new Storage.SiteDatabase(site.DatabasePath), site.Time));
            var seen = new ConcurrentBag<ulong>();

            Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
                seen.Add((i % 2 == 0 ? site.Sequences : second).Next("mlt-a", SequenceStream.Frame).Sequence));

            Assert.AreEqual(200, seen.Distinct().Count());
            Assert.AreEqual(seen.Max(), site.Sequences.Last("mlt-a", SequenceStream.Frame));
        }
    }
}
