namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// Limits of <see cref="JsonReader"/>, checked while reading and before anything is allocated for the part that
    /// breaks them. They bound the reader's memory and time on the ESP32 without PSRAM (about 80 KB of managed heap,
    /// docs/protocol.md "Limits"), with room above what board.json and board.key need.
    /// </summary>
    public static class JsonLimits
    {
        /// <summary>
        /// Largest file, 8192 bytes. board.json of the reference board is about 1.5 KB; 64 tiles written compactly with
        /// their defaults left out fit. The file store loads the whole file, so this also caps that array.
        /// </summary>
        public const int MaxInputBytes = 8192;

        /// <summary>
        /// Deepest nesting of objects and arrays, 8 (the root object is level 1). board.json needs 3 (root, "tiles",
        /// one tile). The reader recurses once per level, so this also bounds its stack.
        /// </summary>
        public const int MaxDepth = 8;

        /// <summary>
        /// Longest string (values and member names), 256 bytes of UTF-8 after unescaping. The longest field either file
        /// allows is 128 characters (broker host, MQTT password); a key is 64 hex digits.
        /// </summary>
        public const int MaxStringBytes = 256;

        /// <summary>Most elements in one array, 64: "tiles" allows 64, "chains" 2, "keys" 2, "sntp" 2.</summary>
        public const int MaxArrayLength = 64;

        /// <summary>Most members in one object, 64. The largest object either format defines has 14 (board.json's root).</summary>
        public const int MaxObjectMembers = 64;

        /// <summary>
        /// Most values (nodes) in one document, 1024: 64 tiles of 11 nodes each (the tile object and its 10 members)
        /// plus about 40 for the rest of board.json is 744. The document spends 17 bytes per node (five arrays),
        /// so even a hostile file costs at most 17 KiB, for as long as the parse lasts.
        /// </summary>
        public const int MaxNodes = 1024;

        /// <summary>
        /// Numbers must be smaller than 10^12 in magnitude (12 integer digits). Every number either file holds is at
        /// most 200000 (supply milliamps); the limit keeps value x 10^6 (see <see cref="JsonDocument.GetMicros"/>)
        /// inside a 64-bit integer with a wide margin.
        /// </summary>
        public const int MaxIntegerDigits = 12;

        /// <summary>
        /// Numbers may have at most 6 significant decimal places (trailing zeros beyond them are fine): every number is
        /// held exactly as an integer count of millionths, so 2.2 is exactly 2.2, never 2.2000000000000002.
        /// </summary>
        public const int MaxFractionDigits = 6;

        /// <summary>
        /// Largest exponent magnitude, 20: "2.2e0" or "1E3" are accepted (if the value then fits the two limits above),
        /// "1e400" is refused before any arithmetic. No field needs an exponent; RFC 8259 allows them, so they are read.
        /// </summary>
        public const int MaxExponent = 20;
    }
}
