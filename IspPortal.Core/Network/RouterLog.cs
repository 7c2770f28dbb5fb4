using IspPortal.Core.Common;

namespace IspPortal.Core.Network;

/// <summary>
/// One operation against a router: sync, isolate, secret add… (table <c>router_logs</c>,
/// partitioned by month on <see cref="OccurredAt"/>).
/// </summary>
[NotAudited]
public class RouterLog
{
    public const int OperationMaxLength = 64;

    private RouterLog() { }

    public RouterLog(int routerId, DateTimeOffset occurredAt, string operation, RouterLogOutcome outcome, string? message = null)
    {
        RouterId = routerId;
        OccurredAt = occurredAt;
        Operation = operation;
        Outcome = outcome;
        Message = message;
    }

    public long Id { get; private set; }

    public int RouterId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>e.g. <c>sync</c>, <c>secret.add</c>, <c>isolate</c>, <c>session.kick</c>.</summary>
    public string Operation { get; private set; } = "";

    public RouterLogOutcome Outcome { get; private set; }

    public int? DurationMs { get; set; }

    public string? Message { get; private set; }

    /// <summary>Structured details (counts, the trap's category), JSON.</summary>
    public string? Details { get; set; }

    public int? CustomerId { get; set; }

    public Guid? UserId { get; set; }

    public Router? Router { get; private set; }
}

public enum RouterLogOutcome
{
    Succeeded,
    Failed,
}
