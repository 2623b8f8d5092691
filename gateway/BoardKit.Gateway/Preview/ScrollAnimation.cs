using System;
using System.Collections.Generic;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Preview
{
    /// <summary>What a board shows while it scrolls a strip: a panel-wide window moving left over the strip, wrapping
    /// from the strip's end back to its start (so the lead-in gap separates repetitions).</summary>
    public static class ScrollAnimation
    {
        /// <summary>Default time per 1-px step for previews, in milliseconds: 40 ms = 25 px/s, a comfortable reading
        /// speed for 16-px text (about 3 characters a second).</summary>
        public const int DefaultStepMs = 40;

        /// <summary>The panel's view at each step: frame k shows strip columns (k × step + x) mod strip width.</summary>
        /// <param name="strip">A scroll strip; its height is the panel height.</param>
        /// <param name="panelWidth">Panel width in LEDs, 1 or more.</param>
        /// <param name="step">Pixels moved per frame, 1 or more. Default 1.</param>
        /// <param name="maxFrames">Most frames to make, from the first; null (default) = all of one pass.</param>
        /// <returns>ceil(strip width / step) frames (or <paramref name="maxFrames"/> if fewer), panel-sized, sharing the strip's
        /// palette; the last of a whole pass leads back into the first.</returns>
        public static IReadOnlyList<IndexedBitmap> Frames(IndexedBitmap strip, int panelWidth, int step = 1, int? maxFrames = null)
        {
            ArgumentNullException.ThrowIfNull(strip);
            ArgumentOutOfRangeException.ThrowIfLessThan(panelWidth, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
            ArgumentOutOfRangeException.ThrowIfNegative(maxFrames ?? 0);
            int count = Math.Min((strip.Width + step - 1) / step, maxFrames ?? int.MaxValue);
            var frames = new List<IndexedBitmap>(count);
            for (int k = 0; k < count; k++)
            {
                var frame = new IndexedBitmap(panelWidth, strip.Height, (uint[])strip.Palette.Clone());
                for (int y = 0; y < strip.Height; y++)
                {
                    for (int x = 0; x < panelWidth; x++)
                    {
                        frame[x, y] = strip[((k * step) + x) % strip.Width, y];
                    }
                }

                frames.Add(frame);
            }

            return frames;
        }
    }
}
