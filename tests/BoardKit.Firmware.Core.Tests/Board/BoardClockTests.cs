using BoardKit.Firmware.Core.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Board
{
    [TestClass]
    public sealed class BoardClockTests
    {
        private const long T = 1767225600;

        [TestMethod]
        public void NowUnixSeconds_Levels_NetworkThenLowerBoundThenUnknown()
        {
            var clock = new BoardClock();
            clock.Start(0, 0);
            Assert.AreEqual(BoardClock.QualityUnknown, clock.Quality);
            Assert.AreEqual(0L, clock.NowUnixSeconds(5000));

            clock.ObserveIssuedAt((uint)T, 10000);
            Assert.AreEqual(BoardClock.QualityLowerBound, clock.Quality);
            Assert.AreEqual(T, clock.NowUnixSeconds(10000));
            Assert.AreEqual(T + 5, clock.NowUnixSeconds(15000), "the bound runs on with the monotonic clock");
            clock.ObserveIssuedAt((uint)T - 100, 20000);
            Assert.AreEqual(T + 10, clock.NowUnixSeconds(20000), "an older issue time does not pull it back");

            clock.SetNetworkTime((T + 1000) * 1000, 30000);
            Assert.AreEqual(BoardClock.QualityNetwork, clock.Quality);
            Assert.AreEqual(T + 1002, clock.NowUnixSeconds(32000));
            Assert.AreEqual(((T + 1000) * 1000) + 500, clock.NetworkUtcMs(30500));
        }

        [TestMethod]
        public void Start_SavedBound_IsWhereTheBoardStarts()
        {
            var clock = new BoardClock();
            clock.Start(T, 0);
            Assert.AreEqual(T + 60, clock.NowUnixSeconds(60000));
            Assert.AreEqual((uint)(T + 60), clock.LowerBoundToSave(60000));
        }

        [TestMethod]
        public void ObserveIssuedAt_FarAheadOfNetworkTime_Ignored()
        {
            var clock = new BoardClock();
            clock.Start(0, 0);
            clock.SetNetworkTime(T * 1000, 0);
            clock.ObserveIssuedAt((uint)(T + BoardClock.MaxIssuedAheadSeconds + 1), 0);
            clock.ObserveIssuedAt((uint)(T + 100), 0);
            Assert.AreEqual((uint)T, clock.LowerBoundToSave(0), "network time wins while known");
            var offline = new BoardClock();
            offline.Start(T + 100, 0);
            Assert.AreEqual(T + 100, offline.NowUnixSeconds(0));
        }

        [TestMethod]
        public void ResetLowerBound_GoesDownForAResync()
        {
            var clock = new BoardClock();
            clock.Start(4102444800, 0);
            clock.ResetLowerBound((uint)T, 1000);
            Assert.AreEqual(T, clock.NowUnixSeconds(1000));
        }
    }
}
