using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Led;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Config
{
    [TestClass]
    public sealed class BoardConfigParserTests
    {
        private const string Minimal =
            "{\"format\":1,\"board\":\"b\",\"site\":\"s\",\"panel\":{\"width\":8,\"height\":8},\"chains\":[{\"spiBus\":2,\"mosiGpio\":13,\"clockGpio\":14,\"leds\":64}],"
            + "\"tiles\":[{\"firstLed\":0,\"x\":0,\"y\":0,\"width\":8,\"height\":8}],\"power\":{\"supplyMilliamps\":500},\"button\":null,\"broker\":{\"host\":\"mqtt.example\"}}";

        internal static BoardConfig ParseOk(byte[] bytes)
        {
            BoardConfigResult result = BoardConfigParser.Parse(bytes);
            Assert.IsTrue(result.Succeeded, result.OnPanelCode + " " + result.Message);
            Assert.AreEqual(ConfigError.None, result.ErrorCode);
            Assert.AreEqual(string.Empty, result.Message);
            Assert.AreEqual("C00", result.OnPanelCode);
            Assert.IsNotNull(result.Config);
            ConfigInvariants.AssertValid(result.Config);
            return result.Config;
        }

        internal static BoardConfigResult ParseBad(byte[] bytes, int code, string expected)
        {
            BoardConfigResult result = BoardConfigParser.Parse(bytes);
            Assert.IsFalse(result.Succeeded, "accepted; expected " + expected);
            Assert.IsNull(result.Config);
            Assert.AreEqual(code, result.ErrorCode, result.Message);
            Assert.IsFalse(result.IsKeyFile);
            Assert.AreEqual("C" + code.ToString("00"), result.OnPanelCode);
            StringAssert.Contains(result.Message, expected);
            return result;
        }

        private static BoardConfigResult ParseBad(JsonNode json, int code, string expected) => ParseBad(json.Bytes(), code, expected);

        [TestMethod]
        public void Parse_ReferenceExample_GivesTheReferenceBoard()
        {
            BoardConfig c = ParseOk(ConfigFiles.ExampleBoardJson());
            Assert.AreEqual(1, c.Format);
            Assert.AreEqual("lc-mlt-gate-1", c.Board);
            Assert.AreEqual("lc-mlt", c.Site);
            Assert.AreEqual(64, c.Panel.Width);
            Assert.AreEqual(16, c.Panel.Height);
            Assert.HasCount(1, c.Chains);
            Assert.AreEqual(1, c.Chains[0].SpiBus);
            Assert.AreEqual(23, c.Chains[0].MosiGpio);
            Assert.AreEqual(1024, c.Chains[0].Leds);
            Assert.HasCount(4, c.Tiles);
            int[] xs = { 0, 32, 0, 32 };
            int[] ys = { 0, 0, 8, 8 };
            for (int i = 0; i < 4; i++)
            {
                TileLayout t = c.Tiles[i];
                Assert.AreEqual(0, t.Chain);
                Assert.AreEqual(256 * i, t.FirstLed);
                Assert.AreEqual(xs[i], t.X);
                Assert.AreEqual(ys[i], t.Y);
                Assert.AreEqual(32, t.Width);
                Assert.AreEqual(8, t.Height);
                Assert.AreEqual(TileLayout.OriginTopLeft, t.Origin);
                Assert.IsTrue(t.ColumnMajor);
                Assert.IsTrue(t.Serpentine);
                Assert.AreEqual(0, t.Rotation);
            }

            Assert.AreEqual(BoardKit.Firmware.Core.Led.ColorOrder.Grb, c.Led.ColorOrder);
            Assert.AreEqual(2200, c.Led.GammaThousandths);
            Assert.AreEqual(40000, c.Power.SupplyMilliamps);
            Assert.AreEqual(80, c.Power.BudgetPercent);
            Assert.AreEqual(32000, c.Power.BudgetMilliamps);
            Assert.AreEqual(20, c.Power.MilliampsPerChannel);
            Assert.AreEqual(1, c.Power.IdleMilliampsPerLed);
            Assert.AreEqual(255, c.Brightness.Day);
            Assert.AreEqual(96, c.Brightness.Night);
            Assert.AreEqual(19 * 60, c.Brightness.NightFromMinute);
            Assert.AreEqual(6 * 60, c.Brightness.NightUntilMinute);
            Assert.AreEqual(420, c.UtcOffsetMinutes);
            Assert.IsNotNull(c.Button);
            Assert.AreEqual(27, c.Button.Gpio);
            Assert.AreEqual(2000, c.Button.HoldMs);
            Assert.AreEqual(50, c.Button.DebounceMs);
            Assert.AreEqual("192.168.1.10", c.Broker.Host);
            Assert.AreEqual(8883, c.Broker.Port);
            Assert.IsTrue(c.Broker.Tls);
            CollectionAssert.AreEqual(new[] { "vn.pool.ntp.org" }, c.Sntp);
        }

        [TestMethod]
        public void Parse_ReferenceExample_TilesCoverThePanelAndChainOnce()
        {
            BoardConfig c = ParseOk(ConfigFiles.ExampleBoardJson());
            var pixels = new int[c.Panel.Width * c.Panel.Height];
            var leds = new int[c.Chains[0].Leds];
            foreach (TileLayout t in c.Tiles)
            {
                for (int y = 0; y < t.Height; y++)
                {
                    for (int x = 0; x < t.Width; x++)
                    {
                        pixels[((t.Y + y) * c.Panel.Width) + t.X + x]++;
                    }
                }

                for (int i = 0; i < t.Width * t.Height; i++)
                {
                    leds[t.FirstLed + i]++;
                }
            }

            Assert.IsTrue(pixels.All(n => n == 1), "every panel pixel belongs to exactly one tile");
            Assert.IsTrue(leds.All(n => n == 1), "every LED of the chain belongs to exactly one tile");
        }

        [TestMethod]
        public void Parse_MinimalFile_AppliesEveryDefault()
        {
            BoardConfig c = ParseOk(Encoding.UTF8.GetBytes(Minimal));
            TileLayout t = c.Tiles[0];
            Assert.AreEqual(0, t.Chain);
            Assert.AreEqual(TileLayout.OriginTopLeft, t.Origin);
            Assert.IsFalse(t.ColumnMajor);
            Assert.IsFalse(t.Serpentine);
            Assert.AreEqual(0, t.Rotation);
            Assert.AreEqual(BoardKit.Firmware.Core.Led.ColorOrder.Grb, c.Led.ColorOrder);
            Assert.AreEqual(2200, c.Led.GammaThousandths);
            Assert.AreEqual(80, c.Power.BudgetPercent);
            Assert.AreEqual(400, c.Power.BudgetMilliamps);
            Assert.AreEqual(20, c.Power.MilliampsPerChannel);
            Assert.AreEqual(1, c.Power.IdleMilliampsPerLed);
            Assert.AreEqual(255, c.Brightness.Day);
            Assert.AreEqual(96, c.Brightness.Night);
            Assert.AreEqual(1140, c.Brightness.NightFromMinute);
            Assert.AreEqual(360, c.Brightness.NightUntilMinute);
            Assert.AreEqual(420, c.UtcOffsetMinutes);
            Assert.IsNull(c.Button, "\"button\": null means no button is fitted");
            Assert.AreEqual(8883, c.Broker.Port);
            Assert.IsTrue(c.Broker.Tls);
            Assert.IsEmpty(c.Sntp);
        }

        [TestMethod]
        public void Parse_RotationNotAQuarterTurn_NamesPathAndValue()
        {
            BoardConfigResult r = ParseBad(ConfigFiles.Board().Set("tiles[2].rotation", 45), ConfigError.BadValue, "tiles[2].rotation: must be 0, 90, 180 or 270, not 45 (line ");
            StringAssert.EndsWith(r.Message, ")");
        }

        [TestMethod]
        public void Parse_ExampleRotationError_PointsAtTheLineOfTheFile()
        {
            string text = Encoding.UTF8.GetString(ConfigFiles.ExampleBoardJson());
            int at = text.IndexOf("\"rotation\": 0 }", text.IndexOf("\"firstLed\": 512", System.StringComparison.Ordinal), System.StringComparison.Ordinal);
            string bad = text.Substring(0, at) + "\"rotation\": 45 }" + text.Substring(at + "\"rotation\": 0 }".Length);
            int line = text.Substring(0, at).Count(ch => ch == '\n') + 1;
            int column = at - text.LastIndexOf('\n', at) + "\"rotation\": ".Length;
            BoardConfigResult r = ParseBad(Encoding.UTF8.GetBytes(bad), ConfigError.BadValue, "tiles[2].rotation");
            Assert.AreEqual("tiles[2].rotation: must be 0, 90, 180 or 270, not 45 (line " + line + ", column " + column + ")", r.Message);
        }

        [TestMethod]
        public void Parse_TypoInFieldName_IsUnknownFieldNotIgnored()
        {
            JsonObject j = ConfigFiles.Board();
            j["tiles"]![1]!.AsObject().Remove("serpentine");
            j["tiles"]![1]!.AsObject()["serpentin"] = true;
            BoardConfigResult r = ParseBad(j, ConfigError.UnknownField, "tiles[1]: unknown field \"serpentin\" (line ");
            StringAssert.Contains(r.Message, "never ignored");
            StringAssert.Contains(r.Message, "Known here: chain, firstLed, x, y, width, height, origin, order, serpentine, rotation");
        }

        [TestMethod]
        public void Parse_TypoOfRequiredField_ReportsTheTypoNotTheMissingField()
        {
            JsonObject j = ConfigFiles.Board();
            j["panel"] = JsonNode.Parse("{\"widht\":64,\"height\":16}");
            ParseBad(j, ConfigError.UnknownField, "panel: unknown field \"widht\"");
        }

        [TestMethod]
        public void Parse_UnknownTopLevelField_IsRefused()
        {
            ParseBad(ConfigFiles.Board().Set("$comment", "notes"), ConfigError.UnknownField, "the top level: unknown field \"$comment\"");
        }

        [TestMethod]
        public void Parse_OtherFormat_ReportedBeforeItsUnknownFields()
        {
            ParseBad(ConfigFiles.Board().Set("format", 2).Set("newThing", 1), ConfigError.UnsupportedFormat, "format: this firmware reads format 1, not 2: update the firmware");
            ParseBad(ConfigFiles.Board().Without("format"), ConfigError.UnsupportedFormat, "format: missing; this firmware reads files with \"format\": 1");
            ParseBad(ConfigFiles.Board().Set("format", "1"), ConfigError.UnsupportedFormat, "not \"1\"");
            ParseBad(ConfigFiles.Board().Set("format", 1.5), ConfigError.UnsupportedFormat, "not 1.5");
            ParseOk(ConfigFiles.Board().Set("format", ConfigFiles.Value("1.0")).Bytes());
        }

        [TestMethod]
        public void Parse_MissingRequiredField_NamesItsPath()
        {
            ParseBad(ConfigFiles.Board().Without("panel.height"), ConfigError.MissingField, "panel.height: required field missing (in the object at line ");
            ParseBad(ConfigFiles.Board().Without("tiles[3].firstLed"), ConfigError.MissingField, "tiles[3].firstLed: required field missing");
            ParseBad(ConfigFiles.Board().Without("broker"), ConfigError.MissingField, "broker: required field missing");
            ParseBad(ConfigFiles.Board().Without("button"), ConfigError.MissingField, "button: required field missing");
            ParseBad(ConfigFiles.Board().Without("power.supplyMilliamps"), ConfigError.MissingField, "power.supplyMilliamps: required field missing");
            ParseBad(ConfigFiles.Board().Without("board"), ConfigError.MissingField, "board: required field missing");
            ParseBad(ConfigFiles.Board().Without("chains[0].mosiGpio"), ConfigError.MissingField, "chains[0].mosiGpio: required field missing");
        }

        [TestMethod]
        public void Parse_WrongType_SaysWhatWasExpected()
        {
            ParseBad(ConfigFiles.Board().Set("panel.width", "64"), ConfigError.WrongType, "panel.width: must be a number, not a string");
            ParseBad(ConfigFiles.Board().Set("tiles[0].serpentine", "true"), ConfigError.WrongType, "tiles[0].serpentine: must be true or false (without quotes), not a string");
            ParseBad(ConfigFiles.Board().Set("panel", 64), ConfigError.WrongType, "panel: must be an object, not a number");
            ParseBad(ConfigFiles.Board().Set("button", 27), ConfigError.WrongType, "button: must be an object or null, not a number");
            ParseBad(ConfigFiles.Board().Set("tiles", ConfigFiles.Value("{}")), ConfigError.WrongType, "tiles: must be a list, not an object");
            ParseBad(ConfigFiles.Board().Set("tiles[1]", 5), ConfigError.WrongType, "tiles[1]: must be an object, not a number");
            ParseBad(ConfigFiles.Board().Set("led.gamma", "2.2"), ConfigError.WrongType, "led.gamma: must be a number, not a string");
            ParseBad(ConfigFiles.Board().Set("board", ConfigFiles.Value("null")), ConfigError.WrongType, "board: must be a string, not null");
            ParseBad(Encoding.UTF8.GetBytes("[1]"), ConfigError.WrongType, "board.json must be one JSON object { ... }, not a list");
        }

        [TestMethod]
        [DataRow("panel.width", "0", "must be 1..512, not 0")]
        [DataRow("panel.width", "513", "must be 1..512, not 513")]
        [DataRow("panel.height", "65", "must be 1..64, not 65")]
        [DataRow("panel.width", "64.5", "must be a whole number, not 64.5")]
        [DataRow("chains[0].leds", "2049", "must be 1..2048, not 2049")]
        [DataRow("chains[0].spiBus", "3", "must be 1..2, not 3")]
        [DataRow("chains[0].mosiGpio", "40", "must be 0..39, not 40")]
        [DataRow("tiles[0].x", "-1", "must be 0..511, not -1")]
        [DataRow("tiles[0].y", "64", "must be 0..63, not 64")]
        [DataRow("tiles[0].width", "513", "must be 1..512, not 513")]
        [DataRow("tiles[0].chain", "2", "must be 0..1, not 2")]
        [DataRow("tiles[0].firstLed", "2048", "must be 0..2047, not 2048")]
        [DataRow("tiles[0].origin", "\"top left\"", "must be one of \"top-left\", \"top-right\", \"bottom-left\", \"bottom-right\", not \"top left\"")]
        [DataRow("tiles[0].order", "\"Columns\"", "must be one of \"rows\", \"columns\", not \"Columns\"")]
        [DataRow("led.colorOrder", "\"rgbw\"", "must be one of \"rgb\", \"rbg\", \"grb\", \"gbr\", \"brg\", \"bgr\", not \"rgbw\"")]
        [DataRow("led.gamma", "0.9", "must be 1.0..3.0 with at most 3 decimal places, not 0.9")]
        [DataRow("led.gamma", "3.001", "must be 1.0..3.0 with at most 3 decimal places, not 3.001")]
        [DataRow("led.gamma", "2.2225", "must be 1.0..3.0 with at most 3 decimal places, not 2.2225")]
        [DataRow("power.supplyMilliamps", "499", "must be 500..200000, not 499")]
        [DataRow("power.supplyMilliamps", "200001", "must be 500..200000, not 200001")]
        [DataRow("power.budgetPercent", "49", "must be 50..100, not 49")]
        [DataRow("power.budgetPercent", "101", "must be 50..100, not 101")]
        [DataRow("power.milliampsPerChannel", "0", "must be 1..50, not 0")]
        [DataRow("power.idleMilliampsPerLed", "6", "must be 0..5, not 6")]
        [DataRow("brightness.day", "256", "must be 0..255, not 256")]
        [DataRow("brightness.night", "-1", "must be 0..255, not -1")]
        [DataRow("brightness.nightFrom", "\"24:00\"", "must be a 24-hour time \"HH:MM\" from \"00:00\" to \"23:59\", not \"24:00\"")]
        [DataRow("brightness.nightFrom", "\"7:00\"", "must be a 24-hour time \"HH:MM\" from \"00:00\" to \"23:59\", not \"7:00\"")]
        [DataRow("brightness.nightUntil", "\"06:60\"", "must be a 24-hour time \"HH:MM\" from \"00:00\" to \"23:59\", not \"06:60\"")]
        [DataRow("brightness.nightUntil", "\"06-00\"", "must be a 24-hour time \"HH:MM\" from \"00:00\" to \"23:59\", not \"06-00\"")]
        [DataRow("utcOffsetMinutes", "-721", "must be -720..840, not -721")]
        [DataRow("utcOffsetMinutes", "841", "must be -720..840, not 841")]
        [DataRow("button.holdMs", "499", "must be 500..10000, not 499")]
        [DataRow("button.holdMs", "10001", "must be 500..10000, not 10001")]
        [DataRow("button.debounceMs", "9", "must be 10..500, not 9")]
        [DataRow("button.debounceMs", "501", "must be 10..500, not 501")]
        [DataRow("broker.port", "0", "must be 1..65535, not 0")]
        [DataRow("broker.port", "65536", "must be 1..65535, not 65536")]
        [DataRow("broker.host", "\"\"", "must have 1..128 characters, not 0")]
        [DataRow("broker.host", "\"mqtt broker\"", "must be a host name or IPv4 address")]
        [DataRow("broker.host", "\"-mqtt\"", "must be a host name or IPv4 address")]
        [DataRow("broker.host", "\"a..b\"", "must be a host name or IPv4 address")]
        [DataRow("broker.host", "\"mqtt://x\"", "must be a host name or IPv4 address")]
        [DataRow("sntp", "[\"a\",\"b\",\"c\"]", "must have 0..2 elements, not 3")]
        [DataRow("sntp", "[\"pool.ntp.org.\"]", "sntp[0]: must be a host name")]
        [DataRow("board", "\"LC-MLT\"", "must be 1..64 characters of a-z, 0-9, '-', '_' and '.' (lower case, no spaces), not \"LC-MLT\"")]
        [DataRow("site", "\"lc mlt\"", "must be 1..64 characters of a-z, 0-9, '-', '_' and '.' (lower case, no spaces), not \"lc mlt\"")]
        [DataRow("board", "\"\"", "must have 1..64 characters, not 0")]
        [DataRow("tiles", "[]", "must have 1..64 elements, not 0")]
        [DataRow("chains", "[]", "must have 1..2 elements, not 0")]
        public void Parse_ValueOutOfRange_IsBadValueWithPath(string path, string json, string expected)
        {
            string full = expected.StartsWith(path, System.StringComparison.Ordinal) ? expected : path + ": " + expected;
            ParseBad(ConfigFiles.Board().Set(path, ConfigFiles.Value(json)), ConfigError.BadValue, full);
        }

        [TestMethod]
        public void Parse_BoundaryValues_AreAccepted()
        {
            JsonObject j = ConfigFiles.Board()
                .Set("led.gamma", 3).Set("brightness.day", 0).Set("brightness.night", 255).Set("utcOffsetMinutes", -720)
                .Set("button.holdMs", 500).Set("button.debounceMs", 500).Set("broker.port", 1).Set("broker.tls", false)
                .Set("power.supplyMilliamps", 200000).Set("power.budgetPercent", 100).Set("power.idleMilliampsPerLed", 0).Set("power.milliampsPerChannel", 50)
                .Set("brightness.nightFrom", "23:59").Set("brightness.nightUntil", "00:00").Set("sntp", new JsonArray("a.b", "10.0.0.1"))
                .Set("led.colorOrder", "bgr");
            BoardConfig c = ParseOk(j.Bytes());
            Assert.AreEqual(3000, c.Led.GammaThousandths);
            Assert.AreEqual(BoardKit.Firmware.Core.Led.ColorOrder.Bgr, c.Led.ColorOrder);
            Assert.AreEqual(200000, c.Power.BudgetMilliamps);
            Assert.AreEqual(1439, c.Brightness.NightFromMinute);
            Assert.AreEqual(0, c.Brightness.NightUntilMinute);
            Assert.IsFalse(c.Broker.Tls);
            Assert.AreEqual(2225, ParseOk(ConfigFiles.Board().Set("led.gamma", 2.225).Bytes()).Led.GammaThousandths);
            Assert.AreEqual(1000, ParseOk(ConfigFiles.Board().Set("led.gamma", ConfigFiles.Value("1")).Bytes()).Led.GammaThousandths);
            Assert.AreEqual(840, ParseOk(ConfigFiles.Board().Set("utcOffsetMinutes", 840).Bytes()).UtcOffsetMinutes);
        }

        [TestMethod]
        public void Parse_OriginsOrdersAndRotations_MapToTileLayout()
        {
            string[] origins = { "top-left", "top-right", "bottom-left", "bottom-right" };
            int[] rotations = { 0, 90, 180, 270 };
            for (int o = 0; o < 4; o++)
            {
                // A square 8x8 tile fits the 64x16 panel at every rotation.
                JsonObject j = ConfigFiles.Board().Set("tiles", new JsonArray(JsonNode.Parse(
                    "{\"firstLed\":0,\"x\":0,\"y\":0,\"width\":8,\"height\":8,\"origin\":\"" + origins[o] + "\",\"order\":\"" + (o % 2 == 0 ? "rows" : "columns")
                    + "\",\"serpentine\":" + (o < 2 ? "true" : "false") + ",\"rotation\":" + rotations[o] + "}")));
                TileLayout t = ParseOk(j.Bytes()).Tiles[0];
                Assert.AreEqual(o, t.Origin);
                Assert.AreEqual(o % 2 == 1, t.ColumnMajor);
                Assert.AreEqual(o < 2, t.Serpentine);
                Assert.AreEqual(rotations[o], t.Rotation);
            }
        }

        [TestMethod]
        public void Parse_EveryGpio_UsableExactlyWhenEsp32PinsSaysSo()
        {
            int[] usable = { 4, 13, 14, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33 };
            Assert.AreEqual(Esp32Pins.UsableList, string.Join(", ", usable));
            for (int gpio = 0; gpio <= 39; gpio++)
            {
                Assert.AreEqual(usable.Contains(gpio), Esp32Pins.IsUsable(gpio), "GPIO " + gpio);
                int button = gpio == 27 ? 26 : 27;
                int clock = gpio == 18 ? 19 : 18;
                JsonObject chain = ConfigFiles.Board().Set("chains[0].mosiGpio", gpio).Set("chains[0].clockGpio", clock).Set("button.gpio", button);
                JsonObject press = ConfigFiles.Board().Set("button.gpio", gpio).Set("chains[0].mosiGpio", gpio == 23 ? 22 : 23).Set("chains[0].clockGpio", gpio == 18 ? 19 : 18);
                if (usable.Contains(gpio))
                {
                    Assert.AreEqual(gpio, ParseOk(chain.Bytes()).Chains[0].MosiGpio);
                    Assert.AreEqual(gpio, ParseOk(press.Bytes()).Button!.Gpio);
                }
                else
                {
                    BoardConfigResult r = ParseBad(chain, ConfigError.BadPin, "chains[0].mosiGpio: ");
                    StringAssert.Contains(r.Message, "usable: 4, 13, 14");
                    ParseBad(press, ConfigError.BadPin, "button.gpio: ");
                }
            }
        }

        [TestMethod]
        [DataRow(34, "input-only")]
        [DataRow(12, "GPIO 12 is a strapping pin")]
        [DataRow(0, "GPIO 0 is a strapping pin")]
        [DataRow(6, "SPI flash")]
        [DataRow(1, "USB serial port")]
        [DataRow(20, "the ESP32 has no GPIO 20")]
        public void Parse_UnusablePin_SaysWhy(int gpio, string why)
        {
            ParseBad(ConfigFiles.Board().Set("chains[0].mosiGpio", gpio), ConfigError.BadPin, why);
        }

        [TestMethod]
        public void Parse_PinOrBusUsedTwice_IsRefused()
        {
            ParseBad(ConfigFiles.Board().Set("button.gpio", 23), ConfigError.BadPin, "button.gpio: GPIO 23 is already the data line of chains[0]");
            ParseBad(ConfigFiles.Board().Set("button.gpio", 18), ConfigError.BadPin, "button.gpio: GPIO 18 is already the SPI clock of chains[0]");
            ParseBad(ConfigFiles.Board().Set("chains[0].clockGpio", 23), ConfigError.BadPin, "chains[0].clockGpio: GPIO 23 is already this chain's data line");
            JsonObject two = ConfigFiles.Board();
            two["chains"]!.AsArray().Add(JsonNode.Parse("{\"spiBus\":2,\"mosiGpio\":23,\"clockGpio\":14,\"leds\":8}"));
            ParseBad(two, ConfigError.BadPin, "chains[1].mosiGpio: GPIO 23 is already the data line of chains[0]");
            JsonObject clockTwice = ConfigFiles.Board();
            clockTwice["chains"]!.AsArray().Add(JsonNode.Parse("{\"spiBus\":2,\"mosiGpio\":13,\"clockGpio\":18,\"leds\":8}"));
            ParseBad(clockTwice, ConfigError.BadPin, "chains[1].clockGpio: GPIO 18 is already the SPI clock of chains[0]");
            JsonObject bus = ConfigFiles.Board();
            bus["chains"]!.AsArray().Add(JsonNode.Parse("{\"spiBus\":1,\"mosiGpio\":22,\"clockGpio\":14,\"leds\":8}"));
            ParseBad(bus, ConfigError.Conflict, "chains[1].spiBus: SPI bus 1 already drives chains[0]");
            JsonObject ok = ConfigFiles.Board();
            ok["chains"]!.AsArray().Add(JsonNode.Parse("{\"spiBus\":2,\"mosiGpio\":22,\"clockGpio\":14,\"leds\":8}"));
            Assert.HasCount(2, ParseOk(ok.Bytes()).Chains);
        }

        [TestMethod]
        public void Parse_TileOnMissingChain_IsConflict()
        {
            ParseBad(ConfigFiles.Board().Set("tiles[3].chain", 1), ConfigError.Conflict, "tiles[3].chain: chain 1 does not exist: \"chains\" has 1 element (chain 0)");
            JsonObject j = ConfigFiles.Board();
            j["tiles"]![0]!.AsObject().Remove("chain");
            Assert.AreEqual(0, ParseOk(j.Bytes()).Tiles[0].Chain);
        }

        [TestMethod]
        public void Parse_TileLedsPastChainEnd_IsConflict()
        {
            ParseBad(ConfigFiles.Board().Set("chains[0].leds", 1023), ConfigError.Conflict,
                "tiles[3]: its 256 LEDs (32 x 8) from firstLed 768 run past the end of chain 0, which has 1023 LEDs");
            ParseOk(ConfigFiles.Board().Set("chains[0].leds", 2048).Bytes());
        }

        [TestMethod]
        public void Parse_TileOutsidePanel_IsConflictAndRotationSwapsSides()
        {
            ParseBad(ConfigFiles.Board().Set("tiles[1].x", 33), ConfigError.Conflict, "tiles[1]: mounted at x 33, y 0 it covers 32 x 8 pixels and runs past the panel's 64 x 16");
            ParseBad(ConfigFiles.Board().Set("tiles[0].rotation", 90), ConfigError.Conflict, "tiles[0]: mounted at x 0, y 0 it covers 8 x 32 pixels (turned 90 degrees)");
            ParseOk(ConfigFiles.Board().Set("tiles[0].rotation", 180).Bytes());
            JsonObject tall = ConfigFiles.Board().Set("panel.height", 32).Set("tiles[0].rotation", 270);
            Assert.AreEqual(270, ParseOk(tall.Bytes()).Tiles[0].Rotation, "a 32x8 module turned 270 degrees covers 8 x 32 and fits a 64x32 panel");
        }

        [TestMethod]
        public void Parse_IdleCurrentAboveBudget_IsConflict()
        {
            JsonObject j = ConfigFiles.Board().Set("power.supplyMilliamps", 1000);
            ParseBad(j, ConfigError.Conflict, "power: the 1024 LEDs of all chains draw 1024 mA while dark (1 mA each), more than the LED budget of 800 mA (80 % of 1000 mA)");
            ParseOk(ConfigFiles.Board().Set("power.supplyMilliamps", 1280).Bytes());
            ParseOk(ConfigFiles.Board().Set("power.supplyMilliamps", 1000).Set("power.idleMilliampsPerLed", 0).Bytes());
        }

        [TestMethod]
        public void Parse_NightStartsWhenItEnds_IsConflict()
        {
            ParseBad(ConfigFiles.Board().Set("brightness.nightUntil", "19:00"), ConfigError.Conflict, "brightness.nightUntil: night would start and end at the same time");
            JsonObject j = ConfigFiles.Board().Set("brightness", JsonNode.Parse("{\"nightFrom\":\"06:00\"}"));
            ParseBad(j, ConfigError.Conflict, "night would start and end at the same time");
        }

        [TestMethod]
        public void Parse_DuplicateField_IsDuplicateKey()
        {
            string text = Encoding.UTF8.GetString(ConfigFiles.ExampleBoardJson()).Replace("\"utcOffsetMinutes\": 420,", "\"utcOffsetMinutes\": 420, \"utcOffsetMinutes\": 0,");
            ParseBad(Encoding.UTF8.GetBytes(text), ConfigError.DuplicateKey, "\"utcOffsetMinutes\" appears twice in this object");
        }

        [TestMethod]
        public void Parse_FileProblems_MapToTheirCodes()
        {
            BoardConfigResult missing = ParseBad((byte[])null!, ConfigError.FileMissing, "file not found");
            Assert.AreEqual("C01", missing.OnPanelCode);
            ParseBad(new byte[8193], ConfigError.FileTooLarge, "8193 bytes");
            ParseBad(Encoding.Unicode.GetBytes(Minimal), ConfigError.Encoding, "UTF-16");
            ParseBad(Encoding.UTF8.GetBytes(Minimal.Substring(0, 40)), ConfigError.Syntax, "line 1, column 36: string not closed");
        }

        [TestMethod]
        public void Parse_EscapedMemberNames_AreTheSameFields()
        {
            string text = Encoding.UTF8.GetString(ConfigFiles.ExampleBoardJson()).Replace("\"panel\"", "\"\\u0070anel\"");
            Assert.AreEqual(64, ParseOk(Encoding.UTF8.GetBytes(text)).Panel.Width);
        }

        [TestMethod]
        public void Defaults_NightWindow_WrapsAroundMidnightInTheSchedule()
        {
            var b = new BrightnessConfig();
            var schedule = new BrightnessSchedule(b.Day, b.Night, b.NightFromMinute, b.NightUntilMinute, 0);
            const long Midnight = 1767225600; // 2026-01-01T00:00:00Z, UTC offset 0
            Assert.AreEqual(255, schedule.LevelAt(Midnight + ((18 * 60) + 59) * 60, false));
            Assert.AreEqual(96, schedule.LevelAt(Midnight + (19 * 60 * 60), false));
            Assert.AreEqual(96, schedule.LevelAt(Midnight, false));
            Assert.AreEqual(96, schedule.LevelAt(Midnight + ((5 * 60) + 59) * 60, false));
            Assert.AreEqual(255, schedule.LevelAt(Midnight + (6 * 60 * 60), false));
        }
    }
}
