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

/// <summary>
/// The customer list: one search box that finds a customer by code, name, phone (as typed:
/// <c>0812…</c> finds <c>+62812…</c>), PPPoE username or NIK (through its keyed hash, never by
/// decrypting), plus filters; paged and sorted in the database.
/// </summary>
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

    /// <summary>Codes of every customer the search and filters match (for bulk actions on "all results"), capped.</summary>
    public async Task<IReadOnlyList<string>> CodesAsync(string? search, CustomerFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customers = await FilterAsync(db, string.IsNullOrWhiteSpace(search) ? null : search.Trim(), filter, cancellationToken);
        return await customers.OrderBy(c => c.Code).Select(c => c.Code).Take(limit).ToListAsync(cancellationToken);
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
        if (term is null)
            return customers;

        var pattern = QueryableExtensions.ContainsPattern(term);
        var alternatives = new List<Expression<Func<Customer, bool>>>
        {
            c => EF.Functions.Like(c.Code.ToLower(), pattern),
            c => EF.Functions.Like(c.FullName.ToLower(), pattern),
        };
        if (PhonePattern(term) is { } phonePattern)
            alternatives.Add(c => EF.Functions.Like(c.Phone, phonePattern));
        var nik = Nik.Clean(term);
        if (nik.Length == Nik.Length && nik.All(char.IsAsciiDigit))
        {
            var nikHash = await hasher.HashAsync(nik, cancellationToken);
            alternatives.Add(c => c.NikHash == nikHash);
        }
        // Looked up first: an EXISTS inside the OR would make PostgreSQL scan every customer.
        var username = term.ToUpperInvariant();
        var byUsername = await db.PppoeSecrets.Where(s => s.Username == username).Select(s => s.CustomerId).Distinct().ToListAsync(cancellationToken);
        if (byUsername.Count > 0)
            alternatives.Add(c => byUsername.Contains(c.Id));
        return customers.Where(Predicates.AnyOf(alternatives));
    }

    /// <summary>Phones are stored as +62…; an agent types 0812…, 62812… or a part of the number.</summary>
    private static string? PhonePattern(string term)
    {
        var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 4 || term.Any(c => char.IsLetter(c)))
            return null;
        if (digits.StartsWith('0'))
            digits = IndonesianPhone.CountryCode + digits[1..];
        return "%" + digits + "%";
    }
}
