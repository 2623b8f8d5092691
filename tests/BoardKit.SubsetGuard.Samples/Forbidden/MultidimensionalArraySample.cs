namespace BoardKit.SubsetGuard.Samples.Forbidden
{
    /// <summary>Uses a rectangular array; 1.x supports only single-dimension (and jagged) arrays.</summary>
    public static class MultidimensionalArraySample
    {
        /// <summary>Stores and reads one cell of a 2x2 grid.</summary>
        public static int Run()
        {
            var grid = new int[2, 2];
            grid[1, 1] = 7;
            return grid[1, 1];
        }
    }
}
