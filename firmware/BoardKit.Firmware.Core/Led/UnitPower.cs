namespace BoardKit.Firmware.Core.Led
{
    /// <summary>
    /// x raised to a real power for x in [0, 1], without System.Math (a separate nanoFramework assembly the core does
    /// not reference). Used at start-up to build gamma tables; a few microseconds per call on the host, some hundred
    /// on the device, 256 calls per table. Relative error below 1e-14 over the range the gamma table uses, far below
    /// the 1/255 step that matters.
    /// </summary>
    public static class UnitPower
    {
        // ln 2 to double precision (0.693147180559945309417...).
        private const double Ln2 = 0.6931471805599453;

        // 1/sqrt(2): mantissas are scaled into [1/sqrt(2), sqrt(2)) so the series variable stays within ±0.172.
        private const double HalfSqrt2 = 0.7071067811865476;

        // Series terms: |z| ≤ 0.172 makes the 12th atanh term below 1e-18; |r| ≤ ln2/2 makes the 20th exp term below 1e-25.
        private const int LnTerms = 12;
        private const int ExpTerms = 20;

        /// <summary>
        /// <paramref name="x"/> to the power <paramref name="exponent"/> for x in [0, 1] and exponent in (0, 64]:
        /// exp(exponent x ln x). Returns 0 for x ≤ 0, 1 for x ≥ 1, x itself for exponent 1. Outside the stated
        /// exponent range the result is not meaningful (it never throws).
        /// </summary>
        public static double Pow(double x, double exponent)
        {
            if (x <= 0.0)
            {
                return 0.0;
            }

            if (x >= 1.0)
            {
                return 1.0;
            }

            if (exponent == 1.0)
            {
                return x;
            }

            return Exp(exponent * Ln(x));
        }

        /// <summary>Natural logarithm of <paramref name="x"/> &gt; 0 (returns -1e300 for x ≤ 0). ln x = e ln 2 + 2 atanh((m - 1)/(m + 1)) with x = m 2^e.</summary>
        public static double Ln(double x)
        {
            if (x <= 0.0)
            {
                return -1e300;
            }

            int e = 0;
            while (x < HalfSqrt2)
            {
                x *= 2.0;
                e--;
            }

            while (x >= 2.0 * HalfSqrt2)
            {
                x *= 0.5;
                e++;
            }

            double z = (x - 1.0) / (x + 1.0);
            double z2 = z * z;
            double power = z;
            double sum = 0.0;
            for (int n = 0; n < LnTerms; n++)
            {
                sum += power / ((2 * n) + 1);
                power *= z2;
            }

            return (e * Ln2) + (2.0 * sum);
        }

        /// <summary>e to the power <paramref name="y"/> for |y| ≤ 700 (clamped there). exp y = 2^n exp(r), y = n ln 2 + r, |r| ≤ ln 2 / 2.</summary>
        public static double Exp(double y)
        {
            if (y < -700.0)
            {
                y = -700.0;
            }
            else if (y > 700.0)
            {
                y = 700.0;
            }

            // n = round(y / ln 2); (int) truncates towards zero, so round by hand for both signs.
            double q = y / Ln2;
            int n = (int)(q < 0 ? q - 0.5 : q + 0.5);
            double r = y - (n * Ln2);

            double term = 1.0;
            double sum = 1.0;
            for (int k = 1; k < ExpTerms; k++)
            {
                term *= r / k;
                sum += term;
            }

            // Scaling by exact powers of two loses nothing.
            for (; n > 0; n--)
            {
                sum *= 2.0;
            }

            for (; n < 0; n++)
            {
                sum *= 0.5;
            }

            return sum;
        }
    }
}
