namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// A command to a board (payload of MessageKind.Command; docs/protocol.md, "Command"). Mutable, reusable.
    /// <code>
    /// 0  1  code: 1 brightness, 2 identify, 3 reboot, 4 request status
    /// brightness: 1  mode (0 = level 0..255, 1 = percent 0..100), 1 value
    /// identify:   2  seconds (1..3600)
    /// resync:     4  new content epoch (u32, must be above the board's current epoch)
    /// reboot, request status, end local emergency: nothing
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
        /// <summary>
        /// Start content epoch <see cref="Epoch"/> (docs/protocol.md 8.5): every persistent stream starts over, every
        /// message of an earlier epoch is refused, and the board's time lower bound becomes this command's issue time.
        /// How a board locked by a bad sequence or clock recovers without a site visit.
        /// </summary>
        public const int CodeResync = 5;
        /// <summary>End the emergency started with the board's button (the remote counterpart of a second hold).</summary>
        public const int CodeEndLocalEmergency = 6;

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

        /// <summary>Resync only: the new content epoch, 1..4294967295.</summary>
        public uint Epoch { get; set; }

        /// <summary>Sequence of the command message (set by the receiver when it accepts the command; for CommandDone events).</summary>
        public ulong Sequence { get; set; }

        /// <summary>Brightness as a level 0..255 whichever mode was sent: percent p gives (p x 255 + 50) / 100 in integers, i.e. rounded half up (50 % = 127.5 = 128).</summary>
        public int BrightnessLevel
        {
            get { return BrightnessMode == BrightnessModePercent ? (BrightnessValue * 255 + 50) / 100 : BrightnessValue; }
        }
    }
}
