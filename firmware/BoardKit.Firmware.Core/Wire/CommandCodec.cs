namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>Writes and reads command payloads (see <see cref="Command"/> for the layout). No allocation, no exceptions.</summary>
    public static class CommandCodec
    {
        /// <summary>Writes <paramref name="command"/> to dest at offset; returns bytes written or a negated WireError.</summary>
        public static int Write(Command command, byte[] dest, int offset)
        {
            int size;
            switch (command.Code)
            {
                case Command.CodeBrightness:
                    if (!BrightnessOk(command.BrightnessMode, command.BrightnessValue))
                    {
                        return -WireError.BadArgument;
                    }

                    size = 3;
                    break;
                case Command.CodeIdentify:
                    if (command.IdentifySeconds < 1 || command.IdentifySeconds > Command.MaxIdentifySeconds)
                    {
                        return -WireError.BadArgument;
                    }

                    size = 3;
                    break;
                case Command.CodeResync:
                    if (command.Epoch == 0)
                    {
                        return -WireError.BadArgument;
                    }

                    size = 5;
                    break;
                case Command.CodeReboot:
                case Command.CodeRequestStatus:
                case Command.CodeEndLocalEmergency:
                    size = 1;
                    break;
                default:
                    return -WireError.BadArgument;
            }

            if (offset < 0 || offset > dest.Length || dest.Length - offset < size)
            {
                return -WireError.BufferTooSmall;
            }

            dest[offset] = (byte)command.Code;
            if (command.Code == Command.CodeBrightness)
            {
                dest[offset + 1] = (byte)command.BrightnessMode;
                dest[offset + 2] = (byte)command.BrightnessValue;
            }
            else if (command.Code == Command.CodeIdentify)
            {
                BigEndian.WriteUInt16(dest, offset + 1, command.IdentifySeconds);
            }
            else if (command.Code == Command.CodeResync)
            {
                BigEndian.WriteUInt32(dest, offset + 1, command.Epoch);
            }

            return size;
        }

        /// <summary>
        /// Reads a command payload into <paramref name="command"/>. Errors: Truncated, UnknownCommand, BadField.
        /// </summary>
        public static bool TryRead(byte[] src, int offset, int length, Command command, out int errorCode)
        {
            if (offset < 0 || length < 1 || offset > src.Length || src.Length - offset < length)
            {
                errorCode = WireError.Truncated;
                return false;
            }

            int code = src[offset];
            switch (code)
            {
                case Command.CodeBrightness:
                    if (length < 3)
                    {
                        errorCode = WireError.Truncated;
                        return false;
                    }

                    if (!BrightnessOk(src[offset + 1], src[offset + 2]))
                    {
                        errorCode = WireError.BadField;
                        return false;
                    }

                    command.BrightnessMode = src[offset + 1];
                    command.BrightnessValue = src[offset + 2];
                    command.IdentifySeconds = 0;
                    command.Epoch = 0;
                    break;
                case Command.CodeIdentify:
                    if (length < 3)
                    {
                        errorCode = WireError.Truncated;
                        return false;
                    }

                    int seconds = BigEndian.ReadUInt16(src, offset + 1);
                    if (seconds < 1 || seconds > Command.MaxIdentifySeconds)
                    {
                        errorCode = WireError.BadField;
                        return false;
                    }

                    command.IdentifySeconds = seconds;
                    command.BrightnessMode = 0;
                    command.BrightnessValue = 0;
                    command.Epoch = 0;
                    break;
                case Command.CodeResync:
                    if (length < 5)
                    {
                        errorCode = WireError.Truncated;
                        return false;
                    }

                    uint epoch = BigEndian.ReadUInt32(src, offset + 1);
                    if (epoch == 0)
                    {
                        errorCode = WireError.BadField;
                        return false;
                    }

                    command.Epoch = epoch;
                    command.IdentifySeconds = 0;
                    command.BrightnessMode = 0;
                    command.BrightnessValue = 0;
                    break;
                case Command.CodeReboot:
                case Command.CodeRequestStatus:
                case Command.CodeEndLocalEmergency:
                    command.IdentifySeconds = 0;
                    command.BrightnessMode = 0;
                    command.BrightnessValue = 0;
                    command.Epoch = 0;
                    break;
                default:
                    errorCode = WireError.UnknownCommand;
                    return false;
            }

            command.Code = code;
            errorCode = WireError.None;
            return true;
        }

        private static bool BrightnessOk(int mode, int value)
        {
            if (mode == Command.BrightnessModeLevel)
            {
                return value >= 0 && value <= 255;
            }

            return mode == Command.BrightnessModePercent && value >= 0 && value <= 100;
        }
    }
}
