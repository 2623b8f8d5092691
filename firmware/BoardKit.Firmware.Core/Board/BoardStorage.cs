using BoardKit.Firmware.Core.Ports;
using BoardKit.Firmware.Core.Security;

namespace BoardKit.Firmware.Core.Board
{
    /// <summary>
    /// The board's flash files on top of the raw <see cref="IFileStore"/> port, power-cut safe (docs/protocol.md 8.3):
    /// <list type="bullet">
    /// <item>Content (program.bin, alert.bin, preset.bin: each the last accepted message of its stream, as received)
    /// is replaced atomically: the new bytes go to NAME.new, then NAME is deleted and NAME.new renamed to NAME. A cut
    /// while writing NAME.new leaves NAME whole; a cut between delete and rename leaves a complete NAME.new, which
    /// <see cref="ReadContent"/> promotes. A cut during the very first write of a name can leave a partial NAME.new and
    /// no NAME: the reader verifies every file (HMAC tag) and ignores it.</item>
    /// <item>The replay state (replay0.bin, replay1.bin) alternates between two slots and carries a CRC-32: a torn
    /// write spoils one slot and the other, one save older, is used.</item>
    /// </list>
    /// The receive path writes a new message's content BEFORE the replay state, so a cut between the two leaves flash
    /// content newer than the state, which the next boot accepts as new; never content older than the state, which
    /// would leave the board dark. Every method catches the port's exceptions and reports false: a failing flash must
    /// never stop the board showing what it holds. Allocates only in <see cref="ReadContent"/> and
    /// <see cref="LoadState"/> (boot).
    /// </summary>
    public sealed class BoardStorage
    {
        /// <summary>The last accepted program message.</summary>
        public const string ProgramFile = "program.bin";

        /// <summary>The last accepted alert-stream message (alert or alert clear).</summary>
        public const string AlertFile = "alert.bin";

        /// <summary>The last accepted emergency preset message.</summary>
        public const string PresetFile = "preset.bin";

        /// <summary>Replay state slot 0.</summary>
        public const string StateFile0 = "replay0.bin";

        /// <summary>Replay state slot 1.</summary>
        public const string StateFile1 = "replay1.bin";

        /// <summary>Suffix of the file a replacement is written to before it takes the name.</summary>
        public const string NewSuffix = ".new";

        /// <summary><see cref="LoadState"/>: a valid saved state was loaded.</summary>
        public const int StateLoaded = 0;

        /// <summary><see cref="LoadState"/>: no state file at all: a freshly provisioned board.</summary>
        public const int StateFresh = 1;

        /// <summary><see cref="LoadState"/>: state files exist but none is valid: the state is lost (recovery rules apply).</summary>
        public const int StateLost = 2;

        private readonly IFileStore _files;
        private readonly byte[] _stateBuffer = new byte[ReplayGuard.StateSize];
        private readonly string[] _contentNames = new string[ReplayGuard.StreamCount];
        private readonly string[] _contentNewNames = new string[ReplayGuard.StreamCount];

        /// <summary>Storage over <paramref name="files"/> (the board's flash, a folder in the simulator, RAM in tests).</summary>
        public BoardStorage(IFileStore files)
        {
            if (files == null)
            {
                throw new System.ArgumentException("a file store is required", "files");
            }

            _files = files;
            _contentNames[ReplayGuard.StreamProgram] = ProgramFile;
            _contentNames[ReplayGuard.StreamAlert] = AlertFile;
            _contentNames[ReplayGuard.StreamPreset] = PresetFile;
            for (int s = 0; s < ReplayGuard.StreamCount; s++)
            {
                _contentNewNames[s] = _contentNames[s] + NewSuffix;
            }
        }

        /// <summary>The raw file port (for the board's other files: config, key, local emergency log).</summary>
        public IFileStore Files
        {
            get { return _files; }
        }

