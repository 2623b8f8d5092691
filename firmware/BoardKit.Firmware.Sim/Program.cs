using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using BoardKit.Firmware.Core.Board;

namespace BoardKit.Firmware.Sim
{
    /// <summary>
    /// <c>boardkit-sim</c>: one simulated board. Exit codes: 0 = stopped by the user (q, Ctrl+C) or by --seconds;
    /// 1 = the board cannot run (its diagnostic code is printed and shown on the panel); 2 = usage error.
    /// </summary>
    public static class Program
    {
        /// <summary>Runs the simulator.</summary>
        public static int Main(string[] args)
        {
            var config = new Option<FileInfo?>("--config") { Description = "board.json to deploy onto the board's flash (as nanoff --filedeployment would). Default: the one already in --data." };
            var key = new Option<FileInfo?>("--key") { Description = "board.key to deploy onto the board's flash. Default: the one already in --data." };
            var data = new Option<DirectoryInfo>("--data") { Description = "The board's flash: a folder (created if missing). Required.", Required = true };
            var broker = new Option<string?>("--broker") { Description = "Broker as HOST:PORT (plain TCP). Default: board.json's broker.host and port 1883. 'none' = an offline board." };
            var noTime = new Option<bool>("--no-network-time") { Description = "The board never gets SNTP time (it knows only the issue times of messages)." };
            var seconds = new Option<int>("--seconds") { Description = "Stop after this many seconds (0 = run until q or Ctrl+C)." };
            var command = new RootCommand("boardkit-sim: a BoardKit board (the firmware core) on this machine, with a virtual panel, a virtual button and MQTT.\n" +
                "Keys in a terminal: b = press/release the emergency button, q = quit. The panel is also written to DATA/panel.png on every change;\n" +
                "writing 'down' or 'up' to DATA/button presses or releases the button.");
            foreach (Option option in new Option[] { config, key, data, broker, noTime, seconds })
            {
                command.Options.Add(option);
            }

            command.SetAction(parse => Run(parse.GetValue(config), parse.GetValue(key), parse.GetValue(data)!, parse.GetValue(broker), parse.GetValue(noTime), parse.GetValue(seconds)));
            ParseResult result = command.Parse(args);
            if (result.Errors.Count > 0)
            {
                foreach (var error in result.Errors)
                {
                    Console.Error.WriteLine("boardkit-sim: " + error.Message);
                }

                return 2;
            }

            return result.Invoke();
        }

        private static int Run(FileInfo? config, FileInfo? key, DirectoryInfo data, string? broker, bool noNetworkTime, int seconds)
        {
            Directory.CreateDirectory(data.FullName);
            if (config != null)
            {
                File.Copy(config.FullName, Path.Combine(data.FullName, BoardSetup.ConfigFile), overwrite: true);
            }

            if (key != null)
            {
                File.Copy(key.FullName, Path.Combine(data.FullName, BoardSetup.KeyFile), overwrite: true);
            }

            string? host = null;
            int port = 1883;
            if (broker == "none")
            {
                port = 0;
            }
            else if (broker != null)
            {
                int colon = broker.LastIndexOf(':');
                if (colon <= 0 || !int.TryParse(broker[(colon + 1)..], out port) || port is < 1 or > 65535)
                {
                    Console.Error.WriteLine($"boardkit-sim: --broker must be HOST:PORT, not '{broker}'.");
                    return 2;
                }

                host = broker[..colon];
            }

            using var board = new SimulatedBoard(new SimulatedBoardOptions
            {
                DataFolder = data.FullName,
                BrokerHost = host,
                BrokerPort = port,
                NetworkTime = !noNetworkTime,
            });
            Console.WriteLine($"board '{board.Setup.Config.Board}' at site '{board.Setup.Config.Site}', {board.Panel.Width}x{board.Panel.Height} LEDs, flash {data.FullName}");
            if (!board.Setup.CanRun)
            {
                Console.WriteLine($"the board cannot run: {board.Setup.DiagnosticCode}: {board.Setup.Message}");
            }

            var terminal = new TerminalPanel(board, Console.Out, !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") == null);
            board.Start();
            using var stop = new ManualResetEventSlim();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Set();
            };
            var keys = new Thread(() => ReadKeys(board, stop)) { IsBackground = true };
            if (!Console.IsInputRedirected)
            {
                keys.Start();
            }

            stop.Wait(seconds > 0 ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan);
            board.Stop();
            terminal.PrintSummary();
            return board.Setup.CanRun ? 0 : 1;
        }

        private static void ReadKeys(SimulatedBoard board, ManualResetEventSlim stop)
        {
            while (!stop.IsSet)
            {
                ConsoleKeyInfo k = Console.ReadKey(intercept: true);
                if (k.KeyChar == 'q')
                {
                    stop.Set();
                }
                else if (k.KeyChar == 'b')
                {
                    board.Button.Set(!board.Button.IsPressed);
                }
            }
        }
    }
}
