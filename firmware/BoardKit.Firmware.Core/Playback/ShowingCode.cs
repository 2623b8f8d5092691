namespace BoardKit.Firmware.Core.Playback
{
    /// <summary>
    /// What the panel shows after a <see cref="Player.Step"/> (for status and proof of play). The values are part of
    /// the playback vectors (tests/vectors/play-*.txt), so they never change meaning.
    /// </summary>
    public static class ShowingCode
    {
        /// <summary>Nothing to show: every LED off.</summary>
        public const int Dark = 0;

        /// <summary>A program item, of any level (Player.ItemIndex names it).</summary>
        public const int ProgramItem = 1;

        /// <summary>The live frame.</summary>
        public const int LiveFrame = 2;

        /// <summary>The active alert.</summary>
        public const int Alert = 3;

        /// <summary>Local emergency (button held): the emergency preset, or the built-in fallback without one.</summary>
        public const int LocalEmergency = 4;

        /// <summary>The identify screen (colour bars and board id).</summary>
        public const int Identify = 5;

        /// <summary>A diagnostic code: the board cannot run its content.</summary>
        public const int Diagnostic = 6;

        /// <summary>Item index reported when no program item is on screen (status tag 0x05 uses the same 0xFF).</summary>
        public const int NoItem = 0xFF;
    }
}
