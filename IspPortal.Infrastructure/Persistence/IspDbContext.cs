using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Persistence;

// Migrations: dotnet ef migrations add <Name> -p IspPortal.Infrastructure -s IspPortal.Web -o Persistence/Migrations
public class IspDbContext(DbContextOptions<IspDbContext> options)
    : IdentityDbContext<PortalUser, PortalRole, Guid>(options), IIspDb, IDataProtectionKeyContext
{
    public DbSet<LocationCode> LocationCodes => Set<LocationCode>();
    public DbSet<ServicePackage> ServicePackages => Set<ServicePackage>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PortalUser>().ToTable("users");
        builder.Entity<PortalRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        builder.ApplyConfigurationsFromAssembly(typeof(IspDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is rupiah with two decimals everywhere; never double.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
