using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Reports.Revenue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Reports;

public class CustomerMonthRevenueConfiguration : IEntityTypeConfiguration<CustomerMonthRevenue>
{
    public void Configure(EntityTypeBuilder<CustomerMonthRevenue> builder)
    {
        builder.ToTable("customer_month_revenues", t => t.HasCheckConstraint("ck_customer_month_revenues_month", "extract(day FROM month) = 1"));
        builder.HasKey(r => new { r.CustomerId, r.Month });
        builder.Property(r => r.Subscription).HasPrecision(18, 2);
        builder.Property(r => r.Discount).HasPrecision(18, 2);
        builder.Property(r => r.Mrr).HasPrecision(18, 2).HasComputedColumnSql("GREATEST(subscription - discount, 0)", stored: true);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ServicePackage>().WithMany().HasForeignKey(r => r.PackageId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.PreviousMrr).HasPrecision(18, 2);
        // The reports read (index-only) a month's paying customers, the rows whose MRR changed from the month before, and probe a
        // customer's earlier paying months.
        builder.HasIndex(r => new { r.Month, r.CustomerId }, "ix_customer_month_revenues_paying")
            .IncludeProperties(r => new { r.Mrr, r.PackageId }).HasFilter("mrr > 0").HasDatabaseName("ix_customer_month_revenues_paying");
        builder.HasIndex(r => new { r.Month, r.CustomerId }, "ix_customer_month_revenues_moving")
            .IncludeProperties(r => new { r.Mrr, r.PreviousMrr }).HasFilter("mrr <> previous_mrr").HasDatabaseName("ix_customer_month_revenues_moving");
        builder.HasIndex(r => new { r.CustomerId, r.Month }, "ix_customer_month_revenues_customer_paying").HasFilter("mrr > 0")
            .HasDatabaseName("ix_customer_month_revenues_customer_paying");
        builder.HasIndex(r => r.PackageId);
    }
}
