using IspPortal.Core.Billing.InvoiceRuns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Billing;

public class BillingRunConfiguration : IEntityTypeConfiguration<BillingRun>
{
    public void Configure(EntityTypeBuilder<BillingRun> builder)
    {
        builder.ToTable("billing_runs", t =>
        {
            t.HasEnumCheck<BillingRun, BillingRunKind>("kind");
            t.HasEnumCheck<BillingRun, BillingRunTrigger>("trigger");
            t.HasEnumCheck<BillingRun, BillingRunStatus>("status");
            t.HasCheckConstraint("ck_billing_runs_counts", "created >= 0 AND skipped >= 0 AND failed >= 0");
        });
        builder.Property(r => r.StartedBy).HasMaxLength(BillingRun.StartedByMaxLength);
        builder.Property(r => r.Error).HasMaxLength(BillingRun.ErrorMaxLength);
        builder.HasIndex(r => new { r.Kind, r.StartedAt });
    }
}
