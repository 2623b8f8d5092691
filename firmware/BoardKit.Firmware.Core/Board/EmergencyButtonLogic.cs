namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// What the emergency button's samples mean (docs/protocol.md 15.6). The board samples the button every step
    /// (Ports.IEmergencyButton.IsPressed) and passes the samples here with its monotonic time:
    /// <list type="bullet">
    /// <item>Debounce: a change of the raw level counts only once it has lasted <see cref="DebounceMs"/> (contact
    /// bounce and interference on a long cable to a wall-mounted button last a few ms).</item>
    /// <item>Hold: a press held for <see cref="HoldMs"/> completes a hold, reported once, at the moment the time is
    /// reached (the guard sees the board react while still pressing); releasing earlier is a short press, which never
    /// triggers anything. The runtime turns a hold into "start the local emergency" or, while one is active, "end it".</item>
    /// </list>
    /// No allocation; no clock of its own.
    /// </summary>
    public sealed class EmergencyButtonLogic
    {
        /// <summary>Nothing happened in this sample.</summary>
        public const int ActionNone = 0;

        /// <summary>The button has just been held for HoldMs (once per press).</summary>
        public const int ActionHoldCompleted = 1;

        /// <summary>The button was released before HoldMs: a short press (counted, never acted on).</summary>
        public const int ActionShortPress = 2;

        /// <summary>Default hold time, ms: 2 s, long enough that a brush or a child's tap does nothing, short enough for a guard in a hurry.</summary>
        public const int DefaultHoldMs = 2000;

        /// <summary>Default debounce, ms.</summary>
        public const int DefaultDebounceMs = 50;

        private bool _raw;
        private long _rawSinceMs;
        private bool _pressed;
        private long _pressedAtMs;
        private bool _holdReported;

        /// <summary>Logic for a button held <paramref name="holdMs"/> (500..10000) with <paramref name="debounceMs"/> (10..500) of debounce.</summary>
        /// <exception cref="System.ArgumentException">A value out of range.</exception>
        public EmergencyButtonLogic(int holdMs, int debounceMs)
        {
            if (holdMs < 500 || holdMs > 10000 || debounceMs < 10 || debounceMs > 500)
            {
                throw new System.ArgumentException("hold 500..10000 ms, debounce 10..500 ms");
            }

            HoldMs = holdMs;
            DebounceMs = debounceMs;
        }

        /// <summary>Hold time, ms.</summary>
        public int HoldMs { get; private set; }

        /// <summary>Debounce time, ms.</summary>
        public int DebounceMs { get; private set; }

        /// <summary>True while the button is (debounced) down.</summary>
        public bool IsPressed
        {
            get { return _pressed; }
        }

        /// <summary>Debounced presses since boot, short or held (status tag 0x09).</summary>
        public int PressCount { get; private set; }

        /// <summary>
        /// Takes one sample: <paramref name="rawPressed"/> as read at <paramref name="monotonicMs"/> (never decreasing).
        /// Returns ActionNone, ActionHoldCompleted or ActionShortPress.
        /// </summary>
        public int Update(bool rawPressed, long monotonicMs)
        {
            if (rawPressed != _raw)
            {
                _raw = rawPressed;
                _rawSinceMs = monotonicMs;
            }

            if (_raw != _pressed && monotonicMs - _rawSinceMs >= DebounceMs)
            {
                _pressed = _raw;
                if (_pressed)
                {
                    // The press began when the level first changed, not when debouncing ended.
                    _pressedAtMs = _rawSinceMs;
                    _holdReported = false;
                    PressCount++;
                }
                else if (!_holdReported)
                {
                    return ActionShortPress;
                }
            }

            if (_pressed && !_holdReported && monotonicMs - _pressedAtMs >= HoldMs)
            {
                _holdReported = true;
                return ActionHoldCompleted;
            }

            return ActionNone;
        }
    }
}
