using System;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Sim
{
    /// <summary>
    /// The simulated board's LEDs: one <see cref="IPixelSink"/> per chain takes the chain's WS2812 SPI bit stream, as the
    /// device's SPI bus would, decodes it back to LED colours (Ws2812SpiDecoder), undoes the colour order and puts each
    /// LED's colour at the panel position the pixel map gives it. So what the virtual panel shows has been through the
    /// whole output path: player, pixel map, gamma, brightness, power budget, encoding. With gamma 1.0 and full
    /// brightness it equals the player's logical image. A stream that does not decode is an error in the firmware.
    /// </summary>
    public sealed class VirtualPanel
    {
        private readonly PixelMap _map;
        private readonly int _colorOrder;
        private readonly byte[] _rgb;
        private readonly byte[][] _leds;
        private readonly object _gate = new();
        private int _chainsShown;

        /// <summary>A panel for <paramref name="map"/> with LEDs taking bytes in <paramref name="colorOrder"/> (Led.ColorOrder).</summary>
        public VirtualPanel(PixelMap map, int colorOrder)
        {
            _map = map;
            _colorOrder = colorOrder;
            _rgb = new byte[map.PanelWidth * map.PanelHeight * 3];
            _leds = new byte[map.ChainCount][];
            Sinks = new IPixelSink[map.ChainCount];
            for (int chain = 0; chain < map.ChainCount; chain++)
            {
                _leds[chain] = new byte[map.LedCount(chain) * 3];
                Sinks[chain] = new ChainSink(this, chain);
            }
        }

        /// <summary>Raised after the last chain of a frame was shown, with the panel's pixels (R, G, B, row-major; a copy).</summary>
        public event Action<byte[]>? FrameShown;

        /// <summary>One sink per chain, for the core's LedOutput.</summary>
        public IPixelSink[] Sinks { get; }

        /// <summary>Panel width, pixels.</summary>
        public int Width => _map.PanelWidth;

        /// <summary>Panel height, pixels.</summary>
        public int Height => _map.PanelHeight;

        /// <summary>Frames shown so far.</summary>
        public int FrameCount { get; private set; }

        /// <summary>A copy of the panel as last shown: R, G, B per pixel, row-major from the top-left.</summary>
        public byte[] Snapshot()
        {
            lock (_gate)
            {
                return (byte[])_rgb.Clone();
            }
        }

        private void Show(int chain, byte[] wire, int length)
        {
            if (!Ws2812SpiDecoder.TryDecode(wire, length, _leds[chain], out int count, out int error, out int offset))
            {
                throw new InvalidOperationException(
                    $"Chain {chain}: the firmware sent a WS2812 stream that does not decode ({Ws2812SpiDecoder.Describe(error)} at byte {offset}).");
            }

            if (count != _map.LedCount(chain))
            {
                throw new InvalidOperationException($"Chain {chain}: {count} LEDs sent, the pixel map has {_map.LedCount(chain)}.");
            }

            byte[]? done = null;
            lock (_gate)
            {
                for (int led = 0; led < count; led++)
                {
                    int pixel = _map.PixelOf(chain, led);
                    if (pixel < 0)
                    {
                        continue;
                    }

                    for (int slot = 0; slot < 3; slot++)
                    {
                        _rgb[(pixel * 3) + ColorOrder.Channel(_colorOrder, slot)] = _leds[chain][(led * 3) + slot];
                    }
                }

                // LedOutput sends chain 0 first, then 1 ...: the frame is complete with the last chain.
                if (++_chainsShown == _map.ChainCount)
                {
                    _chainsShown = 0;
                    FrameCount++;
                    done = (byte[])_rgb.Clone();
                }
            }

            if (done != null)
            {
                FrameShown?.Invoke(done);
            }
        }

        private sealed class ChainSink(VirtualPanel panel, int chain) : IPixelSink
        {
            public void Show(byte[] wire, int length) => panel.Show(chain, wire, length);
        }
    }
}
