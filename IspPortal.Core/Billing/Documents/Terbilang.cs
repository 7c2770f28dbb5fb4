namespace IspPortal.Core.Billing.Documents;

/// <summary>
/// An amount in Indonesian words, as written on invoices and receipts ("terbilang"): 150000 is
/// "seratus lima puluh ribu rupiah". Whole rupiah only, up to 999 triliun.
/// </summary>
public static class Terbilang
{
    public const decimal Max = 999_999_999_999_999m;

    private static readonly string[] Units =
        ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

    // Only "ribu" takes "se-" for one (seribu); one million is "satu juta", and so on up.
    private static readonly (long Size, string Name)[] Scales =
        [(1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta"), (1_000, "ribu")];

    public static string Rupiah(decimal amount)
    {
        if (amount < 0 || amount > Max || decimal.Truncate(amount) != amount)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Terbilang takes whole rupiah from 0 to {Max:N0}.");
        return Words((long)amount) + " rupiah";
    }

    private static string Words(long number)
    {
        if (number == 0)
            return Units[0];
        var parts = new List<string>();
        foreach (var (size, name) in Scales)
        {
            var count = number / size;
            number %= size;
            if (count == 0)
                continue;
            parts.Add(count == 1 && size == 1_000 ? "seribu" : $"{BelowThousand((int)count)} {name}");
        }
        if (number > 0)
            parts.Add(BelowThousand((int)number));
        return string.Join(' ', parts);
    }

    private static string BelowThousand(int number)
    {
        var hundreds = number / 100;
        var rest = number % 100;
        var words = hundreds switch
        {
            0 => "",
            1 => "seratus",
            _ => Units[hundreds] + " ratus",
        };
        return rest == 0 ? words : (words.Length == 0 ? "" : words + " ") + BelowHundred(rest);
    }

    private static string BelowHundred(int number) => number switch
    {
        < 12 => Units[number],
        < 20 => Units[number - 10] + " belas",
        _ when number % 10 == 0 => Units[number / 10] + " puluh",
        _ => $"{Units[number / 10]} puluh {Units[number % 10]}",
    };
}
