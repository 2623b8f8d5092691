namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// The outcome of reading board.json or board.key: success, or a <see cref="ConfigError"/> code with a message for
    /// the installer and the code the board shows on its LEDs.
    /// </summary>
    public abstract class ConfigResult
    {
        /// <summary>Creates a successful result for board.key (<paramref name="keyFile"/> true) or board.json.</summary>
        protected ConfigResult(bool keyFile)
        {
            IsKeyFile = keyFile;
        }

        /// <summary>True for board.key, false for board.json (chooses the 'K' or 'C' of <see cref="OnPanelCode"/>).</summary>
        public bool IsKeyFile { get; }

        /// <summary><see cref="ConfigError"/> code: None on success.</summary>
        public int ErrorCode { get; private set; }

        /// <summary>
        /// What is wrong, naming the field path and position, e.g. "tiles[2].rotation: must be 0, 90, 180 or 270, not
        /// 45 (line 14, column 19)"; "" on success. A board.key message never contains key material.
        /// </summary>
        public string Message { get; private set; } = string.Empty;

        /// <summary>True when the file was accepted.</summary>
        public bool Succeeded
        {
            get { return ErrorCode == ConfigError.None; }
        }

        /// <summary>The 3-character code a board that cannot start shows on its LEDs ("C04", "K01"); "C00"/"K00" on success.</summary>
        public string OnPanelCode
        {
            get { return ConfigError.OnPanelCode(ErrorCode, IsKeyFile); }
        }

        /// <summary>Turns this result into a failure (parsers only).</summary>
        internal void SetError(int code, string message)
        {
            ErrorCode = code;
            Message = message;
        }
    }
}
