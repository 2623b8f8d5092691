using System;
using System.Security.Cryptography;
using System.Text;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Config;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;

namespace BoardKit.Bench
{
    /// <summary>
    /// A whole board on the host, built the way the device builds it: board.json and board.key on RAM flash,
    /// <see cref="BoardSetup.Load"/>, a <see cref="BoardRuntime"/> with one discarding sink per chain, booted, holding
    /// one signed program received through <see cref="BoardRuntime.OnMessage"/>.
    /// <para>
    /// Layout: 8x32 flexible modules (32 LEDs wide, 8 high as they lie, wired column-major serpentine from the top-left,
    /// as in firmware/examples/board.json), mounted in rows of W / 32 modules, H / 8 rows, chained left to right and
    /// top to bottom. A chain carries at most <see cref="ChainConfig.MaxLeds"/> (2,048) LEDs, so 64x16 (1,024 LEDs) and
    /// 64x32 (2,048) use one chain and 128x32 (4,096) two, the top half on chain 0 and the bottom half on chain 1.
    /// </para>
    /// </summary>
    public sealed class BenchBoard
    {
        /// <summary>The board's name in board.json and board.key.</summary>
        public const string Name = "lc-mlt-gate-1";

        /// <summary>Module size as it lies: 32 LEDs along the strip's columns, 8 per column.</summary>
        public const int ModuleWidth = 32;

        /// <summary>Module height.</summary>
        public const int ModuleHeight = 8;

        private static readonly byte[] Key = SHA256.HashData(Encoding.UTF8.GetBytes("BoardKit benchmark key"));

        private BenchBoard(int width, int height, byte[] program, int programLength)
        {
            Width = width;
            Height = height;
            var files = new MemoryFileStore();
            byte[] json = Encoding.UTF8.GetBytes(BoardJson(width, height));
            files.Write(BoardSetup.ConfigFile, json, json.Length);
            byte[] key = Encoding.UTF8.GetBytes(KeyJson());
            files.Write(BoardSetup.KeyFile, key, key.Length);
            BoardSetup setup = BoardSetup.Load(files, new BoardConfig());
            if (!setup.CanRun)
            {
                throw new InvalidOperationException("bench board.json or board.key refused: " + setup.Message);
            }

            Sinks = new DiscardingSink[setup.Config.Chains.Length];
            for (int c = 0; c < Sinks.Length; c++)
            {
                Sinks[c] = new DiscardingSink();
            }

            Runtime = new BoardRuntime(setup, Sinks, null, files, null, 0x1122334455667788, "bench");
            Runtime.Boot(0);
            int verdict = Runtime.OnMessage(program, programLength, 0);
            if (verdict != WireError.None)
            {
                throw new InvalidOperationException("bench program refused: " + WireError.Describe(verdict));
            }
        }

        /// <summary>Panel width.</summary>
        public int Width { get; }

        /// <summary>Panel height.</summary>
        public int Height { get; }

        /// <summary>The board.</summary>
        public BoardRuntime Runtime { get; }

        /// <summary>One sink per chain; they count what they are given and drop it.</summary>
        public DiscardingSink[] Sinks { get; }

        /// <summary>LEDs on all chains.</summary>
        public int LedCount => Width * Height;

        /// <summary>Chains the layout needs: one per 2,048 LEDs.</summary>
        public static int ChainsFor(int width, int height) => ((width * height) + ChainConfig.MaxLeds - 1) / ChainConfig.MaxLeds;

        /// <summary>A board holding one program item showing <paramref name="frame"/>: a scroll item (<paramref name="layout"/>
        /// ProgramItem.LayoutScroll; the frame is its strip) at <paramref name="speed"/> px/s, one pass and again, or a
        /// static item (LayoutStatic) for 8 s and again.</summary>
        public static BenchBoard WithItem(int width, int height, PackedFrame frame, int layout, int speed)
        {
            var hash = new byte[BoardId.HashSize];
            BoardId.ComputeHash(Name, hash, 0);
            var builder = new MessageBuilder(hash, 1, Key);
            ProgramWriter writer = builder.StartProgram(ProgramComposer.VietnamUtcOffsetMinutes);
            writer.BeginItem(new ProgramItem
            {
                Layout = layout,
                DwellMs = layout == ProgramItem.LayoutScroll ? 0U : 8000U,
                ScrollSpeed = layout == ProgramItem.LayoutScroll ? speed : 0,
            });
            writer.AddFrame(frame.Header, frame.Pixels, frame.Pixels.Length, allowCompression: true);
            writer.EndItem();
            int length = builder.SealProgramOrAlert(1, 0);
            if (length < 0)
            {
                throw new InvalidOperationException("bench program not built: " + WireError.Describe(-length));
            }

            return new BenchBoard(width, height, builder.Buffer[..length], length);
        }

