using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Security.Cryptography;
using BoardKit.Firmware.Core.Wire;
using Note = BoardKit.Firmware.Core.Tests.Vectors.VectorAnnotator.Note;

namespace BoardKit.Firmware.Core.Tests.Vectors
{
    /// <summary>
    /// The negative vectors, tests/vectors/neg-*.hex: one message per file that a board must refuse with exactly one
    /// WireError, on a fresh receive path (the one key of the metadata, the session nonce of the metadata, no state,
    /// no content) after the preconditions of the file (metadata "state", "after", "board-time", "network-time"). What
    /// the production encoder would refuse to write is built here field by field and signed with .NET's own HMACSHA256;
    /// the rest comes from the catalog's builders (patched and re-signed where the envelope changes). Each file is wrong
    /// in exactly the field its note names; every other field is as a gateway would write it.
    /// </summary>
    internal static partial class VectorCatalog
    {
        /// <summary>Board time of the time-dependent negative vectors: 2026-01-01T01:00:00Z, msg-alert's expiry.</summary>
        public const uint OneOClock = 1767229200;

        /// <summary>Sequence of the negative commands: above every command vector (msg-command-reboot is 0x10A).</summary>
        public const ulong NegativeCommandSequence = 0x000000000000010B;

        /// <summary>Sequence of the negative alerts: above msg-alert-clear's 0x20002.</summary>
        public const ulong NegativeAlertSequence = 0x0000000000020003;

        /// <summary>Sequence of the negative programs that are not about the sequence: above msg-program's 0x10001.</summary>
        public const ulong NegativeProgramSequence = 0x0000000000010002;

        /// <summary>
        /// A negative vector: the bytes, the verdict a board must give (<paramref name="Expect"/>, a WireError), the
        /// notes that say what is wrong, and the preconditions: the board's time in unix seconds (0 = unknown; a lower
        /// bound unless <paramref name="NetworkTime"/>), the replay state vector it boots with (<paramref name="State"/>,
        /// else none: a fresh board) and the vectors it accepted before (<paramref name="After"/>).
        /// <paramref name="Repaired"/>, where one field can be put right: the same message with that field as a gateway
        /// would write it (re-signed), which the same board accepts; so the vector is wrong in that field only.
        /// </summary>
        public sealed record NegativeSpec(string Name, string Description, int Expect, Func<byte[]> Build, Note[] Notes, uint BoardTime = 0, bool NetworkTime = false, string[]? After = null, Func<byte[]>? Repaired = null, string? State = null)
        {
            public string[] Preconditions => After ?? Array.Empty<string>();
        }

