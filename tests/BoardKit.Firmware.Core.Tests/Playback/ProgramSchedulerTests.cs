using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Tests.Board;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static BoardKit.Firmware.Core.Tests.Playback.PlaybackKit;

namespace BoardKit.Firmware.Core.Tests.Playback
{
    [TestClass]
    public sealed class ProgramSchedulerTests
    {
        private const long T0 = 1767225600;          // 2026-01-01T00:00:00Z = 07:00 in UTC+7
        private const long Local2200 = 1767279600;   // 15:00Z = 22:00 in UTC+7
        private const long LocalMidnight = 1767286800; // 17:00Z = 00:00 (Jan 2) in UTC+7
        private const long Local0600 = 1767308400;   // 23:00Z = 06:00 (Jan 2) in UTC+7
        private const int Utc7 = 420;
        private const int None = ProgramScheduler.NoItem;

        private static ProgramItem Normal(uint dwell = 1000) => Static(dwell);

        private static ProgramItem Priority(uint dwell = 1000) => Static(dwell, ProgramItem.LevelPriority);

        private static ProgramItem Emergency(uint dwell = 1000) => Static(dwell, ProgramItem.LevelEmergency);

        private static ProgramItem Valid(ProgramItem item, long from, long until)
        {
            item.ValidFrom = (uint)from;
            item.ValidUntil = (uint)until;
            return item;
        }

        private static (TestBoard Board, ProgramScheduler Scheduler) Scheduled(params ProgramItem[] items)
        {
            var list = new Item[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                list[i] = new Item(items[i], Mono1("#"));
            }

            TestBoard board = BoardWith(Program(1, Utc7, list));
            return (board, new ProgramScheduler(board.Content));
        }

        [TestMethod]
        public void LocalMinuteOfDay_Utc7_IsUtcPlusSevenHours()
        {
            Assert.AreEqual(1320, ProgramScheduler.LocalMinuteOfDay(Local2200, Utc7));
            Assert.AreEqual(1319, ProgramScheduler.LocalMinuteOfDay(Local2200 - 1, Utc7));
            Assert.AreEqual(1439, ProgramScheduler.LocalMinuteOfDay(LocalMidnight - 1, Utc7));
            Assert.AreEqual(0, ProgramScheduler.LocalMinuteOfDay(LocalMidnight, Utc7));
            Assert.AreEqual(360, ProgramScheduler.LocalMinuteOfDay(Local0600, Utc7));
        }

        [TestMethod]
        public void LocalMinuteOfDay_NegativeLocalTime_WrapsIntoTheDay()
        {
            // 60 s after the epoch in UTC-12: 60 - 43200 = -43140 s -> +86400 = 43260 s = minute 721.
            Assert.AreEqual(721, ProgramScheduler.LocalMinuteOfDay(60, -720));
        }

        [TestMethod]
        public void IsEligible_TimeUnknown_IgnoresValidityAndSchedule()
        {
            ProgramItem item = Valid(Normal(), T0 + 100, T0 + 200);
            item.ScheduleStartMinute = 60;
            item.ScheduleEndMinute = 120;
            var (_, s) = Scheduled(item);
            Assert.IsTrue(s.IsEligible(0, 0), "now 0: every item is eligible");
            Assert.IsFalse(s.IsEligible(0, T0), "known time outside both windows");
        }

        [TestMethod]
        public void IsEligible_ValidFromInclusive_ValidUntilExclusive()
        {
            var (_, s) = Scheduled(Valid(Normal(), T0 + 100, T0 + 200));
            Assert.IsFalse(s.IsEligible(0, T0 + 99));
            Assert.IsTrue(s.IsEligible(0, T0 + 100));
            Assert.IsTrue(s.IsEligible(0, T0 + 199));
            Assert.IsFalse(s.IsEligible(0, T0 + 200));
        }

