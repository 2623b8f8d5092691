namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Message kinds (envelope byte 3). Byte constants rather than an enum so an unknown value from the wire is just a
    /// number. 0x01-0x0F: persistent streams (replay state kept on flash); 0x10-0x1F: session-bound gateway to board;
    /// 0x20-0x2F: board to gateway.
    /// </summary>
    public static class MessageKind
    {
        /// <summary>Program: items the board caches and plays on its own. Topic .../program, retained, QoS 1.</summary>
        public const int Program = 0x01;
        /// <summary>Alert: overrides the program until it expires or is cleared. Topic .../alert, retained, QoS 1.</summary>
        public const int Alert = 0x02;
        /// <summary>Alert clear: ends the alert named by sequence. Topic .../alert (replaces the retained alert), QoS 1.</summary>
        public const int AlertClear = 0x03;
        /// <summary>Emergency preset: the item the board plays when its emergency button is held. Topic .../preset, retained, QoS 1.</summary>
        public const int Preset = 0x04;
        /// <summary>Live frame: one frame shown now. Topic .../frame, not retained, QoS 0. Session-bound.</summary>
        public const int LiveFrame = 0x10;
        /// <summary>Command: brightness, identify, reboot, request status. Topic .../cmd, not retained, QoS 1. Session-bound.</summary>
        public const int Command = 0x11;
        /// <summary>Board status (board to gateway). Topic .../status, retained, QoS 1.</summary>
        public const int Status = 0x20;
        /// <summary>Board event (board to gateway). Topic .../event, not retained, QoS 1.</summary>
        public const int Event = 0x21;

        /// <summary>True for kinds this version defines.</summary>
        public static bool IsKnown(int kind)
        {
            return kind == Program || kind == Alert || kind == AlertClear || kind == Preset || kind == LiveFrame
                || kind == Command || kind == Status || kind == Event;
        }

        /// <summary>True for the kinds whose replay state survives a reboot (program, alert, alert clear, preset).</summary>
        public static bool IsPersistentStream(int kind)
        {
            return kind == Program || kind == Alert || kind == AlertClear || kind == Preset;
        }

        /// <summary>True for the kinds bound to the board's boot session (live frame, command, status, event).</summary>
        public static bool IsSessionBound(int kind)
        {
            return kind == LiveFrame || kind == Command || kind == Status || kind == Event;
        }

        /// <summary>Short name for logs ("program", "alert", ...); "kind N" for unknown kinds.</summary>
        public static string Name(int kind)
        {
            switch (kind)
            {
                case Program: return "program";
                case Alert: return "alert";
                case AlertClear: return "alert-clear";
                case Preset: return "preset";
                case LiveFrame: return "frame";
                case Command: return "cmd";
                case Status: return "status";
                case Event: return "event";
                default: return "kind " + kind.ToString();
            }
        }
    }
}
