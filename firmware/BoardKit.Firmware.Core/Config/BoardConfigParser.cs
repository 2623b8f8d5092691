using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// Reads board.json (format 1) into a <see cref="BoardConfig"/>. Strict: unknown fields, duplicate fields, wrong
    /// types, values out of range, unusable or shared pins and fields that contradict each other are all refused with
    /// the first problem's <see cref="ConfigError"/> code and a message naming the field path and its line and column.
    /// "format" is checked first, so a file for another firmware version says so instead of listing unknown fields.
    /// Then every object is checked for unknown fields before its values, so a typo ("widht") is reported as such and
    /// not as a missing "width". Never throws, never loops beyond the input (see <see cref="JsonReader"/>). Called
    /// once at boot; allocates the document and the configuration.
    /// </summary>
    public static class BoardConfigParser
    {
        private const string HostProblem = "must be a host name or IPv4 address: letters, digits, '-' and '.', starting and ending with a letter or digit";

        private static readonly string[] RootFields =
        {
            "format", "board", "site", "panel", "tiles", "chains", "led", "power", "brightness", "utcOffsetMinutes", "button", "broker", "sntp",
        };

        private static readonly string[] PanelFields = { "width", "height" };
        private static readonly string[] LedFields = { "colorOrder", "gamma" };
        private static readonly string[] PowerFields = { "supplyMilliamps", "budgetPercent", "milliampsPerChannel", "idleMilliampsPerLed" };
        private static readonly string[] BrightnessFields = { "day", "night", "nightFrom", "nightUntil" };
        private static readonly string[] ButtonFields = { "gpio", "holdMs", "debounceMs" };
        private static readonly string[] BrokerFields = { "host", "port", "tls" };

        /// <summary>
        /// Parses <paramref name="data"/>, the whole of board.json (null when the file is missing: FileMissing). On
        /// success the result's Config is set; otherwise ErrorCode, Message and OnPanelCode say what to fix.
        /// </summary>
        public static BoardConfigResult Parse(byte[]? data)
        {
            var result = new BoardConfigResult();
            var reader = new JsonReader();
            JsonDocument? doc = reader.Read(data, false);
            if (doc == null)
            {
                result.SetError(reader.ErrorCode, reader.ErrorMessage);
                return result;
            }

            var fields = new FieldReader(doc, false);
            BoardConfig config = Read(doc, fields);
            if (fields.Failed)
            {
                result.SetError(fields.ErrorCode, fields.Message);
                return result;
            }

            result.Config = config;
            return result;
        }

        private static BoardConfig Read(JsonDocument doc, FieldReader fields)
        {
            var config = new BoardConfig();
            int root = JsonDocument.Root;
            if (doc.GetKind(root) != JsonKind.Object)
            {
                fields.Record(ConfigError.WrongType, "board.json must be one JSON object { ... }, not " + JsonKind.Describe(doc.GetKind(root)));
                return config;
            }

            fields.Format(root, BoardConfig.CurrentFormat);
            fields.OnlyKnown(root, RootFields);
            config.Board = ReadId(doc, fields, root, "board");
            config.Site = ReadId(doc, fields, root, "site");
            config.Panel = ReadPanel(fields, root);
            config.Chains = LayoutReader.ReadChains(doc, fields, root);
            config.Tiles = LayoutReader.ReadTiles(doc, fields, root, config.Panel, config.Chains);
            config.Led = ReadLed(fields, root);
            config.Power = ReadPower(fields, root, config.Chains);
            config.Brightness = ReadBrightness(doc, fields, root);
            config.UtcOffsetMinutes = fields.Int(root, "utcOffsetMinutes", BoardConfig.MinUtcOffsetMinutes, BoardConfig.MaxUtcOffsetMinutes, BoardConfig.DefaultUtcOffsetMinutes, false);
            config.Button = ReadButton(doc, fields, root, config.Chains);
            config.Broker = ReadBroker(doc, fields, root);
            config.Sntp = ReadSntp(doc, fields, root);
            return config;
        }

        /// <summary>"board" / "site": an id by <see cref="BoardId.IsValid"/> rules (1..64 of a-z 0-9 - _ .).</summary>
        internal static string ReadId(JsonDocument doc, FieldReader fields, int root, string name)
        {
            string id = fields.Text(root, name, 1, BoardId.MaxLength, string.Empty, true);
            if (!fields.Failed && !BoardId.IsValid(id))
            {
                fields.Fail(doc.GetMember(root, name), ConfigError.BadValue, "must be 1..64 characters of a-z, 0-9, '-', '_' and '.' (lower case, no spaces), not "
                    + doc.GetExcerpt(doc.GetMember(root, name)));
            }

            return id;
        }

        private static PanelConfig ReadPanel(FieldReader fields, int root)
        {
            var panel = new PanelConfig();
            int obj = fields.Object(root, "panel", true, false);
            if (obj == JsonDocument.NoNode || !fields.OnlyKnown(obj, PanelFields))
            {
                return panel;
            }

            panel.Width = fields.Int(obj, "width", 1, PanelConfig.MaxWidth, 0, true);
            panel.Height = fields.Int(obj, "height", 1, PanelConfig.MaxHeight, 0, true);
            return panel;
        }

        private static LedConfig ReadLed(FieldReader fields, int root)
        {
            var led = new LedConfig();
            int obj = fields.Object(root, "led", false, false);
            if (obj == JsonDocument.NoNode || !fields.OnlyKnown(obj, LedFields))
            {
                return led;
            }

            led.ColorOrder = fields.Choice(obj, "colorOrder", LedConfig.ColorOrderNames, Led.ColorOrder.Default, false);
            led.GammaThousandths = fields.Scaled(obj, "gamma", 3, LedConfig.MinGammaThousandths, LedConfig.MaxGammaThousandths, LedConfig.DefaultGammaThousandths, false);
            return led;
        }

        private static PowerConfig ReadPower(FieldReader fields, int root, ChainConfig[] chains)
        {
            var power = new PowerConfig();
            int obj = fields.Object(root, "power", true, false);
            if (obj == JsonDocument.NoNode || !fields.OnlyKnown(obj, PowerFields))
            {
                return power;
            }

            power.SupplyMilliamps = fields.Int(obj, "supplyMilliamps", PowerConfig.MinSupplyMilliamps, PowerConfig.MaxSupplyMilliamps, 0, true);
            power.BudgetPercent = fields.Int(obj, "budgetPercent", PowerConfig.MinBudgetPercent, PowerConfig.MaxBudgetPercent, PowerConfig.DefaultBudgetPercent, false);
            power.MilliampsPerChannel = fields.Int(obj, "milliampsPerChannel", 1, PowerConfig.MaxMilliampsPerChannel, PowerConfig.DefaultMilliampsPerChannel, false);
            power.IdleMilliampsPerLed = fields.Int(obj, "idleMilliampsPerLed", 0, PowerConfig.MaxIdleMilliampsPerLed, PowerConfig.DefaultIdleMilliampsPerLed, false);
            if (fields.Failed)
            {
                return power;
            }

            // Dark LEDs still draw their idle current: if that alone exceeds the budget, no frame can be shown.
            int leds = 0;
            for (int i = 0; i < chains.Length; i++)
            {
                leds += chains[i].Leds;
            }

            int idle = leds * power.IdleMilliampsPerLed;
            if (idle > power.BudgetMilliamps)
            {
                fields.Fail(obj, ConfigError.Conflict, "the " + leds.ToString() + " LEDs of all chains draw " + idle.ToString() + " mA while dark ("
                    + power.IdleMilliampsPerLed.ToString() + " mA each), more than the LED budget of " + power.BudgetMilliamps.ToString() + " mA ("
                    + power.BudgetPercent.ToString() + " % of " + power.SupplyMilliamps.ToString() + " mA): use a larger supply");
            }

            return power;
        }

        private static BrightnessConfig ReadBrightness(JsonDocument doc, FieldReader fields, int root)
        {
            var brightness = new BrightnessConfig();
            int obj = fields.Object(root, "brightness", false, false);
            if (obj == JsonDocument.NoNode || !fields.OnlyKnown(obj, BrightnessFields))
            {
                return brightness;
            }

            brightness.Day = fields.Int(obj, "day", 0, BrightnessConfig.MaxLevel, BrightnessConfig.DefaultDay, false);
            brightness.Night = fields.Int(obj, "night", 0, BrightnessConfig.MaxLevel, BrightnessConfig.DefaultNight, false);
            brightness.NightFromMinute = fields.TimeOfDay(obj, "nightFrom", BrightnessConfig.DefaultNightFromMinute, false);
            brightness.NightUntilMinute = fields.TimeOfDay(obj, "nightUntil", BrightnessConfig.DefaultNightUntilMinute, false);
            if (!fields.Failed && brightness.NightFromMinute == brightness.NightUntilMinute)
            {
                int node = doc.GetMember(obj, "nightUntil");
                fields.Fail(node == JsonDocument.NoNode ? doc.GetMember(obj, "nightFrom") : node, ConfigError.Conflict,
                    "night would start and end at the same time; to keep one level all day, set \"night\" equal to \"day\"");
            }

            return brightness;
        }

        private static ButtonConfig? ReadButton(JsonDocument doc, FieldReader fields, int root, ChainConfig[] chains)
        {
            int obj = fields.Object(root, "button", true, true);
            if (obj == JsonDocument.NoNode || !fields.OnlyKnown(obj, ButtonFields))
            {
                return null;
            }

            var button = new ButtonConfig();
            button.Gpio = fields.Int(obj, "gpio", 0, Esp32Pins.MaxGpio, 0, true);
            if (!fields.Failed)
            {
                int node = doc.GetMember(obj, "gpio");
                string? problem = Esp32Pins.Problem(button.Gpio);
                if (problem != null)
                {
                    fields.Fail(node, ConfigError.BadPin, problem + "; usable: " + Esp32Pins.UsableList);
                }

                for (int i = 0; i < chains.Length; i++)
                {
                    string? clash = LayoutReader.PinUse(chains[i], i, button.Gpio);
                    if (clash != null)
                    {
                        fields.Fail(node, ConfigError.BadPin, "GPIO " + button.Gpio.ToString() + " is already " + clash);
                    }
                }
            }

            button.HoldMs = fields.Int(obj, "holdMs", ButtonConfig.MinHoldMs, ButtonConfig.MaxHoldMs, ButtonConfig.DefaultHoldMs, false);
            button.DebounceMs = fields.Int(obj, "debounceMs", ButtonConfig.MinDebounceMs, ButtonConfig.MaxDebounceMs, ButtonConfig.DefaultDebounceMs, false);
            return button;
        }

        private static BrokerConfig ReadBroker(JsonDocument doc, FieldReader fields, int root)
        {
            var broker = new BrokerConfig();
            int obj = fields.Object(root, "broker", true, false);
            if (obj == JsonDocument.NoNode || !fields.OnlyKnown(obj, BrokerFields))
            {
                return broker;
            }

            broker.Host = ReadHost(doc, fields, obj, "host");
            broker.Port = fields.Int(obj, "port", 1, BrokerConfig.MaxPort, BrokerConfig.DefaultPort, false);
            broker.Tls = fields.Bool(obj, "tls", true, false);
            return broker;
        }

        private static string ReadHost(JsonDocument doc, FieldReader fields, int obj, string name)
        {
            string host = fields.Text(obj, name, 1, BrokerConfig.MaxHostLength, string.Empty, true);
            if (!fields.Failed && !HostName.IsValid(host, BrokerConfig.MaxHostLength))
            {
                int node = doc.GetMember(obj, name);
                fields.Fail(node, ConfigError.BadValue, HostProblem + fields.Not(node));
            }

            return host;
        }

        private static string[] ReadSntp(JsonDocument doc, FieldReader fields, int root)
        {
            int array = fields.Array(root, "sntp", 0, BoardConfig.MaxSntpServers, false);
            if (array == JsonDocument.NoNode)
            {
                return new string[0];
            }

            string[] hosts = new string[doc.GetCount(array)];
            int i = 0;
            for (int node = doc.GetFirstChild(array); node != JsonDocument.NoNode; node = doc.GetNext(node))
            {
                hosts[i] = fields.TextValue(node, 1, BrokerConfig.MaxHostLength, string.Empty);
                if (!fields.Failed && !HostName.IsValid(hosts[i], BrokerConfig.MaxHostLength))
                {
                    fields.Fail(node, ConfigError.BadValue, HostProblem + fields.Not(node));
                }

                i++;
            }

            return hosts;
        }
    }
}
