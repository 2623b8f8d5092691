namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// Which logical panel pixel every LED of every chain shows, built once at start-up from the board's tiles
    /// (<see cref="TileLayout"/>) and read for every frame by <c>LedOutput</c> (and by the simulator to turn a
    /// chain's bytes back into a picture).
    /// <para>
    /// Placing LED k (0 ≤ k &lt; W x H) of a tile with unrotated width W and height H, origin O, rotation R, mounted at
    /// (X, Y) on a panel PW pixels wide (all integer arithmetic, / truncates):
    /// </para>
    /// <list type="number">
    /// <item>Along the lines: rows (ColumnMajor false): line = k / W, pos = k % W, and when Serpentine and line is odd,
    /// pos = W - 1 - pos; then (u, v) = (pos, line). Columns (ColumnMajor true): line = k / H, pos = k % H, and when
    /// Serpentine and line is odd, pos = H - 1 - pos; then (u, v) = (line, pos).</item>
    /// <item>From the origin corner: mx = u when O is top-left or bottom-left, else W - 1 - u; my = v when O is top-left
    /// or top-right, else H - 1 - v. (mx, my) is the LED's place on the unrotated module, (0, 0) top-left.</item>
    /// <item>Turned clockwise by R into the mounted footprint: R = 0: (px, py) = (mx, my); R = 90: (H - 1 - my, mx);
    /// R = 180: (W - 1 - mx, H - 1 - my); R = 270: (my, W - 1 - mx). The footprint is W wide and H high at 0 and 180,
    /// H wide and W high at 90 and 270.</item>
    /// <item>On the panel: x = X + px, y = Y + py; logical pixel index = y x PW + x (PanelFrame byte offset 3 x index).</item>
    /// <item>The LED's index on its chain is FirstLed + k.</item>
    /// </list>
    /// <para>
    /// Rules. A chain has max(FirstLed + W x H) LEDs over its tiles. LED indices on a chain that no tile covers (gaps)
    /// are allowed and are always sent dark (0, 0, 0): a board may have a sacrificial first LED used as a level
    /// shifter, or an unused stretch of strip; <see cref="DarkLedCount"/> reports them so the installer tool can warn.
    /// Several LEDs may show the same logical pixel (two faces of a double-sided board: face B's tiles at the same X/Y
    /// on another chain, or later on the same chain). Logical pixels that no LED shows are allowed (a panel wider than
    /// the modules mounted, or a hole in the board); they are simply never sent. Refused at start-up (see
    /// <see cref="PixelMapError"/>): bad panel size or chain count, no tiles, a tile on a chain that does not exist,
    /// bad tile size, origin or rotation, a tile reaching outside the panel, two tiles on one chain sharing an LED index,
    /// a chain with no tiles.
    /// </para>
    /// <para>
    /// Memory: one ushort per LED (2 bytes: 2 KB for a 64 x 16 board's 1024 LEDs, half of an int[] table). A ushort
    /// holds the pixel index because a panel has at most <see cref="MaxPixels"/> pixels (checked), and the value
    /// 0xFFFF (<see cref="DarkLed"/>) marks an LED no tile covers. The pixel index, not its byte offset, is stored
    /// (3 x index would not fit 16 bits for panels above 21845 pixels); the reader multiplies by 3.
    /// </para>
    /// </summary>
    public sealed class PixelMap
    {
        /// <summary>Table value of an LED that no tile covers (always sent dark). Above every valid pixel index.</summary>
        public const int DarkLed = 0xFFFF;

        /// <summary>Most logical pixels a panel may have: every pixel index must fit a ushort below <see cref="DarkLed"/>.</summary>
        public const int MaxPixels = 0xFFFF;

        /// <summary>
        /// Most data lines (chains) a board may configure. A sanity bound for the configuration (an ESP32 has 8 RMT
        /// transmit channels and 2 usable SPI hosts; the device glue limits further).
        /// </summary>
        public const int MaxChains = 8;

        /// <summary>
        /// Most LEDs on one chain, so an LED index fits 16 bits like the pixel index. Far above what one data line can
        /// refresh (30 µs per LED at 800 kbit/s: 65535 LEDs take ~2 s) or an ESP32 can buffer (9 SPI bytes per LED).
        /// </summary>
        public const int MaxLedsPerChain = 0xFFFF;

        private readonly ushort[][] _tables;
        private readonly int[] _darkCounts;

        /// <summary>
        /// Builds the map for a <paramref name="panelWidth"/> x <paramref name="panelHeight"/> panel driven by
        /// <paramref name="chainCount"/> chains. Reads <paramref name="tiles"/> once; later changes to them do not
        /// affect the map. Allocates one ushort[] per chain (2 bytes per LED).
        /// </summary>
        /// <exception cref="System.ArgumentException">The layout is invalid: the message names the
        /// <see cref="PixelMapError"/> and the tile (or chain) at fault.</exception>
        public PixelMap(TileLayout[] tiles, int panelWidth, int panelHeight, int chainCount)
        {
            int error = Validate(tiles, panelWidth, panelHeight, chainCount, out int where);
            if (error != PixelMapError.None)
            {
                throw new System.ArgumentException(Describe(error, where));
            }

            PanelWidth = panelWidth;
            PanelHeight = panelHeight;
            _tables = new ushort[chainCount][];
            _darkCounts = new int[chainCount];
            for (int c = 0; c < chainCount; c++)
            {
                int count = 0;
                for (int i = 0; i < tiles.Length; i++)
                {
                    TileLayout t = tiles[i];
                    int end = t.FirstLed + (t.Width * t.Height);
                    if (t.Chain == c && end > count)
                    {
                        count = end;
                    }
                }

                ushort[] table = new ushort[count];
                for (int led = 0; led < count; led++)
                {
                    table[led] = DarkLed;
                }

                for (int i = 0; i < tiles.Length; i++)
                {
                    TileLayout t = tiles[i];
                    if (t.Chain != c)
                    {
                        continue;
                    }

                    int n = t.Width * t.Height;
                    for (int k = 0; k < n; k++)
                    {
                        PlaceLed(t, k, out int x, out int y);
                        table[t.FirstLed + k] = (ushort)((y * panelWidth) + x);
                    }
                }

                int dark = 0;
                for (int led = 0; led < count; led++)
                {
                    if (table[led] == DarkLed)
                    {
                        dark++;
                    }
                }

                _tables[c] = table;
                _darkCounts[c] = dark;
                TotalLedCount += count;
            }
        }

        /// <summary>Panel width in pixels, as given.</summary>
        public int PanelWidth { get; private set; }

        /// <summary>Panel height in pixels, as given.</summary>
        public int PanelHeight { get; private set; }

        /// <summary>Number of chains (data lines), 1..<see cref="MaxChains"/>.</summary>
        public int ChainCount
        {
            get { return _tables.Length; }
        }

        /// <summary>LEDs on all chains together, dark gap LEDs included (each draws idle current).</summary>
        public int TotalLedCount { get; private set; }

        /// <summary>LEDs on <paramref name="chain"/> (0..ChainCount - 1): the highest FirstLed + Width x Height of its tiles.</summary>
        public int LedCount(int chain)
        {
            return _tables[chain].Length;
        }

        /// <summary>LEDs on <paramref name="chain"/> that no tile covers (sent dark).</summary>
        public int DarkLedCount(int chain)
        {
            return _darkCounts[chain];
        }

        /// <summary>
        /// The table of <paramref name="chain"/>: entry i is the logical pixel index (y x PanelWidth + x) LED i shows,
        /// or <see cref="DarkLed"/>. Owned by the map and shared, not copied: read it, never write it.
        /// </summary>
        public ushort[] Table(int chain)
        {
            return _tables[chain];
        }

        /// <summary>
        /// The logical pixel index (y x PanelWidth + x) that LED <paramref name="led"/> of <paramref name="chain"/>
        /// shows, or -1 for a dark gap LED or an LED or chain that does not exist. The simulator uses it to draw the
        /// picture a chain's decoded bytes make.
        /// </summary>
        public int PixelOf(int chain, int led)
        {
            if (chain < 0 || chain >= _tables.Length || led < 0 || led >= _tables[chain].Length)
            {
                return -1;
            }

            int p = _tables[chain][led];
            return p == DarkLed ? -1 : p;
        }

        /// <summary>Width in panel pixels the tile covers once mounted: Height at rotation 90 or 270, else Width.</summary>
        public static int MountedWidth(TileLayout tile)
        {
            return tile.Rotation == 90 || tile.Rotation == 270 ? tile.Height : tile.Width;
        }

        /// <summary>Height in panel pixels the tile covers once mounted: Width at rotation 90 or 270, else Height.</summary>
        public static int MountedHeight(TileLayout tile)
        {
            return tile.Rotation == 90 || tile.Rotation == 270 ? tile.Width : tile.Height;
        }

        /// <summary>
        /// Panel position (<paramref name="x"/>, <paramref name="y"/>) of the tile's module-local LED
        /// <paramref name="k"/> (0 .. Width x Height - 1, i.e. chain LED FirstLed + k), by the formulas in the class
        /// summary. Meaningful for a tile <see cref="Validate"/> accepts; for any other input it returns some position
        /// without throwing ((-1, -1) for a width or height below 1).
        /// </summary>
        public static void PlaceLed(TileLayout tile, int k, out int x, out int y)
        {
            int w = tile.Width;
            int h = tile.Height;
            if (w < 1 || h < 1)
            {
                x = -1;
                y = -1;
                return;
            }

            int u;
            int v;
            if (tile.ColumnMajor)
            {
                int line = k / h;
                int pos = k % h;
                if (tile.Serpentine && (line & 1) == 1)
                {
                    pos = h - 1 - pos;
                }

                u = line;
                v = pos;
            }
            else
            {
                int line = k / w;
                int pos = k % w;
                if (tile.Serpentine && (line & 1) == 1)
                {
                    pos = w - 1 - pos;
                }

                u = pos;
                v = line;
            }

            int origin = tile.Origin;
            int mx = origin == TileLayout.OriginTopRight || origin == TileLayout.OriginBottomRight ? w - 1 - u : u;
            int my = origin == TileLayout.OriginBottomLeft || origin == TileLayout.OriginBottomRight ? h - 1 - v : v;

            int px;
            int py;
            switch (tile.Rotation)
            {
                case 90:
                    px = h - 1 - my;
                    py = mx;
                    break;
                case 180:
                    px = w - 1 - mx;
                    py = h - 1 - my;
                    break;
                case 270:
                    px = my;
                    py = w - 1 - mx;
                    break;
                default:
                    px = mx;
                    py = my;
                    break;
            }

            x = tile.X + px;
            y = tile.Y + py;
        }

        /// <summary>
        /// Checks a layout without building it. Returns a <see cref="PixelMapError"/> code (None when valid) and in
        /// <paramref name="where"/> the index of the first offending tile (for LedRangeOverlap the later of the two),
        /// the chain for EmptyChain, or -1 when the fault is not a tile's. Checks run in the order of the
        /// PixelMapError codes, tile by tile. Allocates nothing; never throws.
        /// </summary>
        public static int Validate(TileLayout[] tiles, int panelWidth, int panelHeight, int chainCount, out int where)
        {
            where = -1;
            if (panelWidth < 1 || panelWidth > PanelFrame.MaxSide || panelHeight < 1 || panelHeight > PanelFrame.MaxSide
                || panelWidth * panelHeight > MaxPixels)
            {
                return PixelMapError.BadPanelSize;
            }

            if (chainCount < 1 || chainCount > MaxChains)
            {
                return PixelMapError.BadChainCount;
            }

            if (tiles == null || tiles.Length == 0)
            {
                return PixelMapError.NoTiles;
            }

            for (int i = 0; i < tiles.Length; i++)
            {
                where = i;
                int error = CheckTile(tiles[i], panelWidth, panelHeight, chainCount);
                if (error != PixelMapError.None)
                {
                    return error;
                }

                for (int j = 0; j < i; j++)
                {
                    if (Overlap(tiles[i], tiles[j]))
                    {
                        return PixelMapError.LedRangeOverlap;
                    }
                }
            }

            for (int c = 0; c < chainCount; c++)
            {
                bool used = false;
                for (int i = 0; i < tiles.Length && !used; i++)
                {
                    used = tiles[i].Chain == c;
                }

                if (!used)
                {
                    where = c;
                    return PixelMapError.EmptyChain;
                }
            }

            where = -1;
            return PixelMapError.None;
        }

        /// <summary>
        /// Message for a refused layout, e.g. "tile layout: rotation must be 0, 90, 180 or 270 (tile 3)", built from
        /// <see cref="Validate"/>'s code and where. Allocates a string: for start-up and diagnostics only.
        /// </summary>
        public static string Describe(int error, int where)
        {
            string text = "tile layout: " + PixelMapError.Describe(error);
            if (where < 0 || error == PixelMapError.None)
            {
                return text;
            }

            return text + (error == PixelMapError.EmptyChain ? " (chain " : " (tile ") + where.ToString() + ")";
        }

        private static int CheckTile(TileLayout t, int panelWidth, int panelHeight, int chainCount)
        {
            if (t == null)
            {
                return PixelMapError.NullTile;
            }

            if (t.Chain < 0 || t.Chain >= chainCount)
            {
                return PixelMapError.ChainOutOfRange;
            }

            if (t.Width < 1 || t.Width > PanelFrame.MaxSide || t.Height < 1 || t.Height > PanelFrame.MaxSide)
            {
                return PixelMapError.BadTileSize;
            }

            // Both terms are bounded (FirstLed checked first, W x H ≤ 512 x 512), so the sum cannot overflow.
            if (t.FirstLed < 0 || t.FirstLed > MaxLedsPerChain || t.FirstLed + (t.Width * t.Height) > MaxLedsPerChain)
            {
                return PixelMapError.BadFirstLed;
            }

            if (t.Origin < TileLayout.OriginTopLeft || t.Origin > TileLayout.OriginBottomRight)
            {
                return PixelMapError.BadOrigin;
            }

            if (t.Rotation != 0 && t.Rotation != 90 && t.Rotation != 180 && t.Rotation != 270)
            {
                return PixelMapError.BadRotation;
            }

            // X and Y are compared one at a time so a huge X cannot overflow X + width.
            if (t.X < 0 || t.Y < 0 || t.X > panelWidth - MountedWidth(t) || t.Y > panelHeight - MountedHeight(t))
            {
                return PixelMapError.TileOutsidePanel;
            }

            return PixelMapError.None;
        }

        private static bool Overlap(TileLayout a, TileLayout b)
        {
            if (a.Chain != b.Chain)
            {
                return false;
            }

            int aEnd = a.FirstLed + (a.Width * a.Height);
            int bEnd = b.FirstLed + (b.Width * b.Height);
            return a.FirstLed < bEnd && b.FirstLed < aEnd;
        }
    }
}
