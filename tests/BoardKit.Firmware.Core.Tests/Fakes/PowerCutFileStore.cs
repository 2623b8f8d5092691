using System;
using System.Collections.Generic;
using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Core.Tests.Fakes
{
    /// <summary>Thrown by <see cref="PowerCutFileStore"/> when the power goes: everything after it never happened.</summary>
    internal sealed class PowerCutException : Exception
    {
        public PowerCutException() : base("power cut") { }
    }

    /// <summary>
    /// Flash that loses power after a given number of steps: every byte written is a step, and so is every delete and
    /// every rename. A write cut part-way leaves the bytes written so far (the worst a flash file system may leave);
    /// a delete or rename either happened or did not. After the cut every call throws until <see cref="PowerOn"/>.
    /// </summary>
    internal sealed class PowerCutFileStore : IFileStore
    {
        private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
        private long _budget = long.MaxValue;

        /// <summary>Steps taken since the last <see cref="PowerOn"/>.</summary>
        public long Steps { get; private set; }

        public bool PoweredOff { get; private set; }

        /// <summary>Power comes back; the next cut happens after <paramref name="stepsUntilCut"/> more steps (none by default).</summary>
        public void PowerOn(long stepsUntilCut = long.MaxValue)
        {
            PoweredOff = false;
            Steps = 0;
            _budget = stepsUntilCut;
        }

        public IReadOnlyDictionary<string, byte[]> Snapshot => _files;

        /// <summary>The power is off (a copy of a cut flash starts like this).</summary>
        public void PowerOff() => PoweredOff = true;

        public byte[]? Read(string name)
        {
            Alive();
            return _files.TryGetValue(name, out byte[]? data) ? (byte[])data.Clone() : null;
        }

        public void Write(string name, byte[] data, int length)
        {
            Alive();
            var written = new List<byte>(length);
            _files[name] = Array.Empty<byte>();
            for (int i = 0; i < length; i++)
            {
                if (!Step())
                {
                    _files[name] = written.ToArray();
                    Cut();
                }

                written.Add(data[i]);
            }

            _files[name] = written.ToArray();
        }

        public bool Exists(string name)
        {
            Alive();
            return _files.ContainsKey(name);
        }

        public void Delete(string name)
        {
            Alive();
            if (!Step())
            {
                Cut();
            }

            _files.Remove(name);
        }

        public void Move(string from, string to)
        {
            Alive();
            if (!_files.TryGetValue(from, out byte[]? data) || _files.ContainsKey(to))
            {
                throw new InvalidOperationException($"cannot move {from} to {to}");
            }

            if (!Step())
            {
                Cut();
            }

            _files.Remove(from);
            _files[to] = data;
        }

        private bool Step()
        {
            if (Steps >= _budget)
            {
                return false;
            }

            Steps++;
            return true;
        }

        private void Cut()
        {
            PoweredOff = true;
            throw new PowerCutException();
        }

        private void Alive()
        {
            if (PoweredOff)
            {
                throw new PowerCutException();
            }
        }
    }
}
