using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Common;

/// <summary>
/// The portal's data as Core use cases see it: EF Core's query and change-tracking API, without
/// the provider, migrations or PostgreSQL specifics (those stay in Infrastructure).
/// </summary>
public interface IIspDb : IDisposable, IAsyncDisposable
{
    DbSet<PortalUser> Users { get; }
    DbSet<PortalRole> Roles { get; }
    DbSet<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>> UserRoles { get; }
    DbSet<LocationCode> LocationCodes { get; }
    DbSet<ServicePackage> ServicePackages { get; }
    DbSet<Setting> Settings { get; }
    DbSet<AuditLog> AuditLogs { get; }
    DbSet<ApiKey> ApiKeys { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// <summary>One short-lived context per operation (Blazor Server guidance for EF Core).</summary>
public interface IIspDbFactory
{
    Task<IIspDb> CreateAsync(CancellationToken cancellationToken = default);
}
