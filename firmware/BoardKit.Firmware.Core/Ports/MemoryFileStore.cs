using System.Collections;

namespace BoardKit.Firmware.Core.Ports
{
    /// <summary>
    /// An <see cref="IFileStore"/> in RAM: for the demo, the gateway's own board checks and tests. Writes copy the
    /// caller's bytes; reads return a copy, as a flash file system would. Never tears a write (the power-cut tests use
    /// their own fault-injecting store).
    /// </summary>
    public sealed class MemoryFileStore : IFileStore
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _contents = new ArrayList();

        /// <summary>Number of files.</summary>
        public int Count
        {
            get { return _names.Count; }
        }

        /// <inheritdoc/>
        public byte[]? Read(string name)
        {
            int i = _names.IndexOf(name);
            if (i < 0)
            {
                return null;
            }

            byte[] stored = (byte[])_contents[i]!;
            byte[] copy = new byte[stored.Length];
            System.Array.Copy(stored, copy, stored.Length);
            return copy;
        }

        /// <inheritdoc/>
        public void Write(string name, byte[] data, int length)
        {
            byte[] copy = new byte[length];
            System.Array.Copy(data, copy, length);
            int i = _names.IndexOf(name);
            if (i < 0)
            {
                _names.Add(name);
                _contents.Add(copy);
            }
            else
            {
                _contents[i] = copy;
            }
        }

        /// <inheritdoc/>
        public bool Exists(string name)
        {
            return _names.IndexOf(name) >= 0;
        }

        /// <inheritdoc/>
        public void Delete(string name)
        {
            int i = _names.IndexOf(name);
            if (i >= 0)
            {
                _names.RemoveAt(i);
                _contents.RemoveAt(i);
            }
        }

        /// <inheritdoc/>
        public void Move(string from, string to)
        {
            int i = _names.IndexOf(from);
            if (i < 0 || _names.IndexOf(to) >= 0)
            {
                throw new System.InvalidOperationException("cannot move " + from + " to " + to);
            }

            _names[i] = to;
        }
    }
}
