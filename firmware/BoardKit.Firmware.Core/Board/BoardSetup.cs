using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// What a board reads from its flash at boot, before anything else (docs/protocol.md 15.5): board.json and
    /// board.key, checked, and the pixel map they describe. When any of it is missing or wrong the board cannot run:
    /// <see cref="DiagnosticCode"/> names why ("C04", "K01" ...), and the board shows that code on its LEDs with a
    /// fallback layout (the device glue's reference board), accepts nothing and does not connect. There is no default
    /// configuration and no default key.
    /// </summary>
    public sealed class BoardSetup
    {
        /// <summary>board.json on the board's flash.</summary>
        public const string ConfigFile = "board.json";

        /// <summary>board.key on the board's flash.</summary>
        public const string KeyFile = "board.key";

        private BoardSetup(BoardConfig config, KeyRing keys, string? mqttPassword, string? diagnosticCode, string message)
        {
            Config = config;
            Keys = keys;
            MqttPassword = mqttPassword;
            DiagnosticCode = diagnosticCode;
            Message = message;
        }

        /// <summary>The board's configuration, or the fallback when board.json could not be used.</summary>
        public BoardConfig Config { get; private set; }

        /// <summary>The board's keys; empty when the board cannot run (it then accepts nothing).</summary>
        public KeyRing Keys { get; private set; }

        /// <summary>The board's MQTT password from board.key, or null.</summary>
        public string? MqttPassword { get; private set; }

        /// <summary>Null when the board can run; otherwise the on-panel code (ConfigError.OnPanelCode) of the first problem.</summary>
        public string? DiagnosticCode { get; private set; }

        /// <summary>"ok" or the installer's one-line explanation of <see cref="DiagnosticCode"/> (never key material).</summary>
        public string Message { get; private set; }

        /// <summary>True when the board has a valid configuration and key.</summary>
        public bool CanRun
        {
            get { return DiagnosticCode == null; }
        }

        /// <summary>
        /// Reads and checks board.json and board.key from <paramref name="files"/>. <paramref name="fallback"/> is used
        /// for the LEDs when board.json cannot be (it must describe the hardware the firmware was built for). The key
        /// file's bytes are overwritten once parsed.
        /// </summary>
        public static BoardSetup Load(IFileStore files, BoardConfig fallback)
        {
            byte[]? configBytes = Read(files, ConfigFile);
            BoardConfigResult configResult = BoardConfigParser.Parse(configBytes);
            if (!configResult.Succeeded || configResult.Config == null)
            {
                return new BoardSetup(fallback, new KeyRing(KeyRingCapacity), null, configResult.OnPanelCode, ConfigFile + ": " + configResult.Message);
            }

            BoardConfig config = configResult.Config;
            int where;
            int mapError = PixelMap.Validate(config.Tiles, config.Panel.Width, config.Panel.Height, config.Chains.Length, out where);
            if (mapError != PixelMapError.None)
            {
                return new BoardSetup(fallback, new KeyRing(KeyRingCapacity), null, ConfigError.OnPanelCode(ConfigError.Conflict, false),
                    ConfigFile + ": " + PixelMap.Describe(mapError, where));
            }

            byte[]? keyBytes = Read(files, KeyFile);
            KeyFileResult keyResult = KeyFileParser.Parse(keyBytes, config.Board);
            if (keyBytes != null)
            {
                System.Array.Clear(keyBytes, 0, keyBytes.Length);
            }

            if (!keyResult.Succeeded || keyResult.KeyFile == null)
            {
                return new BoardSetup(config, new KeyRing(KeyRingCapacity), null, keyResult.OnPanelCode, KeyFile + ": " + keyResult.Message);
            }

            return new BoardSetup(config, keyResult.KeyFile.Keys, keyResult.KeyFile.MqttPassword, null, "ok");
        }

        // A board holds its current key and the next one (docs/protocol.md 7).
        private const int KeyRingCapacity = 2;

        private static byte[]? Read(IFileStore files, string name)
        {
            try
            {
                return files.Read(name);
            }
            catch (System.Exception)
            {
                return null;
            }
        }
    }
}
