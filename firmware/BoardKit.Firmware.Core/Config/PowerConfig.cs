namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// board.json "power" (required, for "supplyMilliamps"): the current the LEDs may draw. The player estimates each
    /// frame's current as LEDs x idle + sum over lit LEDs of (r + g + b) / 255 x per-channel current
    /// (hardware/power.md) and dims the whole frame when it would exceed <see cref="BudgetMilliamps"/>.
    /// </summary>
    public sealed class PowerConfig
    {
        /// <summary>Smallest supply, 500 mA (a USB port): less cannot light a useful panel.</summary>
        public const int MinSupplyMilliamps = 500;

        /// <summary>Largest supply, 200000 mA (200 A): several 5 V 60 A supplies for a 4096-LED board.</summary>
        public const int MaxSupplyMilliamps = 200000;

        /// <summary>Lowest budget share, 50 % of the supply.</summary>
        public const int MinBudgetPercent = 50;

        /// <summary>Highest budget share, 100 % of the supply.</summary>
        public const int MaxBudgetPercent = 100;

        /// <summary>Default budget share, 80 %: the rest is headroom for the ESP32 and supply tolerance.</summary>
        public const int DefaultBudgetPercent = 80;

        /// <summary>Highest current per colour channel at full, 50 mA (WS2812B: 20 mA; high-power LEDs more).</summary>
        public const int MaxMilliampsPerChannel = 50;

        /// <summary>Default current per colour channel at full, 20 mA (WS2812B datasheet).</summary>
        public const int DefaultMilliampsPerChannel = 20;

        /// <summary>Highest idle current per LED, 5 mA.</summary>
        public const int MaxIdleMilliampsPerLed = 5;

        /// <summary>Default idle current per LED, 1 mA (WS2812B quiescent driver current, rounded up).</summary>
        public const int DefaultIdleMilliampsPerLed = 1;

        /// <summary>"supplyMilliamps": rated current of the LED supply in mA, 500..200000 (5 V 40 A = 40000). Required.</summary>
        public int SupplyMilliamps { get; set; }

        /// <summary>"budgetPercent": share of the supply the LEDs may use, 50..100 %, default 80.</summary>
        public int BudgetPercent { get; set; } = DefaultBudgetPercent;

        /// <summary>"milliampsPerChannel": current of one colour channel at full brightness in mA, 1..50, default 20.</summary>
        public int MilliampsPerChannel { get; set; } = DefaultMilliampsPerChannel;

        /// <summary>"idleMilliampsPerLed": current of one dark LED in mA, 0..5, default 1.</summary>
        public int IdleMilliampsPerLed { get; set; } = DefaultIdleMilliampsPerLed;

        /// <summary>What the LEDs may draw in mA: SupplyMilliamps x BudgetPercent / 100 (rounded down; at most 200000 x 100 = 2 x 10^7 before the division, well inside an int).</summary>
        public int BudgetMilliamps
        {
            get { return SupplyMilliamps * BudgetPercent / 100; }
        }
    }
}
