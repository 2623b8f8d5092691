using System;

namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>Uses Span&lt;T&gt; (1.x has only the non-generic SpanByte).</summary>
    public static class SpanSample
    {
        /// <summary>Writes 1 into the first byte through a span.</summary>
        public static void Run(byte[] buffer)
        {
            var span = new Span<byte>(buffer);
            span[0] = 1;
        }
    }
}
