namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// A board event (payload of MessageKind.Event; docs/protocol.md, "Event"). Fixed 16 bytes, big-endian:
    /// <code>
    /// 0  1  code (CodeBooted ...)
    /// 1  2  detail: button id; WireError code for a rejection; command code for CodeCommandDone
    /// 3  1  kind of the message concerned (rejection), else 0
    /// 4  8  sequence of the message concerned (rejection, alert, command), else 0
    /// 12 4  uptime, seconds
    /// 16 4  when it happened, unix seconds: present only when the board knew the time (an event stored offline and
    ///       sent after a reboot carries it; its uptime belongs to the earlier boot)
    /// </code>
    /// Bytes after these are ignored. Mutable, reusable.
    /// </summary>
    public sealed class BoardEvent
    {
        /// <summary>Payload size without the time field.</summary>
        public const int Size = 16;

        /// <summary>Payload size with the time field.</summary>
        public const int SizeWithTime = 20;

        /// <summary>The board started (session nonce in the envelope is new).</summary>
        public const int CodeBooted = 1;
        /// <summary>A button was pressed; detail = button id.</summary>
        public const int CodeButtonPressed = 2;
        /// <summary>A message was rejected; detail = WireError code, kind and sequence of the message (sequence 0 if not authentic).</summary>
        public const int CodeMessageRejected = 3;
        /// <summary>An alert went on screen; sequence = alert sequence.</summary>
        public const int CodeAlertShown = 4;
        /// <summary>An alert ended (cleared or expired); sequence = alert sequence.</summary>
        public const int CodeAlertEnded = 5;
        /// <summary>A command was carried out; detail = command code, sequence = command sequence.</summary>
        public const int CodeCommandDone = 6;
        /// <summary>The local emergency started; detail = source (SourceButton).</summary>
        public const int CodeEmergencyStarted = 7;
        /// <summary>The local emergency ended; detail = source (SourceButton: a second hold; SourceCommand: end-local-emergency command).</summary>
        public const int CodeEmergencyEnded = 8;
        /// <summary>The board found its replay state lost at boot and is recovering; detail = damaged state slots (1 or 2).</summary>
        public const int CodeStateLost = 9;

        /// <summary>Detail of CodeEmergencyStarted/Ended: the board's button.</summary>
        public const int SourceButton = 1;
        /// <summary>Detail of CodeEmergencyEnded: a command from the gateway.</summary>
        public const int SourceCommand = 2;

        /// <summary>Event code (Code* constants; a reader passes unknown codes on).</summary>
        public int Code { get; set; }

        /// <summary>Detail, 0..65535; meaning depends on Code.</summary>
        public int Detail { get; set; }

        /// <summary>Kind byte of the message concerned, or 0.</summary>
        public int Kind { get; set; }

        /// <summary>Sequence of the message concerned, or 0.</summary>
        public ulong Sequence { get; set; }

        /// <summary>Board uptime when the event happened, seconds.</summary>
        public uint UptimeSeconds { get; set; }

        /// <summary>When the event happened, unix seconds; 0 = the board did not know the time (the field is then not sent).</summary>
        public uint TimeUnixSeconds { get; set; }

        /// <summary>Copies every field of <paramref name="other"/>.</summary>
        public void CopyFrom(BoardEvent other)
        {
            Code = other.Code;
            Detail = other.Detail;
            Kind = other.Kind;
            Sequence = other.Sequence;
            UptimeSeconds = other.UptimeSeconds;
            TimeUnixSeconds = other.TimeUnixSeconds;
        }
    }
}
