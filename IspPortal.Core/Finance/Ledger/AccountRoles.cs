namespace IspPortal.Core.Finance.Ledger;

/// <summary>The posting roles accounts play: what the business events look accounts up by.</summary>
public static class AccountRoles
{
    public const string Cash = "cash";
    public const string DefaultBank = "bank-default";
    public const string Receivable = "receivable";
    public const string GatewayClearing = "gateway-clearing";
    public const string VatInput = "vat-input";
    public const string Investments = "investments";
    public const string Payable = "payable";
    public const string VatOutput = "vat-output";
    public const string CustomerDeposit = "customer-deposit";
    public const string Capital = "capital";
    public const string RetainedEarnings = "retained-earnings";
    public const string SubscriptionRevenue = "revenue-subscription";
    public const string InstallationRevenue = "revenue-installation";
    public const string EquipmentRevenue = "revenue-equipment";
    public const string SalesDiscount = "sales-discount";
    public const string CreditNotes = "credit-notes";
    public const string OtherRevenue = "revenue-other";
    public const string DisposalGain = "gain-disposal";
    public const string Depreciation = "depreciation";
    public const string GatewayFee = "gateway-fee";
    public const string DisposalLoss = "loss-disposal";
}

/// <param name="Role">Null for accounts a posting never needs by name (Finance picks them).</param>
public sealed record StandardAccount(string Code, string Name, AccountType Type, AccountKind Kind = AccountKind.General, string? Role = null);

/// <summary>
/// The chart a new portal starts with: an Indonesian ISP's accounts in SAK EMKM style. Finance
/// adds, renames and deactivates from here; the roles stay with their accounts.
/// </summary>
public static class StandardChart
{
    public static readonly IReadOnlyList<StandardAccount> Accounts =
    [
        new("1-1100", "Kas", AccountType.Asset, AccountKind.Cash, AccountRoles.Cash),
        new("1-1201", "Bank BCA", AccountType.Asset, AccountKind.Bank, AccountRoles.DefaultBank),
        new("1-1202", "Bank Mandiri", AccountType.Asset, AccountKind.Bank),
        new("1-1300", "Piutang usaha", AccountType.Asset, Role: AccountRoles.Receivable),
        new("1-1400", "Kliring payment gateway", AccountType.Asset, AccountKind.Clearing, AccountRoles.GatewayClearing),
        new("1-1500", "PPN masukan", AccountType.Asset, Role: AccountRoles.VatInput),
        new("1-1600", "Biaya dibayar di muka", AccountType.Asset),
        new("1-1700", "Persediaan perangkat pelanggan", AccountType.Asset),
        new("1-2100", "Tanah dan bangunan", AccountType.Asset),
        new("1-2101", "Akumulasi penyusutan bangunan", AccountType.Asset),
        new("1-2200", "Perangkat jaringan (router, OLT, switch)", AccountType.Asset),
        new("1-2201", "Akumulasi penyusutan perangkat jaringan", AccountType.Asset),
        new("1-2300", "Jaringan fiber optik", AccountType.Asset),
        new("1-2301", "Akumulasi penyusutan jaringan fiber optik", AccountType.Asset),
        new("1-2400", "Menara dan tiang", AccountType.Asset),
        new("1-2401", "Akumulasi penyusutan menara dan tiang", AccountType.Asset),
        new("1-2500", "Kendaraan", AccountType.Asset),
        new("1-2501", "Akumulasi penyusutan kendaraan", AccountType.Asset),
        new("1-2600", "Peralatan kantor dan komputer", AccountType.Asset),
        new("1-2601", "Akumulasi penyusutan peralatan kantor", AccountType.Asset),
        new("1-3100", "Investasi jangka panjang", AccountType.Asset, Role: AccountRoles.Investments),
        new("2-1100", "Utang usaha", AccountType.Liability, Role: AccountRoles.Payable),
        new("2-1200", "PPN keluaran", AccountType.Liability, Role: AccountRoles.VatOutput),
        new("2-1300", "Titipan pelanggan (deposit)", AccountType.Liability, Role: AccountRoles.CustomerDeposit),
        new("2-1400", "Beban yang masih harus dibayar", AccountType.Liability),
        new("2-1500", "Utang pajak", AccountType.Liability),
        new("2-2100", "Utang bank jangka panjang", AccountType.Liability),
        new("3-1100", "Modal disetor", AccountType.Equity, Role: AccountRoles.Capital),
        new("3-2100", "Laba ditahan", AccountType.Equity, Role: AccountRoles.RetainedEarnings),
        new("3-3100", "Prive / dividen", AccountType.Equity),
        new("4-1100", "Pendapatan langganan", AccountType.Revenue, Role: AccountRoles.SubscriptionRevenue),
        new("4-1200", "Pendapatan instalasi", AccountType.Revenue, Role: AccountRoles.InstallationRevenue),
        new("4-1300", "Penjualan perangkat", AccountType.Revenue, Role: AccountRoles.EquipmentRevenue),
        new("4-1800", "Diskon penjualan", AccountType.Revenue, Role: AccountRoles.SalesDiscount),
        new("4-1900", "Nota kredit pelanggan", AccountType.Revenue, Role: AccountRoles.CreditNotes),
        new("4-9100", "Pendapatan lain-lain", AccountType.Revenue, Role: AccountRoles.OtherRevenue),
        new("4-9200", "Pendapatan sewa menara", AccountType.Revenue),
        new("4-9300", "Pendapatan jasa instalasi korporat", AccountType.Revenue),
        new("4-9400", "Pendapatan bunga bank", AccountType.Revenue),
        new("4-9500", "Laba pelepasan aset tetap", AccountType.Revenue, Role: AccountRoles.DisposalGain),
        new("5-1100", "Beban bandwidth / upstream", AccountType.Expense),
        new("5-1200", "Beban gaji dan tunjangan", AccountType.Expense),
        new("5-1300", "Beban sewa", AccountType.Expense),
        new("5-1400", "Beban listrik", AccountType.Expense),
        new("5-1500", "Beban perawatan jaringan", AccountType.Expense),
        new("5-1600", "Beban penyusutan", AccountType.Expense, Role: AccountRoles.Depreciation),
        new("5-1700", "Biaya payment gateway", AccountType.Expense, Role: AccountRoles.GatewayFee),
        new("5-1800", "Beban transportasi", AccountType.Expense),
        new("5-1900", "Beban administrasi dan umum", AccountType.Expense),
        new("5-2000", "Beban pemasaran", AccountType.Expense),
        new("5-2100", "Beban perizinan, BHP dan USO", AccountType.Expense),
        new("5-9100", "Rugi pelepasan aset tetap", AccountType.Expense, Role: AccountRoles.DisposalLoss),
        new("5-9200", "Beban administrasi bank", AccountType.Expense),
        new("5-9900", "Beban lain-lain", AccountType.Expense),
    ];
}
