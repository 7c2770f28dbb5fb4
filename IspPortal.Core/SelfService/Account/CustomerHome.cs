using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Account;

public enum ServiceState
{
    Online,
    Offline,
    /// <summary>Cut off for arrears: the router holds the isolation profile.</summary>
    Isolated,
    /// <summary>Paused on request, or not installed yet.</summary>
    Inactive,
}

public sealed record LastPaymentView(string Number, decimal Amount, DateTimeOffset At, PaymentMethod Method);

/// <param name="PayInvoice">The oldest invoice still owed: what "Bayar sekarang" opens.</param>
/// <param name="IsolationReason">Why the service was isolated (the isolation's own words).</param>
/// <param name="LastSeenAt">When the router last saw the session (the last sync).</param>
public sealed record HomeView(
    string CompanyName, string CustomerCode, string FullName, CustomerStatus Status, ServiceState Service, DateTimeOffset? ServiceSince,
    DateTimeOffset? LastSeenAt, string? IsolationReason, string PackageName, int DownloadMbps, int UploadMbps, decimal MonthlyPrice,
    decimal AmountDue, DateOnly? NextDueDate, bool Overdue, string? PayInvoice, decimal CreditBalance, LastPaymentView? LastPayment);

/// <summary>The Beranda: the service as the router saw it at the last sync, the package, what is owed and the last payment.</summary>
public sealed class CustomerHome(IIspDbFactory dbs, PortalSettings settings, IspClock ispClock)
{
    public async Task<HomeView> LoadAsync(SelfServiceCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Include(c => c.ServicePackage).SingleAsync(c => c.Id == caller.CustomerId, cancellationToken);
        var today = await ispClock.TodayAsync(cancellationToken);
        var owing = await db.Invoices.AsNoTracking()
            .Where(i => i.CustomerId == customer.Id && Arrears.Owing.Contains(i.Status))
            .OrderBy(i => i.Period).ThenBy(i => i.DueDate).ThenBy(i => i.Id)
            .Select(i => new { i.Number, i.DueDate, Due = i.Total - i.AmountPaid - i.CreditedAmount })
            .ToListAsync(cancellationToken);
        owing.RemoveAll(i => i.Due <= 0);
        var last = await db.Payments.AsNoTracking()
            .Where(p => p.CustomerId == customer.Id && p.Status == PaymentStatus.Confirmed)
            .OrderByDescending(p => p.ReceivedAt).ThenByDescending(p => p.Id)
            .Select(p => new LastPaymentView(p.Number, p.Amount, p.ReceivedAt, p.Method))
            .FirstOrDefaultAsync(cancellationToken);
        var isolationReason = customer.Status == CustomerStatus.Isolated
            ? await db.CustomerStatusLogs.AsNoTracking()
                .Where(l => l.CustomerId == customer.Id && l.Kind == StatusChangeKind.Lifecycle && l.ToValue == nameof(CustomerStatus.Isolated))
                .OrderByDescending(l => l.ChangedAt).ThenByDescending(l => l.Id).Select(l => l.Reason).FirstOrDefaultAsync(cancellationToken)
            : null;
        var company = await settings.GetAsync<CompanyProfile>(cancellationToken);
        var package = customer.ServicePackage!;
        var (service, since) = StateOf(customer);
        return new HomeView(company.Name, customer.Code, customer.FullName, customer.Status, service, since, customer.LastSeenAt,
            isolationReason ?? (customer.Status == CustomerStatus.Isolated ? "Tagihan belum dibayar." : null),
            package.Name, package.DownloadMbps, package.UploadMbps, package.MonthlyPrice,
            owing.Sum(i => i.Due), owing.FirstOrDefault()?.DueDate, owing.Any(i => i.DueDate < today), owing.FirstOrDefault()?.Number,
            customer.CreditBalance, last);
    }

    public static (ServiceState State, DateTimeOffset? Since) StateOf(Customer customer) => customer.Status switch
    {
        CustomerStatus.Isolated => (ServiceState.Isolated, customer.StatusChangedAt),
        CustomerStatus.Active => customer.ConnectionState == ConnectionState.Online
            ? (ServiceState.Online, customer.SessionStartedAt ?? customer.ConnectionChangedAt)
            : (ServiceState.Offline, customer.ConnectionChangedAt),
        _ => (ServiceState.Inactive, customer.StatusChangedAt),
    };
}
