using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Gateway.Preview;

namespace BoardKit.Firmware.Sim
{
    /// <summary>
    /// One simulated board: the firmware core's BoardRuntime with a folder as its flash, a virtual panel, a virtual
    /// button, the host's clocks and MQTTnet, run on two threads as the device runs it (display loop, network loop;
    /// MQTT receive on MQTTnet's thread). Many can run in one process (the tests do). Stopping it without
    /// <see cref="Stop"/>'s clean disconnect is a power cut: the broker publishes the board's will.
    /// </summary>
    public sealed class SimulatedBoard : IDisposable
    {
        /// <summary>Display loop period, ms: 25 frames a second, the rate the firmware targets for scrolling text.</summary>
        public const int DisplayPeriodMs = 40;

        /// <summary>Network loop period, ms.</summary>
        public const int NetworkPeriodMs = 50;

        /// <summary>The panel image written on every change, in the data folder.</summary>
        public const string PanelPngFile = "panel.png";

        /// <summary>A file in the data folder a test or a shell can write "down" or "up" to, to press or release the button.</summary>
        public const string ButtonControlFile = "button";

        private readonly SimulatedBoardOptions _options;
        private readonly FolderFileStore _flash;
        private readonly MqttNetPort? _port;
        private Thread? _display;
        private Thread? _network;
        private volatile bool _running;
        private volatile byte[]? _pendingPng;

        /// <summary>Builds the board from the flash folder's board.json and board.key (see <see cref="SimulatedBoardOptions"/>).</summary>
        public SimulatedBoard(SimulatedBoardOptions options)
        {
            _options = options;
            _flash = new FolderFileStore(options.DataFolder);
            Setup = BoardSetup.Load(_flash, FallbackConfig());
            BoardConfig config = Setup.Config;
            var map = new PixelMap(config.Tiles, config.Panel.Width, config.Panel.Height, config.Chains.Length);
            Panel = new VirtualPanel(map, config.Led.ColorOrder);
            Panel.FrameShown += OnFrameShown;
            if (options.BrokerPort > 0)
            {
                _port = new MqttNetPort(options.BrokerHost ?? config.Broker.Host, options.BrokerPort);
            }

            Runtime = new BoardRuntime(Setup, Panel.Sinks, Button, _flash, _port, NewNonce(), options.FirmwareVersion);
            if (_port != null)
            {
                _port.MessageReceived += (_, payload) => Runtime.OnMessage(payload, payload.Length, Clock.MonotonicMs);
            }
        }

        /// <summary>What the board read at boot (configuration, keys or the diagnostic code).</summary>
        public BoardSetup Setup { get; }

        /// <summary>The firmware core.</summary>
        public BoardRuntime Runtime { get; }

        /// <summary>The LEDs, as decoded from the WS2812 streams the core sends.</summary>
        public VirtualPanel Panel { get; }

        /// <summary>The emergency button.</summary>
        public VirtualButton Button { get; } = new();

        /// <summary>The board's clocks (NetworkTime off = a board that never reached an SNTP server).</summary>
        public HostClock Clock { get; } = new();

        /// <summary>The board's flash folder.</summary>
        public string DataFolder => _options.DataFolder;

        /// <summary>Raised (on the display thread) after every frame the LEDs show, with the panel pixels (R, G, B).</summary>
        public event Action<byte[]>? FrameShown;

        /// <summary>Boots the board and starts its display and network loops.</summary>
        public void Start()
        {
            Clock.NetworkTime = _options.NetworkTime;
            Runtime.Boot(Clock.MonotonicMs);
            _running = true;
            _display = new Thread(DisplayLoop) { IsBackground = true, Name = "display " + Setup.Config.Board };
            _display.Start();
            if (_port != null)
            {
                _network = new Thread(NetworkLoop) { IsBackground = true, Name = "network " + Setup.Config.Board };
                _network.Start();
            }
        }

        /// <summary>Stops the loops; <paramref name="cleanDisconnect"/> false drops the connection as a power cut does (the broker then publishes the will).</summary>
        public void Stop(bool cleanDisconnect = true)
        {
            _running = false;
            _display?.Join();
            _network?.Join();
            if (_port != null)
            {
                if (cleanDisconnect && _port.IsConnected)
                {
                    _port.Disconnect();
                }

                _port.Abort();
            }
        }

        /// <inheritdoc/>
        public void Dispose() => Stop(cleanDisconnect: false);

        /// <summary>The fallback layout when board.json cannot be used: one 32x8 module, as on the reference board's first chain.</summary>
        public static BoardConfig FallbackConfig() => new()
        {
            Board = "unprovisioned",
            Site = "unprovisioned",
            Panel = new PanelConfig { Width = 32, Height = 8 },
            Chains = new[] { new ChainConfig { SpiBus = 1, MosiGpio = 23, ClockGpio = 18, Leds = 256 } },
            Tiles = new[] { new TileLayout { Width = 32, Height = 8 } },
            Power = new PowerConfig { SupplyMilliamps = 10000 },
            Broker = new BrokerConfig { Host = "127.0.0.1" },
        };

        private static ulong NewNonce()
        {
            ulong nonce;
            do
            {
                nonce = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
            }
            while (nonce == 0);
            return nonce;
        }

        private void DisplayLoop()
        {
            string control = Path.Combine(_options.DataFolder, ButtonControlFile);
            while (_running)
            {
                if (_options.WatchButtonFile && File.Exists(control))
                {
                    Button.Set(File.ReadAllText(control).Trim() == "down");
                }

                Runtime.Step(Clock.MonotonicMs, Clock.UtcMs);
                WritePanelPng();
                Thread.Sleep(DisplayPeriodMs);
            }
        }

        private void NetworkLoop()
        {
            while (_running)
            {
                Runtime.NetworkStep(Clock.MonotonicMs);
                Thread.Sleep(NetworkPeriodMs);
            }
        }

        private void OnFrameShown(byte[] rgb)
        {
            _pendingPng = rgb;
            FrameShown?.Invoke(rgb);
        }

        private void WritePanelPng()
        {
            byte[]? rgb = Interlocked.Exchange(ref _pendingPng, null);
            if (rgb == null || !_options.WritePng)
            {
                return;
            }

            // Written to a temporary name and renamed, so a reader never sees half a PNG.
            string path = Path.Combine(_options.DataFolder, PanelPngFile);
            string temp = path + ".tmp";
            File.WriteAllBytes(temp, PngWriter.EncodeRgb(Panel.Width, Panel.Height, rgb));
            File.Move(temp, path, overwrite: true);
        }
    }
}
