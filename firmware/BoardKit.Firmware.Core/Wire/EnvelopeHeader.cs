namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// Structured envelope header (docs/protocol.md, "Envelope"). Mutable and reusable: Envelope.TryOpen fills a
    /// caller-owned instance; Envelope.Seal reads one. BoardHash is allocated once (8 bytes).
    /// </summary>
    public sealed class EnvelopeHeader
    {
        /// <summary>Message kind (MessageKind constant).</summary>
        public int Kind { get; set; }

        /// <summary>Envelope flags. Version 1 defines none: must be 0 (a set bit is rejected, ReservedBitsSet).</summary>
        public int Flags { get; set; }

        /// <summary>Key id 1..255 naming which of the board's keys signed the message (0 is never provisioned).</summary>
        public int KeyId { get; set; }

        /// <summary>First 8 bytes of SHA-256 of the UTF-8 board id (BoardId.ComputeHash): the target board, or the sending board for status and events.</summary>
        public byte[] BoardHash { get; } = new byte[BoardId.HashSize];

        /// <summary>Sequence number: strictly increasing per board and stream (see ReplayGuard and SessionGuard).</summary>
        public ulong Sequence { get; set; }

        /// <summary>
        /// Session-bound kinds (frame, cmd, status, event): the board's boot nonce, never 0. Persistent kinds (program,
        /// alert, alert clear, preset): the board's content epoch, 0 until a resync command starts epoch 1, 2 ...
        /// (docs/protocol.md 8.1).
        /// </summary>
        public ulong Session { get; set; }

        /// <summary>Sender's clock when signed, unix seconds UTC; 0 = unknown. Informative only, never used for replay decisions.</summary>
        public uint IssuedAt { get; set; }

        /// <summary>Decoder: offset of the payload in the source array.</summary>
        public int PayloadOffset { get; set; }

        /// <summary>Payload length in bytes.</summary>
        public int PayloadLength { get; set; }

        /// <summary>Decoder: offset of the 32-byte tag in the source array (used by ReplayGuard to recognise duplicates).</summary>
        public int TagOffset { get; set; }

        /// <summary>Decoder: total envelope length (header + payload + tag).</summary>
        public int TotalLength { get; set; }

        /// <summary>Copies <paramref name="hash"/>[offset..offset+8) into BoardHash.</summary>
        public void SetBoardHash(byte[] hash, int offset)
        {
            for (int i = 0; i < BoardId.HashSize; i++)
            {
                BoardHash[i] = hash[offset + i];
            }
        }
    }
}
