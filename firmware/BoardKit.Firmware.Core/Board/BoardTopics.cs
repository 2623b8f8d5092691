using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// A board's MQTT topics (docs/protocol.md 2): boardkit/v1/{site}/{board}/{program|alert|preset|frame|cmd} in,
    /// .../status and .../event out. Built once at start-up; site and board ids follow BoardId's rules.
    /// </summary>
    public sealed class BoardTopics
    {
        /// <summary>Topic prefix and protocol version.</summary>
        public const string Root = "boardkit/v1/";

        /// <summary>The will message on the status topic: 7 ASCII bytes, not signed, informative only.</summary>
        public const string OfflineWill = "offline";

        /// <summary>Topics for board <paramref name="boardId"/> at site <paramref name="siteId"/>.</summary>
        /// <exception cref="System.ArgumentException">An id that is not a valid id (BoardId.IsValid).</exception>
        public BoardTopics(string siteId, string boardId)
        {
            if (!BoardId.IsValid(siteId) || !BoardId.IsValid(boardId))
            {
                throw new System.ArgumentException("site and board ids are 1..64 of a-z 0-9 - _ .");
            }

            string prefix = Root + siteId + "/" + boardId + "/";
            Program = prefix + "program";
            Alert = prefix + "alert";
            Preset = prefix + "preset";
            Frame = prefix + "frame";
            Command = prefix + "cmd";
            Status = prefix + "status";
            Event = prefix + "event";
            Inbound = new string[] { Program, Alert, Preset, Frame, Command };
            InboundQos = new int[] { 1, 1, 1, 0, 1 };
        }

        /// <summary>Programs (retained, QoS 1).</summary>
        public string Program { get; private set; }

        /// <summary>Alerts and alert clears (retained, QoS 1).</summary>
        public string Alert { get; private set; }

        /// <summary>Emergency presets (retained, QoS 1).</summary>
        public string Preset { get; private set; }

        /// <summary>Live frames (QoS 0, not retained).</summary>
        public string Frame { get; private set; }

        /// <summary>Commands (QoS 1, not retained).</summary>
        public string Command { get; private set; }

        /// <summary>The board's status (retained, QoS 1) and its last will.</summary>
        public string Status { get; private set; }

        /// <summary>The board's events (QoS 1, not retained).</summary>
        public string Event { get; private set; }

        /// <summary>What the board subscribes to, in this order. Owned here.</summary>
        public string[] Inbound { get; private set; }

        /// <summary>The QoS of each of <see cref="Inbound"/>: 1, except 0 for live frames. Owned here.</summary>
        public int[] InboundQos { get; private set; }
    }
}
