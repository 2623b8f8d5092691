namespace BoardKit.Firmware.Core.Config
{
    /// <summary>The outcome of <see cref="BoardConfigParser.Parse"/>: the configuration, or why board.json was refused.</summary>
    public sealed class BoardConfigResult : ConfigResult
    {
        internal BoardConfigResult()
            : base(false)
        {
        }

        /// <summary>The accepted configuration; null when <see cref="ConfigResult.Succeeded"/> is false.</summary>
        public BoardConfig? Config { get; internal set; }
    }
}