        [TestMethod]
        public void IsEligible_Overnight2200To0600InUtc7_CrossesMidnight()
        {
            ProgramItem item = Normal();
            item.ScheduleStartMinute = 1320;
            item.ScheduleEndMinute = 360;
            var (_, s) = Scheduled(item);
            Assert.IsFalse(s.IsEligible(0, Local2200 - 1), "21:59:59");
            Assert.IsTrue(s.IsEligible(0, Local2200), "22:00:00");
            Assert.IsTrue(s.IsEligible(0, LocalMidnight - 1), "23:59:59");
            Assert.IsTrue(s.IsEligible(0, LocalMidnight), "00:00:00");
            Assert.IsTrue(s.IsEligible(0, Local0600 - 1), "05:59:59");
            Assert.IsFalse(s.IsEligible(0, Local0600), "06:00:00, end exclusive");
            Assert.IsFalse(s.IsEligible(0, T0 + (5 * 3600)), "12:00");
        }

        [TestMethod]
        public void Select_NoProgram_NoItem()
        {
            var s = new ProgramScheduler(new TestBoard().Content);
            Assert.AreEqual(None, s.Select(0, T0, false));
        }

        [TestMethod]
        public void Select_PriorityThenNormal_EachInIndexOrder()
        {
            var (_, s) = Scheduled(Normal(), Priority(), Normal(), Priority());
            int[] expected = { 1, 3, 0, 2, 1, 3 };
            for (int k = 0; k < expected.Length; k++)
            {
                Assert.AreEqual(expected[k], s.Select(k * 1000, 0, false), "at " + (k * 1000) + " ms");
                Assert.AreEqual(expected[k], s.Select((k * 1000) + 999, 0, false), "at " + ((k * 1000) + 999) + " ms");
            }
        }

        [TestMethod]
        public void Select_PriorityItemBecomingEligibleMidCycle_WaitsForTheNextCycle()
        {
            var (_, s) = Scheduled(Valid(Priority(), T0 + 5, 0), Normal(), Normal());
            Assert.AreEqual(1, s.Select(0, T0, false));
            Assert.AreEqual(2, s.Select(1000, T0 + 5, false), "the cycle is past the priority items");
            Assert.AreEqual(0, s.Select(2000, T0 + 6, false), "the next cycle starts with it");
            Assert.AreEqual(1, s.Select(3000, T0 + 7, false));
        }

        [TestMethod]
        public void Select_ItemStopsBeingEligible_EndsAtThatStep()
        {
            var (_, s) = Scheduled(Valid(Normal(10000), 0, T0 + 10), Normal());
            Assert.AreEqual(0, s.Select(0, T0, false));
            Assert.AreEqual(0, s.Select(5000, T0 + 9, false));
            Assert.AreEqual(1, s.Select(6000, T0 + 10, false));
            Assert.AreEqual(6000L, s.StartedAtMs);
        }

        [TestMethod]
        public void Select_NothingEligible_NoItemUntilSomethingIs()
        {
            var (_, s) = Scheduled(Valid(Normal(), T0 + 10, 0));
            Assert.AreEqual(None, s.Select(0, T0, false));
            Assert.AreEqual(None, s.Select(9000, T0 + 9, false));
            Assert.AreEqual(0, s.Select(10000, T0 + 10, false));
            Assert.AreEqual(10000L, s.StartedAtMs);
        }

        [TestMethod]
        public void Select_OnlyItem_RestartsAtItsDuration()
        {
            var (_, s) = Scheduled(Normal(3000));
            Assert.AreEqual(0, s.Select(0, T0, false));
            Assert.AreEqual(0, s.Select(2999, T0, false));
            Assert.AreEqual(0L, s.StartedAtMs);
            Assert.AreEqual(0, s.Select(3000, T0, false));
            Assert.AreEqual(3000L, s.StartedAtMs);
        }

