using IspPortal.Core.Billing;
using IspPortal.Core.Reports.Receivables;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Reports;

public class BilledMonthTotalConfiguration : IEntityTypeConfiguration<BilledMonthTotal>
{
    public void Configure(EntityTypeBuilder<BilledMonthTotal> builder)
    {
        builder.ToTable("billed_month_totals", t => t.HasCheckConstraint("ck_billed_month_totals_month", "extract(day FROM month) = 1"));
        builder.HasIndex(t => t.Month).IncludeProperties(t => t.Amount);
    }
}

public class AllocationQuarterTotalConfiguration : IEntityTypeConfiguration<AllocationQuarterTotal>
{
    public void Configure(EntityTypeBuilder<AllocationQuarterTotal> builder)
    {
        builder.ToTable("allocation_quarter_totals", t =>
        {
            t.HasEnumCheck<AllocationQuarterTotal, PaymentMethod>("method");
            t.HasCheckConstraint("ck_allocation_quarter_totals_quarter", "extract(epoch FROM quarter)::bigint % 900 = 0");
        });
        // The collection report reads the quarters of its days: index-only, figures included.
        builder.HasIndex(t => new { t.Quarter, t.Method }).IncludeProperties(t => new { t.Amount, t.Count, t.IssueDays });
    }
}
