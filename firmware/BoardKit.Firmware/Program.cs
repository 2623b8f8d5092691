using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Threading;
using BoardKit.Firmware.Adapters;
using nanoFramework.Networking;

namespace BoardKit.Firmware
{
    /// <summary>
    /// Boot sequence of a BoardKit LED board. Each step says what it does today and what later work plugs in;
    /// nothing below pretends to do more than it does. Pins and sizes: <see cref="ReferenceBoard"/>.
    /// </summary>
    public static class Program
    {
        // How long to wait for Wi-Fi and a valid clock (SNTP) before running offline (nanoframework/facts.md §9). The
        // board keeps showing cached content meanwhile.
        private const int WifiTimeoutMs = 60000;

        /// <summary>Entry point: boots, then leaves the work to timers and event threads.</summary>
        public static void Main()
        {
            // 1) Board config and key from I:\ (put there with `nanoff --filedeployment`, see ../README.md).
            var store = new FlashFileStore(ReferenceBoard.StorageRoot);
            byte[]? boardConfig = store.Read(ReferenceBoard.ConfigFile);
            byte[]? boardKey = store.Read(ReferenceBoard.KeyFile);
            Debug.WriteLine("board.json: " + (boardConfig == null ? "missing" : boardConfig.Length + " bytes"));
            Debug.WriteLine("board.key: " + (boardKey == null ? "missing" : boardKey.Length + " bytes"));
            // LATER (core): parse board.json (pins, chains, panel size and PixelMap, power budget, broker, site and
            // board id) and use it instead of ReferenceBoard; load board.key into the core's KeyRing once the key
            // file format (key id + 32-byte key) is specified. Without a key the board must not accept content.

            // 2) LED output: chain 0 is a WS2812B chain on SPI bus ReferenceBoard.LedSpiBus, MOSI = LedDataGpio
            // (nanoframework/facts.md §2). WS2812s power up showing noise, so the board must blank them first.
            // LATER (core): once the core's WS2812 SPI encoder exists, create
            // new SpiPixelSink(ReferenceBoard.LedSpiBus, ReferenceBoard.LedDataGpio, ReferenceBoard.LedSpiClockGpio,
            // ReferenceBoard.LedSpiMisoGpio) here, encode an all-black frame of ReferenceBoard.LedCount LEDs and Show it.
            // The emergency logic takes an IEmergencyButton, i.e. new GpioEmergencyButton(new GpioController(),
            // ReferenceBoard.EmergencyButtonGpio, ReferenceBoard.EmergencyButtonDebounceMs, true), and the board loop an
            // IClock, i.e. new DeviceClock().

            // 3) The last valid cached content, so the board shows something before (and without) the network.
            byte[]? cachedProgram = store.Read(ReferenceBoard.ProgramFile);
            Debug.WriteLine("program.bin: " + (cachedProgram == null ? "none" : cachedProgram.Length + " bytes"));
            // LATER: the core's receive path exists (Board/ContentReceiver): load the ReplayGuard from its two flash
            // slots (ReplayGuard.LoadNewest), build the KeyRing from board.key, create a ContentReceiver with a fresh
            // session nonce and Restore(cachedProgram). Draw the nonce with new Random().NextBytes(...) after Wi-Fi has
            // started: System.Random is the ESP32's hardware RNG, truly random only with the radio on
            // (nanoframework/facts.md §6). What is still missing is the core's player, which renders each frame, encodes
            // it and calls the chain's SpiPixelSink.Show from its own timer.

            // 4) Wi-Fi, with the credentials stored in the device's config block (nanoff --networkdeployment);
            // credentials never live in code or in board.json.
            bool online = ConnectWifi();
            Debug.WriteLine(online ? "Wi-Fi connected" : "Wi-Fi not connected: running offline");

            // 5) MQTT.
            // LATER (core): the MQTT session: nanoFramework.M2Mqtt MqttClient(host, 8883, true, caCert, null,
            // MqttSslProtocols.TLSv1_2) (caCert may be null: the CA deployed with nanoff --networkdeployment is used),
            // Connect(clientId, user, password, cleanSession, keepAlive) or the will overload, Subscribe to
            // boardkit/v1/{site}/{board}/{program|frame|alert|cmd}, MqttMsgPublishReceived -> core decoder, status
            // with the 6-argument Publish(topic, payload, null, null, qos, retain) (nanoframework/facts.md §7). Broker,
            // site and board id come from board.json, so this waits for step 1's parser.

            Thread.Sleep(Timeout.Infinite);
        }

        private static bool ConnectWifi()
        {
            // System.Net: Wireless80211Configuration.GetAllWireless80211Configurations() (nanoframework/facts.md §9).
            Wireless80211Configuration[] configs = Wireless80211Configuration.GetAllWireless80211Configurations();
            if (configs.Length == 0 || configs[0].Ssid == null || configs[0].Ssid.Length == 0)
            {
                Debug.WriteLine("no Wi-Fi credentials in the config block");
                return false;
            }

            // System.Device.Wifi: WifiNetworkHelper.ConnectDhcp (nanoframework/facts.md §9). requiresDateTime: TLS
            // certificate checks need a valid clock; it waits until DateTime.UtcNow.Year >= 2021 (facts.md §5).
            var cancel = new CancellationTokenSource(WifiTimeoutMs);
            return WifiNetworkHelper.ConnectDhcp(configs[0].Ssid, configs[0].Password, requiresDateTime: true, token: cancel.Token);
        }
    }
}
