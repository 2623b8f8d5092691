namespace BoardKit.Gateway.Site.Audit
{
    /// <summary>What an audit entry records. Stored by its <see cref="AuditActions.Name"/> (lower case, stable).</summary>
    public enum AuditAction
    {
        /// <summary>A site emergency was started: an alert signed and queued for every board ("start").</summary>
        EmergencyStarted,

        /// <summary>A start was refused before anything was published (a character no font has, text that does not fit) ("start-refused").</summary>
        EmergencyRefused,

        /// <summary>The site emergency was cleared: an alert clear signed and queued for every board ("clear").</summary>
        EmergencyCleared,

        /// <summary>A long emergency's alerts were issued again before the boards' 7-day limit ("reissue").</summary>
        EmergencyReissued,

        /// <summary>A board reported, in a verified event, that an alert went on screen or ended ("ack").</summary>
        BoardAcknowledged,
    }

    /// <summary>The stored names of <see cref="AuditAction"/>.</summary>
    public static class AuditActions
    {
        /// <summary>The name stored in the log for <paramref name="action"/>.</summary>
        public static string Name(AuditAction action) => action switch
        {
            AuditAction.EmergencyStarted => "start",
            AuditAction.EmergencyRefused => "start-refused",
            AuditAction.EmergencyCleared => "clear",
            AuditAction.EmergencyReissued => "reissue",
            AuditAction.BoardAcknowledged => "ack",
            _ => throw new System.ArgumentOutOfRangeException(nameof(action), action, "Unknown audit action."),
        };

        /// <summary>The action stored as <paramref name="name"/>, or null for a name this version does not know.</summary>
        public static AuditAction? Parse(string name) => name switch
        {
            "start" => AuditAction.EmergencyStarted,
            "start-refused" => AuditAction.EmergencyRefused,
            "clear" => AuditAction.EmergencyCleared,
            "reissue" => AuditAction.EmergencyReissued,
            "ack" => AuditAction.BoardAcknowledged,
            _ => null,
        };
    }
}
