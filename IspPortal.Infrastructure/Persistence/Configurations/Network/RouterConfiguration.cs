using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Network;

public class RouterConfiguration : IEntityTypeConfiguration<Router>
{
    public void Configure(EntityTypeBuilder<Router> builder)
    {
        builder.ToTable("routers", t =>
        {
            t.HasCheckConstraint("ck_routers_code_format", "code ~ '^[A-Z]{2,8}$'");
            t.HasCheckConstraint("ck_routers_api_port", "api_port BETWEEN 1 AND 65535");
            t.HasCheckConstraint("ck_routers_cpu_load_percent", "cpu_load_percent BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_routers_uplink_capacity_mbps", $"uplink_capacity_mbps BETWEEN {Router.MinUplinkCapacityMbps} AND {Router.MaxUplinkCapacityMbps}");
            t.HasCheckConstraint("ck_routers_isolation_profile", "isolation_method <> 'Profile' OR isolation_profile IS NOT NULL");
            t.HasEnumCheck<Router, IsolationMethod>("isolation_method");
            t.HasEnumCheck<Router, RouterHealth>("health");
            t.HasCoordinateChecks();
        });

        builder.Property(r => r.Code).HasMaxLength(Router.CodeMaxLength);
        builder.Property(r => r.Name).HasMaxLength(Router.NameMaxLength);
        builder.Property(r => r.Location).HasMaxLength(Router.LocationMaxLength);
        builder.Property(r => r.Host).HasMaxLength(Router.HostMaxLength);
        builder.Property(r => r.TlsFingerprint).HasMaxLength(Router.TlsFingerprintMaxLength);
        builder.Property(r => r.ApiUser).HasMaxLength(Router.ApiUserMaxLength);
        builder.Property(r => r.IsolationProfile).HasMaxLength(Router.ProfileMaxLength);
        builder.Property(r => r.IsolationAddressList).HasMaxLength(Router.ProfileMaxLength);
        builder.Property(r => r.UplinkInterface).HasMaxLength(Router.InterfaceMaxLength);
        builder.Property(r => r.RouterOsVersion).HasMaxLength(Router.VersionMaxLength);
        builder.Property(r => r.BoardName).HasMaxLength(Router.VersionMaxLength);
        builder.Property(r => r.LastError).HasMaxLength(Router.ErrorMaxLength);
        builder.Property(r => r.Version).IsXminRowVersion();

        builder.HasOne(r => r.LocationCode).WithMany().HasForeignKey(r => r.LocationCodeId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(r => r.Code).IsUnique().HasDatabaseName("ux_routers_code");
        builder.HasIndex(r => r.LocationCodeId);
    }
}
