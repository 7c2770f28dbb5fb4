using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Common;

public static class QueryableExtensions
{
    /// <summary>
    /// Sorts by one of the named columns a list allows (unknown names fall back to the default,
    /// so a crafted sort parameter can never reach SQL), then by the unique
    /// <paramref name="tieBreaker"/> so rows with equal values never repeat or vanish between
    /// pages, then counts and takes one page.
    /// </summary>
    public static async Task<PagedResult<T>> ToPageAsync<T, TKey>(
        this IQueryable<T> query,
        PageRequest request,
        IReadOnlyDictionary<string, Expression<Func<T, object?>>> sortColumns,
        string defaultSort,
        Expression<Func<T, TKey>> tieBreaker,
        CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        var key = request.SortBy is not null && sortColumns.ContainsKey(request.SortBy) ? request.SortBy : defaultSort;
        var sort = sortColumns[key];
        var ordered = request.Descending ? query.OrderByDescending(sort) : query.OrderBy(sort);
        var items = await ordered.ThenBy(tieBreaker).Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        return new PagedResult<T>(items, total);
    }

    /// <summary>
    /// A lower-case LIKE pattern (compare against <c>column.ToLower()</c>) with the user's own
    /// wildcards escaped; PostgreSQL's LIKE escapes with a backslash by default.
    /// </summary>
    public static string ContainsPattern(string term) =>
        "%" + term.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
