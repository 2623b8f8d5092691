using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// The board's configuration from board.json, format 1, as <see cref="BoardConfigParser"/> accepted it: every
    /// field is inside its documented range and the cross-field rules hold (tiles on existing chains and inside them
    /// and the panel, pins usable and distinct, idle current within the power budget). Plain data, read once at boot.
    /// </summary>
    public sealed class BoardConfig
    {
        /// <summary>The only format this firmware reads.</summary>
        public const int CurrentFormat = 1;

        /// <summary>Most tiles, 64: 64 modules of 8x8 fill two 2048-LED chains.</summary>
        public const int MaxTiles = 64;

        /// <summary>Longest tile side in LEDs, 512 (TileLayout: 1..512).</summary>
        public const int MaxTileSide = 512;

        /// <summary>Default UTC offset, +420 minutes: Vietnam (UTC+7, no daylight saving).</summary>
        public const int DefaultUtcOffsetMinutes = 420;

        /// <summary>Lowest UTC offset, -720 minutes (UTC-12), as the program wire format allows.</summary>
        public const int MinUtcOffsetMinutes = ProgramCodec.MinUtcOffsetMinutes;

        /// <summary>Highest UTC offset, +840 minutes (UTC+14), as the program wire format allows.</summary>
        public const int MaxUtcOffsetMinutes = ProgramCodec.MaxUtcOffsetMinutes;

        /// <summary>Most SNTP servers, 2: a primary and a fallback.</summary>
        public const int MaxSntpServers = 2;

        /// <summary>"format": always <see cref="CurrentFormat"/> (1).</summary>
        public int Format { get; set; } = CurrentFormat;

        /// <summary>"board": this board's id (BoardId.IsValid: 1..64 of a-z 0-9 - _ .), its MQTT topic segment, username and client id.</summary>
        public string Board { get; set; } = string.Empty;

        /// <summary>"site": the site id, same rules as a board id; the {site} topic segment.</summary>
        public string Site { get; set; } = string.Empty;

        /// <summary>"panel": the logical panel size.</summary>
        public PanelConfig Panel { get; set; } = new PanelConfig();

        /// <summary>"tiles": 1..64 modules, in file order, wired and mounted as each says.</summary>
        public TileLayout[] Tiles { get; set; } = new TileLayout[0];

        /// <summary>"chains": 1..2 LED data lines; TileLayout.Chain indexes this array.</summary>
        public ChainConfig[] Chains { get; set; } = new ChainConfig[0];

        /// <summary>"led": colour order and gamma (defaults when absent).</summary>
        public LedConfig Led { get; set; } = new LedConfig();

        /// <summary>"power": the supply and the LEDs' current budget.</summary>
        public PowerConfig Power { get; set; } = new PowerConfig();

        /// <summary>"brightness": day and night levels (defaults when absent).</summary>
        public BrightnessConfig Brightness { get; set; } = new BrightnessConfig();

        /// <summary>"utcOffsetMinutes": local time minus UTC in minutes, -720..840, default 420 (Vietnam).</summary>
        public int UtcOffsetMinutes { get; set; } = DefaultUtcOffsetMinutes;

        /// <summary>"button": the emergency button, or null when the file says "button": null (no button fitted).</summary>
        public ButtonConfig? Button { get; set; }

        /// <summary>"broker": the MQTT broker.</summary>
        public BrokerConfig Broker { get; set; } = new BrokerConfig();

        /// <summary>"sntp": 0..2 SNTP server host names; empty (the default) means the board takes its time only from signed messages.</summary>
        public string[] Sntp { get; set; } = new string[0];
    }
}
