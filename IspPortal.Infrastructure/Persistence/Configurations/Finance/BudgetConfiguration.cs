using IspPortal.Core.Finance.Budgets;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Finance;

public class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> builder)
    {
        builder.ToTable("budgets", t =>
        {
            t.HasCheckConstraint("ck_budgets_amount", "amount >= 0");
            t.HasCheckConstraint("ck_budgets_month", "extract(day FROM month) = 1");
        });
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(b => b.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.AccountId, b.Month }).IsUnique().HasDatabaseName("ux_budgets_account_month");
        builder.HasIndex(b => b.Month);
    }
}
