using BoardKit.Firmware.Core.Wire;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// The status a board publishes (docs/protocol.md 5.7 and 15.4): one preallocated BoardStatus, refilled by
    /// BoardRuntime.FillStatus before each publication. The firmware version is encoded once here.
    /// </summary>
    public sealed class StatusReport
    {
        /// <summary>How often a board publishes its status without a change, ms (5 minutes): the gateway's liveness check.</summary>
        public const long HeartbeatMs = 300000;

        /// <summary>
        /// Shortest time between two statuses published for a change, ms (5 s): a burst of rejected messages must not
        /// turn into a burst of statuses.
        /// </summary>
        public const long MinChangeIntervalMs = 5000;

        private readonly byte[] _version = new byte[BoardStatus.MaxFirmwareVersionBytes];
        private readonly int _versionLength;

        /// <summary>A report for firmware <paramref name="firmwareVersion"/> (UTF-8, at most 32 bytes kept).</summary>
        public StatusReport(string firmwareVersion)
        {
            Value.SetFirmwareVersion(firmwareVersion == null || firmwareVersion.Length == 0 ? "unknown" : firmwareVersion);
            _versionLength = Value.FirmwareVersionLength;
            for (int i = 0; i < _versionLength; i++)
            {
                _version[i] = Value.FirmwareVersionBytes[i];
            }
        }

        /// <summary>The status to publish. Owned here.</summary>
        public BoardStatus Value { get; } = new BoardStatus();

        /// <summary>Starts a fresh status: every field absent except the firmware version.</summary>
        public void SetCommonFields()
        {
            Value.Present = 0;
            for (int i = 0; i < _versionLength; i++)
            {
                Value.FirmwareVersionBytes[i] = _version[i];
            }

            Value.FirmwareVersionLength = _versionLength;
            Value.Mark(BoardStatus.TagFirmwareVersion);
        }
    }
}
