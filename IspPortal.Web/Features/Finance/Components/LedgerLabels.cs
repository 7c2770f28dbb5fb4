using IspPortal.Core.Finance.Ledger;

namespace IspPortal.Web.Features.Finance.Components;

/// <summary>The ledger's enums as Indonesian text (keys of the shared localizer).</summary>
public static class LedgerLabels
{
    public static string Type(AccountType type) => type switch
    {
        AccountType.Asset => "Aset",
        AccountType.Liability => "Kewajiban",
        AccountType.Equity => "Ekuitas",
        AccountType.Revenue => "Pendapatan",
        _ => "Beban",
    };

    public static string Kind(AccountKind kind) => kind switch
    {
        AccountKind.Cash => "Kas",
        AccountKind.Bank => "Bank",
        AccountKind.Clearing => "Kliring",
        _ => "Umum",
    };

    public static string Source(JournalSource source) => source switch
    {
        JournalSource.Invoice => "Tagihan",
        JournalSource.InvoiceVoid => "Pembatalan tagihan",
        JournalSource.CreditNote => "Nota kredit",
        JournalSource.Payment => "Pembayaran",
        JournalSource.Allocation => "Pelunasan",
        JournalSource.Expense => "Pengeluaran",
        JournalSource.ExpensePayment => "Pembayaran utang",
        JournalSource.Income => "Pemasukan lain",
        JournalSource.AssetPurchase => "Pembelian aset",
        JournalSource.Depreciation => "Penyusutan",
        JournalSource.AssetDisposal => "Pelepasan aset",
        JournalSource.Capital => "Setoran modal",
        JournalSource.Investment => "Investasi",
        JournalSource.Manual => "Jurnal manual",
        JournalSource.YearClose => "Tutup tahun",
        _ => "Buka tahun",
    };

    public static DateTime? ToDate(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDay(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
