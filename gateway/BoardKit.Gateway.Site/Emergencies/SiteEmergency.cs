using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BoardKit.Firmware.Core.Board;
using BoardKit.Firmware.Core.Wire;
using BoardKit.Gateway.Publishing;
using BoardKit.Gateway.Site.Audit;
using BoardKit.Gateway.Site.Registry;
using BoardKit.Gateway.Site.Signing;
using BoardKit.Gateway.Site.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BoardKit.Gateway.Site.Emergencies
{
    /// <summary>
    /// The emergency of a whole site (docs/protocol.md 5.3, 5.4): an alert on every board of the site, both faces of a
    /// border-gate cluster included, each signed with that board's own key, retained at the broker and carrying its
    /// expiry; and the one-action clear. Every start, refused start, clear, re-issue and board acknowledgement is
    /// written to the <see cref="AuditLog"/>.
    /// <list type="bullet">
    /// <item>Nothing half-sent: the texts are checked and drawn for every board's panel first (coverage, then the
    /// alert fit check); one problem refuses the whole emergency before a single sequence is used.</item>
    /// <item>Partial failure is per board: a board whose key cannot be opened, or whose message the outgoing queue
    /// refuses, is reported and recorded; the boards already queued stay queued.</item>
    /// <item>Boards drop an alert 7 days after it was issued (<see cref="HeldContent.MaxAlertLifetimeSeconds"/>), so an
    /// emergency meant to last longer is issued again (new sequences, same texts) <see cref="ReissueMargin"/> before
    /// that: <see cref="ReissueIfDueAsync"/>, which the emergency service calls every <see cref="ReissueCheckInterval"/>.</item>
    /// </list>
    /// One action at a time per instance (start, clear and re-issue wait for each other).
    /// </summary>
    public sealed class SiteEmergency
    {
        /// <summary>How long a board plays an alert at most after its issue time: 7 days (docs/protocol.md 5.3).</summary>
        public static readonly TimeSpan BoardAlertLifetime = TimeSpan.FromSeconds(HeldContent.MaxAlertLifetimeSeconds);

        /// <summary>A long emergency is issued again this long before its alerts would expire on the boards: 1 day, so a
        /// gateway that is off or offline for less than a day does not let the boards fall silent.</summary>
        public static readonly TimeSpan ReissueMargin = TimeSpan.FromDays(1);

        /// <summary>How often the emergency service asks <see cref="ReissueIfDueAsync"/>: hourly (the margin is a day).</summary>
        public static readonly TimeSpan ReissueCheckInterval = TimeSpan.FromHours(1);

        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly BoardRegistry _registry;
        private readonly BoardSigner _signer;
        private readonly IBoardPublisher _publisher;
        private readonly AuditLog _audit;
        private readonly EmergencyStore _store;
        private readonly EmergencyRenderer _renderer;
        private readonly ITimeSource _time;
        private readonly ILogger _logger;

        /// <summary>The emergency of <paramref name="site"/>: its boards from <paramref name="registry"/>, signed by
        /// <paramref name="signer"/>, queued on <paramref name="publisher"/>, recorded in <paramref name="audit"/> and
        /// <paramref name="store"/>, drawn by <paramref name="renderer"/>.</summary>
        public SiteEmergency(string site, BoardRegistry registry, BoardSigner signer, IBoardPublisher publisher, AuditLog audit, EmergencyStore store, EmergencyRenderer renderer, ITimeSource time, ILogger? logger = null)
        {
            if (!BoardId.IsValid(site))
            {
                throw new ArgumentException($"'{site}' is not a site id (1..64 of a-z 0-9 - _ .).", nameof(site));
            }

            Site = site;
            _registry = registry ?? throw new ArgumentNullException(nameof(registry));
            _signer = signer ?? throw new ArgumentNullException(nameof(signer));
            _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
            _audit = audit ?? throw new ArgumentNullException(nameof(audit));
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _renderer = renderer ?? throw new ArgumentNullException(nameof(renderer));
            _time = time ?? throw new ArgumentNullException(nameof(time));
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>The site id.</summary>
        public string Site { get; }

        /// <summary>True while an emergency of the site lasts (started, not cleared, its end not passed).</summary>
        public bool IsActive => _store.Latest(Site)?.IsActiveAt(_time.UtcNow) == true;

        /// <summary>
        /// Starts the site emergency: <paramref name="texts"/> on every board of the site until <paramref name="until"/>
        /// (null: until cleared), triggered by <paramref name="actor"/> ("button:gpio17", "cli:&lt;user&gt;", "api:..."). An
        /// emergency already on is replaced (boards take the newer alert).
        /// </summary>
        /// <exception cref="EmergencyRefusedException">Refused before anything was signed (and recorded as refused).</exception>
        public async Task<EmergencyResult> StartAsync(EmergencyTexts texts, DateTimeOffset? until, string actor, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(texts);
            ArgumentException.ThrowIfNullOrEmpty(actor);
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                DateTimeOffset now = _time.UtcNow;
                IReadOnlyList<BoardRecord> boards = _registry.List(Site);
                var problems = new List<string>();
                if (boards.Count == 0)
                {
                    problems.Add($"Site {Site} has no boards.");
                }

                if (until is not null && until <= now)
                {
                    problems.Add($"The end {until:u} is not in the future (now {now:u}).");
                }

                (Dictionary<string, BulletinItem> items, List<string> warnings) = Plan(boards, texts, AlertExpiry(now, until), problems);
                if (problems.Count > 0)
                {
                    _audit.Append(new AuditRecord(AuditAction.EmergencyRefused, actor, Site, null, Describe(texts, until) + " refused: " + string.Join(" ", problems), Array.Empty<AuditBoard>()));
                    _logger.LogError("Site {Site} emergency refused, nothing sent: {Problems}", Site, string.Join(" ", problems));
                    throw new EmergencyRefusedException(problems);
                }

                EmergencyRecord? previous = _store.Latest(Site);
                long id = _store.Create(Site, texts, now, actor, until);
                string summary = Describe(texts, until);
                if (previous?.IsActiveAt(now) == true)
                {
                    _store.End(previous.Id, now, $"replaced by #{id}");
                    summary += $"; replaces #{previous.Id}";
                }

                List<BoardOutcome> outcomes = await FanOutAsync(id, boards, b => _signer.Alert(b.BoardId, items[b.BoardId]), now, cancellationToken).ConfigureAwait(false);
                AuditEntry entry = _audit.Append(new AuditRecord(AuditAction.EmergencyStarted, actor, Site, id, summary, Audited(outcomes)));
                Log("started", id, actor, outcomes);
                return new EmergencyResult(id, outcomes, warnings, entry.Id);
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>
        /// Clears the site emergency with one action: an alert clear on every board of the site (whatever alert each
        /// board shows: clear sequence 0), also when the gateway knows of no active emergency (after a restore, or
        /// for a board that missed the start), triggered by <paramref name="actor"/>.
        /// </summary>
        public async Task<EmergencyResult> ClearAsync(string actor, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(actor);
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                DateTimeOffset now = _time.UtcNow;
                EmergencyRecord? latest = _store.Latest(Site);
                long? id = latest?.IsActiveAt(now) == true ? latest.Id : null;
                if (id is long ending)
                {
                    _store.End(ending, now, actor);
                }

                IReadOnlyList<BoardRecord> boards = _registry.List(Site);
                List<BoardOutcome> outcomes = await FanOutAsync(null, boards, b => _signer.AlertClear(b.BoardId, 0), now, cancellationToken).ConfigureAwait(false);
                string summary = id is null ? "clear of every alert (no emergency was active)" : $"clear of emergency #{id}";
                AuditEntry entry = _audit.Append(new AuditRecord(AuditAction.EmergencyCleared, actor, Site, id, summary, Audited(outcomes)));
                Log("cleared", id, actor, outcomes);
                return new EmergencyResult(id, outcomes, Array.Empty<string>(), entry.Id);
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>When the active emergency's alerts must be issued again, or null (nothing active, or it ends before the boards would drop them).</summary>
        public static DateTimeOffset? NextReissue(EmergencyRecord? emergency, DateTimeOffset now)
        {
            if (emergency is null || !emergency.IsActiveAt(now))
            {
                return null;
            }

            DateTimeOffset boardsDrop = emergency.IssuedUtc + BoardAlertLifetime;
            return emergency.Until is DateTimeOffset until && until <= boardsDrop ? null : boardsDrop - ReissueMargin;
        }

        /// <summary>
        /// Issues the active emergency's alerts again when they are within <see cref="ReissueMargin"/> of the boards'
        /// 7-day limit and the emergency lasts longer: a new alert for every board of the site now (boards added since
        /// and boards that failed before included). Returns null when nothing was due.
        /// </summary>
        /// <exception cref="EmergencyRefusedException">The texts can no longer be drawn (fonts removed): nothing was sent.</exception>
        public async Task<EmergencyResult?> ReissueIfDueAsync(string actor = "gateway:reissue", CancellationToken cancellationToken = default)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                DateTimeOffset now = _time.UtcNow;
                EmergencyRecord? emergency = _store.Latest(Site);
                if (NextReissue(emergency, now) is not DateTimeOffset due || now < due || emergency is null)
                {
                    return null;
                }

                IReadOnlyList<BoardRecord> boards = _registry.List(Site);
                var problems = new List<string>();
                (Dictionary<string, BulletinItem> items, List<string> warnings) = Plan(boards, emergency.Texts, AlertExpiry(now, emergency.Until), problems);
                if (problems.Count > 0)
                {
                    _logger.LogError("Site {Site} emergency #{EmergencyId} could not be issued again: {Problems}", Site, emergency.Id, string.Join(" ", problems));
                    throw new EmergencyRefusedException(problems);
                }

                List<BoardOutcome> outcomes = await FanOutAsync(emergency.Id, boards, b => _signer.Alert(b.BoardId, items[b.BoardId]), now, cancellationToken).ConfigureAwait(false);
                _store.Reissued(emergency.Id, now);
                string summary = $"re-issue of emergency #{emergency.Id} (issued {emergency.IssuedUtc:u}; boards drop an alert after {BoardAlertLifetime.TotalDays:0} days)";
                AuditEntry entry = _audit.Append(new AuditRecord(AuditAction.EmergencyReissued, actor, Site, emergency.Id, summary, Audited(outcomes)));
                Log("re-issued", emergency.Id, actor, outcomes);
                return new EmergencyResult(emergency.Id, outcomes, warnings, entry.Id);
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>
        /// Records a board's acknowledgement: its <b>verified</b> event (the caller, BoardMonitor, has checked the tag and
        /// session) that an alert went on screen (code 4) or ended (code 5), received at <paramref name="receivedUtc"/>.
        /// Other event codes are not acknowledgements: returns null and records nothing. The entry names the emergency
        /// the alert belongs to, or none when the gateway sent no such alert to that board.
        /// </summary>
        public AuditEntry? RecordAcknowledgement(string boardId, BoardEvent boardEvent, DateTimeOffset receivedUtc)
        {
            ArgumentException.ThrowIfNullOrEmpty(boardId);
            ArgumentNullException.ThrowIfNull(boardEvent);
            bool shown = boardEvent.Code == BoardEvent.CodeAlertShown;
            if (!shown && boardEvent.Code != BoardEvent.CodeAlertEnded)
            {
                return null;
            }

            long? emergencyId = _store.Acknowledge(boardId, boardEvent.Sequence, shown, receivedUtc);
            string boardTime = boardEvent.TimeUnixSeconds == 0
                ? "board time unknown"
                : "board time " + DateTimeOffset.FromUnixTimeSeconds(boardEvent.TimeUnixSeconds).ToString("u", CultureInfo.InvariantCulture);
            string what = shown ? "shown" : "ended";
            string summary = $"alert {boardEvent.Sequence} {what} on {boardId} ({boardTime}, uptime {boardEvent.UptimeSeconds} s, received {receivedUtc.ToUniversalTime():u})" +
                (emergencyId is null ? "; not an alert of a site emergency" : string.Empty);
            string site = _registry.Find(boardId)?.Site ?? Site;
            AuditEntry entry = _audit.Append(new AuditRecord(AuditAction.BoardAcknowledged, "board:" + boardId, site, emergencyId,
                summary, new[] { new AuditBoard(boardId, boardEvent.Sequence, what) }));
            _logger.LogInformation("Board {BoardId} acknowledged alert {Sequence}: {What}", boardId, boardEvent.Sequence, what);
            return entry;
        }

        /// <summary>The site's latest emergency and what each board was sent and acknowledged.</summary>
        public EmergencyStatus Status()
        {
            DateTimeOffset now = _time.UtcNow;
            EmergencyRecord? latest = _store.Latest(Site);
            IReadOnlyList<EmergencyBoard> boards = latest is null ? Array.Empty<EmergencyBoard>() : _store.Boards(latest.Id);
            return new EmergencyStatus(Site, now, latest, boards, NextReissue(latest, now));
        }

        /// <summary>An alert's valid-until, unix s: the emergency's end, or the boards' 7-day limit if that is sooner.</summary>
        private static uint AlertExpiry(DateTimeOffset now, DateTimeOffset? until)
        {
            DateTimeOffset limit = now + BoardAlertLifetime;
            return (uint)(until is DateTimeOffset end && end < limit ? end : limit).ToUnixTimeSeconds();
        }

        /// <summary>Draws the alert for every board (once per panel size and language set); problems name the boards.</summary>
        private (Dictionary<string, BulletinItem> Items, List<string> Warnings) Plan(IReadOnlyList<BoardRecord> boards, EmergencyTexts texts, uint validUntil, List<string> problems)
        {
            var items = new Dictionary<string, BulletinItem>(StringComparer.Ordinal);
            var warnings = new List<string>();
            var drawn = new Dictionary<string, (BulletinItem? Item, IReadOnlyList<string> Problems)>(StringComparer.Ordinal);
            foreach (BoardRecord board in boards)
            {
                int width;
                int height;
                try
                {
                    (width, height) = (board.Config.Panel.Width, board.Config.Panel.Height);
                }
                catch (InvalidOperationException e)
                {
                    problems.Add(e.Message);
                    continue;
                }

                IReadOnlyList<KeyValuePair<string, string>> shown = texts.For(board.Languages);
                string key = $"{width}x{height}:{string.Join(",", shown.Select(t => t.Key))}";
                if (!drawn.TryGetValue(key, out var result))
                {
                    (BulletinItem? item, IReadOnlyList<string> refused, IReadOnlyList<string> notes) = _renderer.Render(width, height, shown, validUntil);
                    result = (item, refused);
                    drawn[key] = result;
                    warnings.AddRange(notes);
                    problems.AddRange(refused);
                }

                if (result.Item is not null)
                {
                    items[board.BoardId] = result.Item;
                }
                else if (result.Problems.Count > 0)
                {
                    problems.Add($"Board {board.BoardId} ({width}x{height}) cannot show it.");
                }
            }

            return (items, warnings);
        }

        /// <summary>Signs and queues one message per board; a board that fails is reported and the others go on.</summary>
        private async Task<List<BoardOutcome>> FanOutAsync(long? emergencyId, IReadOnlyList<BoardRecord> boards, Func<BoardRecord, SignedMessage> sign, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var outcomes = new List<BoardOutcome>(boards.Count);
            foreach (BoardRecord board in boards)
            {
                ulong sequence = 0;
                BoardOutcome outcome;
                try
                {
                    SignedMessage message = sign(board);
                    sequence = message.Sequence;
                    await _publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
                    outcome = new BoardOutcome(board.BoardId, sequence, null);
                }
                catch (Exception e)
                {
                    // Per board: the reason is reported and recorded, and the other boards still get theirs.
                    string stage = sequence == 0 ? "not signed" : $"signed as {sequence} but not queued";
                    outcome = new BoardOutcome(board.BoardId, sequence, $"{stage}: {e.Message}");
                    _logger.LogError(e, "Site {Site}: board {BoardId} {Stage}", Site, board.BoardId, stage);
                }

                if (emergencyId is long id)
                {
                    _store.SetBoard(id, outcome, now);
                }

                outcomes.Add(outcome);
            }

            return outcomes;
        }

        private static List<AuditBoard> Audited(IEnumerable<BoardOutcome> outcomes) =>
            outcomes.Select(o => new AuditBoard(o.BoardId, o.Sequence, o.Error is null ? "queued" : "failed: " + o.Error)).ToList();

        private static string Describe(EmergencyTexts texts, DateTimeOffset? until) =>
            $"\"{texts}\" until {(until is null ? "cleared" : until.Value.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture))}";

        private void Log(string what, long? id, string actor, List<BoardOutcome> outcomes)
        {
            int queued = outcomes.Count(o => o.Queued);
            if (queued == outcomes.Count)
            {
                _logger.LogWarning("Site {Site} emergency #{EmergencyId} {What} by {Actor}: queued for all {Boards} boards", Site, id, what, actor, outcomes.Count);
            }
            else
            {
                _logger.LogError("Site {Site} emergency #{EmergencyId} {What} by {Actor}: queued for {Queued} of {Boards} boards; failed: {Failed}",
                    Site, id, what, actor, queued, outcomes.Count, string.Join(", ", outcomes.Where(o => !o.Queued).Select(o => o.BoardId)));
            }
        }
    }
}
