namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// Why a board's tile layout was refused (<see cref="PixelMap.Validate"/>). Checked once at start-up from the
    /// "tiles" of board.json; the board then shows its diagnostics screen instead of driving LEDs it cannot place.
    /// Plain int constants, not an enum: on nanoFramework enum.ToString() prints the number. Codes are stable (they may
    /// be reported in board status), so a number is never reused for another meaning.
    /// </summary>
    public static class PixelMapError
    {
        /// <summary>The layout is valid.</summary>
        public const int None = 0;

        /// <summary>Panel width or height outside 1..<see cref="PanelFrame.MaxSide"/>, or more than <see cref="PixelMap.MaxPixels"/> pixels.</summary>
        public const int BadPanelSize = 1;

        /// <summary>Chain count outside 1..<see cref="PixelMap.MaxChains"/>.</summary>
        public const int BadChainCount = 2;

        /// <summary>The tile list is null or empty.</summary>
        public const int NoTiles = 3;

        /// <summary>A tile entry is null.</summary>
        public const int NullTile = 4;

        /// <summary>A tile's chain is outside 0..chain count - 1.</summary>
        public const int ChainOutOfRange = 5;

        /// <summary>A tile's width or height is outside 1..<see cref="PanelFrame.MaxSide"/>.</summary>
        public const int BadTileSize = 6;

        /// <summary>A tile's first LED is negative, or its last LED is beyond <see cref="PixelMap.MaxLedsPerChain"/> - 1.</summary>
        public const int BadFirstLed = 7;

        /// <summary>A tile's origin is not one of TileLayout.OriginTopLeft .. OriginBottomRight (0..3).</summary>
        public const int BadOrigin = 8;

        /// <summary>A tile's rotation is not 0, 90, 180 or 270.</summary>
        public const int BadRotation = 9;

        /// <summary>A mounted tile reaches outside the panel (after rotation: 90 and 270 swap its width and height).</summary>
        public const int TileOutsidePanel = 10;

        /// <summary>Two tiles on the same chain claim the same LED index.</summary>
        public const int LedRangeOverlap = 11;

        /// <summary>A chain below the chain count has no tile (a configured data line that drives nothing).</summary>
        public const int EmptyChain = 12;

        /// <summary>Highest code defined by this version.</summary>
        public const int MaxCode = 12;

        /// <summary>Short English description of <paramref name="code"/> for logs and the diagnostics screen; "error N" for unknown codes.</summary>
        public static string Describe(int code)
        {
            switch (code)
            {
                case None: return "ok";
                case BadPanelSize: return "panel size out of range";
                case BadChainCount: return "chain count out of range";
                case NoTiles: return "no tiles";
                case NullTile: return "tile missing";
                case ChainOutOfRange: return "chain out of range";
                case BadTileSize: return "tile size out of range";
                case BadFirstLed: return "first LED out of range";
                case BadOrigin: return "origin must be 0..3 (top-left, top-right, bottom-left, bottom-right)";
                case BadRotation: return "rotation must be 0, 90, 180 or 270";
                case TileOutsidePanel: return "tile outside the panel";
                case LedRangeOverlap: return "LED range overlaps another tile on the same chain";
                case EmptyChain: return "chain has no tiles";
                default: return "error " + code.ToString();
            }
        }
    }
}
