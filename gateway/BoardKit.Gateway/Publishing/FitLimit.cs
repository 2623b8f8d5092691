namespace BoardKit.Gateway.Publishing
{
    /// <summary>Which rule a bulletin breaks (docs/rendering.md, "Fit check"; the wire limits are docs/protocol.md §9).</summary>
    public enum FitLimit
    {
        /// <summary>The text is larger than the gateway accepts at all (<see cref="InputBounds.MaxTextBytes"/>); refused before any work.</summary>
        InputSize = 0,

        /// <summary>A character no font of the board's font set can draw.</summary>
        Coverage = 1,

        /// <summary>The text does not fit the panel as laid out (too tall, a character cut off, too wide for static, too many colours).</summary>
        PanelLayout = 2,

        /// <summary>A play setting out of its wire range (scroll speed, blink period, schedule, validity, UTC offset).</summary>
        Settings = 3,

        /// <summary>More items than a program holds (16), or none.</summary>
        ItemsPerProgram = 4,

        /// <summary>More pages than an item holds (16), a static or scroll item with other than one frame, or a scroll
        /// beside a still picture with other than two.</summary>
        FramesPerItem = 5,

        /// <summary>A scroll strip wider than 4,096 px.</summary>
        StripWidth = 6,

        /// <summary>A static or page frame wider than 512 px, or a still picture beside a scroll strip wider than 504 px.</summary>
        FrameWidth = 7,

        /// <summary>A frame taller than 64 px.</summary>
        FrameHeight = 8,

        /// <summary>A frame whose palette does not match its pixels or format (a frame of more than 16 colours is sent as
        /// Rgb888 and meets <see cref="RawFrameBytes"/> instead).</summary>
        Palette = 9,

        /// <summary>A frame larger than the board's 16,384-byte frame buffer once unpacked (an Rgb888 picture above 5,461
        /// LEDs, e.g. 128x64, must use 16 colours or fewer), or a still picture and its scroll strip larger together.</summary>
        RawFrameBytes = 10,

        /// <summary>A signed program larger than 16,384 bytes (an alert larger than 8,192), after compression.</summary>
        MessageBytes = 11,
    }
}
