using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace BoardKit.Tests.Shared
{
    /// <summary>
    /// A real Mosquitto (Debian's /usr/sbin/mosquitto) on 127.0.0.1 and a free port, with its own configuration and
    /// folder; stopped and started again on the same port to cut the boards' link. Anonymous access on loopback only:
    /// credentials and ACLs are the gateway issue's tests.
    /// </summary>
    public sealed class Mosquitto : IDisposable
    {
        /// <summary>Where Debian installs the broker.</summary>
        public const string Binary = "/usr/sbin/mosquitto";

        private readonly string _folder;
        private Process? _process;

        /// <summary>Starts a broker on a free loopback port.</summary>
        public Mosquitto()
        {
            if (!File.Exists(Binary))
            {
                throw new InvalidOperationException($"{Binary} is missing: install it with 'apt-get install -y mosquitto' (tests/run does).");
            }

            _folder = Directory.CreateTempSubdirectory("bk-mosquitto-").FullName;
            Port = FreePort();
            File.WriteAllText(ConfigPath, $"listener {Port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type error\nlog_type warning\n");
            Start();
        }

        /// <summary>The broker's port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>True while the broker runs.</summary>
        public bool Running => _process is { HasExited: false };

        private string ConfigPath => Path.Combine(_folder, "mosquitto.conf");

        /// <summary>Starts the broker (again) and returns once it accepts connections.</summary>
        public void Start()
        {
            var info = new ProcessStartInfo(Binary, $"-c {ConfigPath}") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            _process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
            var log = new StringBuilder();
            _process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
            _process.BeginErrorReadLine();
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("mosquitto exited: " + log);
                }

                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, Port);
                    return;
                }
                catch (SocketException)
                {
                    Thread.Sleep(20);
                }
            }

            throw new TimeoutException("mosquitto did not listen within 10 s: " + log);
        }

        /// <summary>Kills the broker (boards see the connection drop).</summary>
        public void Stop()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Stop();
            Directory.Delete(_folder, recursive: true);
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