        public static NegativeSpec[] Negatives() => new[]
        {
            // Envelope: refused before or by the tag.
            new NegativeSpec("neg-bad-magic", "msg-alert-clear with magic \"BX\" (re-signed)", WireError.BadMagic,
                () => Patched(AlertClear(), 1, 0x58),
                new[] { new Note("magic", "not \"BK\": BadMagic (nothing after the magic is read)") },
                Repaired: AlertClear),
            new NegativeSpec("neg-version-2", "msg-alert-clear with version 2 (re-signed)", WireError.UnsupportedVersion,
                () => Patched(AlertClear(), 2, 0x02),
                new[] { new Note("version", "only version 1 exists: UnsupportedVersion (checked before the tag: a later version may lay out the rest differently)") },
                Repaired: AlertClear),
            new NegativeSpec("neg-truncated", "msg-alert-clear without the last byte of its tag", WireError.Truncated,
                () => AlertClear().AsSpan(0, 77).ToArray(),
                new[] { new Note("HMAC-SHA256 tag", "the message ends 1 byte early: 77 bytes, but 38 + payload length 8 + 32 = 78: Truncated") },
                Repaired: AlertClear),
            new NegativeSpec("neg-trailing-byte", "msg-alert-clear with one byte 00 after its tag", WireError.LengthMismatch,
                () => Concat(AlertClear(), new byte[] { 0x00 }),
                new[] { new Note("trailing byte", "79 bytes, but 38 + payload length 8 + 32 = 78: LengthMismatch (one MQTT message carries exactly one envelope)") },
                Repaired: AlertClear),
            new NegativeSpec("neg-declared-too-large", "an alert clear whose payload length field says 16385 (re-signed over the bytes sent)", WireError.TooLarge,
                () => Patched(AlertClear(), 34, 0x00, 0x00, 0x40, 0x01),
                new[] { new Note("payload length", "16385: above the 16 KiB limit of any message (and more than the 8 bytes sent): TooLarge, before any MAC work") },
                Repaired: AlertClear),
            new NegativeSpec("neg-wrong-board", "an alert clear for board lc-mlt-gate-2, signed with the vector key", WireError.WrongBoard,
                () => Sealed(MessageKind.AlertClear, AlertClearSequence, 0, IssuedAt + 60, AlertClearPayload(), boardHash: HashOf("lc-mlt-gate-2")),
                new[] { new Note("board hash", "= SHA-256(\"lc-mlt-gate-2\")[0..8]: another board: WrongBoard") },
                Repaired: () => Sealed(MessageKind.AlertClear, AlertClearSequence, 0, IssuedAt + 60, AlertClearPayload())),
            new NegativeSpec("neg-unknown-key-id", "an alert clear signed with the second key (1F 1E .. 00) under key id 2, which the board does not hold", WireError.UnknownKeyId,
                () => Sealed(MessageKind.AlertClear, AlertClearSequence, 0, IssuedAt + 60, AlertClearPayload(), keyId: SecondKeyId, key: SecondKey()),
                new[] { new Note("key id", "the board holds only key id 1: UnknownKeyId") },
                Repaired: () => Sealed(MessageKind.AlertClear, AlertClearSequence, 0, IssuedAt + 60, AlertClearPayload())),
            new NegativeSpec("neg-bad-tag", "msg-alert-clear with bit 0 of its last tag byte flipped", WireError.BadTag,
                () => Flipped(AlertClear(), 77, 0x01),
                new[] { new Note("HMAC-SHA256 tag", "bit 0 of the last byte flipped: the tag does not verify: BadTag") },
                Repaired: AlertClear),
            new NegativeSpec("neg-reserved-flag", "msg-alert-clear with envelope flags 0x01 (re-signed: authentic)", WireError.ReservedBitsSet,
                () => Patched(AlertClear(), 4, 0x01),
                new[] { new Note("flags", "bit 0 set, version 1 defines no flag: ReservedBitsSet (checked after the tag: the message is authentic)") },
                Repaired: AlertClear),
            new NegativeSpec("neg-unknown-kind", "an authentic message of kind 0x7F (payload: msg-alert-clear's)", WireError.UnknownKind,
                () => Sealed(0x7F, AlertClearSequence, 0, IssuedAt + 60, AlertClearPayload()),
                new[] { new Note("kind", "no kind of version 1: UnknownKind (authentic: the tag verified first; unknown kinds are verified under the 16 KiB general limit)") },
                Repaired: () => Sealed(MessageKind.AlertClear, AlertClearSequence, 0, IssuedAt + 60, AlertClearPayload())),

            // Replay rules.
            new NegativeSpec("neg-epoch-not-started", "an alert clear in content epoch 1, to a board still in epoch 0", WireError.WrongSession,
                () => Sealed(MessageKind.AlertClear, AlertClearSequence, 1, IssuedAt + 60, AlertClearPayload()),
                new[] { new Note("session", "the board is in content epoch 0: only a resync command starts epoch 1: WrongSession") },
                Repaired: () => Sealed(MessageKind.AlertClear, AlertClearSequence, 0, IssuedAt + 60, AlertClearPayload())),
            new NegativeSpec("neg-session-zero", "a brightness command (80 %) with session 0", WireError.WrongSession,
                () => Sealed(MessageKind.Command, CommandSequence, 0, IssuedAt, new byte[] { 0x01, 0x01, 0x50 }),
                new[] { new Note("session", "0: a session-bound message carries the board's nonce (0x80A5010203040506), never 0: WrongSession") },
                Repaired: () => Sealed(MessageKind.Command, CommandSequence, Session, IssuedAt, new byte[] { 0x01, 0x01, 0x50 })),
            new NegativeSpec("neg-sequence-zero", "an alert clear with sequence 0", WireError.Replay,
                () => Sealed(MessageKind.AlertClear, 0, 0, IssuedAt + 60, AlertClearPayload()),
                new[] { new Note("sequence", "0: sequences start at 1, so 0 is never new: Replay") },
                Repaired: () => Sealed(MessageKind.AlertClear, 1, 0, IssuedAt + 60, AlertClearPayload())),
            new NegativeSpec("neg-program-older", "a one-item program with sequence 0x10000, after msg-program (0x10001)", WireError.Replay,
                () => SmallProgram(0x10000),
                new[] { new Note("sequence", "below msg-program's 0x10001, accepted before: Replay") },
                After: new[] { "msg-program" },
                Repaired: () => SmallProgram(NegativeProgramSequence)),
            new NegativeSpec("neg-program-rollback", "a one-item program with msg-program's sequence 0x10001 but other content, after msg-program", WireError.Rollback,
                () => SmallProgram(ProgramSequence),
                new[] { new Note("sequence", "= msg-program's 0x10001 with another tag: two messages claim one number: Rollback") },
                After: new[] { "msg-program" },
                Repaired: () => SmallProgram(NegativeProgramSequence)),

            // Time rules.
            new NegativeSpec("neg-sequence-ahead", "an alert clear with sequence 2^64-1, to a board with network time 2026-01-01T00:00:00Z", WireError.SequenceAhead,
                () => Sealed(MessageKind.AlertClear, ulong.MaxValue, 0, IssuedAt + 60, AlertClearPayload()),
                new[] { new Note("sequence", "2^64-1 ms is more than a day ahead of the board's network time (1767225600000 ms): accepting it would lock the stream: SequenceAhead") },
                BoardTime: IssuedAt, NetworkTime: true,
                Repaired: () => Sealed(MessageKind.AlertClear, IssuedAt * 1000UL, 0, IssuedAt + 60, AlertClearPayload())),
            new NegativeSpec("neg-alert-expired", "msg-alert's item (valid until 01:00Z) as alert 0x20003, to a board whose time is 01:00:00Z (a lower bound, no network)", WireError.Expired,
                () => AlertWith(AlertItem(), NegativeAlertSequence, IssuedAt),
                new[] { new Note("alert item: valid until", "the board's time is already 01:00:00Z (valid until is exclusive): expired on arrival: Expired") },
                BoardTime: OneOClock,
                Repaired: () => AlertWith(AlertItemUntil(OneOClock + 1), NegativeAlertSequence, IssuedAt)),
            new NegativeSpec("neg-alert-no-issue-time", "msg-alert's item as alert 0x20003 with issued at 0", WireError.Expired,
                () => AlertWith(AlertItem(), NegativeAlertSequence, 0),
                new[] { new Note("issued at", "an alert must say when it was issued (its 7-day maximum lifetime counts from then): Expired, whatever the board's time") },
                Repaired: () => AlertWith(AlertItem(), NegativeAlertSequence, IssuedAt)),

            new NegativeSpec("neg-too-old", "an alert in content epoch 3 issued 2026-01-01T23:59:59Z, to a board that booted with state-recovering (recovery floor 2026-01-02T00:00:00Z, no alert record)", WireError.TooOld,
                () => AlertWith(AlertItemUntil(0), AlertSequence, RecoveredIssuedAt - 1, RecoveredEpoch),
                new[] { new Note("issued at", "before the recovery floor 2026-01-02T00:00:00Z, on a stream without a record while the board recovers a lost state: TooOld") },
                Repaired: () => AlertWith(AlertItemUntil(0), AlertSequence, RecoveredIssuedAt, RecoveredEpoch),
                State: "state-recovering"),

            // Board state: the command queue.
            new NegativeSpec("neg-command-queue-full", "msg-command-end-emergency (0x109) to a board already holding 4 waiting commands (0x105-0x108)", WireError.CommandQueueFull,
                CommandEndEmergency,
                new[] { new Note("command code", "the board holds its maximum of 4 waiting commands (the vectors in after): CommandQueueFull; the sequence is not used, so the gateway may send it again") },
                After: new[] { "msg-command-brightness", "msg-command-identify", "msg-command-brightness-level", "msg-command-resync" }),

            // Payload validation: program, item and frame.
            new NegativeSpec("neg-bad-item-count", "a program with item count 0 and no items", WireError.BadItemCount,
                () => Sealed(MessageKind.Program, NegativeProgramSequence, 0, IssuedAt, new byte[] { 0x01, 0xA4, 0x00, 0x00 }),
                new[] { new Note("item count", "0: a program has 1..16 items: BadItemCount") }),
            new NegativeSpec("neg-bad-frame-count", "a program whose static item has frame count 2 and two Mono1 frames", WireError.BadFrameCount,
                () => ProgramOf(ItemRecord(ProgramItem.LayoutStatic, ProgramItem.LevelNormal, 5000, 0, 0, 2, Mono1Rle(), Mono1Rle())),
                new[] { new Note("frame count", "2, but a static item has exactly 1 frame: BadFrameCount") },
                Repaired: () => ProgramOf(ItemRecord(ProgramItem.LayoutStatic, ProgramItem.LevelNormal, 5000, 0, 0, 1, Mono1Rle(), Mono1Rle()))),
            new NegativeSpec("neg-scroll-speed-zero", "a program whose scroll item has scroll speed 0", WireError.BadField,
                () => ProgramOf(ItemRecord(ProgramItem.LayoutScroll, ProgramItem.LevelNormal, 0, 0, 0, 1, Mono1Rle())),
                new[] { new Note("scroll speed", "a scroll item moves at 1..1000 px/s: BadField") },
                Repaired: () => ProgramOf(ItemRecord(ProgramItem.LayoutScroll, ProgramItem.LevelNormal, 0, 20, 0, 1, Mono1Rle()))),
            new NegativeSpec("neg-beside-frame-count", "a program whose scroll-beside-a-still-frame item (layout 3) has frame count 1 before its two frames", WireError.BadFrameCount,
                () => ProgramOf(ItemRecord(ProgramItem.LayoutScrollBesideStill, ProgramItem.LevelNormal, 0, 20, 0, 1, EncodeFrame(Frames()[3]), Mono1Rle())),
                new[] { new Note("frame count", "1, but a scroll beside a still frame has exactly 2 (frame 0 still, frame 1 the strip): BadFrameCount") },
                Repaired: () => ProgramOf(ItemRecord(ProgramItem.LayoutScrollBesideStill, ProgramItem.LevelNormal, 0, 20, 0, 2, EncodeFrame(Frames()[3]), Mono1Rle()))),
            new NegativeSpec("neg-blink-300", "msg-preset's item with blink period 300 ms", WireError.BadField,
                () => Sealed(MessageKind.Preset, PresetSequence, 0, IssuedAt, ItemRecord(ProgramItem.LayoutStatic, ProgramItem.LevelEmergency, 10000, 0, 300, 1, EncodeFrame(Frames()[3]))),
                new[] { new Note("blink period", "300 ms is more than 3 flashes a second (WCAG 2.3.1): 0 or 500..10000: BadField") },
                Repaired: () => Sealed(MessageKind.Preset, PresetSequence, 0, IssuedAt, ItemRecord(ProgramItem.LayoutStatic, ProgramItem.LevelEmergency, 10000, 0, 500, 1, EncodeFrame(Frames()[3])))),
            new NegativeSpec("neg-compressed-length-zero", "an alert whose Mono1 frame is flagged run-length with pixel data length 0", WireError.BadCompression,
                () => Sealed(MessageKind.Alert, NegativeAlertSequence, 0, IssuedAt, ItemRecord(ProgramItem.LayoutStatic, ProgramItem.LevelEmergency, 10000, 0, 1000, 1, EmptyRunLengthFrame())),
                new[] { new Note("pixel data length", "0 with the run-length flag: an empty stream cannot give the 8 bytes of a Mono1 16x4 frame: BadCompression") }),
            new NegativeSpec("neg-raw-length-wrong", "a program whose raw Mono1 16x4 frame has pixel data length 7 (7 bytes follow)", WireError.BadFrameLength,
                () => ProgramOf(ItemRecord(ProgramItem.LayoutStatic, ProgramItem.LevelNormal, 5000, 0, 0, 1, ShortRawFrame())),
                new[] { new Note("pixel data length", "7, but a raw Mono1 16x4 frame is 16 x 4 / 8 = 8 bytes: BadFrameLength") }),
            new NegativeSpec("neg-rle-short", "msg-live-frame's Rgb888 frame (sequence 0xA52) with the last byte of its run-length stream missing", WireError.BadCompression,
                () => Sealed(MessageKind.LiveFrame, LiveFrameSequence + 1, Session, IssuedAt, ShortRunLengthFrame()),
                new[] { new Note("control 0x01", "the stream ends inside this control's second unit: BadCompression") }),

            // Commands.
            new NegativeSpec("neg-unknown-command", "a command with code 0xA5", WireError.UnknownCommand,
                () => Sealed(MessageKind.Command, NegativeCommandSequence, Session, IssuedAt, new byte[] { 0xA5 }),
                new[] { new Note("command code", "no command of version 1: UnknownCommand") },
                Repaired: () => Sealed(MessageKind.Command, NegativeCommandSequence, Session, IssuedAt, new byte[] { 0x04 })),
            new NegativeSpec("neg-brightness-percent-101", "a brightness command, percent mode, value 101", WireError.BadField,
                () => Sealed(MessageKind.Command, NegativeCommandSequence, Session, IssuedAt, new byte[] { 0x01, 0x01, 0x65 }),
                new[] { new Note("brightness value", "101 %: percent is 0..100: BadField") },
                Repaired: () => Sealed(MessageKind.Command, NegativeCommandSequence, Session, IssuedAt, new byte[] { 0x01, 0x01, 0x64 })),
            new NegativeSpec("neg-identify-zero", "an identify command for 0 s", WireError.BadField,
                () => Sealed(MessageKind.Command, NegativeCommandSequence, Session, IssuedAt, new byte[] { 0x02, 0x00, 0x00 }),
                new[] { new Note("identify 0", "0 s: identify lasts 1..3600 s: BadField") },
                Repaired: () => Sealed(MessageKind.Command, NegativeCommandSequence, Session, IssuedAt, new byte[] { 0x02, 0x00, 0x01 })),
            new NegativeSpec("neg-resync-epoch-zero", "a resync command to content epoch 0", WireError.BadField,
                () => Sealed(MessageKind.Command, NegativeCommandSequence, Session, IssuedAt, new byte[] { 0x05, 0x00, 0x00, 0x00, 0x00 }),
                new[] { new Note("new content epoch", "0: the board starts in epoch 0 and a resync must name a higher one: BadField") },
                Repaired: () => Sealed(MessageKind.Command, NegativeCommandSequence, Session, IssuedAt, new byte[] { 0x05, 0x00, 0x00, 0x00, 0x01 })),
            new NegativeSpec("neg-resync-epoch-not-above", "a resync command to content epoch 1, after msg-command-resync started epoch 1", WireError.BadField,
                () => Sealed(MessageKind.Command, NegativeCommandSequence, Session, IssuedAt, new byte[] { 0x05, 0x00, 0x00, 0x00, 0x01 }),
                new[] { new Note("new content epoch", "the board is already in epoch 1 (msg-command-resync): a resync must name a higher one: BadField") },
                After: new[] { "msg-command-resync" },
                Repaired: () => Sealed(MessageKind.Command, NegativeCommandSequence, Session, IssuedAt, new byte[] { 0x05, 0x00, 0x00, 0x00, 0x02 })),
        };

