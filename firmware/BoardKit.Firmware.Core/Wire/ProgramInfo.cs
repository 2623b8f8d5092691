namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Index of a decoded program payload: header fields and where each item record starts. Filled by
    /// ProgramCodec.TryRead into a caller-owned instance; items are then read one at a time with TryReadItem.
    /// </summary>
    public sealed class ProgramInfo
    {
        /// <summary>Local time offset from UTC in minutes for daily schedules (-720..840; Vietnam: 420).</summary>
        public int UtcOffsetMinutes { get; set; }

        /// <summary>Number of items (1..WireLimits.MaxItems).</summary>
        public int ItemCount { get; set; }

        /// <summary>Offset of each item record (its 2-byte length field) in the source array.</summary>
        public int[] ItemOffsets { get; } = new int[WireLimits.MaxItems];

        /// <summary>Total length of each item record, including its length field.</summary>
        public int[] ItemLengths { get; } = new int[WireLimits.MaxItems];
    }
}
