using System;
using System.IO;

namespace BoardKit.Gateway.Site.Signing
{
    /// <summary>The gateway's clock and what it knows about its synchronisation (tests give their own).</summary>
    public interface ITimeSource
    {
        /// <summary>UTC now.</summary>
        DateTimeOffset UtcNow { get; }

        /// <summary>True when the system clock is synchronised to NTP, false when it is known not to be, null when unknown.</summary>
        bool? IsSynchronized { get; }
    }

    /// <summary>
    /// The system clock; synchronised when systemd-timesyncd has created /run/systemd/timesync/synchronized (it does so
    /// after each successful NTP exchange: systemd-timesyncd.service(8)). Other NTP daemons: unknown (null).
    /// </summary>
    public sealed class SystemTimeSource : ITimeSource
    {
        /// <summary>The flag file systemd-timesyncd touches once the clock is synchronised.</summary>
        public const string TimesyncFlag = "/run/systemd/timesync/synchronized";

        /// <inheritdoc/>
        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        /// <inheritdoc/>
        public bool? IsSynchronized => File.Exists(TimesyncFlag) ? true : Directory.Exists("/run/systemd/timesync") ? false : null;
    }
}
