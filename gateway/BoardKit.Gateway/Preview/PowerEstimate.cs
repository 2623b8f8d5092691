using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Led;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Preview
{
    /// <summary>
    /// The LED current a board draws showing rendered frames, by the board core's own model (<see cref="PowerBudget"/>,
    /// docs/protocol.md 15.7): N·idle + ceil(G·b·I_ch / 65025) mA, G the sum of gamma[R] + gamma[G] + gamma[B] over the
    /// panel's LEDs, b the brightness. A frame smaller than the panel leaves the rest dark; a scroll strip is measured
    /// at every scroll position (the panel-wide window, wrapping) and the worst is reported; beside a still frame, the
    /// still frame plus the worst position of the strip in the window right of it. Chain LEDs no pixel covers
    /// are not counted (board.json knows them, the gateway does not).
    /// </summary>
    /// <param name="Milliamps">Estimated current of the worst frame or scroll position, mA.</param>
    /// <param name="DarkMilliamps">Current of the panel with every LED off, mA.</param>
    /// <param name="FullWhiteMilliamps">Current of the panel in full white, mA.</param>
    /// <param name="Brightness">Brightness the estimate is for, 0–255.</param>
    /// <param name="Gamma">The board gamma it assumes.</param>
    public sealed record PowerEstimate(int Milliamps, int DarkMilliamps, int FullWhiteMilliamps, int Brightness, double Gamma)
    {
        /// <summary>
        /// Estimates <paramref name="frames"/> (or the scroll <paramref name="strip"/>, beside the <paramref name="still"/>
        /// frame if there is one) on a <paramref name="panelWidth"/> x <paramref name="panelHeight"/> panel at
        /// <paramref name="brightness"/> (default 255) with <paramref name="gamma"/> (default 2.2) and the core's default
        /// 1 mA idle and 20 mA per channel.
        /// </summary>
        public static PowerEstimate For(IReadOnlyList<IndexedBitmap> frames, IndexedBitmap? strip, int panelWidth, int panelHeight,
            int brightness = 255, double gamma = 2.2, IndexedBitmap? still = null)
        {
            ArgumentNullException.ThrowIfNull(frames);
            var model = new PowerBudget(int.MaxValue);
            byte[] levels = new GammaTable(gamma).Levels;
            int leds = panelWidth * panelHeight;
            long worst = 0;
            if (strip is not null)
            {
                int left = still is null ? 0 : Math.Min(still.Width, panelWidth);
                long stillSum = still is null ? 0 : Sum(still, left, panelHeight, levels);
                worst = stillSum + (panelWidth > left ? WorstWindow(strip, panelWidth - left, panelHeight, levels) : 0);
            }

            foreach (IndexedBitmap frame in frames)
            {
                worst = Math.Max(worst, Sum(frame, panelWidth, panelHeight, levels));
            }

            return new PowerEstimate(
                model.EstimateMa(leds, worst, brightness),
                model.EstimateMa(leds, 0, brightness),
                model.EstimateMa(leds, (long)leds * 3 * levels[255], brightness),
                brightness,
                gamma);
        }

        /// <summary>Gamma sum of the frame's pixels within the first <paramref name="width"/> columns and <paramref name="height"/> rows.</summary>
        private static long Sum(IndexedBitmap frame, int width, int height, byte[] levels)
        {
            long sum = 0;
            for (int y = 0; y < Math.Min(frame.Height, height); y++)
            {
                for (int x = 0; x < Math.Min(frame.Width, width); x++)
                {
                    sum += GammaSum(frame.ColorAt(x, y), levels);
                }
            }

            return sum;
        }

        private static long WorstWindow(IndexedBitmap strip, int panelWidth, int panelHeight, byte[] levels)
        {
            int s = strip.Width;
            var columns = new long[s];
            for (int x = 0; x < s; x++)
            {
                for (int y = 0; y < Math.Min(strip.Height, panelHeight); y++)
                {
                    columns[x] += GammaSum(strip.ColorAt(x, y), levels);
                }
            }

            // Panel column x shows strip column (offset + x) mod S (docs/protocol.md 15.3).
            long window = 0;
            for (int x = 0; x < panelWidth; x++)
            {
                window += columns[x % s];
            }

            long worst = window;
            for (int offset = 1; offset < s; offset++)
            {
                window += columns[(offset + panelWidth - 1) % s] - columns[(offset - 1) % s];
                worst = Math.Max(worst, window);
            }

            return worst;
        }

        private static long GammaSum(uint colour, byte[] levels) =>
            levels[(colour >> 16) & 0xFF] + levels[(colour >> 8) & 0xFF] + levels[colour & 0xFF];
    }
}
