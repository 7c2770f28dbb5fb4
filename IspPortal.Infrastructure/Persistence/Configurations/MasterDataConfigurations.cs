using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations;

public class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(PortalUser.FullNameMaxLength);
        builder.Property(u => u.Culture).HasMaxLength(5);
    }
}

public class LocationCodeConfiguration : IEntityTypeConfiguration<LocationCode>
{
    public void Configure(EntityTypeBuilder<LocationCode> builder)
    {
        builder.ToTable("location_codes", t =>
            t.HasCheckConstraint("ck_location_codes_code_format", "code ~ '^[A-Z]{2,5}$'"));
        builder.Property(l => l.Code).HasMaxLength(LocationCode.CodeMaxLength);
        builder.Property(l => l.Name).HasMaxLength(LocationCode.NameMaxLength);
        builder.Property(l => l.City).HasMaxLength(100);
        builder.HasIndex(l => l.Code).IsUnique();
    }
}

public class ServicePackageConfiguration : IEntityTypeConfiguration<ServicePackage>
{
    public void Configure(EntityTypeBuilder<ServicePackage> builder)
    {
        builder.ToTable("service_packages", t =>
        {
            t.HasCheckConstraint("ck_service_packages_price", "monthly_price >= 0");
            t.HasCheckConstraint("ck_service_packages_speed", "download_mbps > 0 AND upload_mbps > 0");
        });
        builder.Property(p => p.Code).HasMaxLength(ServicePackage.CodeMaxLength);
        builder.Property(p => p.Name).HasMaxLength(ServicePackage.NameMaxLength);
        builder.Property(p => p.MikrotikProfile).HasMaxLength(ServicePackage.ProfileMaxLength);
        builder.Ignore(p => p.RateLimit);
        builder.HasIndex(p => p.Code).IsUnique();
    }
}

public class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> builder)
    {
        builder.ToTable("settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Value).HasColumnType("jsonb");
    }
}

public class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Ignore(k => k.IsActive);
    }
}
