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
                Layout = Layout(r),
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

        /// <summary>The wire layout of a render: its mode's, or scroll beside a still frame when it has a still frame.</summary>
        public static int Layout(RenderResult rendered) =>
            rendered.Still is not null && rendered.Mode == RenderMode.Scroll ? ProgramItem.LayoutScrollBesideStill : Layout(rendered.Mode);

        /// <summary>The frames the item sends, in order: the still frame and the strip of a scroll beside a still frame,
        /// the strip of a scroll item, else the frames.</summary>
        public static IReadOnlyList<IndexedBitmap> Frames(RenderResult rendered)
        {
            if (rendered.Strip is null)
            {
                return rendered.Frames;
            }

            return rendered.Still is not null ? new[] { rendered.Still, rendered.Strip } : new[] { rendered.Strip };
        }

        /// <summary>Widest frame <paramref name="frameIndex"/> of the item may be, in pixels (the board's own rule,
        /// <see cref="ProgramCodec.MaxFrameWidth"/>).</summary>
        public static int MaxWidth(RenderResult rendered, int frameIndex) => ProgramCodec.MaxFrameWidth(Layout(rendered), frameIndex);

        /// <summary>Most frames the item's layout allows (<see cref="ProgramCodec.MaxFrameCount"/>).</summary>
        public static int MaxFrames(RenderResult rendered) => ProgramCodec.MaxFrameCount(Layout(rendered));

        /// <summary>Least frames the item's layout needs (<see cref="ProgramCodec.MinFrameCount"/>).</summary>
        public static int MinFrames(RenderResult rendered) => ProgramCodec.MinFrameCount(Layout(rendered));

        /// <summary>True when the item's frame <paramref name="frameIndex"/> is a strip the board scrolls.</summary>
        public static bool IsStrip(RenderResult rendered, int frameIndex) =>
            ProgramItem.Scrolls(Layout(rendered)) && frameIndex == ProgramItem.StripFrameIndex(Layout(rendered));
    }
}
