using IspPortal.Core.Customers;
using IspPortal.Core.Finance;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Finance;

public class InvestmentConfiguration : IEntityTypeConfiguration<Investment>
{
    public void Configure(EntityTypeBuilder<Investment> builder)
    {
        builder.ToTable("investments", t =>
        {
            t.HasEnumCheck<Investment, InvestmentStatus>("status");
            t.HasCheckConstraint("ck_investments_planned_amount", "planned_amount >= 0");
        });
        builder.Property(i => i.Code).HasMaxLength(Investment.CodeMaxLength);
        builder.Property(i => i.Name).HasMaxLength(Investment.NameMaxLength);
        builder.Property(i => i.Description).HasMaxLength(Investment.DescriptionMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Locations).WithOne().HasForeignKey(l => l.InvestmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Routers).WithOne().HasForeignKey(r => r.InvestmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Assets).WithOne().HasForeignKey(a => a.InvestmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.Code).IsUnique().HasDatabaseName("ux_investments_code");
        builder.HasIndex(i => i.Status);
        builder.HasIndex(i => i.RecordedById);
    }
}

public class InvestmentLocationConfiguration : IEntityTypeConfiguration<InvestmentLocation>
{
    public void Configure(EntityTypeBuilder<InvestmentLocation> builder)
    {
        builder.ToTable("investment_locations");
        builder.HasKey(l => new { l.InvestmentId, l.LocationCodeId });
        builder.HasOne<LocationCode>().WithMany().HasForeignKey(l => l.LocationCodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.LocationCodeId);
    }
}

public class InvestmentRouterConfiguration : IEntityTypeConfiguration<InvestmentRouter>
{
    public void Configure(EntityTypeBuilder<InvestmentRouter> builder)
    {
        builder.ToTable("investment_routers");
        builder.HasKey(r => new { r.InvestmentId, r.RouterId });
        builder.HasOne<Router>().WithMany().HasForeignKey(r => r.RouterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.RouterId);
    }
}

public class InvestmentAssetConfiguration : IEntityTypeConfiguration<InvestmentAsset>
{
    public void Configure(EntityTypeBuilder<InvestmentAsset> builder)
    {
        builder.ToTable("investment_assets");
        builder.HasKey(a => new { a.InvestmentId, a.AssetId });
        builder.HasOne<Asset>().WithMany().HasForeignKey(a => a.AssetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.AssetId);
    }
}
