using System;
using System.Collections.Generic;
using System.Linq;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Rendering;
using BoardKit.Gateway.Tests.Fonts;
using BoardKit.Gateway.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Gateway.Tests.Publishing
{
    /// <summary>
    /// The planner's verdict against the board core's on random lengths of a real notice: the pieces the planner laid
    /// out are written with the core's own <see cref="ProgramWriter"/> (not the composer, not the fit check), sealed with
    /// the core's envelope and handed to the board's receive path. What the planner passes, the board accepts at exactly
    /// the planned size and the composer writes the same bytes; what it refuses for program limits, the core refuses too.
    /// </summary>
    [TestClass]
    public sealed class BulletinPlannerPropertyTests
    {
        private static readonly string[] Words = (CommuneNotice.Text + " " + CommuneNotice.Text).Split(' ');

        private static readonly (int Width, int Height, RenderMode Mode)[] Boards =
        {
            (64, 16, RenderMode.Scroll), (64, 16, RenderMode.Pages), (128, 32, RenderMode.Scroll), (128, 32, RenderMode.Pages),
        };

        [TestMethod]
        public void Plan_RandomLengthsOnEachBoard_AgreesWithTheBoardCore()
        {
            Gen<(int Words, int Board)> cases = Gen.Zip(Gen.Choose(1, Words.Length), Gen.Choose(0, Boards.Length - 1));
            Prop.ForAll(cases.ToArbitrary(), c => Agrees(c.Words, Boards[c.Board]))
                .Check(Config.QuickThrowOnFailure.WithMaxTest(60));
        }

        private static bool Agrees(int wordCount, (int Width, int Height, RenderMode Mode) board)
        {
            string text = string.Join(" ", Words.Take(wordCount));
            int lines = board.Mode == RenderMode.Pages ? board.Height / 16 : 1;
            var request = new RenderRequest
            {
                Text = text,
                PanelWidth = board.Width,
                PanelHeight = board.Height,
                Mode = board.Mode,
                LinesPerPanel = board.Mode == RenderMode.Pages ? lines : null,
                Shaper = new TextShaper(InstalledFonts.Sets.ForPanelHeight(board.Height, lines)),
            };
            string what = $"{wordCount} words on {board.Width}x{board.Height} {board.Mode}";

            BulletinPlan plan = BulletinPlanner.Plan(request);

            Assert.IsNotEmpty(plan.Pieces, $"{what}: the notice always lays out; {string.Join(" | ", plan.Problems)}");
            var core = new BoardCoreRoundTrip();
            byte[] message = new byte[1 << 20];
            int verdict = WriteWithTheCore(core, plan.Pieces, message, out int length);
            if (plan.Ok)
            {
                Assert.AreEqual(WireError.None, verdict, $"{what}: planned {plan.MessageBytes} bytes, the board says {WireError.Describe(verdict)}");
                Assert.AreEqual(plan.MessageBytes, length, what);
                int composed = ProgramComposer.ComposeProgram(core.Gateway, plan.Items, sequence: 1, issuedAt: 0);
                CollectionAssert.AreEqual(message.AsSpan(0, length).ToArray(), core.Gateway.Buffer.AsSpan(0, composed).ToArray(), $"{what}: the composer writes what the core's writer wrote");
            }
            else
            {
                Assert.IsTrue(plan.Problems.All(p => p.Limit is FitLimit.MessageBytes or FitLimit.ItemsPerProgram), $"{what}: {string.Join(" | ", plan.Problems)}");
                Assert.IsTrue(verdict is WireError.TooLarge or WireError.BadItemCount, $"{what}: refused by the planner, but the core says {WireError.Describe(verdict)}");
                Assert.IsTrue(plan.FittingCharacters > 0 && plan.FittingCharacters < plan.Characters, what);
            }

            return true;
        }

        /// <summary>Writes the pieces as a program with the core's writer and seals it for the board; returns the core's
        /// verdict (from the writer, the sealer or the board's receive path) and the sealed length.</summary>
        private static int WriteWithTheCore(BoardCoreRoundTrip core, IReadOnlyList<RenderResult> pieces, byte[] message, out int length)
        {
            length = 0;
            var writer = new ProgramWriter(message, Envelope.HeaderSize);
            writer.BeginProgram(ProgramComposer.VietnamUtcOffsetMinutes);
            foreach (RenderResult piece in pieces)
            {
                bool scroll = piece.Mode == RenderMode.Scroll;
                writer.BeginItem(new ProgramItem
                {
                    Layout = scroll ? ProgramItem.LayoutScroll : ProgramItem.LayoutPage,
                    Level = ProgramItem.LevelNormal,
                    DwellMs = PlaySettings.Default.DwellMs,
                    ScrollSpeed = scroll ? PlaySettings.Default.ScrollSpeed : 0,
                    BlinkPeriodMs = piece.BlinkPeriodMs,
                });
                foreach (IndexedBitmap frame in scroll ? new[] { piece.Strip! } : piece.Frames)
                {
                    PackedFrame packed = FramePacker.Pack(frame);
                    writer.AddFrame(packed.Header, packed.Pixels, packed.Pixels.Length, allowCompression: true);
                }

                writer.EndItem();
            }

            int payload = writer.Finish();
            if (payload < 0)
            {
                return -payload;
            }

            length = Envelope.Overhead + payload;
            return core.SealAndReceive(message, payload, sequence: 1);
        }
    }
}
