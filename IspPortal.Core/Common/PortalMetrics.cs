using System.Diagnostics.Metrics;

namespace IspPortal.Core.Common;

/// <summary>
/// The portal's own metrics, on the BCL Meter <see cref="MeterName"/> so Core needs no telemetry
/// library: the host exports them (Prometheus names in <see cref="ExportedNames"/>). Events are
/// recorded where they happen; gauges read <see cref="OperationsSnapshot"/>, which queries the
/// database at most once per <see cref="OperationsSnapshot.MaxAge"/> for all of them.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Injected, so a use case records through what it was given and its host registers its snapshot.")]
public sealed class PortalMetrics : IDisposable
{
    public const string MeterName = "IspPortal";

    // The Prometheus exporter turns dots into underscores, appends the unit ("s": _seconds) and _total to counters.
    public const string RouterSyncDuration = "ispportal_router_sync_duration_seconds";
    public const string RoutersReachable = "ispportal_routers_reachable";
    public const string RoutersActive = "ispportal_routers_active";
    public const string SessionsOnline = "ispportal_sessions_online";
    public const string OutboxPending = "ispportal_outbox_pending";
    public const string OutboxOldestPendingAge = "ispportal_outbox_oldest_pending_age_seconds";
    public const string InvoiceRunDuration = "ispportal_invoice_run_duration_seconds";
    public const string Payments = "ispportal_payments_total";
    public const string TicketsSlaBreached = "ispportal_tickets_sla_breached_total";
    public const string BackupLastSuccess = "ispportal_backup_last_success_timestamp_seconds";

    /// <summary>Every metric of the portal's own Meter, as /metrics names it (the dashboard test holds the dashboard to these).</summary>
    public static readonly IReadOnlyList<string> ExportedNames =
    [
        RouterSyncDuration, RoutersReachable, RoutersActive, SessionsOnline, OutboxPending, OutboxOldestPendingAge,
        InvoiceRunDuration, Payments, TicketsSlaBreached, BackupLastSuccess,
    ];

    // One Meter per process, never disposed: OpenTelemetry merges same-named instruments, and a
    // disposed duplicate (another host in the same process, as in the tests) would silence the survivor.
    private static readonly Meter _meter = new(MeterName);
    private static readonly Histogram<double> _routerSync =
        _meter.CreateHistogram<double>("ispportal.router.sync.duration", "s", "How long one router's sync took, by router and outcome.");
    private static readonly Histogram<double> _invoiceRun =
        _meter.CreateHistogram<double>("ispportal.invoice_run.duration", "s", "How long a monthly invoice run took, by outcome.");
    private static readonly Counter<long> _payments =
        _meter.CreateCounter<long>("ispportal.payments", description: "Payments confirmed, by method.");
    private static readonly Counter<long> _slaBreaches =
        _meter.CreateCounter<long>("ispportal.tickets.sla_breached", description: "Tickets that passed an SLA deadline, by target (first_response, resolution).");
    private static readonly Lock _gate = new();
    private static readonly List<OperationsSnapshot> _snapshots = [];

    private readonly OperationsSnapshot _snapshot;

    static PortalMetrics()
    {
        _meter.CreateObservableGauge("ispportal.routers.reachable", () => Observe(state => state.RoutersReachable), description: "Active routers whose last sync succeeded.");
        _meter.CreateObservableGauge("ispportal.routers.active", () => Observe(state => state.RoutersActive), description: "Active routers.");
        _meter.CreateObservableGauge("ispportal.sessions.online",
            () => Snapshots().SelectMany(state => state.SessionsByRouter.Select(r => new Measurement<int>(r.Value, new KeyValuePair<string, object?>("router", r.Key)))),
            description: "PPPoE sessions online at each router's last sync.");
        _meter.CreateObservableGauge("ispportal.outbox.pending", () => Observe(state => state.OutboxPending), description: "Outbox messages waiting to be sent.");
        _meter.CreateObservableGauge("ispportal.outbox.oldest_pending_age", () => Observe(state => state.OldestPendingAge.TotalSeconds), "s",
            "Age of the oldest outbox message waiting to be sent (0 when none waits).");
        _meter.CreateObservableGauge("ispportal.backup.last_success_timestamp",
            () => Observe(state => (double)(state.LastBackup?.ToUnixTimeSeconds() ?? 0)), "s",
            "When the last backup succeeded (Unix time); 0 until one has, so \"never\" alerts like \"long ago\".");
    }

    public PortalMetrics(OperationsSnapshot snapshot)
    {
        _snapshot = snapshot;
        lock (_gate)
            _snapshots.Add(snapshot);
    }

    public void RouterSynced(string routerCode, bool succeeded, TimeSpan duration) =>
        _routerSync.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("router", routerCode), Outcome(succeeded));

    public void InvoiceRunFinished(bool succeeded, TimeSpan duration) => _invoiceRun.Record(duration.TotalSeconds, Outcome(succeeded));

    /// <param name="method">The payment method's name (Cash, Transfer, Qris, ...).</param>
    public void PaymentConfirmed(string method) => _payments.Add(1, new KeyValuePair<string, object?>("method", method));

    /// <param name="target">first_response or resolution.</param>
    public void SlaBreached(string target, int tickets)
    {
        if (tickets > 0)
            _slaBreaches.Add(tickets, new KeyValuePair<string, object?>("target", target));
    }

    public void Dispose()
    {
        lock (_gate)
            _snapshots.Remove(_snapshot);
    }

    private static List<OperationsState> Snapshots()
    {
        List<OperationsSnapshot> live;
        lock (_gate)
            live = [.. _snapshots];
        return [.. live.Select(snapshot => snapshot.Current())];
    }

    private static IEnumerable<Measurement<T>> Observe<T>(Func<OperationsState, T> value)
        where T : struct => Snapshots().Select(state => new Measurement<T>(value(state)));

    private static KeyValuePair<string, object?> Outcome(bool succeeded) => new("outcome", succeeded ? "succeeded" : "failed");
}
