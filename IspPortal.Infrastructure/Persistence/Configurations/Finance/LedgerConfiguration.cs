using IspPortal.Core.Customers;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Finance;

public class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> builder)
    {
        builder.ToTable("ledger_accounts", t =>
        {
            t.HasEnumCheck<LedgerAccount, AccountType>("type");
            t.HasEnumCheck<LedgerAccount, AccountKind>("kind");
            t.HasCheckConstraint("ck_ledger_accounts_code", "code ~ '^[0-9]-[0-9]{4}$'");
            // Only asset accounts hold money that can be paid from.
            t.HasCheckConstraint("ck_ledger_accounts_kind", "kind = 'General' OR type = 'Asset'");
        });
        builder.Property(a => a.Code).HasMaxLength(LedgerAccount.CodeMaxLength);
        builder.Property(a => a.Name).HasMaxLength(LedgerAccount.NameMaxLength);
        builder.Property(a => a.Role).HasMaxLength(LedgerAccount.RoleMaxLength);
        builder.Ignore(a => a.IsDebitNormal);
        builder.Ignore(a => a.IsProfitAndLoss);
        builder.HasIndex(a => a.Code).IsUnique().HasDatabaseName("ux_ledger_accounts_code");
        builder.HasIndex(a => a.Role).IsUnique().HasDatabaseName("ux_ledger_accounts_role").HasFilter("role IS NOT NULL");
    }
}

public class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("journal_entries", t => t.HasEnumCheck<JournalEntry, JournalSource>("source_type"));
        builder.Property(e => e.SourceKey).HasMaxLength(JournalEntry.SourceKeyMaxLength);
        builder.Property(e => e.SourceNumber).HasMaxLength(JournalEntry.SourceNumberMaxLength);
        builder.Property(e => e.Memo).HasMaxLength(JournalEntry.MemoMaxLength);
        builder.Ignore(e => e.Number);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Lines).WithOne(l => l.Entry).HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.SourceType, e.SourceKey }).IsUnique().HasDatabaseName("ux_journal_entries_source");
        builder.HasIndex(e => new { e.EntryDate, e.Id });
        builder.HasIndex(e => e.SourceNumber);
        builder.HasIndex(e => e.CreatedById);
    }
}

public class JournalLineConfiguration : IEntityTypeConfiguration<JournalLine>
{
    public void Configure(EntityTypeBuilder<JournalLine> builder)
    {
        builder.ToTable("journal_lines", t =>
        {
            t.HasCheckConstraint("ck_journal_lines_side", "debit >= 0 AND credit >= 0 AND (debit = 0) <> (credit = 0)");
        });
        builder.Property(l => l.Memo).HasMaxLength(JournalLine.MemoMaxLength);
        builder.HasOne(l => l.Account).WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LocationCode>().WithMany().HasForeignKey(l => l.LocationCodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Router>().WithMany().HasForeignKey(l => l.RouterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.EntryId, l.Position }).IsUnique().HasDatabaseName("ux_journal_lines_entry_position");
        // The account ledger (running balance) and balances at a date read by account, then date;
        // the amounts ride along so the sums are index-only scans (the ledger benchmark measures it).
        builder.HasIndex(l => new { l.AccountId, l.EntryDate, l.EntryId }).HasDatabaseName("ix_journal_lines_account_date")
            .IncludeProperties(l => new { l.Debit, l.Credit });
        // Every account's lines of a partial month (a trial balance in mid-month) by date alone.
        builder.HasIndex(l => l.EntryDate).HasDatabaseName("ix_journal_lines_entry_date")
            .IncludeProperties(l => new { l.AccountId, l.Debit, l.Credit });
        builder.HasIndex(l => l.CustomerId).HasFilter("customer_id IS NOT NULL");
        // A segment's P&L and ledger (a location or a router over some days) read its lines by dimension, then date, index-only.
        builder.HasIndex(l => new { l.LocationCodeId, l.EntryDate }).HasDatabaseName("ix_journal_lines_location_date").HasFilter("location_code_id IS NOT NULL")
            .IncludeProperties(l => new { l.AccountId, l.Debit, l.Credit });
        builder.HasIndex(l => new { l.RouterId, l.EntryDate }).HasDatabaseName("ix_journal_lines_router_date").HasFilter("router_id IS NOT NULL")
            .IncludeProperties(l => new { l.AccountId, l.Debit, l.Credit });
    }
}

public class LedgerMonthTotalConfiguration : IEntityTypeConfiguration<LedgerMonthTotal>
{
    public void Configure(EntityTypeBuilder<LedgerMonthTotal> builder)
    {
        builder.ToTable("ledger_month_totals", t => t.HasCheckConstraint("ck_ledger_month_totals_month", "extract(day FROM month) = 1"));
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
        // Balances read an account's months before a date: index-only, amounts included.
        builder.HasIndex(t => new { t.AccountId, t.Month }).HasDatabaseName("ix_ledger_month_totals_account_month")
            .IncludeProperties(t => new { t.Debit, t.Credit });
        builder.HasIndex(t => t.Month);
    }
}

public class LedgerSegmentMonthTotalConfiguration : IEntityTypeConfiguration<LedgerSegmentMonthTotal>
{
    public void Configure(EntityTypeBuilder<LedgerSegmentMonthTotal> builder)
    {
        builder.ToTable("ledger_segment_month_totals", t =>
        {
            t.HasCheckConstraint("ck_ledger_segment_month_totals_month", "extract(day FROM month) = 1");
            t.HasCheckConstraint("ck_ledger_segment_month_totals_dimension", "dimension IN ('Location', 'Router')");
        });
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
        // A segment's P&L reads every account's months of one location or router: index-only, amounts included.
        builder.HasIndex(t => new { t.Dimension, t.DimensionId, t.Month, t.AccountId }).HasDatabaseName("ix_ledger_segment_month_totals_segment_month")
            .IncludeProperties(t => new { t.Debit, t.Credit });
        builder.HasIndex(t => t.AccountId);
    }
}

public class LedgerCashMonthTotalConfiguration : IEntityTypeConfiguration<LedgerCashMonthTotal>
{
    public void Configure(EntityTypeBuilder<LedgerCashMonthTotal> builder)
    {
        builder.ToTable("ledger_cash_month_totals", t => t.HasCheckConstraint("ck_ledger_cash_month_totals_month", "extract(day FROM month) = 1"));
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
        // A cash flow reads every account's months of its range: index-only, amounts included.
        builder.HasIndex(t => new { t.Month, t.AccountId }).HasDatabaseName("ix_ledger_cash_month_totals_month_account")
            .IncludeProperties(t => new { t.Debit, t.Credit });
        builder.HasIndex(t => t.AccountId);
    }
}

public class LedgerPeriodConfiguration : IEntityTypeConfiguration<LedgerPeriod>
{
    public void Configure(EntityTypeBuilder<LedgerPeriod> builder)
    {
        builder.ToTable("ledger_periods", t => t.HasCheckConstraint("ck_ledger_periods_month", "extract(day FROM month) = 1"));
        builder.HasKey(p => p.Month);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.ClosedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ClosedById);
    }
}
