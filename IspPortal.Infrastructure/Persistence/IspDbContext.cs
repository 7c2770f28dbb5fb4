using System.Reflection;
using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Finance;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Persistence;

// Migrations: dotnet ef migrations add <Name> -p IspPortal.Infrastructure -s IspPortal.Web -o Persistence/Migrations
public class IspDbContext(DbContextOptions<IspDbContext> options)
    : IdentityDbContext<PortalUser, PortalRole, Guid>(options), IIspDb, IDataProtectionKeyContext
{
    public DbSet<LocationCode> LocationCodes => Set<LocationCode>();
    public DbSet<ServicePackage> ServicePackages => Set<ServicePackage>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Core.Identity.SignIn.SignInAttempt> SignInAttempts => Set<Core.Identity.SignIn.SignInAttempt>();
    public DbSet<Core.SelfService.SignInCode> SignInCodes => Set<Core.SelfService.SignInCode>();
    public DbSet<Core.SelfService.SelfServiceSession> SelfServiceSessions => Set<Core.SelfService.SelfServiceSession>();
    public DbSet<Core.SelfService.SelfServiceAttempt> SelfServiceAttempts => Set<Core.SelfService.SelfServiceAttempt>();
    public DbSet<Core.SelfService.SelfServiceActivity> SelfServiceActivities => Set<Core.SelfService.SelfServiceActivity>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerRegistration> CustomerRegistrations => Set<CustomerRegistration>();
    public DbSet<CustomerLocationHistory> CustomerLocationHistory => Set<CustomerLocationHistory>();
    public DbSet<CustomerStatusLog> CustomerStatusLogs => Set<CustomerStatusLog>();

    public DbSet<Router> Routers => Set<Router>();
    public DbSet<RouterPool> RouterPools => Set<RouterPool>();
    public DbSet<RouterPoolMember> RouterPoolMembers => Set<RouterPoolMember>();
    public DbSet<PppoeSecret> PppoeSecrets => Set<PppoeSecret>();
    public DbSet<RouterLog> RouterLogs => Set<RouterLog>();
    public DbSet<RouterHealthSample> RouterHealthSamples => Set<RouterHealthSample>();
    public DbSet<Core.Network.Health.RouterHealthFiveMinutes> RouterHealthFiveMinutes => Set<Core.Network.Health.RouterHealthFiveMinutes>();
    public DbSet<Core.Network.Health.RouterHealthHourly> RouterHealthHourly => Set<Core.Network.Health.RouterHealthHourly>();
    public DbSet<NetworkAlert> NetworkAlerts => Set<NetworkAlert>();

    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentAllocation> PaymentAllocations => Set<PaymentAllocation>();
    public DbSet<Core.Billing.Documents.DocumentSequence> DocumentSequences => Set<Core.Billing.Documents.DocumentSequence>();
    public DbSet<Core.Billing.InvoiceRuns.BillingRun> BillingRuns => Set<Core.Billing.InvoiceRuns.BillingRun>();

    public DbSet<Core.Backups.BackupRun> BackupRuns => Set<Core.Backups.BackupRun>();
    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();
    public DbSet<BillingCharge> BillingCharges => Set<BillingCharge>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<NotificationLog> NotificationLogs => Set<NotificationLog>();
    public DbSet<WhatsAppMessage> WhatsAppMessages => Set<WhatsAppMessage>();
    public DbSet<IspPortal.Core.Notifications.Templates.NotificationTemplate> NotificationTemplates => Set<IspPortal.Core.Notifications.Templates.NotificationTemplate>();

    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketCategory> TicketCategories => Set<TicketCategory>();
    public DbSet<TicketComment> TicketComments => Set<TicketComment>();
    public DbSet<TicketActivity> TicketActivities => Set<TicketActivity>();
    public DbSet<TicketEscalation> TicketEscalations => Set<TicketEscalation>();
    public DbSet<Core.Tickets.Chat.TicketRead> TicketReads => Set<Core.Tickets.Chat.TicketRead>();

    public DbSet<Expense> Expenses => Set<Expense>();
    public DbSet<Income> Income => Set<Income>();
    public DbSet<Core.Finance.Expenses.ExpenseCategory> ExpenseCategories => Set<Core.Finance.Expenses.ExpenseCategory>();

    public DbSet<Core.Finance.Expenses.RecurringExpense> RecurringExpenses => Set<Core.Finance.Expenses.RecurringExpense>();
    public DbSet<Core.Finance.OtherIncome.IncomeCategory> IncomeCategories => Set<Core.Finance.OtherIncome.IncomeCategory>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<Core.Finance.Assets.AssetCategory> AssetCategories => Set<Core.Finance.Assets.AssetCategory>();
    public DbSet<Investment> Investments => Set<Investment>();
    public DbSet<InvestmentLocation> InvestmentLocations => Set<InvestmentLocation>();
    public DbSet<InvestmentRouter> InvestmentRouters => Set<InvestmentRouter>();
    public DbSet<InvestmentAsset> InvestmentAssets => Set<InvestmentAsset>();
    public DbSet<Core.Finance.Capital.CapitalInjection> CapitalInjections => Set<Core.Finance.Capital.CapitalInjection>();
    public DbSet<Core.Finance.Ledger.LedgerAccount> LedgerAccounts => Set<Core.Finance.Ledger.LedgerAccount>();
    public DbSet<Core.Finance.Ledger.JournalEntry> JournalEntries => Set<Core.Finance.Ledger.JournalEntry>();
    public DbSet<Core.Finance.Ledger.JournalLine> JournalLines => Set<Core.Finance.Ledger.JournalLine>();
    public DbSet<Core.Finance.Ledger.LedgerMonthTotal> LedgerMonthTotals => Set<Core.Finance.Ledger.LedgerMonthTotal>();

    public DbSet<Core.Finance.Ledger.LedgerCashMonthTotal> LedgerCashMonthTotals => Set<Core.Finance.Ledger.LedgerCashMonthTotal>();

    public DbSet<Core.Finance.Ledger.LedgerSegmentMonthTotal> LedgerSegmentMonthTotals => Set<Core.Finance.Ledger.LedgerSegmentMonthTotal>();
    public DbSet<Core.Finance.Ledger.LedgerPeriod> LedgerPeriods => Set<Core.Finance.Ledger.LedgerPeriod>();
    public DbSet<Core.Finance.Budgets.Budget> Budgets => Set<Core.Finance.Budgets.Budget>();
    public DbSet<Core.Finance.Periods.LedgerPeriodReopening> LedgerPeriodReopenings => Set<Core.Finance.Periods.LedgerPeriodReopening>();
    public DbSet<Core.Finance.Journals.ManualJournal> ManualJournals => Set<Core.Finance.Journals.ManualJournal>();

    public DbSet<Core.Reports.Saved.SavedReport> SavedReports => Set<Core.Reports.Saved.SavedReport>();

    public DbSet<Core.Reports.Receivables.BilledMonthTotal> BilledMonthTotals => Set<Core.Reports.Receivables.BilledMonthTotal>();

    public DbSet<Core.Reports.Receivables.AllocationQuarterTotal> AllocationQuarterTotals => Set<Core.Reports.Receivables.AllocationQuarterTotal>();

    public DbSet<Core.Reports.Revenue.CustomerMonthRevenue> CustomerMonthRevenues => Set<Core.Reports.Revenue.CustomerMonthRevenue>();
    public DbSet<Core.Reports.Saved.ReportSchedule> ReportSchedules => Set<Core.Reports.Saved.ReportSchedule>();
    public DbSet<Core.Reports.Saved.ReportDelivery> ReportDeliveries => Set<Core.Reports.Saved.ReportDelivery>();
    public DbSet<Core.Reports.Network.UptimeDay> UptimeDays => Set<Core.Reports.Network.UptimeDay>();
    public DbSet<Core.Reports.Network.UptimeDirtySpan> UptimeDirtySpans => Set<Core.Reports.Network.UptimeDirtySpan>();
    public DbSet<Core.Reports.Network.UptimeCustomerDay> UptimeCustomerDays => Set<Core.Reports.Network.UptimeCustomerDay>();
    public DbSet<Core.Reports.Network.UptimeCustomerMonth> UptimeCustomerMonths => Set<Core.Reports.Network.UptimeCustomerMonth>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Trigram indexes for the customer search (a trusted extension: the database owner may create it).
        builder.HasPostgresExtension("pg_trgm");

        builder.Entity<PortalUser>().ToTable("users");
        builder.Entity<PortalRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        builder.ApplyConfigurationsFromAssembly(typeof(IspDbContext).Assembly);

        MarkAuditing(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is rupiah with two decimals everywhere; never double.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <summary>
    /// Turns [Sensitive]/[NotAudited] on Core types into model annotations the audit interceptor
    /// reads, and adds the framework's own secrets and noise, which carry no attributes.
    /// </summary>
    private static void MarkAuditing(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (entityType.ClrType.GetCustomAttribute<NotAuditedAttribute>() is not null)
            {
                entityType.SetAnnotation(ModelBuilderExtensions.NotAuditedAnnotation, true);
            }
            foreach (var property in entityType.GetProperties())
            {
                if (property.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>() is not null)
                {
                    property.SetAnnotation(ModelBuilderExtensions.SensitiveAnnotation, true);
                }
                if (property.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is not null)
                {
                    property.SetAnnotation(ModelBuilderExtensions.NotAuditedAnnotation, true);
                }
            }
        }

        // The audit log does not audit itself; tokens, claims and keys are secrets or framework plumbing.
        foreach (var type in new[] { typeof(AuditLog), typeof(DataProtectionKey), typeof(IdentityUserToken<Guid>), typeof(IdentityUserClaim<Guid>), typeof(IdentityRoleClaim<Guid>), typeof(IdentityUserLogin<Guid>) })
        {
            builder.Entity(type).HasAnnotation(ModelBuilderExtensions.NotAuditedAnnotation, true);
        }
        builder.Entity<DataProtectionKey>().Property(k => k.Xml).IsSensitive();
        builder.Entity<PortalUser>(user =>
        {
            user.Property(u => u.PasswordHash).IsSensitive();
            user.Property(u => u.SecurityStamp).IsSensitive();
            // Changes on every sign-in and every profile save; it is not information.
            user.Property(u => u.ConcurrencyStamp).HasAnnotation(ModelBuilderExtensions.NotAuditedAnnotation, true);
            // Sign-in bookkeeping (written by every sign-in attempt, before anyone is signed in).
            user.Property(u => u.LastSignInAt).HasAnnotation(ModelBuilderExtensions.NotAuditedAnnotation, true);
            user.Property(u => u.AccessFailedCount).HasAnnotation(ModelBuilderExtensions.NotAuditedAnnotation, true);
        });
        builder.Entity<PortalRole>().Property(r => r.ConcurrencyStamp).HasAnnotation(ModelBuilderExtensions.NotAuditedAnnotation, true);
        builder.Entity<ApiKey>().Property(k => k.KeyHash).IsSensitive();
    }
}
