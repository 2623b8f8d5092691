using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Preview
{
    /// <summary>
    /// The start of what a board shows while it plays a bulletin's scroll strips in turn, at the board's own 1-px step:
    /// each strip's windows from its lead-in to its wrap (<see cref="ScrollAnimation"/>), one strip after the other,
    /// cut after a bounded number of frames. All frames share one palette, so they make one animation.
    /// </summary>
    public sealed class ScrollPreview
    {
        private ScrollPreview(IReadOnlyList<IndexedBitmap> frames, int totalSteps)
        {
            Frames = frames;
            TotalSteps = totalSteps;
        }

        /// <summary>Panel-sized frames, one per 1-px step, from the first strip's first step; at most the number asked for.</summary>
        public IReadOnlyList<IndexedBitmap> Frames { get; }

        /// <summary>1-px steps of one whole play of every strip: the sum of their widths.</summary>
        public int TotalSteps { get; }

        /// <summary>True when <see cref="Frames"/> show every step of the bulletin.</summary>
        public bool Complete => Frames.Count == TotalSteps;

        /// <summary>Builds at most <paramref name="maxFrames"/> frames of <paramref name="strips"/> (panel height tall, in
        /// play order) as a <paramref name="panelWidth"/>-wide panel shows them. Only the frames kept are drawn.</summary>
        public static ScrollPreview Build(IReadOnlyList<IndexedBitmap> strips, int panelWidth, int maxFrames)
        {
            ArgumentNullException.ThrowIfNull(strips);
            ArgumentOutOfRangeException.ThrowIfLessThan(strips.Count, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(panelWidth, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(maxFrames, 1);
            uint[] palette = strips.SelectMany(s => s.Palette).Distinct().ToArray();
            if (palette.Length > 256)
            {
                throw new ArgumentException("The strips use more than 256 colours together.", nameof(strips));
            }

            int total = 0;
            var frames = new List<IndexedBitmap>(Math.Min(maxFrames, strips.Sum(s => s.Width)));
            foreach (IndexedBitmap strip in strips)
            {
                total += strip.Width;
                int wanted = Math.Min(strip.Width, maxFrames - frames.Count);
                if (wanted <= 0)
                {
                    continue;
                }

                byte[] map = strip.Palette.Select(c => (byte)Array.IndexOf(palette, c)).ToArray();
                foreach (IndexedBitmap window in ScrollAnimation.Frames(strip, panelWidth, step: 1, maxFrames: wanted))
                {
                    var frame = new IndexedBitmap(window.Width, window.Height, (uint[])palette.Clone());
                    for (int i = 0; i < window.Pixels.Length; i++)
                    {
                        frame.Pixels[i] = map[window.Pixels[i]];
                    }

                    frames.Add(frame);
                }
            }

            return new ScrollPreview(frames, total);
        }
    }
}
