using System.CommandLine;

namespace BoardKit.Cli
{
    /// <summary><c>boardkit render</c>: text to LED frames and PNG previews.</summary>
    public static class RenderCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var command = new Command("render", "Render text for a panel and write a PNG preview.");
            command.SetAction(_ => 0);
            return command;
        }
    }
}
