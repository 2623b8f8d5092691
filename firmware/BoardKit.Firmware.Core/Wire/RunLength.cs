namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// The frame run-length code (docs/protocol.md 6.3), PackBits-like over units of 1 byte (palette formats) or 3
    /// bytes (Rgb888). Control byte c: c &lt; 0x80: c + 1 literal units follow; c &gt;= 0x80: the next unit repeats
    /// (c - 0x80) + 2 times. A stream must expand to exactly the raw size and be consumed exactly. Decodes in place
    /// with no window; allocates nothing.
    /// </summary>
    public static class RunLength
    {
        /// <summary>Longest literal in one control byte, units.</summary>
        public const int MaxLiteral = 128;

        /// <summary>Longest run in one control byte, units.</summary>
        public const int MaxRun = 129;

        /// <summary>
        /// Expands a run-length stream src[offset..offset+count) of units of <paramref name="unit"/> bytes into
        /// exactly <paramref name="rawLength"/> bytes of dest (or only checks it when dest is null). False if the stream
        /// would write past rawLength, ends inside a control's data, or stops short of rawLength.
        /// </summary>
        public static bool Unpack(byte[] src, int offset, int count, int unit, byte[]? dest, int rawLength)
        {
            return Unpack(src, offset, count, unit, dest, 0, rawLength);
        }

        /// <summary>
        /// As <see cref="Unpack(byte[], int, int, int, byte[], int)"/>, writing the rawLength bytes from
        /// dest[<paramref name="destOffset"/>] on (the caller keeps destOffset + rawLength within dest).
        /// </summary>
        public static bool Unpack(byte[] src, int offset, int count, int unit, byte[]? dest, int destOffset, int rawLength)
        {
            int end = offset + count;
            int p = offset;
            int o = 0;
            while (p < end)
            {
                int c = src[p++];
                if (c < 0x80)
                {
                    int n = (c + 1) * unit;
                    if (n > end - p || n > rawLength - o)
                    {
                        return false;
                    }

                    if (dest != null)
                    {
                        int d = destOffset + o;
                        for (int i = 0; i < n; i++)
                        {
                            dest[d + i] = src[p + i];
                        }
                    }

                    p += n;
                    o += n;
                }
                else
                {
                    int repeats = (c - 0x80) + 2;
                    if (unit > end - p || repeats * unit > rawLength - o)
                    {
                        return false;
                    }

                    if (dest != null)
                    {
                        for (int r = 0; r < repeats; r++)
                        {
                            int d = destOffset + o;
                            for (int i = 0; i < unit; i++)
                            {
                                dest[d + i] = src[p + i];
                            }

                            o += unit;
                        }
                    }
                    else
                    {
                        o += repeats * unit;
                    }

                    p += unit;
                }
            }

            return o == rawLength;
        }

        /// <summary>
        /// Compresses src[0..rawLength) (a whole number of units) into dest at destOffset and returns the stream length;
        /// with dest null only measures. Greedy: a run of 2+ equal units is emitted as a run, except a run of exactly 2
        /// inside a literal, which stays literal (same size, fewer control bytes). The caller sizes dest with a
        /// measuring call first. Decoders accept any valid stream; this choice is not part of the protocol.
        /// </summary>
        public static int Pack(byte[] src, int rawLength, int unit, byte[]? dest, int destOffset)
        {
            int units = rawLength / unit;
            int o = destOffset;
            int i = 0;
            int literalStart = -1;
            while (i < units)
            {
                int run = 1;
                while (i + run < units && run < MaxRun && UnitsEqual(src, i * unit, (i + run) * unit, unit))
                {
                    run++;
                }

                bool inLiteral = literalStart >= 0;
                if (run >= 3 || (run == 2 && !inLiteral))
                {
                    if (inLiteral)
                    {
                        o = EmitLiteral(src, literalStart, i - literalStart, unit, dest, o);
                        literalStart = -1;
                    }

                    if (dest != null)
                    {
                        dest[o] = (byte)(0x80 + run - 2);
                        for (int b = 0; b < unit; b++)
                        {
                            dest[o + 1 + b] = src[i * unit + b];
                        }
                    }

                    o += 1 + unit;
                    i += run;
                }
                else
                {
                    if (!inLiteral)
                    {
                        literalStart = i;
                    }

                    i++;
                    if (i - literalStart == MaxLiteral)
                    {
                        o = EmitLiteral(src, literalStart, MaxLiteral, unit, dest, o);
                        literalStart = -1;
                    }
                }
            }

            if (literalStart >= 0)
            {
                o = EmitLiteral(src, literalStart, units - literalStart, unit, dest, o);
            }

            return o - destOffset;
        }

        private static int EmitLiteral(byte[] src, int firstUnit, int count, int unit, byte[]? dest, int o)
        {
            if (dest != null)
            {
                dest[o] = (byte)(count - 1);
                int n = count * unit;
                int s = firstUnit * unit;
                for (int b = 0; b < n; b++)
                {
                    dest[o + 1 + b] = src[s + b];
                }
            }

            return o + 1 + count * unit;
        }

        private static bool UnitsEqual(byte[] src, int a, int b, int unit)
        {
            for (int i = 0; i < unit; i++)
            {
                if (src[a + i] != src[b + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
