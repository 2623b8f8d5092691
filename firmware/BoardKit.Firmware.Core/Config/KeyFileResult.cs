namespace BoardKit.Firmware.Core.Config
{
    /// <summary>The outcome of <see cref="KeyFileParser.Parse"/>: the keys, or why board.key was refused (never with key material in the message).</summary>
    public sealed class KeyFileResult : ConfigResult
    {
        internal KeyFileResult()
            : base(true)
        {
        }

        /// <summary>The accepted key file; null when <see cref="ConfigResult.Succeeded"/> is false (then no key was installed anywhere).</summary>
        public KeyFile? KeyFile { get; internal set; }
    }
}
