namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// One LED module (tile) of a board and how it is wired and mounted (docs/protocol.md, "Board behaviour: placing
    /// frames"). A module is <see cref="Width"/> x <see cref="Height"/> LEDs as it lies unrotated, with its first LED
    /// at corner <see cref="Origin"/>, LEDs running along rows or along columns (<see cref="ColumnMajor"/>), every
    /// other row or column reversed when <see cref="Serpentine"/>. It is mounted on the logical panel with its
    /// top-left at (<see cref="X"/>, <see cref="Y"/>) after turning it clockwise by <see cref="Rotation"/> degrees,
    /// and it takes the LEDs <see cref="FirstLed"/> .. FirstLed + Width x Height - 1 of data line <see cref="Chain"/>.
    /// Plain data: PixelMap checks it. Config: "tiles" in board.json.
    /// </summary>
    public sealed class TileLayout
    {
        /// <summary>Origin corner: the module's first LED is at its top-left (as the module lies unrotated).</summary>
        public const int OriginTopLeft = 0;

        /// <summary>Origin corner: top-right.</summary>
        public const int OriginTopRight = 1;

        /// <summary>Origin corner: bottom-left.</summary>
        public const int OriginBottomLeft = 2;

        /// <summary>Origin corner: bottom-right.</summary>
        public const int OriginBottomRight = 3;

        /// <summary>Data line (chain) index, 0 .. chain count - 1.</summary>
        public int Chain { get; set; }

        /// <summary>Index of the module's first LED on its chain (LEDs before it belong to other modules).</summary>
        public int FirstLed { get; set; }

        /// <summary>Panel column of the mounted module's top-left LED.</summary>
        public int X { get; set; }

        /// <summary>Panel row of the mounted module's top-left LED.</summary>
        public int Y { get; set; }

        /// <summary>Module width in LEDs as it lies unrotated (1..512).</summary>
        public int Width { get; set; }

        /// <summary>Module height in LEDs as it lies unrotated (1..512).</summary>
        public int Height { get; set; }

        /// <summary>Corner of the first LED, unrotated: OriginTopLeft .. OriginBottomRight.</summary>
        public int Origin { get; set; }

        /// <summary>True when consecutive LEDs run down a column first (typical of 8x32 flexible modules); false for rows.</summary>
        public bool ColumnMajor { get; set; }

        /// <summary>True when every other row (or column) runs back the other way (zig-zag wiring).</summary>
        public bool Serpentine { get; set; }

        /// <summary>Clockwise rotation when mounted, degrees: 0, 90, 180 or 270. At 90 and 270 the module covers Height x Width panel pixels.</summary>
        public int Rotation { get; set; }
    }
}
