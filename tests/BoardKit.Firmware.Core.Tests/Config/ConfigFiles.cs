using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BoardKit.Firmware.Core.Tests.Config
{
    /// <summary>The example files (copied next to the test assembly) and edits of them for the config tests.</summary>
    internal static class ConfigFiles
    {
        public static string ExamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

        public static string HardwarePath(string name) => Path.Combine(AppContext.BaseDirectory, "hardware", "boards", name);

        public static byte[] ExampleBoardJson() => File.ReadAllBytes(ExamplePath("board.json"));

        /// <summary>The example board.key.example exactly as shipped: its key is public, so a board refuses it.</summary>
        public static byte[] ShippedExampleKey() => File.ReadAllBytes(ExamplePath("board.key.example"));

        /// <summary>The example board.key with its public key replaced by <see cref="KeyFileParserTests.ExampleKeyHex"/>, a key a board accepts.</summary>
        public static byte[] ExampleKey() => Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(ShippedExampleKey()).Replace(ShippedKeyHex, KeyFileParserTests.ExampleKeyHex, StringComparison.Ordinal));

        /// <summary>The key of firmware/examples/board.key.example.</summary>
        public const string ShippedKeyHex = "badc0ffee0ddf00dbadc0ffee0ddf00dbadc0ffee0ddf00dbadc0ffee0ddf00d";

        /// <summary>The example board.json as an editable tree.</summary>
        public static JsonObject Board() => JsonNode.Parse(ExampleBoardJson())!.AsObject();

        /// <summary>The example board.key as an editable tree.</summary>
        public static JsonObject Key() => JsonNode.Parse(ExampleKey())!.AsObject();

        /// <summary>Sets the member at a path like "tiles[2].rotation" (creating nothing on the way), returns root.</summary>
        public static JsonObject Set(this JsonObject root, string path, JsonNode? value)
        {
            (JsonNode parent, string last) = Walk(root, path);
            if (last.StartsWith('['))
            {
                parent.AsArray()[int.Parse(last.Trim('[', ']'))] = value;
            }
            else
            {
                parent.AsObject()[last] = value;
            }

            return root;
        }

        /// <summary>Removes the member at a path, returns root.</summary>
        public static JsonObject Without(this JsonObject root, string path)
        {
            (JsonNode parent, string last) = Walk(root, path);
            if (last.StartsWith('['))
            {
                parent.AsArray().RemoveAt(int.Parse(last.Trim('[', ']')));
            }
            else
            {
                parent.AsObject().Remove(last);
            }

            return root;
        }

        /// <summary>JSON literal as a node: Value("45"), Value("\"x\""), Value("null") (null node).</summary>
        public static JsonNode? Value(string json) => JsonNode.Parse(json);

        public static byte[] Bytes(this JsonNode root) => Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        private static (JsonNode Parent, string Last) Walk(JsonObject root, string path)
        {
            string[] parts = path.Replace("[", ".[").Split('.', StringSplitOptions.RemoveEmptyEntries);
            JsonNode node = root;
            foreach (string part in parts.Take(parts.Length - 1))
            {
                node = part.StartsWith('[') ? node.AsArray()[int.Parse(part.Trim('[', ']'))]! : node.AsObject()[part]!;
            }

            return (node, parts[^1]);
        }
    }
}
