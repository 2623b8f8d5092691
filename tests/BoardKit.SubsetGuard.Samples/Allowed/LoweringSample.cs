using System;
using System.Security.Cryptography;
using System.Threading;

namespace BoardKit.SubsetGuard.Samples.Allowed
{
    /// <summary>
    /// C# whose host (netstandard) IL differs from what nano's compiler emits for the same source, in ways the guard
    /// accepts on purpose (see NanoEquivalences): lock, string.Format with one argument, interpolation,
    /// HMACSHA256.ComputeHash, a field-like event, an empty params call. Plus lowerings that need nothing special:
    /// a static array initialiser, a switch on strings, int.GetHashCode, using, catch.
    /// </summary>
    public sealed class LoweringSample
    {
        private static readonly byte[] Table = { 0x01, 0x80, 0xA5, 0x5A, 0x00, 0xFF, 0x10, 0x20, 0x30, 0x40 };
        private readonly object _gate = new object();
        private int _count;

        /// <summary>Raised by <see cref="Raise"/>.</summary>
        public event EventHandler? Changed;

        /// <summary>Counts under a lock; returns the new count.</summary>
        public int Increment()
        {
            lock (_gate)
            {
                _count++;
                return _count;
            }
        }

        /// <summary>Formats <paramref name="value"/> twice: string.Format(f, a) and an interpolated string.</summary>
        public static string Describe(int value) => string.Format("v={0}", value) + $" ({value})";

        /// <summary>HMAC-SHA256 of <paramref name="data"/> under <paramref name="key"/>.</summary>
        public static byte[] Sign(byte[] key, byte[] data)
        {
            using (var hmac = new HMACSHA256(key))
            {
                return hmac.ComputeHash(data);
            }
        }

        /// <summary>Raises <see cref="Changed"/>.</summary>
        public void Raise() => Changed?.Invoke(this, EventArgs.Empty);

        /// <summary>Calls a params method with no arguments (the compiler passes Array.Empty&lt;object&gt;()).</summary>
        public static int CountNothing() => Count("none");

        /// <summary>Number of <paramref name="args"/>.</summary>
        public static int Count(string label, params object[] args) => label.Length + args.Length;

        /// <summary>A byte from the static table, a string switch, and int.GetHashCode.</summary>
        public static int Lookup(string name, int index)
        {
            switch (name)
            {
                case "alpha": return Table[index];
                case "beta": return Table[index] + 1;
                case "gamma": return Table[index] + 2;
                case "delta": return Table[index] + 3;
                case "epsilon": return Table[index] + 4;
                case "zeta": return Table[index] + 5;
                case "eta": return Table[index] + 6;
                default: return index.GetHashCode() ^ index.ToString().Length;
            }
        }

        /// <summary>Parses with a catch; -1 when <paramref name="text"/> is not a number.</summary>
        public static int Parse(string text)
        {
            try
            {
                return int.Parse(text);
            }
            catch (FormatException)
            {
                return -1;
            }
        }

        /// <summary>Waits for a timer tick on another thread.</summary>
        public static bool Tick()
        {
            // No `using` for the event: nano's WaitHandle is not IDisposable (the scan cannot see interface lists).
            var done = new ManualResetEvent(false);
            using (var timer = new Timer(state => ((ManualResetEvent)state!).Set(), done, 0, Timeout.Infinite))
            {
                return done.WaitOne(1000, false);
            }
        }
    }
}
