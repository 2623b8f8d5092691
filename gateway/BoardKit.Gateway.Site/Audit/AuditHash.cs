using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BoardKit.Gateway.Site.Audit
{
    /// <summary>
    /// The hash chain of the audit log: hash(n) = SHA-256(hash(n-1) as 32 bytes || canonical(n)), with 32 zero bytes
    /// before entry 1. canonical(n) is UTF-8 text: the line <c>boardkit-audit-v1</c>, then every stored column in a fixed
    /// order as <c>name=length:value</c> and a line feed, the length being the value's UTF-8 byte count (so no value can
    /// spill into the next field, whatever characters it holds). It is computed from the stored column text itself, so
    /// verifying needs no re-serialisation that could differ.
    /// </summary>
    public static class AuditHash
    {
        /// <summary>The hash before entry 1: 64 zeros.</summary>
        public static readonly string Genesis = new('0', 64);

        /// <summary>The hash of one entry from its stored columns and the previous entry's hash.</summary>
        public static string Compute(string previousHash, long id, string timeUtc, string action, string actor, string site, long? emergencyId, string summary, string boards)
        {
            byte[] previous = Convert.FromHexString(previousHash);
            if (previous.Length != SHA256.HashSizeInBytes)
            {
                throw new ArgumentException("A previous hash is 64 hex digits.", nameof(previousHash));
            }

            var text = new StringBuilder("boardkit-audit-v1\n");
            Field(text, "id", id.ToString(CultureInfo.InvariantCulture));
            Field(text, "time", timeUtc);
            Field(text, "action", action);
            Field(text, "actor", actor);
            Field(text, "site", site);
            Field(text, "emergency", emergencyId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            Field(text, "summary", summary);
            Field(text, "boards", boards);
            byte[] content = Encoding.UTF8.GetBytes(text.ToString());
            byte[] input = new byte[previous.Length + content.Length];
            previous.CopyTo(input, 0);
            content.CopyTo(input, previous.Length);
            return Convert.ToHexStringLower(SHA256.HashData(input));
        }

        private static void Field(StringBuilder text, string name, string value) =>
            text.Append(name).Append('=').Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
