using System;
using System.CommandLine;

namespace BoardKit.Cli
{
    /// <summary>Entry point of the <c>boardkit</c> command.</summary>
    public static class Program
    {
        /// <summary>Runs the command line; returns the process exit code (<see cref="ExitCodes"/>).</summary>
        public static int Main(string[] args)
        {
            var root = new RootCommand("BoardKit: firmware and gateway tools for LED public information boards.");
            root.Subcommands.Add(DemoCommand.Create());
            root.Subcommands.Add(RenderCommand.Create());
            root.Subcommands.Add(EmergencyCommand.Create());
            root.Subcommands.Add(AuditCommand.Create());
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    Console.Error.WriteLine("boardkit: " + error.Message);
                }

                Console.Error.WriteLine("Run 'boardkit --help' for usage.");
                return ExitCodes.Usage;
            }

            return parse.Invoke();
        }
    }
}
