using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// The board's local state on flash (local.bin, written atomically by BoardStorage): whether the emergency started
    /// with the button is on, since when, and the persistent events not yet published (docs/protocol.md 15.6).
    /// <code>
    /// 0   2  magic "BL"
    /// 2   1  format 1
    /// 3   1  flags: bit 0 = local emergency on
    /// 4   4  local emergency started, unix seconds (0 = unknown)
    /// 8   1  event count n (0..EventOutbox.Capacity)
    /// 9   20n events: the 20-byte event payload (EventCodec, with the time field)
    /// 9+20n 4 CRC-32 of the bytes before
    /// </code>
    /// A file that fails any check is ignored (the board starts with the emergency off and no stored events) and the
    /// failure is reported. Allocates nothing.
    /// </summary>
    public sealed class LocalStateFile
    {
        /// <summary>File name on the board's flash.</summary>
        public const string FileName = "local.bin";

        /// <summary>Name the replacement is written to first.</summary>
        public const string NewFileName = "local.bin.new";

        /// <summary>Largest file: header 9, 16 events of 20 bytes, CRC 4.</summary>
        public const int MaxSize = 9 + (EventOutbox.Capacity * BoardEvent.SizeWithTime) + 4;

        private const byte Magic0 = 0x42;
        private const byte Magic1 = 0x4C;
        private const byte Format = 1;
        private const int FlagLocalEmergency = 0x01;

        private readonly byte[] _buffer = new byte[MaxSize];
        private readonly BoardEvent _scratch = new BoardEvent();

        /// <summary>True when the local emergency is on.</summary>
        public bool LocalEmergency { get; set; }

        /// <summary>When the local emergency started, unix seconds (0 = unknown).</summary>
        public uint LocalEmergencySince { get; set; }

        /// <summary>The file's bytes written by the last <see cref="Write"/>. Owned here; valid until the next call.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Serialises the flags and the outbox's persistent events into <see cref="Buffer"/>; returns the length.</summary>
        public int Write(EventOutbox outbox)
        {
            _buffer[0] = Magic0;
            _buffer[1] = Magic1;
            _buffer[2] = Format;
            _buffer[3] = (byte)(LocalEmergency ? FlagLocalEmergency : 0);
            BigEndian.WriteUInt32(_buffer, 4, LocalEmergencySince);
            int n = 0;
            int p = 9;
            BoardEvent? e;
            while ((e = outbox.PersistentAt(n)) != null)
            {
                // Always 20 bytes here: the time field is written even when it is 0.
                _scratch.CopyFrom(e);
                EventCodec.Write(_scratch, _buffer, p);
                BigEndian.WriteUInt32(_buffer, p + 16, e.TimeUnixSeconds);
                p += BoardEvent.SizeWithTime;
                n++;
            }

            _buffer[8] = (byte)n;
            BigEndian.WriteUInt32(_buffer, p, Crc32.Compute(_buffer, 0, p));
            return p + 4;
        }

        /// <summary>
        /// Reads a stored file: sets the flags and queues its events into <paramref name="outbox"/> as persistent.
        /// False (nothing changed) when the bytes fail any check: size, magic, format, reserved flags, count, CRC, an event code 0.
        /// </summary>
        public bool TryRead(byte[] src, int length, EventOutbox outbox)
        {
            if (src == null || length < 13 || length > MaxSize || src.Length < length)
            {
                return false;
            }

            int n = src[8];
            if (src[0] != Magic0 || src[1] != Magic1 || src[2] != Format || (src[3] & ~FlagLocalEmergency) != 0
                || n > EventOutbox.Capacity || length != 9 + (n * BoardEvent.SizeWithTime) + 4)
            {
                return false;
            }

            int end = length - 4;
            if (Crc32.Compute(src, 0, end) != BigEndian.ReadUInt32(src, end))
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                int error;
                if (!EventCodec.TryRead(src, 9 + (i * BoardEvent.SizeWithTime), BoardEvent.SizeWithTime, _scratch, out error))
                {
                    return false;
                }
            }

            LocalEmergency = (src[3] & FlagLocalEmergency) != 0;
            LocalEmergencySince = BigEndian.ReadUInt32(src, 4);
            for (int i = 0; i < n; i++)
            {
                int error;
                EventCodec.TryRead(src, 9 + (i * BoardEvent.SizeWithTime), BoardEvent.SizeWithTime, _scratch, out error);
                outbox.Add(_scratch, true);
            }

            return true;
        }
    }
}
