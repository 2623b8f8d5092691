using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using BoardKit.Gateway.Site.Audit;
using BoardKit.Gateway.Site.Signing;
using BoardKit.Gateway.Site.Storage;
using Command = System.CommandLine.Command;

namespace BoardKit.Cli
{
    /// <summary>
    /// <c>boardkit audit show|verify</c>: read the site's append-only audit log and check its hash chain
    /// (docs/operations.md, "Emergencies"). Neither command can change the log.
    /// </summary>
    public static class AuditCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var command = new Command("audit", "Show or verify the site's audit log of emergencies.");
            var db = EmergencySite.DatabaseOption();
            var from = new Option<long>("--from") { Description = "First entry to show. Default: 1.", DefaultValueFactory = _ => 1 };
            var count = new Option<int>("--count") { Description = "Entries to show at most. Default: all.", DefaultValueFactory = _ => int.MaxValue };
            var show = new Command("show", "Print the entries: time, action, who, boards and sequences, hash.");
            show.Options.Add(from);
            show.Options.Add(count);
            show.Options.Add(db);
            show.SetAction(parse => Show(parse.GetValue(db)!, parse.GetValue(from), parse.GetValue(count), Console.Out, Console.Error));

            var anchor = new Option<string?>("--anchor")
            {
                Description = "An entry id and hash from the journal ('audit entry N head H' lines), as N:H: also proves the log was not cut before entry N.",
            };
            var verify = new Command("verify", "Check the hash chain; exit code 1 naming the first bad entry when it is broken.");
            verify.Options.Add(anchor);
            verify.Options.Add(db);
            verify.SetAction(parse => Verify(parse.GetValue(db)!, parse.GetValue(anchor), Console.Out, Console.Error));

            command.Subcommands.Add(show);
            command.Subcommands.Add(verify);
            return command;
        }

        /// <summary>Runs <c>audit show</c>.</summary>
        public static int Show(string databasePath, long fromId, int count, TextWriter stdout, TextWriter stderr)
        {
            AuditLog? log = Open(databasePath, stderr, "audit show");
            if (log is null)
            {
                return ExitCodes.Refused;
            }

            foreach (AuditEntry e in log.Read(fromId, count))
            {
                string emergency = e.EmergencyId is null ? string.Empty : $" #{e.EmergencyId}";
                stdout.WriteLine($"{e.Id,5} {e.TimeUtc.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} {e.Action}{emergency} by {e.Actor} at {e.Site}: {e.Summary}");
                foreach (AuditBoard b in e.Boards)
                {
                    stdout.WriteLine($"      {b.BoardId} {(b.Sequence == 0 ? "-" : b.Sequence.ToString(CultureInfo.InvariantCulture))} {b.Outcome}");
                }

                stdout.WriteLine($"      hash {e.Hash}");
            }

            return ExitCodes.Ok;
        }

        /// <summary>Runs <c>audit verify</c>: 0 when the chain holds, 1 naming the first bad entry.</summary>
        public static int Verify(string databasePath, string? anchorText, TextWriter stdout, TextWriter stderr)
        {
            AuditAnchor? anchor = null;
            if (anchorText != null && (anchor = AuditAnchor.Parse(anchorText)) is null)
            {
                stderr.WriteLine($"boardkit audit verify: --anchor '{anchorText}' is not N:HASH (an entry id and 64 hex digits).");
                return ExitCodes.Usage;
            }

            AuditLog? log = Open(databasePath, stderr, "audit verify");
            if (log is null)
            {
                return ExitCodes.Refused;
            }

            AuditVerification verdict = log.Verify(anchor);
            if (!verdict.Ok)
            {
                stdout.WriteLine($"Audit log BROKEN at entry {verdict.FirstBadId}: {verdict.Problem}");
                stdout.WriteLine($"Entries 1..{verdict.Entries} verify; do not trust entry {verdict.FirstBadId} or any after it.");
                return ExitCodes.Refused;
            }

            stdout.WriteLine($"Audit log OK: {verdict.Entries} entries, head {verdict.HeadHash}.");
            stdout.WriteLine(anchor is null
                ? "Entries cut off the end cannot be detected without an anchor: compare the head with the last 'audit entry N head H' line in the journal, or pass it as --anchor N:H."
                : $"Entry {anchor.Id} matches the anchor: the log was not cut before it.");
            return ExitCodes.Ok;
        }

        private static AuditLog? Open(string databasePath, TextWriter stderr, string command)
        {
            SiteDatabase? database = EmergencySite.Open(databasePath, stderr, command);
            return database is null ? null : new AuditLog(database, new SystemTimeSource());
        }
    }
}
