using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Finance;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IspPortal.Core.Common;

/// <summary>
/// The portal's data as Core use cases see it: EF Core's query and change-tracking API, without
/// the provider, migrations or PostgreSQL specifics (those stay in Infrastructure).
/// </summary>
public interface IIspDb : IDisposable, IAsyncDisposable
{
    DbSet<PortalUser> Users { get; }
    DbSet<PortalRole> Roles { get; }
    DbSet<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>> UserRoles { get; }
    DbSet<LocationCode> LocationCodes { get; }
    DbSet<ServicePackage> ServicePackages { get; }
    DbSet<Setting> Settings { get; }
    DbSet<AuditLog> AuditLogs { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<Identity.SignIn.SignInAttempt> SignInAttempts { get; }

    DbSet<SelfService.SignInCode> SignInCodes { get; }
    DbSet<SelfService.SelfServiceSession> SelfServiceSessions { get; }
    DbSet<SelfService.SelfServiceAttempt> SelfServiceAttempts { get; }
    DbSet<SelfService.SelfServiceActivity> SelfServiceActivities { get; }

    DbSet<Customer> Customers { get; }
    DbSet<CustomerRegistration> CustomerRegistrations { get; }
    DbSet<CustomerLocationHistory> CustomerLocationHistory { get; }
    DbSet<CustomerStatusLog> CustomerStatusLogs { get; }

    DbSet<Router> Routers { get; }
    DbSet<RouterPool> RouterPools { get; }
    DbSet<RouterPoolMember> RouterPoolMembers { get; }
    DbSet<PppoeSecret> PppoeSecrets { get; }
    DbSet<RouterLog> RouterLogs { get; }
    DbSet<RouterHealthSample> RouterHealthSamples { get; }
    DbSet<Network.Health.RouterHealthFiveMinutes> RouterHealthFiveMinutes { get; }
    DbSet<Network.Health.RouterHealthHourly> RouterHealthHourly { get; }
    DbSet<NetworkAlert> NetworkAlerts { get; }

    DbSet<Invoice> Invoices { get; }
    DbSet<InvoiceLine> InvoiceLines { get; }
    DbSet<Payment> Payments { get; }
    DbSet<PaymentAllocation> PaymentAllocations { get; }
    DbSet<Billing.Documents.DocumentSequence> DocumentSequences { get; }
    DbSet<Billing.InvoiceRuns.BillingRun> BillingRuns { get; }
    DbSet<CreditNote> CreditNotes { get; }
    DbSet<BillingCharge> BillingCharges { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<NotificationLog> NotificationLogs { get; }
    DbSet<WhatsAppMessage> WhatsAppMessages { get; }
    DbSet<Notifications.Templates.NotificationTemplate> NotificationTemplates { get; }

    DbSet<Ticket> Tickets { get; }
    DbSet<TicketCategory> TicketCategories { get; }
    DbSet<TicketComment> TicketComments { get; }
    DbSet<TicketActivity> TicketActivities { get; }
    DbSet<TicketEscalation> TicketEscalations { get; }
    DbSet<Tickets.Chat.TicketRead> TicketReads { get; }

    DbSet<Expense> Expenses { get; }
    DbSet<Income> Income { get; }
    DbSet<Finance.Expenses.ExpenseCategory> ExpenseCategories { get; }
    DbSet<Finance.Expenses.RecurringExpense> RecurringExpenses { get; }
    DbSet<Finance.OtherIncome.IncomeCategory> IncomeCategories { get; }
    DbSet<Asset> Assets { get; }
    DbSet<Finance.Assets.AssetCategory> AssetCategories { get; }
    DbSet<Investment> Investments { get; }
    DbSet<InvestmentLocation> InvestmentLocations { get; }
    DbSet<InvestmentRouter> InvestmentRouters { get; }
    DbSet<InvestmentAsset> InvestmentAssets { get; }
    DbSet<Finance.Capital.CapitalInjection> CapitalInjections { get; }
    DbSet<Finance.Ledger.LedgerAccount> LedgerAccounts { get; }
    DbSet<Finance.Ledger.JournalEntry> JournalEntries { get; }
    DbSet<Finance.Ledger.JournalLine> JournalLines { get; }
    DbSet<Finance.Ledger.LedgerMonthTotal> LedgerMonthTotals { get; }

    DbSet<Finance.Ledger.LedgerCashMonthTotal> LedgerCashMonthTotals { get; }

    DbSet<Finance.Ledger.LedgerSegmentMonthTotal> LedgerSegmentMonthTotals { get; }
    DbSet<Finance.Ledger.LedgerPeriod> LedgerPeriods { get; }
    DbSet<Finance.Budgets.Budget> Budgets { get; }
    DbSet<Finance.Periods.LedgerPeriodReopening> LedgerPeriodReopenings { get; }
    DbSet<Finance.Journals.ManualJournal> ManualJournals { get; }

    DbSet<Backups.BackupRun> BackupRuns { get; }

    DbSet<Reports.Saved.SavedReport> SavedReports { get; }

    DbSet<Reports.Receivables.BilledMonthTotal> BilledMonthTotals { get; }

    DbSet<Reports.Receivables.AllocationQuarterTotal> AllocationQuarterTotals { get; }

    DbSet<Reports.Revenue.CustomerMonthRevenue> CustomerMonthRevenues { get; }
    DbSet<Reports.Saved.ReportSchedule> ReportSchedules { get; }
    DbSet<Reports.Saved.ReportDelivery> ReportDeliveries { get; }

    /// <summary>Transactions (and, through <see cref="IDatabaseLocks"/>, locks) for use cases whose steps must land together.</summary>
    DatabaseFacade Database { get; }

    /// <summary>What a save is about to write (<see cref="SaveGuard"/> checks its text first).</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// <summary>One short-lived context per operation (Blazor Server guidance for EF Core).</summary>
public interface IIspDbFactory
{
    Task<IIspDb> CreateAsync(CancellationToken cancellationToken = default);
}
