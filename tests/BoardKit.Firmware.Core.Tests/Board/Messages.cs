using System;
using BoardKit.Firmware.Core.Tests.Vectors;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Tests.Board
{
    /// <summary>
    /// Signed messages for the vector board with any sequence, issue time, epoch and key: what a gateway (broken or
    /// not) could send. The content of a program or alert carries a marker byte so tests can tell which one is held.
    /// </summary>
    internal static class Messages
    {
        /// <summary>A second key for the vector board, installed as key id 2 in rotation tests.</summary>
        public static byte[] SecondKey() => VectorCatalog.SecondKey();

        public static MessageBuilder Builder(ulong epoch = 0, int keyId = VectorCatalog.KeyId)
        {
            var b = keyId == VectorCatalog.KeyId
                ? VectorCatalog.Builder()
                : new MessageBuilder(VectorCatalog.BoardHash(), keyId, SecondKey());
            b.Epoch = epoch;
            return b;
        }

        public static byte[] Program(ulong sequence, uint issuedAt, byte marker = 0x80, ulong epoch = 0, int keyId = VectorCatalog.KeyId, uint validUntil = 0)
        {
            MessageBuilder b = Builder(epoch, keyId);
            ProgramWriter w = b.StartProgram(420);
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutStatic, DwellMs = 5000, ValidUntil = validUntil });
            w.AddFrame(VectorCatalog.Mono1Header(), Marked(marker), 8, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, issuedAt));
        }

        public static byte[] Alert(ulong sequence, uint issuedAt, uint validUntil = 0, byte marker = 0xA5, ulong epoch = 0, int keyId = VectorCatalog.KeyId)
        {
            MessageBuilder b = Builder(epoch, keyId);
            ProgramWriter w = b.StartAlert();
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutStatic, Level = ProgramItem.LevelEmergency, DwellMs = 10000, ValidUntil = validUntil, BlinkPeriodMs = 1000 });
            w.AddFrame(VectorCatalog.Mono1Header(), Marked(marker), 8, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, issuedAt));
        }

        public static byte[] Preset(ulong sequence, uint issuedAt, byte marker = 0x5A, ulong epoch = 0)
        {
            MessageBuilder b = Builder(epoch);
            ProgramWriter w = b.StartPreset();
            w.BeginItem(new ProgramItem { Layout = ProgramItem.LayoutStatic, Level = ProgramItem.LevelEmergency, DwellMs = 10000, BlinkPeriodMs = 1000 });
            w.AddFrame(VectorCatalog.Mono1Header(), Marked(marker), 8, true);
            w.EndItem();
            return Take(b, b.SealProgramOrAlert(sequence, issuedAt));
        }

        public static byte[] Clear(ulong alertSequence, ulong sequence, uint issuedAt, ulong epoch = 0)
        {
            MessageBuilder b = Builder(epoch);
            return Take(b, b.BuildAlertClear(alertSequence, sequence, issuedAt));
        }

        public static byte[] Resync(uint newEpoch, ulong sequence, ulong session, uint issuedAt)
        {
            MessageBuilder b = Builder();
            return Take(b, b.BuildCommand(new Command { Code = Command.CodeResync, Epoch = newEpoch }, sequence, session, issuedAt));
        }

        public static byte[] Marked(byte marker)
        {
            byte[] p = VectorCatalog.Mono1Pixels();
            p[0] = marker;
            return p;
        }

        private static byte[] Take(MessageBuilder b, int n)
        {
            if (n < 0)
            {
                throw new InvalidOperationException("not built: " + WireError.Describe(-n));
            }

            return b.Buffer.AsSpan(0, n).ToArray();
        }
    }
}
