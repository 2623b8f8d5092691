using System;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>One rendered bulletin (or one piece of a long one) and how the board plays it (docs/protocol.md, "Item record").</summary>
    public sealed class BulletinItem
    {
        /// <summary>Creates an item from a successful render, with the default play settings.</summary>
        /// <exception cref="ArgumentException">The render was refused: refused content is never published.</exception>
        public BulletinItem(RenderResult rendered)
        {
            ArgumentNullException.ThrowIfNull(rendered);
            if (!rendered.Ok)
            {
                throw new ArgumentException("Refused content cannot be published: " + string.Join("; ", rendered.Errors), nameof(rendered));
            }

            Rendered = rendered;
        }

        /// <summary>Creates an item from a successful render, played as <paramref name="settings"/> say.</summary>
        /// <exception cref="ArgumentException">The render was refused: refused content is never published.</exception>
        public BulletinItem(RenderResult rendered, PlaySettings settings)
            : this(rendered)
        {
            ArgumentNullException.ThrowIfNull(settings);
            DwellMs = settings.DwellMs;
            ScrollSpeed = settings.ScrollSpeed;
            ValidFrom = settings.ValidFrom;
            ValidUntil = settings.ValidUntil;
            ScheduleStartMinute = settings.ScheduleStartMinute;
            ScheduleEndMinute = settings.ScheduleEndMinute;
        }

        /// <summary>The frames (static, pages) or strip (scroll).</summary>
        public RenderResult Rendered { get; }

        /// <summary>Static: time shown; pages: per page; scroll: minimum time on screen (0 = one pass). Milliseconds. Default 8000.</summary>
        public uint DwellMs { get; init; } = 8000;

        /// <summary>Scroll speed in pixels per second (1–1000); used by scroll items only. Default 24 (a 64-px panel in ~2.7 s).</summary>
        public int ScrollSpeed { get; init; } = 24;

        /// <summary>Start of validity, unix seconds UTC; 0 = from now on.</summary>
        public uint ValidFrom { get; init; }

        /// <summary>End of validity (exclusive), unix seconds UTC; 0 = no end. For an alert, its expiry.</summary>
        public uint ValidUntil { get; init; }

        /// <summary>Daily window start, minute of the local day (0–1439). Equal to <see cref="ScheduleEndMinute"/> = all day.</summary>
        public int ScheduleStartMinute { get; init; }

        /// <summary>Daily window end, minute of the local day (0–1440), exclusive; less than the start = across midnight.</summary>
        public int ScheduleEndMinute { get; init; }
    }
}
