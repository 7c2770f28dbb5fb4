using IspPortal.Core.Common;

namespace IspPortal.Core.Finance.Expenses;

/// <summary>What an expense was for (table <c>expense_categories</c>), posted to its expense account.</summary>
public class ExpenseCategory
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 80;

    private ExpenseCategory() { }

    public ExpenseCategory(string code, string name, int accountId)
    {
        Code = code;
        Name = name;
        AccountId = accountId;
    }

    public int Id { get; private set; }

    /// <summary>e.g. <c>bandwidth</c>; unique, what the API names.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>An Expense-type ledger account.</summary>
    public int AccountId { get; private set; }
}

/// <summary>A category a new portal starts with, by the code of its account in <see cref="Ledger.StandardChart"/>.</summary>
public sealed record StandardCategory(string Code, string Name, string AccountCode);

public static class StandardExpenseCategories
{
    public static readonly IReadOnlyList<StandardCategory> All =
    [
        new("bandwidth", "Bandwidth / upstream", "5-1100"),
        new("gaji", "Gaji dan tunjangan", "5-1200"),
        new("sewa", "Sewa", "5-1300"),
        new("listrik", "Listrik", "5-1400"),
        new("perawatan", "Perawatan jaringan", "5-1500"),
        new("transportasi", "Transportasi", "5-1800"),
        new("administrasi", "Administrasi dan umum", "5-1900"),
        new("pemasaran", "Pemasaran", "5-2000"),
        new("perizinan", "Perizinan, BHP dan USO", "5-2100"),
        new("lain-lain", "Lain-lain", "5-9900"),
    ];
}

/// <summary>Adds the standard expense and income categories that are missing, in the caller's transaction, safe from two instances at once.</summary>
public interface IFinanceCategorySeeder
{
    Task EnsureAsync(IIspDb db, CancellationToken cancellationToken = default);
}
