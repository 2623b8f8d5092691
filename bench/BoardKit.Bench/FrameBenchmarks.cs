using System;
using BenchmarkDotNet.Attributes;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Bench
{
    /// <summary>
    /// The work of one played frame on the board, run by the firmware core on the host: decode (of the panel's text
    /// frame, and of the scroll strip, which the player decodes once per item, not per frame), the player's step
    /// (scrolling: every step a new picture; static: nothing changed, the cheap path), the LED output
    /// (power estimate, map, gamma and brightness, colour order, WS2812 SPI encoding into each chain's buffer, handed
    /// to a sink that drops it), the WS2812 encoding alone for reference, and the whole <see cref="BoardRuntime.Step"/>
    /// of a scrolling program. Boards are built from board.json like the device (<see cref="BenchBoard"/>).
    /// A frame is 40 ms apart (25 frames/s) and the strip scrolls at 25 px/s, so every scrolling step moves one pixel.
    /// Bytes allocated per call must be 0 (MemoryDiagnoser: "-").
    /// </summary>
    [MemoryDiagnoser]
    [ShortRunJob]
    public class FrameBenchmarks
    {
        /// <summary>Milliseconds between frames at 25 frames/s.</summary>
        public const int FrameMs = 40;

        /// <summary>Scroll speed, px/s: one pixel per frame at 25 frames/s.</summary>
        public const int ScrollSpeed = 25;

        private readonly FrameHeader header = new FrameHeader();
        private readonly byte[] pixels = new byte[WireLimits.MaxFrameRawBytes];
        private byte[] textWire = null!;
        private int textWireLength;
        private byte[] stripWire = null!;
        private int stripWireLength;
        private BenchBoard scrolling = null!;
        private BenchBoard still = null!;
        private PanelFrame textPanel = null!;
        private LedOutput output = null!;
        private byte[] ledBytes = null!;
        private byte[] spiBytes = null!;
        private long scrollPlayerMs;
        private long stillPlayerMs;
        private long runtimeMs;

        /// <summary>Panel size: 64x16 (1,024 LEDs, one chain), 64x32 (2,048, one chain), 128x32 (4,096, two chains).</summary>
        [Params("64x16", "64x32", "128x32")]
        public string Panel { get; set; } = "64x16";

        /// <summary>Renders and encodes the content, builds the two boards, and checks that each benchmark measures what it says.</summary>
        [GlobalSetup]
        public void Setup()
        {
            string[] size = Panel.Split('x');
            int width = int.Parse(size[0]);
            int height = int.Parse(size[1]);

            // The text frame: the bulletin's first page (one 16-px line on 64x16, two on 32-px panels).
            IndexedBitmap page = SampleContent.TextFrame(width, height);
            PackedFrame text = FramePacker.Pack(page);

            // The scroll strip: the whole bulletin on one line as tall as the panel (Unifont, Unifont x2 on 32 px).
            var shaper = new TextShaper(SampleContent.Fonts.ForLineHeight(height));
            RenderResult scroll = TextRenderer.Render(new RenderRequest
            {
                Text = SampleContent.Bulletin, PanelWidth = width, PanelHeight = height, Mode = RenderMode.Scroll, Shaper = shaper,
            });
            if (!scroll.Ok || scroll.Strip is null)
            {
                throw new InvalidOperationException("scroll strip refused: " + string.Join("; ", scroll.Errors));
            }

            PackedFrame strip = FramePacker.Pack(scroll.Strip);

            textWire = new byte[WireLimits.MaxMessageBytes];
            textWireLength = FrameCodec.Encode(text.Header, text.Pixels, text.Pixels.Length, textWire, 0, allowCompression: true);
            stripWire = new byte[WireLimits.MaxMessageBytes];
            stripWireLength = FrameCodec.Encode(strip.Header, strip.Pixels, strip.Pixels.Length, stripWire, 0, allowCompression: true);
            RequireMono1RunLength(textWire, textWireLength, "text frame");
            RequireMono1RunLength(stripWire, stripWireLength, "scroll strip");

            scrolling = BenchBoard.WithItem(width, height, strip, ProgramItem.LayoutScroll, ScrollSpeed);
            still = BenchBoard.WithItem(width, height, text, ProgramItem.LayoutStatic, 0);

            // LED output: the static board's panel after its first step holds the text frame.
            still.Runtime.Step(0, 0);
            textPanel = still.Runtime.Panel;
            output = still.Runtime.Output;
            ledBytes = new byte[width * height * 3];
            for (int i = 0; i < ledBytes.Length; i++)
            {
                ledBytes[i] = textPanel.Rgb[i];
            }

            spiBytes = new byte[Ws2812SpiEncoder.WireLength(width * height)];

            CheckEveryStepChanges(width, height, text, strip, page);
        }

        /// <summary>Board: the panel's text frame (Mono1, run-length) from wire bytes to packed pixels, validated.</summary>
        [Benchmark]
        public bool DecodeTextFrame() => FrameCodec.TryDecode(textWire, 0, textWireLength, header, pixels, out _);

        /// <summary>Board: the whole scroll strip (Mono1, run-length). The player does this once per item, not per frame.</summary>
        [Benchmark]
        public bool DecodeScrollStripOncePerItem() => FrameCodec.TryDecode(stripWire, 0, stripWireLength, header, pixels, out _);

        /// <summary>Player.Step on a scrolling item: every step moves the strip one pixel and redraws the panel.</summary>
        [Benchmark]
        public bool PlayerStepScrolling()
        {
            scrollPlayerMs += FrameMs;
            return scrolling.Runtime.Player.Step(scrollPlayerMs, 0);
        }

        /// <summary>Player.Step on a static item: the picture is unchanged, nothing is drawn (the cheap path).</summary>
        [Benchmark]
        public bool PlayerStepStatic()
        {
            stillPlayerMs += FrameMs;
            return still.Runtime.Player.Step(stillPlayerMs, 0);
        }

        /// <summary>LedOutput.Show of the text frame at full brightness: power estimate, map, gamma/brightness, colour order, SPI encoding, sinks.</summary>
        [Benchmark]
        public bool LedOutputShow() => output.Show(textPanel, 255);

        /// <summary>For reference: the WS2812 SPI encoding alone of all the panel's LEDs (already mapped and corrected).</summary>
        [Benchmark]
        public int Ws2812EncodeOnly() => Ws2812SpiEncoder.Encode(ledBytes, ledBytes.Length / 3, spiBytes);

        /// <summary>The whole display step of a board playing a scrolling program (button, commands, clock, player, LEDs).</summary>
        [Benchmark]
        public bool RuntimeStepScrolling()
        {
            runtimeMs += FrameMs;
            return scrolling.Runtime.Step(runtimeMs, 0);
        }

        private static void RequireMono1RunLength(byte[] wire, int length, string what)
        {
            if (length <= 0 || wire[0] != (byte)PixelFormat.Mono1 || (wire[1] & FrameCodec.FlagCompressed) == 0)
            {
                throw new InvalidOperationException(what + " is not a run-length Mono1 frame");
            }
        }

        /// <summary>Plays copies of both boards for 500 frames: scrolling must redraw and send (nearly) every step, static never after the first.</summary>
        private void CheckEveryStepChanges(int width, int height, PackedFrame text, PackedFrame strip, IndexedBitmap page)
        {
            BenchBoard a = BenchBoard.WithItem(width, height, strip, ProgramItem.LayoutScroll, ScrollSpeed);
            BenchBoard b = BenchBoard.WithItem(width, height, text, ProgramItem.LayoutStatic, 0);
            a.Runtime.Step(0, 0);
            b.Runtime.Step(0, 0);
            long sentBefore = a.Sinks[0].Frames;
            int changed = 0;
            int redrawn = 0;
            const int Steps = 500;
            for (int k = 1; k <= Steps; k++)
            {
                if (a.Runtime.Step(k * FrameMs, 0))
                {
                    changed++;
                }

                if (b.Runtime.Step(k * FrameMs, 0))
                {
                    redrawn++;
                }
            }

            // Scrolling: every step moves the strip; the panel changes (and the LEDs are sent) on every step except
            // where the blank lead-in fills the whole panel (the first 1-2 steps of a pass).
            long sent = a.Sinks[0].Frames - sentBefore;
            if (changed < Steps - 5 || sent != changed || redrawn != 0)
            {
                throw new InvalidOperationException($"scrolling changed {changed} of {Steps} steps and sent {sent}, static redrew {redrawn}");
            }

            var lit = 0;
            for (int i = 0; i < textPanel.Rgb.Length; i += 3)
            {
                if (textPanel.Rgb[i] != 0 || textPanel.Rgb[i + 1] != 0 || textPanel.Rgb[i + 2] != 0)
                {
                    lit++;
                }
            }

            Console.WriteLine($"// {Panel}: scrolling changed {changed} of {Steps} steps; {width * height} LEDs on {still.Sinks.Length} chain(s) ({still.Sinks[0].LastLength} SPI bytes on chain 0); " +
                              $"text frame {textWireLength} B on the wire, {SampleContent.LitFraction(page):P0} lit ({lit} pixels on the panel); " +
                              $"strip {strip.Header.Width}x{strip.Header.Height}, {stripWireLength} B on the wire; " +
                              $"LED output at 255: applied {output.AppliedBrightness}, {output.EstimatedCurrentMa} mA, limited {output.BudgetLimited}");
        }
    }
}
