using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>Groups the pages of a paged bulletin into page items of at most 16 pages each, in order.</summary>
    internal static class PageGrouper
    {
        /// <summary>The pages of <paramref name="rendered"/> as items of <see cref="WireLimits.MaxFramesPerItem"/> pages
        /// (the last one holds the rest); <paramref name="rendered"/> itself when it has no more than that.</summary>
        public static IReadOnlyList<RenderResult> Group(RenderResult rendered)
        {
            int count = rendered.Frames.Count;
            if (count <= WireLimits.MaxFramesPerItem)
            {
                return new[] { rendered };
            }

            var items = new List<RenderResult>();
            for (int start = 0; start < count; start += WireLimits.MaxFramesPerItem)
            {
                int length = Math.Min(WireLimits.MaxFramesPerItem, count - start);
                int[] lines = rendered.LinesPerFrame.Skip(start).Take(length).ToArray();
                items.Add(new RenderResult
                {
                    Mode = rendered.Mode,
                    Level = rendered.Level,
                    Warnings = start == 0 ? rendered.Warnings : Array.Empty<string>(),
                    Frames = rendered.Frames.Skip(start).Take(length).ToArray(),
                    Palette = rendered.Palette,
                    PixelFormat = rendered.PixelFormat,
                    BlinkPeriodMs = rendered.BlinkPeriodMs,
                    LineCount = lines.Sum(),
                    LinesPerFrame = lines,
                    BorderLeftOut = rendered.BorderLeftOut,
                });
            }

            return items;
        }
    }
}
