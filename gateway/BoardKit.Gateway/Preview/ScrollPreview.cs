using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Preview
{
    /// <summary>
    /// The start of what a board shows while it plays a bulletin's scroll strips in turn, at the board's own 1-px step:
    /// each strip's windows from its lead-in to its wrap (<see cref="ScrollAnimation"/>), one strip after the other,
    /// cut after a bounded number of frames. With a still frame (a scroll beside a still picture, docs/protocol.md 5.2a)
    /// every frame shows it unchanged at the left and the strip in the window right of it. All frames share one palette,
    /// so they make one animation.
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
        /// play order) as a <paramref name="panelWidth"/>-wide panel shows them; with <paramref name="still"/>, that
        /// frame at the left of every frame (clipped to the panel) and the strips in the window right of it. Only the
        /// frames kept are drawn.</summary>
        public static ScrollPreview Build(IReadOnlyList<IndexedBitmap> strips, int panelWidth, int maxFrames, IndexedBitmap? still = null)
        {
            ArgumentNullException.ThrowIfNull(strips);
            ArgumentOutOfRangeException.ThrowIfLessThan(strips.Count, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(panelWidth, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(maxFrames, 1);
            uint[] palette = strips.SelectMany(s => s.Palette).Concat(still?.Palette ?? Array.Empty<uint>()).Distinct().ToArray();
            if (palette.Length > 256)
            {
                throw new ArgumentException("The strips use more than 256 colours together.", nameof(strips));
            }

            int left = still is null ? 0 : Math.Min(still.Width, panelWidth);
            int window = panelWidth - left;
            byte[] stillMap = still is null ? Array.Empty<byte>() : still.Palette.Select(c => (byte)Array.IndexOf(palette, c)).ToArray();

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
                if (window == 0)
                {
                    // A still frame as wide as the panel leaves no window: the board shows the still frame alone.
                    for (int k = 0; k < wanted; k++)
                    {
                        frames.Add(Compose(still!, stillMap, null, map, panelWidth, strip.Height, palette));
                    }

                    continue;
                }

                foreach (IndexedBitmap view in ScrollAnimation.Frames(strip, window, step: 1, maxFrames: wanted))
                {
                    frames.Add(still is null ? Remapped(view, map, palette) : Compose(still, stillMap, view, map, panelWidth, view.Height, palette));
                }
            }

            return new ScrollPreview(frames, total);
        }

        private static IndexedBitmap Remapped(IndexedBitmap view, byte[] map, uint[] palette)
        {
            var frame = new IndexedBitmap(view.Width, view.Height, (uint[])palette.Clone());
            for (int i = 0; i < view.Pixels.Length; i++)
            {
                frame.Pixels[i] = map[view.Pixels[i]];
            }

            return frame;
        }

        /// <summary>A panel frame: <paramref name="still"/> at the left (rows below it black), <paramref name="view"/> (the
        /// strip's window, or null for none) right of it.</summary>
        private static IndexedBitmap Compose(IndexedBitmap still, byte[] stillMap, IndexedBitmap? view, byte[] viewMap, int panelWidth, int height, uint[] palette)
        {
            int left = Math.Min(still.Width, panelWidth);
            int black = Math.Max(0, Array.IndexOf(palette, 0x000000u));
            var frame = new IndexedBitmap(panelWidth, height, (uint[])palette.Clone());
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < panelWidth; x++)
                {
                    frame[x, y] = x < left
                        ? (y < still.Height ? stillMap[still[x, y]] : (byte)black)
                        : view is not null ? viewMap[view[x - left, y]] : (byte)black;
                }
            }

            return frame;
        }
    }
}
