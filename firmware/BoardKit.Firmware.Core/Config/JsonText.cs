namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// Decoding of string content that <see cref="JsonReader"/> has already validated (escapes, surrogate pairs, UTF-8),
    /// one code point at a time and without allocating, so the document can compare member names and copy key
    /// characters into a scrubbable array instead of building strings. Also turns a byte offset into "line L, column C".
    /// </summary>
    internal static class JsonText
    {
        /// <summary>
        /// The code point at data[pos] inside a validated string and moves <paramref name="pos"/> past it; -1 (pos left
        /// unchanged) at the closing quote. Escapes are decoded (\uD83D\uDE00 gives U+1F600).
        /// </summary>
        internal static int Next(byte[] data, ref int pos)
        {
            int b = data[pos];
            if (b == '"')
            {
                return -1;
            }

            if (b == '\\')
            {
                int e = data[pos + 1];
                pos += 2;
                switch (e)
                {
                    case 'b': return 0x08;
                    case 'f': return 0x0C;
                    case 'n': return 0x0A;
                    case 'r': return 0x0D;
                    case 't': return 0x09;
                    case 'u':
                        int cp = Hex4(data, pos);
                        pos += 4;
                        if (cp >= 0xD800 && cp <= 0xDBFF)
                        {
                            int low = Hex4(data, pos + 2);
                            pos += 6;
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        }

                        return cp;
                    default: return e; // '"', '\\' and '/' stand for themselves.
                }
            }

            if (b < 0x80)
            {
                pos++;
                return b;
            }

            int extra = b >= 0xF0 ? 3 : (b >= 0xE0 ? 2 : 1);
            int value = b & (0x3F >> extra);
            for (int k = 1; k <= extra; k++)
            {
                value = (value << 6) | (data[pos + k] & 0x3F);
            }

            pos += 1 + extra;
            return value;
        }

        /// <summary>The value of the 4 hex digits at data[pos], or -1 if any is not a hex digit (also used to validate).</summary>
        internal static int Hex4(byte[] data, int pos)
        {
            int v = 0;
            for (int i = 0; i < 4; i++)
            {
                int d = HexValue(data[pos + i]);
                if (d < 0)
                {
                    return -1;
                }

                v = (v << 4) | d;
            }

            return v;
        }

        /// <summary>0..15 for an ASCII hex digit (either case), else -1.</summary>
        internal static int HexValue(int c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        /// <summary>True when data starts with the UTF-8 byte order mark EF BB BF (Windows Notepad used to write one).</summary>
        internal static bool HasBom(byte[] data)
        {
            return data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;
        }

        /// <summary>
        /// For messages: the validated string whose content starts at data[contentStart], in double quotes, at most
        /// <paramref name="maxChars"/> characters (then "..."), characters below U+0020 shown as '?'.
        /// </summary>
        internal static string Excerpt(byte[] data, int contentStart, int maxChars)
        {
            char[] chars = new char[maxChars + 5];
            int n = 0;
            chars[n++] = '"';
            int pos = contentStart;
            int count = 0;
            while (true)
            {
                int cp = Next(data, ref pos);
                if (cp < 0)
                {
                    break;
                }

                if (count == maxChars)
                {
                    chars[n++] = '.';
                    chars[n++] = '.';
                    chars[n++] = '.';
                    break;
                }

                chars[n++] = cp < 0x20 ? '?' : (cp > 0xFFFF ? '?' : (char)cp);
                count++;
            }

            chars[n++] = '"';
            return new string(chars, 0, n);
        }

        /// <summary>
        /// "line L, column C" (both from 1) of byte <paramref name="offset"/>: lines end at '\n'; columns count
        /// characters (UTF-8 continuation bytes and '\r' do not count, a tab counts as one), as text editors show them.
        /// </summary>
        internal static string Where(byte[] data, int offset)
        {
            int line = 1;
            int column = 1;
            int stop = offset < data.Length ? offset : data.Length;
            int i = HasBom(data) ? 3 : 0;
            for (; i < stop; i++)
            {
                int b = data[i];
                if (b == '\n')
                {
                    line++;
                    column = 1;
                }
                else if (b != '\r' && (b & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            return "line " + line.ToString() + ", column " + column.ToString();
        }
    }
}
