using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Site.Emergencies;
using Microsoft.Extensions.Time.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Site.Tests.Emergencies
{
    /// <summary>The hosted emergency service: the Pi's button (through the GPIO driver double) starts and clears the site emergency.</summary>
    [TestClass]
    public sealed class EmergencyServiceTests
    {
        private static void Hold(FakeGpioDriver driver, FakeTimeProvider time, int ms)
        {
            driver.SetLevel(17, PinValue.Low);
            for (int i = 0; i < ms; i++)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
            }

            driver.SetLevel(17, PinValue.High);
            for (int i = 0; i < 200; i++)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        [TestMethod]
        public async Task ButtonHold_StartsTheSiteEmergency_SecondHoldClearsIt_RecordedAsTheButton()
        {
            using var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");
            kit.AddBoard("mlt-b", "B");
            ContentReceiver a = kit.Board("mlt-a");
            var driver = new FakeGpioDriver();
            var time = new FakeTimeProvider(kit.Now);
            var options = new EmergencyOptions
            {
                Button = new EmergencyButtonOptions { Enabled = true, Gpio = 17 },
                Texts = new Dictionary<string, string> { ["vi"] = "KHẨN CẤP: đóng cửa khẩu", ["zh"] = "紧急：口岸关闭" },
            };
            await using var service = new EmergencyService(kit.Emergency, options, _ => new GpioController(driver), time);
            await service.StartAsync(CancellationToken.None);
            Assert.AreEqual(PinMode.InputPullUp, driver.ModeOf(17));

            Hold(driver, time, 1000);
            await service.LastAction;
            Assert.AreEqual(0, kit.Publisher.Messages.Count, "a short press does nothing");

            Hold(driver, time, 2100);
            await service.LastAction;
            Assert.IsTrue(kit.Emergency.IsActive);
            Assert.AreEqual(WireError.None, kit.Deliver(a, kit.Publisher.For("mlt-a").Single()));
            Assert.IsTrue(a.Content.IsAlertActiveAt(kit.NowSeconds));

            Hold(driver, time, 2100);
            await service.LastAction;
            Assert.IsFalse(kit.Emergency.IsActive);
            Assert.AreEqual(WireError.None, kit.Deliver(a, kit.Publisher.For("mlt-a").Last()));
            Assert.IsFalse(a.Content.IsAlertActiveAt(kit.NowSeconds));

            CollectionAssert.AreEqual(new[] { ("start", "button:gpio17"), ("clear", "button:gpio17") }, kit.Audit.Read().Select(e => (e.Action, e.Actor)).ToArray());
            await service.StopAsync(CancellationToken.None);
            Assert.IsFalse(driver.OpenPins.Contains(17), "the pin is released on stop");
        }

        [TestMethod]
        public async Task ButtonDisabled_NoPinOpened_ReissueStillRuns()
        {
            using var kit = new EmergencyKit();
            kit.AddBoard("mlt-a", "A");
            bool opened = false;
            var time = new FakeTimeProvider(kit.Now);
            await kit.Emergency.StartAsync(EmergencyTexts.Of("KHẨN CẤP"), kit.Now.AddDays(20), "cli:guard");

            await using var service = new EmergencyService(kit.Emergency, new EmergencyOptions(), _ => { opened = true; return new GpioController(new FakeGpioDriver()); }, time);
            await service.StartAsync(CancellationToken.None);
            kit.Now = kit.Now.AddDays(6).AddMinutes(30);
            time.Advance(SiteEmergency.ReissueCheckInterval);

            Assert.IsFalse(opened);
            Assert.IsNull(service.Button);
            await WaitFor(() => kit.Audit.Read().Any(e => e.Action == "reissue"));
        }

        [TestMethod]
        public async Task BadButtonOptions_StartRefused_NamingTheKey()
        {
            using var kit = new EmergencyKit();
            var options = new EmergencyOptions { Button = new EmergencyButtonOptions { Enabled = true, Gpio = 40 } };
            await using var service = new EmergencyService(kit.Emergency, options, _ => new GpioController(new FakeGpioDriver()), new FakeTimeProvider());

            var e = await Assert.ThrowsExactlyAsync<ArgumentException>(() => service.StartAsync(CancellationToken.None));
            StringAssert.Contains(e.Message, "Emergency:Button:Gpio");
        }

        /// <summary>The re-issue runs on a timer callback: wait for its result (bounded), not for a fixed time.</summary>
        private static async Task WaitFor(Func<bool> condition)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (!condition())
            {
                Assert.IsTrue(DateTime.UtcNow < deadline, "condition not met within 30 s");
                await Task.Delay(20);
            }
        }
    }
}
