namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>Uses string.Replace, which nano's System.String lacks.</summary>
    public static class StringReplaceSample
    {
        /// <summary>Replaces every "a" with "b".</summary>
        public static string Run(string text) => text.Replace("a", "b");
    }
}
