using IspPortal.Core.Common;

namespace IspPortal.Core.Billing.InvoiceRuns;

/// <summary>
/// One run of a billing job (table <c>billing_runs</c>) and what it did, for the run history: a
/// run that stopped half-way stays <see cref="BillingRunStatus.Running"/> with the counts it reached.
/// </summary>
[NotAudited]
public class BillingRun
{
    public const int StartedByMaxLength = 100;
    public const int ErrorMaxLength = 2000;

    private BillingRun() { }

    public BillingRun(BillingRunKind kind, DateOnly period, BillingRunTrigger trigger, string startedBy, DateTimeOffset startedAt)
    {
        Kind = kind;
        Period = period;
        Trigger = trigger;
        StartedBy = startedBy.Length > StartedByMaxLength ? startedBy[..StartedByMaxLength] : startedBy;
        StartedAt = startedAt;
    }

    public long Id { get; private set; }

    public BillingRunKind Kind { get; private set; }

    /// <summary>The billed month (first day) for invoices; the day for the daily runs.</summary>
    public DateOnly Period { get; private set; }

    public BillingRunTrigger Trigger { get; private set; }

    /// <summary>User name, <c>api:{key}</c> or <c>system</c>.</summary>
    public string StartedBy { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public BillingRunStatus Status { get; private set; } = BillingRunStatus.Running;

    /// <summary>What this run did: invoices created, reminders queued, customers isolated.</summary>
    public int Created { get; private set; }

    /// <summary>Customers that already had theirs (an earlier or concurrent run), or were exempt.</summary>
    public int Skipped { get; private set; }

    /// <summary>Customers the run could not finish (e.g. a router that did not answer).</summary>
    public int Failed { get; private set; }

    public string? Error { get; private set; }

    public void Progress(int created) => Created += created;

    public void Finish(int skipped, DateTimeOffset at, int failed = 0)
    {
        Skipped = skipped;
        Failed = failed;
        Status = BillingRunStatus.Completed;
        FinishedAt = at;
    }

    public void Fail(string error, DateTimeOffset at)
    {
        Status = BillingRunStatus.Failed;
        Error = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        FinishedAt = at;
    }
}

public enum BillingRunKind
{
    Invoices,
    /// <summary>Reminders before and after the due date (daily, 10:00).</summary>
    Reminders,
    /// <summary>Overdue marking and isolir (daily, 09:00); its period is the day checked.</summary>
    OverdueCheck,
}

public enum BillingRunTrigger
{
    Schedule,
    Manual,
    Api,
}

public enum BillingRunStatus
{
    Running,
    Completed,
    Failed,
}
