using System;
using System.Collections.Generic;

namespace BoardKit.Gateway.Site.Audit
{
    /// <summary>
    /// One entry of the audit log, as stored. <see cref="Hash"/> is SHA-256 over <see cref="PreviousHash"/> and the
    /// entry's canonical content (<see cref="AuditHash"/>), so changing any stored field breaks the chain from here on.
    /// </summary>
    /// <param name="Id">Position in the log: 1, 2, 3 ... with no gaps.</param>
    /// <param name="TimeUtc">When it was written, UTC, to the millisecond (the gateway's clock).</param>
    /// <param name="Action">The stored action name (<see cref="AuditActions.Name"/>).</param>
    /// <param name="Actor">Who or what triggered it: "button:gpio17", "cli:root", "api:&lt;caller&gt;", "board:&lt;id&gt;".</param>
    /// <param name="Site">The site id.</param>
    /// <param name="EmergencyId">The site emergency concerned, or null (an acknowledgement of an alert the gateway does not know).</param>
    /// <param name="Summary">One line for a person: the texts and expiry of a start, why a start was refused, the event of an acknowledgement.</param>
    /// <param name="Boards">Per board: its id, the sequence of the message concerned and the outcome.</param>
    /// <param name="PreviousHash">Hash of the entry before, 64 lower-case hex digits (64 zeros for entry 1).</param>
    /// <param name="Hash">This entry's hash, 64 lower-case hex digits.</param>
    public sealed record AuditEntry(
        long Id,
        DateTimeOffset TimeUtc,
        string Action,
        string Actor,
        string Site,
        long? EmergencyId,
        string Summary,
        IReadOnlyList<AuditBoard> Boards,
        string PreviousHash,
        string Hash);

    /// <summary>One board in an audit entry.</summary>
    /// <param name="BoardId">The board.</param>
    /// <param name="Sequence">The sequence of the alert or clear signed for it (0 when nothing was signed).</param>
    /// <param name="Outcome">"queued", "failed: &lt;reason&gt;", "shown", "ended" ...: what happened for this board.</param>
    public sealed record AuditBoard(string BoardId, ulong Sequence, string Outcome);

    /// <summary>What is appended: an entry without its id, time and hashes, which the log assigns.</summary>
    /// <param name="Action">The action.</param>
    /// <param name="Actor">Who or what triggered it (see <see cref="AuditEntry.Actor"/>).</param>
    /// <param name="Site">The site id.</param>
    /// <param name="EmergencyId">The emergency concerned, or null.</param>
    /// <param name="Summary">One line for a person.</param>
    /// <param name="Boards">Per board outcome (may be empty).</param>
    public sealed record AuditRecord(AuditAction Action, string Actor, string Site, long? EmergencyId, string Summary, IReadOnlyList<AuditBoard> Boards);
}
