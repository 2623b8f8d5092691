namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// A command to a board (payload of MessageKind.Command; docs/protocol.md, "Command"). Mutable, reusable.
    /// <code>
    /// 0  1  code: 1 brightness, 2 identify, 3 reboot, 4 request status
    /// brightness: 1  mode (0 = level 0..255, 1 = percent 0..100), 1 value
    /// identify:   2  seconds (1..3600)
    /// reboot, request status: nothing
    /// </code>
    /// Bytes after these are ignored (extensions).
    /// </summary>
    public sealed class Command
    {
        /// <summary>Set the brightness limit.</summary>
        public const int CodeBrightness = 1;
        /// <summary>Show the board's identity pattern (id, IP, RSSI) for IdentifySeconds.</summary>
        public const int CodeIdentify = 2;
        /// <summary>Reboot now (after acknowledging in an event).</summary>
        public const int CodeReboot = 3;
        /// <summary>Publish a fresh status now.</summary>
        public const int CodeRequestStatus = 4;

        /// <summary>Brightness value is a level 0..255.</summary>
        public const int BrightnessModeLevel = 0;
        /// <summary>Brightness value is a percentage 0..100.</summary>
        public const int BrightnessModePercent = 1;

        /// <summary>Longest identify, seconds (one hour).</summary>
        public const int MaxIdentifySeconds = 3600;

        /// <summary>Command code (CodeBrightness ...).</summary>
        public int Code { get; set; }

        /// <summary>Brightness only: BrightnessModeLevel or BrightnessModePercent.</summary>
        public int BrightnessMode { get; set; }

        /// <summary>Brightness only: 0..255 (level) or 0..100 (percent).</summary>
        public int BrightnessValue { get; set; }

        /// <summary>Identify only: seconds, 1..3600.</summary>
        public int IdentifySeconds { get; set; }

        /// <summary>Brightness as a level 0..255 whichever mode was sent (percent x 255 / 100, rounded).</summary>
        public int BrightnessLevel
        {
            get { return BrightnessMode == BrightnessModePercent ? (BrightnessValue * 255 + 50) / 100 : BrightnessValue; }
        }
    }
}
