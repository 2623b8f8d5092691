using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// The LED output stage: turns the player's <see cref="PanelFrame"/> into each chain's WS2812 SPI bytes and hands
    /// them to the chain's <see cref="IPixelSink"/>. Per frame (<see cref="Show"/>):
    /// <list type="number">
    /// <item>One pass over every chain's LEDs in chain order through the <see cref="PixelMap"/> sums the gamma-corrected
    /// channel bytes (G) of the pixels they show.</item>
    /// <item><see cref="PowerBudget"/> picks the applied brightness (the requested one, or lower if the estimate would
    /// exceed the budget) and the current estimate.</item>
    /// <item>The <see cref="LevelLookup"/> is rebuilt if the applied brightness changed.</item>
    /// <item>A second pass writes every LED: panel bytes R, G, B -> level lookup -> reordered by the colour order ->
    /// 9 SPI bytes (<see cref="Ws2812SpiEncoder"/>); dark gap LEDs get (0, 0, 0); the 30 latch bytes follow.</item>
    /// <item>Each chain's buffer goes to its sink, chain 0 first.</item>
    /// </list>
    /// Allocates nothing per frame. Not thread-safe: one player thread calls Show.
    /// <para>
    /// Memory (payload bytes, excluding nanoCLR's small per-array headers): per LED 2 (PixelMap table, ushort) + 9 (SPI
    /// buffer) = <see cref="BytesPerLed"/> = 11; per chain 30 (latch); fixed 256 (gamma) + 256 (level lookup) + 768
    /// (encoder cell table, shared) = <see cref="FixedBytes"/> = 1280. See <see cref="HeapBytes"/>. The PanelFrame
    /// (3 bytes per pixel) belongs to the player and is not counted.
    /// </para>
    /// </summary>
    public sealed class LedOutput
    {
        /// <summary>Output-stage bytes per LED: 2 (PixelMap table entry) + 9 (SPI bytes).</summary>
        public const int BytesPerLed = 2 + Ws2812SpiEncoder.BytesPerLed;

        /// <summary>Output-stage bytes per chain beyond its LEDs: the latch tail of its SPI buffer.</summary>
        public const int BytesPerChain = Ws2812SpiEncoder.LatchBytes;

        /// <summary>Output-stage bytes independent of the LED count: gamma table 256 + level lookup 256 + encoder cells 768.</summary>
        public const int FixedBytes = 256 + 256 + (256 * Ws2812SpiEncoder.BytesPerColorByte);

        private readonly PixelMap _map;
        private readonly byte[] _gamma;
        private readonly LevelLookup _levels;
        private readonly PowerBudget _budget;
        private readonly IPixelSink[] _sinks;
        private readonly byte[][] _wires;
        private readonly int _slot0;
        private readonly int _slot1;
        private readonly int _slot2;

        /// <summary>
        /// An output stage for <paramref name="map"/>'s chains, sending to <paramref name="sinks"/> (one per chain,
        /// index = chain; kept, not copied). Allocates each chain's SPI buffer (<see cref="Ws2812SpiEncoder.WireLength"/>
        /// of its LED count) and the level lookup. Starts with nothing shown: AppliedBrightness 0, estimate 0.
        /// </summary>
        /// <exception cref="System.ArgumentException">A null argument, an invalid <paramref name="colorOrder"/>
        /// (<see cref="ColorOrder"/>), or a sink count other than map.ChainCount or a null sink.</exception>
        public LedOutput(PixelMap map, GammaTable gamma, int colorOrder, PowerBudget budget, IPixelSink[] sinks)
        {
            if (map == null || gamma == null || budget == null || sinks == null)
            {
                throw new System.ArgumentException("LED output: map, gamma, budget and sinks are required");
            }

            if (!ColorOrder.IsValid(colorOrder))
            {
                throw new System.ArgumentException("LED output: unknown colour order");
            }

            if (sinks.Length != map.ChainCount)
            {
                throw new System.ArgumentException("LED output: one sink per chain is required");
            }

            for (int c = 0; c < sinks.Length; c++)
            {
                if (sinks[c] == null)
                {
                    throw new System.ArgumentException("LED output: sink " + c.ToString() + " is missing");
                }
            }

            _map = map;
            _gamma = gamma.Levels;
            _levels = new LevelLookup(gamma);
            _budget = budget;
            _sinks = sinks;
            _slot0 = ColorOrder.Channel(colorOrder, 0);
            _slot1 = ColorOrder.Channel(colorOrder, 1);
            _slot2 = ColorOrder.Channel(colorOrder, 2);
            _wires = new byte[map.ChainCount][];
            for (int c = 0; c < map.ChainCount; c++)
            {
                _wires[c] = new byte[Ws2812SpiEncoder.WireLength(map.LedCount(c))];
            }
        }

        /// <summary>Current estimate of the last frame shown, mA, at <see cref="AppliedBrightness"/> (PowerBudget.EstimateMa).</summary>
        public int EstimatedCurrentMa { get; private set; }

        /// <summary>Brightness (0..255) the last frame was sent at: the requested one, or lower when the budget limited it.</summary>
        public int AppliedBrightness { get; private set; }

        /// <summary>Brightness (0..255, clamped) requested for the last frame shown.</summary>
        public int RequestedBrightness { get; private set; }

        /// <summary>True when the power budget lowered the last frame's brightness below the requested one.</summary>
        public bool BudgetLimited { get; private set; }

        /// <summary>Number of chains (and sinks).</summary>
        public int ChainCount
        {
            get { return _wires.Length; }
        }

        /// <summary>The SPI buffer of <paramref name="chain"/>, as last sent. Owned by this stage and rewritten every frame.</summary>
        public byte[] Wire(int chain)
        {
            return _wires[chain];
        }

        /// <summary>
        /// Output-stage heap for <paramref name="ledCount"/> LEDs on <paramref name="chainCount"/> chains, bytes:
        /// 11 x ledCount + 30 x chainCount + 1280 (payload; nanoCLR adds a small header per array). E.g. a 64 x 16 board
        /// on one chain: 11 x 1024 + 30 + 1280 = 12574.
        /// </summary>
        public static int HeapBytes(int ledCount, int chainCount)
        {
            return (BytesPerLed * ledCount) + (BytesPerChain * chainCount) + FixedBytes;
        }

        /// <summary>
        /// Sends <paramref name="frame"/> at <paramref name="requestedBrightness"/> (clamped to 0..255) to every chain,
        /// as the class summary describes, and updates the properties. Returns false, sending nothing and changing
        /// nothing, when the frame is null or its size differs from the map's panel. Allocates nothing; never throws
        /// (other than what a sink throws).
        /// </summary>
        public bool Show(PanelFrame frame, int requestedBrightness)
        {
            if (frame == null || frame.Width != _map.PanelWidth || frame.Height != _map.PanelHeight)
            {
                return false;
            }

            int requested = requestedBrightness < 0 ? 0 : (requestedBrightness > 255 ? 255 : requestedBrightness);
            byte[] rgb = frame.Rgb;

            // Pass 1: gamma-corrected channel sum. int suffices: at most 8 chains x 65535 LEDs x 765 = 4.0e8 < 2^31.
            int gammaSum = 0;
            for (int c = 0; c < _wires.Length; c++)
            {
                ushort[] table = _map.Table(c);
                for (int led = 0; led < table.Length; led++)
                {
                    int p = table[led];
                    if (p != PixelMap.DarkLed)
                    {
                        int o = p * PanelFrame.BytesPerPixel;
                        gammaSum += _gamma[rgb[o]] + _gamma[rgb[o + 1]] + _gamma[rgb[o + 2]];
                    }
                }
            }

            int ledCount = _map.TotalLedCount;
            int applied = _budget.FitBrightness(ledCount, gammaSum, requested);
            _levels.SetBrightness(applied);
            RequestedBrightness = requested;
            AppliedBrightness = applied;
            BudgetLimited = applied < requested;
            EstimatedCurrentMa = _budget.EstimateMa(ledCount, gammaSum, applied);

            // Pass 2: encode each chain in LED order, then hand it over.
            byte[] levels = _levels.Levels;
            for (int c = 0; c < _wires.Length; c++)
            {
                ushort[] table = _map.Table(c);
                byte[] wire = _wires[c];
                int w = 0;
                for (int led = 0; led < table.Length; led++)
                {
                    int p = table[led];
                    if (p == PixelMap.DarkLed)
                    {
                        w = Ws2812SpiEncoder.WriteLed(0, 0, 0, wire, w);
                    }
                    else
                    {
                        int o = p * PanelFrame.BytesPerPixel;
                        w = Ws2812SpiEncoder.WriteLed(levels[rgb[o + _slot0]], levels[rgb[o + _slot1]], levels[rgb[o + _slot2]], wire, w);
                    }
                }

                w = Ws2812SpiEncoder.WriteLatch(wire, w);
                _sinks[c].Show(wire, w);
            }

            return true;
        }
    }
}
