using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.OtherIncome;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Finance;

public class IncomeConfiguration : IEntityTypeConfiguration<Income>
{
    public void Configure(EntityTypeBuilder<Income> builder)
    {
        builder.ToTable("income", t => t.HasCheckConstraint("ck_income_amount", "amount > 0"));
        builder.Property(i => i.Number).HasMaxLength(Income.NumberMaxLength);
        builder.Property(i => i.Source).HasMaxLength(Income.SourceMaxLength);
        builder.Property(i => i.Description).HasMaxLength(Income.DescriptionMaxLength);
        builder.Property(i => i.Reference).HasMaxLength(Income.ReferenceMaxLength);
        builder.Property(i => i.IdempotencyKey).HasMaxLength(Income.IdempotencyKeyMaxLength);
        builder.HasOne<IncomeCategory>().WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Investment>().WithMany().HasForeignKey(i => i.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.Number).IsUnique().HasDatabaseName("ux_income_number");
        builder.HasIndex(i => i.IdempotencyKey).IsUnique().HasDatabaseName("ux_income_idempotency_key");
        builder.HasIndex(i => new { i.IncomeDate, i.CategoryId });
        builder.HasIndex(i => i.CategoryId);
        builder.HasIndex(i => i.AccountId);
        builder.HasIndex(i => i.InvestmentId);
        builder.HasIndex(i => i.RecordedById);
    }
}

public class IncomeCategoryConfiguration : IEntityTypeConfiguration<IncomeCategory>
{
    public void Configure(EntityTypeBuilder<IncomeCategory> builder)
    {
        builder.ToTable("income_categories");
        builder.Property(c => c.Code).HasMaxLength(IncomeCategory.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(IncomeCategory.NameMaxLength);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Code).IsUnique().HasDatabaseName("ux_income_categories_code");
        builder.HasIndex(c => c.AccountId);
    }
}
