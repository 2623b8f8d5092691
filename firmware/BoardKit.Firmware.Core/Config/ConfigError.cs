namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// Why board.json or board.key was refused. The reader (<see cref="JsonReader"/>), <see cref="BoardConfigParser"/>
    /// and <see cref="KeyFileParser"/> report one of these codes with a message naming the field path and position.
    /// A board that cannot start shows <see cref="OnPanelCode"/> on its LEDs ("C04": board.json, "K14": board.key);
    /// the installer guide lists every code with <see cref="Describe"/>. Codes are stable: a number is never reused
    /// for another meaning. Plain int constants, not an enum: on nanoFramework enum.ToString() prints the number.
    /// </summary>
    public static class ConfigError
    {
        /// <summary>No error.</summary>
        public const int None = 0;

        /// <summary>The file is not on the board's flash (for board.key: the board is not provisioned).</summary>
        public const int FileMissing = 1;

        /// <summary>The file is larger than <see cref="JsonLimits.MaxInputBytes"/> bytes.</summary>
        public const int FileTooLarge = 2;

        /// <summary>The file is not UTF-8: saved as UTF-16, or a string holds bytes that are not well-formed UTF-8.</summary>
        public const int Encoding = 3;

        /// <summary>The file is not JSON (RFC 8259); the message gives line and column.</summary>
        public const int Syntax = 4;

        /// <summary>A JSON limit was exceeded: nesting depth, string length, array or object size, node count, number range.</summary>
        public const int LimitExceeded = 5;

        /// <summary>An object names the same member twice.</summary>
        public const int DuplicateKey = 6;

        /// <summary>"format" is not a version this firmware reads (only 1), or is missing.</summary>
        public const int UnsupportedFormat = 7;

        /// <summary>A field this format does not define (usually a typo): unknown fields are refused, never ignored.</summary>
        public const int UnknownField = 8;

        /// <summary>A required field is absent.</summary>
        public const int MissingField = 9;

        /// <summary>A field has the wrong JSON type (e.g. a string where a number belongs).</summary>
        public const int WrongType = 10;

        /// <summary>A field's value is outside its range or not one of the allowed words.</summary>
        public const int BadValue = 11;

        /// <summary>A GPIO pin the ESP32 cannot use for that job, or one pin given two jobs.</summary>
        public const int BadPin = 12;

        /// <summary>Two fields disagree (a tile on a chain that does not exist, LEDs past a chain's end, idle current above the budget, a key id twice ...).</summary>
        public const int Conflict = 13;

        /// <summary>board.key was made for another board than board.json names (two boards' files mixed up).</summary>
        public const int WrongBoard = 14;

        /// <summary>A key is the published test-vector key or one byte repeated 32 times: anyone could sign for the board.</summary>
        public const int WeakKey = 15;

        /// <summary>Highest code defined by this version.</summary>
        public const int MaxCode = 15;

        /// <summary>
        /// Short code the board shows on its LEDs when it cannot start: 'C' for board.json or 'K' for board.key, then
        /// the two-digit error code, e.g. "C04". Always 3 characters, within the 4 a 64-pixel-wide panel shows in a
        /// 6-pixel font with room to spare. "C00" / "K00" for None; a code outside 0..99 (none exists) shows as "C99".
        /// </summary>
        public static string OnPanelCode(int code, bool keyFile)
        {
            string prefix = keyFile ? "K" : "C";
            if (code < 0 || code > 99)
            {
                return prefix + "99";
            }

            return prefix + (code < 10 ? "0" : string.Empty) + code.ToString();
        }

        /// <summary>
        /// One-line English description of <paramref name="code"/> for the installer guide and logs (what is wrong and
        /// what to do); "error N" for codes this version does not know.
        /// </summary>
        public static string Describe(int code)
        {
            switch (code)
            {
                case None: return "ok";
                case FileMissing: return "file not found on the board: deploy it with nanoff --filedeployment (no board.key: board not provisioned)";
                case FileTooLarge: return "file larger than 8192 bytes: remove what the format does not need";
                case Encoding: return "file is not UTF-8: save it as UTF-8 (not UTF-16) and check non-ASCII text";
                case Syntax: return "file is not valid JSON: check quotes, commas and brackets at the line and column given";
                case LimitExceeded: return "file exceeds a size limit (nesting, string length, list length or number range)";
                case DuplicateKey: return "a field is written twice in the same object: keep one";
                case UnsupportedFormat: return "\"format\" missing or not 1: the file was written for another firmware version";
                case UnknownField: return "unknown field (often a typo): fields are never ignored, fix or remove it";
                case MissingField: return "a required field is missing";
                case WrongType: return "a field has the wrong type (number, string, true/false, list or object)";
                case BadValue: return "a field's value is out of range or not one of the allowed words";
                case BadPin: return "a GPIO pin cannot be used for that job or is used twice";
                case Conflict: return "two fields disagree (tiles, chains, power budget or key ids)";
                case WrongBoard: return "board.key belongs to another board: deploy the key made for this board id";
                case WeakKey: return "board.key holds a published or trivial key: generate a real key with the provisioning tool";
                default: return "error " + code.ToString();
            }
        }
    }
}