        /// <summary>File name of the content of persistent <paramref name="stream"/> (ReplayGuard.Stream*).</summary>
        public string ContentFile(int stream)
        {
            return _contentNames[stream];
        }

        /// <summary>
        /// Replaces the content file of <paramref name="stream"/> with message[0..length) atomically (write NAME.new,
        /// delete NAME, rename). False when the flash failed; the old file may then still be there, or only NAME.new.
        /// </summary>
        public bool WriteContent(int stream, byte[] message, int length)
        {
            return WriteAtomic(_contentNames[stream], _contentNewNames[stream], message, length);
        }

        /// <summary>
        /// The content file of <paramref name="stream"/>, or null. Finishes a replacement that a power cut interrupted
        /// between delete and rename. The bytes are unverified: open them with the receive path (ContentReceiver.Restore).
        /// </summary>
        public byte[]? ReadContent(int stream)
        {
            return ReadAtomic(_contentNames[stream], _contentNewNames[stream]);
        }

        /// <summary>
        /// Replaces <paramref name="name"/> with data[0..length) atomically through <paramref name="newName"/> (NAME.new).
        /// For small board files that must never be half-written; false when the flash failed.
        /// </summary>
        public bool WriteAtomic(string name, string newName, byte[] data, int length)
        {
            try
            {
                _files.Write(newName, data, length);
                _files.Delete(name);
                _files.Move(newName, name);
                return true;
            }
            catch (System.Exception)
            {
                return false;
            }
        }

        /// <summary>Reads a file written by <see cref="WriteAtomic"/>, finishing an interrupted rename; null if absent or unreadable.</summary>
        public byte[]? ReadAtomic(string name, string newName)
        {
            try
            {
                if (_files.Exists(name))
                {
                    return _files.Read(name);
                }

                if (_files.Exists(newName))
                {
                    // A cut between delete and rename: the .new copy is the only one left. Finish the rename; if the cut
                    // came during the very first write it may be partial, which the caller's verification rejects.
                    _files.Move(newName, name);
                    return _files.Read(name);
                }
            }
            catch (System.Exception)
            {
            }

            return null;
        }

        /// <summary>
        /// Saves <paramref name="replay"/> to the slot it names (ReplayGuard.NextSlot), never over the other slot.
        /// False when the flash failed (the other slot still holds the previous state).
        /// </summary>
        public bool SaveState(ReplayGuard replay)
        {
            string slot = replay.NextSlot == 0 ? StateFile0 : StateFile1;
            int n = replay.Save(_stateBuffer, 0);
            if (n < 0)
            {
                return false;
            }

            try
            {
                _files.Write(slot, _stateBuffer, n);
                return true;
            }
            catch (System.Exception)
            {
                return false;
            }
        }

        /// <summary>
        /// Loads the newest valid state slot into <paramref name="replay"/> at boot. Returns <see cref="StateLoaded"/>,
        /// <see cref="StateFresh"/> (no slot file: cleared) or <see cref="StateLost"/> (slot files present, none valid:
        /// cleared and put into recovery, docs/protocol.md 8.4).
        /// </summary>
        public int LoadState(ReplayGuard replay)
        {
            byte[]? slot0 = ReadOrNull(StateFile0);
            byte[]? slot1 = ReadOrNull(StateFile1);
            int corrupt;
            int used = replay.LoadNewest(slot0, slot0 == null ? 0 : slot0.Length, slot1, slot1 == null ? 0 : slot1.Length, out corrupt);
            if (used >= 0)
            {
                return StateLoaded;
            }

            if (slot0 != null || slot1 != null)
            {
                replay.BeginRecovery();
                return StateLost;
            }

            return StateFresh;
        }

        private byte[]? ReadOrNull(string name)
        {
            try
            {
                return _files.Exists(name) ? _files.Read(name) : null;
            }
            catch (System.Exception)
            {
                return null;
            }
        }
    }
}
