using IspPortal.Core.Reports.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Reports;

public class UptimeDayConfiguration : IEntityTypeConfiguration<UptimeDay>
{
    public void Configure(EntityTypeBuilder<UptimeDay> builder)
    {
        builder.ToTable("uptime_days");
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Zone).HasMaxLength(64);
        builder.Property(d => d.ActiveSeconds).HasPrecision(20, 6);
        builder.Property(d => d.LostSeconds).HasPrecision(20, 6);
    }
}

public class UptimeDirtySpanConfiguration : IEntityTypeConfiguration<UptimeDirtySpan>
{
    public void Configure(EntityTypeBuilder<UptimeDirtySpan> builder)
    {
        // From/To null: unbounded. The database's triggers append; the uptime job deletes.
        builder.ToTable("uptime_dirty_spans");
    }
}

public class UptimeCustomerDayConfiguration : IEntityTypeConfiguration<UptimeCustomerDay>
{
    public void Configure(EntityTypeBuilder<UptimeCustomerDay> builder)
    {
        builder.ToTable("uptime_customer_days");
        builder.HasKey(d => new { d.Day, d.CustomerId });
        // Covering: the reports read a day's rows from the index alone, however the job's rewrites scattered them in the table.
        builder.HasIndex(d => new { d.Day, d.CustomerId }, "ix_uptime_customer_days_covering").IncludeProperties(d => new { d.ActiveSeconds, d.LostSeconds });
        // Exact seconds (moments carry microseconds): the stored days add up to exactly what the report counts live.
        builder.Property(d => d.ActiveSeconds).HasPrecision(20, 6);
        builder.Property(d => d.LostSeconds).HasPrecision(20, 6);
    }
}

public class UptimeCustomerMonthConfiguration : IEntityTypeConfiguration<UptimeCustomerMonth>
{
    public void Configure(EntityTypeBuilder<UptimeCustomerMonth> builder)
    {
        builder.ToTable("uptime_customer_months", t => t.HasCheckConstraint("ck_uptime_customer_months_month", "extract(day FROM month) = 1"));
        builder.HasKey(m => new { m.Month, m.CustomerId });
        builder.HasIndex(m => new { m.Month, m.CustomerId }, "ix_uptime_customer_months_covering")
            .IncludeProperties(m => new { m.PlainDays, m.ActiveSeconds, m.LostSeconds, m.CumActiveSeconds, m.CumLostSeconds });
        builder.Property(m => m.ActiveSeconds).HasPrecision(20, 6);
        builder.Property(m => m.LostSeconds).HasPrecision(20, 6);
        builder.Property(m => m.CumActiveSeconds).HasPrecision(20, 6);
        builder.Property(m => m.CumLostSeconds).HasPrecision(20, 6);
    }
}
