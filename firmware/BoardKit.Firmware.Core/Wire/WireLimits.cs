namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Protocol limits (docs/protocol.md, "Limits"). Every length and count on the wire is checked against these and
    /// against the bytes actually remaining BEFORE anything is allocated or copied. They come from the ESP32 without
    /// PSRAM: about 80 KB of managed heap, and the MQTT client needs about 2x a message's size while receiving it.
    /// </summary>
    public static class WireLimits
    {
        /// <summary>
        /// Largest message of any kind, 16 KiB: receiving it costs ~32 KiB of heap, plus a 16 KiB frame buffer,
        /// which still leaves ~30 KB for the rest of the firmware.
        /// </summary>
        public const int MaxMessageBytes = 16384;

        /// <summary>Largest program message (16 KiB, see MaxMessageBytes). The board stores it on flash as received.</summary>
        public const int MaxProgramBytes = 16384;

        /// <summary>Largest alert message, 8 KiB: an alert must never fail for lack of heap while a program is loaded.</summary>
        public const int MaxAlertBytes = 8192;

        /// <summary>Largest alert-clear message: header, 8-byte payload and tag, with room for extensions.</summary>
        public const int MaxAlertClearBytes = 256;

        /// <summary>Largest emergency preset message, 8 KiB, like an alert: it is held in memory next to the program.</summary>
        public const int MaxPresetBytes = 8192;

        /// <summary>Largest live frame message, 8 KiB: live frames may arrive several times a second, so keep them small.</summary>
        public const int MaxLiveFrameBytes = 8192;

        /// <summary>Largest command message.</summary>
        public const int MaxCommandBytes = 256;

        /// <summary>Largest status or event message (board to gateway).</summary>
        public const int MaxStatusBytes = 1024;

        /// <summary>Widest frame shown as a whole (static and page items, live frames, alerts), in pixels.</summary>
        public const int MaxPanelWidth = 512;

        /// <summary>Widest frame of a scroll item (the strip that moves across the panel), in pixels.</summary>
        public const int MaxStripWidth = 4096;

        /// <summary>
        /// Narrowest scroll window beside a still frame (layout "scroll beside a still frame"), in pixels: 8 px shows a
        /// whole character of the smallest board font (5x7 in a 6-px cell) with room to spare; a narrower window cannot
        /// be read. The gateway keeps every window at least this wide on the board's own panel.
        /// </summary>
        public const int MinScrollWindowWidth = 8;

        /// <summary>
        /// Widest still frame of a "scroll beside a still frame" item, in pixels: MaxPanelWidth - MinScrollWindowWidth =
        /// 504, so that on the widest panel a window of at least 8 px remains.
        /// </summary>
        public const int MaxStillWidth = MaxPanelWidth - MinScrollWindowWidth;

        /// <summary>Tallest frame, in pixels.</summary>
        public const int MaxHeight = 64;

        /// <summary>
        /// Largest decoded (raw, packed) frame, 16 KiB: the board's one frame buffer. 512x64 Palette4, 4096x32 Mono1
        /// or about 74x74 Rgb888 fit; a larger Rgb888 frame must be sent as a palette format. The still frame and the
        /// strip of a "scroll beside a still frame" item share it: their raw sizes together are at most this.
        /// </summary>
        public const int MaxFrameRawBytes = 16384;

        /// <summary>Most items in one program. Each costs the board a few bytes of index; 16 is a long rotation.</summary>
        public const int MaxItems = 16;

        /// <summary>Most frames in one item (pages of a page item).</summary>
        public const int MaxFramesPerItem = 16;

        /// <summary>Most palette entries (Palette4: 16 colours).</summary>
        public const int MaxPaletteEntries = 16;

        /// <summary>
        /// Largest message a board accepts for <paramref name="kind"/> (MessageKind); MaxMessageBytes for kinds this
        /// version does not know, so that an authentic newer message can still be verified and reported.
        /// </summary>
        public static int MaxBytesForKind(int kind)
        {
            switch (kind)
            {
                case MessageKind.Program: return MaxProgramBytes;
                case MessageKind.Alert: return MaxAlertBytes;
                case MessageKind.AlertClear: return MaxAlertClearBytes;
                case MessageKind.Preset: return MaxPresetBytes;
                case MessageKind.LiveFrame: return MaxLiveFrameBytes;
                case MessageKind.Command: return MaxCommandBytes;
                case MessageKind.Status: return MaxStatusBytes;
                case MessageKind.Event: return MaxStatusBytes;
                default: return MaxMessageBytes;
            }
        }
    }
}
