namespace BoardKit.Gateway.Text
{
    /// <summary>
    /// The part of the Unicode line breaking rules (UAX #14) that matters for CJK on LED boards: a line may break
    /// between ideographs, kana and Hangul syllables without a space, but not before closing punctuation or small kana
    /// (kinsoku) and not after opening brackets.
    /// </summary>
    public static class LineBreaking
    {
        // Characters that must not start a line: closing punctuation, iteration marks, small kana, prolonged sound mark.
        private const string NoBreakBeforeChars =
            ",.!?:;)]}%\u2019\u201D\u3001\u3002\u3009\u300B\u300D\u300F\u3011\u3015\u3017\u3019\u301B\u301E\u301F\u3005\u303B"
            + "\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308E\u3095\u3096\u309D\u309E"
            + "\u30A1\u30A3\u30A5\u30A7\u30A9\u30C3\u30E3\u30E5\u30E7\u30EE\u30F5\u30F6\u30FB\u30FC\u30FD\u30FE\u30A0\u301C"
            + "\uFF01\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF3D\uFF5D\uFF60\uFF61\uFF63\uFF64\uFF65\uFF70";

        // Characters that must not end a line: opening brackets and quotes.
        private const string NoBreakAfterChars = "([{\u2018\u201C\u3008\u300A\u300C\u300E\u3010\u3014\u3016\u3018\u301A\u301D\uFF08\uFF3B\uFF5B\uFF5F\uFF62";

        /// <summary>True for ideographs, kana, Hangul syllables, Yi, CJK symbols and fullwidth forms (UAX #14 class ID and
        /// its neighbours), between which a line may break without a space.</summary>
        public static bool IsIdeographic(int c) =>
            (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3100 && c <= 0x31FF)
            || (c >= 0x3200 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
            || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
            || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);

        /// <summary>True when a line must not start with <paramref name="c"/> (closing punctuation, small kana).</summary>
        public static bool IsNoBreakBefore(int c) => c <= 0xFFFF && NoBreakBeforeChars.Contains((char)c, System.StringComparison.Ordinal);

        /// <summary>True when a line must not end with <paramref name="c"/> (opening brackets and quotes).</summary>
        public static bool IsNoBreakAfter(int c) => c <= 0xFFFF && NoBreakAfterChars.Contains((char)c, System.StringComparison.Ordinal);
    }
}
