namespace BoardKit.Firmware.Core.Text
{
    /// <summary>
    /// UTF-8 (RFC 3629) encoding and strict decoding in plain mscorlib. nanoFramework keeps <c>System.Text.Encoding</c>
    /// in a separate assembly (nanoFramework.System.Text), and the core must need mscorlib alone, so the few places that
    /// turn text into bytes (board id hash, firmware version, config files) use this instead.
    /// </summary>
    public static class Utf8
    {
        /// <summary>
        /// Bytes <paramref name="text"/> takes in UTF-8. A lone surrogate counts as U+FFFD (3 bytes), as
        /// <see cref="Encode"/> writes it.
        /// </summary>
        public static int ByteCount(string text)
        {
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    n += 1;
                }
                else if (c < 0x800)
                {
                    n += 2;
                }
                else if (IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    n += 4;
                    i++;
                }
                else
                {
                    n += 3;
                }
            }

            return n;
        }

        /// <summary>
        /// Writes <paramref name="text"/> as UTF-8 to dest at offset and returns the bytes written, or -1 (nothing
        /// guaranteed written) when dest has fewer than <see cref="ByteCount"/> bytes left. Lone surrogates become
        /// U+FFFD. Allocates nothing.
        /// </summary>
        public static int Encode(string text, byte[] dest, int offset)
        {
            if (offset < 0 || offset > dest.Length || dest.Length - offset < ByteCount(text))
            {
                return -1;
            }

            int p = offset;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    dest[p++] = (byte)c;
                    continue;
                }

                if (c < 0x800)
                {
                    dest[p++] = (byte)(0xC0 | (c >> 6));
                    dest[p++] = (byte)(0x80 | (c & 0x3F));
                    continue;
                }

                if (IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                    dest[p++] = (byte)(0xF0 | (cp >> 18));
                    dest[p++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    dest[p++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    dest[p++] = (byte)(0x80 | (cp & 0x3F));
                    continue;
                }

                if (IsHighSurrogate(c) || IsLowSurrogate(c))
                {
                    c = 0xFFFD;
                }

                dest[p++] = (byte)(0xE0 | (c >> 12));
                dest[p++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                dest[p++] = (byte)(0x80 | (c & 0x3F));
            }

            return p - offset;
        }

        /// <summary>UTF-8 bytes of <paramref name="text"/> in a new array (start-up and host code; allocates).</summary>
        public static byte[] GetBytes(string text)
        {
            byte[] bytes = new byte[ByteCount(text)];
            Encode(text, bytes, 0);
            return bytes;
        }

        /// <summary>
        /// Decodes src[offset..offset+count) strictly: returns null for anything that is not well-formed UTF-8
        /// (overlong forms, surrogates U+D800..U+DFFF, code points above U+10FFFF, truncated sequences, stray
        /// continuation bytes). Allocates the string and one char array of at most <paramref name="count"/> chars.
        /// </summary>
        public static string? Decode(byte[] src, int offset, int count)
        {
            if (offset < 0 || count < 0 || offset > src.Length || src.Length - offset < count)
            {
                return null;
            }

            char[] chars = new char[count];
            int n = 0;
            int p = offset;
            int end = offset + count;
            while (p < end)
            {
                int b0 = src[p];
                int cp;
                int extra;
                int min;
                if (b0 < 0x80)
                {
                    chars[n++] = (char)b0;
                    p++;
                    continue;
                }
                else if (b0 >= 0xC2 && b0 <= 0xDF)
                {
                    cp = b0 & 0x1F;
                    extra = 1;
                    min = 0x80;
                }
                else if (b0 >= 0xE0 && b0 <= 0xEF)
                {
                    cp = b0 & 0x0F;
                    extra = 2;
                    min = 0x800;
                }
                else if (b0 >= 0xF0 && b0 <= 0xF4)
                {
                    cp = b0 & 0x07;
                    extra = 3;
                    min = 0x10000;
                }
                else
                {
                    return null;
                }

                if (end - p - 1 < extra)
                {
                    return null;
                }

                for (int k = 1; k <= extra; k++)
                {
                    int b = src[p + k];
                    if ((b & 0xC0) != 0x80)
                    {
                        return null;
                    }

                    cp = (cp << 6) | (b & 0x3F);
                }

                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                {
                    return null;
                }

                p += 1 + extra;
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)cp;
                }
            }

            return new string(chars, 0, n);
        }

        private static bool IsHighSurrogate(int c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        private static bool IsLowSurrogate(int c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }
    }
}
