using System;

namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>
    /// Calls Array.Empty&lt;T&gt;() by hand (not as the compiler's empty-params lowering): nano 1.x has no generic
    /// methods, so the device build would fail.
    /// </summary>
    public static class ArrayEmptySample
    {
        /// <summary>An empty buffer.</summary>
        public static byte[] Run()
        {
            byte[] empty = Array.Empty<byte>();
            return empty;
        }
    }
}
