using System;
using System.Buffers;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// The one check of what a board can receive (docs/protocol.md §9): every limit of the wire and the board, for a
    /// program (1–16 items, 16,384 bytes signed) or an alert (1 item, 8,192 bytes signed). <see cref="ProgramComposer"/>
    /// runs it before writing and refuses what it refuses, so a message the check passes is one the board accepts, and
    /// the size it measures is the exact size the composer writes. Stateless and thread-safe.
    /// </summary>
    /// <remarks>
    /// Checked per item: play settings in their wire ranges; frame count for the layout (static and scroll exactly 1,
    /// pages 1–16, a scroll beside a still picture 2); per frame: width (strip ≤ 4,096 px, static and page frames ≤ 512
    /// px, a still picture beside a strip ≤ 504 px), height ≤ 64 px, unpacked size ≤ 16,384 bytes in its format (up to
    /// 16 colours: the smallest palette format; more, a full-colour picture: Rgb888 at 3 bytes per LED), and for a
    /// scroll beside a still picture both unpacked sizes together ≤ 16,384 bytes (the board holds both in its one frame
    /// buffer). Then per program: 1–16 items, and the signed size after run-length compression, measured by encoding
    /// every frame exactly as the composer does. The board's panel size is the composer's to respect (a still picture
    /// leaves a window of at least 8 px: <c>PictureComposer</c>); the check holds for every panel.
    /// </remarks>
    public static class FitCheck
    {
        /// <summary>Checks a program of <paramref name="items"/> (played in order) with the UTC offset
        /// <paramref name="utcOffsetMinutes"/> (−720 to 840; default Vietnam, 420).</summary>
        public static FitReport CheckProgram(IReadOnlyList<BulletinItem> items, int utcOffsetMinutes = ProgramComposer.VietnamUtcOffsetMinutes)
        {
            ArgumentNullException.ThrowIfNull(items);
            var problems = new List<FitProblem>();
            if (utcOffsetMinutes < ProgramCodec.MinUtcOffsetMinutes || utcOffsetMinutes > ProgramCodec.MaxUtcOffsetMinutes)
            {
                problems.Add(new FitProblem(FitLimit.Settings,
                    $"The UTC offset {utcOffsetMinutes} min is outside {ProgramCodec.MinUtcOffsetMinutes} to {ProgramCodec.MaxUtcOffsetMinutes} min."));
            }

            if (items.Count == 0)
            {
                problems.Add(new FitProblem(FitLimit.ItemsPerProgram, "A program needs at least 1 item; there is none.")
                {
                    Actual = 0, Maximum = WireLimits.MaxItems, Unit = "items",
                });
            }
            else if (items.Count > WireLimits.MaxItems)
            {
                problems.Add(new FitProblem(FitLimit.ItemsPerProgram,
                    $"The bulletin needs {items.Count} items; a board's program holds at most {WireLimits.MaxItems}: cut {items.Count - WireLimits.MaxItems} item(s).")
                {
                    Actual = items.Count, Maximum = WireLimits.MaxItems, Unit = "items",
                });
            }

            for (int i = 0; i < items.Count; i++)
            {
                CheckItem(items[i] ?? throw new ArgumentException($"Item {i + 1} is null.", nameof(items)), $"Item {i + 1}", problems);
            }

            return Measure(items, program: true, problems);
        }

        /// <summary>Checks an alert: one item, at most <see cref="WireLimits.MaxAlertBytes"/> signed.</summary>
        public static FitReport CheckAlert(BulletinItem item)
        {
            ArgumentNullException.ThrowIfNull(item);
            var problems = new List<FitProblem>();
            CheckItem(item, "The alert", problems);
            return Measure(new[] { item }, program: false, problems);
        }

        private static void CheckItem(BulletinItem item, string label, List<FitProblem> problems)
        {
            RenderResult r = item.Rendered;
            CheckSettings(item, label, problems);
            IReadOnlyList<IndexedBitmap> frames = ItemRecord.Frames(r);
            int maxFrames = ItemRecord.MaxFrames(r);
            bool beside = ItemRecord.Layout(r) == ProgramItem.LayoutScrollBesideStill;
            if (frames.Count > maxFrames || frames.Count < ItemRecord.MinFrames(r))
            {
                string message = r.Mode == RenderMode.Pages
                    ? $"{label} has {frames.Count} pages; an item holds 1 to {maxFrames}: " +
                      (frames.Count > maxFrames ? $"cut {frames.Count - maxFrames} page(s)." : "it needs a page.")
                    : beside
                        ? $"{label} is a scroll beside a still picture with {frames.Count} frames; it must have exactly 2 (the still picture, then the strip)."
                        : $"{label} is a {r.Mode.ToString().ToLowerInvariant()} item with {frames.Count} frames; it must have exactly 1.";
                problems.Add(new FitProblem(FitLimit.FramesPerItem, message) { Actual = frames.Count, Maximum = maxFrames, Unit = "frames" });
            }

            for (int f = 0; f < frames.Count; f++)
            {
                string frame = r.Mode switch
                {
                    RenderMode.Scroll => ItemRecord.IsStrip(r, f) ? "its scroll strip" : "its still picture",
                    RenderMode.Pages => $"page {f + 1}",
                    _ => "its frame",
                };
                CheckFrame(frames[f], ItemRecord.MaxWidth(r, f), ItemRecord.IsStrip(r, f), beside, $"{label}: {frame}", problems);
            }

            if (beside && frames.Count == 2)
            {
                CheckSharedBuffer(frames[0], frames[1], label, problems);
            }
        }

        /// <summary>A scroll beside a still picture: the board holds both frames unpacked in its one 16,384-byte buffer.</summary>
        private static void CheckSharedBuffer(IndexedBitmap still, IndexedBitmap strip, string label, List<FitProblem> problems)
        {
            long stillBytes = RawBytes(still, out _, out _);
            long stripBytes = RawBytes(strip, out PixelFormat format, out int bpp);
            long total = stillBytes + stripBytes;
            if (total <= WireLimits.MaxFrameRawBytes || stillBytes > WireLimits.MaxFrameRawBytes || stripBytes > WireLimits.MaxFrameRawBytes)
            {
                return; // fits, or one frame alone is already too large (reported per frame)
            }

            long excess = total - WireLimits.MaxFrameRawBytes;
            long columns = ((excess * 8) + ((long)strip.Height * bpp) - 1) / ((long)strip.Height * bpp);
            problems.Add(new FitProblem(FitLimit.RawFrameBytes,
                $"{label}: its still picture ({NumberText.Grouped(stillBytes)} bytes unpacked) and its scroll strip ({NumberText.Grouped(stripBytes)} bytes, " +
                $"{strip.Width}x{strip.Height} {format}) share a board's {NumberText.Grouped(WireLimits.MaxFrameRawBytes)}-byte frame buffer: " +
                $"cut {NumberText.Grouped(excess)} bytes ({NumberText.Grouped(columns)} px of the strip's width).")
            { Actual = total, Maximum = WireLimits.MaxFrameRawBytes, Unit = "bytes" });
        }

        /// <summary>Unpacked bytes of <paramref name="frame"/> in the format it is sent in (docs/protocol.md §6).</summary>
        private static long RawBytes(IndexedBitmap frame, out PixelFormat format, out int bpp)
        {
            // A frame of up to 16 colours goes in the smallest palette format; more colours (a full-colour picture) go
            // in Rgb888, which has no palette and 3 bytes per LED (docs/protocol.md §6).
            format = RenderResult.SmallestFormat(frame.Palette.Length);
            bpp = PixelPacking.BitsPerPixel((int)format);
            return (((long)frame.Width * frame.Height * bpp) + 7) / 8;
        }

        private static void CheckFrame(IndexedBitmap frame, int maxWidth, bool strip, bool beside, string what, List<FitProblem> problems)
        {
            if (frame.Width > maxWidth)
            {
                problems.Add(strip
                    ? new FitProblem(FitLimit.StripWidth,
                        $"{what} is {NumberText.Grouped(frame.Width)} px wide; a board takes strips of at most {NumberText.Grouped(maxWidth)} px: cut {NumberText.Grouped(frame.Width - maxWidth)} px.")
                    { Actual = frame.Width, Maximum = maxWidth, Unit = "px" }
                    : new FitProblem(FitLimit.FrameWidth, beside
                        ? $"{what} is {frame.Width} px wide; a board holds a still picture of at most {maxWidth} px beside a scroll window of at least {WireLimits.MinScrollWindowWidth} px: cut {frame.Width - maxWidth} px."
                        : $"{what} is {frame.Width} px wide; a board shows frames of at most {maxWidth} px: cut {frame.Width - maxWidth} px (a narrower panel, or scroll mode).")
                    { Actual = frame.Width, Maximum = maxWidth, Unit = "px" });
            }

            if (frame.Height > WireLimits.MaxHeight)
            {
                problems.Add(new FitProblem(FitLimit.FrameHeight,
                    $"{what} is {frame.Height} px tall; a board takes frames of at most {WireLimits.MaxHeight} px: cut {frame.Height - WireLimits.MaxHeight} px.")
                { Actual = frame.Height, Maximum = WireLimits.MaxHeight, Unit = "px" });
            }

            int colours = frame.Palette.Length;
            long raw = RawBytes(frame, out PixelFormat format, out int bpp);
            if (raw > WireLimits.MaxFrameRawBytes)
            {
                long excess = raw - WireLimits.MaxFrameRawBytes;
                long columns = ((excess * 8) + ((long)frame.Height * bpp) - 1) / ((long)frame.Height * bpp);
                string palette = format == PixelFormat.Rgb888
                    ? $" or use at most {WireLimits.MaxPaletteEntries} colours (Palette4: {NumberText.Grouped((((long)frame.Width * frame.Height * 4) + 7) / 8)} bytes)"
                    : string.Empty;
                problems.Add(new FitProblem(FitLimit.RawFrameBytes,
                    $"{what} is {NumberText.Grouped(raw)} bytes unpacked ({frame.Width}x{frame.Height} {format}{(format == PixelFormat.Rgb888 ? $", {colours} colours" : string.Empty)}); " +
                    $"a board's frame buffer holds {NumberText.Grouped(WireLimits.MaxFrameRawBytes)} bytes: cut {NumberText.Grouped(excess)} bytes ({NumberText.Grouped(columns)} px of width){palette}.")
                { Actual = raw, Maximum = WireLimits.MaxFrameRawBytes, Unit = "bytes" });
            }
        }

        private static void CheckSettings(BulletinItem item, string label, List<FitProblem> problems)
        {
            ProgramItem s = ItemRecord.Settings(item);
            int before = problems.Count;
            if (ProgramItem.Scrolls(s.Layout) && (s.ScrollSpeed < 1 || s.ScrollSpeed > ProgramItem.MaxScrollSpeed))
            {
                problems.Add(new FitProblem(FitLimit.Settings, $"{label}: scroll speed {s.ScrollSpeed} px/s is outside 1 to {ProgramItem.MaxScrollSpeed} px/s."));
            }

            if (s.BlinkPeriodMs != 0 && (s.BlinkPeriodMs < ProgramItem.MinBlinkPeriodMs || s.BlinkPeriodMs > ProgramItem.MaxBlinkPeriodMs))
            {
                problems.Add(new FitProblem(FitLimit.Settings,
                    $"{label}: blink period {s.BlinkPeriodMs} ms is neither 0 (steady) nor {ProgramItem.MinBlinkPeriodMs} to {ProgramItem.MaxBlinkPeriodMs} ms."));
            }

            if (s.ScheduleStartMinute < 0 || s.ScheduleStartMinute >= ProgramItem.MinutesPerDay || s.ScheduleEndMinute < 0 || s.ScheduleEndMinute > ProgramItem.MinutesPerDay)
            {
                problems.Add(new FitProblem(FitLimit.Settings,
                    $"{label}: daily window {s.ScheduleStartMinute}–{s.ScheduleEndMinute} is outside minutes 0–{ProgramItem.MinutesPerDay - 1} (start) and 0–{ProgramItem.MinutesPerDay} (end)."));
            }

            if (s.ValidFrom != 0 && s.ValidUntil != 0 && s.ValidUntil <= s.ValidFrom)
            {
                problems.Add(new FitProblem(FitLimit.Settings, $"{label}: valid until {s.ValidUntil} is not after valid from {s.ValidFrom}."));
            }

            int wire = ProgramCodec.CheckSettings(s.Layout, s.Level, s.ScrollSpeed, s.ValidFrom, s.ValidUntil, s.ScheduleStartMinute, s.ScheduleEndMinute, s.BlinkPeriodMs);
            if (wire != WireError.None && problems.Count == before)
            {
                problems.Add(new FitProblem(FitLimit.Settings, $"{label}: the wire refuses its settings ({WireError.Describe(wire)})."));
            }
        }

        /// <summary>Measures the signed message by encoding every frame as <see cref="ProgramWriter.AddFrame"/> will, and
        /// checks it against the kind's limit. Skipped (size 0) when a frame is already refused.</summary>
        private static FitReport Measure(IReadOnlyList<BulletinItem> items, bool program, List<FitProblem> problems)
        {
            int max = program ? WireLimits.MaxProgramBytes : WireLimits.MaxAlertBytes;
            if (HasFrameProblem(problems))
            {
                return new FitReport { Problems = problems, MaxMessageBytes = max };
            }

            byte[] scratch = ArrayPool<byte>.Shared.Rent(FrameCodec.HeaderSize((int)PixelFormat.Palette4) + WireLimits.MaxFrameRawBytes);
            try
            {
                long total = Envelope.Overhead + (program ? ProgramCodec.ProgramHeaderSize : 0);
                var itemBytes = new int[items.Count];
                for (int i = 0; i < items.Count; i++)
                {
                    int bytes = ProgramCodec.ItemHeaderSize;
                    foreach (IndexedBitmap frame in ItemRecord.Frames(items[i].Rendered))
                    {
                        PackedFrame packed;
                        try
                        {
                            packed = FramePacker.Pack(frame);
                        }
                        catch (ArgumentException e)
                        {
                            problems.Add(new FitProblem(FitLimit.Palette, $"Item {i + 1}: {e.Message}"));
                            return new FitReport { Problems = problems, MaxMessageBytes = max };
                        }

                        int n = FrameCodec.Encode(packed.Header, packed.Pixels, packed.Pixels.Length, scratch, 0, allowCompression: true);
                        if (n < 0)
                        {
                            throw new InvalidOperationException($"Internal error: a frame the check passed does not encode: {WireError.Describe(-n)}.");
                        }

                        bytes += n;
                    }

                    itemBytes[i] = bytes;
                    total += bytes;
                }

                int size = (int)Math.Min(total, int.MaxValue);
                if (size > max)
                {
                    problems.Add(new FitProblem(FitLimit.MessageBytes, SizeMessage(program, size, max, itemBytes))
                    {
                        Actual = size, Maximum = max, Unit = "bytes",
                    });
                }

                return new FitReport { Problems = problems, MessageBytes = size, MaxMessageBytes = max, ItemBytes = itemBytes };
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }

        private static bool HasFrameProblem(List<FitProblem> problems)
        {
            foreach (FitProblem p in problems)
            {
                if (p.Limit is FitLimit.StripWidth or FitLimit.FrameWidth or FitLimit.FrameHeight or FitLimit.Palette or FitLimit.RawFrameBytes or FitLimit.FramesPerItem)
                {
                    return true;
                }
            }

            return false;
        }

        private static string SizeMessage(bool program, int size, int max, int[] itemBytes)
        {
            string kind = program ? "program" : "alert";
            string message = $"The signed {kind} would be {NumberText.Grouped(size)} bytes after compression; a board accepts at most " +
                $"{NumberText.Grouped(max)} bytes: cut {NumberText.Grouped(size - max)} bytes.";
            if (!program || itemBytes.Length < 2)
            {
                return message;
            }

            long used = Envelope.Overhead + ProgramCodec.ProgramHeaderSize;
            int fitting = 0;
            while (fitting < itemBytes.Length && fitting < WireLimits.MaxItems && used + itemBytes[fitting] <= max)
            {
                used += itemBytes[fitting];
                fitting++;
            }

            return message + (fitting == 0
                ? " Not even the first item fits."
                : $" The first {fitting} of {itemBytes.Length} items fit ({NumberText.Grouped(used)} bytes).");
        }
    }
}
