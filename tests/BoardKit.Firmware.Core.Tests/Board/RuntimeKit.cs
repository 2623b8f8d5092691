using System;
using System.Text;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Tests.Fakes;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Tests.Board
{
    /// <summary>
    /// A whole board for BoardRuntime tests: board.json (a 16x4 panel on one chain, LED index = pixel index, gamma 1.0
    /// so the LEDs get the frame's colours unchanged) and board.key (key id 1) on RAM flash, a fake broker, a fake
    /// button, LEDs that decode the WS2812 stream; and the gateway's builder for the same board and key.
    /// </summary>
    internal sealed class RuntimeKit
    {
        public const ulong Nonce = 0x1122334455667788;
        public const uint T = VectorCatalog.IssuedAt;

        /// <summary>This board's own key (a board refuses the published vector keys).</summary>
        public static readonly byte[] Key = Convert.FromHexString("5CA1AB1E0DDBA11F7E57AB1EC0FFEE0D5CA1AB1E0DDBA11F7E57AB1EC0FFEE0E");

        public RuntimeKit(IFileStore? files = null, string? config = null, bool withKey = true, ulong nonce = Nonce, int supplyMilliamps = 10000)
        {
            Files = files ?? new MemoryFileStore();
            if (files == null)
            {
                byte[] json = Encoding.UTF8.GetBytes(config ?? BoardJson(supplyMilliamps));
                Files.Write(BoardSetup.ConfigFile, json, json.Length);
                if (withKey)
                {
                    byte[] key = Encoding.UTF8.GetBytes(KeyJson());
                    Files.Write(BoardSetup.KeyFile, key, key.Length);
                }
            }

            Setup = BoardSetup.Load(Files, Fallback());
            Runtime = new BoardRuntime(Setup, new IPixelSink[] { Leds }, Button, Files, Port, nonce, "test-1.0");
        }

        public IFileStore Files { get; }

        public BoardSetup Setup { get; }

        public BoardRuntime Runtime { get; }

        public FakeMqttPort Port { get; } = new();

        public FakeButton Button { get; } = new();

        public DecodingPixelSink Leds { get; } = new();

        public static string BoardJson(int supplyMilliamps = 10000) => "{\"format\":1,\"board\":\"" + VectorCatalog.BoardIdText + "\",\"site\":\"lc-mlt\"," +
            "\"panel\":{\"width\":16,\"height\":4},\"chains\":[{\"spiBus\":1,\"mosiGpio\":23,\"clockGpio\":18,\"leds\":64}]," +
            "\"tiles\":[{\"firstLed\":0,\"x\":0,\"y\":0,\"width\":16,\"height\":4}],\"led\":{\"gamma\":1.0}," +
            "\"power\":{\"supplyMilliamps\":" + supplyMilliamps + ",\"budgetPercent\":100}," +
            "\"brightness\":{\"day\":255,\"night\":64,\"nightFrom\":\"19:00\",\"nightUntil\":\"06:00\"}," +
            "\"button\":{\"gpio\":27,\"holdMs\":2000,\"debounceMs\":50},\"broker\":{\"host\":\"127.0.0.1\",\"port\":1883,\"tls\":false}}";

        public static string KeyJson() => "{\"format\":1,\"board\":\"" + VectorCatalog.BoardIdText + "\",\"keys\":[{\"id\":1,\"key\":\"" + Convert.ToHexString(Key) + "\"}],\"mqttPassword\":\"board-password-1\"}";

        public static BoardConfig Fallback() => new()
        {
            Board = "unprovisioned",
            Site = "unprovisioned",
            Panel = new PanelConfig { Width = 16, Height = 4 },
            Chains = new[] { new ChainConfig { SpiBus = 1, MosiGpio = 23, ClockGpio = 18, Leds = 64 } },
            Tiles = new[] { new Core.Led.TileLayout { Width = 16, Height = 4 } },
            Power = new PowerConfig { SupplyMilliamps = 10000 },
        };

        /// <summary>The gateway's builder for this board (key id 1).</summary>
        public static MessageBuilder Gateway(ulong epoch = 0)
        {
            var b = new MessageBuilder(VectorCatalog.BoardHash(), 1, Key) { Epoch = epoch };
            return b;
        }

        public static byte[] Program(ulong sequence, byte marker = 0x80, int blinkMs = 0, int layout = ProgramItem.LayoutStatic)
        {
            MessageBuilder b = Gateway();
            ProgramWriter w = b.StartProgram(420);
            w.BeginItem(new ProgramItem { Layout = layout, DwellMs = 5000, BlinkPeriodMs = blinkMs, ScrollSpeed = layout == ProgramItem.LayoutScroll ? 20 : 0 });
            w.AddFrame(VectorCatalog.Mono1Header(), Messages.Marked(marker), 8, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, T));
        }

        public static byte[] Alert(ulong sequence, uint validUntil = 0, uint issuedAt = T)
        {
            MessageBuilder b = Gateway();
            ProgramWriter w = b.StartAlert();
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutStatic, Level = ProgramItem.LevelEmergency, DwellMs = 10000, ValidUntil = validUntil });
            w.AddFrame(VectorCatalog.Mono1Header(), Messages.Marked(0xFF), 8, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, issuedAt));
        }

        public static byte[] Command(Command command, ulong sequence, ulong session = Nonce)
        {
            MessageBuilder b = Gateway();
            return Take(b, b.BuildCommand(command, sequence, session, T));
        }

        public int Receive(byte[] message, long monotonicMs = 0) => Runtime.OnMessage(message, message.Length, monotonicMs);

        /// <summary>LED colour at pixel i (= LED i) as 0xRRGGBB, from the GRB bytes the chain received.</summary>
        public int LedColour(int i) => (Leds.Leds[(i * 3) + 1] << 16) | (Leds.Leds[i * 3] << 8) | Leds.Leds[(i * 3) + 2];

        /// <summary>Runs display and network steps every 20 ms from <paramref name="fromMs"/> to <paramref name="toMs"/>.</summary>
        public void Run(long fromMs, long toMs, long networkUtcMs = 0)
        {
            for (long t = fromMs; t <= toMs; t += 20)
            {
                Runtime.Step(t, networkUtcMs > 0 ? networkUtcMs + t : 0);
                Runtime.NetworkStep(t);
            }
        }

        /// <summary>Opens a status or event the board published, as the gateway does (protocol 8.3): board hash, key, tag.</summary>
        public static EnvelopeHeader OpenFromBoard(byte[] message)
        {
            var ring = new KeyRing(1);
            ring.Add(1, Key);
            var header = new EnvelopeHeader();
            if (!Envelope.TryOpen(message, 0, message.Length, VectorCatalog.BoardHash(), ring, header, out int error))
            {
                throw new InvalidOperationException("board message does not open: " + WireError.Describe(error));
            }

            return header;
        }

        public static BoardEvent ReadEvent(byte[] message)
        {
            EnvelopeHeader h = OpenFromBoard(message);
            var e = new BoardEvent();
            if (!EventCodec.TryRead(message, h.PayloadOffset, h.PayloadLength, e, out int error))
            {
                throw new InvalidOperationException(WireError.Describe(error));
            }

            return e;
        }

        public static BoardStatus ReadStatus(byte[] message)
        {
            EnvelopeHeader h = OpenFromBoard(message);
            var s = new BoardStatus();
            if (!StatusCodec.TryRead(message, h.PayloadOffset, h.PayloadLength, s, out int error))
            {
                throw new InvalidOperationException(WireError.Describe(error));
            }

            return s;
        }

        private static byte[] Take(MessageBuilder b, int n) => n > 0 ? b.Buffer.AsSpan(0, n).ToArray() : throw new InvalidOperationException(WireError.Describe(-n));
    }
}
