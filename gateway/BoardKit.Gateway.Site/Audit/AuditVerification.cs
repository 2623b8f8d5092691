namespace BoardKit.Gateway.Site.Audit
{
    /// <summary>The verdict of <see cref="AuditLog.Verify"/>.</summary>
    /// <param name="Ok">True when every entry's hash and link hold, the ids run 1..N without a gap, and the head matches the expected one if given.</param>
    /// <param name="Entries">Entries read.</param>
    /// <param name="HeadHash">Hash of the last entry (the genesis 64 zeros for an empty log).</param>
    /// <param name="FirstBadId">The first entry that does not verify (or the id where one is missing), or null.</param>
    /// <param name="Problem">What is wrong, for a person, or null.</param>
    public sealed record AuditVerification(bool Ok, long Entries, string HeadHash, long? FirstBadId, string? Problem);
}
