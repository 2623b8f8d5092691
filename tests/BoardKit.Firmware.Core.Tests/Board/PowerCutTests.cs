using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Security;
using BoardKit.Firmware.Core.Tests.Fakes;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Board
{
    /// <summary>
    /// Power cut at every byte of every flash write (and at every delete and rename) while a board takes a series of
    /// programs, alerts, a clear and a preset; then a second cut at every step of the recovery boot. After the final
    /// boot: no dark board (a program that was fully accepted before the cut, or a newer one, is shown), no lost active
    /// alert, and no message older than one fully accepted is accepted again (docs/protocol.md 8.3).
    /// </summary>
    [TestClass]
    public sealed class PowerCutTests
    {
        private const uint T = VectorCatalog.IssuedAt;

        public TestContext TestContext { get; set; } = null!;

        private sealed record Step(string Name, byte[] Message, int Stream, ulong Sequence, bool AlertActiveAfter, ulong AlertAfter);

        private static List<Step> Script() => new()
        {
            new("program 10", Messages.Program(10, T, 0x10), ReplayGuard.StreamProgram, 10, false, 0),
            new("alert 20", Messages.Alert(20, T, marker: 0x20), ReplayGuard.StreamAlert, 20, true, 20),
            new("program 11", Messages.Program(11, T, 0x11), ReplayGuard.StreamProgram, 11, true, 20),
            new("preset 30", Messages.Preset(30, T, 0x30), ReplayGuard.StreamPreset, 30, true, 20),
            new("clear of 20", Messages.Clear(20, 21, T), ReplayGuard.StreamAlert, 21, false, 0),
            new("alert 22", Messages.Alert(22, T, marker: 0x22), ReplayGuard.StreamAlert, 22, true, 22),
            new("program 12", Messages.Program(12, T, 0x12), ReplayGuard.StreamProgram, 12, true, 22),
            new("preset 31", Messages.Preset(31, T, 0x31), ReplayGuard.StreamPreset, 31, true, 22),
        };

        /// <summary>Runs the script until the power goes; returns how many steps completed and which one was cut.</summary>
        private static int RunUntilCut(PowerCutFileStore flash, List<Step> script)
        {
            var board = new TestBoard(flash);
            for (int i = 0; i < script.Count; i++)
            {
                int verdict = board.Receive((byte[])script[i].Message.Clone());
                if (flash.PoweredOff)
                {
                    return i; // step i was in flight
                }

                Assert.AreEqual(WireError.None, verdict, script[i].Name);
            }

            return script.Count;
        }

        private static TestBoard Boot(PowerCutFileStore flash, long stepsUntilSecondCut, out bool cutDuringRecovery)
        {
            flash.PowerOn(stepsUntilSecondCut);
            var board = new TestBoard(flash, nonce: TestBoard.RebootNonce);
            cutDuringRecovery = flash.PoweredOff;
            if (cutDuringRecovery)
            {
                flash.PowerOn();
                board = new TestBoard(flash, nonce: TestBoard.RebootNonce + 1);
            }

            return board;
        }

        private static long StepsOfWholeScript(List<Step> script)
        {
            var flash = new PowerCutFileStore();
            flash.PowerOn();
            Assert.AreEqual(script.Count, RunUntilCut(flash, script));
            return flash.Steps;
        }

        [TestMethod]
        public void PowerCut_AtEveryByteOfEveryWriteAndAgainDuringRecovery_NoDarkBoardNoLostAlertNoOlderMessage()
        {
            List<Step> script = Script();
            long total = StepsOfWholeScript(script);
            int runs = 0, secondCuts = 0, dark = 0, lostAlerts = 0, olderAccepted = 0;
            for (long cut = 0; cut < total; cut++)
            {
                var flash = new PowerCutFileStore();
                flash.PowerOn(cut);
                int inFlight = RunUntilCut(flash, script);
                Assert.IsTrue(flash.PoweredOff, "cut " + cut + " must fall inside the script");

                // How many flash steps the recovery boot takes, then a second cut at each of them.
                var probe = Clone(flash);
                probe.PowerOn();
                _ = new TestBoard(probe, nonce: TestBoard.RebootNonce);
                long recoverySteps = probe.Steps;
                for (long second = -1; second < recoverySteps; second++)
                {
                    PowerCutFileStore copy = Clone(flash);
                    TestBoard board = Boot(copy, second < 0 ? long.MaxValue : second, out bool cutAgain);
                    runs++;
                    secondCuts += cutAgain ? 1 : 0;
                    string where = $"cut at step {cut} (during '{script[inFlight].Name}')" + (second >= 0 ? $", second cut at recovery step {second}" : "");
                    Check(board, script, inFlight, where, ref dark, ref lostAlerts, ref olderAccepted);
                }
            }

            TestContext.WriteLine($"{total} cut points, {runs} recoveries ({secondCuts} cut again): {dark} dark boards, {lostAlerts} lost active alerts, {olderAccepted} older messages accepted");
            Assert.AreEqual(0, dark);
            Assert.AreEqual(0, lostAlerts);
            Assert.AreEqual(0, olderAccepted);
            Assert.IsGreaterThan(1000L, total, "the script writes real amounts of flash");
            Assert.IsGreaterThan(0, secondCuts, "the recovery itself was cut");
        }

        private static void Check(TestBoard board, List<Step> script, int inFlight, string where, ref int dark, ref int lostAlerts, ref int olderAccepted)
        {
            // What was fully accepted before the cut, per stream; the step in flight may or may not have landed.
            ulong[] lastDone = new ulong[ReplayGuard.StreamCount];
            bool alertActive = false;
            ulong alert = 0;
            for (int i = 0; i < inFlight; i++)
            {
                lastDone[script[i].Stream] = script[i].Sequence;
                if (script[i].Stream == ReplayGuard.StreamAlert)
                {
                    alertActive = script[i].AlertActiveAfter;
                    alert = script[i].AlertAfter;
                }
            }

            Step? flying = inFlight < script.Count ? script[inFlight] : null;
            HeldContent c = board.Content;
            if (lastDone[ReplayGuard.StreamProgram] != 0)
            {
                bool shown = c.HasProgram && (c.ProgramSequence == lastDone[ReplayGuard.StreamProgram]
                    || (flying != null && flying.Stream == ReplayGuard.StreamProgram && c.ProgramSequence == flying.Sequence));
                if (!shown)
                {
                    dark++;
                    Assert.Fail($"{where}: dark or wrong program ({c.ProgramSequence})");
                }
            }

            bool alertAsBefore = c.IsAlertActiveAt(0) == alertActive && (!alertActive || c.AlertSequence == alert);
            bool alertAsInFlight = flying != null && flying.Stream == ReplayGuard.StreamAlert
                && c.IsAlertActiveAt(0) == flying.AlertActiveAfter && (!flying.AlertActiveAfter || c.AlertSequence == flying.AlertAfter);
            if (!alertAsBefore && !alertAsInFlight)
            {
                lostAlerts++;
                Assert.Fail($"{where}: alert state {c.IsAlertActiveAt(0)} {c.AlertSequence}, expected {alertActive} {alert}");
            }

            if (lastDone[ReplayGuard.StreamPreset] != 0 && !c.HasPreset)
            {
                Assert.Fail($"{where}: preset lost");
            }

            // Every message older than the newest fully accepted one of its stream is refused.
            for (int i = 0; i < script.Count; i++)
            {
                Step s = script[i];
                if (s.Sequence < lastDone[s.Stream] && board.Receive((byte[])s.Message.Clone()) == WireError.None)
                {
                    olderAccepted++;
                    Assert.Fail($"{where}: '{s.Name}' accepted again");
                }
            }
        }

        private static PowerCutFileStore Clone(PowerCutFileStore flash)
        {
            var copy = new PowerCutFileStore();
            copy.PowerOn();
            foreach (KeyValuePair<string, byte[]> file in flash.Snapshot)
            {
                copy.Write(file.Key, file.Value, file.Value.Length);
            }

            copy.PowerOn();
            copy.PowerOff();
            return copy;
        }
    }
}
