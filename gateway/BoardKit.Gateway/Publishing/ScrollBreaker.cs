using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Text;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>A range of clusters [Start, End) that becomes one scroll strip.</summary>
    internal readonly record struct ClusterRange(int Start, int End);

    /// <summary>
    /// Where a line of text that is too long for one scroll strip is broken into strips (docs/rendering.md, "Splitting"):
    /// greedily, as much text per strip as fits, at the last break opportunity (after a space, at a hard line break, or
    /// between CJK characters where <see cref="ShapedCluster.CanBreakBefore"/> allows); a word longer than a whole strip
    /// breaks between clusters. A cut is never inside a cluster, so a letter keeps its marks. Spaces and line breaks at a
    /// cut are dropped: each strip starts with its own lead-in, which already separates the pieces.
    /// </summary>
    internal static class ScrollBreaker
    {
        /// <summary>Widest strip a board can hold for a panel <paramref name="height"/> px tall at <paramref name="bitsPerPixel"/>:
        /// the wire's 4,096 px, or fewer when the unpacked strip would exceed the 16,384-byte frame buffer (4096 x 64 at 1 bpp
        /// is 32 KiB, so a 64-px board scrolls strips of at most 2,048 px).</summary>
        public static int MaxStripWidth(int height, int bitsPerPixel)
        {
            long byBuffer = (long)WireLimits.MaxFrameRawBytes * 8 / Math.Max(1, (long)height * bitsPerPixel);
            return (int)Math.Max(1, Math.Min(WireLimits.MaxStripWidth, byBuffer));
        }

        /// <summary>Width in pixels of clusters [<paramref name="start"/>, <paramref name="end"/>) drawn on one line as the
        /// renderer draws a strip's text: line breaks as <paramref name="gap"/> px, trailing spaces dropped, and at least
        /// as far right as any glyph's box reaches. An upper bound of the renderer's width (it measures lit pixels).</summary>
        public static int Width(IReadOnlyList<ShapedCluster> clusters, int start, int end, int gap)
        {
            int pen = 0;
            int right = 0;
            for (int i = start; i < end; i++)
            {
                ShapedCluster c = clusters[i];
                if (c.IsLineBreak)
                {
                    pen += gap;
                    continue;
                }

                if (!c.IsSpace)
                {
                    right = Math.Max(right, Math.Max(pen + c.Advance, pen + InkRight(c)));
                }

                pen += c.Advance;
            }

            // The renderer keeps the gap of a line break at the end (only spaces are trimmed): count it too.
            int trailing = pen;
            for (int i = end - 1; i >= start && clusters[i].IsSpace; i--)
            {
                trailing -= clusters[i].Advance;
            }

            return Math.Max(right, trailing);
        }

        /// <summary>
        /// Breaks clusters into ranges whose text is at most <paramref name="available"/> px wide (the strip width less
        /// lead-in and marker). Leading spaces and line breaks of every range but the first are skipped and trailing ones
        /// left out, so no strip starts or ends with blank text. Returns null and sets <paramref name="tooWide"/> to the
        /// index of a single cluster wider than <paramref name="available"/>.
        /// </summary>
        public static List<ClusterRange>? Break(IReadOnlyList<ShapedCluster> clusters, int available, int gap, out int tooWide)
        {
            tooWide = -1;
            var ranges = new List<ClusterRange>();
            int n = clusters.Count;
            int i = 0;
            bool first = true;
            while (i < n)
            {
                if (!first)
                {
                    while (i < n && IsBlank(clusters[i]))
                    {
                        i++;
                    }

                    if (i == n)
                    {
                        break;
                    }
                }

                int pen = 0;
                int lastBreak = -1;
                int j = i;
                while (j < n)
                {
                    ShapedCluster c = clusters[j];
                    if (j > i && CanBreakBefore(clusters, j))
                    {
                        lastBreak = j;
                    }

                    int advance = c.IsLineBreak ? gap : c.Advance;
                    if (!IsBlank(c) && Math.Max(pen + advance, pen + InkRight(c)) > available)
                    {
                        break;
                    }

                    pen += advance;
                    j++;
                }

                int end;
                if (j == n)
                {
                    end = n;
                }
                else if (lastBreak > i)
                {
                    end = lastBreak;
                }
                else if (j > i)
                {
                    end = j;
                }
                else
                {
                    tooWide = j;
                    return null;
                }

                int trimmed = end;
                while (trimmed > i && IsBlank(clusters[trimmed - 1]))
                {
                    trimmed--;
                }

                if (trimmed > i)
                {
                    ranges.Add(new ClusterRange(i, trimmed));
                }

                i = end;
                first = false;
            }

            return ranges;
        }

        /// <summary>How far right of its pen the cluster's glyph boxes reach, in pixels.</summary>
        public static int InkRight(ShapedCluster cluster)
        {
            int right = 0;
            foreach (PlacedGlyph placed in cluster.Glyphs)
            {
                right = Math.Max(right, placed.X + placed.Glyph.OffsetX + placed.Glyph.Width);
            }

            return right;
        }

        private static bool IsBlank(ShapedCluster c) => c.IsSpace || c.IsLineBreak;

        /// <summary>A strip may end before cluster <paramref name="j"/>: after a space, before or after a hard line break,
        /// or where the shaper allows a break without a space (CJK).</summary>
        private static bool CanBreakBefore(IReadOnlyList<ShapedCluster> clusters, int j)
        {
            ShapedCluster previous = clusters[j - 1];
            ShapedCluster current = clusters[j];
            return current.CanBreakBefore
                || (previous.IsSpace && !current.IsSpace)
                || previous.IsLineBreak
                || (current.IsLineBreak && !previous.IsLineBreak);
        }
    }
}
