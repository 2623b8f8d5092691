using System;
using BoardKit.Firmware.Core.Ports;

namespace BoardKit.Firmware.Core.Tests.Led.Fakes
{
    /// <summary>
    /// A chain sink that copies each frame's bytes into a buffer allocated up front (so it allocates nothing per frame)
    /// and stamps the order of calls from a clock shared by the sinks of one test.
    /// </summary>
    internal sealed class RecordingPixelSink : IPixelSink
    {
        private readonly int[] _clock;

        public RecordingPixelSink(int capacity, int[]? sharedClock = null)
        {
            Last = new byte[capacity];
            _clock = sharedClock ?? new int[1];
        }

        public byte[] Last { get; }

        public int LastLength { get; private set; } = -1;

        public int Calls { get; private set; }

        /// <summary>Value of the shared clock when this sink was last shown to (1 = first call of all sinks).</summary>
        public int ShownAt { get; private set; }

        public byte[] LastBytes() => Last.AsSpan(0, LastLength).ToArray();

        public void Show(byte[] wire, int length)
        {
            Array.Copy(wire, Last, length);
            LastLength = length;
            Calls++;
            ShownAt = ++_clock[0];
        }
    }
}
