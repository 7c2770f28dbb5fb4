using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Saved;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Reports;

public class SavedReportConfiguration : IEntityTypeConfiguration<SavedReport>
{
    public void Configure(EntityTypeBuilder<SavedReport> builder)
    {
        builder.ToTable("saved_reports", t =>
            t.HasCheckConstraint("ck_saved_reports_name", $"char_length(btrim(name)) BETWEEN 1 AND {SavedReport.NameMaxLength}"));
        builder.Property(r => r.Name).HasMaxLength(SavedReport.NameMaxLength);
        builder.Property(r => r.ReportKey).HasMaxLength(SavedReport.ReportKeyMaxLength);
        builder.Property(r => r.Parameters).HasMaxLength(ReportParameters.QueryMaxLength);
        builder.Ignore(r => r.Filters);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.OwnerId, r.Name }).IsUnique().HasDatabaseName("ux_saved_reports_owner_name");
    }
}

public class ReportScheduleConfiguration : IEntityTypeConfiguration<ReportSchedule>
{
    public void Configure(EntityTypeBuilder<ReportSchedule> builder)
    {
        builder.ToTable("report_schedules", t =>
        {
            t.HasCheckConstraint("ck_report_schedules_day",
                $"(frequency = 'Monthly' AND day BETWEEN 1 AND {ReportSchedule.LastMonthDay}) OR (frequency = 'Weekly' AND day BETWEEN 0 AND 6)");
            t.HasCheckConstraint("ck_report_schedules_hour", "hour BETWEEN 0 AND 23");
            t.HasCheckConstraint("ck_report_schedules_format", "format IN ('Pdf', 'Xlsx')");
            t.HasCheckConstraint("ck_report_schedules_recipients", $"cardinality(recipient_ids) BETWEEN 1 AND {ReportSchedule.MaxRecipients}");
        });
        builder.HasOne<SavedReport>().WithMany().HasForeignKey(s => s.SavedReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.SavedReportId);
        builder.HasIndex(s => s.NextDueAt).HasFilter("is_active");
    }
}

public class ReportDeliveryConfiguration : IEntityTypeConfiguration<ReportDelivery>
{
    public void Configure(EntityTypeBuilder<ReportDelivery> builder)
    {
        builder.ToTable("report_deliveries");
        builder.Property(d => d.Message).HasMaxLength(ReportDelivery.MessageMaxLength);
        builder.HasOne<ReportSchedule>().WithMany().HasForeignKey(d => d.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        // One sending per occurrence: the job's claim is an insert that does nothing on this conflict.
        builder.HasIndex(d => new { d.ScheduleId, d.DueAt }).IsUnique().HasDatabaseName("ux_report_deliveries_schedule_due");
    }
}
