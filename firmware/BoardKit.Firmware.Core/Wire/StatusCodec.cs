namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Writes and reads status payloads: a sequence of fields, each tag (1 byte), length (1 byte), value
    /// (big-endian). Fields are written in tag order; a reader skips unknown tags (forward compatibility), takes the
    /// last of repeated tags, and rejects a known tag with the wrong length (BadField). No allocation, no exceptions.
    /// </summary>
    public static class StatusCodec
    {
        /// <summary>Writes every present field of <paramref name="status"/>; returns bytes written or a negated WireError.</summary>
        public static int Write(BoardStatus status, byte[] dest, int offset)
        {
            if (offset < 0 || offset > dest.Length)
            {
                return -WireError.BufferTooSmall;
            }

            int p = offset;
            for (int tag = 1; tag <= BoardStatus.MaxTag; tag++)
            {
                if (!status.Has(tag))
                {
                    continue;
                }

                int size = ValueSize(tag, status);
                if (size < 0)
                {
                    return -WireError.BadArgument;
                }

                if (dest.Length - p < 2 + size)
                {
                    return -WireError.BufferTooSmall;
                }

                dest[p] = (byte)tag;
                dest[p + 1] = (byte)size;
                WriteValue(tag, status, dest, p + 2);
                p += 2 + size;
            }

            return p - offset;
        }

        /// <summary>Reads a status payload into <paramref name="status"/> (Present is reset first). Errors: Truncated, BadField.</summary>
        public static bool TryRead(byte[] src, int offset, int length, BoardStatus status, out int errorCode)
        {
            if (offset < 0 || length < 0 || offset > src.Length || src.Length - offset < length)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            status.Present = 0;
            int p = offset;
            int end = offset + length;
            while (p < end)
            {
                if (end - p < 2)
                {
                    errorCode = WireError.Truncated;
                    return false;
                }

                int tag = src[p];
                int size = src[p + 1];
                if (size > end - p - 2)
                {
                    errorCode = WireError.Truncated;
                    return false;
                }

                int v = p + 2;
                p += 2 + size;
                if (tag < 1 || tag > BoardStatus.MaxTag)
                {
                    continue;
                }

                if (!ReadValue(tag, src, v, size, status))
                {
                    errorCode = WireError.BadField;
                    return false;
                }

                status.Mark(tag);
            }

            errorCode = WireError.None;
            return true;
        }

        private static int ValueSize(int tag, BoardStatus s)
        {
            switch (tag)
            {
                case BoardStatus.TagFirmwareVersion:
                    return s.FirmwareVersionLength >= 1 && s.FirmwareVersionLength <= BoardStatus.MaxFirmwareVersionBytes ? s.FirmwareVersionLength : -1;
                case BoardStatus.TagUptime:
                case BoardStatus.TagFreeHeap:
                case BoardStatus.TagLedCurrent:
                case BoardStatus.TagButtonPresses:
                    return 4;
                case BoardStatus.TagWifiRssi:
                    return s.WifiRssiDbm >= -128 && s.WifiRssiDbm <= 127 ? 1 : -1;
                case BoardStatus.TagProgram:
                    return s.ProgramItemIndex >= 0 && s.ProgramItemIndex <= 255 ? 9 : -1;
                case BoardStatus.TagAlert:
                    return s.AlertState >= 0 && s.AlertState <= BoardStatus.AlertCleared ? 9 : -1;
                case BoardStatus.TagErrorCounters:
                    return 16;
                case BoardStatus.TagLastRejection:
                    return 3;
                case BoardStatus.TagBrightness:
                    return s.Brightness >= 0 && s.Brightness <= 255 ? 1 : -1;
                case BoardStatus.TagKeyIds:
                    return s.KeyIdCount >= 1 && s.KeyIdCount <= BoardStatus.MaxKeyIds ? s.KeyIdCount : -1;
                case BoardStatus.TagFlags:
                    return s.Flags >= 0 && s.Flags <= 255 ? 1 : -1;
                case BoardStatus.TagEpoch:
                    return 4;
                case BoardStatus.TagBoardTime:
                    return s.BoardTimeQuality >= 0 && s.BoardTimeQuality <= 2 ? 5 : -1;
                case BoardStatus.TagShowing:
                    return s.Showing >= 0 && s.Showing <= 255 ? 1 : -1;
                default:
                    return -1;
            }
        }

        private static void WriteValue(int tag, BoardStatus s, byte[] d, int p)
        {
            switch (tag)
            {
                case BoardStatus.TagFirmwareVersion:
                    for (int i = 0; i < s.FirmwareVersionLength; i++)
                    {
                        d[p + i] = s.FirmwareVersionBytes[i];
                    }

                    break;
                case BoardStatus.TagUptime: BigEndian.WriteUInt32(d, p, s.UptimeSeconds); break;
                case BoardStatus.TagFreeHeap: BigEndian.WriteUInt32(d, p, s.FreeHeapBytes); break;
                case BoardStatus.TagWifiRssi: d[p] = (byte)s.WifiRssiDbm; break;
                case BoardStatus.TagProgram:
                    BigEndian.WriteUInt64(d, p, s.ProgramSequence);
                    d[p + 8] = (byte)s.ProgramItemIndex;
                    break;
                case BoardStatus.TagAlert:
                    d[p] = (byte)s.AlertState;
                    BigEndian.WriteUInt64(d, p + 1, s.AlertSequence);
                    break;
                case BoardStatus.TagLedCurrent: BigEndian.WriteUInt32(d, p, s.LedCurrentMa); break;
                case BoardStatus.TagErrorCounters:
                    BigEndian.WriteUInt32(d, p, s.RejectedCount);
                    BigEndian.WriteUInt32(d, p + 4, s.BadTagCount);
                    BigEndian.WriteUInt32(d, p + 8, s.ReplayCount);
                    BigEndian.WriteUInt32(d, p + 12, s.DecodeErrorCount);
                    break;
                case BoardStatus.TagButtonPresses: BigEndian.WriteUInt32(d, p, s.ButtonPresses); break;
                case BoardStatus.TagLastRejection:
                    BigEndian.WriteUInt16(d, p, s.LastRejectionCode);
                    d[p + 2] = (byte)s.LastRejectionKind;
                    break;
                case BoardStatus.TagBrightness: d[p] = (byte)s.Brightness; break;
                case BoardStatus.TagKeyIds:
                    for (int i = 0; i < s.KeyIdCount; i++)
                    {
                        d[p + i] = s.KeyIds[i];
                    }

                    break;
                case BoardStatus.TagFlags: d[p] = (byte)s.Flags; break;
                case BoardStatus.TagEpoch: BigEndian.WriteUInt32(d, p, s.Epoch); break;
                case BoardStatus.TagBoardTime:
                    BigEndian.WriteUInt32(d, p, s.BoardTime);
                    d[p + 4] = (byte)s.BoardTimeQuality;
                    break;
                case BoardStatus.TagShowing: d[p] = (byte)s.Showing; break;
            }
        }

        private static bool ReadValue(int tag, byte[] src, int p, int size, BoardStatus s)
        {
            switch (tag)
            {
                case BoardStatus.TagFirmwareVersion:
                    if (size < 1 || size > BoardStatus.MaxFirmwareVersionBytes)
                    {
                        return false;
                    }

                    for (int i = 0; i < size; i++)
                    {
                        s.FirmwareVersionBytes[i] = src[p + i];
                    }

                    s.FirmwareVersionLength = size;
                    return true;
                case BoardStatus.TagUptime:
                    if (size != 4) { return false; }
                    s.UptimeSeconds = BigEndian.ReadUInt32(src, p);
                    return true;
                case BoardStatus.TagFreeHeap:
                    if (size != 4) { return false; }
                    s.FreeHeapBytes = BigEndian.ReadUInt32(src, p);
                    return true;
                case BoardStatus.TagWifiRssi:
                    if (size != 1) { return false; }
                    s.WifiRssiDbm = src[p] >= 0x80 ? src[p] - 0x100 : src[p];
                    return true;
                case BoardStatus.TagProgram:
                    if (size != 9) { return false; }
                    s.ProgramSequence = BigEndian.ReadUInt64(src, p);
                    s.ProgramItemIndex = src[p + 8];
                    return true;
                case BoardStatus.TagAlert:
                    if (size != 9 || src[p] > BoardStatus.AlertCleared) { return false; }
                    s.AlertState = src[p];
                    s.AlertSequence = BigEndian.ReadUInt64(src, p + 1);
                    return true;
                case BoardStatus.TagLedCurrent:
                    if (size != 4) { return false; }
                    s.LedCurrentMa = BigEndian.ReadUInt32(src, p);
                    return true;
                case BoardStatus.TagErrorCounters:
                    if (size != 16) { return false; }
                    s.RejectedCount = BigEndian.ReadUInt32(src, p);
                    s.BadTagCount = BigEndian.ReadUInt32(src, p + 4);
                    s.ReplayCount = BigEndian.ReadUInt32(src, p + 8);
                    s.DecodeErrorCount = BigEndian.ReadUInt32(src, p + 12);
                    return true;
                case BoardStatus.TagButtonPresses:
                    if (size != 4) { return false; }
                    s.ButtonPresses = BigEndian.ReadUInt32(src, p);
                    return true;
                case BoardStatus.TagLastRejection:
                    if (size != 3) { return false; }
                    s.LastRejectionCode = BigEndian.ReadUInt16(src, p);
                    s.LastRejectionKind = src[p + 2];
                    return true;
                case BoardStatus.TagBrightness:
                    if (size != 1) { return false; }
                    s.Brightness = src[p];
                    return true;
                case BoardStatus.TagKeyIds:
                    if (size < 1 || size > BoardStatus.MaxKeyIds) { return false; }
                    for (int i = 0; i < size; i++)
                    {
                        s.KeyIds[i] = src[p + i];
                    }

                    s.KeyIdCount = size;
                    return true;
                case BoardStatus.TagFlags:
                    if (size != 1) { return false; }
                    s.Flags = src[p];
                    return true;
                case BoardStatus.TagEpoch:
                    if (size != 4) { return false; }
                    s.Epoch = BigEndian.ReadUInt32(src, p);
                    return true;
                case BoardStatus.TagBoardTime:
                    if (size != 5 || src[p + 4] > 2) { return false; }
                    s.BoardTime = BigEndian.ReadUInt32(src, p);
                    s.BoardTimeQuality = src[p + 4];
                    return true;
                case BoardStatus.TagShowing:
                    if (size != 1) { return false; }
                    s.Showing = src[p];
                    return true;
                default:
                    return false;
            }
        }
    }
}
