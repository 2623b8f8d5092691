using System;
using System.Device.Gpio;
using BoardKit.Gateway.Site.Emergencies;
using Microsoft.Extensions.Time.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Emergencies
{
    /// <summary>
    /// The Pi's button through .NET IoT's GpioButton on a GpioController whose driver the test drives (press, hold,
    /// release, bounce), with the hold and debounce times on a fake clock: the same rule as the boards, no sleeping.
    /// </summary>
    [TestClass]
    public sealed class EmergencyButtonTests
    {
        private const int Pin = 17;

        private sealed class Rig : IDisposable
        {
            public Rig(EmergencyButtonOptions? options = null, PinValue? levelAtStart = null)
            {
                if (levelAtStart is PinValue level)
                {
                    Driver.SetLevel(Pin, level);
                }

                Controller = new GpioController(Driver);
                Button = new EmergencyButton(Controller, options ?? new EmergencyButtonOptions { Enabled = true, Gpio = Pin }, Time);
                Button.HoldCompleted += (_, _) => Holds++;
                Button.ShortPress += (_, _) => ShortPresses++;
            }

            public FakeGpioDriver Driver { get; } = new();

            public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

            public GpioController Controller { get; }

            public EmergencyButton Button { get; }

            public int Holds { get; private set; }

            public int ShortPresses { get; private set; }

            public void Press() => Driver.SetLevel(Pin, PinValue.Low);

            public void Release() => Driver.SetLevel(Pin, PinValue.High);

            /// <summary>Lets <paramref name="ms"/> pass 1 ms at a time: FakeTimeProvider.Advance moves the clock to the end
            /// before it fires the timers due on the way, so one long step would show every sample the end time.</summary>
            public void Wait(int ms)
            {
                for (int i = 0; i < ms; i++)
                {
                    Time.Advance(TimeSpan.FromMilliseconds(1));
                }
            }

            public void Dispose()
            {
                Button.Dispose();
                Controller.Dispose();
            }
        }

        [TestMethod]
        public void Open_PinIsAnInputWithThePullUp_OrPlainInputWithAnExternalOne()
        {
            using var internalPullUp = new Rig();
            using var external = new Rig(new EmergencyButtonOptions { Enabled = true, Gpio = Pin, ExternalPullUp = true });

            Assert.AreEqual(PinMode.InputPullUp, internalPullUp.Driver.ModeOf(Pin));
            Assert.AreEqual(PinMode.Input, external.Driver.ModeOf(Pin));
            Assert.AreEqual(1, internalPullUp.Driver.CallbackCount(Pin));
        }

        [TestMethod]
        public void Hold_TwoSeconds_CompletesOnceAtTheHoldTime_WhileStillPressed()
        {
            using var rig = new Rig();

            rig.Press();
            rig.Wait(1960);
            Assert.AreEqual(0, rig.Holds, "not before 2 s");
            rig.Wait(60);
            Assert.AreEqual(1, rig.Holds, "at 2 s, the guard still pressing");
            Assert.IsTrue(rig.Button.IsPressed);
            rig.Wait(5000);
            rig.Release();
            rig.Wait(100);

            Assert.AreEqual((1, 0, 1), (rig.Holds, rig.ShortPresses, rig.Button.PressCount), "once per press; the release after a hold is no short press");
        }

        [TestMethod]
        public void Release_BeforeTheHoldTime_IsAShortPress_NothingStarts()
        {
            using var rig = new Rig();

            rig.Press();
            rig.Wait(1500);
            rig.Release();
            rig.Wait(200);

            Assert.AreEqual((0, 1), (rig.Holds, rig.ShortPresses));
        }

        [TestMethod]
        public void Bounce_OnPressAndRelease_CountsAsOnePressAndOneHold()
        {
            using var rig = new Rig();

            // Contact bounce: the level flips a few times within a few ms of the guard pressing.
            rig.Press();
            rig.Wait(3);
            rig.Release();
            rig.Wait(4);
            rig.Press();
            rig.Wait(2);
            rig.Release();
            rig.Wait(1);
            rig.Press();
            rig.Wait(2100);
            rig.Release();
            rig.Wait(3);
            rig.Press();
            rig.Wait(3);
            rig.Release();
            rig.Wait(200);

            Assert.AreEqual((1, 0, 1), (rig.Holds, rig.ShortPresses, rig.Button.PressCount));
        }

        [TestMethod]
        public void Glitch_ShorterThanTheDebounce_IsNoPressAtAll()
        {
            using var rig = new Rig();

            rig.Press();
            rig.Wait(30);
            rig.Release();
            rig.Wait(500);

            Assert.AreEqual((0, 0, 0), (rig.Holds, rig.ShortPresses, rig.Button.PressCount));
        }

        [TestMethod]
        public void ReleasedJustBeforeTheHoldTime_WithinTheDebounce_StillCompletesTheHold()
        {
            using var rig = new Rig();

            rig.Press();
            rig.Wait(1980);
            rig.Release(); // the release has not lasted 50 ms when 2 s is reached: the press still counts as held (15.6)
            rig.Wait(100);

            Assert.AreEqual((1, 0), (rig.Holds, rig.ShortPresses));
        }

        [TestMethod]
        public void TwoHolds_TwoCompletions_StartThenClear()
        {
            using var rig = new Rig();

            rig.Press();
            rig.Wait(2100);
            rig.Release();
            rig.Wait(1000);
            rig.Press();
            rig.Wait(2100);
            rig.Release();
            rig.Wait(100);

            Assert.AreEqual((2, 2), (rig.Holds, rig.Button.PressCount));
        }

        [TestMethod]
        public void PressedAtStart_Reported_AndNotActedOnUntilARealPress()
        {
            using var rig = new Rig(levelAtStart: PinValue.Low);

            Assert.IsTrue(rig.Button.PressedAtStart);
            rig.Wait(5000);
            Assert.AreEqual(0, rig.Holds);
            rig.Release();
            rig.Wait(100);
            rig.Press();
            rig.Wait(2100);
            Assert.AreEqual(1, rig.Holds);
        }

        [TestMethod]
        public void HoldAndDebounce_FromTheOptions()
        {
            using var rig = new Rig(new EmergencyButtonOptions { Enabled = true, Gpio = Pin, HoldMs = 3000, DebounceMs = 100 });

            rig.Press();
            rig.Wait(80);
            rig.Release();
            rig.Wait(200);
            Assert.AreEqual(0, rig.Button.PressCount, "80 ms is a glitch with a 100 ms debounce");
            rig.Press();
            rig.Wait(2500);
            Assert.AreEqual(0, rig.Holds);
            rig.Wait(520);
            Assert.AreEqual(1, rig.Holds);
        }

        [TestMethod]
        public void Dispose_ClosesThePinAndStopsListening()
        {
            var rig = new Rig();
            rig.Button.Dispose();

            Assert.IsFalse(rig.Driver.OpenPins.Contains(Pin));
            Assert.AreEqual(0, rig.Driver.CallbackCount(Pin));
            rig.Press();
            rig.Wait(3000);
            Assert.AreEqual(0, rig.Holds);
            rig.Controller.Dispose();
        }

        [TestMethod]
        [DataRow(1, 2000, 50)]
        [DataRow(28, 2000, 50)]
        [DataRow(17, 400, 50)]
        [DataRow(17, 2000, 5)]
        public void Options_OutOfRange_RefusedWithTheKey(int gpio, int holdMs, int debounceMs)
        {
            var options = new EmergencyButtonOptions { Enabled = true, Gpio = gpio, HoldMs = holdMs, DebounceMs = debounceMs };
            using var controller = new GpioController(new FakeGpioDriver());

            var e = Assert.ThrowsExactly<ArgumentException>(() => new EmergencyButton(controller, options, new FakeTimeProvider()));
            StringAssert.Contains(e.Message, "Emergency:Button:");
        }
    }
}
