using System;
using BoardKit.Firmware.Core.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Board
{
    [TestClass]
    public sealed class EmergencyButtonLogicTests
    {
        private static EmergencyButtonLogic Logic() => new(2000, 50);

        /// <summary>Feeds a raw level every 10 ms from <paramref name="fromMs"/> to <paramref name="toMs"/> (exclusive); returns the first action and its time.</summary>
        private static (int Action, long AtMs) Hold(EmergencyButtonLogic logic, bool level, long fromMs, long toMs)
        {
            for (long t = fromMs; t < toMs; t += 10)
            {
                int action = logic.Update(level, t);
                if (action != EmergencyButtonLogic.ActionNone)
                {
                    return (action, t);
                }
            }

            return (EmergencyButtonLogic.ActionNone, -1);
        }

        [TestMethod]
        public void Update_HeldTwoSeconds_HoldCompletesOnceAtTwoSeconds()
        {
            EmergencyButtonLogic logic = Logic();
            Assert.AreEqual((EmergencyButtonLogic.ActionNone, -1L), Hold(logic, false, 0, 1000));
            (int action, long at) = Hold(logic, true, 1000, 5000);
            Assert.AreEqual(EmergencyButtonLogic.ActionHoldCompleted, action);
            Assert.AreEqual(3000L, at, "2000 ms after the press began, not after the debounce");
            Assert.AreEqual((EmergencyButtonLogic.ActionNone, -1L), Hold(logic, true, 3010, 9000), "once per press");
            Assert.AreEqual((EmergencyButtonLogic.ActionNone, -1L), Hold(logic, false, 9000, 9500), "releasing after a hold is not a short press");
            Assert.AreEqual(1, logic.PressCount);
        }

        [TestMethod]
        public void Update_ReleasedBeforeHold_ShortPressNeverTriggers()
        {
            EmergencyButtonLogic logic = Logic();
            Assert.AreEqual((EmergencyButtonLogic.ActionNone, -1L), Hold(logic, true, 0, 1900));
            (int action, long at) = Hold(logic, false, 1900, 3000);
            Assert.AreEqual(EmergencyButtonLogic.ActionShortPress, action);
            Assert.AreEqual(1950L, at, "the release counts once it has lasted the debounce time");
            Assert.AreEqual(1, logic.PressCount);
        }

        [TestMethod]
        public void Update_ReleasedWithinDebounceOfTheHoldTime_HoldStillCompletes()
        {
            // Released at 1990 ms: the release is not yet debounced at 2000 ms, so the hold completes.
            EmergencyButtonLogic logic = Logic();
            Assert.AreEqual(EmergencyButtonLogic.ActionNone, Hold(logic, true, 0, 1990).Action);
            Assert.AreEqual((EmergencyButtonLogic.ActionHoldCompleted, 2000L), Hold(logic, false, 1990, 3000));
        }

        [TestMethod]
        public void Update_BounceShorterThanDebounce_Ignored()
        {
            EmergencyButtonLogic logic = Logic();
            for (int i = 0; i < 300; i++)
            {
                // 40 ms closed, 40 ms open: contact chatter that never lasts the 50 ms debounce.
                Assert.AreEqual(EmergencyButtonLogic.ActionNone, logic.Update(i / 4 % 2 == 0, i * 10));
            }

            Assert.AreEqual(0, logic.PressCount);
            Assert.IsFalse(logic.IsPressed);
        }

        [TestMethod]
        public void Update_BounceDuringHold_DoesNotRestartTheHold()
        {
            EmergencyButtonLogic logic = Logic();
            Assert.AreEqual(EmergencyButtonLogic.ActionNone, Hold(logic, true, 0, 1000).Action);
            Assert.AreEqual(EmergencyButtonLogic.ActionNone, Hold(logic, false, 1000, 1030).Action, "a 30 ms open contact while held");
            (int action, long at) = Hold(logic, true, 1030, 4000);
            Assert.AreEqual(EmergencyButtonLogic.ActionHoldCompleted, action);
            Assert.AreEqual(2000L, at);
        }

        [TestMethod]
        public void Constructor_OutOfRange_Throws()
        {
            Assert.ThrowsExactly<ArgumentException>(() => new EmergencyButtonLogic(100, 50));
            Assert.ThrowsExactly<ArgumentException>(() => new EmergencyButtonLogic(2000, 5));
        }
    }

    [TestClass]
    public sealed class BrightnessScheduleTests
    {
        // 2026-01-01T00:00:00Z = 07:00 in Vietnam (UTC+7).
        private const long Midnight2026Utc = 1767225600;

        private static long LocalTime(int hour, int minute) => Midnight2026Utc - (7 * 3600) + (hour * 3600) + (minute * 60);

        [TestMethod]
        public void LevelAt_NightWindowAcrossMidnight_InLocalTime()
        {
            var schedule = new BrightnessSchedule(255, 96, 19 * 60, 6 * 60, 420);
            Assert.AreEqual(255, schedule.LevelAt(LocalTime(18, 59), false));
            Assert.AreEqual(96, schedule.LevelAt(LocalTime(19, 0), false));
            Assert.AreEqual(96, schedule.LevelAt(LocalTime(23, 59), false));
            Assert.AreEqual(96, schedule.LevelAt(LocalTime(5, 59), false));
            Assert.AreEqual(255, schedule.LevelAt(LocalTime(6, 0), false));
            Assert.AreEqual(255, schedule.LevelAt(0, false), "time unknown: day level (a dim board is worse than a bright one)");
        }

        [TestMethod]
        public void LevelAt_EmergencyAtNight_AtLeastDayLevel()
        {
            var schedule = new BrightnessSchedule(200, 40, 19 * 60, 6 * 60, 420);
            Assert.AreEqual(200, schedule.LevelAt(LocalTime(22, 0), true));
            schedule.SetOverride(250);
            Assert.AreEqual(250, schedule.LevelAt(LocalTime(22, 0), false), "a command overrides the schedule");
            schedule.SetOverride(10);
            Assert.AreEqual(200, schedule.LevelAt(LocalTime(22, 0), true), "but never dims an emergency below the day level");
            schedule.SetOverride(-1);
            Assert.AreEqual(40, schedule.LevelAt(LocalTime(22, 0), false));
        }

        [TestMethod]
        public void Constructor_OutOfRange_Throws()
        {
            Assert.ThrowsExactly<ArgumentException>(() => new BrightnessSchedule(256, 0, 0, 0, 0));
            Assert.ThrowsExactly<ArgumentException>(() => new BrightnessSchedule(0, 0, 1440, 0, 0));
            Assert.ThrowsExactly<ArgumentException>(() => new BrightnessSchedule(0, 0, 0, 0, 900));
        }
    }
}
