using BenchmarkDotNet.Running;

namespace BoardKit.Bench
{
    /// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet switcher), or the size report.</summary>
    public static class Program
    {
        /// <summary>Entry point: <c>sizes</c> prints the size and memory report; anything else goes to BenchmarkDotNet
        /// (e.g. <c>--filter '*'</c> for every benchmark).</summary>
        public static void Main(string[] args)
        {
            if (args.Length == 1 && args[0] == "sizes")
            {
                SizeReport.Print();
                return;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
