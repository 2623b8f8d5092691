using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BoardKit.Gateway.Site.Audit;
using BoardKit.Gateway.Site.Emergencies;
using BoardKit.Gateway.Site.Registry;
using BoardKit.Gateway.Site.Signing;
using BoardKit.Gateway.Site.Storage;
using BoardKit.Gateway.Site.Transport;
using Command = System.CommandLine.Command;

namespace BoardKit.Cli
{
    /// <summary>
    /// <c>boardkit emergency start|clear|status</c>: the site emergency from the command line (docs/operations.md,
    /// "Emergencies"). Start and clear sign for every board of the site and queue through an
    /// <see cref="IBoardPublisher"/> from the publisher factory; status reads the site database only.
    /// </summary>
    public static class EmergencyCommand
    {
        /// <summary>
        /// What this build publishes with: nothing yet. The MQTTnet publisher with its persistent outbox is built in
        /// parallel (issue 7, "Transport"); until it is wired here, start and clear refuse before signing anything.
        /// </summary>
        public static IBoardPublisher? NoTransport(SiteDatabase database) => null;

        /// <summary>Builds the command; <paramref name="publisherFactory"/> opens the publisher on the site database (default: <see cref="NoTransport"/>).</summary>
        public static Command Create(Func<SiteDatabase, IBoardPublisher?>? publisherFactory = null)
        {
            Func<SiteDatabase, IBoardPublisher?> factory = publisherFactory ?? NoTransport;
            var command = new Command("emergency", "Start, clear or show the site emergency: an alert on every board of the site.");

            var db = EmergencySite.DatabaseOption();
            var masterKey = EmergencySite.MasterKeyOption();
            var site = EmergencySite.SiteOption();
            var textVi = new Option<string>("--text-vi") { Description = "The Vietnamese text (required).", Required = true };
            var textZh = new Option<string?>("--text-zh") { Description = "The Chinese text, for boards that show Chinese (border gates)." };
            var until = new Option<string?>("--until") { Description = "When it ends by itself: ISO 8601 with offset (2026-12-01T18:00+07:00) or a duration (90m, 6h, 3d). Default: until cleared." };
            var start = new Command("start", "Put the emergency on every board of the site (checked for every panel first: nothing is sent if one board cannot show it).");
            foreach (Option option in new Option[] { textVi, textZh, until, site, db, masterKey })
            {
                start.Options.Add(option);
            }

            start.SetAction((parse, cancel) => StartAsync(
                new EmergencyArguments(parse.GetValue(db)!, parse.GetValue(masterKey)!, parse.GetValue(site)),
                parse.GetValue(textVi)!, parse.GetValue(textZh), parse.GetValue(until), factory, Console.Out, Console.Error, cancel));

            var clear = new Command("clear", "Clear the emergency on every board of the site (one action; also ends any other alert the boards show).");
            foreach (Option option in new Option[] { site, db, masterKey })
            {
                clear.Options.Add(option);
            }

            clear.SetAction((parse, cancel) => ClearAsync(new EmergencyArguments(parse.GetValue(db)!, parse.GetValue(masterKey)!, parse.GetValue(site)), factory, Console.Out, Console.Error, cancel));

            var status = new Command("status", "Show the site's emergency: since when, by whom, each board's alert and acknowledgements.");
            status.Options.Add(site);
            status.Options.Add(db);
            status.SetAction(parse => Status(parse.GetValue(db)!, parse.GetValue(site), new SystemTimeSource(), Console.Out, Console.Error));

            command.Subcommands.Add(start);
            command.Subcommands.Add(clear);
            command.Subcommands.Add(status);
            return command;
        }

