namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Reads program and alert payloads (docs/protocol.md, "Program" and "Item record"). Program payload:
    /// <code>
    /// 0  2  UTC offset, minutes, signed (-720..840)
    /// 2  1  item count (1..16)
    /// 3  1  flags (0)
    /// 4  .. item records, one after another; bytes after the last item are ignored (extensions)
    /// </code>
    /// Item record (also the whole alert payload):
    /// <code>
    /// 0  2  item length: bytes after this field (so the next item starts at offset 2 + length)
    /// 2  1  layout (0 static, 1 scroll, 2 page, 3 scroll beside a still frame)
    /// 3  1  level (0 normal, 1 priority, 2 emergency)
    /// 4  4  dwell, ms
    /// 8  2  scroll speed, px/s (scroll, scroll beside a still frame: 1..1000, otherwise 0)
    /// 10 4  valid from, unix s (0 = open)
    /// 14 4  valid until, unix s (0 = open)
    /// 18 2  daily schedule start, minute of local day (0..1439)
    /// 20 2  daily schedule end, minute of local day (0..1440; = start: all day)
    /// 22 1  frame count (static 1, scroll 1, page 1..16, scroll beside a still frame 2)
    /// 23 2  blink period, ms (0 = steady, otherwise 500..10000: the whole item shown half the period, dark half)
    /// 25 .. frames (FrameCodec), then ignored extension bytes up to the item length
    /// </code>
    /// Frame widths: static and page frames 1..512, a scroll strip 1..4096; scroll beside a still frame: frame 0 (the
    /// still frame) 1..504 and frame 1 (the strip) 1..4096, and the two raw sizes together at most 16384 bytes (the
    /// board decodes both into its one frame buffer; TooLarge). Nothing here depends on the board's panel, so every
    /// board gives a message the same verdict; how a still frame wider than a panel plays is docs/protocol.md 15.3.
    /// Everything, including every frame's run-length stream, is validated before TryRead returns true; nothing is
    /// allocated and nothing throws.
    /// </summary>
    public static class ProgramCodec
    {
        /// <summary>Bytes of the program header.</summary>
        public const int ProgramHeaderSize = 4;

        /// <summary>Bytes of an item record before its frames, including the length field.</summary>
        public const int ItemHeaderSize = 25;

        /// <summary>Offset of the frame count in an item record.</summary>
        public const int ItemFrameCountOffset = 22;

        /// <summary>Offset of the 2-byte blink period in an item record.</summary>
        public const int ItemBlinkPeriodOffset = 23;

        /// <summary>Lowest UTC offset accepted, minutes (UTC-12).</summary>
        public const int MinUtcOffsetMinutes = -720;

        /// <summary>Highest UTC offset accepted, minutes (UTC+14).</summary>
        public const int MaxUtcOffsetMinutes = 840;

        /// <summary>
        /// Validates a whole program payload and fills <paramref name="program"/> with the item offsets.
        /// <paramref name="scratchItem"/> and <paramref name="scratchFrame"/> are working space (contents undefined after).
        /// </summary>
        public static bool TryRead(byte[] src, int offset, int length, ProgramInfo program, ProgramItem scratchItem, FrameHeader scratchFrame, out int errorCode)
        {
            if (offset < 0 || length < 0 || offset > src.Length || src.Length - offset < length)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            if (length < ProgramHeaderSize)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            int utcOffset = BigEndian.ReadInt16(src, offset);
            if (utcOffset < MinUtcOffsetMinutes || utcOffset > MaxUtcOffsetMinutes)
            {
                errorCode = WireError.BadField;
                return false;
            }

            int count = src[offset + 2];
            if (count < 1 || count > WireLimits.MaxItems)
            {
                errorCode = WireError.BadItemCount;
                return false;
            }

            if (src[offset + 3] != 0)
            {
                errorCode = WireError.ReservedBitsSet;
                return false;
            }

            int p = offset + ProgramHeaderSize;
            int end = offset + length;
            for (int i = 0; i < count; i++)
            {
                if (!TryReadItem(src, p, end - p, scratchItem, scratchFrame, out errorCode))
                {
                    return false;
                }

                int itemLength = 2 + BigEndian.ReadUInt16(src, p);
                program.ItemOffsets[i] = p;
                program.ItemLengths[i] = itemLength;
                p += itemLength;
            }

            program.UtcOffsetMinutes = utcOffset;
            program.ItemCount = count;
            errorCode = WireError.None;
            return true;
        }

        /// <summary>
        /// Reads and validates one item record at src[offset..offset+available) into <paramref name="item"/>
        /// (settings and frame offsets). Used for program items (offset from ProgramInfo.ItemOffsets) and for the
        /// alert payload. Bytes after the record are not read.
        /// </summary>
        public static bool TryReadItem(byte[] src, int offset, int available, ProgramItem item, FrameHeader scratchFrame, out int errorCode)
        {
            if (offset < 0 || available < 0 || offset > src.Length || src.Length - offset < available)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            if (available < ItemHeaderSize)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            int recordLength = 2 + BigEndian.ReadUInt16(src, offset);
            if (recordLength > available)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            if (recordLength < ItemHeaderSize)
            {
                errorCode = WireError.LengthMismatch;
                return false;
            }

            int layout = src[offset + 2];
            int level = src[offset + 3];
            uint dwell = BigEndian.ReadUInt32(src, offset + 4);
            int speed = BigEndian.ReadUInt16(src, offset + 8);
            uint validFrom = BigEndian.ReadUInt32(src, offset + 10);
            uint validUntil = BigEndian.ReadUInt32(src, offset + 14);
            int scheduleStart = BigEndian.ReadUInt16(src, offset + 18);
            int scheduleEnd = BigEndian.ReadUInt16(src, offset + 20);
            int frames = src[offset + ItemFrameCountOffset];
            int blink = BigEndian.ReadUInt16(src, offset + ItemBlinkPeriodOffset);
            errorCode = CheckSettings(layout, level, speed, validFrom, validUntil, scheduleStart, scheduleEnd, blink);
            if (errorCode != WireError.None)
            {
                return false;
            }

            if (!IsFrameCountValid(layout, frames))
            {
                errorCode = WireError.BadFrameCount;
                return false;
            }

            int p = offset + ItemHeaderSize;
            int end = offset + recordLength;
            int rawTotal = 0;
            for (int f = 0; f < frames; f++)
            {
                if (!FrameCodec.TryDecode(src, p, end - p, MaxFrameWidth(layout, f), scratchFrame, null, out errorCode))
                {
                    return false;
                }

                item.FrameOffsets[f] = p;
                item.FrameLengths[f] = scratchFrame.EncodedLength;
                p += scratchFrame.EncodedLength;
                rawTotal += PixelPacking.RawLength(scratchFrame.Format, scratchFrame.Width, scratchFrame.Height);
            }

            // The still frame and the strip are held decoded together in the board's one frame buffer.
            if (layout == ProgramItem.LayoutScrollBesideStill && rawTotal > WireLimits.MaxFrameRawBytes)
            {
                errorCode = WireError.TooLarge;
                return false;
            }

            item.Layout = layout;
            item.Level = level;
            item.DwellMs = dwell;
            item.ScrollSpeed = speed;
            item.ValidFrom = validFrom;
            item.ValidUntil = validUntil;
            item.ScheduleStartMinute = scheduleStart;
            item.ScheduleEndMinute = scheduleEnd;
            item.BlinkPeriodMs = blink;
            item.FrameCount = frames;
            errorCode = WireError.None;
            return true;
        }

        /// <summary>
        /// True if an item of <paramref name="layout"/> may have <paramref name="frameCount"/> frames: static and scroll
        /// exactly 1, page 1..16, scroll beside a still frame exactly 2 (otherwise BadFrameCount). Shared by reader and writer.
        /// </summary>
        public static bool IsFrameCountValid(int layout, int frameCount)
        {
            return frameCount >= MinFrameCount(layout) && frameCount <= MaxFrameCount(layout);
        }

        /// <summary>Fewest frames an item of <paramref name="layout"/> has: 2 for scroll beside a still frame, else 1.</summary>
        public static int MinFrameCount(int layout)
        {
            return layout == ProgramItem.LayoutScrollBesideStill ? 2 : 1;
        }

        /// <summary>Most frames an item of <paramref name="layout"/> has: page 16, scroll beside a still frame 2, static and scroll 1.</summary>
        public static int MaxFrameCount(int layout)
        {
            if (layout == ProgramItem.LayoutPage)
            {
                return WireLimits.MaxFramesPerItem;
            }

            return MinFrameCount(layout);
        }

        /// <summary>
        /// Widest frame <paramref name="frameIndex"/> of an item of <paramref name="layout"/> may be, pixels: a scroll
        /// strip WireLimits.MaxStripWidth (4096); the still frame of scroll beside a still frame WireLimits.MaxStillWidth
        /// (504) and its strip 4096; static and page frames WireLimits.MaxPanelWidth (512). Shared by reader, writer and
        /// the board's frame decoding.
        /// </summary>
        public static int MaxFrameWidth(int layout, int frameIndex)
        {
            if (ProgramItem.Scrolls(layout) && frameIndex == ProgramItem.StripFrameIndex(layout))
            {
                return WireLimits.MaxStripWidth;
            }

            return layout == ProgramItem.LayoutScrollBesideStill ? WireLimits.MaxStillWidth : WireLimits.MaxPanelWidth;
        }

        /// <summary>
        /// Checks item settings; returns WireError.None or BadField. Shared by reader and writer.
        /// <paramref name="blinkPeriodMs"/>: 0 (steady) or ProgramItem.MinBlinkPeriodMs..MaxBlinkPeriodMs.
        /// </summary>
        public static int CheckSettings(int layout, int level, int scrollSpeed, uint validFrom, uint validUntil, int scheduleStart, int scheduleEnd, int blinkPeriodMs)
        {
            if (layout < ProgramItem.LayoutStatic || layout > ProgramItem.LayoutScrollBesideStill)
            {
                return WireError.BadField;
            }

            if (level < ProgramItem.LevelNormal || level > ProgramItem.LevelEmergency)
            {
                return WireError.BadField;
            }

            bool scroll = ProgramItem.Scrolls(layout);
            if (scroll ? (scrollSpeed < 1 || scrollSpeed > ProgramItem.MaxScrollSpeed) : scrollSpeed != 0)
            {
                return WireError.BadField;
            }

            if (validFrom != 0 && validUntil != 0 && validUntil <= validFrom)
            {
                return WireError.BadField;
            }

            if (scheduleStart < 0 || scheduleStart >= ProgramItem.MinutesPerDay || scheduleEnd < 0 || scheduleEnd > ProgramItem.MinutesPerDay)
            {
                return WireError.BadField;
            }

            if (blinkPeriodMs != 0 && (blinkPeriodMs < ProgramItem.MinBlinkPeriodMs || blinkPeriodMs > ProgramItem.MaxBlinkPeriodMs))
            {
                return WireError.BadField;
            }

            return WireError.None;
        }
    }
}
