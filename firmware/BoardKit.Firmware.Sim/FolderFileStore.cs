using System;
using System.IO;
using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Sim
{
    /// <summary>
    /// The simulated board's flash: one file per name in a folder (--data DIR). Raw, like the device's LittleFS: the
    /// core's BoardStorage makes writes atomic. Writes go through a FileStream that is flushed to disk before it is
    /// closed, so a killed simulator leaves what the core had written.
    /// </summary>
    public sealed class FolderFileStore : IFileStore
    {
        private readonly string _folder;

        /// <summary>Files in <paramref name="folder"/>, which is created if missing.</summary>
        public FolderFileStore(string folder)
        {
            _folder = folder;
            Directory.CreateDirectory(folder);
        }

        /// <summary>The folder.</summary>
        public string Folder => _folder;

        /// <inheritdoc/>
        public byte[]? Read(string name)
        {
            try
            {
                string path = PathOf(name);
                return File.Exists(path) ? File.ReadAllBytes(path) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        /// <inheritdoc/>
        public void Write(string name, byte[] data, int length)
        {
            using var stream = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write, FileShare.None);
            stream.Write(data, 0, length);
            stream.Flush(flushToDisk: true);
        }

        /// <inheritdoc/>
        public bool Exists(string name) => File.Exists(PathOf(name));

        /// <inheritdoc/>
        public void Delete(string name) => File.Delete(PathOf(name));

        /// <inheritdoc/>
        public void Move(string from, string to) => File.Move(PathOf(from), PathOf(to), overwrite: false);

        private string PathOf(string name)
        {
            // Names come from the core's constants; refuse anything that could leave the folder.
            if (name.Length == 0 || name.IndexOfAny(new[] { '/', '\\' }) >= 0 || name.StartsWith('.'))
            {
                throw new ArgumentException($"'{name}' is not a flash file name.", nameof(name));
            }

            return Path.Combine(_folder, name);
        }
    }
}
