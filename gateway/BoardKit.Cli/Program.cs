using System.CommandLine;

namespace BoardKit.Cli
{
    /// <summary>Entry point of the <c>boardkit</c> command.</summary>
    public static class Program
    {
        /// <summary>Runs the command line; returns the process exit code (0 = success, 1 = refused input, 2 = usage).</summary>
        public static int Main(string[] args)
        {
            var root = new RootCommand("BoardKit: firmware and gateway tools for LED public information boards.");
            root.Subcommands.Add(DemoCommand.Create());
            root.Subcommands.Add(RenderCommand.Create());
            return root.Parse(args).Invoke();
        }
    }
}