        /// <summary>board.json for the panel: the modules, chains, a 5 V supply sized to the LED count, the example's LED, brightness and button settings.</summary>
        public static string BoardJson(int width, int height)
        {
            int chains = ChainsFor(width, height);
            int ledsPerChain = width * height / chains;
            int modulesPerRow = width / ModuleWidth;
            int rows = height / ModuleHeight;
            var sb = new StringBuilder();
            sb.Append("{\"format\":1,\"board\":\"").Append(Name).Append("\",\"site\":\"lc-mlt\",");
            sb.Append("\"panel\":{\"width\":").Append(width).Append(",\"height\":").Append(height).Append("},");
            sb.Append("\"chains\":[");
            int[][] pins = { new[] { 1, 23, 18 }, new[] { 2, 13, 14 } };
            for (int c = 0; c < chains; c++)
            {
                sb.Append(c > 0 ? "," : string.Empty).Append("{\"spiBus\":").Append(pins[c][0]).Append(",\"mosiGpio\":").Append(pins[c][1])
                  .Append(",\"clockGpio\":").Append(pins[c][2]).Append(",\"leds\":").Append(ledsPerChain).Append('}');
            }

            sb.Append("],\"tiles\":[");
            int moduleLeds = ModuleWidth * ModuleHeight;
            for (int m = 0; m < modulesPerRow * rows; m++)
            {
                int led = m * moduleLeds;
                sb.Append(m > 0 ? "," : string.Empty)
                  .Append("{\"chain\":").Append(led / ledsPerChain).Append(",\"firstLed\":").Append(led % ledsPerChain)
                  .Append(",\"x\":").Append(m % modulesPerRow * ModuleWidth).Append(",\"y\":").Append(m / modulesPerRow * ModuleHeight)
                  .Append(",\"width\":").Append(ModuleWidth).Append(",\"height\":").Append(ModuleHeight)
                  .Append(",\"origin\":\"top-left\",\"order\":\"columns\",\"serpentine\":true,\"rotation\":0}");
            }

            // 40 A per 1,024 LEDs at 80 %: the example board's supply, scaled (a full-white frame would be limited).
            int supply = Math.Min(PowerConfig.MaxSupplyMilliamps, 40000 * width * height / 1024);
            sb.Append("],\"led\":{\"colorOrder\":\"grb\",\"gamma\":2.2},");
            sb.Append("\"power\":{\"supplyMilliamps\":").Append(supply).Append(",\"budgetPercent\":80,\"milliampsPerChannel\":20,\"idleMilliampsPerLed\":1},");
            sb.Append("\"brightness\":{\"day\":255,\"night\":96,\"nightFrom\":\"19:00\",\"nightUntil\":\"06:00\"},\"utcOffsetMinutes\":420,");
            sb.Append("\"button\":{\"gpio\":27,\"holdMs\":2000,\"debounceMs\":50},\"broker\":{\"host\":\"192.168.1.10\",\"port\":8883,\"tls\":true}}");
            return sb.ToString();
        }

        private static string KeyJson() => "{\"format\":1,\"board\":\"" + Name + "\",\"keys\":[{\"id\":1,\"key\":\"" + Convert.ToHexString(Key) +
                                           "\"}],\"mqttPassword\":\"board-password-1\"}";
    }

    /// <summary>The SPI transfer left out: counts the frames and bytes it is given and drops them.</summary>
    public sealed class DiscardingSink : IPixelSink
    {
        /// <summary>Frames received.</summary>
        public long Frames { get; private set; }

        /// <summary>Bytes of the last frame.</summary>
        public int LastLength { get; private set; }

        /// <inheritdoc />
        public void Show(byte[] wire, int length)
        {
            Frames++;
            LastLength = length;
        }
    }
}
