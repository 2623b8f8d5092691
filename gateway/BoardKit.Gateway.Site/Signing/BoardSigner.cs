using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Site.Registry;

namespace BoardKit.Gateway.Site.Signing
{
    /// <summary>
    /// Signs messages for the boards of the registry: each with the board's current key and key id, its content epoch
    /// (persistent kinds), a sequence persisted before use and the checked time as its issue time. The one place the
    /// gateway turns content into bytes a board accepts.
    /// </summary>
    public sealed class BoardSigner
    {
        private readonly BoardRegistry _registry;
        private readonly SequenceStore _sequences;

        /// <summary>A signer for the boards of <paramref name="registry"/> with <paramref name="sequences"/>.</summary>
        public BoardSigner(BoardRegistry registry, SequenceStore sequences)
        {
            _registry = registry ?? throw new ArgumentNullException(nameof(registry));
            _sequences = sequences ?? throw new ArgumentNullException(nameof(sequences));
        }

        /// <summary>A program of <paramref name="items"/> (checked by the fit check first) for <paramref name="boardId"/>.</summary>
        /// <exception cref="BulletinDoesNotFitException">It does not fit a program.</exception>
        /// <exception cref="UncheckedClockException">The gateway's clock cannot be trusted.</exception>
        public SignedMessage Program(string boardId, IReadOnlyList<BulletinItem> items, int utcOffsetMinutes = ProgramComposer.VietnamUtcOffsetMinutes)
        {
            ArgumentNullException.ThrowIfNull(items);
            FitReport report = FitCheck.CheckProgram(items, utcOffsetMinutes);
            if (!report.Ok)
            {
                throw new BulletinDoesNotFitException(report);
            }

            return Build(boardId, SequenceStream.Program, t => t.Program, MessageKind.Program, 1, true,
                (b, seq, at) => ProgramComposer.ComposeProgram(b, items, seq, at, utcOffsetMinutes));
        }

        /// <summary>An alert (one item; its ValidUntil is the expiry) for <paramref name="boardId"/>.</summary>
        public SignedMessage Alert(string boardId, BulletinItem item)
        {
            ArgumentNullException.ThrowIfNull(item);
            FitReport report = FitCheck.CheckAlert(item);
            if (!report.Ok)
            {
                throw new BulletinDoesNotFitException(report);
            }

            return Build(boardId, SequenceStream.Alert, t => t.Alert, MessageKind.Alert, 1, true, (b, seq, at) => ProgramComposer.ComposeAlert(b, item, seq, at));
        }

        /// <summary>The clear of the alert with <paramref name="alertSequence"/> (0 = whatever alert the board shows), on the alert topic.</summary>
        public SignedMessage AlertClear(string boardId, ulong alertSequence) =>
            Build(boardId, SequenceStream.Alert, t => t.Alert, MessageKind.AlertClear, 1, true, (b, seq, at) => Check(b.BuildAlertClear(alertSequence, seq, at)));

        /// <summary>An emergency preset (what the board plays when its button is held) for <paramref name="boardId"/>.</summary>
        public SignedMessage Preset(string boardId, BulletinItem item)
        {
            ArgumentNullException.ThrowIfNull(item);
            return Build(boardId, SequenceStream.Preset, t => t.Preset, MessageKind.Preset, 1, true, (b, seq, at) => ProgramComposer.ComposePreset(b, item, seq, at));
        }

        /// <summary>A command for the board's boot <paramref name="session"/> (its nonce, from its latest verified status).</summary>
        public SignedMessage Command(string boardId, Command command, ulong session)
        {
            ArgumentNullException.ThrowIfNull(command);
            return Build(boardId, SequenceStream.Command, t => t.Command, MessageKind.Command, 1, false, (b, seq, at) => Check(b.BuildCommand(command, seq, session, at)));
        }

        /// <summary>A live frame for the board's boot <paramref name="session"/>.</summary>
        public SignedMessage LiveFrame(string boardId, IndexedBitmap frame, ulong session)
        {
            ArgumentNullException.ThrowIfNull(frame);
            PackedFrame packed = FramePacker.Pack(frame);
            return Build(boardId, SequenceStream.Frame, t => t.Frame, MessageKind.LiveFrame, 0, false,
                (b, seq, at) => Check(b.BuildLiveFrame(packed.Header, packed.Pixels, packed.Pixels.Length, true, seq, session, at)));
        }

        private SignedMessage Build(string boardId, SequenceStream stream, Func<BoardTopics, string> topicOf, int kind, int qos, bool retain, Func<MessageBuilder, ulong, uint, int> write)
        {
            BoardRecord board = _registry.Get(boardId);
            (int keyId, HmacSha256 mac) = _registry.SigningKey(boardId);
            var hash = new byte[BoardId.HashSize];
            BoardId.ComputeHash(boardId, hash, 0);
            var builder = new MessageBuilder(hash, keyId, mac, WireLimits.MaxMessageBytes) { Epoch = board.Epoch };
            (ulong sequence, long nowMs) = _sequences.Next(boardId, stream);
            int length = write(builder, sequence, (uint)(nowMs / 1000));
            string topic = topicOf(new BoardTopics(board.Site, boardId));
            return new SignedMessage(boardId, topic, builder.Buffer.AsSpan(0, length).ToArray(), kind, sequence, qos, retain);
        }

        private static int Check(int length) =>
            length >= 0 ? length : throw new InvalidOperationException("The message cannot be built: " + WireError.Describe(-length) + ".");
    }
}
