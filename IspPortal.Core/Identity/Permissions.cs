namespace IspPortal.Core.Identity;

/// <summary>
/// Named permission policies, one per area and kind of access, and the one place where they are
/// granted to roles. Pages and endpoints name a permission, never a role.
/// </summary>
public static class Permissions
{
    public const string DashboardRead = "dashboard.read";
    public const string CustomersRead = "customers.read";
    public const string CustomersWrite = "customers.write";
    /// <summary>Installation work orders: see them and report a CPE installed.</summary>
    public const string InstallationsWork = "installations.work";
    public const string BillingRead = "billing.read";
    public const string BillingWrite = "billing.write";
    /// <summary>
    /// Record money received: cash at the counter (confirmed at once, receipt printed) and transfers
    /// with their proof (pending until someone with <see cref="BillingWrite"/> confirms them).
    /// Customer service takes cash at the counter, so Staff records; only Finance and Admin decide on transfers.
    /// </summary>
    public const string BillingRecord = "billing.record";
    public const string TicketsRead = "tickets.read";
    public const string TicketsWrite = "tickets.write";
    public const string NetworkRead = "network.read";
    public const string NetworkOperate = "network.operate";
    public const string NetworkManage = "network.manage";
    public const string FinanceRead = "finance.read";
    public const string FinanceWrite = "finance.write";
    /// <summary>Open a closed month of the books again (with a reason, audited): undoes Finance's close, so Admin only.</summary>
    public const string FinanceReopen = "finance.reopen";
    /// <summary>
    /// Submit an expense for Finance to approve (nothing posts until then): whoever spends the ISP's
    /// money in the field or at the office hands in the receipt. Holders of <see cref="FinanceWrite"/> post at once.
    /// </summary>
    public const string ExpensesSubmit = "expenses.submit";
    public const string ReportsRead = "reports.read";
    public const string ReferenceDataRead = "referencedata.read";
    public const string ReferenceDataWrite = "referencedata.write";
    public const string SettingsManage = "settings.manage";
    public const string UsersManage = "users.manage";
    public const string AuditRead = "audit.read";
    public const string ApiKeysManage = "apikeys.manage";
    /// <summary>
    /// Write to customers in the portal's name through the API: free text, or a template whose
    /// parameters carry links. Phishing in the ISP's voice is the risk, so Admin only (and keys given it).
    /// </summary>
    public const string NotificationsSend = "notifications.send";
    /// <summary>Start backups and download archives: an archive holds every customer's data, so Admin only.</summary>
    public const string BackupsWrite = "backups.write";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> GrantedTo =
        new Dictionary<string, IReadOnlyList<string>>
        {
            [DashboardRead] = Roles.All,
            [CustomersRead] = [Roles.Admin, Roles.Staff, Roles.Technician, Roles.Finance, Roles.Noc, Roles.Manager],
            [CustomersWrite] = [Roles.Admin, Roles.Staff],
            [InstallationsWork] = [Roles.Admin, Roles.Staff, Roles.Technician],
            [BillingRead] = [Roles.Admin, Roles.Staff, Roles.Finance, Roles.Manager],
            [BillingWrite] = [Roles.Admin, Roles.Finance],
            [BillingRecord] = [Roles.Admin, Roles.Staff, Roles.Finance],
            [TicketsRead] = [Roles.Admin, Roles.Staff, Roles.Technician, Roles.Noc, Roles.Manager],
            [TicketsWrite] = [Roles.Admin, Roles.Staff, Roles.Technician, Roles.Noc],
            [NetworkRead] = [Roles.Admin, Roles.Noc, Roles.Technician, Roles.Manager],
            [NetworkOperate] = [Roles.Admin, Roles.Noc],
            [NetworkManage] = [Roles.Admin],
            [FinanceRead] = [Roles.Admin, Roles.Finance, Roles.Manager],
            [FinanceWrite] = [Roles.Admin, Roles.Finance],
            [FinanceReopen] = [Roles.Admin],
            [ExpensesSubmit] = [Roles.Admin, Roles.Staff, Roles.Finance, Roles.Technician, Roles.Noc],
            [ReportsRead] = [Roles.Admin, Roles.Finance, Roles.Manager],
            [ReferenceDataRead] = [Roles.Admin, Roles.Staff, Roles.Finance, Roles.Manager, Roles.Noc],
            [ReferenceDataWrite] = [Roles.Admin],
            [SettingsManage] = [Roles.Admin],
            [UsersManage] = [Roles.Admin],
            [AuditRead] = [Roles.Admin, Roles.Manager],
            [ApiKeysManage] = [Roles.Admin],
            [NotificationsSend] = [Roles.Admin],
            [BackupsWrite] = [Roles.Admin],
        };

    public static IEnumerable<string> For(string role) =>
        GrantedTo.Where(grant => grant.Value.Contains(role)).Select(grant => grant.Key);
}
