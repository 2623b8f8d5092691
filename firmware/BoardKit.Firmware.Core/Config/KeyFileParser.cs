using BoardKit.Firmware.Core.Crypto;
using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Config
{
    /// <summary>
    /// Reads board.key (format 1): { "format": 1, "board": id, "keys": [ { "id": 1..255, "key": 64 hex digits } ] (1..2,
    /// distinct ids), "mqttPassword": 8..128 characters (optional) }. The provisioning tool writes it; the installer
    /// deploys it with board.json. There is no default key: without an accepted board.key the board accepts nothing.
    /// <para>
    /// Refused besides format errors: a file made for another board (WrongBoard), the published test-vector key
    /// 000102...1E1F and any key of one repeated byte, all zero included (WeakKey). Keys are installed only when the
    /// whole file is valid, so a refused file leaves no key behind.
    /// </para>
    /// <para>
    /// Secrets: messages never quote the file (no member names, values or characters, only paths, lengths and
    /// positions), except the board id when it cannot hold key material (no run of 8 or more hex digits).
    /// Key characters are copied into a char array and decoded into byte arrays, never into strings, and both are
    /// overwritten before Parse returns, on every path. The caller should clear <c>data</c> once Parse returns. The MQTT
    /// password has to become a string for the MQTT client and cannot be scrubbed.
    /// </para>
    /// </summary>
    public static class KeyFileParser
    {
        private static readonly string[] RootFields = { "format", "board", "keys", "mqttPassword" };
        private static readonly string[] KeyFields = { "id", "key" };

        /// <summary>
        /// Parses <paramref name="data"/>, the whole of board.key (null when missing: FileMissing, the board is not
        /// provisioned), for the board <paramref name="expectedBoard"/> (board.json's "board"). On success the result's
        /// KeyFile holds a KeyRing with every key; otherwise ErrorCode, Message and OnPanelCode ('K') say what to fix.
        /// </summary>
        public static KeyFileResult Parse(byte[]? data, string expectedBoard)
        {
            var result = new KeyFileResult();
            var reader = new JsonReader();
            JsonDocument? doc = reader.Read(data, true);
            if (doc == null)
            {
                result.SetError(reader.ErrorCode, reader.ErrorCode == ConfigError.FileMissing ? "file not found: the board is not provisioned" : reader.ErrorMessage);
                return result;
            }

            var fields = new FieldReader(doc, true);
            byte[][] keys = new byte[KeyFile.MaxKeys][];
            try
            {
                KeyFile file = Read(doc, fields, expectedBoard, keys);
                if (fields.Failed)
                {
                    result.SetError(fields.ErrorCode, fields.Message);
                    return result;
                }

                for (int i = 0; i < file.KeyIds.Length; i++)
                {
                    if (!file.Keys.Add(file.KeyIds[i], keys[i]))
                    {
                        // Unreachable: ids, lengths and all-zero keys were checked above. Kept so a ring rule added later cannot be bypassed.
                        result.SetError(ConfigError.WeakKey, "keys[" + i.ToString() + "]: the key ring refused this key");
                        return result;
                    }
                }

                result.KeyFile = file;
                return result;
            }
            finally
            {
                for (int i = 0; i < keys.Length; i++)
                {
                    if (keys[i] != null)
                    {
                        System.Array.Clear(keys[i], 0, keys[i].Length);
                    }
                }
            }
        }

        private static KeyFile Read(JsonDocument doc, FieldReader fields, string expectedBoard, byte[][] keys)
        {
            var file = new KeyFile();
            int root = JsonDocument.Root;
            if (doc.GetKind(root) != JsonKind.Object)
            {
                fields.Record(ConfigError.WrongType, "board.key must be one JSON object { ... }, not " + JsonKind.Describe(doc.GetKind(root)));
                return file;
            }

            fields.Format(root, KeyFile.CurrentFormat);
            fields.OnlyKnown(root, RootFields);
            file.Board = ReadBoard(doc, fields, root, expectedBoard);
            file.KeyIds = ReadKeys(doc, fields, root, keys);
            int password = fields.Member(root, "mqttPassword", false);
            if (password != JsonDocument.NoNode)
            {
                file.MqttPassword = fields.TextValue(password, KeyFile.MinPasswordLength, KeyFile.MaxPasswordLength, string.Empty);
            }

            return file;
        }

        private static string ReadBoard(JsonDocument doc, FieldReader fields, int root, string expectedBoard)
        {
            string board = fields.Text(root, "board", 1, BoardId.MaxLength, string.Empty, true);
            if (fields.Failed)
            {
                return board;
            }

            int node = doc.GetMember(root, "board");
            if (!BoardId.IsValid(board))
            {
                fields.Fail(node, ConfigError.BadValue, "must be 1..64 characters of a-z, 0-9, '-', '_' and '.'");
            }
            else if (!BoardId.IsValid(expectedBoard))
            {
                fields.Fail(node, ConfigError.WrongBoard, "there is no valid board id to check it against (board.json must be read first)");
            }
            else if (board != expectedBoard)
            {
                string which = MayShow(board) ? "was made for \"" + board + "\"" : "was made for another board";
                fields.Fail(node, ConfigError.WrongBoard, "this key file " + which + ", but board.json says this board is \"" + expectedBoard
                    + "\": deploy the key made for this board");
            }

            return board;
        }

        // Reads "keys" into ids (returned) and decoded key bytes (into keys[i]); checks ids distinct and keys not weak.
        private static int[] ReadKeys(JsonDocument doc, FieldReader fields, int root, byte[][] keys)
        {
            int array = fields.Array(root, "keys", 1, KeyFile.MaxKeys, true);
            if (array == JsonDocument.NoNode)
            {
                return new int[0];
            }

            int[] ids = new int[doc.GetCount(array)];
            int i = 0;
            for (int obj = doc.GetFirstChild(array); obj != JsonDocument.NoNode && !fields.Failed; obj = doc.GetNext(obj))
            {
                if (!fields.Expect(obj, JsonKind.Object, "an object") || !fields.OnlyKnown(obj, KeyFields))
                {
                    break;
                }

                ids[i] = fields.Int(obj, "id", KeyFile.MinKeyId, KeyFile.MaxKeyId, 0, true);
                for (int j = 0; j < i && !fields.Failed; j++)
                {
                    if (ids[j] == ids[i])
                    {
                        fields.Fail(doc.GetMember(obj, "id"), ConfigError.Conflict, "key id " + ids[i].ToString() + " is used twice (also keys[" + j.ToString() + "])");
                    }
                }

                int keyNode = fields.Member(obj, "key", true);
                if (keyNode != JsonDocument.NoNode && fields.Expect(keyNode, JsonKind.String, "a string of 64 hexadecimal digits"))
                {
                    keys[i] = new byte[KeyRing.KeySize];
                    DecodeKey(doc, fields, keyNode, keys[i]);
                }

                i++;
            }

            return ids;
        }

        // Decodes the 64 hex digits at node into key (32 bytes) through a char array that is overwritten afterwards.
        private static void DecodeKey(JsonDocument doc, FieldReader fields, int node, byte[] key)
        {
            int length = doc.GetStringLength(node);
            if (length != KeyFile.KeyHexLength)
            {
                fields.Fail(node, ConfigError.BadValue, "must be 64 hexadecimal digits (32 bytes), not " + length.ToString() + " characters");
                return;
            }

            char[] hex = new char[KeyFile.KeyHexLength];
            try
            {
                doc.CopyString(node, hex, 0);
                for (int b = 0; b < KeyRing.KeySize; b++)
                {
                    int high = JsonText.HexValue(hex[2 * b]);
                    int low = JsonText.HexValue(hex[(2 * b) + 1]);
                    if (high < 0 || low < 0)
                    {
                        int position = high < 0 ? (2 * b) + 1 : (2 * b) + 2;
                        fields.Fail(node, ConfigError.BadValue, "character " + position.ToString() + " of 64 is not a hexadecimal digit (0-9, a-f, A-F)");
                        return;
                    }

                    key[b] = (byte)((high << 4) | low);
                }
            }
            finally
            {
                System.Array.Clear(hex, 0, hex.Length);
            }

            string? weak = KeyRing.UnusableReason(key);
            if (weak != null)
            {
                fields.Fail(node, ConfigError.WeakKey, weak + ": anyone could sign content for this board. Generate a real key with the provisioning tool");
            }
        }

        // A board id may be quoted unless it could hold key material: a run of 8 or more hex digits (a quarter of a key).
        private static bool MayShow(string board)
        {
            int run = 0;
            for (int i = 0; i < board.Length; i++)
            {
                run = JsonText.HexValue(board[i]) < 0 ? 0 : run + 1;
                if (run >= 8)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
