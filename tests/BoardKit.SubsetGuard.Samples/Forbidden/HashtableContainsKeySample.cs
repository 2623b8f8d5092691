using System.Collections;

namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>Uses Hashtable.ContainsKey; nano's Hashtable has only Contains.</summary>
    public static class HashtableContainsKeySample
    {
        /// <summary>True when the table has the key.</summary>
        public static bool Run(Hashtable table, object key) => table.ContainsKey(key);
    }
}
