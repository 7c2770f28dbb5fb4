using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Revenue;

/// <summary>What both revenue reports check before they query: reports.read and billing.read, the months, and filters naming things that exist.</summary>
internal static class RevenueChecks
{
    public static async Task<FieldErrors?> RefuseAsync(ICurrentUser currentUser, IIspDbFactory dbs, MonthRange range, RevenueFilter filter, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.ReportsRead) || !actor.Holds(Permissions.BillingRead))
            return new FieldErrors().Add("", Actor.NotPermitted);
        if (range.Check() is { Any: true } problems)
            return problems;

        await using var db = await dbs.CreateAsync(cancellationToken);
        var errors = new FieldErrors()
            .When(filter.LocationId is { } l && !await db.LocationCodes.AnyAsync(x => x.Id == l, cancellationToken), "location", "Lokasi tidak dikenal.")
            .When(filter.RouterId is { } r && !await db.Routers.AnyAsync(x => x.Id == r, cancellationToken), "router", "Router tidak dikenal.")
            .When(filter.PackageId is { } p && !await db.ServicePackages.AnyAsync(x => x.Id == p, cancellationToken), "package", "Paket tidak dikenal.");
        return errors.Any ? errors : null;
    }

    public static decimal Ratio(decimal part, decimal whole) => whole == 0 ? 0m : Math.Round(part / whole, 4, MidpointRounding.AwayFromZero);

    public static decimal Arpu(decimal mrr, int customers) => customers == 0 ? 0m : Math.Round(mrr / customers, 0, MidpointRounding.AwayFromZero);
}
