using System;
using System.IO;

using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Adapters
{
    /// <summary>
    /// Files on the internal flash drive I:\ (LittleFS on the ESP32's `config` partition: 256 KB on 4 MB boards, shared
    /// with the Wi-Fi and certificate configuration). A thin pass-through: the core's storage layer does
    /// write-new-then-rename and checksums itself. Facts: firmware/nanoframework/facts.md §4.
    /// <para>
    /// What a power cut leaves (facts.md §4): a file's changes are committed when its stream is closed, which
    /// <see cref="Write"/> does before returning. Rewriting an existing file keeps the old content until then; a new
    /// file exists, empty, from the moment it is opened. <see cref="Delete"/> and <see cref="Move"/> are each atomic.
    /// </para>
    /// </summary>
    public sealed class FlashFileStore : IFileStore
    {
        private readonly string _root;

        /// <summary>Stores files under <paramref name="root"/>, e.g. "I:\\" (with the trailing backslash).</summary>
        public FlashFileStore(string root)
        {
            if (root == null || root.Length == 0)
            {
                throw new ArgumentException("a root such as I:\\ is required", nameof(root));
            }

            _root = root;
        }

        /// <inheritdoc/>
        public byte[]? Read(string name)
        {
            string path = _root + name;
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                // One array of the file's size in the managed heap (facts.md §4).
                return File.ReadAllBytes(path);
            }
            catch (IOException)
            {
                // Deleted in between, or unreadable: the port's contract is null.
                return null;
            }
        }

        /// <inheritdoc/>
        public void Write(string name, byte[] data, int length)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (length < 0 || length > data.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            // File.WriteAllBytes has no (bytes, offset, count) overload, so write through the stream it uses itself.
            // FileMode.Create truncates an existing file; closing the stream is the commit point (facts.md §4).
            using (var stream = new FileStream(_root + name, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(data, 0, length);
            }
        }

        /// <inheritdoc/>
        public bool Exists(string name) => File.Exists(_root + name);

        /// <inheritdoc/>
        /// <remarks>File.Delete is a no-op for a missing file (facts.md §4).</remarks>
        public void Delete(string name) => File.Delete(_root + name);

        /// <inheritdoc/>
        /// <remarks>File.Move throws <see cref="IOException"/> when <paramref name="to"/> exists (facts.md §4).</remarks>
        public void Move(string from, string to) => File.Move(_root + from, _root + to);
    }
}
