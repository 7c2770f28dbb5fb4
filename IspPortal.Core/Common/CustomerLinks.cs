namespace IspPortal.Core.Common;

/// <summary>
/// What a customer's link (the pay page, the ticket page) names: a document by its number and the
/// link version it was made for. Revoking a document's links raises its version, so every link made
/// before stops opening and the next message carries a new one.
/// </summary>
public sealed record LinkTarget(string Number, int Version);

public enum LinkState
{
    Open,
    /// <summary>A token this portal did not make, or for a document that is gone.</summary>
    Unknown,
    Revoked,
    /// <summary>The document was finished (paid or void; closed or cancelled) longer ago than the setting allows.</summary>
    Expired,
}

/// <summary>The page behind a customer's link, or why it does not open.</summary>
public sealed record LinkOpening<T>(LinkState State, T? View) where T : class;

public static class LinkOpening
{
    public static LinkOpening<T> Open<T>(T view) where T : class => new(LinkState.Open, view);

    public static LinkOpening<T> Closed<T>(LinkState state) where T : class => new(state, null);
}

public static class CustomerLinkRules
{
    public const int MinDays = 7;
    public const int MaxDays = 365;
    public const int DefaultDays = 60;

    /// <param name="finishedAt">When the document stopped needing the customer (paid, void, closed); null while it still does.</param>
    public static LinkState Judge(LinkTarget token, int currentVersion, DateTimeOffset? finishedAt, int days, DateTimeOffset now) =>
        token.Version != currentVersion ? LinkState.Revoked
        : finishedAt is { } at && now - at > TimeSpan.FromDays(days) ? LinkState.Expired
        : LinkState.Open;

    /// <summary>The last moment a link still opens; null while the document is not finished.</summary>
    public static DateTimeOffset? OpensUntil(DateTimeOffset? finishedAt, int days) => finishedAt?.AddDays(days);
}
