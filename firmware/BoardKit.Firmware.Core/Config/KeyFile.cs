using BoardKit.Firmware.Core.Crypto;

namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// The board's secrets from board.key, format 1, as <see cref="KeyFileParser"/> accepted them. The keys themselves
    /// are only inside <see cref="Keys"/> (as HMAC states); the decoded bytes were overwritten after installing them.
    /// </summary>
    public sealed class KeyFile
    {
        /// <summary>The only format this firmware reads.</summary>
        public const int CurrentFormat = 1;

        /// <summary>Most keys, 2: the current key and the next one during rotation (docs/protocol.md section 7).</summary>
        public const int MaxKeys = 2;

        /// <summary>Lowest key id, 1 (KeyRing: 0 means "no key").</summary>
        public const int MinKeyId = 1;

        /// <summary>Highest key id, 255: the envelope carries it in one byte (docs/protocol.md section 3).</summary>
        public const int MaxKeyId = 255;

        /// <summary>Hex digits of one key: 64, i.e. KeyRing.KeySize (32) bytes.</summary>
        public const int KeyHexLength = 2 * KeyRing.KeySize;

        /// <summary>Shortest MQTT password, 8 characters.</summary>
        public const int MinPasswordLength = 8;

        /// <summary>Longest MQTT password, 128 characters.</summary>
        public const int MaxPasswordLength = 128;

        /// <summary>"board": the board id the keys were made for; equals board.json's "board".</summary>
        public string Board { get; internal set; } = string.Empty;

        /// <summary>"keys[i].id": the installed key ids (1..255, distinct) in file order, for status tag 0x0C.</summary>
        public int[] KeyIds { get; internal set; } = new int[0];

        /// <summary>The ring holding every key of the file, capacity <see cref="MaxKeys"/>.</summary>
        public KeyRing Keys { get; internal set; } = new KeyRing(MaxKeys);

        /// <summary>"mqttPassword": the broker password (8..128 characters), or null when the file has none (TLS client certificate only).</summary>
        public string? MqttPassword { get; internal set; }
    }
}
