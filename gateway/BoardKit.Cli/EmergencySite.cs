using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using BoardKit.Gateway.Site.Storage;
using Microsoft.Data.Sqlite;

namespace BoardKit.Cli
{
    /// <summary>The site files the emergency and audit commands open: options, defaults and the checks before opening.</summary>
    public static class EmergencySite
    {
        /// <summary>Default site database of an installed gateway.</summary>
        public const string DefaultDatabase = "/var/lib/boardkit/site.db";

        /// <summary>Default master key of an installed gateway (see KeyVault).</summary>
        public const string DefaultMasterKey = "/etc/boardkit/master.key";

        /// <summary>--db: the site database.</summary>
        public static Option<string> DatabaseOption() => new("--db")
        {
            Description = $"The site database. Default: {DefaultDatabase}",
            DefaultValueFactory = _ => DefaultDatabase,
        };

        /// <summary>--master-key: the key that opens the board keys.</summary>
        public static Option<string> MasterKeyOption() => new("--master-key")
        {
            Description = $"The site's master key (opens the board keys to sign). Default: {DefaultMasterKey}",
            DefaultValueFactory = _ => DefaultMasterKey,
        };

        /// <summary>--site: which site of the database.</summary>
        public static Option<string?> SiteOption() => new("--site") { Description = "The site id. Default: the only site in the database." };

        /// <summary>Opens an existing site database (never creates one: a typo in --db must not make an empty site).</summary>
        public static SiteDatabase? Open(string path, TextWriter stderr, string command)
        {
            if (!File.Exists(path))
            {
                stderr.WriteLine($"boardkit {command}: no site database at {path} (give --db).");
                return null;
            }

            try
            {
                return new SiteDatabase(path);
            }
            catch (SiteStorageException e)
            {
                stderr.WriteLine($"boardkit {command}: {e.Message}");
                return null;
            }
        }

        /// <summary>The site to act on: <paramref name="site"/>, or the only site with boards; null (and a message) otherwise.</summary>
        public static string? Choose(SiteDatabase database, string? site, TextWriter stderr, string command)
        {
            if (site != null)
            {
                return site;
            }

            var sites = new List<string>();
            try
            {
                using SqliteConnection connection = database.Open();
                using SqliteCommand query = connection.CreateCommand();
                query.CommandText = "SELECT DISTINCT site FROM boards ORDER BY site";
                using SqliteDataReader row = query.ExecuteReader();
                while (row.Read())
                {
                    sites.Add(row.GetString(0));
                }
            }
            catch (SqliteException)
            {
                // No boards table: no site registered yet; said below.
            }

            if (sites.Count == 1)
            {
                return sites[0];
            }

            stderr.WriteLine(sites.Count == 0
                ? $"boardkit {command}: the site database {database.Path} has no boards."
                : $"boardkit {command}: the database holds sites {string.Join(", ", sites)}: give --site.");
            return null;
        }

        /// <summary>Who runs the command, for the audit log: "cli:&lt;user&gt;", with the sudo user when there is one.</summary>
        public static string Actor()
        {
            string? sudo = Environment.GetEnvironmentVariable("SUDO_USER");
            return "cli:" + (string.IsNullOrEmpty(sudo) ? Environment.UserName : $"{sudo} (sudo)");
        }
    }
}
