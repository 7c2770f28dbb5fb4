using IspPortal.Core.Customers;
using IspPortal.Core.Finance.Journals;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Finance;

public class LedgerPeriodReopeningConfiguration : IEntityTypeConfiguration<LedgerPeriodReopening>
{
    public void Configure(EntityTypeBuilder<LedgerPeriodReopening> builder)
    {
        builder.ToTable("ledger_period_reopenings", t => t.HasCheckConstraint("ck_ledger_period_reopenings_month", "extract(day FROM month) = 1"));
        builder.Property(r => r.Reason).HasMaxLength(LedgerPeriod.ReasonMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ClosedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ReopenedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.Month);
        builder.HasIndex(r => r.ClosedById);
        builder.HasIndex(r => r.ReopenedById);
    }
}

public class ManualJournalConfiguration : IEntityTypeConfiguration<ManualJournal>
{
    public void Configure(EntityTypeBuilder<ManualJournal> builder)
    {
        builder.ToTable("manual_journals", t =>
        {
            t.HasEnumCheck<ManualJournal, ManualJournalStatus>("status");
            t.HasCheckConstraint("ck_manual_journals_total", "total > 0");
            t.HasCheckConstraint("ck_manual_journals_posted", "(status = 'Posted') = (entry_id IS NOT NULL)");
            t.HasCheckConstraint("ck_manual_journals_rejected", "(status = 'Rejected') = (rejection_reason IS NOT NULL)");
        });
        builder.Property(j => j.Number).HasMaxLength(ManualJournal.NumberMaxLength);
        builder.Property(j => j.Memo).HasMaxLength(ManualJournal.MemoMaxLength);
        builder.Property(j => j.RejectionReason).HasMaxLength(ManualJournal.RejectionReasonMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(j => j.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(j => j.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JournalEntry>().WithMany().HasForeignKey(j => j.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(j => j.Lines).WithOne().HasForeignKey(l => l.ManualJournalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => j.Number).IsUnique().HasDatabaseName("ux_manual_journals_number");
        builder.HasIndex(j => j.EntryId).IsUnique().HasDatabaseName("ux_manual_journals_entry").HasFilter("entry_id IS NOT NULL");
        builder.HasIndex(j => j.Status).HasFilter("status = 'Pending'");
        builder.HasIndex(j => j.RequestedById);
        builder.HasIndex(j => j.DecidedById);
    }
}

public class ManualJournalLineConfiguration : IEntityTypeConfiguration<ManualJournalLine>
{
    public void Configure(EntityTypeBuilder<ManualJournalLine> builder)
    {
        builder.ToTable("manual_journal_lines", t =>
            t.HasCheckConstraint("ck_manual_journal_lines_side", "debit >= 0 AND credit >= 0 AND (debit = 0) <> (credit = 0)"));
        builder.HasOne(l => l.Account).WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LocationCode>().WithMany().HasForeignKey(l => l.LocationCodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Router>().WithMany().HasForeignKey(l => l.RouterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.ManualJournalId, l.Position }).IsUnique().HasDatabaseName("ux_manual_journal_lines_position");
        builder.HasIndex(l => l.AccountId);
        builder.HasIndex(l => l.CustomerId).HasFilter("customer_id IS NOT NULL");
        builder.HasIndex(l => l.LocationCodeId).HasFilter("location_code_id IS NOT NULL");
        builder.HasIndex(l => l.RouterId).HasFilter("router_id IS NOT NULL");
    }
}
