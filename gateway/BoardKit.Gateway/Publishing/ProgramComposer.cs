using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Publishing
{
    /// <summary>
    /// Turns rendered bulletins into signed program and alert messages for one board, with the board's
    /// <see cref="MessageBuilder"/> (its key and id). Sequences are the caller's (one counter per board and stream,
    /// persisted by the gateway: docs/protocol.md, "Replay and rollback").
    /// <para>
    /// Every message is checked first with <see cref="FitCheck"/>, the same check <c>boardkit render --check</c> runs:
    /// what the check refuses is never built (<see cref="BulletinDoesNotFitException"/>), and what it passes is built
    /// to exactly the size it measured.
    /// </para>
    /// </summary>
    public static class ProgramComposer
    {
        /// <summary>Vietnam's offset from UTC in minutes (UTC+7), the default for daily schedules.</summary>
        public const int VietnamUtcOffsetMinutes = 7 * 60;

        /// <summary>
        /// Builds a program message (1–16 items, played in order) into <paramref name="builder"/>.Buffer and returns
        /// its length in bytes. Throws <see cref="BulletinDoesNotFitException"/> with every problem when
        /// <see cref="FitCheck.CheckProgram"/> refuses the items (too many items or pages, a strip too wide, larger than
        /// 16 KiB signed ...).
        /// </summary>
        public static int ComposeProgram(MessageBuilder builder, IReadOnlyList<BulletinItem> items, ulong sequence, uint issuedAt,
            int utcOffsetMinutes = VietnamUtcOffsetMinutes)
        {
            ArgumentNullException.ThrowIfNull(builder);
            ArgumentNullException.ThrowIfNull(items);
            FitReport report = FitCheck.CheckProgram(items, utcOffsetMinutes);
            if (!report.Ok)
            {
                throw new BulletinDoesNotFitException(report);
            }

            ProgramWriter writer = builder.StartProgram(utcOffsetMinutes);
            foreach (BulletinItem item in items)
            {
                WriteItem(writer, item);
            }

            int length = Check(builder.SealProgramOrAlert(sequence, issuedAt), "program");
            RequireSame(report.MessageBytes, length, "the signed program");
            return length;
        }

        /// <summary>Builds an alert message (one item, played at once over the program) and returns its length in bytes.
        /// Throws <see cref="BulletinDoesNotFitException"/> when <see cref="FitCheck.CheckAlert"/> refuses it (larger than
        /// 8 KiB signed, a strip too wide ...).</summary>
        public static int ComposeAlert(MessageBuilder builder, BulletinItem item, ulong sequence, uint issuedAt)
        {
            ArgumentNullException.ThrowIfNull(builder);
            ArgumentNullException.ThrowIfNull(item);
            FitReport report = FitCheck.CheckAlert(item);
            if (!report.Ok)
            {
                throw new BulletinDoesNotFitException(report);
            }

            ProgramWriter writer = builder.StartAlert();
            WriteItem(writer, item);
            int length = Check(builder.SealProgramOrAlert(sequence, issuedAt), "alert");
            RequireSame(report.MessageBytes, length, "the signed alert");
            return length;
        }

        /// <summary>
        /// Builds an emergency preset message (one item, docs/protocol.md 5.4a: what the board plays when its button is
        /// held) and returns its length. Same size rules as an alert (8 KiB), checked first.
        /// </summary>
        /// <exception cref="BulletinDoesNotFitException">The item does not fit a preset message.</exception>
        public static int ComposePreset(MessageBuilder builder, BulletinItem item, ulong sequence, uint issuedAt)
        {
            ArgumentNullException.ThrowIfNull(builder);
            ArgumentNullException.ThrowIfNull(item);
            FitReport report = FitCheck.CheckAlert(item);
            if (!report.Ok)
            {
                throw new BulletinDoesNotFitException(report);
            }

            ProgramWriter writer = builder.StartPreset();
            WriteItem(writer, item);
            int length = Check(builder.SealProgramOrAlert(sequence, issuedAt), "preset");
            RequireSame(report.MessageBytes, length, "the signed preset");
            return length;
        }

        /// <summary>The wire level of a bulletin level.</summary>
        public static int WireLevel(BulletinLevel level) => level switch
        {
            BulletinLevel.Priority => ProgramItem.LevelPriority,
            BulletinLevel.Emergency => ProgramItem.LevelEmergency,
            _ => ProgramItem.LevelNormal,
        };

        private static void WriteItem(ProgramWriter writer, BulletinItem item)
        {
            writer.BeginItem(ItemRecord.Settings(item));
            foreach (IndexedBitmap frame in ItemRecord.Frames(item.Rendered))
            {
                PackedFrame packed = FramePacker.Pack(frame);
                writer.AddFrame(packed.Header, packed.Pixels, packed.Pixels.Length, allowCompression: true);
            }

            writer.EndItem();
        }

        /// <summary>A size other than the one the fit check measured is a bug in the check: fail loudly.</summary>
        private static void RequireSame(int expected, int actual, string what)
        {
            if (expected != actual)
            {
                throw new InvalidOperationException($"Internal error: the fit check measured {what} as {expected} bytes, the writer wrote {actual}.");
            }
        }

        /// <summary>A wire error after the fit check passed is a bug in the check: fail loudly.</summary>
        private static int Check(int result, string what)
        {
            if (result < 0)
            {
                throw new InvalidOperationException($"Internal error: the fit check passed the {what}, but the wire refused it: {WireError.Describe(-result)}.");
            }

            return result;
        }
    }
}
