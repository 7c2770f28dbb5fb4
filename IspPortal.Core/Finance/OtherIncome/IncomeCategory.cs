using IspPortal.Core.Finance.Expenses;

namespace IspPortal.Core.Finance.OtherIncome;

/// <summary>What other income came from (table <c>income_categories</c>), posted to its revenue account.</summary>
public class IncomeCategory
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 80;

    private IncomeCategory() { }

    public IncomeCategory(string code, string name, int accountId)
    {
        Code = code;
        Name = name;
        AccountId = accountId;
    }

    public int Id { get; private set; }

    /// <summary>e.g. <c>sewa-menara</c>; unique.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>A Revenue-type ledger account.</summary>
    public int AccountId { get; private set; }
}

public static class StandardIncomeCategories
{
    public static readonly IReadOnlyList<StandardCategory> All =
    [
        new("sewa-menara", "Sewa menara", "4-9200"),
        new("instalasi-korporat", "Jasa instalasi korporat", "4-9300"),
        new("bunga", "Bunga bank", "4-9400"),
        new("lain-lain", "Lain-lain", "4-9100"),
    ];
}
