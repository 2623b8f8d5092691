using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>One rendered bulletin and how the board plays it (docs/protocol.md, "Item record").</summary>
    public sealed class BulletinItem
    {
        /// <summary>Creates an item from a successful render.</summary>
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

    /// <summary>
    /// Turns rendered bulletins into signed program and alert messages for one board, with the board's
    /// <see cref="MessageBuilder"/> (its key and id). Sequences are the caller's (one counter per board and stream,
    /// persisted by the gateway: docs/protocol.md, "Replay and rollback").
    /// </summary>
    public static class ProgramComposer
    {
        /// <summary>Vietnam's offset from UTC in minutes (UTC+7), the default for daily schedules.</summary>
        public const int VietnamUtcOffsetMinutes = 7 * 60;

        /// <summary>
        /// Builds a program message (1–16 items) into <paramref name="builder"/>.Buffer and returns its length.
        /// Throws <see cref="InvalidOperationException"/> naming the wire error when the program does not fit the
        /// protocol's limits (too many items or pages, larger than 16 KiB ...).
        /// </summary>
        public static int ComposeProgram(MessageBuilder builder, IReadOnlyList<BulletinItem> items, ulong sequence, uint issuedAt,
            int utcOffsetMinutes = VietnamUtcOffsetMinutes)
        {
            ArgumentNullException.ThrowIfNull(builder);
            ArgumentNullException.ThrowIfNull(items);
            ProgramWriter writer = builder.StartProgram(utcOffsetMinutes);
            foreach (BulletinItem item in items)
            {
                WriteItem(writer, item);
            }

            return Check(builder.SealProgramOrAlert(sequence, issuedAt), "program");
        }

        /// <summary>Builds an alert message (one item, played at once over the program) and returns its length.</summary>
        public static int ComposeAlert(MessageBuilder builder, BulletinItem item, ulong sequence, uint issuedAt)
        {
            ArgumentNullException.ThrowIfNull(builder);
            ArgumentNullException.ThrowIfNull(item);
            ProgramWriter writer = builder.StartAlert();
            WriteItem(writer, item);
            return Check(builder.SealProgramOrAlert(sequence, issuedAt), "alert");
        }

        /// <summary>The wire level of a bulletin level.</summary>
        public static int WireLevel(BulletinLevel level) => level switch
        {
            BulletinLevel.Priority => ProgramItem.LevelPriority,
            BulletinLevel.Emergency => ProgramItem.LevelEmergency,
            _ => ProgramItem.LevelNormal,
        };

        private static void WriteItem(ProgramWriter writer, BulletinItem item)
        {
            RenderResult r = item.Rendered;
            var settings = new ProgramItem
            {
                Layout = r.Mode switch
                {
                    RenderMode.Scroll => ProgramItem.LayoutScroll,
                    RenderMode.Pages => ProgramItem.LayoutPage,
                    _ => ProgramItem.LayoutStatic,
                },
                Level = WireLevel(r.Level),
                DwellMs = item.DwellMs,
                ScrollSpeed = r.Mode == RenderMode.Scroll ? item.ScrollSpeed : 0,
                ValidFrom = item.ValidFrom,
                ValidUntil = item.ValidUntil,
                ScheduleStartMinute = item.ScheduleStartMinute,
                ScheduleEndMinute = item.ScheduleEndMinute,
                BlinkPeriodMs = r.BlinkPeriodMs,
            };
            writer.BeginItem(settings);
            IReadOnlyList<IndexedBitmap> frames = r.Strip is not null ? new[] { r.Strip } : r.Frames;
            foreach (IndexedBitmap frame in frames)
            {
                PackedFrame packed = FramePacker.Pack(frame);
                writer.AddFrame(packed.Header, packed.Pixels, packed.Pixels.Length, allowCompression: true);
            }

            writer.EndItem();
        }

        private static int Check(int result, string what)
        {
            if (result < 0)
            {
                throw new InvalidOperationException($"The {what} cannot be built: {WireError.Describe(-result)}.");
            }

            return result;
        }
    }
}
