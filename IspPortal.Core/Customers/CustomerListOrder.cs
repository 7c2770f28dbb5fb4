using System.Linq.Expressions;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers;

/// <summary>
/// One of the customer list's sort orders, ties broken by id in the sort's own direction, so a page
/// can be sought from the edge row of the page beside it (keyset: an index range scan from that row)
/// as well as skipped to (OFFSET); both give the same rows (docs/decisions/0025).
/// </summary>
internal sealed class CustomerListOrder
{
    private delegate Expression<Func<Customer, bool>> Seek(CustomerRow edge, bool downward);

    private sealed record Column(Expression<Func<Customer, object?>> Key, Seek? Beyond = null);

    // Keyset only where the key is a non-null column with an index ending in id; the others are skipped to.
    private static readonly Dictionary<string, Column> Columns = new()
    {
        [nameof(CustomerRow.Code)] = new(c => c.Code, CodeBeyond),
        [nameof(CustomerRow.FullName)] = new(c => c.FullName, NameBeyond),
        [nameof(CustomerRow.Status)] = new(c => c.Status),
        [nameof(CustomerRow.Connection)] = new(c => c.ConnectionState),
        [nameof(CustomerRow.RegisteredAt)] = new(c => c.RegisteredAt, RegisteredBeyond),
        [nameof(CustomerRow.LastSeenAt)] = new(c => c.LastSeenAt),
    };

    private readonly Column _column;
    private readonly bool _descending;

    private CustomerListOrder(Column column, bool descending) => (_column, _descending) = (column, descending);

    /// <summary>The request's column (unknown names fall back to the newest first, so a crafted sort never reaches SQL).</summary>
    public static CustomerListOrder Of(PageRequest request) =>
        request.SortBy is { } sortBy && Columns.TryGetValue(sortBy, out var column)
            ? new(column, request.Descending)
            : new(Columns[nameof(CustomerRow.RegisteredAt)], request.SortBy is null || request.Descending);

    /// <param name="shown">The page the grid shows, for the same request and filter; when the request is for the page after or before it, that page is sought from its edge.</param>
    public async Task<List<int>> PageIdsAsync(IQueryable<Customer> customers, PageRequest request, CustomerListPosition? shown, CancellationToken cancellationToken)
    {
        if (shown is not null && _column.Beyond is { } beyond && request.Page > 0)
        {
            if (request.Page == shown.Request.Page + 1)
                return await Ordered(customers.Where(beyond(shown.Last, _descending)), _descending).Take(request.Take).ToListAsync(cancellationToken);
            if (request.Page == shown.Request.Page - 1)
            {
                var backwards = await Ordered(customers.Where(beyond(shown.First, !_descending)), !_descending).Take(request.Take).ToListAsync(cancellationToken);
                backwards.Reverse();
                // Fewer rows than a page before the shown one: rows went away meanwhile; the page by position is the honest one.
                if (backwards.Count == request.Take)
                    return backwards;
            }
        }
        return await Ordered(customers, _descending).Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
    }

    private IQueryable<int> Ordered(IQueryable<Customer> customers, bool descending) =>
        (descending
            ? customers.OrderByDescending(_column.Key).ThenByDescending(c => c.Id)
            : customers.OrderBy(_column.Key).ThenBy(c => c.Id))
        .Select(c => c.Id);

    // Written as "key at or beyond the edge, and past it or a later id": the first part is the index
    // range's start; (key, id) < (k, i) as a row value would need the provider's own function.
    private static Expression<Func<Customer, bool>> RegisteredBeyond(CustomerRow edge, bool downward)
    {
        var (at, id) = (edge.RegisteredAt, edge.Id);
        return downward
            ? c => c.RegisteredAt <= at && (c.RegisteredAt < at || c.Id < id)
            : c => c.RegisteredAt >= at && (c.RegisteredAt > at || c.Id > id);
    }

    private static Expression<Func<Customer, bool>> CodeBeyond(CustomerRow edge, bool downward)
    {
        var (code, id) = (edge.Code, edge.Id);
        return downward
            ? c => c.Code.CompareTo(code) <= 0 && (c.Code.CompareTo(code) < 0 || c.Id < id)
            : c => c.Code.CompareTo(code) >= 0 && (c.Code.CompareTo(code) > 0 || c.Id > id);
    }

    private static Expression<Func<Customer, bool>> NameBeyond(CustomerRow edge, bool downward)
    {
        var (name, id) = (edge.FullName, edge.Id);
        return downward
            ? c => c.FullName.CompareTo(name) <= 0 && (c.FullName.CompareTo(name) < 0 || c.Id < id)
            : c => c.FullName.CompareTo(name) >= 0 && (c.FullName.CompareTo(name) > 0 || c.Id > id);
    }
}
