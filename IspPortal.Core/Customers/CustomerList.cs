using System.Linq.Expressions;
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

/// <summary>The customer list: <see cref="CustomerSearch"/> plus filters, paged and sorted in the database.</summary>
public sealed class CustomerList(IIspDbFactory dbs, IKeyedHasher hasher)
{
    public async Task<PagedResult<CustomerRow>> PageAsync(PageRequest request, CustomerFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customers = await FilterAsync(db, request.SearchTerm, filter, cancellationToken);
        var sortColumns = new Dictionary<string, Expression<Func<Customer, object?>>>
        {
            [nameof(CustomerRow.Code)] = c => c.Code,
            [nameof(CustomerRow.FullName)] = c => c.FullName,
            [nameof(CustomerRow.Status)] = c => c.Status,
            [nameof(CustomerRow.Connection)] = c => c.ConnectionState,
            [nameof(CustomerRow.RegisteredAt)] = c => c.RegisteredAt,
            [nameof(CustomerRow.LastSeenAt)] = c => c.LastSeenAt,
        };
        var page = await customers.ToPageAsync(request with { Descending = request.SortBy is null || request.Descending },
            sortColumns, nameof(CustomerRow.RegisteredAt), c => c.Id, cancellationToken);
        var ids = page.Items.Select(c => c.Id).ToList();
        var rows = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new CustomerRow(c.Id, c.Code, c.FullName, c.Phone,
                db.PppoeSecrets.Where(s => s.CustomerId == c.Id && !s.IsReplica).OrderBy(s => s.Status == Network.PppoeSecretStatus.Removed).Select(s => s.Username).FirstOrDefault(),
                c.Status, c.ConnectionState, c.ServicePackage!.Name, c.Router!.Code, c.LocationCode!.Code, c.RegisteredAt, c.LastSeenAt))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return new PagedResult<CustomerRow>(ids.Select(id => rows[id]).ToList(), page.Total);
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
