using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Core.Tests.Fakes
{
    /// <summary>RAM flash that records the order of writes and can be told to fail them (a full or broken flash).</summary>
    internal sealed class RecordingFileStore : IFileStore
    {
        private readonly MemoryFileStore _files = new();

        /// <summary>Names written, in order.</summary>
        public List<string> Writes { get; } = new();

        /// <summary>When true, every Write throws as a failing flash does.</summary>
        public bool FailWrites { get; set; }

        public byte[]? Read(string name) => _files.Read(name);

        public void Write(string name, byte[] data, int length)
        {
            if (FailWrites)
            {
                throw new System.IO.IOException("flash full");
            }

            Writes.Add(name);
            _files.Write(name, data, length);
        }

        public bool Exists(string name) => _files.Exists(name);

        public void Delete(string name) => _files.Delete(name);

        public void Move(string from, string to) => _files.Move(from, to);
    }

    /// <summary>Flash that keeps nothing and allocates nothing: for the allocation test of the receive path.</summary>
    internal sealed class NullFileStore : IFileStore
    {
        public byte[]? Read(string name) => null;

        public void Write(string name, byte[] data, int length)
        {
        }

        public bool Exists(string name) => false;

        public void Delete(string name)
        {
        }

        public void Move(string from, string to)
        {
        }
    }
}
