using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Text;

namespace BoardKit.Firmware.Core.Wire
{
    /// <summary>
    /// The board hash carried in every envelope: the first 8 bytes of SHA-256 over the UTF-8 board id (the {board}
    /// topic segment, e.g. "lc-mlt-gate-1"). A message signed for one board is rejected by another even if both were
    /// given the same key by mistake. 64 bits make an accidental collision within one deployment negligible.
    /// </summary>
    public static class BoardId
    {
        /// <summary>Size of the board hash in bytes.</summary>
        public const int HashSize = 8;

        /// <summary>Longest board id in UTF-8 bytes (also a topic segment).</summary>
        public const int MaxLength = 64;

        /// <summary>
        /// Writes the 8-byte hash of <paramref name="boardId"/> to dest at offset. Returns false (and writes nothing)
        /// if the id is empty, longer than MaxLength bytes, or contains characters not allowed in an id (allowed:
        /// a-z, 0-9, '-', '_', '.'; no MQTT wildcards or separators). Allocates (call once at start-up).
        /// </summary>
        public static bool ComputeHash(string boardId, byte[] dest, int offset)
        {
            if (!IsValid(boardId))
            {
                return false;
            }

            byte[] bytes = Utf8.GetBytes(boardId);
            Sha256 sha = new Sha256();
            sha.Update(bytes, 0, bytes.Length);
            byte[] digest = new byte[Sha256.HashSize];
            sha.Final(digest, 0);
            for (int i = 0; i < HashSize; i++)
            {
                dest[offset + i] = digest[i];
            }

            return true;
        }

        /// <summary>True if <paramref name="boardId"/> is 1..64 characters of a-z, 0-9, '-', '_' or '.'.</summary>
        public static bool IsValid(string boardId)
        {
            if (boardId == null || boardId.Length < 1 || boardId.Length > MaxLength)
            {
                return false;
            }

            for (int i = 0; i < boardId.Length; i++)
            {
                char c = boardId[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
