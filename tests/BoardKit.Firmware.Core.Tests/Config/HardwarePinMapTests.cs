using System.IO;
using System.Linq;
using System.Text.Json;
using BoardKit.Firmware.Core.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Config
{
    /// <summary>
    /// firmware/examples/board.json against the pin maps in hardware/boards. The example describes the reference board,
    /// esp32-devkitc-v4.json: its button and its first LED chain (SPI bus, data and clock pins) must be the pin map's.
    /// </summary>
    [TestClass]
    public sealed class HardwarePinMapTests
    {
        private static JsonElement PinMap(string name) => System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(ConfigFiles.HardwarePath(name))).RootElement;

        [TestMethod]
        public void ReferenceExample_Button_MirrorsTheReferencePinMap()
        {
            JsonElement button = PinMap("esp32-devkitc-v4.json").GetProperty("emergencyButton");
            BoardConfig c = BoardConfigParserTests.ParseOk(ConfigFiles.ExampleBoardJson());
            Assert.IsNotNull(c.Button);
            Assert.AreEqual(button.GetProperty("gpio").GetInt32(), c.Button.Gpio);
            Assert.AreEqual(button.GetProperty("debounceMs").GetInt32(), c.Button.DebounceMs);
            Assert.AreEqual(button.GetProperty("holdToTriggerMs").GetInt32(), c.Button.HoldMs);
            Assert.AreEqual("InputPullUp", button.GetProperty("mode").GetString(), "ButtonConfig documents the internal pull-up, pressed = low");
            Assert.AreEqual("low", button.GetProperty("activeLevel").GetString());
        }

        [TestMethod]
        public void ReferenceExample_FirstChain_MirrorsTheReferencePinMap()
        {
            JsonElement chain0 = PinMap("esp32-devkitc-v4.json").GetProperty("ledData")[0];
            BoardConfig c = BoardConfigParserTests.ParseOk(ConfigFiles.ExampleBoardJson());
            Assert.AreEqual(chain0.GetProperty("spiBus").GetInt32(), c.Chains[0].SpiBus);
            Assert.AreEqual(chain0.GetProperty("gpio").GetInt32(), c.Chains[0].MosiGpio);
            Assert.AreEqual(chain0.GetProperty("clockGpio").GetInt32(), c.Chains[0].ClockGpio);
        }

        [TestMethod]
        public void ReferenceExample_PinsAvoidTheReferencePinMapsAvoidList()
        {
            int[] avoid = AvoidedPins(PinMap("esp32-devkitc-v4.json"));
            CollectionAssert.IsSubsetOf(new[] { 0, 2, 5, 12, 15, 6, 7, 8, 9, 10, 11 }, avoid, "the list this test reads");
            BoardConfig c = BoardConfigParserTests.ParseOk(ConfigFiles.ExampleBoardJson());
            CollectionAssert.DoesNotContain(avoid, c.Chains[0].MosiGpio);
            CollectionAssert.DoesNotContain(avoid, c.Button!.Gpio);
            foreach (int gpio in avoid)
            {
                Assert.IsFalse(Esp32Pins.IsUsable(gpio), "pin map avoids GPIO " + gpio + ", so board.json must refuse it");
            }
        }

        [TestMethod]
        public void EveryPinMap_LedAndButtonPins_AreUsableInBoardJson()
        {
            foreach (string file in new[] { "esp32-devkitc-v4.json", "esp32-wrover-e.json" })
            {
                JsonElement map = PinMap(file);
                foreach (JsonElement line in map.GetProperty("ledData").EnumerateArray())
                {
                    Assert.IsTrue(Esp32Pins.IsUsable(line.GetProperty("gpio").GetInt32()), file + " ledData " + line);
                }

                Assert.IsTrue(Esp32Pins.IsUsable(map.GetProperty("emergencyButton").GetProperty("gpio").GetInt32()), file);
            }
        }

        private static int[] AvoidedPins(JsonElement map) =>
            map.GetProperty("avoid").EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetInt32()).ToArray();
    }
}
