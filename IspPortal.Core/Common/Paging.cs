namespace IspPortal.Core.Common;

/// <summary>What a server-side grid asks for: a page, an optional search text and one sort column.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? Search = null, string? SortBy = null, bool Descending = false)
{
    public const int MaxPageSize = 500;

    public int Skip => Math.Max(Page, 0) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>The search text without control characters or unpaired surrogates, which no column holds and the database refuses.</summary>
    public string? SearchTerm => string.IsNullOrWhiteSpace(Search) ? null : SafeText.Clean(Search).Trim() is { Length: > 0 } term ? term : null;
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);
