using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Config;

namespace BoardKit.Gateway.Site.Registry
{
    /// <summary>
    /// One board of the site as the gateway knows it. Its panel and tiles are its board.json: the very file the board
    /// reads at boot (docs/protocol.md 15.5), kept verbatim so the gateway renders for exactly the panel the board has.
    /// </summary>
    /// <param name="BoardId">Board id (BoardId rules: 1..64 of a-z 0-9 - _ .), also its MQTT user name and client id.</param>
    /// <param name="Site">Site id (same rules), the {site} topic segment.</param>
    /// <param name="Face">Which face of a cluster ("A", "B") or null for a single board.</param>
    /// <param name="Languages">Language tags the board shows, in rotation order (e.g. "vi", "hmn", "zh").</param>
    /// <param name="BoardJson">The board's board.json, verbatim.</param>
    /// <param name="KeyId">The key id the gateway signs with now (1..255).</param>
    /// <param name="Epoch">The board's content epoch (docs/protocol.md 8.5): the session field of its persistent messages.</param>
    public sealed record BoardRecord(string BoardId, string Site, string? Face, IReadOnlyList<string> Languages, string BoardJson, int KeyId, uint Epoch)
    {
        /// <summary>The board.json parsed by the firmware core's own parser (so gateway and board agree on its meaning).</summary>
        /// <exception cref="InvalidOperationException">The stored board.json is not valid (it was checked when the board was added).</exception>
        public BoardConfig Config
        {
            get
            {
                BoardConfigResult result = BoardConfigParser.Parse(System.Text.Encoding.UTF8.GetBytes(BoardJson));
                return result.Config ?? throw new InvalidOperationException($"Board {BoardId}: its board.json is not valid: {result.Message}");
            }
        }
    }
}
