using System;
using System.Device.Gpio;
using System.Net.NetworkInformation;
using System.Threading;

using BoardKit.Firmware.Adapters;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Ports;

using nanoFramework.Networking;
using nanoFramework.Runtime.Native;

namespace BoardKit.Firmware
{
    /// <summary>
    /// Boot of a BoardKit LED board: the numbered steps of <see cref="Main"/> wire the core's BoardRuntime to the
    /// device adapters, then two threads run it (<see cref="BoardLoops"/>). Facts: firmware/nanoframework/facts.md.
    /// </summary>
    public static class Program
    {
        /// <summary>Firmware version reported in status; keep equal to AssemblyVersion (Properties/AssemblyInfo.cs).</summary>
        public const string FirmwareVersion = "1.0.0";

        // Longest wait for Wi-Fi at boot. The panel stays dark meanwhile (the runtime needs the nonce, drawn after Wi-Fi
        // started), so it is short; the firmware keeps reconnecting afterwards by itself and the link retries (facts §9).
        private const int WifiTimeoutMs = 20000;

        // After a boot that failed with an exception: wait, then reboot. Long, so a board that fails at every boot does
        // not rewrite its Wi-Fi configuration (ConnectDhcp may save it, facts §9) hundreds of times an hour.
        private const int BootFailureRebootMs = 300000;

        /// <summary>Entry point: boots, starts the loops, then sleeps forever.</summary>
        public static void Main()
        {
            try
            {
                Boot();
            }
            catch (Exception e)
            {
                Console.WriteLine("boot failed: " + e.Message);
                Thread.Sleep(BootFailureRebootMs);
                Power.RebootDevice();
            }

            Thread.Sleep(Timeout.Infinite);
        }

        private static void Boot()
        {
            // 1) board.json and board.key from I:\ (nanoff --filedeployment). When they cannot be used, the reference
            //    board's layout shows the diagnostic code and the board stays offline (BoardSetup).
            var store = new FlashFileStore(ReferenceBoard.StorageRoot);
            BoardSetup setup = BoardSetup.Load(store, ReferenceBoard.FallbackConfig());
            BoardConfig config = setup.Config;
            Console.WriteLine("board " + config.Board + ": " + (setup.CanRun ? "ok" : setup.DiagnosticCode + " " + setup.Message));

            // 2) One SPI pixel sink per chain: data on the bus's MOSI, the clock on its unconnected pin, MISO parked
            //    on an input-only pin (facts §2). Opened before anything else claims GPIOs.
            var sinks = new IPixelSink[config.Chains.Length];
            for (int i = 0; i < sinks.Length; i++)
            {
                ChainConfig chain = config.Chains[i];
                sinks[i] = new SpiPixelSink(chain.SpiBus, chain.MosiGpio, chain.ClockGpio, SpiPixelSink.ParkedMisoGpio(chain.SpiBus));
            }

            // 3) The emergency button, if the board has one (board.json "button": null means none) (facts §3).
            ButtonConfig? buttonConfig = config.Button;
            IEmergencyButton? button = buttonConfig == null
                ? null
                : new GpioEmergencyButton(new GpioController(), buttonConfig.Gpio, buttonConfig.DebounceMs, true);

            // 4) Clocks: monotonic from the 64-bit µs timer, UTC once SNTP set it (facts §5).
            var clock = new DeviceClock();

            // 5) Wi-Fi, only for a board that can run: credentials come from the device's configuration block
            //    (nanoff --networkdeployment), never from code or board.json.
            bool wifiConfigured = false;
            if (setup.CanRun)
            {
                wifiConfigured = StartWifi();
            }

            // 6) This boot's session nonce from the hardware RNG, drawn after step 5 started the radio: System.Random
            //    is esp_random(), truly random only while Wi-Fi (or BT) is on (facts §6). A board without Wi-Fi
            //    credentials (or one that cannot run) draws it with the radio possibly off, i.e. pseudo-random; that is
            //    acceptable because the nonce only binds live frames and commands to this boot, and such a board has no
            //    network link to receive either (nor to publish the nonce).
            ulong nonce = DrawSessionNonce();

            // 7) MQTT, for a board that can run and has Wi-Fi credentials; broker host, port and TLS from board.json,
            //    password from board.key (facts §7).
            M2MqttPort? mqtt = setup.CanRun && wifiConfigured ? new M2MqttPort(config.Broker, clock) : null;

            // 8) The core: restores the stored state and content and draws the first frame.
            var runtime = new BoardRuntime(setup, sinks, button, store, mqtt, nonce, FirmwareVersion);
            var loops = new BoardLoops(runtime, clock, config.Sntp.Length > 0);
            if (mqtt != null)
            {
                mqtt.MessageReceived += loops.OnMqttMessage;
            }

            runtime.Boot(clock.MonotonicMs);
            loops.MeasureFreeHeap();

            // 9) Display loop: runtime.Step every 40 ms.
            new Thread(loops.RunDisplay).Start();

            // 10) Network loop: runtime.NetworkStep every 100 ms, only with a broker link.
            if (mqtt != null)
            {
                new Thread(loops.RunNetwork).Start();
            }
        }

        // True when Wi-Fi credentials are stored (then it also tries to join, up to WifiTimeoutMs).
        private static bool StartWifi()
        {
            // System.Net: Wireless80211Configuration (facts §9).
            Wireless80211Configuration[] configs = Wireless80211Configuration.GetAllWireless80211Configurations();
            if (configs.Length == 0 || configs[0].Ssid == null || configs[0].Ssid.Length == 0)
            {
                Console.WriteLine("no Wi-Fi credentials: running offline");
                return false;
            }

            // System.Device.Wifi: WifiNetworkHelper.ConnectDhcp (facts §9), with automatic reconnection. Not
            // requiresDateTime: that would also wait for SNTP and report failure at a site without NTP, although the
            // board is online; the board takes network time later, whenever it comes (facts §5).
            var cancel = new CancellationTokenSource(WifiTimeoutMs);
            bool joined = WifiNetworkHelper.ConnectDhcp(configs[0].Ssid, configs[0].Password, requiresDateTime: false, token: cancel.Token);
            Console.WriteLine(joined ? "Wi-Fi connected" : "Wi-Fi not connected yet: the firmware keeps trying");
            return true;
        }

        // A random non-zero 64-bit nonce: 8 bytes from System.Random, which on the ESP32 is esp_random() (facts §6).
        private static ulong DrawSessionNonce()
        {
            var random = new Random();
            byte[] bytes = new byte[8];
            ulong nonce = 0;
            while (nonce == 0)
            {
                random.NextBytes(bytes);
                for (int i = 0; i < bytes.Length; i++)
                {
                    nonce = (nonce << 8) | bytes[i];
                }
            }

            return nonce;
        }
    }
}
