using IspPortal.Core.Common;
using IspPortal.Core.Customers.Registration;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers;

public sealed record CustomerFilter(
    CustomerStatus? Status = null,
    int? RouterId = null,
    int? LocationCodeId = null,
    int? ServicePackageId = null,
    ConnectionState? Connection = null);

public sealed record CustomerRow(
    int Id,
    string Code,
    string FullName,
    string Phone,
    string? PppoeUsername,
    CustomerStatus Status,
    ConnectionState Connection,
    string PackageName,
    string? RouterCode,
    string LocationCode,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? LastSeenAt);

/// <summary>What the grid shows: its request, filter and edge rows, from which the page beside it is sought.</summary>
public sealed record CustomerListPosition(PageRequest Request, CustomerFilter Filter, CustomerRow First, CustomerRow Last)
{
    public static CustomerListPosition? Of(PageRequest request, CustomerFilter filter, PagedResult<CustomerRow> page) =>
        page.Items.Count > 0 ? new(request, filter, page.Items[0], page.Items[^1]) : null;

    public bool IsBeside(PageRequest request, CustomerFilter filter) =>
        Filter == filter && Request with { Page = request.Page } == request && Math.Abs(Request.Page - request.Page) == 1;
}

/// <summary>
/// The customer list: <see cref="CustomerSearch"/> plus filters, paged and sorted in the database.
/// The page beside the one shown is sought by keyset; the total is counted up to
/// <see cref="ExactCountLimit"/> and estimated beyond it (docs/decisions/0025).
/// </summary>
public sealed class CustomerList(IIspDbFactory dbs, IKeyedHasher hasher, IRowEstimates estimates)
{
    /// <summary>Counting 100,000 matches on every page costs more than the page; past this many, the planner's estimate is shown, labelled.</summary>
    public const int ExactCountLimit = 10_000;

    public Task<PagedResult<CustomerRow>> PageAsync(PageRequest request, CustomerFilter filter, CancellationToken cancellationToken = default) =>
        PageAsync(request, filter, shown: null, cancellationToken);

    /// <param name="shown">The page on screen (<see cref="CustomerListPosition.Of"/>), or null.</param>
    public async Task<PagedResult<CustomerRow>> PageAsync(PageRequest request, CustomerFilter filter, CustomerListPosition? shown, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customers = await FilterAsync(db, request.SearchTerm, filter, cancellationToken);
        var ids = await CustomerListOrder.Of(request).PageIdsAsync(customers, request, shown?.IsBeside(request, filter) == true ? shown : null, cancellationToken);
        var (total, kind) = await TotalAsync(customers, cancellationToken);
        if (kind != TotalKind.Exact && ids.Count is > 0 and var count && count < request.Take)
            (total, kind) = (request.Skip + count, TotalKind.Exact);
        var rows = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new CustomerRow(c.Id, c.Code, c.FullName, c.Phone,
                db.PppoeSecrets.Where(s => s.CustomerId == c.Id && !s.IsReplica).OrderBy(s => s.Status == Network.PppoeSecretStatus.Removed).Select(s => s.Username).FirstOrDefault(),
                c.Status, c.ConnectionState, c.ServicePackage!.Name, c.Router!.Code, c.LocationCode!.Code, c.RegisteredAt, c.LastSeenAt))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return new PagedResult<CustomerRow>(ids.Select(id => rows[id]).ToList(), total, kind);
    }

    private async Task<(int Total, TotalKind Kind)> TotalAsync(IQueryable<Customer> customers, CancellationToken cancellationToken)
    {
        var counted = await customers.Take(ExactCountLimit + 1).CountAsync(cancellationToken);
        if (counted <= ExactCountLimit)
            return (counted, TotalKind.Exact);
        var estimate = await estimates.EstimateAsync(customers, cancellationToken);
        return estimate > ExactCountLimit
            ? ((int)Math.Min(estimate, int.MaxValue), TotalKind.Estimated)
            : (ExactCountLimit, TotalKind.AtLeast);
    }

    private async Task<IQueryable<Customer>> FilterAsync(IIspDb db, string? term, CustomerFilter filter, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking();
        if (filter.Status is { } status)
            customers = customers.Where(c => c.Status == status);
        if (filter.Connection is { } connection)
            customers = customers.Where(c => c.ConnectionState == connection);
        if (filter.RouterId is { } routerId)
            customers = customers.Where(c => c.RouterId == routerId);
        if (filter.LocationCodeId is { } locationId)
            customers = customers.Where(c => c.LocationCodeId == locationId);
        if (filter.ServicePackageId is { } packageId)
            customers = customers.Where(c => c.ServicePackageId == packageId);
        return term is null ? customers : await CustomerSearch.MatchingAsync(db, customers, term, hasher, cancellationToken);
    }
}
