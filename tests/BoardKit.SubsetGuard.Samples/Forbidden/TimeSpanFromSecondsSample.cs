using System;

namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>
    /// Uses TimeSpan.FromSeconds(Double). nano has only FromSeconds(Int64); the guard treats that as a different
    /// API on purpose (a fractional argument does not survive the move), see NanoEquivalences.
    /// </summary>
    public static class TimeSpanFromSecondsSample
    {
        /// <summary>Five seconds.</summary>
        public static TimeSpan Run() => TimeSpan.FromSeconds(5);
    }
}
