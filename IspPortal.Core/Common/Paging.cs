namespace IspPortal.Core.Common;

/// <summary>What a server-side grid asks for: a page, an optional search text and one sort column.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? Search = null, string? SortBy = null, bool Descending = false)
{
    public const int MaxPageSize = 500;

    /// <summary>The last page any list can reach: a higher page number (hostile or mistyped) would overflow the offset.</summary>
    public const int MaxPage = (int.MaxValue - MaxPageSize) / MaxPageSize;

    public int Skip => Math.Clamp(Page, 0, MaxPage) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>The search text without control characters or unpaired surrogates, which no column holds and the database refuses.</summary>
    public string? SearchTerm => string.IsNullOrWhiteSpace(Search) ? null : SafeText.Clean(Search).Trim() is { Length: > 0 } term ? term : null;
}

/// <param name="TotalKind">Whether <paramref name="Total"/> was counted or, for a large list, estimated (docs/decisions/0025).</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, TotalKind TotalKind = TotalKind.Exact);

public enum TotalKind
{
    Exact,

    /// <summary>The planner's estimate of a list too large to count on every page (shown as "± 100.000").</summary>
    Estimated,

    /// <summary>More than the total, which is the counting limit; the estimate was lower (shown as "lebih dari 10.000").</summary>
    AtLeast,
}
