namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>Uses int? (Nullable&lt;Int32&gt;): a generic struct, absent in 1.x.</summary>
    public static class NullableIntSample
    {
        /// <summary>The value, or -1 when there is none.</summary>
        public static int Run(int? value) => value ?? -1;
    }
}
