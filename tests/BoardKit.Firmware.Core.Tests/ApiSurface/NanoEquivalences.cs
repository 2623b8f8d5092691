using System.Collections.Generic;

namespace BoardKit.Firmware.Core.Tests.ApiSurface
{
    /// <summary>
    /// The few places where the host compiler, building against netstandard, emits a reference that nano's own
    /// compiler (Roslyn against nano's mscorlib) would emit differently for the same C# source, with the same
    /// behaviour. Each entry says why it is safe. Anything not here is reported; keep this list short.
    /// </summary>
    internal static class NanoEquivalences
    {
        /// <summary>netstandard MemberRef -> the nano member the same source binds to on the device.</summary>
        public static readonly IReadOnlyDictionary<string, string> Members = new Dictionary<string, string>
        {
            // `lock (x)`: Roslyn emits Monitor.Enter(Object, ref Boolean lockTaken) when that overload exists and
            // falls back to the C# 3 lowering, Monitor.Enter(Object) before the try, when it does not (nano).
            // Same mutual exclusion; only the thread-abort-between-Enter-and-try corner differs, and 1.x code
            // here never aborts threads that hold locks.
            ["System.Threading.Monitor::Enter(System.Object,System.Boolean&)"] = "System.Threading.Monitor::Enter(System.Object)",

            // string.Format(f, a) and $"...{a}..." with 1-3 non-string holes: netstandard has fixed-arity
            // overloads; nano has only Format(String, params Object[]), which the same call binds to. Same
            // formatting semantics (nano supports only D/F/G/N/X specifiers: that is a behaviour limit of nano's
            // Format itself, identical for both overloads, and not something a reference scan can see).
            ["System.String::Format(System.String,System.Object)"] = "System.String::Format(System.String,System.Object[])",
            ["System.String::Format(System.String,System.Object,System.Object)"] = "System.String::Format(System.String,System.Object[])",
            ["System.String::Format(System.String,System.Object,System.Object,System.Object)"] = "System.String::Format(System.String,System.Object[])",

            // hmac.ComputeHash(bytes): netstandard declares ComputeHash on the base class HashAlgorithm, so the
            // MemberRef names HashAlgorithm; nano declares it on HMACSHA256/HMACSHA512 (there is no HashAlgorithm).
            // Safe because any other receiver type (SHA256, MD5, HashAlgorithm itself as a local, field,
            // parameter, cast or return type) is a TypeRef of its own and is reported on its own.
            ["System.Security.Cryptography.HashAlgorithm::ComputeHash(System.Byte[])"] = "System.Security.Cryptography.HMACSHA256::ComputeHash(System.Byte[])",

            // manualResetEvent.Set()/Reset() (and AutoResetEvent's): netstandard declares them on the base class
            // EventWaitHandle; nano has no EventWaitHandle and declares Set/Reset on ManualResetEvent and
            // AutoResetEvent themselves. Same argument as for ComputeHash: a receiver typed EventWaitHandle (or
            // anything else nano lacks) is a TypeRef of its own and is reported on its own.
            ["System.Threading.EventWaitHandle::Set()"] = "System.Threading.ManualResetEvent::Set()",
            ["System.Threading.EventWaitHandle::Reset()"] = "System.Threading.ManualResetEvent::Reset()",
        };

        // Deliberately NOT equivalent (reported, with a hint):
        // TimeSpan.FromSeconds/FromMilliseconds/FromMinutes/FromHours/FromDays(Double). Nano has only Int64
        // overloads. An integer argument would bind to them with the same value, but a fractional one either does
        // not compile on the device or (via a cast the developer adds) silently truncates; the IL cannot tell the
        // two apart once the host compiler has converted to Double. The core takes time as `long nowMs` anyway.

        /// <summary>
        /// Generic method instantiations that are compiler lowerings, accepted only in the context named here
        /// (see <see cref="AssemblyReferenceScanner"/> for how the context is checked).
        /// </summary>
        // Field-like `event`: Roslyn writes add_/remove_ as a lock-free loop over Interlocked.CompareExchange<T>
        // when that generic exists; against nano's mscorlib (no generic CompareExchange) it writes
        // Delegate.Combine/Remove and a plain field store. Accepted only inside add_/remove_ accessors of events
        // declared in the scanned assembly, where it can only have come from that lowering.
        public const string EventAccessorCompareExchange = "System.Threading.Interlocked::CompareExchange";

        // Empty `params` argument list: Roslyn passes Array.Empty<T>() when it exists and `new T[0]` when it does
        // not (nano). Accepted only when the very next IL instruction is a call/newobj whose last parameter is an
        // array, i.e. the shape of that lowering; Array.Empty<T>() anywhere else is reported. Residual risk:
        // code that writes Array.Empty<T>() by hand as the last argument of such a call passes this scan and
        // then fails to compile on the device, which is loud, not silent.
        public const string EmptyParamsArray = "System.Array::Empty";

        /// <summary>What to use instead, for absent members the core is likely to reach for.</summary>
        public static readonly IReadOnlyDictionary<string, string> Hints = new Dictionary<string, string>
        {
            ["System.String::Replace(System.String,System.String)"] = "use StringBuilder.Replace or a core helper",
            ["System.String::Replace(System.Char,System.Char)"] = "use StringBuilder.Replace or a core helper",
            ["System.Char::IsDigit(System.Char)"] = "compare against '0'..'9' in one core helper",
            ["System.DateTime::get_Now()"] = "nano has only DateTime.UtcNow; the core takes time as a long nowMs argument",
            ["System.Collections.Hashtable::ContainsKey(System.Object)"] = "use Hashtable.Contains(key)",
            ["System.Text.Encoding::GetString(System.Byte[])"] = "use GetString(bytes, 0, bytes.Length)",
            ["System.Threading.WaitHandle::WaitOne(System.Int32)"] = "use WaitOne(ms, false)",
            ["System.TimeSpan::FromSeconds(System.Double)"] = "not equivalent to nano's FromSeconds(Int64): use new TimeSpan(h, m, s) or TimeSpan.FromTicks",
            ["System.TimeSpan::FromMilliseconds(System.Double)"] = "not equivalent to nano's FromMilliseconds(Int64): use TimeSpan.FromTicks(ms * TimeSpan.TicksPerMillisecond)",
            ["System.Array::Empty()"] = "pass an explicit new T[0]",
        };
    }
}