        /// <summary>Runs <c>emergency start</c>; returns an exit code (<see cref="ExitCodes"/>): 1 when refused or when a board's alert was not queued.</summary>
        public static async Task<int> StartAsync(EmergencyArguments arguments, string textVi, string? textZh, string? until, Func<SiteDatabase, IBoardPublisher?> publisherFactory, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default, ITimeSource? time = null)
        {
            time ??= new SystemTimeSource();
            EmergencyTexts texts;
            try
            {
                texts = EmergencyTexts.Of(textVi, textZh);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine("boardkit emergency start: " + e.Message);
                return ExitCodes.Usage;
            }

            DateTimeOffset? end = null;
            if (until != null)
            {
                end = ParseUntil(until, time.UtcNow);
                if (end is null)
                {
                    stderr.WriteLine($"boardkit emergency start: --until '{until}' is neither ISO 8601 with an offset (2026-12-01T18:00+07:00) nor a duration (90m, 6h, 3d).");
                    return ExitCodes.Usage;
                }
            }

            SiteEmergency? emergency = Open(arguments, publisherFactory, time, stderr, "emergency start");
            if (emergency is null)
            {
                return ExitCodes.Refused;
            }

            try
            {
                EmergencyResult result = await emergency.StartAsync(texts, end, EmergencySite.Actor(), cancellationToken).ConfigureAwait(false);
                stdout.WriteLine($"Emergency #{result.EmergencyId} started on site {emergency.Site}: \"{texts}\" until {(end is null ? "cleared" : end.Value.ToString("u", CultureInfo.InvariantCulture))}.");
                foreach (string warning in result.Warnings)
                {
                    stdout.WriteLine("note: " + warning);
                }

                return Report(result, stdout);
            }
            catch (EmergencyRefusedException e)
            {
                stderr.WriteLine("boardkit emergency start: refused, nothing was sent:");
                foreach (string problem in e.Problems)
                {
                    stderr.WriteLine("  " + problem);
                }

                return ExitCodes.Refused;
            }
        }

        /// <summary>Runs <c>emergency clear</c>; returns an exit code: 1 when a board's clear was not queued.</summary>
        public static async Task<int> ClearAsync(EmergencyArguments arguments, Func<SiteDatabase, IBoardPublisher?> publisherFactory, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default, ITimeSource? time = null)
        {
            SiteEmergency? emergency = Open(arguments, publisherFactory, time ?? new SystemTimeSource(), stderr, "emergency clear");
            if (emergency is null)
            {
                return ExitCodes.Refused;
            }

            EmergencyResult result = await emergency.ClearAsync(EmergencySite.Actor(), cancellationToken).ConfigureAwait(false);
            stdout.WriteLine(result.EmergencyId is null
                ? $"No emergency was active on site {emergency.Site}; every board was sent a clear all the same."
                : $"Emergency #{result.EmergencyId} cleared on site {emergency.Site}.");
            return Report(result, stdout);
        }

        /// <summary>Runs <c>emergency status</c> (reads the site database only; no key needed).</summary>
        public static int Status(string databasePath, string? site, ITimeSource time, TextWriter stdout, TextWriter stderr)
        {
            SiteDatabase? database = EmergencySite.Open(databasePath, stderr, "emergency status");
            string? chosen = database is null ? null : EmergencySite.Choose(database, site, stderr, "emergency status");
            if (database is null || chosen is null)
            {
                return ExitCodes.Refused;
            }

            var store = new EmergencyStore(database);
            DateTimeOffset now = time.UtcNow;
            EmergencyRecord? latest = store.Latest(chosen);
            if (latest is null)
            {
                stdout.WriteLine($"Site {chosen}: no emergency has been started.");
                return ExitCodes.Ok;
            }

            string state = latest.IsActiveAt(now) ? "ACTIVE" : latest.EndedUtc is null ? "ended (its end passed)" : $"ended {Time(latest.EndedUtc)} by {latest.EndedBy}";
            stdout.WriteLine($"Site {chosen}: emergency #{latest.Id} {state}.");
            stdout.WriteLine($"  started {Time(latest.StartedUtc)} by {latest.StartedBy}, until {(latest.Until is null ? "cleared" : Time(latest.Until))}");
            stdout.WriteLine($"  texts: {latest.Texts}");
            if (SiteEmergency.NextReissue(latest, now) is DateTimeOffset next)
            {
                stdout.WriteLine($"  alerts last issued {Time(latest.IssuedUtc)}; issued again from {Time(next)} (boards drop an alert after 7 days)");
            }

            stdout.WriteLine($"  {"board",-24} {"alert sequence",-16} {"queued",-8} {"shown (board)",-22} ended (board)");
            foreach (EmergencyBoard board in store.Boards(latest.Id))
            {
                string queued = board.Error is null ? "yes" : "NO";
                stdout.WriteLine($"  {board.BoardId,-24} {(board.AlertSequence == 0 ? "-" : board.AlertSequence.ToString(CultureInfo.InvariantCulture)),-16} {queued,-8} {Time(board.ShownUtc),-22} {Time(board.EndedUtc)}");
                if (board.Error is not null)
                {
                    stdout.WriteLine($"    {board.Error}");
                }
            }

            return ExitCodes.Ok;
        }

