using BoardKit.Firmware.Core.Led;

namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// board.json "chains" and "tiles" for <see cref="BoardConfigParser"/>: the LED data lines and the modules on them.
    /// Checks what one tile can be checked against alone or against its chain and the panel: ranges, the chain exists,
    /// its LEDs fit on the chain, the mounted module lies inside the panel. Whether tiles overlap (on the panel or on a
    /// chain) is PixelMap's check, which sees all tiles at once.
    /// </summary>
    internal static class LayoutReader
    {
        private static readonly string[] ChainFields = { "spiBus", "mosiGpio", "clockGpio", "leds" };

        private static readonly string[] TileFields =
        {
            "chain", "firstLed", "x", "y", "width", "height", "origin", "order", "serpentine", "rotation",
        };

        // JSON words for TileLayout.Origin, indexed by its constants (OriginTopLeft = 0 ...).
        private static readonly string[] OriginNames = { "top-left", "top-right", "bottom-left", "bottom-right" };

        // JSON words for TileLayout.ColumnMajor: index 0 = rows (false), 1 = columns (true).
        private static readonly string[] OrderNames = { "rows", "columns" };

        private static readonly int[] Rotations = { 0, 90, 180, 270 };

        /// <summary>"chains": 1..2 objects; distinct SPI buses and data pins, each pin usable (<see cref="Esp32Pins"/>).</summary>
        internal static ChainConfig[] ReadChains(JsonDocument doc, FieldReader fields, int root)
        {
            int array = fields.Array(root, "chains", 1, ChainConfig.MaxChains, true);
            if (array == JsonDocument.NoNode)
            {
                return new ChainConfig[0];
            }

            var chains = new ChainConfig[doc.GetCount(array)];
            int i = 0;
            for (int obj = doc.GetFirstChild(array); obj != JsonDocument.NoNode; obj = doc.GetNext(obj))
            {
                var chain = new ChainConfig();
                chains[i] = chain;
                if (!fields.Expect(obj, JsonKind.Object, "an object") || !fields.OnlyKnown(obj, ChainFields))
                {
                    return chains;
                }

                chain.SpiBus = fields.Int(obj, "spiBus", 1, ChainConfig.MaxChains, 0, true);
                chain.MosiGpio = fields.Int(obj, "mosiGpio", 0, Esp32Pins.MaxGpio, 0, true);
                chain.ClockGpio = fields.Int(obj, "clockGpio", 0, Esp32Pins.MaxGpio, 0, true);
                chain.Leds = fields.Int(obj, "leds", 1, ChainConfig.MaxLeds, 0, true);
                if (fields.Failed)
                {
                    return chains;
                }

                string? problem = Esp32Pins.Problem(chain.MosiGpio);
                if (problem != null)
                {
                    fields.Fail(doc.GetMember(obj, "mosiGpio"), ConfigError.BadPin, problem + "; usable: " + Esp32Pins.UsableList);
                }

                problem = Esp32Pins.Problem(chain.ClockGpio);
                if (problem != null)
                {
                    fields.Fail(doc.GetMember(obj, "clockGpio"), ConfigError.BadPin, problem + "; usable: " + Esp32Pins.UsableList);
                }

                if (chain.ClockGpio == chain.MosiGpio)
                {
                    fields.Fail(doc.GetMember(obj, "clockGpio"), ConfigError.BadPin, "GPIO " + chain.ClockGpio.ToString() + " is already this chain's data line");
                }

                for (int j = 0; j < i; j++)
                {
                    string? mosiClash = PinUse(chains[j], j, chain.MosiGpio);
                    if (mosiClash != null)
                    {
                        fields.Fail(doc.GetMember(obj, "mosiGpio"), ConfigError.BadPin, "GPIO " + chain.MosiGpio.ToString() + " is already " + mosiClash);
                    }

                    string? clockClash = PinUse(chains[j], j, chain.ClockGpio);
                    if (clockClash != null)
                    {
                        fields.Fail(doc.GetMember(obj, "clockGpio"), ConfigError.BadPin, "GPIO " + chain.ClockGpio.ToString() + " is already " + clockClash);
                    }

                    if (chains[j].SpiBus == chain.SpiBus)
                    {
                        fields.Fail(doc.GetMember(obj, "spiBus"), ConfigError.Conflict, "SPI bus " + chain.SpiBus.ToString() + " already drives chains[" + j.ToString() + "]; each chain needs its own bus");
                    }
                }

                i++;
            }

            return chains;
        }

        /// <summary>What <paramref name="gpio"/> already is on chain <paramref name="index"/> ("the data line of chains[0]"), or null.</summary>
        internal static string? PinUse(ChainConfig chain, int index, int gpio)
        {
            if (chain.MosiGpio == gpio)
            {
                return "the data line of chains[" + index.ToString() + "]";
            }

            return chain.ClockGpio == gpio ? "the SPI clock of chains[" + index.ToString() + "]" : null;
        }

        /// <summary>"tiles": 1..64 objects turned into <see cref="TileLayout"/>s, checked against the chains and the panel.</summary>
        internal static TileLayout[] ReadTiles(JsonDocument doc, FieldReader fields, int root, PanelConfig panel, ChainConfig[] chains)
        {
            int array = fields.Array(root, "tiles", 1, BoardConfig.MaxTiles, true);
            if (array == JsonDocument.NoNode || fields.Failed)
            {
                return new TileLayout[0];
            }

            var tiles = new TileLayout[doc.GetCount(array)];
            int i = 0;
            for (int obj = doc.GetFirstChild(array); obj != JsonDocument.NoNode && !fields.Failed; obj = doc.GetNext(obj))
            {
                tiles[i++] = ReadTile(doc, fields, obj, panel, chains);
            }

            return tiles;
        }

        private static TileLayout ReadTile(JsonDocument doc, FieldReader fields, int obj, PanelConfig panel, ChainConfig[] chains)
        {
            var tile = new TileLayout();
            if (!fields.Expect(obj, JsonKind.Object, "an object") || !fields.OnlyKnown(obj, TileFields))
            {
                return tile;
            }

            tile.Chain = fields.Int(obj, "chain", 0, ChainConfig.MaxChains - 1, 0, false);
            tile.FirstLed = fields.Int(obj, "firstLed", 0, ChainConfig.MaxLeds - 1, 0, true);
            tile.X = fields.Int(obj, "x", 0, PanelConfig.MaxWidth - 1, 0, true);
            tile.Y = fields.Int(obj, "y", 0, PanelConfig.MaxHeight - 1, 0, true);
            tile.Width = fields.Int(obj, "width", 1, BoardConfig.MaxTileSide, 1, true);
            tile.Height = fields.Int(obj, "height", 1, BoardConfig.MaxTileSide, 1, true);
            tile.Origin = fields.Choice(obj, "origin", OriginNames, TileLayout.OriginTopLeft, false);
            tile.ColumnMajor = fields.Choice(obj, "order", OrderNames, 0, false) == 1;
            tile.Serpentine = fields.Bool(obj, "serpentine", false, false);
            tile.Rotation = fields.IntChoice(obj, "rotation", Rotations, 0, false);
            if (fields.Failed)
            {
                return tile;
            }

            if (tile.Chain >= chains.Length)
            {
                int node = doc.GetMember(obj, "chain");
                fields.Fail(node == JsonDocument.NoNode ? obj : node, ConfigError.Conflict, "chain " + tile.Chain.ToString() + " does not exist: \"chains\" has "
                    + chains.Length.ToString() + (chains.Length == 1 ? " element (chain 0)" : " elements (chains 0 and 1)"));
                return tile;
            }

            int leds = tile.Width * tile.Height;
            int chainLeds = chains[tile.Chain].Leds;
            if (tile.FirstLed + leds > chainLeds)
            {
                fields.Fail(obj, ConfigError.Conflict, "its " + leds.ToString() + " LEDs (" + tile.Width.ToString() + " x " + tile.Height.ToString() + ") from firstLed "
                    + tile.FirstLed.ToString() + " run past the end of chain " + tile.Chain.ToString() + ", which has " + chainLeds.ToString() + " LEDs");
                return tile;
            }

            bool turned = tile.Rotation == 90 || tile.Rotation == 270;
            int mountedWidth = turned ? tile.Height : tile.Width;
            int mountedHeight = turned ? tile.Width : tile.Height;
            if (tile.X + mountedWidth > panel.Width || tile.Y + mountedHeight > panel.Height)
            {
                fields.Fail(obj, ConfigError.Conflict, "mounted at x " + tile.X.ToString() + ", y " + tile.Y.ToString() + " it covers " + mountedWidth.ToString() + " x "
                    + mountedHeight.ToString() + " pixels" + (turned ? " (turned " + tile.Rotation.ToString() + " degrees)" : string.Empty)
                    + " and runs past the panel's " + panel.Width.ToString() + " x " + panel.Height.ToString());
            }

            return tile;
        }
    }
}
