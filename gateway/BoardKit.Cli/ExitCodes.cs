namespace BoardKit.Cli
{
    /// <summary>Process exit codes of every <c>boardkit</c> command.</summary>
    public static class ExitCodes
    {
        /// <summary>The command did what was asked.</summary>
        public const int Ok = 0;

        /// <summary>The input was refused: a character no font can draw, text that does not fit, a rejected message.</summary>
        public const int Refused = 1;

        /// <summary>The command line itself is wrong.</summary>
        public const int Usage = 2;
    }
}
