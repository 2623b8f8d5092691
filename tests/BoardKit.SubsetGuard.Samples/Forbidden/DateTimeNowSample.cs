using System;

namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>Uses DateTime.Now; nano has only DateTime.UtcNow.</summary>
    public static class DateTimeNowSample
    {
        /// <summary>Local time in ticks.</summary>
        public static long Run() => DateTime.Now.Ticks;
    }
}
