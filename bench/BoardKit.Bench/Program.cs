using BenchmarkDotNet.Running;

namespace BoardKit.Bench
{
    /// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet switcher).</summary>
    public static class Program
    {
        /// <summary>Entry point; pass <c>--filter '*'</c> for all benchmarks.</summary>
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
