using System.Globalization;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>Numbers in messages for editors, written the same on every machine.</summary>
    internal static class NumberText
    {
        /// <summary>"16,384": thousands grouped with commas, whatever the machine's culture.</summary>
        public static string Grouped(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
