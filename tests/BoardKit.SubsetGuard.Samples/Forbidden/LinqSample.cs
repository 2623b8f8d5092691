using System.Linq;

namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>Uses LINQ: there is no System.Linq on the device.</summary>
    public static class LinqSample
    {
        /// <summary>Counts the positive values with Where/Count.</summary>
        public static int Run(int[] values) => values.Where(v => v > 0).Count();
    }
}
