using System.Collections.Generic;

namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>Uses List&lt;T&gt;: 1.x has no generics (use ArrayList).</summary>
    public static class ListSample
    {
        /// <summary>Counts the items after adding them to a generic list.</summary>
        public static int Run(int[] values)
        {
            var list = new List<int>();
            foreach (int v in values)
            {
                list.Add(v);
            }

            return list.Count;
        }
    }
}