        [TestMethod]
        public void Select_EmergencyBecomesEligible_PreemptsThenInterruptedItemRestarts()
        {
            var (_, s) = Scheduled(Normal(3000), Valid(Emergency(1000), T0 + 2, T0 + 5));
            Assert.AreEqual(0, s.Select(0, T0, false));
            Assert.AreEqual(0, s.Select(1500, T0 + 1, false));
            Assert.AreEqual(1, s.Select(2000, T0 + 2, false), "preempted at once");
            Assert.AreEqual(2000L, s.StartedAtMs);
            Assert.AreEqual(1, s.Select(3000, T0 + 3, false), "the only emergency item restarts");
            Assert.AreEqual(3000L, s.StartedAtMs);
            Assert.AreEqual(0, s.Select(5000, T0 + 5, false), "emergency over");
            Assert.AreEqual(5000L, s.StartedAtMs, "the interrupted item restarts from its beginning");
            Assert.AreEqual(0, s.Select(7999, T0 + 7, false));
            Assert.AreEqual(5000L, s.StartedAtMs);
        }

        [TestMethod]
        public void Select_EmergencyItems_RoundRobinInIndexOrderOnly()
        {
            var (_, s) = Scheduled(Priority(), Emergency(1000), Normal(), Emergency(2000));
            Assert.AreEqual(1, s.Select(0, T0, false));
            Assert.AreEqual(3, s.Select(1000, T0 + 1, false));
            Assert.AreEqual(3, s.Select(2999, T0 + 2, false));
            Assert.AreEqual(1, s.Select(3000, T0 + 3, false));
        }

        [TestMethod]
        public void Select_InterruptedItemNoLongerEligible_NextAfterItPlays()
        {
            var (_, s) = Scheduled(Valid(Normal(5000), 0, T0 + 10), Normal(), Valid(Emergency(), T0 + 5, T0 + 20));
            Assert.AreEqual(0, s.Select(0, T0, false));
            Assert.AreEqual(2, s.Select(5000, T0 + 5, false));
            Assert.AreEqual(1, s.Select(20000, T0 + 20, false), "item 0 expired while interrupted: the next after it");
        }

        [TestMethod]
        public void Select_NewProgram_CycleStartsFromItsBeginning()
        {
            var (board, s) = Scheduled(Normal(), Normal(), Normal());
            Assert.AreEqual(0, s.Select(0, T0, false));
            Assert.AreEqual(1, s.Select(1000, T0, false));
            Receive(board, Program(2, Utc7, new Item(Normal(), Mono1("#")), new Item(Normal(), Mono1("#"))), 1500);
            Assert.AreEqual(0, s.Select(1500, T0, false));
            Assert.AreEqual(1500L, s.StartedAtMs);
        }

        [TestMethod]
        public void Select_LowerLayerWaiting_SuspendsNormalItemWhichRestartsAfter()
        {
            var (_, s) = Scheduled(Normal(3000), Normal(3000));
            Assert.AreEqual(0, s.Select(0, T0, false));
            Assert.AreEqual(None, s.Select(1000, T0, true));
            Assert.AreEqual(None, s.Select(9000, T0, true));
            Assert.AreEqual(0, s.Select(9500, T0, false));
            Assert.AreEqual(9500L, s.StartedAtMs);
        }

        [TestMethod]
        public void Select_LowerLayerWaiting_EmergencyItemStillPlays()
        {
            var (_, s) = Scheduled(Normal(), Emergency());
            Assert.AreEqual(1, s.Select(0, T0, true));
        }

        [TestMethod]
        public void Suspend_ByHigherLayer_CurrentItemRestartsWhenShownAgain()
        {
            var (_, s) = Scheduled(Normal(3000), Normal(3000));
            Assert.AreEqual(0, s.Select(0, T0, false));
            s.Suspend();
            Assert.AreEqual(0, s.Select(4000, T0, false), "not ended: its clock restarts");
            Assert.AreEqual(4000L, s.StartedAtMs);
        }

        [TestMethod]
        public void Select_TimeUnknown_EmergencyItemsAreEligibleSoOnlyTheyPlay()
        {
            // A consequence of "time unknown: every item is eligible": a time-limited emergency item holds the board.
            var (_, s) = Scheduled(Normal(), Valid(Emergency(), T0, T0 + 60));
            Assert.AreEqual(1, s.Select(0, 0, false));
            Assert.AreEqual(1, s.Select(5000, 0, false));
            Assert.AreEqual(0, s.Select(6000, T0 + 60, false), "once the time is known the expired item stops");
        }
    }
}
