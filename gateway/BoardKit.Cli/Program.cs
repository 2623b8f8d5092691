namespace BoardKit.Cli
{
    /// <summary>Entry point of the <c>boardkit</c> command.</summary>
    public static class Program
    {
        /// <summary>Runs the command line; returns the process exit code.</summary>
        public static int Main(string[] args) => args.Length == 0 ? 2 : 0;
    }
}