        /// <summary>Parses --until: ISO 8601 with an offset or Z, or a duration from <paramref name="now"/> (90m, 6h, 3d).</summary>
        public static DateTimeOffset? ParseUntil(string text, DateTimeOffset now)
        {
            text = text.Trim();
            if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int amount) && amount > 0)
            {
                switch (text[^1])
                {
                    case 'm': return now.AddMinutes(amount);
                    case 'h': return now.AddHours(amount);
                    case 'd': return now.AddDays(amount);
                }
            }

            bool hasOffset = text.EndsWith('Z') || text.LastIndexOfAny(new[] { '+', '-' }) > 10;
            return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset when) ? when : null;
        }

        private static SiteEmergency? Open(EmergencyArguments arguments, Func<SiteDatabase, IBoardPublisher?> publisherFactory, ITimeSource time, TextWriter stderr, string command)
        {
            SiteDatabase? database = EmergencySite.Open(arguments.DatabasePath, stderr, command);
            string? site = database is null ? null : EmergencySite.Choose(database, arguments.Site, stderr, command);
            if (database is null || site is null)
            {
                return null;
            }

            IBoardPublisher? publisher = publisherFactory(database);
            if (publisher is null)
            {
                stderr.WriteLine($"boardkit {command}: this build has no MQTT transport yet (the publisher of issue 7 is not wired in), so nothing was signed or sent. " +
                    "Use the gateway's button, or a build with the transport.");
                return null;
            }

            try
            {
                var vault = KeyVault.Open(arguments.MasterKeyPath, create: false);
                var registry = new BoardRegistry(database, vault);
                var signer = new BoardSigner(registry, new SequenceStore(database, new ClockGuard(database, time)));
                return new SiteEmergency(site, registry, signer, publisher, new AuditLog(database, time), new EmergencyStore(database), new EmergencyRenderer(), time);
            }
            catch (Exception e) when (e is KeyVaultException or SiteStorageException or ArgumentException)
            {
                stderr.WriteLine($"boardkit {command}: {e.Message}");
                return null;
            }
        }

        private static int Report(EmergencyResult result, TextWriter stdout)
        {
            foreach (BoardOutcome board in result.Boards)
            {
                stdout.WriteLine(board.Queued
                    ? $"  {board.BoardId,-24} queued (sequence {board.Sequence})"
                    : $"  {board.BoardId,-24} NOT SENT: {board.Error}");
            }

            int failed = result.Boards.Count(b => !b.Queued);
            stdout.WriteLine(failed == 0
                ? $"Queued for all {result.Boards.Count} boards (audit entry {result.AuditId})."
                : $"{failed} of {result.Boards.Count} boards did not get it (audit entry {result.AuditId}); fix the cause and run the command again.");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Refused;
        }

        private static string Time(DateTimeOffset? time) => time is null ? "-" : time.Value.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture);
    }

    /// <summary>Where the site's files are and which site: the options start and clear share.</summary>
    /// <param name="DatabasePath">--db.</param>
    /// <param name="MasterKeyPath">--master-key.</param>
    /// <param name="Site">--site, or null for the only one.</param>
    public sealed record EmergencyArguments(string DatabasePath, string MasterKeyPath, string? Site);
}
