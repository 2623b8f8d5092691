using System.IO;

using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Adapters
{
    /// <summary>
    /// Files on the internal flash drive I:\ (LittleFS on the ESP32 `config` partition, facts.md §6:
    /// nf-interpreter:targets/ESP32/ESP32/target_FileSystem.cpp). Space: 256 KB on 4 MB boards, shared with the
    /// Wi-Fi/certificate config block, and the largest file must also fit in the managed heap because reads use
    /// File.ReadAllBytes (System.IO.FileSystem:System.IO.FileSystem/File.cs).
    /// <para>
    /// Power-loss safety, write-new-then-rename: the new content goes to "name.new"; only when that write has
    /// returned is the old file deleted and the new one renamed over it. A reset during the write leaves the old
    /// file intact (a half-written .new is ignored and overwritten next time); a reset between delete and rename
    /// leaves only the complete .new, which <see cref="Read"/> promotes. One gap remains: a reset during the very
    /// first write of a name leaves a partial .new and no old file, so the core's format must carry a CRC.
    /// </para>
    /// </summary>
    public sealed class FlashFileStore : IFileStore
    {
        private const string NewSuffix = ".new";
        private readonly string _root;

        /// <summary>Stores under <paramref name="root"/>, e.g. "I:\\" (a trailing backslash is required).</summary>
        public FlashFileStore(string root)
        {
            _root = root;
        }

        /// <inheritdoc/>
        public byte[]? Read(string name)
        {
            string path = _root + name;
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }

            string pending = path + NewSuffix;
            if (File.Exists(pending))
            {
                // The previous Write was cut between delete and rename: the .new is complete, finish the rename.
                File.Move(pending, path);
                return File.ReadAllBytes(path);
            }

            return null;
        }

        /// <inheritdoc/>
        public void Write(string name, byte[] data)
        {
            string path = _root + name;
            string pending = path + NewSuffix;
            File.WriteAllBytes(pending, data);
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(pending, path);
        }
    }
}
