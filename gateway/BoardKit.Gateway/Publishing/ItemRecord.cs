using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>What the wire item record of a <see cref="BulletinItem"/> carries: the one mapping used by both
    /// <see cref="FitCheck"/> and <see cref="ProgramComposer"/>, so that what is checked is what is written.</summary>
    internal static class ItemRecord
    {
        /// <summary>The item's settings as the wire carries them (layout, level, dwell, speed, validity, schedule, blink).</summary>
        public static ProgramItem Settings(BulletinItem item)
        {
            RenderResult r = item.Rendered;
            return new ProgramItem
            {
                Layout = Layout(r.Mode),
                Level = ProgramComposer.WireLevel(r.Level),
                DwellMs = item.DwellMs,
                ScrollSpeed = r.Mode == RenderMode.Scroll ? item.ScrollSpeed : 0,
                ValidFrom = item.ValidFrom,
                ValidUntil = item.ValidUntil,
                ScheduleStartMinute = item.ScheduleStartMinute,
                ScheduleEndMinute = item.ScheduleEndMinute,
                BlinkPeriodMs = r.BlinkPeriodMs,
            };
        }

        /// <summary>The wire layout of a render mode.</summary>
        public static int Layout(RenderMode mode) => mode switch
        {
            RenderMode.Scroll => ProgramItem.LayoutScroll,
            RenderMode.Pages => ProgramItem.LayoutPage,
            _ => ProgramItem.LayoutStatic,
        };

        /// <summary>The frames the item sends, in order: the strip of a scroll item, else the frames.</summary>
        public static IReadOnlyList<IndexedBitmap> Frames(RenderResult rendered) =>
            rendered.Strip is not null ? new[] { rendered.Strip } : rendered.Frames;

        /// <summary>Widest frame the item's layout allows, in pixels.</summary>
        public static int MaxWidth(RenderMode mode) => mode == RenderMode.Scroll ? WireLimits.MaxStripWidth : WireLimits.MaxPanelWidth;

        /// <summary>Most frames the item's layout allows.</summary>
        public static int MaxFrames(RenderMode mode) => mode == RenderMode.Pages ? WireLimits.MaxFramesPerItem : 1;

        /// <summary>Least frames every layout needs.</summary>
        public const int MinFrames = 1;
    }
}
