namespace IspPortal.Core.Reports.Saved;

public enum DeliveryStatus
{
    /// <summary>At least one recipient's e-mail is in the outbox.</summary>
    Sent,

    /// <summary>The report could not be rendered as its owner (permission lost, owner deactivated, refused filters).</summary>
    Failed,

    /// <summary>Rendered, but no recipient may receive it (none active, with an e-mail and allowed to read it).</summary>
    Skipped,
}

/// <summary>
/// One sending of a schedule (table <c>report_deliveries</c>), unique per schedule and due moment: the job claims the row first,
/// so a restart or a second portal instance never sends the same occurrence twice. "Kirim sekarang" is a delivery due now.
/// </summary>
public class ReportDelivery
{
    public const int MessageMaxLength = 2000;

    private ReportDelivery() { }

    public ReportDelivery(int scheduleId, DateTimeOffset dueAt, DateTimeOffset createdAt)
    {
        ScheduleId = scheduleId;
        DueAt = dueAt;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int ScheduleId { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DeliveryStatus Status { get; private set; }

    /// <summary>What happened, in Indonesian: who received it, who was skipped and why, or why it failed.</summary>
    public string Message { get; private set; } = "";

    /// <summary>The outbox messages written, one per recipient.</summary>
    public List<long> OutboxIds { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public void Finish(DeliveryStatus status, string message, IEnumerable<long> outboxIds)
    {
        Status = status;
        Message = message.Length > MessageMaxLength ? message[..MessageMaxLength] : message;
        OutboxIds = [.. outboxIds];
    }
}
