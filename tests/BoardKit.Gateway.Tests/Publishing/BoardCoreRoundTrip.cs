using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Led;
using BoardKit.Firmware.Core.Playback;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;

namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>An item as the board holds it: its wire settings and its frames decoded by the board core.</summary>
    internal sealed record ShownItem(int Layout, int Level, uint DwellMs, int ScrollSpeed, int BlinkPeriodMs, IReadOnlyList<IndexedBitmap> Frames);

    /// <summary>
    /// One board with a fresh key, and the gateway that signs for it. This file is the ONLY place the publishing tests
    /// use the firmware core's receive path (<see cref="ContentReceiver"/>: Receive, TryGetProgramItem,
    /// TryDecodeFrame) and its player: that API is being reshaped in parallel and is adapted here alone.
    /// </summary>
    internal sealed class BoardCoreRoundTrip
    {
        public const string BoardName = "lc-mlt-gate-1";

        private readonly byte[] key = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
        private readonly byte[] boardHash = new byte[BoardId.HashSize];
        private readonly ContentReceiver board;

        public BoardCoreRoundTrip()
        {
            BoardId.ComputeHash(BoardName, boardHash, 0);
            var keys = new KeyRing(1);
            keys.Add(1, key);
            board = new ContentReceiver(BoardName, keys, new ReplayGuard(), sessionNonce: 0x80A5_0102_0304_0506, new BoardClock(), storage: null);
            Gateway = new MessageBuilder(boardHash, 1, key);
        }

        /// <summary>The gateway's builder for this board (its hash, key id 1 and key).</summary>
        public MessageBuilder Gateway { get; }

        /// <summary>Composes <paramref name="items"/> with <see cref="ProgramComposer"/>, delivers the program and returns
        /// the board's verdict (WireError) and the message length.</summary>
        public (int Verdict, int Length) Publish(IReadOnlyList<BulletinItem> items, ulong sequence)
        {
            int length = ProgramComposer.ComposeProgram(Gateway, items, sequence, issuedAt: 0);
            return (Receive(Gateway.Buffer, length), length);
        }

        /// <summary>Seals a program payload the caller wrote at <paramref name="buffer"/>[Envelope.HeaderSize ..] with
        /// this board's key (any size: the board, not the gateway, decides what it accepts) and delivers it.</summary>
        public int SealAndReceive(byte[] buffer, int payloadLength, ulong sequence)
        {
            var header = new EnvelopeHeader { Kind = MessageKind.Program, KeyId = 1, Sequence = sequence };
            header.SetBoardHash(boardHash, 0);
            int length = Envelope.Seal(buffer, 0, header, payloadLength, new HmacSha256(key));
            return length < 0 ? -length : Receive(buffer, length);
        }

        /// <summary>Hands <paramref name="message"/>[0..length) to the board's receive path; returns the WireError code.</summary>
        public int Receive(byte[] message, int length)
        {
            byte[] copy = message.AsSpan(0, length).ToArray();
            return board.Receive(copy, copy.Length, 0);
        }

        /// <summary>The board core's player over what this board holds, drawing a <paramref name="width"/> x
        /// <paramref name="height"/> panel.</summary>
        public Player NewPlayer(int width, int height) => new(board.Content, new PanelFrame(width, height), BoardName);

        /// <summary>Every item of the program the board holds, in play order, frames decoded by the board core.</summary>
        public IReadOnlyList<ShownItem> Shown()
        {
            var shown = new List<ShownItem>();
            var item = new ProgramItem();
            var header = new FrameHeader();
            var pixels = new byte[WireLimits.MaxFrameRawBytes];
            for (int i = 0; i < board.Content.Program.ItemCount; i++)
            {
                if (!board.Content.TryGetProgramItem(i, item))
                {
                    throw new InvalidOperationException($"The board holds no item {i}.");
                }

                var frames = new List<IndexedBitmap>();
                for (int f = 0; f < item.FrameCount; f++)
                {
                    if (!board.Content.TryDecodeFrame(i, f, header, pixels, out int error))
                    {
                        throw new InvalidOperationException($"The board cannot decode item {i}, frame {f}: {WireError.Describe(error)}.");
                    }

                    frames.Add(FramePacker.Unpack(header, pixels));
                }

                shown.Add(new ShownItem(item.Layout, item.Level, item.DwellMs, item.ScrollSpeed, item.BlinkPeriodMs, frames));
            }

            return shown;
        }
    }
}
