namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// Reads one JSON number (RFC 8259 section 6: <c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>) into an
    /// exact count of millionths, with no floating point (nanoFramework's double.Parse and System.Math are off
    /// limits for the core, and a decimal like 2.2 must stay exactly 2.2). Accepted: magnitude below 10^12
    /// (<see cref="JsonLimits.MaxIntegerDigits"/>), at most 6 significant decimal places
    /// (<see cref="JsonLimits.MaxFractionDigits"/>), exponent -20..20 (<see cref="JsonLimits.MaxExponent"/>). There is
    /// no NaN or Infinity in JSON; a leading '+', leading zeros and a bare '.' are syntax errors. Allocates nothing
    /// unless it fails (then one message string).
    /// </summary>
    internal static class JsonNumber
    {
        /// <summary>Millionths in one unit: a number's value times this is what <see cref="Scan"/> returns.</summary>
        internal const long Scale = 1000000;

        /// <summary>
        /// Scans the number starting at data[pos] (a '-' or a digit) and not past <paramref name="limit"/>. Returns null
        /// and the value in millionths (<paramref name="micros"/>) with <paramref name="end"/> just after the number;
        /// or an English problem with <paramref name="errorCode"/> (<see cref="ConfigError.Syntax"/> or
        /// <see cref="ConfigError.LimitExceeded"/>) and <paramref name="end"/> at the offending byte. Loops at most
        /// once per byte, so it is linear in the number's length whatever the input.
        /// </summary>
        internal static string? Scan(byte[] data, int pos, int limit, out int end, out long micros, out int errorCode)
        {
            micros = 0;
            errorCode = ConfigError.Syntax;
            int p = pos;
            bool negative = p < limit && data[p] == '-';
            if (negative)
            {
                p++;
            }

            end = p;
            if (p >= limit || !IsDigit(data[p]))
            {
                return "a number needs a digit here (JSON has no NaN, Infinity, '+' sign or bare '.')";
            }

            int intStart = p;
            if (data[p] == '0')
            {
                p++;
                if (p < limit && IsDigit(data[p]))
                {
                    end = p;
                    return "numbers must not have leading zeros";
                }
            }
            else
            {
                while (p < limit && IsDigit(data[p]))
                {
                    p++;
                }
            }

            int intLength = p - intStart;
            int fracStart = p;
            int fracLength = 0;
            if (p < limit && data[p] == '.')
            {
                p++;
                fracStart = p;
                if (p >= limit || !IsDigit(data[p]))
                {
                    end = p;
                    return "a digit must follow the decimal point";
                }

                while (p < limit && IsDigit(data[p]))
                {
                    p++;
                }

                fracLength = p - fracStart;
            }

            int exponent = 0;
            if (p < limit && (data[p] == 'e' || data[p] == 'E'))
            {
                p++;
                bool negativeExponent = false;
                if (p < limit && (data[p] == '+' || data[p] == '-'))
                {
                    negativeExponent = data[p] == '-';
                    p++;
                }

                if (p >= limit || !IsDigit(data[p]))
                {
                    end = p;
                    return "the exponent needs digits";
                }

                int expStart = p;
                while (p < limit && IsDigit(data[p]))
                {
                    // Stop growing once past the limit: the value is refused below, and exponent cannot overflow.
                    if (exponent <= JsonLimits.MaxExponent)
                    {
                        exponent = (exponent * 10) + (data[p] - '0');
                    }

                    p++;
                }

                if (exponent > JsonLimits.MaxExponent)
                {
                    end = expStart;
                    errorCode = ConfigError.LimitExceeded;
                    return "exponent out of range (-20..20 accepted)";
                }

                if (negativeExponent)
                {
                    exponent = -exponent;
                }
            }

            end = p;
            int digits = intLength + fracLength;

            // Digit k (0 = leftmost, across integer and fraction digits) stands for 10^(intLength - 1 - k + exponent).
            int first = 0;
            while (first < digits && DigitAt(data, intStart, intLength, fracStart, first) == 0)
            {
                first++;
            }

            if (first == digits)
            {
                errorCode = ConfigError.None;
                return null;
            }

            int highestPower = intLength - 1 - first + exponent;
            if (highestPower >= JsonLimits.MaxIntegerDigits)
            {
                end = pos;
                errorCode = ConfigError.LimitExceeded;
                return "number out of range (must be smaller than 10^12)";
            }

            long value = 0;
            int power = highestPower;
            for (int k = first; k < digits; k++)
            {
                int d = DigitAt(data, intStart, intLength, fracStart, k);
                if (power < -JsonLimits.MaxFractionDigits)
                {
                    if (d != 0)
                    {
                        end = pos;
                        errorCode = ConfigError.LimitExceeded;
                        return "number has more than 6 decimal places";
                    }
                }
                else
                {
                    // value < 10^(highestPower + 7) <= 10^18 < long.MaxValue (9.2 x 10^18): no overflow.
                    value = (value * 10) + d;
                    power--;
                }
            }

            // Digits ran out above the millionths: scale up by the missing places (trailing zeros).
            while (power >= -JsonLimits.MaxFractionDigits)
            {
                value *= 10;
                power--;
            }

            micros = negative ? -value : value;
            errorCode = ConfigError.None;
            return null;
        }

        /// <summary>True for the ASCII digits '0'..'9' (char.IsDigit is not in nanoFramework and accepts other scripts).</summary>
        internal static bool IsDigit(int b)
        {
            return b >= '0' && b <= '9';
        }

        private static int DigitAt(byte[] data, int intStart, int intLength, int fracStart, int k)
        {
            return k < intLength ? data[intStart + k] - '0' : data[fracStart + k - intLength] - '0';
        }
    }
}
