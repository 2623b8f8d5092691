namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>Uses char.IsDigit, which nano's System.Char lacks.</summary>
    public static class CharIsDigitSample
    {
        /// <summary>True when <paramref name="c"/> is a decimal digit.</summary>
        public static bool Run(char c) => char.IsDigit(c);
    }
}
