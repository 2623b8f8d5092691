using System;
using System.Collections.Generic;

namespace BoardKit.Gateway.Site.Emergencies
{
    /// <summary>What one action (start, clear, re-issue) did on one board.</summary>
    /// <param name="BoardId">The board.</param>
    /// <param name="Sequence">The sequence of the alert or clear signed for it; 0 when nothing was signed.</param>
    /// <param name="Error">Why it was not queued for the board (its key cannot be opened, the outgoing queue is full ...), or null when it was.</param>
    public sealed record BoardOutcome(string BoardId, ulong Sequence, string? Error)
    {
        /// <summary>True when the message was signed and queued for the board.</summary>
        public bool Queued => Error is null;
    }

    /// <summary>The result of a start, clear or re-issue: the emergency concerned and every board's outcome.</summary>
    /// <param name="EmergencyId">The site emergency (for a clear: the one it ended, or null when none was active).</param>
    /// <param name="Boards">One outcome per board of the site, ordered by board id.</param>
    /// <param name="Warnings">What the operator should know that did not stop it (e.g. the border left out on a small panel).</param>
    /// <param name="AuditId">The audit entry that records it.</param>
    public sealed record EmergencyResult(long? EmergencyId, IReadOnlyList<BoardOutcome> Boards, IReadOnlyList<string> Warnings, long AuditId)
    {
        /// <summary>True when every board's message was queued.</summary>
        public bool AllQueued => Boards.Count > 0 && System.Linq.Enumerable.All(Boards, b => b.Queued);
    }

    /// <summary>A site emergency as the gateway keeps it (table <c>emergencies</c>).</summary>
    /// <param name="Id">Its id (also in the audit log).</param>
    /// <param name="Site">The site.</param>
    /// <param name="Texts">Its texts.</param>
    /// <param name="StartedUtc">When it was started.</param>
    /// <param name="StartedBy">Who started it (button, CLI user, API).</param>
    /// <param name="Until">When it ends by itself, or null: until cleared.</param>
    /// <param name="IssuedUtc">When its alerts were last signed (start or re-issue): boards drop them 7 days later.</param>
    /// <param name="EndedUtc">When it was cleared or replaced, or null while it lasts.</param>
    /// <param name="EndedBy">Who cleared it, or "replaced by #n".</param>
    public sealed record EmergencyRecord(long Id, string Site, EmergencyTexts Texts, DateTimeOffset StartedUtc, string StartedBy, DateTimeOffset? Until, DateTimeOffset IssuedUtc, DateTimeOffset? EndedUtc, string? EndedBy)
    {
        /// <summary>True when it has not been cleared and its end (if any) has not passed at <paramref name="now"/>.</summary>
        public bool IsActiveAt(DateTimeOffset now) => EndedUtc is null && (Until is null || now < Until);
    }

    /// <summary>One board of an emergency as the gateway knows it (table <c>emergency_boards</c>).</summary>
    /// <param name="BoardId">The board.</param>
    /// <param name="AlertSequence">The last alert signed for it (0: none could be).</param>
    /// <param name="IssuedUtc">When that alert was signed.</param>
    /// <param name="Error">Why the last attempt did not reach the outgoing queue, or null.</param>
    /// <param name="ShownUtc">When the board reported (verified event 4) that the alert went on screen, or null.</param>
    /// <param name="EndedUtc">When the board reported (verified event 5) that it ended, or null.</param>
    public sealed record EmergencyBoard(string BoardId, ulong AlertSequence, DateTimeOffset? IssuedUtc, string? Error, DateTimeOffset? ShownUtc, DateTimeOffset? EndedUtc);

    /// <summary>The site's emergency at a glance: the latest emergency (active or not) and its boards.</summary>
    /// <param name="Site">The site.</param>
    /// <param name="Now">When this was read.</param>
    /// <param name="Emergency">The latest emergency of the site, or null when there never was one.</param>
    /// <param name="Boards">Its boards.</param>
    /// <param name="NextReissueUtc">When its alerts will be issued again (a long emergency), or null.</param>
    public sealed record EmergencyStatus(string Site, DateTimeOffset Now, EmergencyRecord? Emergency, IReadOnlyList<EmergencyBoard> Boards, DateTimeOffset? NextReissueUtc)
    {
        /// <summary>True while the latest emergency lasts.</summary>
        public bool Active => Emergency?.IsActiveAt(Now) == true;
    }
}
