namespace IspPortal.Infrastructure.Live;

/// <summary>
/// A live event too large for a NOTIFY (a sync's diff of thousands of customers): stored here by
/// the sender and read once by every instance from the reference the notification carries. Kept
/// for <see cref="KeptFor"/>, long enough for every listening instance to read it.
/// </summary>
public sealed class LiveFeedPayload
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    public long Id { get; private set; }

    public string Body { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