        /// <summary>
        /// A complete message written field by field (envelope layout of docs/protocol.md 3), signed with
        /// System.Security.Cryptography.HMACSHA256: the production encoder's checks (kind, flags, size) do not apply.
        /// </summary>
        public static byte[] Sealed(int kind, ulong sequence, ulong session, uint issuedAt, byte[] payload, int keyId = KeyId, byte[]? key = null, byte[]? boardHash = null)
        {
            byte[] m = new byte[38 + payload.Length + 32];
            m[0] = 0x42;
            m[1] = 0x4B;
            m[2] = 1;
            m[3] = (byte)kind;
            m[4] = 0;
            m[5] = (byte)keyId;
            (boardHash ?? BoardHash()).AsSpan(0, 8).CopyTo(m.AsSpan(6));
            BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(14), sequence);
            BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(22), session);
            BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(30), issuedAt);
            BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan(34), (uint)payload.Length);
            payload.CopyTo(m, 38);
            return Signed(m, key ?? Key());
        }

        /// <summary>Recomputes the tag (the last 32 bytes) over everything before it.</summary>
        public static byte[] Signed(byte[] message, byte[] key)
        {
            byte[] tag = HMACSHA256.HashData(key, message.AsSpan(0, message.Length - 32));
            tag.CopyTo(message, message.Length - 32);
            return message;
        }

        private static byte[] Patched(byte[] message, int offset, params byte[] values)
        {
            values.CopyTo(message, offset);
            return Signed(message, Key());
        }

        private static byte[] Flipped(byte[] message, int offset, byte mask)
        {
            message[offset] ^= mask;
            return message;
        }

        private static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] r = new byte[a.Length + b.Length];
            a.CopyTo(r, 0);
            b.CopyTo(r, a.Length);
            return r;
        }

        private static byte[] HashOf(string boardId)
        {
            byte[] h = new byte[BoardId.HashSize];
            if (!BoardId.ComputeHash(boardId, h, 0))
            {
                throw new InvalidOperationException("bad board id");
            }

            return h;
        }

        private static byte[] AlertClearPayload()
        {
            byte[] p = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(p, AlertSequence);
            return p;
        }

        private static byte[] AlertWith(ProgramItem item, ulong sequence, uint issuedAt, ulong epoch = 0)
        {
            MessageBuilder b = Builder();
            b.Epoch = epoch;
            ProgramWriter w = b.StartAlert();
            w.BeginItem(item);
            w.AddFrame(Mono1Header(), Mono1Pixels(), 8, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, issuedAt));
        }

        /// <summary>msg-alert's item with another valid-until.</summary>
        private static ProgramItem AlertItemUntil(uint validUntil)
        {
            ProgramItem item = AlertItem();
            item.ValidUntil = validUntil;
            return item;
        }

        /// <summary>frame-mono1-rle's bytes.</summary>
        private static byte[] Mono1Rle() => EncodeFrame(Frames()[1]);

        /// <summary>
        /// An item record written field by field without the writer's checks: always valid from/until 0, all day
        /// (schedule 0..0); the item length is the bytes after its own field.
        /// </summary>
        private static byte[] ItemRecord(int layout, int level, uint dwellMs, int scrollSpeed, int blinkPeriodMs, int frameCount, params byte[][] frames)
        {
            var r = new List<byte>();
            r.AddRange(new byte[] { 0, 0, (byte)layout, (byte)level });
            r.AddRange(U32(dwellMs));
            r.AddRange(new[] { (byte)(scrollSpeed >> 8), (byte)scrollSpeed });
            r.AddRange(U32(0));
            r.AddRange(U32(0));
            r.AddRange(new byte[] { 0, 0, 0, 0, (byte)frameCount, (byte)(blinkPeriodMs >> 8), (byte)blinkPeriodMs });
            foreach (byte[] f in frames)
            {
                r.AddRange(f);
            }

            byte[] item = r.ToArray();
            BinaryPrimitives.WriteUInt16BigEndian(item, (ushort)(item.Length - 2));
            return item;
        }

        private static byte[] U32(uint v)
        {
            byte[] b = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(b, v);
            return b;
        }

        /// <summary>A program (UTC+7, one item) around <paramref name="item"/>, sequence 0x10002.</summary>
        private static byte[] ProgramOf(byte[] item) => Sealed(MessageKind.Program, NegativeProgramSequence, 0, IssuedAt, Concat(new byte[] { 0x01, 0xA4, 0x01, 0x00 }, item));

        /// <summary>frame-mono1-rle's header with pixel data length 0 and no data.</summary>
        private static byte[] EmptyRunLengthFrame()
        {
            byte[] f = Mono1Rle();
            int header = FrameCodec.HeaderSize((int)PixelFormat.Mono1);
            byte[] r = f.AsSpan(0, header).ToArray();
            r[header - 2] = 0;
            r[header - 1] = 0;
            return r;
        }

        /// <summary>frame-mono1-raw with pixel data length 7 and its first 7 bytes of pixels.</summary>
        private static byte[] ShortRawFrame()
        {
            byte[] f = EncodeFrame(Frames()[0]);
            int header = FrameCodec.HeaderSize((int)PixelFormat.Mono1);
            byte[] r = f.AsSpan(0, f.Length - 1).ToArray();
            r[header - 1] = 7;
            return r;
        }

        /// <summary>frame-rgb888-rle (msg-live-frame's payload) without its last byte, pixel data length one less.</summary>
        private static byte[] ShortRunLengthFrame()
        {
            byte[] f = EncodeFrame(Frames()[7]);
            int header = FrameCodec.HeaderSize((int)PixelFormat.Rgb888);
            byte[] r = f.AsSpan(0, f.Length - 1).ToArray();
            BinaryPrimitives.WriteUInt16BigEndian(r.AsSpan(header - 2), (ushort)(f.Length - 1 - header));
            return r;
        }
    }
}
