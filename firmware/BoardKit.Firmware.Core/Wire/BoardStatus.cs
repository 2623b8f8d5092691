using BoardKit.Firmware.Core.Text;

namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Board status (payload of MessageKind.Status; docs/protocol.md, "Status"). Every field is optional; Present
    /// holds one bit per field (the Has* constants, bit = 1 &lt;&lt; tag). Mutable, reusable; the firmware version is
    /// kept as bytes so decoding allocates nothing.
    /// </summary>
    public sealed class BoardStatus
    {
        /// <summary>Tag 0x01: firmware version, UTF-8, 1..32 bytes.</summary>
        public const int TagFirmwareVersion = 0x01;
        /// <summary>Tag 0x02: uptime, seconds, u32.</summary>
        public const int TagUptime = 0x02;
        /// <summary>Tag 0x03: free managed heap, bytes, u32.</summary>
        public const int TagFreeHeap = 0x03;
        /// <summary>Tag 0x04: Wi-Fi RSSI, dBm, signed 8-bit. Absent = unknown.</summary>
        public const int TagWifiRssi = 0x04;
        /// <summary>Tag 0x05: program sequence (u64, 0 = none) and current item index (u8, 0xFF = none).</summary>
        public const int TagProgram = 0x05;
        /// <summary>Tag 0x06: alert state (u8, AlertNone...) and alert sequence (u64).</summary>
        public const int TagAlert = 0x06;
        /// <summary>Tag 0x07: estimated LED current, mA, u32.</summary>
        public const int TagLedCurrent = 0x07;
        /// <summary>Tag 0x08: error counters since boot, 4 x u32: rejected messages, bad tags, replays, decode errors.</summary>
        public const int TagErrorCounters = 0x08;
        /// <summary>Tag 0x09: button presses since boot, u32.</summary>
        public const int TagButtonPresses = 0x09;
        /// <summary>Tag 0x0A: last rejection: WireError code (u16) and the message kind (u8).</summary>
        public const int TagLastRejection = 0x0A;
        /// <summary>Tag 0x0B: brightness level in use, 0..255, u8.</summary>
        public const int TagBrightness = 0x0B;
        /// <summary>Tag 0x0C: installed key ids, 1..4 bytes (key rotation: the gateway switches once the new id is listed).</summary>
        public const int TagKeyIds = 0x0C;
        /// <summary>Tag 0x0D: board flags, u8 (FlagRecovering, FlagLocalEmergency, FlagPowerLimited; other bits 0).</summary>
        public const int TagFlags = 0x0D;
        /// <summary>Tag 0x0E: content epoch, u32 (the session field persistent messages must carry; docs/protocol.md 8.5).</summary>
        public const int TagEpoch = 0x0E;
        /// <summary>Tag 0x0F: board time, unix seconds (u32, 0 = unknown) and its quality (u8: 0 unknown, 1 lower bound, 2 network).</summary>
        public const int TagBoardTime = 0x0F;
        /// <summary>Tag 0x10: what is on screen, u8 (Playback.ShowingCode: 0 dark, 1 program item, 2 live frame, 3 alert, 4 local emergency, 5 identify, 6 diagnostic).</summary>
        public const int TagShowing = 0x10;

        /// <summary>Highest tag this version writes and reads.</summary>
        public const int MaxTag = TagShowing;

        /// <summary>Flags bit 0: the replay state was lost and the board is recovering (the gateway re-signs its content).</summary>
        public const int FlagRecovering = 0x01;
        /// <summary>Flags bit 1: the emergency started with the board's button is on.</summary>
        public const int FlagLocalEmergency = 0x02;
        /// <summary>Flags bit 2: the power budget lowered the brightness of the frame on screen.</summary>
        public const int FlagPowerLimited = 0x04;

        /// <summary>Alert state: no alert.</summary>
        public const int AlertNone = 0;
        /// <summary>Alert state: an alert is on screen.</summary>
        public const int AlertActive = 1;
        /// <summary>Alert state: the last alert expired (validity end passed).</summary>
        public const int AlertExpired = 2;
        /// <summary>Alert state: the last alert was cleared.</summary>
        public const int AlertCleared = 3;

        /// <summary>Longest firmware version string, bytes.</summary>
        public const int MaxFirmwareVersionBytes = 32;

        /// <summary>Most key ids listed.</summary>
        public const int MaxKeyIds = 4;

        /// <summary>Bit set of fields present: bit (1 &lt;&lt; tag) for each Tag* constant.</summary>
        public int Present { get; set; }

        /// <summary>Firmware version bytes (UTF-8); FirmwareVersionLength of them are used.</summary>
        public byte[] FirmwareVersionBytes { get; } = new byte[MaxFirmwareVersionBytes];

        /// <summary>Bytes of FirmwareVersionBytes in use.</summary>
        public int FirmwareVersionLength { get; set; }

        /// <summary>Uptime, seconds.</summary>
        public uint UptimeSeconds { get; set; }

        /// <summary>Free managed heap, bytes.</summary>
        public uint FreeHeapBytes { get; set; }

        /// <summary>Wi-Fi RSSI, dBm (-128..127); meaningful only when present.</summary>
        public int WifiRssiDbm { get; set; }

        /// <summary>Sequence of the program being played (0 = none).</summary>
        public ulong ProgramSequence { get; set; }

        /// <summary>Index of the item on screen (0xFF = none).</summary>
        public int ProgramItemIndex { get; set; }

        /// <summary>Alert state (AlertNone ...).</summary>
        public int AlertState { get; set; }

        /// <summary>Sequence of the current or last alert.</summary>
        public ulong AlertSequence { get; set; }

        /// <summary>Estimated LED current, mA.</summary>
        public uint LedCurrentMa { get; set; }

        /// <summary>Messages rejected since boot (any reason).</summary>
        public uint RejectedCount { get; set; }

        /// <summary>Messages with a bad tag since boot.</summary>
        public uint BadTagCount { get; set; }

        /// <summary>Replays and rollbacks since boot.</summary>
        public uint ReplayCount { get; set; }

        /// <summary>Authentic messages whose payload did not decode, since boot.</summary>
        public uint DecodeErrorCount { get; set; }

        /// <summary>Button presses since boot.</summary>
        public uint ButtonPresses { get; set; }

        /// <summary>WireError code of the last rejected message.</summary>
        public int LastRejectionCode { get; set; }

        /// <summary>Kind byte of the last rejected message.</summary>
        public int LastRejectionKind { get; set; }

        /// <summary>Brightness level in use, 0..255.</summary>
        public int Brightness { get; set; }

        /// <summary>Installed key ids; KeyIdCount of them are used.</summary>
        public byte[] KeyIds { get; } = new byte[MaxKeyIds];

        /// <summary>Number of entries in KeyIds.</summary>
        public int KeyIdCount { get; set; }

        /// <summary>Board flags (Flag* bits).</summary>
        public int Flags { get; set; }

        /// <summary>Content epoch.</summary>
        public uint Epoch { get; set; }

        /// <summary>Board time, unix seconds (0 = unknown).</summary>
        public uint BoardTime { get; set; }

        /// <summary>Quality of BoardTime: 0 unknown, 1 lower bound, 2 network (Board.BoardClock.Quality*).</summary>
        public int BoardTimeQuality { get; set; }

        /// <summary>What is on screen (Playback showing code, 0..255).</summary>
        public int Showing { get; set; }

        /// <summary>True if the field with <paramref name="tag"/> is present.</summary>
        public bool Has(int tag)
        {
            return (Present & (1 << tag)) != 0;
        }

        /// <summary>Marks the field with <paramref name="tag"/> present.</summary>
        public void Mark(int tag)
        {
            Present |= 1 << tag;
        }

        /// <summary>Sets the firmware version (at most 32 UTF-8 bytes; longer is cut at a character boundary) and marks it present. Allocates.</summary>
        public void SetFirmwareVersion(string version)
        {
            byte[] bytes = Utf8.GetBytes(version);
            int n = bytes.Length < MaxFirmwareVersionBytes ? bytes.Length : MaxFirmwareVersionBytes;
            while (n < bytes.Length && n > 0 && (bytes[n] & 0xC0) == 0x80)
            {
                n--; // never cut inside a character: back off to the start of the one that does not fit
            }

            for (int i = 0; i < n; i++)
            {
                FirmwareVersionBytes[i] = bytes[i];
            }

            FirmwareVersionLength = n;
            Mark(TagFirmwareVersion);
        }

        /// <summary>The firmware version as a string ("" if absent). Allocates.</summary>
        public string GetFirmwareVersion()
        {
            if (!Has(TagFirmwareVersion) || FirmwareVersionLength == 0)
            {
                return string.Empty;
            }

            string? text = Utf8.Decode(FirmwareVersionBytes, 0, FirmwareVersionLength);
            return text ?? "(not UTF-8)";
        }
    }
}
