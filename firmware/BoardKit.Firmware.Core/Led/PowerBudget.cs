namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// Estimates a frame's LED current and picks the brightness that keeps it within the supply budget.
    /// <para>
    /// Model (hardware/power.md): every LED draws <see cref="IdleMaPerLed"/> whatever it shows, and each of its three
    /// channels draws <see cref="ChannelMa"/> x its output byte / 255, the output byte being
    /// gamma[v] x brightness / 255 (see <see cref="LevelLookup"/>). With G the sum of gamma[v] over the three channels of
    /// every LED (dark gap LEDs add 0), N the LED count and b the brightness:
    /// </para>
    /// <para>estimate(b) = N x IdleMaPerLed + ceil(G x b x ChannelMa / 65025) mA (65025 = 255 x 255).</para>
    /// <para>
    /// The light term is the exact product, rounded up, not the sum of the bytes actually sent: those are truncated
    /// (floor(gamma[v] x b / 255) ≤ gamma[v] x b / 255), so the estimate is never below the model's current for the bytes
    /// sent (it may be above by less than ChannelMa / 255 per channel, 0.24 mA per LED at 20 mA).
    /// </para>
    /// <para>
    /// Fitting: the applied brightness is the highest b ≤ requested with estimate(b) ≤ <see cref="BudgetMa"/>,
    /// found in closed form from G (one pass over the frame gives G; no search re-walks it): with headroom
    /// H = BudgetMa - N x IdleMaPerLed, b = min(requested, floor(H x 65025 / (G x ChannelMa))), since
    /// ceil(q) ≤ H ⟺ q ≤ H for an integer H. When H &lt; 0 (idle current alone exceeds the budget) b = 0. When
    /// G x ChannelMa = 0 (a black frame) b = requested. 64-bit integer arithmetic throughout; no floating point.
    /// </para>
    /// Figures: ~20 mA per channel at full drive, ~60 mA per LED at full white, &lt; 1 mA dark (hardware/power.md;
    /// WS2812B datasheet; WLED budgets 55 mA per LED). The margin (e.g. 80 % of a 5 V 40 A supply's rating) is the
    /// caller's policy: the budget is just a number.
    /// </summary>
    public sealed class PowerBudget
    {
        /// <summary>Default current of an LED showing black, mA: WS2812B draws under 1 mA dark (hardware/power.md), rounded up.</summary>
        public const int DefaultIdleMaPerLed = 1;

        /// <summary>Default current of one channel at output 255, mA: ~60 mA per LED at full white / 3 (hardware/power.md).</summary>
        public const int DefaultChannelMa = 20;

        /// <summary>Largest per-LED or per-channel current accepted, mA (a sanity bound: real parts draw tens of mA).</summary>
        public const int MaxPerLedMa = 1000;

        // 255 x 255: output byte / 255 (channel drive fraction) times brightness / 255, folded into one divisor.
        private const long FullScale = 65025;

        /// <summary>
        /// A budget of <paramref name="budgetMa"/> mA (≥ 0; int.MaxValue for "no limit") with an idle current of
        /// <paramref name="idleMaPerLed"/> mA per LED and <paramref name="channelMa"/> mA per channel at full drive
        /// (each 0..<see cref="MaxPerLedMa"/>).
        /// </summary>
        /// <exception cref="System.ArgumentException">A value out of range.</exception>
        public PowerBudget(int budgetMa, int idleMaPerLed, int channelMa)
        {
            if (budgetMa < 0 || idleMaPerLed < 0 || idleMaPerLed > MaxPerLedMa || channelMa < 0 || channelMa > MaxPerLedMa)
            {
                throw new System.ArgumentException("power budget: budget must be >= 0 mA, idle and channel currents 0..1000 mA");
            }

            BudgetMa = budgetMa;
            IdleMaPerLed = idleMaPerLed;
            ChannelMa = channelMa;
        }

        /// <summary>A budget of <paramref name="budgetMa"/> mA with the default 1 mA idle and 20 mA per channel.</summary>
        public PowerBudget(int budgetMa)
            : this(budgetMa, DefaultIdleMaPerLed, DefaultChannelMa)
        {
        }

        /// <summary>Supply budget for all LEDs of the board, mA.</summary>
        public int BudgetMa { get; private set; }

        /// <summary>Current of one LED whatever it shows, mA.</summary>
        public int IdleMaPerLed { get; private set; }

        /// <summary>Current of one channel (R, G or B) at output byte 255, mA.</summary>
        public int ChannelMa { get; private set; }

        /// <summary>
        /// Estimated current, mA, of <paramref name="ledCount"/> LEDs whose gamma-corrected channel bytes sum to
        /// <paramref name="gammaSum"/> (0..765 per LED), shown at <paramref name="brightness"/> (clamped to 0..255):
        /// the formula in the class summary. Saturates at int.MaxValue; negative inputs count as 0.
        /// </summary>
        public int EstimateMa(int ledCount, long gammaSum, int brightness)
        {
            long estimate = IdleTotal(ledCount) + Ceiling(Clamp(gammaSum) * Clamp(brightness, 255) * ChannelMa, FullScale);
            return estimate > int.MaxValue ? int.MaxValue : (int)estimate;
        }

        /// <summary>
        /// The highest brightness ≤ <paramref name="requested"/> (clamped to 0..255) whose <see cref="EstimateMa"/> fits
        /// <see cref="BudgetMa"/>, or 0 when even the idle current does not fit. Closed form (class summary).
        /// </summary>
        public int FitBrightness(int ledCount, long gammaSum, int requested)
        {
            long want = Clamp(requested, 255);
            long headroom = BudgetMa - IdleTotal(ledCount);
            if (headroom < 0)
            {
                return 0;
            }

            long perStep = Clamp(gammaSum) * ChannelMa;
            if (perStep == 0)
            {
                return (int)want;
            }

            long fit = headroom * FullScale / perStep;
            return (int)(fit < want ? fit : want);
        }

        private long IdleTotal(int ledCount)
        {
            return (long)(ledCount < 0 ? 0 : ledCount) * IdleMaPerLed;
        }

        private static long Clamp(long value)
        {
            return value < 0 ? 0 : value;
        }

        private static long Clamp(int value, int max)
        {
            return value < 0 ? 0 : (value > max ? max : value);
        }

        private static long Ceiling(long numerator, long divisor)
        {
            return (numerator + divisor - 1) / divisor;
        }
    }
}
