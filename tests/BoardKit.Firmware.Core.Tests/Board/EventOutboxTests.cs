using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Wire;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace BoardKit.Firmware.Core.Tests.Board
{
    [TestClass]
    public sealed class EventOutboxTests
    {
        private static BoardEvent Event(int code, ulong sequence, uint time = 0) =>
            new() { Code = code, Sequence = sequence, UptimeSeconds = (uint)sequence, TimeUnixSeconds = time };

        [TestMethod]
        public void Add_FullRing_DropsOldestNonPersistentFirst()
        {
            var outbox = new EventOutbox();
            outbox.Add(Event(BoardEvent.CodeEmergencyStarted, 1), true);
            for (ulong i = 2; i <= EventOutbox.Capacity; i++)
            {
                outbox.Add(Event(BoardEvent.CodeMessageRejected, i), false);
            }

            outbox.Add(Event(BoardEvent.CodeMessageRejected, 100), false);
            Assert.AreEqual(EventOutbox.Capacity, outbox.Count);
            Assert.AreEqual(1, outbox.Dropped);
            Assert.AreEqual(1UL, outbox.Oldest.Sequence, "the button event stays");
            Assert.IsTrue(outbox.OldestIsPersistent);
            outbox.RemoveOldest();
            Assert.AreEqual(3UL, outbox.Oldest.Sequence, "rejection 2 was the one dropped");
        }

        [TestMethod]
        public void Add_AllPersistent_DropsOldest()
        {
            var outbox = new EventOutbox();
            for (ulong i = 1; i <= EventOutbox.Capacity + 2; i++)
            {
                outbox.Add(Event(BoardEvent.CodeEmergencyStarted, i), true);
            }

            Assert.AreEqual(3UL, outbox.Oldest.Sequence);
            Assert.AreEqual(EventOutbox.Capacity, outbox.PersistentCount);
        }

        [TestMethod]
        public void LocalStateFile_RoundTripsFlagAndPersistentEventsOnly()
        {
            var outbox = new EventOutbox();
            outbox.Add(Event(BoardEvent.CodeMessageRejected, 5), false);
            outbox.Add(Event(BoardEvent.CodeEmergencyStarted, 6, 1767225600), true);
            outbox.Add(Event(BoardEvent.CodeEmergencyEnded, 7), true);
            var file = new LocalStateFile { LocalEmergency = true, LocalEmergencySince = 1767225600 };
            int length = file.Write(outbox);
            Assert.AreEqual(9 + (2 * 20) + 4, length);

            var restoredOutbox = new EventOutbox();
            var restored = new LocalStateFile();
            Assert.IsTrue(restored.TryRead(file.Buffer, length, restoredOutbox));
            Assert.IsTrue(restored.LocalEmergency);
            Assert.AreEqual(1767225600U, restored.LocalEmergencySince);
            Assert.AreEqual(2, restoredOutbox.Count);
            Assert.AreEqual(BoardEvent.CodeEmergencyStarted, restoredOutbox.Oldest.Code);
            Assert.AreEqual(1767225600U, restoredOutbox.Oldest.TimeUnixSeconds);
            restoredOutbox.RemoveOldest();
            Assert.AreEqual(7UL, restoredOutbox.Oldest.Sequence);
            Assert.AreEqual(0U, restoredOutbox.Oldest.TimeUnixSeconds);
        }

        [TestMethod]
        public void LocalStateFile_EveryTruncationAndBitFlip_Refused()
        {
            var outbox = new EventOutbox();
            outbox.Add(Event(BoardEvent.CodeEmergencyStarted, 6, 1767225600), true);
            var file = new LocalStateFile { LocalEmergency = true };
            int length = file.Write(outbox);
            byte[] bytes = file.Buffer[..length];
            for (int n = 0; n < length; n++)
            {
                var target = new EventOutbox();
                var reader = new LocalStateFile();
                Assert.IsFalse(reader.TryRead(bytes, n, target), "length " + n);
                Assert.AreEqual(0, target.Count);
                Assert.IsFalse(reader.LocalEmergency);
            }

            for (int bit = 0; bit < length * 8; bit++)
            {
                bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                var target = new EventOutbox();
                Assert.IsFalse(new LocalStateFile().TryRead(bytes, length, target), "bit " + bit);
                Assert.AreEqual(0, target.Count);
                bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            }
        }
    }
}
