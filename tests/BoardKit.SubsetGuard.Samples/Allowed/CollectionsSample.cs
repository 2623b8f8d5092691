using System.Collections;
using System.Text;

namespace BoardKit.SubsetGuard.Samples.Allowed
{
    /// <summary>ArrayList, Hashtable, StringBuilder and string members that nanoFramework 1.x has.</summary>
    public static class CollectionsSample
    {
        /// <summary>Splits "a,b,c", keeps the parts in an ArrayList and a Hashtable, and joins them back.</summary>
        public static string Run(string csv)
        {
            var parts = new ArrayList();
            foreach (string part in csv.Split(','))
            {
                parts.Add(part.Trim());
            }

            var seen = new Hashtable();
            var builder = new StringBuilder();
            foreach (string part in parts)
            {
                if (!seen.Contains(part))
                {
                    seen[part] = parts.IndexOf(part);
                    builder.Append(part.Substring(0, 1)).Append(part.Length);
                }
            }

            builder.Replace("x", "y");
            return builder.ToString() + parts.Count;
        }
    }
}
