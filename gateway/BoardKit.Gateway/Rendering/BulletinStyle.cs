using System;

namespace BoardKit.Gateway.Rendering
{
    /// <summary>
    /// Colours and effects of one <see cref="BulletinLevel"/>. The renderer draws the border and marker into the frames;
    /// blinking is done by the board, which receives <see cref="BlinkPeriodMs"/> with the frames.
    /// </summary>
    public sealed class BulletinStyle
    {
        /// <summary>Amber as LED boards show it (about 600 nm), 0xRRGGBB.</summary>
        public const uint Amber = 0xFFA000;

        /// <summary>Yellow, 0xRRGGBB.</summary>
        public const uint Yellow = 0xFFFF00;

        /// <summary>Red, 0xRRGGBB.</summary>
        public const uint Red = 0xFF0000;

        /// <summary>Width of the priority marker bar in pixels.</summary>
        public const int MarkerWidth = 2;

        /// <summary>Blank columns between the marker bar and the text, in pixels.</summary>
        public const int MarkerGap = 1;

        /// <summary>Emergency blink period in milliseconds: 500 ms on, 500 ms off, about once a second, which
        /// draws the eye without being hard to read (and stays well below the 3 flashes/s photosensitivity limit).</summary>
        public const int EmergencyBlinkPeriodMs = 1000;

        /// <summary>Colour of text that has no colour of its own, 0xRRGGBB (not 0x000000: that is "LED off").</summary>
        public required uint TextColor { get; init; }

        /// <summary>Colour of a 1-px frame around the panel, or null for none. The border takes 1 px on each side.</summary>
        public uint? BorderColor { get; init; }

        /// <summary>Colour of a <see cref="MarkerWidth"/>-px bar left of the text, or null for none.</summary>
        public uint? MarkerColor { get; init; }

        /// <summary>Blink period for the board in milliseconds (half on, half off); 0 = steady.</summary>
        public int BlinkPeriodMs { get; init; }

        /// <summary>True when the board should blink the bulletin.</summary>
        public bool Blink => BlinkPeriodMs > 0;

        /// <summary>Normal: amber text, steady.</summary>
        public static BulletinStyle Normal { get; } = new() { TextColor = Amber };

        /// <summary>Priority: yellow text with a yellow marker bar, steady.</summary>
        public static BulletinStyle Priority { get; } = new() { TextColor = Yellow, MarkerColor = Yellow };

        /// <summary>Emergency: red text, 1-px red border, blinking once a second.</summary>
        public static BulletinStyle Emergency { get; } =
            new() { TextColor = Red, BorderColor = Red, BlinkPeriodMs = EmergencyBlinkPeriodMs };

        /// <summary>The default style of <paramref name="level"/>.</summary>
        public static BulletinStyle For(BulletinLevel level) => level switch
        {
            BulletinLevel.Normal => Normal,
            BulletinLevel.Priority => Priority,
            BulletinLevel.Emergency => Emergency,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown bulletin level."),
        };
    }
}
