using System;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// The structured inputs of every golden vector in tests/vectors. Encoding these must reproduce the files byte
    /// for byte (VectorTests); the files are (re)written from here only on request (VectorTests.Regenerate).
    /// Asymmetric bit patterns (0x01, 0x80, 0xA5) so that byte-order and bit-order mistakes show.
    /// </summary>
    internal static partial class VectorCatalog
    {
        public const int KeyId = 1;
        public const string BoardIdText = "lc-mlt-gate-1";
        public const ulong Session = 0x80A5010203040506;
        public const uint IssuedAt = 1767225600; // 2026-01-01T00:00:00Z

        public const ulong ProgramSequence = 0x0000000000010001;
        public const ulong AlertSequence = 0x0000000000020001;
        public const ulong AlertClearSequence = 0x0000000000020002;
        public const ulong CommandSequence = 0x0000000000000105;
        public const ulong IdentifySequence = 0x0000000000000106;
        public const ulong LiveFrameSequence = 0x0000000000000A51;
        public const ulong StatusSequence = 0x0000000000000001;
        public const ulong EventSequence = 0x0000000000000002;

        // Added with the emergency preset, content epochs, key rotation and the new commands, status tags and events.
        public const int SecondKeyId = 2;
        public const ulong PresetSequence = 0x0000000000030001;
        public const ulong BrightnessLevelSequence = 0x0000000000000107;
        public const ulong ResyncSequence = 0x0000000000000108;
        public const ulong EndEmergencySequence = 0x0000000000000109;
        public const ulong RebootSequence = 0x000000000000010A;
        public const ulong StatusV2Sequence = 0x0000000000000003;
        public const ulong EventEmergencySequence = 0x0000000000000004;
        public const uint ResyncEpoch = 1;

        /// <summary>Key bytes 00 01 02 ... 1F.</summary>
        public static byte[] Key()
        {
            byte[] k = new byte[32];
            for (int i = 0; i < k.Length; i++)
            {
                k[i] = (byte)i;
            }

            return k;
        }

        /// <summary>The second vector key, the vector key reversed (1F 1E ... 00), installed under key id 2 (key rotation vectors).</summary>
        public static byte[] SecondKey()
        {
            byte[] k = Key();
            Array.Reverse(k);
            return k;
        }

        public static byte[] BoardHash()
        {
            byte[] h = new byte[BoardId.HashSize];
            if (!BoardId.ComputeHash(BoardIdText, h, 0))
            {
                throw new InvalidOperationException("bad board id");
            }

            return h;
        }

        public static MessageBuilder Builder() => new MessageBuilder(BoardHash(), KeyId, Key());

        public sealed record FrameSpec(string Name, string Description, FrameHeader Header, byte[] Pixels, bool AllowCompression);

        /// <summary>Mono1 16x4: rows 80 01 / 00 00 / 00 00 / A5 A5. Palette black, amber (FF A5 01).</summary>
        public static FrameHeader Mono1Header()
        {
            var h = new FrameHeader().Set((int)PixelFormat.Mono1, 16, 4);
            h.SetPaletteEntry(0, 0x00, 0x00, 0x00);
            h.SetPaletteEntry(1, 0xFF, 0xA5, 0x01);
            return h;
        }

        public static byte[] Mono1Pixels() => new byte[] { 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0xA5, 0xA5 };

        /// <summary>Palette2 8x6: row 0 indices 0 1 2 3 3 2 1 0, rows 1-4 zero, row 5 indices 3 0 0 0 0 0 0 1.</summary>
        public static FrameHeader Palette2Header()
        {
            var h = new FrameHeader().Set((int)PixelFormat.Palette2, 8, 6);
            h.SetPaletteEntry(0, 0x00, 0x00, 0x00);
            h.SetPaletteEntry(1, 0xFF, 0x00, 0x00);
            h.SetPaletteEntry(2, 0x00, 0x80, 0x00);
            h.SetPaletteEntry(3, 0x01, 0x80, 0xA5);
            return h;
        }

        public static byte[] Palette2Pixels() => new byte[] { 0x1B, 0xE4, 0, 0, 0, 0, 0, 0, 0, 0, 0xC0, 0x01 };

        /// <summary>Palette4 4x6: row 0 indices 0 1 8 15, rows 1-4 zero, row 5 indices 10 5 0 0. Entry i = (16i, 255-16i, i XOR A5).</summary>
        public static FrameHeader Palette4Header()
        {
            var h = new FrameHeader().Set((int)PixelFormat.Palette4, 4, 6);
            for (int i = 0; i < 16; i++)
            {
                h.SetPaletteEntry(i, (byte)(16 * i), (byte)(255 - 16 * i), (byte)(i ^ 0xA5));
            }

            return h;
        }

        public static byte[] Palette4Pixels() => new byte[] { 0x01, 0x8F, 0, 0, 0, 0, 0, 0, 0, 0, 0xA5, 0x00 };

        /// <summary>Rgb888 4x2: (01 80 A5), black x5, (A5 80 01), (FF 00 80).</summary>
        public static FrameHeader Rgb888Header() => new FrameHeader().Set((int)PixelFormat.Rgb888, 4, 2);

        public static byte[] Rgb888Pixels() => new byte[]
        {
            0x01, 0x80, 0xA5, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0xA5, 0x80, 0x01, 0xFF, 0x00, 0x80,
        };

        public static FrameSpec[] Frames() => new[]
        {
            new FrameSpec("frame-mono1-raw", "Mono1 16x4, raw", Mono1Header(), Mono1Pixels(), false),
            new FrameSpec("frame-mono1-rle", "Mono1 16x4, run-length", Mono1Header(), Mono1Pixels(), true),
            new FrameSpec("frame-palette2-raw", "Palette2 8x6, raw", Palette2Header(), Palette2Pixels(), false),
            new FrameSpec("frame-palette2-rle", "Palette2 8x6, run-length", Palette2Header(), Palette2Pixels(), true),
            new FrameSpec("frame-palette4-raw", "Palette4 4x6, raw", Palette4Header(), Palette4Pixels(), false),
            new FrameSpec("frame-palette4-rle", "Palette4 4x6, run-length", Palette4Header(), Palette4Pixels(), true),
            new FrameSpec("frame-rgb888-raw", "Rgb888 4x2, raw", Rgb888Header(), Rgb888Pixels(), false),
            new FrameSpec("frame-rgb888-rle", "Rgb888 4x2, run-length (3-byte units)", Rgb888Header(), Rgb888Pixels(), true),
        };

        public static byte[] EncodeFrame(FrameSpec spec)
        {
            byte[] buf = new byte[256];
            int n = FrameCodec.Encode(spec.Header, spec.Pixels, spec.Pixels.Length, buf, 0, spec.AllowCompression);
            if (n < 0)
            {
                throw new InvalidOperationException(spec.Name + ": " + WireError.Describe(-n));
            }

            return buf.AsSpan(0, n).ToArray();
        }

        /// <summary>Item 0 of the program: scroll, normal, 16x4 Mono1 strip at 20 px/s, one pass, always.</summary>
        public static ProgramItem ProgramItem0() => new ProgramItem
        {
            Layout = ProgramItem.LayoutScroll,
            Level = ProgramItem.LevelNormal,
            DwellMs = 0,
            ScrollSpeed = 20,
        };

        /// <summary>Item 1: page, priority, 2 pages of 4000 ms, valid 2026-01-01..2026-02-01, 22:00-06:00 local.</summary>
        public static ProgramItem ProgramItem1() => new ProgramItem
        {
            Layout = ProgramItem.LayoutPage,
            Level = ProgramItem.LevelPriority,
            DwellMs = 4000,
            ValidFrom = 1767225600,
            ValidUntil = 1769904000,
            ScheduleStartMinute = 1320,
            ScheduleEndMinute = 360,
        };

        public static byte[] Program()
        {
            MessageBuilder b = Builder();
            ProgramWriter w = b.StartProgram(420);
            w.BeginItem(ProgramItem0());
            w.AddFrame(Mono1Header(), Mono1Pixels(), 8, true);
            w.EndItem();
            w.BeginItem(ProgramItem1());
            w.AddFrame(Palette2Header(), Palette2Pixels(), 12, true);
            w.AddFrame(Rgb888Header(), Rgb888Pixels(), 24, false);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(ProgramSequence, IssuedAt));
        }

        /// <summary>The alert's item: static, emergency, blinks once a second, expires 2026-01-01T01:00:00Z.</summary>
        public static ProgramItem AlertItem() => new ProgramItem
        {
            Layout = ProgramItem.LayoutStatic,
            Level = ProgramItem.LevelEmergency,
            DwellMs = 10000,
            ValidUntil = 1767229200,
            BlinkPeriodMs = 1000,
        };

        public static byte[] Alert()
        {
            MessageBuilder b = Builder();
            ProgramWriter w = b.StartAlert();
            w.BeginItem(AlertItem());
            w.AddFrame(Mono1Header(), Mono1Pixels(), 8, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(AlertSequence, IssuedAt));
        }

        public static byte[] AlertClear()
        {
            MessageBuilder b = Builder();
            return Take(b, b.BuildAlertClear(AlertSequence, AlertClearSequence, IssuedAt + 60));
        }

        public static Command Brightness() => new Command { Code = Command.CodeBrightness, BrightnessMode = Command.BrightnessModePercent, BrightnessValue = 80 };

        public static Command Identify() => new Command { Code = Command.CodeIdentify, IdentifySeconds = 0x012C };

        public static byte[] CommandBrightness()
        {
            MessageBuilder b = Builder();
            return Take(b, b.BuildCommand(Brightness(), CommandSequence, Session, IssuedAt));
        }

        public static byte[] CommandIdentify()
        {
            MessageBuilder b = Builder();
            return Take(b, b.BuildCommand(Identify(), IdentifySequence, Session, IssuedAt));
        }

        public static byte[] LiveFrame()
        {
            MessageBuilder b = Builder();
            return Take(b, b.BuildLiveFrame(Rgb888Header(), Rgb888Pixels(), 24, true, LiveFrameSequence, Session, IssuedAt));
        }

        public static BoardStatus StatusValue()
        {
            var s = new BoardStatus();
            s.SetFirmwareVersion("1.0.0-a5");
            s.UptimeSeconds = 0x00015180; // 86400 s
            s.Mark(BoardStatus.TagUptime);
            s.FreeHeapBytes = 0x0000A501;
            s.Mark(BoardStatus.TagFreeHeap);
            s.WifiRssiDbm = -67;
            s.Mark(BoardStatus.TagWifiRssi);
            s.ProgramSequence = ProgramSequence;
            s.ProgramItemIndex = 1;
            s.Mark(BoardStatus.TagProgram);
            s.AlertState = BoardStatus.AlertCleared;
            s.AlertSequence = AlertSequence;
            s.Mark(BoardStatus.TagAlert);
            s.LedCurrentMa = 850;
            s.Mark(BoardStatus.TagLedCurrent);
            s.RejectedCount = 3;
            s.BadTagCount = 1;
            s.ReplayCount = 2;
            s.DecodeErrorCount = 0;
            s.Mark(BoardStatus.TagErrorCounters);
            s.ButtonPresses = 0x80;
            s.Mark(BoardStatus.TagButtonPresses);
            s.LastRejectionCode = WireError.Replay;
            s.LastRejectionKind = MessageKind.Program;
            s.Mark(BoardStatus.TagLastRejection);
            s.Brightness = 0xA5;
            s.Mark(BoardStatus.TagBrightness);
            s.KeyIds[0] = 1;
            s.KeyIds[1] = 2;
            s.KeyIdCount = 2;
            s.Mark(BoardStatus.TagKeyIds);
            return s;
        }

        public static byte[] Status()
        {
            MessageBuilder b = Builder();
            return Take(b, b.BuildStatus(StatusValue(), StatusSequence, Session, IssuedAt));
        }

        public static BoardEvent EventValue() => new BoardEvent
        {
            Code = BoardEvent.CodeMessageRejected,
            Detail = WireError.Replay,
            Kind = MessageKind.Program,
            Sequence = 0x0000000000010000,
            UptimeSeconds = 0x00000A51,
        };

        public static byte[] Event()
        {
            MessageBuilder b = Builder();
            return Take(b, b.BuildEvent(EventValue(), EventSequence, Session, IssuedAt));
        }

        /// <summary>A message vector; signed with the vector key under key id 1 unless <paramref name="SignerKeyId"/> says 2 (the second key).</summary>
        public sealed record MessageSpec(string Name, string Description, Func<byte[]> Build, int SignerKeyId = 1)
        {
            public byte[] SignerKey() => SignerKeyId == KeyId ? Key() : SecondKey();
        }

        public static MessageSpec[] Messages() => new[]
        {
            new MessageSpec("msg-program", "program, 2 items: scroll Mono1 strip; page with Palette2 (run-length) and Rgb888 (raw)", Program),
            new MessageSpec("msg-alert", "alert: one static emergency item, Mono1, expires 01:00Z", Alert),
            new MessageSpec("msg-alert-clear", "alert clear of the alert above", AlertClear),
            new MessageSpec("msg-command-brightness", "command: brightness 80 %", CommandBrightness),
            new MessageSpec("msg-command-identify", "command: identify 300 s", CommandIdentify),
            new MessageSpec("msg-live-frame", "live frame: Rgb888 4x2, run-length", LiveFrame),
            new MessageSpec("msg-status", "board status with every field", Status),
            new MessageSpec("msg-event", "board event: message rejected (replay)", Event),
            new MessageSpec("msg-preset", "emergency preset: one static emergency item, Palette2 (run-length), blinks once a second", Preset),
            new MessageSpec("msg-program-epoch1", "program in content epoch 1 (session field 1): one static item, Mono1; the stream starts over in a new epoch, so msg-program's sequence is new again", ProgramEpoch1),
            new MessageSpec("msg-program-key2", "program signed with the second key (key id 2, the vector key reversed): one static item, Mono1; a higher key id starts the stream over", ProgramKey2, SecondKeyId),
            new MessageSpec("msg-command-brightness-level", "command: brightness, level mode, level 0xA5 (165)", CommandBrightnessLevel),
            new MessageSpec("msg-command-resync", "command: resync, start content epoch 1", CommandResync),
            new MessageSpec("msg-command-end-emergency", "command: end local emergency", CommandEndEmergency),
            new MessageSpec("msg-command-reboot", "command: reboot (the captured command of board-reboot.txt)", CommandReboot),
            new MessageSpec("msg-status-v2", "board status with every field, tags 0x0D-0x10 included", StatusV2),
            new MessageSpec("msg-event-emergency", "board event: local emergency started with the button, with the event time", EventEmergency),
        };

        /// <summary>The preset's item: static, emergency, dwell 10 s, blinks once a second, always valid.</summary>
        public static ProgramItem PresetItem() => new ProgramItem
        {
            Layout = ProgramItem.LayoutStatic,
            Level = ProgramItem.LevelEmergency,
            DwellMs = 10000,
            BlinkPeriodMs = 1000,
        };

        public static byte[] Preset()
        {
            MessageBuilder b = Builder();
            ProgramWriter w = b.StartPreset();
            w.BeginItem(PresetItem());
            w.AddFrame(Palette2Header(), Palette2Pixels(), 12, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(PresetSequence, IssuedAt));
        }

        /// <summary>The one item of the small programs (msg-program-epoch1, msg-program-key2, negative vectors): static, normal, 5 s, always.</summary>
        public static ProgramItem SmallProgramItem() => new ProgramItem
        {
            Layout = ProgramItem.LayoutStatic,
            Level = ProgramItem.LevelNormal,
            DwellMs = 5000,
        };

        /// <summary>A one-item program (SmallProgramItem, the Mono1 frame run-length) with any sequence, epoch, key and issue time.</summary>
        public static byte[] SmallProgram(ulong sequence, ulong epoch = 0, int keyId = KeyId, uint issuedAt = IssuedAt)
        {
            MessageBuilder b = keyId == KeyId ? Builder() : new MessageBuilder(BoardHash(), keyId, SecondKey());
            b.Epoch = epoch;
            ProgramWriter w = b.StartProgram(420);
            w.BeginItem(SmallProgramItem());
            w.AddFrame(Mono1Header(), Mono1Pixels(), 8, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, issuedAt));
        }

        public static byte[] ProgramEpoch1() => SmallProgram(ProgramSequence, epoch: 1);

        public static byte[] ProgramKey2() => SmallProgram(ProgramSequence, keyId: SecondKeyId);

        public static Command BrightnessLevel() => new Command { Code = Command.CodeBrightness, BrightnessMode = Command.BrightnessModeLevel, BrightnessValue = 0xA5 };

        public static Command Resync() => new Command { Code = Command.CodeResync, Epoch = ResyncEpoch };

        public static Command EndEmergency() => new Command { Code = Command.CodeEndLocalEmergency };

        public static Command Reboot() => new Command { Code = Command.CodeReboot };

        public static byte[] CommandBrightnessLevel() => BuildCommand(BrightnessLevel(), BrightnessLevelSequence);

        public static byte[] CommandResync() => BuildCommand(Resync(), ResyncSequence);

        public static byte[] CommandEndEmergency() => BuildCommand(EndEmergency(), EndEmergencySequence);

        public static byte[] CommandReboot() => BuildCommand(Reboot(), RebootSequence);

        private static byte[] BuildCommand(Command command, ulong sequence)
        {
            MessageBuilder b = Builder();
            return Take(b, b.BuildCommand(command, sequence, Session, IssuedAt));
        }

        /// <summary>Every field of StatusValue, and flags (local emergency, power limited), epoch 1, board time 01:00Z from the network, showing the local emergency.</summary>
        public static BoardStatus StatusV2Value()
        {
            BoardStatus s = StatusValue();
            s.SetFirmwareVersion("1.1.0-a5");
            s.AlertState = BoardStatus.AlertActive;
            s.LastRejectionCode = WireError.SequenceAhead;
            s.Flags = BoardStatus.FlagLocalEmergency | BoardStatus.FlagPowerLimited;
            s.Mark(BoardStatus.TagFlags);
            s.Epoch = ResyncEpoch;
            s.Mark(BoardStatus.TagEpoch);
            s.BoardTime = 1767229200; // 2026-01-01T01:00:00Z
            s.BoardTimeQuality = 2; // network
            s.Mark(BoardStatus.TagBoardTime);
            s.Showing = 4; // local emergency
            s.Mark(BoardStatus.TagShowing);
            return s;
        }

        public static byte[] StatusV2()
        {
            MessageBuilder b = Builder();
            return Take(b, b.BuildStatus(StatusV2Value(), StatusV2Sequence, Session, IssuedAt));
        }

        public static BoardEvent EventEmergencyValue() => new BoardEvent
        {
            Code = BoardEvent.CodeEmergencyStarted,
            Detail = BoardEvent.SourceButton,
            Kind = 0,
            Sequence = 0,
            UptimeSeconds = 0x00000A51,
            TimeUnixSeconds = 1767225728, // 2026-01-01T00:02:08Z
        };

        public static byte[] EventEmergency()
        {
            MessageBuilder b = Builder();
            return Take(b, b.BuildEvent(EventEmergencyValue(), EventEmergencySequence, Session, IssuedAt));
        }

        private static byte[] Take(MessageBuilder b, int n)
        {
            if (n < 0)
            {
                throw new InvalidOperationException(WireError.Describe(-n));
            }

            return b.Buffer.AsSpan(0, n).ToArray();
        }
    }
}
