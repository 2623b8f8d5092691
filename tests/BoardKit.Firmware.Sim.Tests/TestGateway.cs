using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Composition;
using BoardKit.Gateway.Fonts;
using BoardKit.Gateway.Imaging;
using BoardKit.Gateway.Pictograms;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace BoardKit.Firmware.Sim.Tests
{
    /// <summary>
    /// The gateway's side for the end-to-end tests: renders text with the gateway library, signs programs, alerts and
    /// presets for a board with that board's key, publishes them on the board's topics (retained, QoS 1, as
    /// docs/protocol.md 2 says), and reads back the board's status and events, verifying each like a gateway does.
    /// </summary>
    public sealed class TestGateway : IDisposable
    {
        public const string Site = "lc-mlt";
        public const int PanelWidth = 64;
        public const int PanelHeight = 16;

        private static readonly Lazy<FontSet> Fonts = new(() => new FontSets().ForPanelHeight(PanelHeight));
        private readonly IMqttClient _client;
        private readonly MqttClientFactory _factory = new();

        public TestGateway(int brokerPort)
        {
            _client = _factory.CreateMqttClient();
            _client.ApplicationMessageReceivedAsync += e =>
            {
                Received.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
                return System.Threading.Tasks.Task.CompletedTask;
            };
            _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", brokerPort).WithClientId("gateway-" + Guid.NewGuid().ToString("N")[..8])
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).Build()).GetAwaiter().GetResult();
            _client.SubscribeAsync(_factory.CreateSubscribeOptionsBuilder().WithTopicFilter("boardkit/v1/+/+/status", MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter("boardkit/v1/+/+/event", MqttQualityOfServiceLevel.AtLeastOnce).Build()).GetAwaiter().GetResult();
        }

        /// <summary>Everything received on status and event topics, in order.</summary>
        public ConcurrentQueue<(string Topic, byte[] Payload)> Received { get; } = new();

        /// <summary>Renders <paramref name="text"/> for the 64x16 panel, static, as the gateway would.</summary>
        public static RenderResult Render(string text, BulletinLevel level = BulletinLevel.Normal)
        {
            RenderResult r = TextRenderer.Render(new RenderRequest
            {
                Text = text, PanelWidth = PanelWidth, PanelHeight = PanelHeight, Mode = RenderMode.Static, Level = level,
                Alignment = TextAlignment.Center, Shaper = new TextShaper(Fonts.Value),
            });
            if (!r.Ok)
            {
                throw new InvalidOperationException(string.Join("; ", r.Errors));
            }

            return r;
        }

        /// <summary>A photo-like picture made for the 64x16 panel in full colour (Rgb888), as the gateway would.</summary>
        public static RenderResult RenderPicture()
        {
            const int W = 320, H = 80;
            var rgba = new byte[W * H * 4];
            for (int y = 0; y < H; y++)
            {
                for (int x = 0; x < W; x++)
                {
                    int i = ((y * W) + x) * 4;
                    rgba[i] = (byte)(x * 255 / W);
                    rgba[i + 1] = (byte)(y * 255 / H);
                    rgba[i + 2] = (byte)((x + y) % 97 * 2);
                    rgba[i + 3] = 255;
                }
            }

            RenderResult r = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = PanelWidth, PanelHeight = PanelHeight,
                Picture = new ImageContent(DecodedImage.FromRgba(W, H, rgba), PictureOptions.Default with { Colours = PictureColours.Rgb }),
            });
            if (!r.Ok)
            {
                throw new InvalidOperationException(string.Join("; ", r.Errors));
            }

            return r;
        }

        /// <summary>The flood pictogram held still at the left of the 64x16 panel, <paramref name="text"/> scrolling beside
        /// it (wire layout 3), normal level, as the gateway composes it.</summary>
        public static RenderResult RenderPictogramBesideScroll(string text)
        {
            RenderResult r = PictureComposer.Compose(new PictureRequest
            {
                PanelWidth = PanelWidth, PanelHeight = PanelHeight,
                Picture = new PictogramContent(PictogramKind.Flood),
                Text = new RenderRequest
                {
                    Text = text, PanelWidth = PanelWidth, PanelHeight = PanelHeight, Mode = RenderMode.Scroll, Shaper = new TextShaper(Fonts.Value),
                },
            });
            if (!r.Ok || r.Still is null)
            {
                throw new InvalidOperationException(string.Join("; ", r.Errors));
            }

            return r;
        }

        /// <summary>The panel pixels (R, G, B, row-major) a board should show for a static render.</summary>
        public static byte[] Pixels(RenderResult rendered)
        {
            IndexedBitmap frame = rendered.Frames[0];
            var rgb = new byte[frame.Width * frame.Height * 3];
            for (int y = 0; y < frame.Height; y++)
            {
                for (int x = 0; x < frame.Width; x++)
                {
                    uint c = frame.ColorAt(x, y);
                    int p = ((y * frame.Width) + x) * 3;
                    rgb[p] = (byte)(c >> 16);
                    rgb[p + 1] = (byte)(c >> 8);
                    rgb[p + 2] = (byte)c;
                }
            }

            return rgb;
        }

        public static byte[] Program(TestBoardFiles board, RenderResult rendered, ulong sequence)
        {
            MessageBuilder b = board.Builder();
            int n = ProgramComposer.ComposeProgram(b, new[] { new BulletinItem(rendered) { DwellMs = 10000 } }, sequence, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            return b.Buffer.AsSpan(0, n).ToArray();
        }

        public static byte[] Preset(TestBoardFiles board, RenderResult rendered, ulong sequence)
        {
            MessageBuilder b = board.Builder();
            ProgramWriter w = b.StartPreset();
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutStatic, Level = ProgramItem.LevelEmergency, DwellMs = 10000 });
            PackedFrame packed = FramePacker.Pack(rendered.Frames[0]);
            w.AddFrame(packed.Header, packed.Pixels, packed.Pixels.Length, true);
            w.EndItem();
            int n = b.SealProgramOrAlert(sequence, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            return b.Buffer.AsSpan(0, n).ToArray();
        }

        public void Publish(string topic, byte[] payload, bool retain = true)
        {
            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();
            if (!_client.PublishAsync(message).GetAwaiter().GetResult().IsSuccess)
            {
                throw new InvalidOperationException("publish refused");
            }
        }

        /// <summary>Waits until a verified event with <paramref name="code"/> from <paramref name="board"/> arrives; returns it.</summary>
        public BoardEvent WaitForEvent(TestBoardFiles board, int code, TimeSpan timeout, Func<BoardEvent, bool>? also = null)
        {
            BoardEvent? found = null;
            Wait.Until(() =>
            {
                foreach ((string topic, byte[] payload) in Received)
                {
                    if (topic == board.Topic("event") && board.TryOpenEvent(payload, out BoardEvent? e) && e!.Code == code && (also == null || also(e)))
                    {
                        found = e;
                        return true;
                    }
                }

                return false;
            }, timeout, "event " + code + " from " + board.BoardId);
            return found!;
        }

        /// <summary>Waits until a verified status from <paramref name="board"/> satisfies <paramref name="condition"/>; returns it.</summary>
        public BoardStatus WaitForStatus(TestBoardFiles board, Func<BoardStatus, bool> condition, TimeSpan timeout)
        {
            BoardStatus? found = null;
            Wait.Until(() =>
            {
                foreach ((string topic, byte[] payload) in Received)
                {
                    if (topic == board.Topic("status") && board.TryOpenStatus(payload, out BoardStatus? s) && condition(s!))
                    {
                        found = s;
                        return true;
                    }
                }

                return false;
            }, timeout, "status from " + board.BoardId);
            return found!;
        }

        public void Dispose() => _client.Dispose();
    }

    /// <summary>A board's provisioning: its id, a fresh random key, and board.json / board.key in its flash folder.</summary>
    public sealed class TestBoardFiles
    {
        public TestBoardFiles(string boardId, string folder)
        {
            BoardId = boardId;
            Folder = folder;
            Key = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, BoardSetup.ConfigFile), BoardJson(boardId));
            File.WriteAllText(Path.Combine(folder, BoardSetup.KeyFile),
                "{\"format\":1,\"board\":\"" + boardId + "\",\"keys\":[{\"id\":1,\"key\":\"" + Convert.ToHexString(Key) + "\"}]}");
        }

        public string BoardId { get; }

        public string Folder { get; }

        public byte[] Key { get; }

        public string Topic(string leaf) => $"boardkit/v1/{TestGateway.Site}/{BoardId}/{leaf}";

        public MessageBuilder Builder()
        {
            var hash = new byte[Core.Wire.BoardId.HashSize];
            Core.Wire.BoardId.ComputeHash(BoardId, hash, 0);
            return new MessageBuilder(hash, 1, Key);
        }

        /// <summary>A 64x16 face of four 8x32 flexible modules wired in serpentine columns; gamma 1.0 and a supply big enough
        /// that the LEDs get the rendered colours unchanged, day and night.</summary>
        public static string BoardJson(string boardId)
        {
            var tiles = new StringBuilder();
            for (int i = 0; i < 4; i++)
            {
                tiles.Append(i == 0 ? string.Empty : ",").Append($"{{\"firstLed\":{i * 256},\"x\":{(i % 2) * 32},\"y\":{(i / 2) * 8},\"width\":32,\"height\":8,\"order\":\"columns\",\"serpentine\":true}}");
            }

            return "{\"format\":1,\"board\":\"" + boardId + "\",\"site\":\"" + TestGateway.Site + "\",\"panel\":{\"width\":64,\"height\":16}," +
                "\"chains\":[{\"spiBus\":1,\"mosiGpio\":23,\"clockGpio\":18,\"leds\":1024}],\"tiles\":[" + tiles + "]," +
                "\"led\":{\"colorOrder\":\"grb\",\"gamma\":1.0},\"power\":{\"supplyMilliamps\":200000,\"budgetPercent\":100}," +
                "\"brightness\":{\"day\":255,\"night\":255,\"nightFrom\":\"19:00\",\"nightUntil\":\"06:00\"}," +
                "\"button\":{\"gpio\":27,\"holdMs\":2000,\"debounceMs\":50},\"broker\":{\"host\":\"127.0.0.1\",\"port\":1883,\"tls\":false}}";
        }

        public bool TryOpenEvent(byte[] message, out BoardEvent? boardEvent)
        {
            boardEvent = null;
            if (!TryOpen(message, MessageKind.Event, out EnvelopeHeader h))
            {
                return false;
            }

            var e = new BoardEvent();
            if (!EventCodec.TryRead(message, h.PayloadOffset, h.PayloadLength, e, out _))
            {
                return false;
            }

            boardEvent = e;
            return true;
        }

        public bool TryOpenStatus(byte[] message, out BoardStatus? status)
        {
            status = null;
            if (!TryOpen(message, MessageKind.Status, out EnvelopeHeader h))
            {
                return false;
            }

            var s = new BoardStatus();
            if (!StatusCodec.TryRead(message, h.PayloadOffset, h.PayloadLength, s, out _))
            {
                return false;
            }

            status = s;
            return true;
        }

        private bool TryOpen(byte[] message, int kind, out EnvelopeHeader header)
        {
            var ring = new KeyRing(1);
            ring.Add(1, Key);
            var hash = new byte[Core.Wire.BoardId.HashSize];
            Core.Wire.BoardId.ComputeHash(BoardId, hash, 0);
            header = new EnvelopeHeader();
            return Envelope.TryOpen(message, 0, message.Length, hash, ring, header, out _) && header.Kind == kind;
        }
    }

    /// <summary>Waiting on a condition with a deadline: the barrier every end-to-end test uses instead of a fixed sleep.</summary>
    public static class Wait
    {
        public static void Until(Func<bool> condition, TimeSpan timeout, string what)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            while (!condition())
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
                }

                Thread.Sleep(25);
            }
        }
    }
}
