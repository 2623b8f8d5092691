using System;
using BoardKit.Firmware.Core.Led;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Led
{
    [TestClass]
    public sealed class PixelMapTests
    {
        private const int TL = TileLayout.OriginTopLeft;
        private const int TR = TileLayout.OriginTopRight;
        private const int BL = TileLayout.OriginBottomLeft;
        private const int BR = TileLayout.OriginBottomRight;

        internal static TileLayout Tile(int width, int height, int origin = TL, bool columnMajor = false, bool serpentine = false,
            int rotation = 0, int x = 0, int y = 0, int chain = 0, int firstLed = 0)
        {
            return new TileLayout
            {
                Width = width,
                Height = height,
                Origin = origin,
                ColumnMajor = columnMajor,
                Serpentine = serpentine,
                Rotation = rotation,
                X = x,
                Y = y,
                Chain = chain,
                FirstLed = firstLed,
            };
        }

        /// <summary>
        /// grid: the chain LED index shown at each panel pixel, row-major, as drawn by hand (-1: no LED). Checks every
        /// LED of the chain shows exactly the pixel the grid puts it at, and that the chain has no other LEDs.
        /// </summary>
        private static void AssertGrid(PixelMap map, int chain, int[] grid)
        {
            int leds = 0;
            for (int pixel = 0; pixel < grid.Length; pixel++)
            {
                if (grid[pixel] >= 0)
                {
                    leds++;
                    Assert.AreEqual(pixel, map.PixelOf(chain, grid[pixel]), $"LED {grid[pixel]}");
                }
            }

            Assert.AreEqual(leds, map.LedCount(chain));
        }

        private static PixelMap Single(TileLayout tile, int panelWidth, int panelHeight)
        {
            return new PixelMap(new[] { tile }, panelWidth, panelHeight, 1);
        }

        // A 4 x 3 module (4 wide, 3 high, unrotated) in all 16 wirings. Each grid is the module as seen from the
        // front, LED numbers written where they sit.

        [TestMethod]
        public void PixelOf_RowsFromTopLeft_FollowRows()
        {
            AssertGrid(Single(Tile(4, 3, TL), 4, 3), 0, new[]
            {
                0, 1, 2, 3,
                4, 5, 6, 7,
                8, 9, 10, 11,
            });
        }

        [TestMethod]
        public void PixelOf_SerpentineRowsFromTopLeft_ReverseOddRows()
        {
            AssertGrid(Single(Tile(4, 3, TL, serpentine: true), 4, 3), 0, new[]
            {
                0, 1, 2, 3,
                7, 6, 5, 4,
                8, 9, 10, 11,
            });
        }

        [TestMethod]
        public void PixelOf_RowsFromTopRight_RunRightToLeft()
        {
            AssertGrid(Single(Tile(4, 3, TR), 4, 3), 0, new[]
            {
                3, 2, 1, 0,
                7, 6, 5, 4,
                11, 10, 9, 8,
            });
        }

        [TestMethod]
        public void PixelOf_SerpentineRowsFromTopRight_ReverseOddRows()
        {
            AssertGrid(Single(Tile(4, 3, TR, serpentine: true), 4, 3), 0, new[]
            {
                3, 2, 1, 0,
                4, 5, 6, 7,
                11, 10, 9, 8,
            });
        }

        [TestMethod]
        public void PixelOf_RowsFromBottomLeft_RunUpwards()
        {
            AssertGrid(Single(Tile(4, 3, BL), 4, 3), 0, new[]
            {
                8, 9, 10, 11,
                4, 5, 6, 7,
                0, 1, 2, 3,
            });
        }

        [TestMethod]
        public void PixelOf_SerpentineRowsFromBottomLeft_ReverseOddRows()
        {
            AssertGrid(Single(Tile(4, 3, BL, serpentine: true), 4, 3), 0, new[]
            {
                8, 9, 10, 11,
                7, 6, 5, 4,
                0, 1, 2, 3,
            });
        }

        [TestMethod]
        public void PixelOf_RowsFromBottomRight_RunRightToLeftUpwards()
        {
            AssertGrid(Single(Tile(4, 3, BR), 4, 3), 0, new[]
            {
                11, 10, 9, 8,
                7, 6, 5, 4,
                3, 2, 1, 0,
            });
        }

        [TestMethod]
        public void PixelOf_SerpentineRowsFromBottomRight_ReverseOddRows()
        {
            AssertGrid(Single(Tile(4, 3, BR, serpentine: true), 4, 3), 0, new[]
            {
                11, 10, 9, 8,
                4, 5, 6, 7,
                3, 2, 1, 0,
            });
        }

        [TestMethod]
        public void PixelOf_ColumnsFromTopLeft_FollowColumns()
        {
            AssertGrid(Single(Tile(4, 3, TL, columnMajor: true), 4, 3), 0, new[]
            {
                0, 3, 6, 9,
                1, 4, 7, 10,
                2, 5, 8, 11,
            });
        }

        [TestMethod]
        public void PixelOf_SerpentineColumnsFromTopLeft_ReverseOddColumns()
        {
            AssertGrid(Single(Tile(4, 3, TL, columnMajor: true, serpentine: true), 4, 3), 0, new[]
            {
                0, 5, 6, 11,
                1, 4, 7, 10,
                2, 3, 8, 9,
            });
        }

        [TestMethod]
        public void PixelOf_ColumnsFromTopRight_StartAtRightColumn()
        {
            AssertGrid(Single(Tile(4, 3, TR, columnMajor: true), 4, 3), 0, new[]
            {
                9, 6, 3, 0,
                10, 7, 4, 1,
                11, 8, 5, 2,
            });
        }

        [TestMethod]
        public void PixelOf_SerpentineColumnsFromTopRight_ReverseOddColumns()
        {
            AssertGrid(Single(Tile(4, 3, TR, columnMajor: true, serpentine: true), 4, 3), 0, new[]
            {
                11, 6, 5, 0,
                10, 7, 4, 1,
                9, 8, 3, 2,
            });
        }

        [TestMethod]
        public void PixelOf_ColumnsFromBottomLeft_RunUpwards()
        {
            AssertGrid(Single(Tile(4, 3, BL, columnMajor: true), 4, 3), 0, new[]
            {
                2, 5, 8, 11,
                1, 4, 7, 10,
                0, 3, 6, 9,
            });
        }

        [TestMethod]
        public void PixelOf_SerpentineColumnsFromBottomLeft_ReverseOddColumns()
        {
            AssertGrid(Single(Tile(4, 3, BL, columnMajor: true, serpentine: true), 4, 3), 0, new[]
            {
                2, 3, 8, 9,
                1, 4, 7, 10,
                0, 5, 6, 11,
            });
        }

        [TestMethod]
        public void PixelOf_ColumnsFromBottomRight_StartAtRightColumnUpwards()
        {
            AssertGrid(Single(Tile(4, 3, BR, columnMajor: true), 4, 3), 0, new[]
            {
                11, 8, 5, 2,
                10, 7, 4, 1,
                9, 6, 3, 0,
            });
        }

        [TestMethod]
        public void PixelOf_SerpentineColumnsFromBottomRight_ReverseOddColumns()
        {
            AssertGrid(Single(Tile(4, 3, BR, columnMajor: true, serpentine: true), 4, 3), 0, new[]
            {
                9, 8, 3, 2,
                10, 7, 4, 1,
                11, 6, 5, 0,
            });
        }

        // Rotations of the same 4 x 3 module (rows from top-left, as in PixelOf_RowsFromTopLeft_FollowRows): the
        // unrotated picture turned clockwise.

        [TestMethod]
        public void PixelOf_Rotated90_TurnsClockwiseIntoThreeByFour()
        {
            AssertGrid(Single(Tile(4, 3, rotation: 90), 3, 4), 0, new[]
            {
                8, 4, 0,
                9, 5, 1,
                10, 6, 2,
                11, 7, 3,
            });
        }

        [TestMethod]
        public void PixelOf_Rotated180_TurnsUpsideDown()
        {
            AssertGrid(Single(Tile(4, 3, rotation: 180), 4, 3), 0, new[]
            {
                11, 10, 9, 8,
                7, 6, 5, 4,
                3, 2, 1, 0,
            });
        }

        [TestMethod]
        public void PixelOf_Rotated270_TurnsCounterclockwiseIntoThreeByFour()
        {
            AssertGrid(Single(Tile(4, 3, rotation: 270), 3, 4), 0, new[]
            {
                3, 7, 11,
                2, 6, 10,
                1, 5, 9,
                0, 4, 8,
            });
        }

        [TestMethod]
        public void PixelOf_Rotated90SerpentineColumnsAtOffset_LandsInsideLargerPanel()
        {
            // Serpentine columns from top-left (PixelOf_SerpentineColumnsFromTopLeft_ReverseOddColumns), turned 90°
            // clockwise, mounted at (2, 1) on a 6 x 5 panel; the rest of the panel has no LED.
            AssertGrid(Single(Tile(4, 3, TL, columnMajor: true, serpentine: true, rotation: 90, x: 2, y: 1), 6, 5), 0, new[]
            {
                -1, -1, -1, -1, -1, -1,
                -1, -1, 2, 1, 0, -1,
                -1, -1, 3, 4, 5, -1,
                -1, -1, 8, 7, 6, -1,
                -1, -1, 9, 10, 11, -1,
            });
        }

        [TestMethod]
        public void PlaceLed_EveryRotation_MatchesTheClassSummaryFormulas()
        {
            // LED 1 of a 4 x 3 rows-from-top-left module sits at (mx, my) = (1, 0) unrotated, W = 4, H = 3.
            var cases = new[]
            {
                (rotation: 0, x: 1, y: 0),   // (mx, my)
                (rotation: 90, x: 2, y: 1),  // (H - 1 - my, mx)
                (rotation: 180, x: 2, y: 2), // (W - 1 - mx, H - 1 - my)
                (rotation: 270, x: 0, y: 2), // (my, W - 1 - mx)
            };
            foreach (var c in cases)
            {
                PixelMap.PlaceLed(Tile(4, 3, rotation: c.rotation, x: 10, y: 20), 1, out int x, out int y);
                Assert.AreEqual((10 + c.x, 20 + c.y), (x, y), $"rotation {c.rotation}");
            }
        }

        // The common 8 x 32 flexible WS2812B module, mounted lying down: 32 wide, 8 high, wired down the first
        // column from the top-left, up the second, and so on (column-major serpentine from top-left).

        private static TileLayout Flex8x32(int x, int y, int firstLed, int chain = 0, int rotation = 0)
        {
            return Tile(32, 8, TL, columnMajor: true, serpentine: true, rotation: rotation, x: x, y: y, chain: chain, firstLed: firstLed);
        }

        private static (int X, int Y) At(PixelMap map, int chain, int led)
        {
            int p = map.PixelOf(chain, led);
            return (p % map.PanelWidth, p / map.PanelWidth);
        }

        [TestMethod]
        public void PixelOf_Flex8x32ChainedTwiceInto64x8_SnakesThroughColumns()
        {
            var map = new PixelMap(new[] { Flex8x32(0, 0, 0), Flex8x32(32, 0, 256) }, 64, 8, 1);

            Assert.AreEqual(512, map.LedCount(0));
            Assert.AreEqual(0, map.DarkLedCount(0));
            var expected = new (int Led, int X, int Y)[]
            {
                (0, 0, 0), (1, 0, 1), (7, 0, 7),        // down column 0
                (8, 1, 7), (9, 1, 6), (15, 1, 0),       // up column 1
                (16, 2, 0), (23, 2, 7),                 // down column 2
                (248, 31, 7), (255, 31, 0),             // column 31 (odd: upwards) ends top-right of module 1
                (256, 32, 0), (263, 32, 7),             // module 2 starts at its top-left
                (264, 33, 7), (271, 33, 0),
                (504, 63, 7), (511, 63, 0),             // last LED: top-right corner of the board
            };
            foreach (var e in expected)
            {
                Assert.AreEqual((e.X, e.Y), At(map, 0, e.Led), $"LED {e.Led}");
            }

            AssertEveryPixelOnce(map, 0);
        }

        [TestMethod]
        public void PixelOf_Flex8x32FourTimesInto64x16_FillsTwoRowsOfTwo()
        {
            // Top row left to right, then the data wire comes back to the bottom row's left module.
            var tiles = new[] { Flex8x32(0, 0, 0), Flex8x32(32, 0, 256), Flex8x32(0, 8, 512), Flex8x32(32, 8, 768) };
            var map = new PixelMap(tiles, 64, 16, 1);

            Assert.AreEqual(1024, map.LedCount(0));
            var expected = new (int Led, int X, int Y)[]
            {
                (0, 0, 0), (7, 0, 7), (8, 1, 7), (255, 31, 0),
                (256, 32, 0), (511, 63, 0),
                (512, 0, 8), (519, 0, 15), (520, 1, 15), (527, 1, 8), (767, 31, 8),
                (768, 32, 8), (775, 32, 15), (1016, 63, 15), (1023, 63, 8),
            };
            foreach (var e in expected)
            {
                Assert.AreEqual((e.X, e.Y), At(map, 0, e.Led), $"LED {e.Led}");
            }

            AssertEveryPixelOnce(map, 0);
        }

        [TestMethod]
        public void PixelOf_Flex8x32BottomRowTurned180_SnakesBackRightToLeft()
        {
            // A shorter data wire: the bottom row's modules are turned 180° and chained right to left, so LED 512 is
            // the bottom-right corner (module turned: its top-left origin is now bottom-right).
            var tiles = new[] { Flex8x32(0, 0, 0), Flex8x32(32, 0, 256), Flex8x32(32, 8, 512, rotation: 180), Flex8x32(0, 8, 768, rotation: 180) };
            var map = new PixelMap(tiles, 64, 16, 1);

            var expected = new (int Led, int X, int Y)[]
            {
                (511, 63, 0),
                (512, 63, 15), (519, 63, 8), (520, 62, 8), (527, 62, 15), (767, 32, 15),
                (768, 31, 15), (1023, 0, 15),
            };
            foreach (var e in expected)
            {
                Assert.AreEqual((e.X, e.Y), At(map, 0, e.Led), $"LED {e.Led}");
            }

            AssertEveryPixelOnce(map, 0);
        }

        [TestMethod]
        public void PixelOf_16x16SerpentineRows_ZigZagsFromTopLeft()
        {
            var map = Single(Tile(16, 16, TL, serpentine: true), 16, 16);

            var expected = new (int Led, int X, int Y)[]
            {
                (0, 0, 0), (15, 15, 0), (16, 15, 1), (31, 0, 1), (32, 0, 2), (47, 15, 2),
                (240, 15, 15), (255, 0, 15),
            };
            foreach (var e in expected)
            {
                Assert.AreEqual((e.X, e.Y), At(map, 0, e.Led), $"LED {e.Led}");
            }

            AssertEveryPixelOnce(map, 0);
        }

        [TestMethod]
        public void PixelOf_TwoFacesOnTwoChains_ShowTheSamePixels()
        {
            var tiles = new[]
            {
                Flex8x32(0, 0, 0, chain: 0), Flex8x32(32, 0, 256, chain: 0),
                Flex8x32(0, 0, 0, chain: 1), Flex8x32(32, 0, 256, chain: 1),
            };
            var map = new PixelMap(tiles, 64, 8, 2);

            Assert.AreEqual(1024, map.TotalLedCount);
            for (int led = 0; led < 512; led++)
            {
                Assert.AreEqual(map.PixelOf(0, led), map.PixelOf(1, led));
            }

            Assert.AreEqual((33, 7), At(map, 1, 264));
        }

        [TestMethod]
        public void PixelOf_SecondFaceLaterOnSameChain_RepeatsFirstFace()
        {
            // Face A: one 4 x 3 module, LEDs 0..11; face B: the same picture on LEDs 12..23 (its module turned 180°
            // and wired from the bottom-right, which comes out identical).
            var map = new PixelMap(new[] { Tile(4, 3), Tile(4, 3, BR, rotation: 180, firstLed: 12) }, 4, 3, 1);

            Assert.AreEqual(24, map.LedCount(0));
            for (int led = 0; led < 12; led++)
            {
                Assert.AreEqual(led, map.PixelOf(0, led));
                Assert.AreEqual(led, map.PixelOf(0, 12 + led));
            }
        }

        [TestMethod]
        public void PixelOf_GapBetweenTiles_IsDarkAndCounted()
        {
            // A sacrificial first LED (index 0) and a 2-LED gap between two 2 x 1 modules.
            var map = new PixelMap(new[] { Tile(2, 1, firstLed: 1), Tile(2, 1, x: 2, firstLed: 5) }, 4, 1, 1);

            Assert.AreEqual(7, map.LedCount(0));
            Assert.AreEqual(3, map.DarkLedCount(0));
            int[] expected = { -1, 0, 1, -1, -1, 2, 3 };
            for (int led = 0; led < expected.Length; led++)
            {
                Assert.AreEqual(expected[led], map.PixelOf(0, led), $"LED {led}");
            }

            Assert.AreEqual(PixelMap.DarkLed, map.Table(0)[0]);
        }

        [TestMethod]
        public void PixelOf_PanelLargerThanTiles_LeavesUnshownPixels()
        {
            var map = Single(Tile(2, 2, x: 1, y: 1), 4, 4);

            AssertGrid(map, 0, new[]
            {
                -1, -1, -1, -1,
                -1, 0, 1, -1,
                -1, 2, 3, -1,
                -1, -1, -1, -1,
            });
        }

        [TestMethod]
        public void PixelOf_OutOfRange_ReturnsMinusOne()
        {
            var map = Single(Tile(4, 3), 4, 3);

            Assert.AreEqual(-1, map.PixelOf(0, -1));
            Assert.AreEqual(-1, map.PixelOf(0, 12));
            Assert.AreEqual(-1, map.PixelOf(1, 0));
            Assert.AreEqual(-1, map.PixelOf(-1, 0));
        }

        private static void AssertEveryPixelOnce(PixelMap map, int chain)
        {
            int[] seen = new int[map.PanelWidth * map.PanelHeight];
            for (int led = 0; led < map.LedCount(chain); led++)
            {
                seen[map.PixelOf(chain, led)]++;
            }

            CollectionAssert.AreEqual(Array.ConvertAll(seen, _ => 1), seen);
        }

        // Validation: each error, with the tile (or chain) it names.

        private static (int Error, int Where) Check(TileLayout[] tiles, int width = 8, int height = 8, int chains = 1)
        {
            int error = PixelMap.Validate(tiles, width, height, chains, out int where);
            return (error, where);
        }

        [TestMethod]
        public void Validate_GoodLayout_ReturnsNone()
        {
            Assert.AreEqual((PixelMapError.None, -1), Check(new[] { Tile(4, 4), Tile(4, 4, x: 4, firstLed: 16) }));
        }

        [TestMethod]
        public void Validate_BadPanelSize_ReturnsBadPanelSize()
        {
            var tiles = new[] { Tile(1, 1) };
            Assert.AreEqual(PixelMapError.BadPanelSize, Check(tiles, width: 0).Error);
            Assert.AreEqual(PixelMapError.BadPanelSize, Check(tiles, height: 0).Error);
            Assert.AreEqual(PixelMapError.BadPanelSize, Check(tiles, width: 513).Error);
            // 512 x 128 = 65536 pixels: one more than a ushort table can address.
            Assert.AreEqual(PixelMapError.BadPanelSize, Check(tiles, width: 512, height: 128).Error);
            Assert.AreEqual(PixelMapError.None, Check(tiles, width: 512, height: 127).Error);
        }

        [TestMethod]
        public void Validate_BadChainCount_ReturnsBadChainCount()
        {
            Assert.AreEqual(PixelMapError.BadChainCount, Check(new[] { Tile(1, 1) }, chains: 0).Error);
            Assert.AreEqual(PixelMapError.BadChainCount, Check(new[] { Tile(1, 1) }, chains: PixelMap.MaxChains + 1).Error);
        }

        [TestMethod]
        public void Validate_NoTiles_ReturnsNoTiles()
        {
            Assert.AreEqual(PixelMapError.NoTiles, Check(Array.Empty<TileLayout>()).Error);
            Assert.AreEqual(PixelMapError.NoTiles, Check(null!).Error);
        }

        [TestMethod]
        public void Validate_NullTile_ReturnsNullTileAndIndex()
        {
            Assert.AreEqual((PixelMapError.NullTile, 1), Check(new[] { Tile(1, 1), null! }));
        }

        [TestMethod]
        public void Validate_ChainOutOfRange_ReturnsChainOutOfRange()
        {
            Assert.AreEqual((PixelMapError.ChainOutOfRange, 0), Check(new[] { Tile(1, 1, chain: 1) }));
            Assert.AreEqual((PixelMapError.ChainOutOfRange, 0), Check(new[] { Tile(1, 1, chain: -1) }));
        }

        [TestMethod]
        public void Validate_BadTileSize_ReturnsBadTileSize()
        {
            Assert.AreEqual((PixelMapError.BadTileSize, 0), Check(new[] { Tile(0, 1) }));
            Assert.AreEqual((PixelMapError.BadTileSize, 0), Check(new[] { Tile(1, -1) }));
            Assert.AreEqual((PixelMapError.BadTileSize, 0), Check(new[] { Tile(513, 1) }));
        }

        [TestMethod]
        public void Validate_BadFirstLed_ReturnsBadFirstLed()
        {
            Assert.AreEqual((PixelMapError.BadFirstLed, 0), Check(new[] { Tile(1, 1, firstLed: -1) }));
            // Last LED would be index 65535 = MaxLedsPerChain: one too many.
            Assert.AreEqual((PixelMapError.BadFirstLed, 0), Check(new[] { Tile(2, 1, firstLed: 65534) }));
            Assert.AreEqual((PixelMapError.BadFirstLed, 0), Check(new[] { Tile(1, 1, firstLed: int.MaxValue) }));
            Assert.AreEqual(PixelMapError.None, Check(new[] { Tile(1, 1, firstLed: 65534) }).Error);
        }

        [TestMethod]
        public void Validate_BadOrigin_ReturnsBadOrigin()
        {
            Assert.AreEqual((PixelMapError.BadOrigin, 0), Check(new[] { Tile(1, 1, origin: 4) }));
            Assert.AreEqual((PixelMapError.BadOrigin, 0), Check(new[] { Tile(1, 1, origin: -1) }));
        }

        [TestMethod]
        public void Validate_BadRotation_ReturnsBadRotation()
        {
            foreach (int rotation in new[] { -90, 45, 360, 1 })
            {
                Assert.AreEqual((PixelMapError.BadRotation, 0), Check(new[] { Tile(1, 1, rotation: rotation) }), $"rotation {rotation}");
            }
        }

        [TestMethod]
        public void Validate_TileOutsidePanel_ReturnsTileOutsidePanel()
        {
            Assert.AreEqual((PixelMapError.TileOutsidePanel, 0), Check(new[] { Tile(4, 4, x: 5) }));
            Assert.AreEqual((PixelMapError.TileOutsidePanel, 0), Check(new[] { Tile(4, 4, y: -1) }));
            Assert.AreEqual((PixelMapError.TileOutsidePanel, 0), Check(new[] { Tile(4, 4, x: int.MaxValue) }));
            // 8 x 2 fits an 8 x 8 panel unrotated but turned 90° it is 2 wide and 8 high: at y = 1 it reaches row 8.
            Assert.AreEqual(PixelMapError.None, Check(new[] { Tile(8, 2, y: 6) }).Error);
            Assert.AreEqual((PixelMapError.TileOutsidePanel, 0), Check(new[] { Tile(8, 2, rotation: 90, y: 1) }));
            Assert.AreEqual((PixelMapError.TileOutsidePanel, 0), Check(new[] { Tile(8, 2, rotation: 270, x: 7) }));
        }

        [TestMethod]
        public void Validate_OverlappingLedRanges_ReturnsLedRangeOverlapWithLaterTile()
        {
            // LEDs 0..15 and 15..30 share LED 15.
            Assert.AreEqual((PixelMapError.LedRangeOverlap, 1), Check(new[] { Tile(4, 4), Tile(4, 4, x: 4, firstLed: 15) }));
            // The same ranges on different chains are fine (two faces).
            Assert.AreEqual(PixelMapError.None, Check(new[] { Tile(4, 4), Tile(4, 4, chain: 1) }, chains: 2).Error);
        }

        [TestMethod]
        public void Validate_ChainWithoutTiles_ReturnsEmptyChainAndChain()
        {
            Assert.AreEqual((PixelMapError.EmptyChain, 1), Check(new[] { Tile(4, 4), Tile(4, 4, chain: 2) }, chains: 3));
        }

        [TestMethod]
        public void Constructor_BadLayout_ThrowsWithCodeDescriptionAndTile()
        {
            var e = Assert.ThrowsExactly<ArgumentException>(() => new PixelMap(new[] { Tile(1, 1), Tile(1, 1, x: 1, rotation: 45, firstLed: 1) }, 8, 8, 1));
            Assert.AreEqual("tile layout: rotation must be 0, 90, 180 or 270 (tile 1)", e.Message);
        }

        [TestMethod]
        public void Describe_EveryCode_IsDistinctText()
        {
            var seen = new System.Collections.Generic.HashSet<string>();
            for (int code = 0; code <= PixelMapError.MaxCode; code++)
            {
                Assert.IsTrue(seen.Add(PixelMapError.Describe(code)), $"code {code}");
            }

            Assert.AreEqual("error 99", PixelMapError.Describe(99));
            Assert.AreEqual("tile layout: chain has no tiles (chain 2)", PixelMap.Describe(PixelMapError.EmptyChain, 2));
        }
    }
}
