using IspPortal.Core.Customers;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Finance;

public class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.ToTable("assets", t =>
        {
            t.HasEnumCheck<Asset, DepreciationMethod>("depreciation_method");
            t.HasEnumCheck<Asset, AssetStatus>("status");
            t.HasEnumCheck<Asset, DisposalKind>("disposal_kind");
            t.HasCheckConstraint("ck_assets_purchase_cost", "purchase_cost > 0");
            t.HasCheckConstraint("ck_assets_salvage_value", "salvage_value >= 0 AND salvage_value <= purchase_cost");
            t.HasCheckConstraint("ck_assets_useful_life", "useful_life_months > 0");
            t.HasCheckConstraint("ck_assets_accumulated_depreciation", "accumulated_depreciation >= 0 AND accumulated_depreciation <= purchase_cost - salvage_value");
            t.HasCheckConstraint("ck_assets_declining_rate", "depreciation_method <> 'DecliningBalance' OR declining_rate > 0 AND declining_rate <= 100");
            t.HasCheckConstraint("ck_assets_disposal", "(status = 'Disposed') = (disposed_on IS NOT NULL AND disposal_kind IS NOT NULL)");
            t.HasCheckConstraint("ck_assets_disposal_amount", "disposal_amount >= 0");
        });
        builder.Property(a => a.Code).HasMaxLength(Asset.CodeMaxLength);
        builder.Property(a => a.Name).HasMaxLength(Asset.NameMaxLength);
        builder.Property(a => a.SerialNumber).HasMaxLength(Asset.SerialNumberMaxLength);
        builder.Property(a => a.DecliningRate).HasPrecision(5, 2);
        builder.Property(a => a.DisposalReason).HasMaxLength(Asset.DisposalReasonMaxLength);
        builder.Property(a => a.Notes).HasMaxLength(Asset.NotesMaxLength);
        builder.Ignore(a => a.BookValue);
        builder.Ignore(a => a.DepreciableAmount);
        builder.Ignore(a => a.IsDisposed);
        builder.HasOne<AssetCategory>().WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(a => a.PaidFromAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(a => a.DisposalAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LocationCode>().WithMany().HasForeignKey(a => a.LocationCodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Router>().WithMany().HasForeignKey(a => a.RouterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Investment>().WithMany().HasForeignKey(a => a.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Code).IsUnique().HasDatabaseName("ux_assets_code");
        builder.HasIndex(a => a.Status);
        builder.HasIndex(a => a.CategoryId);
        builder.HasIndex(a => a.PaidFromAccountId);
        builder.HasIndex(a => a.DisposalAccountId);
        builder.HasIndex(a => a.LocationCodeId);
        builder.HasIndex(a => a.RouterId);
        builder.HasIndex(a => a.InvestmentId);
        builder.HasIndex(a => a.RecordedById);
    }
}

public class AssetCategoryConfiguration : IEntityTypeConfiguration<AssetCategory>
{
    public void Configure(EntityTypeBuilder<AssetCategory> builder)
    {
        builder.ToTable("asset_categories", t =>
        {
            t.HasEnumCheck<AssetCategory, DepreciationMethod>("default_method");
            t.HasCheckConstraint("ck_asset_categories_life", "default_useful_life_months > 0");
        });
        builder.Property(c => c.Code).HasMaxLength(AssetCategory.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(AssetCategory.NameMaxLength);
        builder.Ignore(c => c.DefaultDecliningRate);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(c => c.AssetAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(c => c.AccumulatedDepreciationAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Code).IsUnique().HasDatabaseName("ux_asset_categories_code");
        builder.HasIndex(c => c.AssetAccountId);
        builder.HasIndex(c => c.AccumulatedDepreciationAccountId);
    }
}
